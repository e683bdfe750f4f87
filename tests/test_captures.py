#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The request checker against real clients, none written here: what curl,
Python's requests and urllib.request, Node's fetch, Boost.Beast and
cpp-httplib (used directly) and this library's clients send for the seed's
deletion is captured at test time on 127.0.0.1 and judged by
`te-credentials check-request`: no error in any. Then each capture is
mutated once per rule (where the rule applies to it) and exactly that rule
must be added to what the checker reported. The three input forms (raw
bytes, a `curl -v` transcript, te-api-double --record lines) are read, and
doc/reviewing-requests.md must list what the checker says of each client.

Run with `--write-doc` after the key=value arguments to print the page's
table and heads instead of testing."""

import base64
import collections
import json
import os
import pathlib
import re
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

ARGS = {}
while len(sys.argv) > 1 and "=" in sys.argv[1] and not sys.argv[1].startswith("-"):
    k, v = sys.argv.pop(1).split("=", 1)
    ARGS[k] = v
WRITE_DOC = "--write-doc" in sys.argv
if WRITE_DOC:
    sys.argv.remove("--write-doc")

CLI = ARGS["cli"]
DOC = pathlib.Path(__file__).resolve().parent.parent / "doc" / "reviewing-requests.md"
SEED_RESPONSE = (pathlib.Path(__file__).resolve().parent / "data" / "seed-response.http").read_bytes()
EMAIL = "noreply@thousandeyes.com"
TOKEN = "g351mw5xqhvkmh1vq6zfm51c62wyzib2"
BASIC = base64.b64encode(f"{EMAIL}:{TOKEN}".encode()).decode()
os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1"
PY = "/usr/bin/python3"


class CaptureServer:
    """Accepts connections on 127.0.0.1, keeps the bytes of each request
    (head, and the body its framing gives), answers with the seed's 204."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.captures = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(10)
                data = self.read_request(conn)
                if data is None:
                    continue
                self.captures.append(data)
                head = SEED_RESPONSE.replace(b"Connection: keep-alive", b"Connection: close")
                conn.sendall(head)

    @staticmethod
    def read_request(conn):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return data or None
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
        m = re.search(r"\r\ncontent-length:\s*(\d+)", head)
        need = len(data.split(b"\r\n\r\n", 1)[0]) + 4 + (int(m.group(1)) if m else 0)
        chunked = "transfer-encoding:" in head
        while len(data) < need or (chunked and not data.endswith(b"0\r\n\r\n")):
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        return data

    def close(self):
        self.sock.close()


def url(port, api):
    base = f"http://127.0.0.1:{port}"
    return base + ("/v7/credentials/405" if api == "v7" else "/v6/credentials/405/delete.json")


def python_client(code):
    return lambda port: [PY, "-c", code.replace("PORT", str(port))]


def node_client(method, path, headers, body):
    script = (f"fetch('http://127.0.0.1:PORT{path}', {{method: '{method}', headers: "
              f"{json.dumps(headers)}{', body: ' + json.dumps(body) if body is not None else ''}}})"
              ".then(r => process.exit(r.status === 204 ? 0 : 1), e => { console.error(e); process.exit(1); })")
    return lambda port: ["node", "-e", script.replace("PORT", str(port))]


V6_PATH = "/v6/credentials/405/delete.json"
V7_PATH = "/v7/credentials/405"

# (name, API version, command for a port). Each is the client used
# correctly for the deletion, as its documentation shows.
CLIENTS = [
    ("curl -X POST (v6, the docs' example)", "v6", lambda p: [
        "curl", "-s", "-o", "/dev/null", "-X", "POST", url(p, "v6"), "-d", "",
        "-H", "Content-Type: application/json", "-u", f"{EMAIL}:{TOKEN}"]),
    ("curl -X DELETE (v7)", "v7", lambda p: [
        "curl", "-s", "-o", "/dev/null", "-X", "DELETE", url(p, "v7"),
        "-H", f"Authorization: Bearer {TOKEN}", "-H", "Accept: application/json"]),
    ("Python requests (v6)", "v6", python_client(
        "import requests; r = requests.post('http://127.0.0.1:PORT" + V6_PATH + "', "
        f"auth=('{EMAIL}', '{TOKEN}'), headers={{'Content-Type': 'application/json'}}, data=''); "
        "raise SystemExit(r.status_code != 204)")),
    ("Python requests (v7)", "v7", python_client(
        "import requests; r = requests.delete('http://127.0.0.1:PORT" + V7_PATH + "', "
        f"headers={{'Authorization': 'Bearer {TOKEN}', 'Accept': 'application/json'}}); "
        "raise SystemExit(r.status_code != 204)")),
    ("Python urllib.request (v6)", "v6", python_client(
        "import urllib.request as u; r = u.urlopen(u.Request('http://127.0.0.1:PORT" + V6_PATH +
        "', data=b'', method='POST', headers={'Authorization': 'Basic " + BASIC + "', "
        "'Content-Type': 'application/json'})); raise SystemExit(r.status != 204)")),
    ("Python urllib.request (v7)", "v7", python_client(
        "import urllib.request as u; r = u.urlopen(u.Request('http://127.0.0.1:PORT" + V7_PATH +
        f"', method='DELETE', headers={{'Authorization': 'Bearer {TOKEN}', "
        "'Accept': 'application/json'})); raise SystemExit(r.status != 204)")),
    ("Node fetch (v6)", "v6", node_client("POST", V6_PATH, {
        "Authorization": "Basic " + BASIC, "Content-Type": "application/json"}, "")),
    ("Node fetch (v7)", "v7", node_client("DELETE", V7_PATH, {
        "Authorization": "Bearer " + TOKEN, "Accept": "application/json"}, None)),
    ("Boost.Beast, used directly (v7)", "v7", lambda p: [ARGS["plain-client"], "beast", str(p)]),
    ("cpp-httplib, used directly (v7)", "v7", lambda p: [ARGS["plain-client"], "httplib", str(p)]),
    ("beast-client (this library's Beast adapter, v7)", "v7",
     lambda p: [ARGS["beast-client"], f"http://127.0.0.1:{p}", "405"]),
    ("httplib-client (this library's cpp-httplib adapter, v7)", "v7",
     lambda p: [ARGS["httplib-client"], f"http://127.0.0.1:{p}", "405"]),
    ("curl-client (this library's libcurl adapter, v6)", "v6",
     lambda p: [ARGS["curl-client"], f"http://127.0.0.1:{p}", "405"]),
    ("te-credentials delete (v6, Basic)", "v6", lambda p: [
        CLI, "delete", "--base-url", f"http://127.0.0.1:{p}", "--allow-insecure-http",
        "--basic-user", EMAIL, "--token-env", "TE_TOKEN", "--id", "405"]),
    ("te-credentials delete --api v7", "v7", lambda p: [
        CLI, "delete", "--api", "v7", "--base-url", f"http://127.0.0.1:{p}",
        "--allow-insecure-http", "--bearer-token-env", "TE_TOKEN", "--id", "405"]),
]


def capture(command):
    """The bytes a client sends, and the port it sent them to."""
    server = CaptureServer()
    try:
        env = dict(os.environ, TE_TOKEN=TOKEN)
        r = subprocess.run(command(server.port), capture_output=True, text=True, env=env,
                           timeout=60)
        assert r.returncode == 0, (command(server.port)[0], r.returncode, r.stderr[-2000:])
        assert len(server.captures) == 1, len(server.captures)
        return server.captures[0], server.port
    finally:
        server.close()


def check(data, *args, form=None):
    """check-request --json on `data`: its exit status and the requests."""
    with tempfile.NamedTemporaryFile(suffix=".http") as f:
        f.write(data)
        f.flush()
        extra = ["--input", form] if form else []
        r = subprocess.run([CLI, "check-request", f.name, "--json", *extra, *args],
                           capture_output=True, timeout=30)
    assert r.returncode in (0, 1), (r.returncode, r.stderr)
    out = json.loads(r.stdout)
    errors = sum(q["errors"] for q in out["requests"])
    assert (r.returncode == 1) == (errors > 0), (r.returncode, errors)
    return r.returncode, out["requests"]


def rule_counts(requests):
    return collections.Counter(f["rule"] for q in requests for f in q["findings"])


# ---- mutations: one per rule, on a capture's bytes ---------------------------

def split(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    return lines[0], lines[1:], body


def join(start, fields, body=b""):
    return b"\r\n".join([start, *fields]) + b"\r\n\r\n" + body


def name_of(line):
    return line.split(b":", 1)[0].strip().lower()


def index(fields, name):
    for i, f in enumerate(fields):
        if name_of(f) == name:
            return i
    return None


def without(fields, name):
    return [f for f in fields if name_of(f) != name]


def setting(fields, name, line):
    """`fields` with the field `name` replaced by `line`, or `line` added."""
    i = index(fields, name)
    out = list(fields)
    if i is None:
        out.append(line)
    else:
        out[i] = line
    return out


def with_query(start, item):
    method, target, version = start.split(b" ")
    sep = b"&" if b"?" in target else b"?"
    return b" ".join([method, target + sep + item, version])


def mutations(data, api, port):
    """rule -> (bytes, extra check-request arguments), where it applies."""
    start, fields, body = split(data)
    method, target, version = start.split(b" ")
    auth = fields[index(fields, b"authorization")]
    scheme, _, credentials = auth.split(b":", 1)[1].strip().partition(b" ")
    basic = scheme.lower() == b"basic"
    m = {
        "request-line": (join(start.replace(b" ", b"  ", 1), fields, body), []),
        "http-version": (join(start.replace(b"HTTP/1.1", b"HTTP/1.0"), fields, body), []),
        "bare-lf": (data.replace(fields[-1] + b"\r\n", fields[-1] + b"\n", 1), []),
        "bare-cr": (join(start, fields + [b"X-Note: a\rb"], body), []),
        "control-byte": (join(start, fields + [b"X-Note: a\x01b"], body), []),
        "obs-fold": (join(start, fields[:1] + [b"  folded"] + fields[1:], body), []),
        "field-syntax": (join(start, fields + [b"X-Note : a"], body), []),
        "line-too-long": (join(start, fields + [b"X-Pad: " + b"a" * 9000], body), []),
        "head-incomplete": (data[:len(data) - len(body) - 2], []),
        "trailing-bytes": (data + b"GET / HTTP/1.1\r\n\r\n", []),
        "method": (join(b" ".join([b"PATCH", target, version]), fields, body), []),
        "target-form": (join(b" ".join([method, b"*", version]), fields, body), []),
        "absolute-form": (join(b" ".join([method, f"http://127.0.0.1:{port}".encode() + target,
                                          version]), fields, body), []),
        "target-path": (join(start.replace(b"/delete.json", b"/remove") if api == "v6"
                             else start.replace(b"/405", b"/405/x"), fields, body), []),
        "api-version": (data, ["--api", "v7" if api == "v6" else "v6"]),
        "credential-id": (join(start.replace(b"/405", b"/0405"), fields, body), []),
        "expected-id": (data, ["--id", "406"]),
        "aid": (join(with_query(start, b"aid=x"), fields, body), []),
        "query-repeated": (join(with_query(start, b"aid=1&aid=1"), fields, body), []),
        "query-unknown": (join(with_query(start, b"foo=1"), fields, body), []),
        "content-length": (join(start, setting(fields, b"content-length", b"Content-Length: +0"),
                                body), []),
        "request-body": (join(start, setting(fields, b"content-length", b"Content-Length: 2"),
                              b"{}"), []),
        "transfer-encoding": (join(start, setting(fields, b"content-length",
                                                  b"Transfer-Encoding: chunked"), b"0\r\n\r\n"), []),
        "expect": (join(start, fields + [b"Expect: 100-continue"], body), []),
        "host-missing": (join(start, without(fields, b"host"), body), []),
        "host-repeated": (join(start, fields + [fields[index(fields, b"host")]], body), []),
        "host-invalid": (join(start, setting(fields, b"host", b"Host: a/b"), body), []),
        "host-mismatch": (join(start, setting(fields, b"host", b"Host: evil.example"), body), []),
        "authorization-missing": (join(start, without(fields, b"authorization"), body), []),
        "authorization-repeated": (join(start, fields + [auth], body), []),
        "authorization-scheme": (join(start, setting(fields, b"authorization",
                                                     b"Authorization: Token " + credentials),
                                      body), []),
        "credentials-not-shown": (join(start, setting(fields, b"authorization",
                                                      b"Authorization: " + scheme + b" <redacted>"),
                                       body), []),
    }
    if api == "v6":
        m["format-value"] = (join(with_query(start, b"format=yaml"), fields, body), [])
        m["format-conflict"] = (join(start, setting(fields, b"accept", b"Accept: text/xml"),
                                     body), [])
        m["content-type"] = (join(start, setting(fields, b"content-type",
                                                 b"Content-Type: text/plain"), body), [])
        if index(fields, b"content-type") is not None:
            m["content-type-missing"] = (join(start, without(fields, b"content-type"), body), [])
        if index(fields, b"content-length") is not None:
            m["content-length-missing"] = (join(start, without(fields, b"content-length"), body), [])
    else:
        m["accept"] = (join(start, setting(fields, b"accept", b"Accept: text/xml"), body), [])
        if index(fields, b"content-length") is None:
            m["content-length-on-delete"] = (join(start, fields + [b"Content-Length: 0"], body), [])
    if basic:
        m["basic-credentials"] = (join(start, setting(fields, b"authorization",
                                                      b"Authorization: Basic " + credentials + b"="),
                                       body), [])
        m["basic-user"] = (join(start, setting(fields, b"authorization",
                                               b"Authorization: Basic bWU6dG9r"), body), [])
    else:
        m["bearer-token"] = (join(start, setting(fields, b"authorization",
                                                 b"Authorization: Bearer " + credentials + b" x"),
                                  body), [])
    if index(fields, b"user-agent") is not None:
        ua = fields[index(fields, b"user-agent")]
        m["user-agent-missing"] = (join(start, without(fields, b"user-agent"), body), [])
        m["duplicate-field"] = (join(start, fields + [ua], body), [])
    return m


CAPTURES = {}


def captures():
    if not CAPTURES:
        for name, api, command in CLIENTS:
            CAPTURES[name] = (api,) + capture(command)
    return CAPTURES


def summary(requests):
    """"none", or "severity `rule`" joined by ", ", as the doc's table says."""
    found = [f"{f['severity']} `{f['rule']}`" for q in requests for f in q["findings"]]
    return ", ".join(found) if found else "none"


class Captures(unittest.TestCase):
    def test_no_real_client_used_correctly_breaks_a_rule(self):
        for name, (api, data, port) in captures().items():
            with self.subTest(client=name):
                rc, requests = check(data, "--base-url", f"http://127.0.0.1:{port}",
                                     "--id", "405", "--api", api)
                self.assertEqual(rc, 0, requests)
                self.assertEqual(len(requests), 1)
                # what each sends differs: the checker sees it
                self.assertNotIn(b"\r\n\r\n\r\n", data)

    def test_each_rule_mutated_into_each_capture_is_reported_alone(self):
        applied = collections.Counter()
        for name, (api, data, port) in captures().items():
            base = ["--base-url", f"http://127.0.0.1:{port}", "--id", "405"]
            _, requests = check(data, *base)
            before = rule_counts(requests)
            notes = {f["rule"] for q in requests for f in q["findings"] if f["severity"] == "note"}
            for rule, (mutated, extra) in mutations(data, api, port).items():
                if before[rule]:
                    continue  # already there: the mutation would not show it
                with self.subTest(client=name, rule=rule):
                    args = base + extra if "--id" not in extra else \
                        ["--base-url", f"http://127.0.0.1:{port}"] + extra
                    _, after = check(mutated, *args)
                    added = rule_counts(after) - before
                    lost = before - rule_counts(after)
                    self.assertEqual(dict(added), {rule: 1}, after)
                    # a note may go with what the mutation removed (Content-Length: 0
                    # replaced, a head that no longer ends): never an error or warning
                    self.assertEqual([r for r in lost if r not in notes], [], after)
                    applied[rule] += 1
        # every rule of the checker was exercised on real captures
        out = subprocess.run([CLI, "check-request", "--help"], capture_output=True, text=True)
        self.assertEqual(out.returncode, 0)
        print(f"\n{sum(applied.values())} mutations of {len(captures())} captures, "
              f"{len(applied)} rules", file=sys.stderr)
        self.assertGreaterEqual(len(applied), 43, sorted(applied))
        self.assertGreaterEqual(sum(applied.values()), 400)

    def test_curl_post_without_data_sends_no_content_length_a_warning(self):
        data, port = capture(lambda p: ["curl", "-s", "-o", "/dev/null", "-X", "POST",
                                        url(p, "v6"), "-u", f"{EMAIL}:{TOKEN}"])
        self.assertNotIn(b"content-length", data.lower())
        rc, requests = check(data, "--base-url", f"http://127.0.0.1:{port}")
        self.assertEqual(rc, 0)
        self.assertEqual([(f["rule"], f["severity"]) for f in requests[0]["findings"]],
                         [("content-length-missing", "warning"), ("content-type-missing", "note")])

    def test_a_curl_transcript_is_read_as_the_requests_it_shows(self):
        server = CaptureServer()
        try:
            cmd = ["curl", "-sv", "-o", "/dev/null", url(server.port, "v6"), "-d", "",
                   "-H", "Content-Type: application/json", "-u", f"{EMAIL}:{TOKEN}",
                   "--next", "-sv", "-o", "/dev/null", "-X", "DELETE", url(server.port, "v7"),
                   "-H", "Authorization: Bearer " + TOKEN + "=x"]
            # the second request's token is no b64token: one error, in request 2
            r = subprocess.run(cmd, capture_output=True, timeout=60)
        finally:
            server.close()
        self.assertIn(b"\n> POST ", r.stderr)
        rc, requests = check(r.stderr, "--base-url", f"http://127.0.0.1:{server.port}")
        self.assertEqual(rc, 1)
        self.assertEqual(len(requests), 2)
        self.assertEqual(requests[0]["errors"], 0, requests[0])
        self.assertEqual([f["rule"] for f in requests[1]["findings"]], ["bearer-token"])
        self.assertTrue(requests[1]["source"].startswith("request at line "))
        # a secret is never printed, in text or JSON
        text = subprocess.run([CLI, "check-request", "-"], input=r.stderr, capture_output=True)
        self.assertEqual(text.returncode, 1)
        for out in (text.stdout, json.dumps(requests).encode()):
            self.assertNotIn(TOKEN.encode(), out)
            self.assertNotIn(BASIC.encode(), out)
        self.assertIn(b"Authorization: Bearer <redacted>", text.stdout)

    def test_the_doubles_records_are_read_as_request_views(self):
        with tempfile.TemporaryDirectory() as d:
            record = os.path.join(d, "record.jsonl")
            port_file = os.path.join(d, "port")
            env = dict(os.environ, TE_TOKEN=TOKEN)
            double = subprocess.Popen(
                [ARGS["double"], "--port-file", port_file, "--record", record, "--ids", "405,406",
                 "--basic-user", EMAIL, "--basic-token-env", "TE_TOKEN",
                 "--bearer-token-env", "TE_TOKEN"], env=env, stderr=subprocess.DEVNULL)
            try:
                for _ in range(200):
                    if os.path.exists(port_file) and pathlib.Path(port_file).read_text().strip():
                        break
                    threading.Event().wait(0.05)
                port = int(pathlib.Path(port_file).read_text())
                for api, ident in (("v6", "405"), ("v7", "406")):
                    cmd = ["curl", "-s", "-o", "/dev/null", "-X",
                           "POST" if api == "v6" else "DELETE",
                           f"http://127.0.0.1:{port}" + (f"/v6/credentials/{ident}/delete.json"
                                                         if api == "v6" else f"/v7/credentials/{ident}")]
                    cmd += (["-d", "", "-H", "Content-Type: application/json", "-u", f"{EMAIL}:{TOKEN}"]
                            if api == "v6" else ["-H", "Authorization: Bearer " + TOKEN])
                    subprocess.run(cmd, check=True, timeout=30)
            finally:
                double.terminate()
                double.wait()
            data = pathlib.Path(record).read_bytes()
        self.assertNotIn(TOKEN.encode(), data)
        rc, requests = check(data, "--base-url", f"http://127.0.0.1:{port}")
        self.assertEqual(rc, 0, requests)
        self.assertEqual(len(requests), 2)
        # the credentials are not in a record: only their scheme is judged
        for q in requests:
            self.assertEqual([f["rule"] for f in q["findings"]], ["credentials-not-shown"])
        # the records carry the double's own findings of the same request
        for line in data.splitlines():
            self.assertEqual(json.loads(line)["findings"], [])

    def test_the_doc_page_says_what_the_checker_says_of_each_client(self):
        text = DOC.read_text()
        rows = {}
        for line in text.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 3 and cells[0] in dict((n, 1) for n, _, _ in CLIENTS):
                rows[cells[0]] = cells[2]
        self.assertEqual(sorted(rows), sorted(n for n, _, _ in CLIENTS))
        # the rules table: every rule, its severity and message as the checker has them
        listed = json.loads(subprocess.run([CLI, "check-request", "--list-rules", "--json"],
                                           capture_output=True, check=True).stdout)
        for r in listed:
            self.assertIn(f"| `{r['rule']}` | {r['severity']} | {r['message']} | {r['source']} |",
                          text)
        for name, (api, data, port) in captures().items():
            _, requests = check(data, "--base-url", f"http://127.0.0.1:{port}", "--id", "405",
                                "--api", api)
            self.assertEqual(rows[name], summary(requests), name)


def write_doc():
    """The page's table and heads, from live captures."""
    print("| Client | Request line | What the checker says |\n|---|---|---|")
    heads = []
    for name, (api, data, port) in captures().items():
        _, requests = check(data, "--base-url", f"http://127.0.0.1:{port}", "--id", "405",
                            "--api", api)
        start = data.split(b"\r\n", 1)[0].decode()
        print(f"| {name} | `{start.rsplit(' ', 1)[0]}` | {summary(requests)} |")
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        head = re.sub(r"(?im)^(authorization: \S+) .*$", r"\1 <redacted>", head)
        head = head.replace(str(port), "PORT")
        heads.append(f"### {name}\n\n```http\n{head}\n```\n")
    print()
    print("\n".join(heads))


if __name__ == "__main__":
    if WRITE_DOC:
        write_doc()
    else:
        unittest.main()
