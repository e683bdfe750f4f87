#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The API double under load and abuse from local processes: idle and
stalled connections past its descriptor limit, thousands of large requests,
and then a normal deletion still works, within a stated memory bound.
Found by an adversarial run: about 260 idle connections (20 at `ulimit -n
64`) aborted the double, and its record of requests grew without bound."""

import concurrent.futures
import json
import os
import resource
import socket
import subprocess
import sys
import unittest

import api_double
from api_double import DIRECT, TOKEN, Double

while len(sys.argv) > 1 and "=" in sys.argv[1]:
    k, v = sys.argv.pop(1).split("=", 1)
    if k == "double":
        api_double.DOUBLE = v
    elif k == "cli":
        CLI = v

# The stated bound: the double's peak resident memory through the whole soak
# (records are capped at 1,000 requests and 16 MiB, connections at 256).
RSS_BOUND_KIB = 64 * 1024
FIELD = "x" * (15 * 1024)  # a 15 KiB field, under the double's 16 KiB head limit


def raise_own_limit(n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(n, hard) if hard != -1 else n, hard))


def idle_connections(port, n):
    """n connections that send nothing, or (one in ten) half a request."""
    socks = []
    for i in range(n):
        s = socket.socket()
        s.settimeout(10)
        s.connect(("127.0.0.1", port))
        if i % 10 == 0:
            s.sendall(b"POST /v6/credentials/1/delete HTTP/1.1\r\nHost: x\r\nX-Stall: ")
        socks.append(s)
    return socks


def big_requests(port, count, client):
    """`count` requests, each with a 15 KiB field, over keep-alive
    connections: wrong credentials on API paths (recorded, redacted) and
    other paths (answered, not recorded). Returns the statuses seen."""
    statuses = []
    s = None
    for i in range(count):
        path = (f"/v6/credentials/{i}/delete.json", f"/v7/credentials/{i}", f"/nowhere/{i}")[i % 3]
        method = "DELETE" if path.startswith("/v7/") else "POST"
        req = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer wrong-{client}-{i}\r\nX-Filler: {FIELD}\r\n"
               "Content-Length: 0\r\n\r\n").encode()
        for attempt in range(3):  # a connection closed to make room is opened again
            try:
                if s is None:
                    s = socket.create_connection(("127.0.0.1", port), timeout=20)
                    f = s.makefile("rb")
                s.sendall(req)
                status = f.readline().split(b" ")[1]
                length = 0
                while (line := f.readline()) not in (b"\r\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                f.read(length)
                statuses.append(int(status))
                break
            except (OSError, IndexError):
                if s:
                    s.close()
                s = None
    if s:
        s.close()
    return statuses


def control(d, path):
    with DIRECT.open(d.url + path, timeout=30) as r:
        return r.headers, json.load(r)


class Soak(unittest.TestCase):
    def setUp(self):
        raise_own_limit(8192)

    def soak(self, nofile, idle):
        with Double(ids="405", rate_limit=1000000, nofile=nofile) as d:
            held = idle_connections(d.port, idle)
            with concurrent.futures.ThreadPoolExecutor(16) as pool:
                runs = list(pool.map(lambda c: big_requests(d.port, 625, c), range(16)))
            statuses = [s for run in runs for s in run]
            self.assertEqual(len(statuses), 10000)
            self.assertEqual(set(statuses), {401, 404})
            self.assertIsNone(d.proc.poll(), "the double died")
            # a normal deletion, the idle connections still held
            p = subprocess.run([CLI, "delete", "--api", "v7", "--id", "405", "--base-url", d.url,
                                "--allow-insecure-http", "--bearer-token-env", "TE_TOKEN"],
                               capture_output=True, text=True, timeout=60,
                               env=dict(os.environ, TE_TOKEN=TOKEN, no_proxy="*"))
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(d.ids(), [])
            headers, records = control(d, "/_double/requests")
            # bounded: the last 1,000 API requests, the rest counted as dropped
            self.assertEqual(len(records), 1000)
            self.assertEqual(int(headers["X-Double-Records-Dropped"]),
                             records[-1]["seq"] - len(records))
            self.assertEqual(records[-1]["status"], 204)
            self.assertFalse(any(r["target"].startswith("/nowhere/") for r in records))
            text = json.dumps(records)
            self.assertNotIn("wrong-", text)
            self.assertNotIn(TOKEN, text)
            rss, peak = d.memory_kib()
            print(f"soak (ulimit -n {nofile}, {idle} idle): rss {rss} KiB, peak {peak} KiB, "
                  f"{records[-1]['seq']} API requests recorded", file=sys.stderr)
            self.assertLess(peak, RSS_BOUND_KIB)
            for s in held:
                s.close()

    def test_1000_idle_connections_at_ulimit_1024_then_10000_large_requests(self):
        self.soak(1024, 1000)

    def test_1000_idle_connections_at_ulimit_64(self):
        # fewer descriptors than the connection bound: a full table closes
        # the longest idle connection instead of aborting
        self.soak(64, 1000)


if __name__ == "__main__":
    unittest.main(verbosity=2)
