#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The library's chunked-body decoder against Python's http.client, which no
one here wrote: generated bodies (chunk sizes with leading zeros, upper and
lower case hex, extensions with token and quoted values, trailers, a lone LF
for CRLF), fed to the library in pieces of 1 byte, of a random size, and whole, must
decode to the bytes http.client reads from them. Broken bodies (a chunk-size
that is not hex, a body cut inside chunk data) are refused by both.

Where http.client is more lenient than RFC 9112 the library is stricter on
purpose, and those inputs are not generated: http.client takes int(x, 16)
of the size (so '0x1a', '+a', '1_0' and spaces pass), does not check the
CRLF after chunk data, and accepts the end of input inside the trailers
or after a size line without its line end (a body cut inside '0000001c'
reads as complete and empty).
Usage: test_chunked_judge.py PROBE"""

import http.client
import io
import random
import subprocess
import sys
import unittest

PROBE = sys.argv.pop(1)
TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def http_client_decode(body):
    """What http.client reads from a chunked response with this body."""
    head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"

    class Sock:
        def makefile(self, *a, **k):
            return io.BytesIO(head + body)

    r = http.client.HTTPResponse(Sock())
    r.begin()
    try:
        return ("ok", r.read())
    except (http.client.IncompleteRead, ValueError, http.client.HTTPException):
        return ("error", None)


def token(rnd, n=8):
    return "".join(rnd.choice(TCHAR) for _ in range(rnd.randint(1, n)))


def extension(rnd):
    ext = ""
    for _ in range(rnd.randint(0, 3)):
        ext += rnd.choice(["", " ", "\t "]) + ";" + rnd.choice(["", " "]) + token(rnd)
        kind = rnd.randint(0, 2)
        if kind == 1:
            ext += rnd.choice(["", " "]) + "=" + rnd.choice(["", " "]) + token(rnd)
        elif kind == 2:
            quoted = "".join(rnd.choice(['a', ' ', '\\"', '\\\\', ';', '=', '\t', 'x'])
                             for _ in range(rnd.randint(0, 6)))
            ext += '="' + quoted + '"'
    return ext.encode()


def size_text(rnd, n):
    text = format(n, "x")
    text = "0" * rnd.choice([0, 0, 1, 5, 20]) + text
    return (text.upper() if rnd.random() < 0.3 else text).encode()


def valid_body(rnd):
    data = b""
    body = b""
    inside = []  # offsets inside chunk data
    eol = lambda: b"\n" if rnd.random() < 0.1 else b"\r\n"
    for _ in range(rnd.randint(0, 5)):
        chunk = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 300)))
        data += chunk
        body += size_text(rnd, len(chunk)) + extension(rnd) + b"\r\n"
        inside += range(len(body), len(body) + len(chunk))
        body += chunk + b"\r\n"
    body += b"0" * rnd.randint(1, 4) + extension(rnd) + eol()
    for _ in range(rnd.randint(0, 3)):
        body += token(rnd).encode() + b":" + rnd.choice([b"", b" v", b" a b\tc"]) + eol()
    return body + eol(), data, inside


def run_probe(cases):
    lines = "".join(f"{piece} {body.hex()}\n" for piece, body in cases)
    out = subprocess.run([PROBE], input=lines, capture_output=True, text=True, check=True)
    return [l.split(" ", 1) for l in out.stdout.splitlines()]


class ChunkedJudge(unittest.TestCase):
    def test_generated_bodies_decode_as_http_client_decodes_them(self):
        rnd = random.Random(2026)
        cases, expected = [], []
        for _ in range(1500):
            body, data, _ = valid_body(rnd)
            verdict, judged = http_client_decode(body)
            self.assertEqual(verdict, "ok", body)
            self.assertEqual(judged, data)
            for piece in (1, rnd.randint(2, 17), len(body)):
                cases.append((piece, body))
                expected.append(judged)
        results = run_probe(cases)
        self.assertEqual(len(results), len(cases))
        for (piece, body), want, (verdict, got) in zip(cases, expected, results):
            self.assertEqual(verdict, "ok", (piece, body, got))
            self.assertEqual(bytes.fromhex(got), want, (piece, body))

    def test_the_leading_zeros_a_hand_written_decoder_dropped(self):
        body = b"000000002c\r\n" + b"{\"errorMessage\":\"Credential not found xxxx\"}" + b"\r\n0\r\n\r\n"
        verdict, judged = http_client_decode(body)
        self.assertEqual(verdict, "ok")
        [[v, got]] = run_probe([(3, body)])
        self.assertEqual(v, "ok")
        self.assertEqual(bytes.fromhex(got), judged)

    def test_broken_bodies_are_refused_by_both(self):
        rnd = random.Random(7)
        cases = []
        for _ in range(400):
            body, _, inside = valid_body(rnd)
            if inside and rnd.randint(0, 1) == 0:
                body = body[:rnd.choice(inside)]  # cut inside chunk data
            else:
                body = b"zz\r\n" + body  # a chunk-size that is not hex
            verdict, _ = http_client_decode(body)
            self.assertEqual(verdict, "error", body)
            cases.append((rnd.randint(1, 9), body))
        for (piece, body), (verdict, _) in zip(cases, run_probe(cases)):
            self.assertEqual(verdict, "error", (piece, body))


if __name__ == "__main__":
    unittest.main(verbosity=2)
