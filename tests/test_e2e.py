#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""End to end: the CLI and the three examples against the API double on
127.0.0.1 (success, 429, 404, 401, 503, a lost response, a batch over the
rate limit), the double's own rules, the printed curl command run by the
real curl, and the serialized request read by two strict parsers that no
one here wrote (Python's h11 and Node.js's llhttp)."""

import base64
import contextlib
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import api_double
from api_double import DIRECT, EMAIL, TOKEN, Double

# key=value arguments from meson, before unittest's own.
ARGS = {}
while len(sys.argv) > 1 and "=" in sys.argv[1] and not sys.argv[1].startswith("-"):
    k, v = sys.argv.pop(1).split("=", 1)
    ARGS[k] = v

api_double.DOUBLE = ARGS["double"]
CLI = ARGS["cli"]
NODE_PEER = ARGS["node-peer"]
FIRMWARE_ZERO_HEAP = ARGS.get("firmware-zero-heap") == "true"
# Loopback never goes through a proxy the environment may name (libcurl and
# urllib both read *_proxy).
os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1"


def cli_command(d, ids, token_env="TE_TOKEN", *extra):
    """te-credentials delete, v6 with Basic authentication (the seed's way)."""
    args = [CLI, "delete", "--base-url", d.url, "--allow-insecure-http",
            "--basic-user", EMAIL, "--token-env", token_env, *extra]
    if len(ids) == 1:
        return args + ["--id", ids[0]]
    ids_file = os.path.join(d.dir, "ids.txt")
    pathlib.Path(ids_file).write_text("# ids to delete\n" + "\n".join(ids) + "\n")
    return args + ["--ids-file", ids_file]


def example_command(name):
    def command(d, ids, token_env="TE_TOKEN"):
        return [ARGS[name], d.url, *ids]
    return command


# Every client the end-to-end scenarios run: the CLI and the four examples.
CLIENTS = {
    "cli": cli_command,
    "curl-client": example_command("curl-client"),
    "beast-client": example_command("beast-client"),
    "httplib-client": example_command("httplib-client"),
    "firmware-client": example_command("firmware-client"),
}


def run_client(name, d, ids, token=TOKEN, timeout=120, wrap=()):
    env = dict(os.environ, TE_TOKEN=token)
    cmd = CLIENTS[name](d, ids)
    return subprocess.run([*wrap, *cmd], capture_output=True, env=env, timeout=timeout,
                          text=True)


class EndToEnd(unittest.TestCase):
    def each_client(self, scenario):
        for name in CLIENTS:
            with self.subTest(client=name):
                scenario(name)

    def test_success_deletes_the_credential_with_one_request(self):
        def scenario(name):
            with Double() as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertIn("deleted", p.stdout)
                self.assertEqual(d.statuses(), [204])
                self.assertEqual(d.ids(), [])
                req = d.requests()[0]
                self.assertIn(req["method"], ("POST", "DELETE"))
                self.assertTrue(req["target"].startswith(("/v6/credentials/405/delete", "/v7/credentials/405")))
        self.each_client(scenario)

    def test_429_then_success_waits_for_the_reset(self):
        def scenario(name):
            with Double("--fault", "429") as d:
                t = time.monotonic()
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [429, 204])
                # The fault's Reset is one second after its Date.
                self.assertGreaterEqual(time.monotonic() - t, 0.9)
        self.each_client(scenario)

    def test_404_is_a_definitive_failure(self):
        def scenario(name):
            with Double(ids="1") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn("not_found", p.stdout)
                self.assertEqual(d.statuses(), [404])
        self.each_client(scenario)

    def test_401_makes_exactly_one_request(self):
        def scenario(name):
            with Double() as d:
                p = run_client(name, d, ["405"], token="wrong-token")
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn("unauthorized", p.stdout)
                self.assertEqual(d.statuses(), [401])
                self.assertEqual(d.ids(), [405])
        self.each_client(scenario)

    def test_a_401_head_then_a_broken_body_is_one_request_and_stops_the_batch(self):
        # An answer is an answer: the complete 401 head is what the attempt
        # brought, whatever became of its body (cut short, bad framing).
        def scenario(name):
            for fault in ("body-cut", "body-bad-chunks"):
                with self.subTest(fault=fault), Double("--fault", fault, ids="1-5") as d:
                    p = run_client(name, d, ["1", "2", "3", "4", "5"], token="wrong-token")
                    self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                    self.assertEqual(d.statuses(), [401])
                    self.assertIn("stopped", p.stdout)
                    self.assertIn("unauthorized", p.stdout)
                    self.assertEqual(d.ids(), [1, 2, 3, 4, 5])
        self.each_client(scenario)

    def test_a_truncated_404_then_a_404_is_not_found(self):
        # Before, the cut body made the 404 a lost answer: retried, the next
        # 404 read as already_absent, exit 0, for an id that never existed.
        def scenario(name):
            with Double("--fault", "body-cut", ids="1") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn("not_found", p.stdout)
                self.assertNotIn("already_absent", p.stdout)
                self.assertEqual(d.statuses(), [404])
        self.each_client(scenario)

    def test_a_401_with_an_endless_body_is_one_request_and_no_wait_for_the_timeout(self):
        def scenario(name):
            with Double("--fault", "body-endless") as d:
                t = time.monotonic()
                p = run_client(name, d, ["405"], token="wrong-token")
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn("unauthorized", p.stdout)
                self.assertEqual(d.statuses(), [401])
                # every client's timeout is 20 s
                self.assertLess(time.monotonic() - t, 10)
        self.each_client(scenario)

    def test_503_then_success(self):
        def scenario(name):
            with Double("--fault", "503") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [503, 204])
        self.each_client(scenario)

    def test_lost_response_then_404_is_already_absent(self):
        def scenario(name):
            with Double("--fault", "drop-after") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertIn("already_absent", p.stdout)
                self.assertEqual(d.statuses(), [None, 404])
                self.assertEqual([r["fault"] for r in d.requests()], ["drop-after", None])
        self.each_client(scenario)

    def test_500_after_deleting_then_404_is_already_absent(self):
        # A 5xx does not say whether the delete happened: the 404 that
        # follows means the credential is gone, not that it never was.
        def scenario(name):
            with Double("--fault", "500-after") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertIn("already_absent", p.stdout)
                self.assertEqual(d.statuses(), [500, 404])
                self.assertEqual(d.ids(), [])
        self.each_client(scenario)

    def test_502_and_504_are_retried(self):
        def scenario(name):
            with Double("--fault", "502,504") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [502, 504, 204])
        self.each_client(scenario)

    def test_5xx_storm_stops_at_max_attempts(self):
        def scenario(name):
            with Double("--fault", "500,502,504,500") as d:
                p = run_client(name, d, ["405"])
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [500, 502, 504])
                self.assertIn("gateway_timeout", p.stdout)
        self.each_client(scenario)

    def test_a_pacing_wait_beyond_the_cap_stops_the_batch(self):
        # One request a day: after the first id, the quota is gone until a
        # reset a day away. No client sleeps for it: the batch stops.
        def scenario(name):
            with Double(ids="1,2", rate_limit=1, window=86400) as d:
                t = time.monotonic()
                p = run_client(name, d, ["1", "2"])
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [204])
                self.assertLess(time.monotonic() - t, 30)
                self.assertIn("stopped", p.stdout)
        self.each_client(scenario)

    def test_batch_over_the_rate_limit_meets_no_429(self):
        # 16 deletions against 6 a second: three windows' worth.
        def scenario(name):
            ids = [str(i) for i in range(1000, 1016)]
            with Double(ids="1000-1015", rate_limit=6, window=1) as d:
                p = run_client(name, d, ids)
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [204] * 16)
                self.assertEqual(d.ids(), [])
        self.each_client(scenario)


class Cli(unittest.TestCase):
    def run_cli(self, d, ids, *extra, token=TOKEN):
        return subprocess.run(cli_command(d, ids, "TE_TOKEN", *extra), capture_output=True,
                              text=True, timeout=120, env=dict(os.environ, TE_TOKEN=token))

    def test_progress_on_stderr_one_line_per_attempt_and_the_result_on_stdout(self):
        with Double("--fault", "503:1") as d:
            p = self.run_cli(d, ["405"])
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stderr.splitlines()
        self.assertEqual(len(lines), 2, p.stderr)
        self.assertEqual(lines[0], "[1/1] credential 405 attempt 1: 503 unavailable; "
                                   "rate limit -/- left; retry in 1000 ms (retry_after)")
        self.assertRegex(lines[1], r"^\[1/1\] credential 405 attempt 2: 204 deleted; "
                                   r"rate limit 239/240 left; done$")
        self.assertEqual(p.stdout, "credential 405: deleted\n")

    def test_quiet_prints_the_result_only(self):
        with Double("--fault", "503:1") as d:
            p = self.run_cli(d, ["405"], "--quiet")
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "credential 405: deleted\n", ""))

    def test_verbose_heads_go_to_stderr(self):
        with Double() as d:
            p = self.run_cli(d, ["405"], "--verbose")
        self.assertEqual((p.returncode, p.stdout), (0, "credential 405: deleted\n"))
        self.assertIn("> POST /v6/credentials/405/delete.json HTTP/1.1", p.stderr)
        self.assertIn("< HTTP/1.1 204", p.stderr)

    def test_json_one_object_per_id_then_a_summary(self):
        with Double("--fault", "none,503,503,503", ids="1,3") as d:
            p = self.run_cli(d, ["1", "2", "3"], "--json", "--max-attempts", "3", "--quiet")
            self.assertEqual(d.ids(), [])
        self.assertEqual((p.returncode, p.stderr), (1, ""))
        lines = [json.loads(l) for l in p.stdout.splitlines()]
        self.assertEqual(len(lines), 4, p.stdout)
        self.assertEqual(lines[0], {"id": "1", "result": "done", "outcome": "deleted", "attempts": 1,
                                    "requests": 1, "status": 204, "uncertain": False, "message": None})
        self.assertEqual(lines[1]["id"], "2")
        self.assertEqual((lines[1]["result"], lines[1]["outcome"], lines[1]["attempts"],
                          lines[1]["status"]), ("failed", "unavailable", 3, 503))
        self.assertEqual((lines[2]["id"], lines[2]["outcome"]), ("3", "deleted"))
        summary = lines[3]["summary"]
        del summary["seconds"]
        self.assertEqual(summary, {"total": 3, "deleted": 2, "already_absent": 0, "failed": 1,
                                   "interrupted": 0, "not_attempted": 0, "not_attempted_ids": [],
                                   "stopped": None, "requests": 5})

    def test_several_ids_on_the_command_line_each_once(self):
        with Double(ids="1,2") as d:
            p = subprocess.run([CLI, "delete", "--base-url", d.url, "--allow-insecure-http",
                                "--basic-user", EMAIL, "--token-env", "TE_TOKEN",
                                "--id", "1", "--id", "2", "--id", "1"],
                               capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual([r["target"] for r in d.requests()],
                             ["/v6/credentials/1/delete.json", "/v6/credentials/2/delete.json"])
        self.assertTrue(p.stdout.startswith("summary: 2 deleted, 0 already absent, 0 failed;"), p.stdout)

    def test_ids_file_dash_reads_standard_input(self):
        with Double(ids="1,2") as d:
            p = subprocess.run([CLI, "delete", "--base-url", d.url, "--allow-insecure-http",
                                "--basic-user", EMAIL, "--token-env", "TE_TOKEN",
                                "--ids-file", "-", "--json", "--quiet"],
                               input="# from a pipe\n1\n2\n", capture_output=True, text=True,
                               timeout=60, env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(d.ids(), [])
        self.assertEqual([json.loads(l).get("id") for l in p.stdout.splitlines()], ["1", "2", None])

    def interrupt_mid_batch(self, sig, status):
        """300 ids paced at 240 a minute; the signal after the third
        attempt. No new attempt starts; the summary agrees with the
        double's record and with the ids it still holds."""
        with Double(ids="1-300") as d:
            ids = [str(i) for i in range(1, 301)]
            p = subprocess.Popen(cli_command(d, ids, "TE_TOKEN", "--json"), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=dict(os.environ, TE_TOKEN=TOKEN))
            seen = 0
            while seen < 3:
                line = p.stderr.readline()
                self.assertNotEqual(line, "", "te-credentials ended before the signal")
                seen += " attempt 1: " in line
            p.send_signal(sig)
            out, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, status, err)
            self.assertIn("te-credentials: interrupted", err)
            lines = [json.loads(l) for l in out.splitlines()]
            summary = lines[-1]["summary"]
            time.sleep(0.5)  # nothing more arrives after the exit
            record = d.requests()
            left = d.ids()
        deleted = [l["id"] for l in lines[:-1] if l["outcome"] == "deleted"]
        self.assertEqual(summary["stopped"], "SIGINT" if sig == signal.SIGINT else "SIGTERM")
        self.assertEqual(summary["deleted"], len(deleted))
        self.assertGreaterEqual(summary["deleted"], 3)
        self.assertLess(summary["deleted"], 300)
        # every request the double saw was one the summary counts, and deleted
        self.assertEqual([r["status"] for r in record], [204] * summary["requests"])
        self.assertEqual([r["target"].split("/")[3] for r in record], deleted)
        # the ids not attempted are exactly those the double still holds
        self.assertEqual(summary["not_attempted"], 300 - len(deleted))
        self.assertEqual(summary["not_attempted_ids"], [str(i) for i in left])
        self.assertEqual(sorted(int(i) for i in deleted + summary["not_attempted_ids"]),
                         list(range(1, 301)))

    def test_sigint_mid_batch_ends_with_a_summary_that_matches_the_double(self):
        self.interrupt_mid_batch(signal.SIGINT, 130)

    def test_sigterm_mid_batch_ends_with_a_summary_that_matches_the_double(self):
        self.interrupt_mid_batch(signal.SIGTERM, 143)

    def test_sigint_during_a_retry_wait_reports_the_deletion_interrupted(self):
        with Double("--fault", "503:30") as d:
            p = subprocess.Popen(cli_command(d, ["405"], "TE_TOKEN"), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=dict(os.environ, TE_TOKEN=TOKEN))
            line = p.stderr.readline()
            self.assertIn("retry in 30000 ms", line)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=10)  # the wait is cut short
            self.assertEqual(d.statuses(), [503])
        self.assertEqual(p.returncode, 130, err)
        # a 503 may come from a gateway after the API acted: the deletion
        # counts it as uncertain, and so does the report
        self.assertEqual(out, "credential 405: interrupted after 1 attempt (unavailable); "
                              "it may have been deleted\n")

    def test_max_attempts_bounds_the_retries(self):
        with Double("--fault", "503,503,503") as d:
            p = self.run_cli(d, ["405"], "--max-attempts", "2")
            self.assertEqual(p.returncode, 1, p.stdout)
            self.assertEqual(d.statuses(), [503, 503])
        self.assertIn("credential 405: unavailable", p.stdout)

    def test_connection_dropped_before_the_delete_is_retried(self):
        with Double("--fault", "drop-before") as d:
            p = self.run_cli(d, ["405"])
            self.assertEqual(p.returncode, 0, p.stdout)
            self.assertEqual(d.statuses(), [None, 204])
        self.assertIn("no response", p.stderr)

    def test_curls_silent_resend_on_a_reused_connection_counts_as_uncertain(self):
        # Credential 2's request goes over the connection credential 1 used;
        # the double deletes 2 and closes it, so libcurl reconnects and sends
        # the request again on its own, within the same attempt: the 404 it
        # brings back means "already absent", not "not found".
        with Double("--fault", "none,drop-after", ids="1,2") as d:
            p = self.run_cli(d, ["1", "2"])
            self.assertEqual(p.returncode, 0, p.stdout)
            self.assertEqual(d.statuses(), [204, None, 404])
        self.assertIn("[2/2] credential 2 attempt 1: 404 already_absent;", p.stderr)

    def test_unreadable_response_is_retried_as_uncertain(self):
        with Double("--fault", "malformed") as d:
            p = self.run_cli(d, ["405"])
            self.assertEqual(p.returncode, 0, p.stdout)
            self.assertEqual(d.statuses(), [None, 204])
        self.assertIn("attempt 1: no readable response (response field line:", p.stderr)
        self.assertIn("credential 405: deleted", p.stdout)

    def test_v7_with_a_bearer_token(self):
        with Double() as d:
            p = subprocess.run([CLI, "delete", "--api", "v7", "--id", "405", "--aid", "7",
                                "--base-url", d.url, "--allow-insecure-http",
                                "--bearer-token-env", "TE_TOKEN"],
                               capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            r = d.requests()[0]
        self.assertEqual((r["method"], r["target"], r["body"]), ("DELETE", "/v7/credentials/405?aid=7", ""))
        # the double records the credentials redacted: their scheme and size
        self.assertIn(["Authorization", "Bearer <redacted>"], r["headers"])
        self.assertEqual(r["authorization"],
                         {"scheme": "Bearer", "bytes": len("Bearer " + TOKEN), "accepted": True})
        self.assertNotIn("Content-Length", [h[0] for h in r["headers"]])

    def test_verbose_shows_the_redacted_request_and_the_response(self):
        with Double() as d:
            p = self.run_cli(d, ["405"], "--verbose")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("> POST /v6/credentials/405/delete.json HTTP/1.1\n", p.stderr)
        self.assertIn("> Authorization: Basic <redacted>\n", p.stderr)
        self.assertIn("< HTTP/1.1 204 No Content", p.stderr)
        self.assertNotIn(TOKEN, p.stdout + p.stderr)
        self.assertNotIn("bm9yZXBseUB0aG91c2FuZGV5ZXM", p.stdout + p.stderr)

    def test_verbose_redacts_a_proxys_credentials_too(self):
        # The double stands in for the proxy here: it sees an absolute-form
        # target it does not serve (404); what matters is what was printed.
        with Double() as d:
            env = dict(os.environ, TE_TOKEN=TOKEN, no_proxy="", NO_PROXY="",
                       http_proxy=f"http://proxyuser:proxysecret@127.0.0.1:{d.port}")
            p = subprocess.run(cli_command(d, ["405"], "TE_TOKEN", "--verbose"), capture_output=True,
                               text=True, timeout=60, env=env)
            self.assertEqual(d.requests()[0]["target"],
                             f"http://127.0.0.1:{d.port}/v6/credentials/405/delete.json")
        self.assertIn("> Proxy-Authorization: Basic <redacted>\n", p.stderr)
        self.assertIn("> Authorization: Basic <redacted>\n", p.stderr)
        self.assertNotIn("cHJveHl1c2VyOnByb3h5c2VjcmV0", p.stdout + p.stderr)  # base64 of the proxy pair
        self.assertNotIn(TOKEN, p.stdout + p.stderr)

    def test_batch_summary_names_the_ids(self):
        with Double(ids="1,2") as d:
            p = self.run_cli(d, ["1", "2", "999"])
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("summary: 2 deleted, 0 already absent, 1 failed; 3 requests in", p.stdout)
        self.assertIn("failed: 999 (not_found)\n", p.stdout)

    def test_batch_stops_at_a_401_after_one_request(self):
        with Double(ids="1-3") as d:
            p = self.run_cli(d, ["1", "2", "3"], token="wrong-token")
            self.assertEqual(p.returncode, 1, p.stdout)
            self.assertEqual(d.statuses(), [401])
        self.assertTrue(p.stdout.startswith("summary: 0 deleted, 0 already absent, 1 failed, 2 not attempted;"),
                        p.stdout)
        self.assertIn("\nfailed: 1 (unauthorized)\nnot attempted: 2 3\nstopped: 401 unauthorized\n", p.stdout)

    def test_ids_file_deletes_a_repeated_id_once(self):
        with Double(ids="1,2") as d:
            ids_file = os.path.join(d.dir, "ids.txt")
            pathlib.Path(ids_file).write_text("1\n  2 \n\n# again:\n1\n")
            p = subprocess.run([CLI, "delete", "--ids-file", ids_file, "--base-url", d.url,
                                "--allow-insecure-http", "--bearer-token-env", "TE_TOKEN"],
                               capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(d.statuses(), [204, 204])
        self.assertTrue(p.stderr.startswith("--ids-file: 1 repeated id skipped\n"), p.stderr)
        self.assertTrue(p.stdout.startswith("summary: 2 deleted, 0 already absent, 0 failed; 2 requests in"),
                        p.stdout)

    def test_a_long_comment_line_is_one_comment(self):
        # issue 9: a 256-byte fgets split the comment, and deleted its tail 999
        with Double(ids="406,999") as d:
            ids_file = os.path.join(d.dir, "ids.txt")
            pathlib.Path(ids_file).write_text("# " + "x" * 300 + "999\n406\n")
            p = subprocess.run([CLI, "delete", "--ids-file", ids_file, "--base-url", d.url,
                                "--allow-insecure-http", "--bearer-token-env", "TE_TOKEN"],
                               capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual([r["target"] for r in d.requests()],
                             ["/v6/credentials/406/delete.json"])
            self.assertEqual(d.ids(), [999])

    def test_what_libcurl_sends_is_the_request_view(self):
        for api in (["--api", "v6", "--basic-user", EMAIL, "--token-env", "TE_TOKEN"],
                    ["--api", "v7", "--aid", "12", "--bearer-token-env", "TE_TOKEN"]):
            with self.subTest(api=api[1]), Double() as d:
                common = ["--id", "405", "--base-url", d.url, "--allow-insecure-http", *api]
                env = dict(os.environ, TE_TOKEN=TOKEN)
                # the double records credentials redacted, as the CLI shows them
                view = json.loads(subprocess.run([CLI, "request", "--json", *common],
                                                 capture_output=True, text=True, env=env).stdout)
                secret = json.loads(subprocess.run([CLI, "request", "--json", "--show-secrets",
                                                    *common], capture_output=True, text=True,
                                                   env=env).stdout)
                auth = dict(secret["fields"])["Authorization"]
                p = subprocess.run([CLI, "delete", *common], capture_output=True, text=True,
                                   timeout=60, env=env)
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                sent = d.requests()[0]
                self.assertEqual((sent["method"], sent["target"]), (view["method"], view["target"]))
                self.assertEqual(sent["headers"], view["fields"])
                self.assertEqual(sent["authorization"], {"scheme": auth.split(" ")[0],
                                                         "bytes": len(auth), "accepted": True})
                self.assertEqual(sent["body"], "")

    def test_request_json_redacts_unless_asked(self):
        p = subprocess.run([CLI, "request", "--json", "--id", "405", "--basic-user", EMAIL,
                            "--token-env", "TE_TOKEN"], capture_output=True, text=True,
                           env=dict(os.environ, TE_TOKEN=TOKEN))
        self.assertEqual(p.returncode, 0, p.stderr)
        view = json.loads(p.stdout)
        self.assertIn(["Authorization", "Basic <redacted>"], view["fields"])
        self.assertIn("Authorization: Basic <redacted>\r\n", view["head"])
        self.assertNotIn("bm9yZXBseUB0aG91c2FuZGV5ZXM", p.stdout)

    def test_invalid_input_exits_2_without_a_request(self):
        with Double() as d:
            for extra in (["--max-attempts", "0"], ["--timeout", "x"], ["--curl"]):
                p = self.run_cli(d, ["405"], *extra)
                self.assertEqual(p.returncode, 2, extra)
                self.assertEqual(len(p.stderr.splitlines()), 1)
            p = self.run_cli(d, ["12a"])
            self.assertEqual(p.returncode, 2)
            ids_file = os.path.join(d.dir, "bad.txt")
            pathlib.Path(ids_file).write_text("1\nx2\n")
            p = subprocess.run([CLI, "delete", "--ids-file", ids_file, "--bearer-token-env", "TE_TOKEN"],
                               capture_output=True, text=True, env=dict(os.environ, TE_TOKEN=TOKEN))
            self.assertEqual(p.returncode, 2)
            self.assertIn("line 2", p.stderr)
            self.assertEqual(d.requests(), [])

    def run_printed_curl(self, d):
        """`request --curl` for credential 405 at the double, run by sh and curl."""
        p = subprocess.run([CLI, "request", "--id", "405", "--base-url", d.url,
                            "--allow-insecure-http", "--basic-user", EMAIL,
                            "--token-env", "TE_TOKEN", "--curl", "--show-secrets"],
                           capture_output=True, text=True, env=dict(os.environ, TE_TOKEN=TOKEN))
        self.assertEqual(p.returncode, 0, p.stderr)
        return subprocess.run(["sh", "-c", p.stdout.rstrip("\n") + " --silent --show-error"],
                              capture_output=True, text=True, timeout=30)

    def test_printed_curl_command_is_accepted_by_the_double(self):
        with Double() as d:
            c = self.run_printed_curl(d)
            self.assertEqual(c.returncode, 0, c.stderr)
            self.assertEqual(d.statuses(), [204])
            self.assertEqual(d.ids(), [])
            headers = dict(d.requests()[0]["headers"])
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(headers["Content-Length"], "0")

    def test_printed_curl_command_fails_on_an_error_status_with_its_body(self):
        with Double(ids="999") as d:  # 405 is not there: 404
            c = self.run_printed_curl(d)
            self.assertEqual(d.statuses(), [404])
        self.assertEqual(c.returncode, 22, c.stderr)  # curl's "HTTP error" status
        self.assertIn("errorMessage", c.stdout)  # the API's words are still shown
        self.assertIn("404", c.stderr)


class DoubleRules(unittest.TestCase):
    """The double answers what the documentation says, so that clients
    tested against it meet the API's rules."""

    def send(self, d, method, target, headers=None, body=b""):
        req = urllib.request.Request(d.url + target, data=body if method != "GET" else None,
                                     method=method, headers=headers or {})
        try:
            with DIRECT.open(req, timeout=10) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def bearer(self, **extra):
        return {"Authorization": "Bearer " + TOKEN, **extra}

    def test_its_own_endpoints_answer_with_a_length_on_a_kept_alive_connection(self):
        # issue 9: without Content-Length, a kept-alive client waited for its timeout
        import http.client
        with Double(ids="1,2") as d:
            c = http.client.HTTPConnection("127.0.0.1", d.port, timeout=5)
            for target, want in (("/_double/ids", [1, 2]), ("/_double/requests", []),
                                 ("/_double/ids", [1, 2])):
                c.request("GET", target)  # HTTP/1.1: the connection is kept
                r = c.getresponse()
                self.assertIsNotNone(r.getheader("Content-Length"), target)
                self.assertEqual(json.loads(r.read()), want)
            c.close()

    def test_idle_and_stalled_connections_are_closed(self):
        with Double("--idle-timeout", "1") as d:
            for first in (b"", b"POST /v6/credentials/405/delete.json HTTP/1.1\r\nHost: x\r\n"):
                with self.subTest(sent=first), socket.create_connection(("127.0.0.1", d.port)) as s:
                    s.sendall(first)
                    s.settimeout(10)
                    start = time.monotonic()
                    self.assertEqual(s.recv(4096), b"")  # closed by the double
                    self.assertLess(time.monotonic() - start, 5)

    def test_documented_statuses(self):
        with Double("--account-groups", "7") as d:
            j = {"Content-Type": "application/json"}
            cases = [
                ("GET", "/v6/credentials/405/delete.json", self.bearer(), b"", 405),
                ("POST", "/v7/credentials/405", self.bearer(), b"", 405),
                ("POST", "/v6/credentials/405/delete.json", self.bearer(**j), b"{}", 400),
                ("POST", "/v6/credentials/405/delete.json", self.bearer(**{"Content-Type": "text/plain"}), b"", 415),
                ("POST", "/v6/credentials/405/delete", self.bearer(Accept="text/html"), b"", 406),
                ("POST", "/v6/credentials/405/delete.json?aid=x", self.bearer(**j), b"", 400),
                ("POST", "/v6/credentials/405/delete.json?aid=8", self.bearer(**j), b"", 403),
                ("DELETE", "/v7/credentials/405", {"Authorization": "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy"}, b"", 401),
                ("POST", "/v6/credentials/406/delete.json", self.bearer(**j), b"", 404),
                ("POST", "/v6/credentials/405/delete.json?aid=7", self.bearer(**j), b"", 204),
            ]
            for method, target, headers, body, status in cases:
                with self.subTest(method=method, target=target, status=status):
                    got, h, b = self.send(d, method, target, headers, body)
                    self.assertEqual(got, status, b)
                    if status not in (401,):
                        self.assertEqual(h["X-Organization-Rate-Limit-Limit"], "240")
                    if status == 204:
                        self.assertNotIn("Content-Length", h)
                        self.assertIn("Date", h)
            self.assertEqual(len(d.requests()), len(cases))

    def test_rate_limit_answers_429_with_the_headers(self):
        with Double(rate_limit=2, window=60) as d:
            got = [self.send(d, "DELETE", "/v7/credentials/1", self.bearer()) for _ in range(3)]
        self.assertEqual([g[0] for g in got], [404, 404, 429])
        self.assertEqual([g[1]["X-Organization-Rate-Limit-Remaining"] for g in got], ["1", "0", "0"])
        reset = int(got[2][1]["X-Organization-Rate-Limit-Reset"])
        self.assertAlmostEqual(reset - time.time(), 60, delta=3)

    def test_version_is_the_projects(self):
        p = subprocess.run([api_double.DOUBLE, "--version"], capture_output=True, text=True, timeout=10)
        self.assertEqual(p.returncode, 0)
        cli = subprocess.run([CLI, "--version"], capture_output=True, text=True, timeout=10)
        self.assertEqual(p.stdout.split(), ["te-api-double", cli.stdout.split()[1]])

    def test_a_lockout_is_the_doubles_choice_and_answers_401(self):
        # The docs give no threshold: "401: invalid credentials provided or
        # account is locked". Off by default; with --lockout-after, a 401.
        bad = {"Authorization": "Bearer nope"}
        with Double() as d:
            got = [self.send(d, "DELETE", "/v7/credentials/405", bad)[0] for _ in range(12)]
            got.append(self.send(d, "DELETE", "/v7/credentials/405", self.bearer())[0])
        self.assertEqual(got, [401] * 12 + [204])
        with Double("--lockout-after", "3") as d:
            got = [self.send(d, "DELETE", "/v7/credentials/405", bad)[0] for _ in range(3)]
            locked = self.send(d, "DELETE", "/v7/credentials/405", self.bearer())
            self.assertEqual(d.ids(), [405])
        self.assertEqual(got + [locked[0]], [401, 401, 401, 401])


@contextlib.contextmanager
def node_server():
    p = subprocess.Popen(["node", NODE_PEER], stdout=subprocess.PIPE, text=True)
    try:
        port = json.loads(p.stdout.readline())["port"]
        yield port, p.stdout
    finally:
        p.terminate()
        p.wait(timeout=10)
        p.stdout.close()


class StrictPeers(unittest.TestCase):
    """The serialized head, read by parsers no one here wrote, gives the same
    method, target and fields as the library's request view."""

    REQUESTS = [
        ["--id", "405", "--basic-user", EMAIL, "--token-env", "TE_TOKEN"],
        ["--id", "405", "--aid", "1234", "--format", "xml", "--bearer-token-env", "TE_TOKEN"],
        ["--api", "v7", "--id", "3247", "--aid", "12", "--bearer-token-env", "TE_TOKEN",
         "--base-url", "https://gw.example.com:8443/te/api"],
    ]

    def view(self, args):
        p = subprocess.run([CLI, "request", "--json", "--show-secrets", *args],
                           capture_output=True, text=True, env=dict(os.environ, TE_TOKEN=TOKEN))
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    def test_h11_reads_the_view(self):
        import h11
        for args in self.REQUESTS:
            with self.subTest(args=args):
                v = self.view(args)
                conn = h11.Connection(h11.SERVER)
                conn.receive_data(v["head"].encode("latin-1"))
                event = conn.next_event()
                self.assertIsInstance(event, h11.Request)
                self.assertEqual(event.method.decode(), v["method"])
                self.assertEqual(event.target.decode(), v["target"])
                self.assertEqual(event.http_version, b"1.1")
                self.assertEqual([(n.decode(), val.decode()) for n, val in event.headers.raw_items()],
                                 [tuple(f) for f in v["fields"]])
                self.assertIsInstance(conn.next_event(), h11.EndOfMessage)

    def test_h11_is_strict(self):
        import h11
        conn = h11.Connection(h11.SERVER)
        conn.receive_data(b"POST /x HTTP/1.1\r\nHost : a\r\n\r\n")
        with self.assertRaises(h11.RemoteProtocolError):
            conn.next_event()

    def send_to_node(self, head):
        with node_server() as (port, out):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(head)
                answer = s.recv(4096)
            return answer, json.loads(out.readline())

    def test_node_reads_the_view(self):
        for args in self.REQUESTS:
            with self.subTest(args=args):
                v = self.view(args)
                answer, seen = self.send_to_node(v["head"].encode("latin-1"))
                self.assertTrue(answer.startswith(b"HTTP/1.1 204"), answer)
                self.assertEqual(seen["method"], v["method"])
                self.assertEqual(seen["url"], v["target"])
                self.assertEqual(seen["httpVersion"], "1.1")
                raw = seen["rawHeaders"]
                self.assertEqual(list(zip(raw[::2], raw[1::2])), [tuple(f) for f in v["fields"]])
                self.assertEqual(seen["body"], "")

    def test_node_is_strict(self):
        answer, seen = self.send_to_node(b"POST /x HTTP/1.1\r\nHost: a\r\nBad Name: 1\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 400"), answer)
        self.assertIn("error", seen)


@unittest.skipUnless(FIRMWARE_ZERO_HEAP,
                     "the firmware example is built without its static runtime here "
                     "(a sanitizer or coverage configuration, or Boost.URL 1.83+ which must "
                     "be linked)")
class FirmwareHeap(unittest.TestCase):
    def test_firmware_client_makes_no_heap_allocation(self):
        with Double("--fault", "503", ids="405,406") as d:
            p = run_client("firmware-client", d, ["405", "406"],
                           wrap=["valgrind", "--error-exitcode=3"])
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(d.statuses(), [503, 204, 204])
        self.assertIn("total heap usage: 0 allocs, 0 frees, 0 bytes allocated", p.stderr)


class DoubleStrict(unittest.TestCase):
    """te-api-double --strict: an API request in which the request checker
    finds an error is answered 400 with the findings (the reason, not just a
    status); a right one is answered as without --strict; every record
    carries its findings."""

    def send(self, d, method, target, headers):
        req = urllib.request.Request(d.url + target, method=method, headers=headers, data=None)
        try:
            with DIRECT.open(req, timeout=10) as r:
                return r.status, r.read().decode(), r.headers.get("Content-Type")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), e.headers.get("Content-Type")

    def test_strict_answers_400_with_the_findings_and_records_them(self):
        v7 = {"Authorization": "Bearer " + TOKEN}
        with Double("--strict", ids="405,406,407") as d:
            # the library's clients send nothing the checker refuses
            for name in ("cli", "beast-client"):
                r = run_client(name, d, ["405" if name == "cli" else "406"])
                self.assertEqual(r.returncode, 0, r.stderr)
            # an Accept the API does not serve, a repeated aid
            status, body, kind = self.send(d, "DELETE", "/v7/credentials/407?aid=1&aid=1",
                                           dict(v7, Accept="text/xml"))
            self.assertEqual(status, 400)
            self.assertEqual(kind, "application/problem+json")
            problem = json.loads(body)
            self.assertEqual(problem["status"], 400)
            self.assertEqual([f["rule"] for f in problem["findings"]], ["query-repeated", "accept"])
            self.assertIn("query-repeated, accept", problem["detail"])
            self.assertNotIn(TOKEN, body)
            # v6: the reason in errorMessage, which the CLI's explain-response shows
            status, body, kind = self.send(d, "POST", "/v6/credentials/407/delete.json",
                                           {"Authorization": "Bearer " + TOKEN + " x",
                                            "Content-Type": "application/json",
                                            "Content-Length": "0"})
            self.assertEqual(status, 400)
            self.assertEqual(json.loads(body)["errorMessage"],
                             "The request breaks the checker's rules: bearer-token")
            self.assertNotIn(TOKEN, body)
            # a warning alone is no reason to refuse: credential 407 is deleted
            status, _, _ = self.send(d, "DELETE", "/v7/credentials/407",
                                     dict(v7, **{"X-Note": "x", "Expect": "100-continue"}))
            self.assertEqual(status, 204)
            records = d.requests()
        self.assertEqual([r["status"] for r in records], [204, 204, 400, 400, 204])
        self.assertEqual([f["rule"] for f in records[2]["findings"]], ["query-repeated", "accept"])
        self.assertEqual([f["rule"] for f in records[4]["findings"]], ["expect"])
        for r in records:
            for f in r["findings"]:
                self.assertEqual(set(f), {"rule", "severity", "offset", "length", "field", "message"})

    def test_without_strict_the_same_request_gets_the_apis_answer(self):
        with Double(ids="407") as d:
            status, body, _ = self.send(d, "DELETE", "/v7/credentials/407?aid=1&aid=1",
                                        {"Authorization": "Bearer " + TOKEN, "Accept": "text/xml"})
            records = d.requests()
        self.assertEqual(status, 400)  # the double's own rule: two aids are an invalid aid
        self.assertNotIn("findings", json.loads(body))
        self.assertEqual([f["rule"] for f in records[0]["findings"]], ["query-repeated", "accept"])


class DoubleKeepsNoSecrets(unittest.TestCase):
    """The double's record and /_double/requests hold credentials redacted,
    right or wrong; the record file is its owner's only; only API requests
    are kept. Found by an adversarial run: both held Authorization as sent."""

    def test_credentials_are_redacted_in_the_file_and_the_endpoint(self):
        basic = base64.b64encode(f"{EMAIL}:{TOKEN}".encode()).decode()
        sent = [("POST", "/v6/credentials/405/delete", "Basic " + basic, 204),
                ("DELETE", "/v7/credentials/405", "Bearer wrong-token-1234567890abcdef", 401),
                ("DELETE", "/v7/credentials/405", "Bearer " + TOKEN, 404),
                ("GET", "/elsewhere", "Bearer " + TOKEN, 404)]
        with Double() as d:
            for method, target, auth, status in sent:
                req = urllib.request.Request(d.url + target, method=method,
                                             headers={"Authorization": auth,
                                                      "Content-Type": "application/json"},
                                             data=b"")
                try:
                    with DIRECT.open(req, timeout=10) as r:
                        self.assertEqual(r.status, status)
                except urllib.error.HTTPError as e:
                    self.assertEqual(e.code, status)
            self.assertEqual(os.stat(d.record).st_mode & 0o777, 0o600)
            file_text = pathlib.Path(d.record).read_text()
            with DIRECT.open(d.url + "/_double/requests", timeout=10) as r:
                served = r.read().decode()
                self.assertEqual(r.headers["X-Double-Records-Dropped"], "0")
        for text in (file_text, served):
            for secret in (TOKEN, basic, "wrong-token"):
                self.assertNotIn(secret, text)
        records = json.loads(served)
        self.assertEqual([r["target"] for r in records],
                         ["/v6/credentials/405/delete", "/v7/credentials/405", "/v7/credentials/405"])
        self.assertEqual([r["authorization"] for r in records],
                         [{"scheme": a.split(" ")[0], "bytes": len(a), "accepted": ok}
                          for (_, _, a, _), ok in zip(sent, (True, False, True))])
        self.assertEqual([dict(r["headers"])["Authorization"] for r in records],
                         ["Basic <redacted>", "Bearer <redacted>", "Bearer <redacted>"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
