#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The lwIP + mbedTLS example against the HTTPS double, over a real link.

The test makes a network namespace of its own (unshare --net), a tap device
in it (te0, 192.0.2.1/24, the kernel's side), and runs the double there on
192.0.2.1 with a certificate for double.test from a CA made now. The example
attaches lwIP's tap interface to te0 as 192.0.2.2 and speaks TLS through
mbedTLS over lwIP's netconn API. The double's record is the judge of what
arrived. Checked:
  - with a CA that did not sign the server's certificate, the handshake
    fails, every attempt is "not sent", and the double records nothing;
  - with the right CA, credential 405 is deleted (204), then the same id
    gets the 404; the answers were read from the pieces lwIP handed over.
Without root, /dev/net/tun, unshare or ip the test says which is missing and
fails: it never skips.

Usage: test_lwip.py LWIP_CLIENT TE_API_DOUBLE"""

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import certs  # noqa: E402  (tests/support/certs.py)

INSIDE = "TE_LWIP_INSIDE_NAMESPACE"
CLIENT, DOUBLE = sys.argv[1:3]
del sys.argv[1:3]
EMAIL = "noreply@thousandeyes.com"
TOKEN = "g351mw5xqhvkmh1vq6zfm51c62wyzib2"
# Debian's lwIP 2.1.3 unix port copies a received frame larger than its pool
# buffer (592 bytes) past the buffer (AddressSanitizer: heap-buffer-overflow
# in pbuf_take, from the tap thread); frames of at most 590 bytes avoid it.
TAP_MTU = "576"


def missing():
    """What this machine lacks for the test, or None."""
    if os.geteuid() != 0:
        return "root (a network namespace and a tap device need it)"
    if not os.path.exists("/dev/net/tun"):
        return "/dev/net/tun"
    for tool in ("unshare", "ip", "openssl"):
        if not shutil.which(tool):
            return f"the {tool} command"
    return None


def make_certs(d):
    """A CA that signs the server's certificate for double.test, and a rogue one."""
    for ca in ("ca", "rogue-ca"):
        certs.make_ca(d, ca, f"te-credentials lwip test {ca}")
    certs.make_server_key(d, "double.test")
    certs.sign(d, "server", "ca", "DNS:double.test")


def ip(*args):
    subprocess.run(["ip", *args], check=True)


class OverLwipAndMbedtls(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory(prefix="te-lwip-")
        d = cls.dir.name
        make_certs(d)
        ip("link", "set", "lo", "up")
        ip("tuntap", "add", "dev", "te0", "mode", "tap")
        ip("addr", "add", "192.0.2.1/24", "dev", "te0")
        ip("link", "set", "te0", "mtu", TAP_MTU, "up")
        env = dict(os.environ, TE_TOKEN=TOKEN, TE_EMAIL=EMAIL)
        cls.record = pathlib.Path(d) / "record"
        port_file = pathlib.Path(d) / "port"
        cls.double = subprocess.Popen(
            [DOUBLE, "--listen", "192.0.2.1", "--port-file", port_file, "--ids", "405",
             "--tls-cert", f"{d}/server.pem", "--tls-key", f"{d}/server.key",
             "--basic-user", EMAIL, "--basic-token-env", "TE_TOKEN", "--record", cls.record],
            env=env, stdout=subprocess.DEVNULL)
        for _ in range(100):
            if port_file.exists():
                break
            time.sleep(0.05)
        cls.port = int(port_file.read_text())
        cls.env = env

    @classmethod
    def tearDownClass(cls):
        cls.double.terminate()
        cls.double.wait()
        cls.dir.cleanup()

    def client(self, ca, *ids):
        p = subprocess.run([CLIENT, "te0", "192.0.2.2", "192.0.2.1", "192.0.2.1",
                            f"https://double.test:{self.port}", f"{self.dir.name}/{ca}.pem", *ids],
                           env=self.env, capture_output=True, text=True, timeout=60)
        print(p.stdout + p.stderr, end="")
        return p

    def records(self):
        if not self.record.exists():
            return []
        return [json.loads(line) for line in self.record.read_text().splitlines()]

    def test_1_an_unverified_server_never_gets_the_request(self):
        p = self.client("rogue-ca", "405")
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("handshake: X509 - Certificate verification failed", p.stdout)
        attempts = re.findall(r"attempt \d+: (.*)", p.stdout)
        self.assertEqual(len(attempts), 3, p.stdout)  # the default policy's three
        self.assertTrue(all(a.startswith("not sent") for a in attempts), p.stdout)
        self.assertEqual(self.records(), [])  # the token never left

    def test_2_the_credential_is_deleted_then_the_same_id_gets_404(self):
        p = self.client("ca", "405", "405")
        out = p.stdout
        # the second deletion fails (not_found): exit 1, as for any failure
        self.assertEqual(p.returncode, 1, out)
        self.assertRegex(out, r"credential 405\n  attempt 1: 204, the head read from \d+ pieces "
                              r"\(\d+ lwIP buffers\), deleted\n  done: deleted after 1 attempts\n")
        self.assertRegex(out, r"credential 405\n  attempt 1: 404, the head read from \d+ pieces "
                              r"\(\d+ lwIP buffers\), not_found\n  failed: not_found after 1 attempts\n")
        for pieces, buffers in re.findall(r"from (\d+) pieces \((\d+) lwIP buffers\)", out):
            self.assertGreaterEqual(int(pieces), 1)
            self.assertGreaterEqual(int(buffers), 1)
        # what the double received: the seed's request, twice, over TLS
        records = self.records()
        self.assertEqual([r["status"] for r in records], [204, 404])
        for r in records:
            self.assertEqual((r["method"], r["target"], r["version"]),
                             ("POST", "/v6/credentials/405/delete.json", "1.1"))
            self.assertEqual(dict(r["headers"])["Host"], f"double.test:{self.port}")
            self.assertEqual(r["authorization"], {"scheme": "Basic", "bytes": 82, "accepted": True})
            self.assertEqual(r["findings"], [])


def main():
    if os.environ.get(INSIDE):
        unittest.main(verbosity=2)
        return
    lack = missing()
    if lack:
        print(f"FAIL: this test needs {lack}; it does not skip (run it as root on a machine "
              "with /dev/net/tun, or build without -Dlwip_test=true)")
        sys.exit(1)
    # the same script, in a network namespace of its own
    r = subprocess.run(["unshare", "--net", sys.executable, __file__, CLIENT, DOUBLE],
                       env=dict(os.environ, **{INSIDE: "1"}))
    sys.exit(r.returncode)


if __name__ == "__main__":
    main()
