#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The transport truth table: what each adapter tells the deletion about an
attempt, against the HTTPS double and small hostile servers on 127.0.0.1.

Clients: the CLI (the libcurl adapter, every option a user has), and
adapter-probe over libcurl, Beast (plain and TLS) and cpp-httplib (plain and
TLS); the POSIX firmware client where it applies (plain HTTP, no proxy). The
certificates are made at test time with the openssl command: a CA the
clients trust (--cacert), a server certificate for 127.0.0.1/localhost, one
for another name, an expired one, and one from a CA nobody trusts."""

import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import api_double
from api_double import TOKEN, Double

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
import certs  # noqa: E402  (tests/support/certs.py)

ARGS = {}
while len(sys.argv) > 1 and "=" in sys.argv[1] and not sys.argv[1].startswith("-"):
    k, v = sys.argv.pop(1).split("=", 1)
    ARGS[k] = v
api_double.DOUBLE = ARGS["double"]
CLI = ARGS["cli"]
PROBE = ARGS["probe"]
FIRMWARE = ARGS["firmware-client"]
CERTS = {}


def make_certs(d):
    """A trusted CA, an untrusted one, and server certificates."""
    for ca in ("ca", "rogue-ca"):
        certs.make_ca(d, ca, f"te-credentials test {ca}")
    certs.make_server_key(d, "localhost")
    sans = {"good": "IP:127.0.0.1,DNS:localhost", "other-name": "DNS:api.example.invalid",
            "expired": "IP:127.0.0.1,DNS:localhost", "untrusted": "IP:127.0.0.1,DNS:localhost"}
    for name, san in sans.items():
        # -days -1: a notAfter already past
        certs.sign(d, name, "rogue-ca" if name == "untrusted" else "ca", san,
                   "-1" if name == "expired" else "2")
        CERTS[name] = (f"{d}/{name}.pem", f"{d}/server.key", f"{d}/ca.pem")


def setUpModule():
    global CERT_DIR
    CERT_DIR = tempfile.TemporaryDirectory(prefix="te-certs-")
    make_certs(CERT_DIR.name)


def tearDownModule():
    CERT_DIR.cleanup()


def tls_server_context(name="good"):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(CERTS[name][0], CERTS[name][1])
    return ctx


# ---- small hostile servers ------------------------------------------------

def read_head(conn, limit=65536):
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


class Server:
    """Accepts connections on 127.0.0.1 (TLS with `tls`), reads each
    request head and hands the connection to `answer(conn)`. `heads` holds
    what was read, request by request."""

    def __init__(self, answer, tls=None):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.answer, self.tls = answer, tls
        self.heads = []
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        self.sock.settimeout(0.2)
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        conn.settimeout(30)
        try:
            if self.tls:
                conn = self.tls.wrap_socket(conn, server_side=True)
            head = read_head(conn)
            if head:
                self.heads.append(head)
                self.answer(conn)
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()

    def url(self, scheme="http"):
        return f"{scheme}://127.0.0.1:{self.port}"

    def close(self):
        self.stop = True
        self.thread.join(5)
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def reset_after_request(conn):
    # SO_LINGER 0: the close that follows sends a reset, not a FIN
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def switching_then_bytes(conn):
    conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: x\r\n\r\n"
                 b"\x00\x01 another protocol's bytes")
    time.sleep(15)  # and keep the connection open: a client waiting for more waits long


def continue_fifty_then_204(conn):
    conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n" * 50 +
                 b"HTTP/1.1 204 No Content\r\nX-Organization-Rate-Limit-Limit: 240\r\n"
                 b"X-Organization-Rate-Limit-Remaining: 239\r\n\r\n")


class ConnectProxy:
    """An HTTP proxy for CONNECT only: `status` 200 tunnels to the origin
    asked for (127.0.0.1 only); any other status refuses."""

    def __init__(self, status=200):
        self.status = status
        self.connects = []
        self.server = Server(self.answer)
        self.port = self.server.port
        self.url = f"http://127.0.0.1:{self.port}"

    def answer(self, conn):
        line = self.server.heads[-1].split(b"\r\n", 1)[0]
        self.connects.append(line)
        self.server.heads.pop()  # a CONNECT is not a request to the origin
        m = re.match(rb"CONNECT 127\.0\.0\.1:(\d+) HTTP/1\.1$", line)
        if self.status != 200 or not m:
            reason = {403: b"Forbidden", 503: b"Service Unavailable"}.get(self.status, b"No")
            conn.sendall(b"HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                         % (self.status, reason))
            return
        upstream = socket.create_connection(("127.0.0.1", int(m.group(1))))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        pump = threading.Thread(target=self.pipe, args=(upstream, conn), daemon=True)
        pump.start()
        self.pipe(conn, upstream)
        pump.join(10)

    @staticmethod
    def pipe(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        finally:
            try:
                b.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self):
        self.server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Socks5Refusing:
    """A SOCKS5 proxy that takes the greeting, then refuses every CONNECT
    (reply 0x02, "connection not allowed by ruleset")."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.refused = 0
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        self.sock.settimeout(20)
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.recv(257)  # VER NMETHODS METHODS
                    conn.sendall(b"\x05\x00")  # no authentication
                    conn.recv(512)  # the CONNECT request
                    conn.sendall(b"\x05\x02\x00\x01\x00\x00\x00\x00\x00\x00")
                    self.refused += 1
                except OSError:
                    pass

    def close(self):
        self.sock.close()


class FullBacklog:
    """A port whose accept queue is full: a connect to it hangs until the
    client's own timeout (Linux drops the SYN)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(0)
        self.port = self.sock.getsockname()[1]
        self.fillers = []
        for _ in range(8):
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", self.port))
            self.fillers.append(s)
        time.sleep(0.2)

    def close(self):
        for s in self.fillers:
            s.close()
        self.sock.close()


# ---- the clients -----------------------------------------------------------

def probe(adapter):
    def command(url, ca=None, proxy=None, ids=("405",)):
        args = [PROBE, adapter, url, *ids, "--connect-timeout-ms", "1500",
                "--timeout-ms", "10000", "--max-attempts", "2"]
        if ca:
            args += ["--cacert", ca]
        if proxy:
            args += ["--proxy", proxy]
        return args
    return command


def cli(url, ca=None, proxy=None, ids=("405",)):
    if len(ids) == 1:
        which = ["--id", ids[0]]
    else:
        ids_file = os.path.join(CERT_DIR.name, "ids.txt")
        with open(ids_file, "w") as f:
            f.write("\n".join(ids) + "\n")
        which = ["--ids-file", ids_file]
    args = [CLI, "delete", "--api", "v7", *which, "--base-url", url,
            "--bearer-token-env", "TE_TOKEN", "--connect-timeout", "2", "--timeout", "10",
            "--max-attempts", "2"]
    if url.startswith("http:"):
        args.append("--allow-insecure-http")
    if ca:
        args += ["--cacert", ca]
    if proxy:
        args += ["--proxy", proxy]
    return args


def firmware(url, ca=None, proxy=None, ids=("405",)):
    assert ca is None and proxy is None
    return [FIRMWARE, url, *ids]


CLIENTS = {"cli": cli, "curl": probe("curl"), "beast": probe("beast"),
           "httplib": probe("httplib"), "firmware": firmware}
TLS_CLIENTS = ["cli", "curl", "beast", "httplib"]
PROXY_CLIENTS = ["cli", "curl", "httplib"]  # Beast and the firmware have no proxy support


def run(name, url, ca=None, proxy=None, env=None, timeout=60, ids=("405",)):
    e = dict(os.environ, TE_TOKEN=TOKEN)
    for k in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
              "ALL_PROXY", "no_proxy", "NO_PROXY"):
        e.pop(k, None)
    e.update(env or {})
    t = time.monotonic()
    p = subprocess.run(CLIENTS[name](url, ca, proxy, ids), capture_output=True, text=True, env=e,
                       timeout=timeout)
    p.elapsed = time.monotonic() - t
    return p


def progress(name, p):
    """Where a client prints its attempts: te-credentials on stderr (its
    results go to stdout), the probes and examples on stdout."""
    return p.stderr if name == "cli" else p.stdout


def attempts_not_sent(name, out):
    """Every attempt the client printed was 'never sent'."""
    if name == "cli":
        lines = re.findall(r"attempt \d+: (.*?)(?:;|$)", out, re.M)
        return lines and all(l.startswith("not sent") for l in lines)
    lines = re.findall(r"transport=(\w+)", out)
    return lines and all(l == "never_sent" for l in lines)


def attempts_maybe_sent(name, out):
    if name == "cli":
        lines = re.findall(r"attempt \d+: (.*?)(?:;|$)", out, re.M)
        return lines and all(l.startswith("no response") for l in lines)
    if name == "firmware":
        return "no_response" in out
    lines = re.findall(r"transport=(\w+)", out)
    return lines and all(l == "maybe_sent" for l in lines)


def requests_counted(name, out):
    if name == "cli":
        return None  # one id: the CLI prints no count (its batch summary does)
    m = re.search(r"^requests (\d+)$", out, re.M)
    return int(m.group(1)) if m else None


class TruthTable(unittest.TestCase):
    def each(self, clients, scenario):
        for name in clients:
            with self.subTest(client=name):
                scenario(name)

    # -- TLS: nothing leaves before the server is verified -------------------

    def test_a_certificate_that_fails_verification_means_never_sent(self):
        cases = {"untrusted": "127.0.0.1", "other-name": "127.0.0.1", "expired": "127.0.0.1"}
        for cert, host in cases.items():
            with Double(tls=CERTS[cert]) as d:
                url = f"https://{host}:{d.port}"

                def scenario(name):
                    p = run(name, url, ca=CERTS[cert][2])
                    out = p.stdout + p.stderr
                    self.assertEqual(p.returncode, 1, out)
                    self.assertTrue(attempts_not_sent(name, progress(name, p)), out)
                    self.assertEqual(d.requests(), [], out)  # the token never left
                    self.assertEqual(d.ids(), [405])
                    self.assertIn("no_response", p.stdout)
                    if name != "cli":
                        self.assertEqual(requests_counted(name, p.stdout), 0, out)
                with self.subTest(certificate=cert):
                    self.each(TLS_CLIENTS, scenario)

    def test_the_trusted_double_deletes_over_https(self):
        for name in TLS_CLIENTS:
            with self.subTest(client=name), Double(tls=CERTS["good"]) as d:
                p = run(name, d.url, ca=CERTS["good"][2])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(d.statuses(), [204])
                self.assertEqual(d.ids(), [])

    # -- proxies --------------------------------------------------------------

    def test_a_tunnel_through_a_proxy_is_one_request_and_its_404_is_not_found(self):
        def scenario(name):
            with Double(tls=CERTS["good"], ids="1") as d, ConnectProxy(200) as proxy:
                if name == "cli":  # the environment's proxy, as a user has it
                    p = run(name, d.url, ca=CERTS["good"][2], env={"https_proxy": proxy.url})
                else:
                    p = run(name, d.url, ca=CERTS["good"][2], proxy=proxy.url)
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertIn("not_found", p.stdout)
                self.assertNotIn("already_absent", p.stdout)
                self.assertEqual(d.statuses(), [404], out)
                self.assertEqual(len(proxy.connects), 1, out)
                if name != "cli":
                    self.assertEqual(requests_counted(name, p.stdout), 1, out)
        self.each(PROXY_CLIENTS, scenario)

    def test_a_proxy_that_refuses_connect_means_never_sent(self):
        for status in (403, 503):
            def scenario(name):
                with Double(tls=CERTS["good"]) as d, ConnectProxy(status) as proxy:
                    p = run(name, d.url, ca=CERTS["good"][2], proxy=proxy.url)
                    out = p.stdout + p.stderr
                    self.assertEqual(p.returncode, 1, out)
                    self.assertTrue(attempts_not_sent(name, progress(name, p)), out)
                    self.assertEqual(d.requests(), [], out)
                    self.assertGreaterEqual(len(proxy.connects), 1, out)
            with self.subTest(status=status):
                # Not httplib 0.11: a refused CONNECT deadlocks its send()
                # (yhirose/cpp-httplib#1590, fixed in 0.13.2).
                self.each(["cli", "curl"], scenario)

    def test_a_socks5_proxy_that_refuses_means_never_sent(self):
        def scenario(name):
            with Double(tls=CERTS["good"]) as d:
                socks = Socks5Refusing()
                try:
                    p = run(name, d.url, ca=CERTS["good"][2],
                            proxy=f"socks5h://127.0.0.1:{socks.port}")
                finally:
                    socks.close()
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertTrue(attempts_not_sent(name, progress(name, p)), out)
                self.assertEqual(d.requests(), [], out)
                self.assertGreaterEqual(socks.refused, 1, out)
        self.each(["cli", "curl"], scenario)  # libcurl speaks SOCKS; httplib 0.11 does not

    # -- the connection ---------------------------------------------------------

    def test_a_connect_that_times_out_means_never_sent(self):
        backlog = FullBacklog()
        try:
            def scenario(name):
                p = run(name, f"https://127.0.0.1:{backlog.port}", ca=CERTS["good"][2])
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertTrue(attempts_not_sent(name, progress(name, p)), out)
                self.assertLess(p.elapsed, 30, out)
            self.each(TLS_CLIENTS, scenario)
        finally:
            backlog.close()

    def each_scheme(self, clients, scenario):
        """Each client over plain HTTP, and the TLS-capable ones over HTTPS."""
        for name in clients:
            for tls in ([False, True] if name in TLS_CLIENTS else [False]):
                with self.subTest(client=name, tls=tls):
                    scenario(name, tls)

    def hostile(self, answer, tls):
        return Server(answer, tls=tls_server_context() if tls else None)

    def test_a_reset_after_the_request_means_maybe_sent(self):
        def scenario(name, tls):
            with self.hostile(reset_after_request, tls) as s:
                p = run(name, s.url("https" if tls else "http"), ca=CERTS["good"][2] if tls else None)
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertTrue(attempts_maybe_sent(name, progress(name, p)), out)
                self.assertIn("no_response", p.stdout)
                attempts = 3 if name == "firmware" else 2  # its default max_attempts
                self.assertEqual(len(s.heads), attempts, out)
                if name not in ("cli", "firmware"):
                    self.assertEqual(requests_counted(name, p.stdout), attempts, out)
        self.each_scheme(CLIENTS, scenario)

    def test_a_401_head_then_a_truncated_body_is_the_answer_and_stops_the_batch(self):
        def scenario(name, tls):
            with Double("--fault", "body-cut", ids="405,406",
                        tls=CERTS["good"] if tls else None) as d:
                p = run(name, d.url, ca=CERTS["good"][2] if tls else None,
                        env={"TE_TOKEN": "wrong-token"}, ids=("405", "406"))
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertIn("unauthorized", p.stdout)
                self.assertIn("stopped", p.stdout)
                self.assertEqual(d.statuses(), [401], out)  # one request
                self.assertEqual(d.ids(), [405, 406])
        self.each_scheme(CLIENTS, scenario)

    def test_a_101_then_bytes_is_unexpected_at_once(self):
        def scenario(name, tls):
            with self.hostile(switching_then_bytes, tls) as s:
                p = run(name, s.url("https" if tls else "http"), ca=CERTS["good"][2] if tls else None)
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 1, out)
                self.assertIn("unexpected", p.stdout)
                self.assertEqual(len(s.heads), 1, out)
                self.assertLess(p.elapsed, 8, out)  # no wait for the 10 s timeout
        self.each_scheme(CLIENTS, scenario)

    def test_fifty_100_continue_then_a_204_is_deleted(self):
        def scenario(name, tls):
            with self.hostile(continue_fifty_then_204, tls) as s:
                p = run(name, s.url("https" if tls else "http"), ca=CERTS["good"][2] if tls else None)
                out = p.stdout + p.stderr
                self.assertEqual(p.returncode, 0, out)
                self.assertIn("deleted", p.stdout)
                self.assertEqual(len(s.heads), 1, out)
        self.each_scheme(CLIENTS, scenario)


class CliOverHttps(unittest.TestCase):
    def test_delete_with_cacert_deletes_and_without_it_refuses(self):
        with Double(tls=CERTS["good"]) as d:
            base = [CLI, "delete", "--api", "v7", "--id", "405", "--base-url", d.url,
                    "--bearer-token-env", "TE_TOKEN", "--max-attempts", "1"]
            env = dict(os.environ, TE_TOKEN=TOKEN, no_proxy="*")
            p = subprocess.run(base, capture_output=True, text=True, env=env, timeout=60)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn("not sent", p.stderr)
            self.assertEqual(d.requests(), [])  # the double's record: no request
            p = subprocess.run(base + ["--cacert", CERTS["good"][2]], capture_output=True,
                               text=True, env=env, timeout=60)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertIn("credential 405: deleted", p.stdout)
            self.assertEqual(d.statuses(), [204])

    def test_a_missing_cacert_file_is_invalid_input(self):
        p = subprocess.run([CLI, "delete", "--api", "v7", "--id", "405",
                            "--bearer-token-env", "TE_TOKEN", "--cacert", "/nonexistent/ca.pem"],
                           capture_output=True, text=True, env=dict(os.environ, TE_TOKEN=TOKEN),
                           timeout=30)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stdout, "")
        self.assertTrue(p.stderr.startswith("te-credentials: --cacert /nonexistent/ca.pem: "),
                        p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
