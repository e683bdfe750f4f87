#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""te-credentials CLI: outputs, exit statuses and messages, and the printed
curl command run by the real curl against a loopback socket."""

import email.utils
import http.server
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import unittest

CLI = sys.argv.pop(1)
ESCAPE_PROBE = sys.argv.pop(1) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
DATA = pathlib.Path(__file__).resolve().parent / "data"
TOKEN = "g351mw5xqhvkmh1vq6zfm51c62wyzib2"
SEED_AUTH = ["--basic-user", "noreply@thousandeyes.com", "--token-env", "TE_TOKEN"]


def run(*args, env=None, input=b""):
    e = dict(os.environ, TE_TOKEN=TOKEN, TE_BEARER="abc-123")
    e.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, env=e, timeout=30, input=input)


def fields(head: bytes):
    lines = head.decode("latin-1").split("\r\n")
    return lines[0], [tuple(l.split(": ", 1)) for l in lines[1:] if l]


class Request(unittest.TestCase):
    def test_seed_head_matches_curl_on_the_six_items(self):
        p = run("request", "--id", "405", *SEED_AUTH, "--show-secrets")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, b"")
        ours_line, ours = fields(p.stdout)
        curl_line, curl = fields((DATA / "curl-seed-request.http").read_bytes())
        self.assertEqual(ours_line, curl_line)
        for name in ("Host", "Authorization", "Content-Type", "Content-Length"):
            self.assertEqual(dict(ours)[name], dict(curl)[name], name)
        self.assertTrue(p.stdout.endswith(b"\r\n\r\n"))

    def test_head_is_redacted_by_default(self):
        p = run("request", "--id", "405", *SEED_AUTH)
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"Authorization: Basic <redacted>\r\n", p.stdout)
        self.assertNotIn(b"bm9yZXBseUB0aG91c2FuZGV5ZXM", p.stdout)

    def test_v7_head(self):
        p = run("request", "--api", "v7", "--id", "3247", "--aid", "12",
                "--bearer-token-env", "TE_BEARER", "--show-secrets")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout,
                         b"DELETE /v7/credentials/3247?aid=12 HTTP/1.1\r\n"
                         b"Host: api.thousandeyes.com\r\n"
                         b"Authorization: Bearer abc-123\r\n"
                         b"User-Agent: thousandeyes-credentials/0.1.0\r\n"
                         b"Accept: application/json, application/problem+json\r\n\r\n")

    def test_token_file_with_trailing_newline(self):
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("abc-123\n")
        try:
            p = run("request", "--id", "1", "--bearer-token-file", f.name, "--show-secrets")
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"Authorization: Bearer abc-123\r\n", p.stdout)

    def test_review(self):
        p = run("request", "--id", "405", *SEED_AUTH, "--review")
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"POST /v6/credentials/405/delete.json HTTP/1.1\\r\\n\n", p.stdout)
        self.assertIn(b"Authorization: Basic <redacted>\\r\\n", p.stdout)

    def test_each_command_has_its_own_help(self):
        shared = ["--id", "--aid", "--api", "--format", "--base-url", "--allow-insecure-http",
                  "--user-agent", "--bearer-token-env", "--bearer-token-file", "--basic-user",
                  "--token-env", "--token-file"]
        expected = {
            "request": shared + ["--show-secrets", "--curl", "--review", "--json"],
            "delete": shared + ["--ids-file", "--max-attempts", "--timeout", "--verbose",
                                "--connect-timeout", "--cacert", "--capath", "--proxy",
                                "--quiet", "--json"],
            "explain-response": ["--now", "--attempt", "--earlier-attempt-uncertain", "--json"],
        }
        for command, options in expected.items():
            with self.subTest(command=command):
                p = run(command, "--help")
                self.assertEqual((p.returncode, p.stderr), (0, b""))
                out = p.stdout.decode()
                self.assertTrue(out.startswith("usage: te-credentials " + command), out)
                listed = set(re.findall(r"^  (--[a-z-]+)", out, re.M))
                self.assertEqual(listed, set(options))
                self.assertTrue(all(len(l) <= 80 for l in out.splitlines()), out)
                self.assertEqual(run(command, "-h").stdout, p.stdout)
        overview = run("--help")
        self.assertEqual(overview.returncode, 0)
        for command in expected:
            self.assertIn(command.encode(), overview.stdout)

    def test_help_shows_v7_first_for_the_live_api_and_says_v6_is_deprecated(self):
        for args in (["--help"], ["request", "--help"], ["delete", "--help"]):
            with self.subTest(args=args):
                out = run(*args).stdout.decode()
                self.assertIn("deprecated", out)
                self.assertIn("2024-05-27", out)
        out = run("request", "--help").stdout.decode()
        self.assertLess(out.index("--api v7 --id"), out.index("  --id ID"))
        api = out[out.index("  --api"):]
        self.assertLess(api.index("v7:"), api.index("v6 (the default"))

    def test_a_base_url_ending_in_the_chosen_version_is_accepted_and_not_repeated(self):
        p = run("request", "--api", "v7", "--id", "3247", "--bearer-token-env", "TE_BEARER",
                "--base-url", "https://api.thousandeyes.com/v7")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith(b"DELETE /v7/credentials/3247 HTTP/1.1\r\n"
                                            b"Host: api.thousandeyes.com\r\n"), p.stdout)
        p = run("request", "--id", "405", "--bearer-token-env", "TE_BEARER",
                "--base-url", "https://gw.example.com/te/v6/")
        self.assertTrue(p.stdout.startswith(b"POST /te/v6/credentials/405/delete.json HTTP/1.1"),
                        p.stdout)


MAN = os.environ.get("TE_CREDENTIALS_MAN", "")


class ManPage(unittest.TestCase):
    """te-credentials.1 says what --help says: the same options per command."""

    def page(self):
        if not MAN:
            self.skipTest("TE_CREDENTIALS_MAN is not set (run through meson test)")
        return pathlib.Path(MAN).read_text()

    def test_each_commands_section_lists_the_options_of_its_help(self):
        page = self.page()
        sections = re.split(r"^\.SS (\S+)\n", page, flags=re.M)
        documented = dict(zip(sections[1::2], sections[2::2]))
        self.assertEqual(set(documented), {"request", "delete", "explain-response", "check-request"})
        for command, text in documented.items():
            with self.subTest(command=command):
                text = text.split("\n.SH ")[0]
                in_page = set(re.findall(r"^\.BR? ?I? ?(\\-\\-[a-z\\-]+)", text, re.M))
                in_page = {o.replace("\\-", "-") for o in in_page}
                help_text = run(command, "--help").stdout.decode()
                in_help = set(re.findall(r"^  (--[a-z-]+)", help_text, re.M))
                if command == "delete":
                    # the section lists its own options and names the shared ones
                    shared = in_help - in_page
                    for o in shared:
                        self.assertIn("\\fB" + o.replace("-", "\\-") + "\\fR", text, o)
                    self.assertTrue({"--ids-file", "--max-attempts", "--timeout",
                                     "--verbose"} <= in_page)
                    in_help -= shared
                self.assertEqual(in_page, in_help)

    def test_its_version_is_the_programs(self):
        version = run("--version").stdout.decode().split()[1]
        self.assertIn(f'"thousandeyes-credentials {version}"', self.page())
        self.assertNotIn("@VERSION@", self.page())

    @unittest.skipUnless(shutil.which("groff"), "groff is not installed")
    def test_it_renders_without_warnings(self):
        self.page()
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", MAN], capture_output=True,
                           timeout=30)
        self.assertEqual((p.returncode, p.stderr), (0, b""))


class DidYouMean(unittest.TestCase):
    """A mistyped command or option is answered with the nearest one; a word
    that might be a secret is neither shown nor matched."""

    def test_a_mistyped_command_is_named_with_the_nearest_one(self):
        for typed, meant in (("delet", "delete"), ("reqeust", "request"), ("explain", "explain-response"),
                             ("check", "check-request"), ("--verison", "--version")):
            with self.subTest(typed=typed):
                p = run(typed)
                self.assertEqual((p.returncode, p.stdout), (2, b""))
                self.assertEqual(p.stderr.decode(), f"te-credentials: command: unknown command "
                                 f"'{typed}'; did you mean '{meant}'? (see te-credentials --help)\n")

    def test_a_command_far_from_any_or_like_a_secret_is_not_shown(self):
        for typed in ("frobnicate", "Zm9vYmFyOnNlY3JldA==", "g351mw5xqhvkmh1vq6zfm51c62wyzib2x"):
            with self.subTest(typed=typed):
                p = run(typed)
                self.assertEqual(p.returncode, 2)
                self.assertNotIn(typed.encode(), p.stderr)
                self.assertIn(b"unknown command; use 'request', 'delete'", p.stderr)

    def test_a_mistyped_option_is_named_with_the_nearest_one_of_its_command(self):
        for command, typed, meant in (("delete", "--ids-fil", "--ids-file"),
                                      ("delete", "--quite", "--quiet"),
                                      ("delete", "--max-attempt", "--max-attempts"),
                                      ("request", "--bearer-token", "--bearer-token-env"),
                                      ("explain-response", "--jsno", "--json")):
            with self.subTest(typed=typed):
                p = run(command, typed, "x")
                self.assertEqual((p.returncode, p.stdout), (2, b""))
                self.assertIn(f"te-credentials: {typed}: unknown option for '{command}'; did you mean "
                              f"{meant}?".encode(), p.stderr)

    def test_an_option_of_another_command_gets_no_wrong_suggestion(self):
        p = run("explain-response", "--ids-file", "x")
        self.assertEqual(p.returncode, 2)
        self.assertNotIn(b"did you mean", p.stderr)


class RepeatedId(unittest.TestCase):
    def test_delete_takes_several_ids_request_one(self):
        p = run("request", "--id", "1", "--id", "2", "--bearer-token-env", "TE_BEARER")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"--id: given twice", p.stderr)
        p = run("delete", "--id", "1", "--id", "x", "--bearer-token-env", "TE_BEARER")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertIn(b"te-credentials: --id:", p.stderr)
        p = run("delete", "--id", "1", "--ids-file", "-", "--bearer-token-env", "TE_BEARER")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"--id/--ids-file: give exactly one", p.stderr)

    def test_ids_file_dash_that_is_empty_is_invalid_input(self):
        p = run("delete", "--ids-file", "-", "--bearer-token-env", "TE_BEARER", input=b"# none\n")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertEqual(p.stderr, b"te-credentials: --ids-file: standard input: holds no credential id\n")

    def test_quiet_and_verbose_together_are_refused(self):
        p = run("delete", "--id", "1", "--quiet", "--verbose", "--bearer-token-env", "TE_BEARER")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"--quiet/--verbose: give at most one", p.stderr)


class InvalidInput(unittest.TestCase):
    """Each: exit status 2, one line on stderr naming the field, nothing on stdout."""

    CASES = [
        (["--id", "0405"], "credential id", "leading zero"),
        (["--id", ""], "credential id", "empty"),
        (["--id", "-1"], "credential id", "digits"),
        (["--id", "4 05"], "credential id", "digits"),
        (["--id", "405/x"], "credential id", "digits"),
        (["--id", "4%2005"], "credential id", "digits"),
        (["--id", "4.5"], "credential id", "digits"),
        (["--id", "\u0664\u0660\u0665"], "credential id", "digits"),
        (["--id", "9223372036854775808"], "credential id", "9223372036854775807"),
        (["--id", "0"], "credential id", "between"),
        (["--id", "1", "--aid", "07"], "aid", "leading zero"),
        (["--id", "1", "--aid", "x"], "aid", "digits"),
        (["--id", "1", "--aid", "99999999999999999999"], "aid", "between"),
        (["--id", "1", "--base-url", "http://api.thousandeyes.com"], "base URL", "https"),
        (["--id", "1", "--base-url", "api.thousandeyes.com"], "base URL", "absolute"),
        (["--id", "1", "--base-url", "https://u:p@h"], "base URL", "userinfo"),
        (["--id", "1", "--base-url", "https://h/?a=1"], "base URL", "query"),
        (["--id", "1", "--base-url", "https://h/#f"], "base URL", "fragment"),
        (["--id", "1", "--base-url", "https:///p"], "base URL", "host"),
        (["--id", "1", "--base-url", "https://h:99999"], "base URL", "port"),
        (["--id", "1", "--base-url", "https://h/a/../b"], "base URL", "'..'"),
        (["--id", "1", "--base-url", "https://api.thousandeyes.com/v7"], "--base-url",
         "other than the request's"),
        (["--id", "1", "--api", "v7", "--base-url", "https://h/v6"], "--base-url", "version"),
        (["--id", "1", "--user-agent", "a\r\nX-Evil: 1"], "user agent", "field-value"),
        (["--id", "1", "--user-agent", ""], "user agent", "field-value"),
        (["--id", "1", "--api", "v8"], "--api", "v6 or v7"),
        (["--id", "1", "--format", "yaml"], "--format", "json, xml or none"),
        (["--id", "1", "--api", "v7", "--format", "xml"], "format", "v6"),
        (["--id", "1", "--api", "v7", "--basic-user", "a@b.c", "--token-env", "TE_TOKEN"],
         "authorization", "Bearer"),
        (["--id", "1", "--basic-user", "a:b@c.d", "--token-env", "TE_TOKEN"], "basic user", "':'"),
        (["--id", "1", "--basic-user", "", "--token-env", "TE_TOKEN"], "basic user", "empty"),
        (["--id", "1", "--basic-user", "a\x01@c.d", "--token-env", "TE_TOKEN"], "basic user", "control"),
        (["--id", "1", "--basic-user", "a@c.d", "--token-env", "TE_EMPTY"], "token", "empty"),
        (["--id", "1", "--basic-user", "a@c.d", "--token-env", "TE_CTL"], "token", "control"),
        (["--id", "1", "--bearer-token-env", "TE_SPACE"], "bearer token", "b64token"),
        (["--id", "1", "--bearer-token-env", "TE_CTL"], "bearer token", "b64token"),
        (["--id", "1", "--bearer-token-env", "TE_UNSET"], "--bearer-token-env TE_UNSET",
         "the environment variable is not set"),
        (["--id", "1", "--bearer-token-file", "/nonexistent/file"],
         "--bearer-token-file /nonexistent/file", "cannot open: No such file or directory"),
        (["--id", "1", "--bearer-token-file", "/etc/hostname/x"],
         "--bearer-token-file /etc/hostname/x", "cannot open: Not a directory"),
        (["--id", "1", "--token-file", "/x", "--bearer-token-env", "TE_BEARER"], "--token-file",
         "goes with --basic-user only"),
        (["--id", "1", "--basic-user", "a@c.d"], "--basic-user", "--token-env"),
        (["--id", "1"], "authentication", "exactly one"),
        (["--bearer-token-env", "TE_BEARER"], "--id", "required"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--curl", "--review"], "--curl", "at most one"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--token", "x"], "--token",
         "unknown option for 'request'; did you mean --token-env? (see 'te-credentials request --help')"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--crul"], "--crul", "unknown option"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--max-attempts", "2"], "--max-attempts",
         "unknown option for 'request'"),
        # $6 is the argument: counted as the shell counts, never shown
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--s3cr3t_X=x"], "argument 6",
         "unknown option, not shown"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "--S3CR3T"], "argument 6",
         "unknown option, not shown"),
        (["--id", "1", "--bearer-token-env", "TE_BEARER", "s3cr3t"], "argument 6",
         "unexpected argument, not shown"),
        (["--id"], "--id", "needs a value: ID"),
        (["--id", "405", "--id", "406", "--bearer-token-env", "TE_BEARER"], "--id",
         "given twice"),
        (["--id", "405", "--curl", "--curl", "--bearer-token-env", "TE_BEARER"], "--curl",
         "given twice"),
        (["--id", "405", "--curl=yes", "--bearer-token-env", "TE_BEARER"], "--curl",
         "takes no value"),
    ]

    def test_each_invalid_input(self):
        env = {"TE_EMPTY": "", "TE_CTL": "to\x7fken", "TE_SPACE": "abc def s3cr3t"}
        for args, field, rule in self.CASES:
            with self.subTest(args=args):
                full = ["request", *args]
                auth_given = any(a in ("--basic-user", "--bearer-token-env", "--bearer-token-file")
                                 for a in args)
                if not auth_given and "--id" in args and len(args) > 1 \
                        and field not in ("authentication", "--id"):
                    full += ["--bearer-token-env", "TE_BEARER"]
                p = run(*full, env=env)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertEqual(p.stdout, b"")
                err = p.stderr.decode()
                self.assertEqual(err.count("\n"), 1, err)
                self.assertTrue(err.startswith("te-credentials: "), err)
                self.assertIn(field, err)
                self.assertIn(rule, err)
                self.assertNotIn("s3cr3t", err)
                self.assertNotIn("S3CR3T", err)
                self.assertNotIn("7617", err) if "bearer" in field else None
                self.assertNotIn(TOKEN, err)

    def test_token_file_with_a_nul_byte(self):
        with tempfile.NamedTemporaryFile("wb", delete=False) as f:
            f.write(b"abc\0def")
        try:
            p = run("request", "--id", "1", "--bearer-token-file", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertIn(f"--bearer-token-file {f.name}: line 1: contains a NUL byte".encode(),
                      p.stderr)

    def test_version(self):
        p = run("--version")
        self.assertEqual(p.returncode, 0)
        self.assertRegex(p.stdout.decode(), r"^te-credentials \d+\.\d+\.\d+\n$")

    def test_unknown_command(self):
        p = run("frobnicate")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertIn(b"unknown command", p.stderr)

    def test_an_unreadable_token_file_names_the_file_and_the_systems_reason(self):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "token")
            pathlib.Path(path).write_text("abc\n")
            os.chmod(path, 0)
            if os.access(path, os.R_OK):
                self.skipTest("running as root: a mode 0 file is still readable")
            p = run("request", "--id", "1", "--bearer-token-file", path)
        finally:
            shutil.rmtree(d)
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertEqual(p.stderr.decode(), f"te-credentials: --bearer-token-file {path}: "
                                            "cannot open: Permission denied\n")


def answer_one(server: socket.socket, answer: bytes) -> bytes:
    """Accepts one connection on `server`, reads a request head, sends
    `answer`, closes; returns the head read."""
    conn, _ = server.accept()
    with conn:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        conn.sendall(answer)
    return data


def capture_one_request(server: socket.socket, out: dict):
    out["head"] = answer_one(server, b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")


@unittest.skipUnless(shutil.which("curl"), "curl is not installed")
class CurlCommand(unittest.TestCase):
    """The printed curl command, run by sh and the real curl, sends the head we serialize."""

    def check(self, *args):
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        got = {}
        t = threading.Thread(target=capture_one_request, args=(server, got))
        t.start()
        common = ["--base-url", f"http://127.0.0.1:{port}/gw", "--allow-insecure-http",
                  "--show-secrets", "--user-agent", "it's/1", *args]
        ours = run("request", *common)
        cmd = run("request", *common, "--curl")
        self.assertEqual(cmd.returncode, 0, cmd.stderr)
        p = subprocess.run(["sh", "-c", cmd.stdout.decode()], capture_output=True, timeout=30)
        t.join(30)
        server.close()
        self.assertEqual(p.returncode, 0, p.stderr)
        our_line, our_fields = fields(ours.stdout)
        curl_line, curl_fields = fields(got["head"])
        self.assertEqual(curl_line, our_line)
        self.assertEqual(sorted(curl_fields), sorted(our_fields))

    def test_v6_basic(self):
        self.check("--id", "405", "--aid", "7", *SEED_AUTH)

    def test_v7_bearer(self):
        self.check("--api", "v7", "--id", "3247", "--bearer-token-env", "TE_BEARER")


SEED_RESPONSE = (DATA / "seed-response.http").read_bytes()


def explain(raw: bytes, *args):
    return subprocess.run([CLI, "explain-response", *args], input=raw,
                          capture_output=True, timeout=30)


def explain_json(raw: bytes, *args):
    p = explain(raw, "--json", *args)
    if p.returncode != 0:
        raise AssertionError(p.stderr.decode())
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 1, lines  # exactly one JSON object
    return json.loads(lines[0])


def with_status(raw: bytes, status_line: bytes) -> bytes:
    return status_line + raw[raw.index(b"\r\n"):]


class ExplainResponse(unittest.TestCase):
    def test_seed_response_is_deleted_and_done(self):
        out = explain_json(SEED_RESPONSE)
        self.assertEqual(out["status"], 204)
        self.assertEqual(out["outcome"], "deleted")
        self.assertEqual(out["organization_rate_limit"],
                         {"limit": 240, "remaining": 236, "reset": 1573849500})
        self.assertIsNone(out["retry_after_seconds"])
        self.assertEqual(out["date"], 1573849473)
        self.assertIsNone(out["error_message"])
        self.assertEqual(out["decision"], {"action": "done", "delay_ms": 0})

    def test_file_argument_and_stdin_agree(self):
        p = subprocess.run([CLI, "explain-response", str(DATA / "seed-response.http"), "--json"],
                           capture_output=True, timeout=30)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, explain(SEED_RESPONSE, "--json").stdout)
        self.assertEqual(p.stdout, explain(SEED_RESPONSE, "-", "--json").stdout)

    def test_429_with_the_seeds_date_and_reset_waits_27_seconds(self):
        raw = with_status(SEED_RESPONSE, b"HTTP/1.1 429 Too Many Requests")
        out = explain_json(raw)
        self.assertEqual(out["outcome"], "rate_limited")
        self.assertEqual(out["decision"], {"action": "retry", "delay_ms": 27000})
        # a skewed local clock changes nothing when the server sent Date
        self.assertEqual(explain_json(raw, "--now", "1573840000")["decision"]["delay_ms"], 27000)
        # the last attempt is not retried
        self.assertEqual(explain_json(raw, "--attempt", "3")["decision"]["action"], "fail")

    def test_retry_after_date_is_relative_to_date_else_to_now(self):
        no_date = (b"HTTP/1.1 503 Service Unavailable\r\n"
                   b"Retry-After: Fri, 15 Nov 2019 20:25:33 GMT\r\n\r\n")
        self.assertIsNone(explain_json(no_date)["retry_after_seconds"])
        out = explain_json(no_date, "--now", "1573849503")
        self.assertEqual(out["retry_after_seconds"], 30)
        self.assertEqual(out["decision"], {"action": "retry", "delay_ms": 30000})
        with_date = no_date.replace(b"\r\n\r\n", b"\r\nDate: Fri, 15 Nov 2019 20:24:33 GMT\r\n\r\n")
        self.assertEqual(explain_json(with_date, "--now", "1")["retry_after_seconds"], 60)

    def test_404_after_an_uncertain_attempt_is_already_absent(self):
        raw = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        self.assertEqual(explain_json(raw)["outcome"], "not_found")
        self.assertEqual(explain_json(raw)["decision"]["action"], "fail")
        out = explain_json(raw, "--attempt", "2", "--earlier-attempt-uncertain")
        self.assertEqual(out["outcome"], "already_absent")
        self.assertEqual(out["decision"], {"action": "done", "delay_ms": 0})

    def test_error_messages_from_each_body_shape(self):
        cases = [
            (b"HTTP/1.1 400 Bad Request", b'{"errorMessage": "Invalid aid"}', "Invalid aid"),
            (b"HTTP/1.1 403 Forbidden",
             b'{"type":"about:blank","title":"Forbidden","status":403,"detail":"No access \\"x\\""}',
             'Forbidden: No access "x"'),
            (b"HTTP/1.1 401 Unauthorized",
             b'{"error":"invalid_token","error_description":"expired"}', "invalid_token: expired"),
        ]
        for status, body, message in cases:
            raw = status + b"\r\nContent-Type: application/json\r\nContent-Length: " + \
                str(len(body)).encode() + b"\r\n\r\n" + body + b"garbage after the body"
            out = explain_json(raw)
            self.assertEqual(out["error_message"], message)
            self.assertEqual(out["decision"]["action"], "fail")
        chunked = (b"HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n"
                   b"6\r\n{\"erro\r\n15\r\nrMessage\": \"boom\\n\"}\r\n0\r\n\r\n")
        out = explain_json(chunked)
        self.assertEqual(out["error_message"], "boom\n")
        self.assertEqual(out["decision"], {"action": "retry", "delay_ms": 1000})

    def test_every_outcome_word(self):
        words = {204: "deleted", 301: "moved", 400: "bad_request", 401: "unauthorized",
                 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 406: "not_acceptable", 415: "unsupported_media_type", 429: "rate_limited",
                 500: "server_error", 503: "unavailable", 200: "unexpected", 502: "bad_gateway", 504: "gateway_timeout",
                 501: "unexpected", 101: "unexpected"}
        for status, word in words.items():
            out = explain_json(b"HTTP/1.1 %d X\r\n\r\n" % status)
            self.assertEqual((out["status"], out["outcome"]), (status, word))
            self.assertIn(out["decision"]["action"], ("done", "retry", "fail"))
            self.assertIsInstance(out["decision"]["delay_ms"], int)

    def test_text_output(self):
        p = explain(SEED_RESPONSE)
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"204 (deleted)", p.stdout)
        self.assertIn(b"decision:      done", p.stdout)

    def test_dates_are_printed_as_iso_8601_utc_beside_the_epoch_value(self):
        out = explain(SEED_RESPONSE).stdout.decode()
        # the seed's "Date: Fri, 15 Nov 2019 20:24:33 GMT"
        self.assertIn("date:          1573849473 (2019-11-15T20:24:33Z)\n", out)
        self.assertIn("limit 240, remaining 236, reset 1573849500 (2019-11-15T20:25:00Z)", out)
        js = explain_json(SEED_RESPONSE)
        self.assertEqual(js["date_utc"], "2019-11-15T20:24:33Z")
        self.assertEqual(js["organization_reset_utc"], "2019-11-15T20:25:00Z")
        # a reset beyond year 9999 is printed bare
        huge = SEED_RESPONSE.replace(b"1573849500", b"999999999999")
        self.assertIn("reset 999999999999\n", explain(huge).stdout.decode())
        self.assertIsNone(explain_json(huge)["organization_reset_utc"])

    def test_the_pacing_wait_is_explained(self):
        out = explain(SEED_RESPONSE).stdout.decode()
        self.assertIn("next request:  in 114 ms: 236 requests left for 27 s\n", out)
        self.assertEqual(explain_json(SEED_RESPONSE)["pace"],
                         {"wait_ms": 114, "remaining": 236, "window_ms": 27000,
                          "source": "reset_minus_date"})
        bare = explain(b"HTTP/1.1 204 No Content\r\n\r\n").stdout.decode()
        self.assertIn("next request:  now (no rate limit to pace by)\n", bare)

    def test_curl_i_output_through_a_proxy_passes_over_the_connect_answer(self):
        # `curl -i` through an HTTPS proxy prints the proxy's CONNECT answer,
        # then the API's (HTTP/2 here), as libcurl hands both to the
        # header-line reader.
        raw = (b"HTTP/1.1 200 Connection established\r\n\r\n" +
               with_status(SEED_RESPONSE, b"HTTP/2 204"))
        out = explain_json(raw)
        self.assertEqual((out["status"], out["outcome"]), (204, "deleted"))
        self.assertEqual(out["decision"], {"action": "done", "delay_ms": 0})
        self.assertEqual(out["organization_rate_limit"]["remaining"], 236)
        # and a body after the final head is not another response
        body = b'{"errorMessage": "HTTP/1.1 is not a head"}'
        raw = (b"HTTP/1.1 200 Connection established\r\n\r\n"
               b"HTTP/1.1 403 Forbidden\r\nContent-Length: " + str(len(body)).encode() +
               b"\r\n\r\n" + body)
        out = explain_json(raw)
        self.assertEqual((out["status"], out["error_message"]), (403, "HTTP/1.1 is not a head"))

    def test_malformed_input_exits_2_with_one_line(self):
        cases = [
            (b"", [], "response head: input ended"),
            (SEED_RESPONSE[:200], [], "response head: input ended"),
            (b"HTTP/1.1 204 No Content\r\nDate : x\r\n\r\n", [], "response field line"),
            (b"<html>portal</html>\r\n\r\n", [], "response status line"),
            # a transcript is text: a NUL stops the reading, with its line
            (b"HTTP/1.1 204 x\r\nX: a\x00b\r\n\r\n", [], "line 2: contains a NUL byte"),
            (b"HTTP/1.1 204 x\r\nX: a\x01b\r\n\r\n", [], "control characters"),
            (b"HTTP/1.1 200 x\r\nContent-Length: 1, 2\r\n\r\n", [], "Content-Length"),
            (SEED_RESPONSE, ["--now", "-5"], "--now"),
            (SEED_RESPONSE, ["--attempt", "0"], "--attempt"),
            (SEED_RESPONSE, ["--attempt"], "--attempt: needs a value"),
            (SEED_RESPONSE, ["--bogus"], "--bogus: unknown option for 'explain-response'"),
            (SEED_RESPONSE, ["--now", "1", "--now", "2"], "--now: given twice"),
            (SEED_RESPONSE, ["/nonexistent/file"],
             "FILE /nonexistent/file: cannot open: No such file or directory"),
            (SEED_RESPONSE, ["a", "b"], "at most one FILE"),
        ]
        for raw, args, text in cases:
            with self.subTest(args=args, raw=raw[:40]):
                p = explain(raw, "--json", *args)
                self.assertEqual((p.returncode, p.stdout), (2, b""))
                err = p.stderr.decode()
                self.assertEqual(err.count("\n"), 1, err)
                self.assertTrue(err.startswith("te-credentials: "), err)
                self.assertIn(text, err)


class QuietHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.send_response(429)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Organization-Rate-Limit-Limit", "240")
        self.send_header("X-Organization-Rate-Limit-Remaining", "0")
        self.send_header("X-Organization-Rate-Limit-Reset", str(int(email.utils.parsedate_to_datetime(
            self.date_time_string()).timestamp()) + 42))
        body = b'{"errorMessage": "Too many requests"}'
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class RealPeer(unittest.TestCase):
    def test_a_response_written_by_pythons_http_server(self):
        server = http.server.HTTPServer(("127.0.0.1", 0), QuietHandler)
        threading.Thread(target=server.handle_request, daemon=True).start()
        with socket.create_connection(server.server_address, timeout=10) as c:
            c.sendall(b"POST /v6/credentials/405/delete.json HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            raw = b""
            while chunk := c.recv(65536):
                raw += chunk
        server.server_close()
        date = re.search(rb"\r\nDate: ([^\r]+)\r\n", raw).group(1).decode()
        out = explain_json(raw)
        self.assertEqual(out["status"], 429)
        self.assertEqual(out["date"], int(email.utils.parsedate_to_datetime(date).timestamp()))
        self.assertEqual(out["organization_rate_limit"]["remaining"], 0)
        self.assertEqual(out["decision"], {"action": "retry", "delay_ms": 42000})
        self.assertEqual(out["error_message"], "Too many requests")
        self.assertEqual(out["pace_ms"], 42000)


def write_temp(data: bytes) -> str:
    with tempfile.NamedTemporaryFile("wb", delete=False) as f:
        f.write(data)
    return f.name


class InputFiles(unittest.TestCase):
    """Token and id files mean what they show: whole lines, no NUL, no BOM."""

    def delete_ids(self, data: bytes):
        path = write_temp(data)
        try:
            # no server: every case here is refused before a request is made
            return run("delete", "--ids-file", path, "--base-url", "http://127.0.0.1:9",
                       "--allow-insecure-http", "--bearer-token-env", "TE_BEARER")
        finally:
            os.unlink(path)

    def test_an_id_line_with_inner_spaces_is_one_bad_line_not_two_ids(self):
        p = self.delete_ids(b"406" + b" " * 300 + b"7\n")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertRegex(p.stderr, rb"--ids-file \S+: line 1: credential id: must be ASCII digits only")

    def test_a_nul_byte_in_an_ids_file_is_refused_with_its_line(self):
        p = self.delete_ids(b"1\n40\x006\n")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertRegex(p.stderr, rb"--ids-file \S+: line 2: contains a NUL byte")

    def test_an_over_long_ids_line_is_refused_with_its_line(self):
        p = self.delete_ids(b"# ok\n#" + b"x" * 5000 + b"\n1\n")
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertRegex(p.stderr, rb"--ids-file \S+: line 2: longer than 4096 bytes")

    def bearer_head(self, path):
        return run("request", "--id", "1", "--bearer-token-file", path, "--show-secrets")

    def test_a_bom_before_a_token_is_not_sent(self):
        path = write_temp(b"\xef\xbb\xbfabc-123\r\n")
        try:
            p = self.bearer_head(path)
        finally:
            os.unlink(path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"\r\nAuthorization: Bearer abc-123\r\n", p.stdout)

    def test_a_token_file_of_two_lines_is_refused(self):
        path = write_temp(b"abc\ndef\n")
        try:
            p = self.bearer_head(path)
        finally:
            os.unlink(path)
        self.assertEqual((p.returncode, p.stdout), (2, b""))
        self.assertIn(f"--bearer-token-file {path}: holds more than one line".encode(), p.stderr)

    def test_a_token_file_that_is_not_a_regular_file_is_refused_without_blocking(self):
        d = tempfile.mkdtemp()
        try:
            fifo = os.path.join(d, "fifo")
            os.mkfifo(fifo)
            for path in (fifo, d):
                with self.subTest(path=path):
                    p = self.bearer_head(path)  # a FIFO that never writes: no wait
                    self.assertEqual((p.returncode, p.stdout), (2, b""))
                    self.assertIn(f"--bearer-token-file {path}: not a regular file".encode(),
                                  p.stderr)
        finally:
            shutil.rmtree(d)


HOSTILE = b"\x1b]0;owned\x07\x1b[2J\x9b\xc2\x9b"


class ServerTextIsEscaped(unittest.TestCase):
    """Nothing a server sends reaches the terminal raw."""

    def assert_clean(self, out: bytes):
        for byte in (b"\x1b", b"\x07", b"\x9b"):
            self.assertNotIn(byte, out)

    def test_explain_response_escapes_the_error_message(self):
        body = b'{"errorMessage": "a\\u001b]0;owned\\u0007b\\u009b"}'
        raw = (b"HTTP/1.1 404 Not Found\r\nContent-Length: " + str(len(body)).encode() +
               b"\r\n\r\n" + body)
        text = explain(raw)
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assert_clean(text.stdout)
        self.assertIn(b"a\\x1b]0;owned\\x07b\\xc2\\x9b", text.stdout)
        js = explain(raw, "--json")
        self.assert_clean(js.stdout)
        self.assertEqual(json.loads(js.stdout)["error_message"], "a\x1b]0;owned\x07b\xc2\x9b")

    def delete_against(self, answer: bytes):
        """te-credentials delete --verbose, one attempt, against a server
        that answers `answer` and closes."""
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]

        t = threading.Thread(target=answer_one, args=(server, answer))
        t.start()
        p = run("delete", "--id", "1", "--base-url", f"http://127.0.0.1:{port}",
                "--allow-insecure-http", "--bearer-token-env", "TE_BEARER", "--verbose",
                "--max-attempts", "1", env={"no_proxy": "*", "NO_PROXY": "*"})
        t.join(30)
        server.close()
        return p

    def test_delete_verbose_escapes_a_response_head(self):
        # (the head is malformed too: a control byte in a value)
        p = self.delete_against(b"HTTP/1.1 403 Forbidden\r\nX-Evil: " + HOSTILE +
                                b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assert_clean(p.stdout + p.stderr)
        self.assertIn(b"< X-Evil: \\x1b]0;owned\\x07\\x1b[2J\\x9b\\xc2\\x9b\n", p.stderr)

    def test_delete_escapes_the_error_message(self):
        body = b'{"errorMessage": "\\u001b[2Jgone"}'
        p = self.delete_against(b"HTTP/1.1 403 Forbidden\r\nContent-Length: " +
                                str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assert_clean(p.stdout + p.stderr)
        self.assertIn(b'"\\x1b[2Jgone"', p.stderr)


class FormatCharactersAreEscaped(unittest.TestCase):
    """Bidi controls, zero-width and other format characters (Unicode Cf),
    and line and paragraph separators, never reach the terminal raw: found
    by an adversarial run (U+202E in a server's error message)."""

    @unittest.skipUnless(ESCAPE_PROBE, "needs the escape probe")
    def test_every_code_point_is_escaped_exactly_when_unicodedata_says_it_acts_or_hides(self):
        # The judge is Python's unicodedata (Unicode 14 here; a character
        # it does not know, Cn, may be escaped by the newer table).
        cps = [cp for cp in range(0x80, 0x110000) if not 0xD800 <= cp <= 0xDFFF]
        text = " ".join(chr(cp) for cp in cps).encode("utf-8")
        out = subprocess.run([ESCAPE_PROBE], input=text, capture_output=True, timeout=60)
        self.assertEqual(out.returncode, 0)
        shown = out.stdout.split(b" ")
        self.assertEqual(len(shown), len(cps))
        wrong = []
        for cp, got in zip(cps, shown):
            cat = unicodedata.category(chr(cp))
            raw = chr(cp).encode("utf-8")
            escaped_cp = ("\\u{%04x}" % cp).encode()
            if cp < 0xA0:  # C1 controls: each byte
                want = [b"".join(b"\\x%02x" % b for b in raw)]
            elif cat in ("Cf", "Zl", "Zp"):
                want = [escaped_cp]
            elif cat == "Cn":
                want = [raw, escaped_cp]
            else:
                want = [raw]
            if got not in want:
                wrong.append((hex(cp), cat, got))
        self.assertEqual(wrong[:10], [])
        self.assertNotIn(b"\xe2\x80\xae", out.stdout)

    def test_explain_response_shows_a_bidi_override_as_its_code_point(self):
        body = '{"errorMessage": "evil\u202egnp.exe\u200b\u2066x"}'.encode()
        raw = (b"HTTP/1.1 404 Not Found\r\nContent-Length: " + str(len(body)).encode() +
               b"\r\n\r\n" + body)
        text = explain(raw)
        self.assertEqual(text.returncode, 0, text.stderr)
        for c in ("\u202e", "\u200b", "\u2066"):
            self.assertNotIn(c.encode(), text.stdout)
        self.assertIn(b"evil\\u{202e}gnp.exe\\u{200b}\\u{2066}x", text.stdout)
        js = explain(raw, "--json")
        self.assertNotIn("\u202e".encode(), js.stdout)
        self.assertIn(b"\\u202e", js.stdout)  # JSON's own escape: the same text
        self.assertEqual(json.loads(js.stdout)["error_message"], "evil\u202egnp.exe\u200b\u2066x")


class ExplainFollowsFraming(unittest.TestCase):
    """A body is a body: only an answer without one may be followed by a
    newer head. Found by an adversarial run: a 404 whose body was a 204
    head was explained as "204 (deleted)"."""

    def test_a_body_that_looks_like_a_204_is_the_body_of_the_404(self):
        import http.client
        import io

        fake = b"HTTP/1.1 204 No Content\r\n\r\n"
        for status, framing, body in (
                (404, b"Content-Length: %d\r\n" % len(fake), fake),
                (401, b"Content-Length: %d\r\n" % len(fake), fake),
                (404, b"Transfer-Encoding: chunked\r\n",
                 b"%x\r\n" % len(fake) + fake + b"\r\n0\r\n\r\n"),
                (500, b"Content-Length: 0\r\n", fake)):
            raw = b"HTTP/1.1 %d X\r\n" % status + framing + b"\r\n" + body
            with self.subTest(status=status, framing=framing):
                # the judge: Python's http.client reads the same bytes
                class Sock:
                    def makefile(self, *_):
                        return io.BytesIO(raw)
                judge = http.client.HTTPResponse(Sock())
                judge.begin()
                self.assertEqual(judge.status, status)
                out = explain_json(raw)
                self.assertEqual(out["status"], status)
                self.assertNotEqual(out["outcome"], "deleted")

    def test_an_answer_without_a_body_may_still_be_followed_by_the_final_one(self):
        for first in (b"HTTP/1.1 100 Continue\r\n\r\n",
                      b"HTTP/1.1 200 Connection established\r\n\r\n"):
            with self.subTest(first=first):
                out = explain_json(first + b"HTTP/1.1 204 No Content\r\n\r\n")
                self.assertEqual(out["status"], 204)


LEAKED = ["g351mw5xqhvkmh1vq6zfm51c62wyzib2", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"]


class SecretsAreNeverEchoed(unittest.TestCase):
    """A token typed where a variable name or a path goes is never printed:
    the message names the option and the rule. Found by an adversarial run:
    `--bearer-token-env "$TE_TOKEN"` echoed the token on stderr."""

    def test_a_token_given_to_any_option_is_not_echoed(self):
        for secret in LEAKED:
            for args in (["request", "--id", "1", "--bearer-token-env", secret],
                         ["request", "--id", "1", "--bearer-token-env=" + secret],
                         ["request", "--id", "1", "--bearer-token-file", secret],
                         ["request", "--id", "1", "--basic-user", "a@example.com",
                          "--token-env", secret],
                         ["request", "--id", "1", "--basic-user", "a@example.com",
                          "--token-file=" + secret],
                         ["delete", "--bearer-token-env", "TE_BEARER", "--ids-file", secret],
                         ["delete", "--bearer-token-env", "TE_BEARER", "--id", "1",
                          "--cacert", secret],
                         ["delete", "--bearer-token-env", "TE_BEARER", "--id", "1",
                          "--capath", secret],
                         ["explain-response", secret]):
                with self.subTest(args=args[:-1], secret=secret[:8]):
                    env = {"TE_TOKEN": "", "TE_BEARER": "abc-123"}
                    p = run(*args, env=env)
                    self.assertEqual(p.returncode, 2, p.stderr)
                    self.assertNotIn(secret.encode(), p.stdout + p.stderr)
                    option = args[-2].split("=")[0] if args[-2].startswith("-") else None
                    if "=" in args[-1]:
                        option = args[-1].split("=")[0]
                    self.assertIn((option or "FILE").encode() + b":", p.stderr)

    def test_a_value_that_is_no_variable_name_is_refused_by_the_rule(self):
        p = run("request", "--id", "1", "--bearer-token-env", "abc-123")
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(),
                         "te-credentials: --bearer-token-env: not a valid environment variable "
                         "name (letters, digits and '_', not starting with a digit); the value "
                         "is not shown, it may be a secret\n")

    def test_a_plain_name_or_path_is_still_named(self):
        p = run("request", "--id", "1", "--bearer-token-env", "TE_NOT_SET_HERE")
        self.assertIn(b"--bearer-token-env TE_NOT_SET_HERE: the environment variable is not set",
                      p.stderr)
        p = run("delete", "--bearer-token-env", "TE_BEARER", "--ids-file", "/nonexistent/ids.txt")
        self.assertIn(b"--ids-file /nonexistent/ids.txt: cannot open", p.stderr)


class CheckRequest(unittest.TestCase):
    """check-request: exit statuses, the three input forms' messages, carets
    under the bytes, credentials never printed, input bounded and escaped."""

    SEED = (DATA / "curl-seed-request.http").read_bytes()

    def check(self, data, *args):
        return subprocess.run([CLI, "check-request", "-", *args], input=data,
                              capture_output=True, timeout=30)

    def test_exit_0_without_errors_1_with_one(self):
        p = self.check(self.SEED, "--base-url", "https://api.thousandeyes.com", "--id", "405")
        self.assertEqual((p.returncode, p.stderr), (0, b""))
        self.assertEqual(p.stdout, b"request (standard input): 0 error(s), 0 warning(s), 0 note(s)\n")
        p = self.check(self.SEED, "--id", "406")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"error: the credential id is not the one expected [expected-id]", p.stdout)

    def test_a_finding_shows_its_rule_and_a_caret_under_its_bytes(self):
        p = self.check(self.SEED.replace(b"Host: api.thousandeyes.com", b"Host: evil.example"),
                       "--base-url", "https://api.thousandeyes.com")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.decode().splitlines()[1:], [
            "  2:7: error: the Host value is not the expected authority [host-mismatch]",
            "      rule: the Host value is the target URI's authority (RFC 9110 section 7.2)",
            "      | Host: evil.example",
            "      |       ^~~~~~~~~~~~"])

    def test_credentials_are_never_printed(self):
        basic = self.SEED.split(b"Basic ")[1].split(b"\r\n")[0]
        bad = self.SEED.replace(b"Basic " + basic, b"Basic " + basic + b"=")
        for data in (bad, bad.replace(b"POST /v6/credentials/405/delete.json",
                                      b"POST /v6/credentials/405/delete.json?key=" + TOKEN.encode())):
            for args in ((), ("--json",)):
                p = self.check(data, *args)
                self.assertEqual(p.returncode, 1)
                self.assertNotIn(basic, p.stdout)
                self.assertNotIn(TOKEN.encode(), p.stdout)
        p = self.check(bad)
        self.assertIn(b"| Authorization: Basic <redacted>\n", p.stdout)
        self.assertIn(b"[basic-credentials]", p.stdout)

    def test_the_bytes_shown_are_escaped_for_the_terminal(self):
        data = self.SEED.replace(b"Accept: */*", b"Accept: */*\x1b]0;owned\x07")
        p = self.check(data)
        self.assertEqual(p.returncode, 1)
        self.assertNotIn(b"\x1b", p.stdout)
        self.assertIn(b"Accept: */*\\x1b]0;owned\\x07", p.stdout)

    def test_unreadable_input_is_exit_2_naming_it(self):
        cases = [(("check-request", "/nonexistent/x.http"), b"te-credentials: FILE /nonexistent/x.http: "),
                 (("check-request", "/dev/zero"), b"te-credentials: FILE /dev/zero: larger than"),
                 (("check-request", "--input", "yaml"), b"te-credentials: --input: must be auto, raw"),
                 (("check-request", "--id", "04x"), b"te-credentials: --id: "),
                 (("check-request", "--api", "v8"), b"te-credentials: --api: must be v6 or v7"),
                 (("check-request", "--base-url", "ftp://x"), b"te-credentials: --base-url: ")]
        for args, message in cases:
            with self.subTest(args=args):
                p = subprocess.run([CLI, *args], input=b"", capture_output=True, timeout=30)
                self.assertEqual((p.returncode, p.stdout), (2, b""))
                self.assertTrue(p.stderr.startswith(message), p.stderr)
        for data, message in ((b"", b"the input holds no request"),
                              (b'{"method": "POST"}\n', b"line 1: not a te-api-double record"),
                              (b'{"seq":1}\n{', b"line 1: not a te-api-double record")):
            p = self.check(data)
            self.assertEqual((p.returncode, p.stdout), (2, b""))
            self.assertIn(message, p.stderr)

    def test_a_secret_given_as_an_option_value_is_not_echoed(self):
        p = run("check-request", "--id", TOKEN)
        self.assertEqual(p.returncode, 2)
        self.assertNotIn(TOKEN.encode(), p.stderr)

    def test_list_rules_prints_each_rule_once(self):
        p = run("check-request", "--list-rules")
        self.assertEqual(p.returncode, 0)
        ids = [line.split()[0] for line in p.stdout.decode().splitlines()]
        self.assertEqual(len(ids), 44)
        self.assertEqual(len(set(ids)), 44)
        listed = json.loads(run("check-request", "--list-rules", "--json").stdout)
        self.assertEqual([r["rule"] for r in listed], ids)


class ReadsAreBounded(unittest.TestCase):
    """Every file or stream is read up to a limit the message names. Found by
    an adversarial run: /dev/zero was read until std::bad_alloc (exit 134)."""

    def test_dev_zero_is_refused_at_its_first_nul_byte(self):
        for args, what in ((["delete", "--bearer-token-env", "TE_BEARER", "--ids-file",
                             "/dev/zero"], "--ids-file /dev/zero"),
                           (["explain-response", "/dev/zero"], "FILE /dev/zero")):
            with self.subTest(args=args):
                started = time.monotonic()
                p = run(*args)
                self.assertEqual((p.returncode, p.stdout), (2, b""), p.stderr)
                self.assertEqual(p.stderr.decode(),
                                 f"te-credentials: {what}: line 1: contains a NUL byte\n")
                self.assertLess(time.monotonic() - started, 20)

    def test_an_endless_stream_is_refused_at_the_limit(self):
        # a response transcript of more than 1 MiB, from a pipe that keeps writing
        producer = subprocess.Popen(["yes", "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa"],
                                    stdout=subprocess.PIPE)
        try:
            p = subprocess.run([CLI, "explain-response", "-"], stdin=producer.stdout,
                               capture_output=True, timeout=30)
        finally:
            producer.kill()
            producer.wait()
            producer.stdout.close()
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), "te-credentials: standard input: larger than "
                                            "1048576 bytes (the limit)\n")

    def test_an_ids_file_over_16_mib_is_refused_with_the_limit(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".txt") as f:
            f.write(b"# padding\n" * ((16 << 20) // 10 + 1))
            f.flush()
            p = run("delete", "--bearer-token-env", "TE_BEARER", "--ids-file", f.name)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b": larger than 16777216 bytes (the limit)\n", p.stderr)


class VersionSpelling(unittest.TestCase):
    def test_a_spelled_v7_base_url_is_refused_for_a_v6_request(self):
        # found by an adversarial run: /%76%37 and /V7 were sent as a prefix
        for base in ("https://gw.example.com/%76%37", "https://gw.example.com/V7"):
            with self.subTest(base=base):
                p = run("request", "--id", "1", "--bearer-token-env", "TE_BEARER",
                        "--base-url", base)
                self.assertEqual((p.returncode, p.stdout), (2, b""))
                self.assertIn(b"--base-url:", p.stderr)
                v7 = run("request", "--api", "v7", "--id", "1", "--bearer-token-env",
                         "TE_BEARER", "--base-url", base)
                self.assertEqual(v7.returncode, 0, v7.stderr)
                self.assertTrue(v7.stdout.startswith(b"DELETE /v7/credentials/1 HTTP/1.1\r\n"))


class Delete(unittest.TestCase):
    def test_v6_against_the_live_api_gets_one_deprecation_notice(self):
        # The request goes to a refused proxy port: no network is needed.
        dead = {"https_proxy": "http://127.0.0.1:1", "HTTPS_PROXY": "", "no_proxy": "",
                "NO_PROXY": ""}
        p = run("delete", "--id", "405", "--bearer-token-env", "TE_BEARER", "--max-attempts", "1",
                env=dead)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        notice = ("te-credentials: note: API v6 was deprecated by ThousandEyes on "
                  "2024-05-27; the live API serves v7 (--api v7 with a Bearer token)\n")
        self.assertTrue(p.stderr.decode().startswith(notice), p.stderr)
        self.assertEqual(p.stderr.decode().count("note:"), 1)
        self.assertIn(b"attempt 1: not sent", p.stderr)
        # --quiet keeps the notice (a diagnostic), drops the progress
        quiet = run("delete", "--id", "405", "--bearer-token-env", "TE_BEARER", "--max-attempts",
                    "1", "--quiet", env=dead)
        self.assertEqual((quiet.returncode, quiet.stderr.decode()), (1, notice))
        v7 = run("delete", "--api", "v7", "--id", "405", "--bearer-token-env", "TE_BEARER",
                 "--max-attempts", "1", "--quiet", env=dead)
        self.assertEqual((v7.returncode, v7.stderr), (1, b""))
        local = run("delete", "--id", "405", "--bearer-token-env", "TE_BEARER", "--max-attempts",
                    "1", "--base-url", "http://127.0.0.1:1", "--allow-insecure-http", "--quiet",
                    env={"no_proxy": "*", "NO_PROXY": "*"})
        self.assertEqual((local.returncode, local.stderr), (1, b""))

    def test_a_batch_explains_its_pacing_wait(self):
        # 2 requests left for the 1 s to the reset (server clock): 500 ms apart
        answer = (b"HTTP/1.1 204 No Content\r\nDate: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
                  b"X-Organization-Rate-Limit-Limit: 240\r\n"
                  b"X-Organization-Rate-Limit-Remaining: 2\r\n"
                  b"X-Organization-Rate-Limit-Reset: 1573849474\r\n"
                  b"Connection: close\r\n\r\n")
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(2)
        port = server.getsockname()[1]
        t = threading.Thread(target=lambda: [answer_one(server, answer) for _ in range(2)])
        t.start()
        path = write_temp(b"405\n406\n")
        try:
            p = run("delete", "--ids-file", path, "--base-url", f"http://127.0.0.1:{port}",
                    "--allow-insecure-http", "--bearer-token-env", "TE_BEARER",
                    env={"no_proxy": "*", "NO_PROXY": "*"})
        finally:
            os.unlink(path)
            t.join(30)
            server.close()
        out = p.stdout.decode()
        self.assertEqual(p.returncode, 0, out + p.stderr.decode())
        self.assertIn("[1/2] credential 405 attempt 1: 204 deleted; rate limit 2/240 left; done; "
                      "next in 500 ms: 2 requests left for 1 s\n", p.stderr.decode())
        self.assertTrue(out.startswith("summary: 2 deleted, 0 already absent, 0 failed; 2 requests in"),
                        out)


class Proxy(unittest.TestCase):
    def test_a_proxys_200_connection_established_is_not_the_apis_answer(self):
        # An HTTPS proxy accepts CONNECT, then the tunnel fails: libcurl's
        # header callback saw "200 Connection established", but the transfer
        # failed, so there was no answer from the API (never "200 unexpected"),
        # and the request never left: the TLS handshake in the tunnel failed.
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        port = server.getsockname()[1]
        connects = []

        def serve():
            server.settimeout(20)
            for _ in range(2):
                try:
                    head = answer_one(server, b"HTTP/1.1 200 Connection established\r\n\r\n"
                                              b"this is not TLS\r\n")
                except OSError:
                    return
                connects.append(head.split(b"\r\n", 1)[0])

        t = threading.Thread(target=serve)
        t.start()
        p = run("delete", "--id", "405", "--base-url", "https://api.thousandeyes.com",
                "--bearer-token-env", "TE_BEARER", "--max-attempts", "2",
                env={"https_proxy": f"http://127.0.0.1:{port}", "HTTPS_PROXY": "",
                     "no_proxy": "", "NO_PROXY": ""})
        t.join(30)
        server.close()
        out, progress = p.stdout.decode(), p.stderr.decode()
        self.assertEqual(p.returncode, 1, out + progress)
        self.assertEqual(connects, [b"CONNECT api.thousandeyes.com:443 HTTP/1.1"] * 2)
        self.assertNotIn("200 unexpected", out + progress)
        self.assertIn("attempt 1: not sent", progress)
        self.assertEqual(out, "credential 405: no_response\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
