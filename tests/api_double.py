# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""te-api-double as a test fixture, plain or HTTPS: shared by the
end-to-end tests and the transport truth table."""

import json
import os
import pathlib
import resource
import shutil
import ssl
import subprocess
import tempfile
import time
import urllib.request

DOUBLE = None  # the binary; set by the test from its meson arguments
TOKEN = "g351mw5xqhvkmh1vq6zfm51c62wyzib2"
EMAIL = "noreply@thousandeyes.com"
# Loopback never goes through a proxy the environment may name.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Double:
    """te-api-double on a port it picks; its record of requests. With
    `tls=(cert, key, ca)` it serves HTTPS."""

    def __init__(self, *options, ids="405", rate_limit=None, window=None, tls=None, nofile=None):
        self.dir = tempfile.mkdtemp(prefix="te-double-")
        port_file = os.path.join(self.dir, "port")
        self.record = os.path.join(self.dir, "requests.jsonl")
        args = [DOUBLE, "--port-file", port_file, "--record", self.record,
                "--basic-user", EMAIL, "--basic-token-env", "TE_TOKEN",
                "--bearer-token-env", "TE_TOKEN", *options]
        if ids:
            args += ["--ids", ids]
        if rate_limit:
            args += ["--rate-limit", str(rate_limit)]
        if window:
            args += ["--window-seconds", str(window)]
        self.context = None
        if tls:
            args += ["--tls-cert", tls[0], "--tls-key", tls[1]]
            # the control endpoint only: the tests also serve bad certificates
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            self.context.check_hostname = False
            self.context.verify_mode = ssl.CERT_NONE
        def limit():  # `ulimit -n NOFILE` for the double alone
            if nofile:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, preexec_fn=limit,
                                     env=dict(os.environ, TE_TOKEN=TOKEN))
        deadline = time.monotonic() + 10
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("te-api-double did not start")
            time.sleep(0.02)
        self.port = int(pathlib.Path(port_file).read_text())
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"

    def requests(self):
        if not os.path.exists(self.record):
            return []
        return [json.loads(l) for l in pathlib.Path(self.record).read_text().splitlines()]

    def statuses(self):
        return [r["status"] for r in self.requests()]

    def ids(self):
        opener = DIRECT
        if self.context:
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                                 urllib.request.HTTPSHandler(context=self.context))
        with opener.open(self.url + "/_double/ids", timeout=10) as r:
            return json.load(r)

    def memory_kib(self):
        """The double's resident memory now and at its peak (VmRSS, VmHWM)."""
        status = pathlib.Path(f"/proc/{self.proc.pid}/status").read_text()
        fields = dict(l.split(":", 1) for l in status.splitlines() if ":" in l)
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
