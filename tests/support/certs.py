# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Test certificates, made at test time with the openssl command (P-256):
CAs, one server key, and server certificates signed by a CA for given
subjectAltNames."""

import pathlib
import subprocess


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def make_ca(d, name, label):
    """{d}/{name}.key and the self-signed {d}/{name}.pem."""
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", f"{d}/{name}.key", "-out", f"{d}/{name}.pem", "-days", "2",
            "-subj", f"/CN={label}")


def make_server_key(d, common_name):
    """{d}/server.key and its signing request {d}/server.csr."""
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", f"{d}/server.key", "-out", f"{d}/server.csr", "-subj", f"/CN={common_name}")


def sign(d, name, ca, san, days="2"):
    """{d}/{name}.pem: the server key's certificate, signed by CA, for SAN
    (e.g. "DNS:localhost"); days "-1" makes one already expired."""
    pathlib.Path(f"{d}/{name}.ext").write_text(f"subjectAltName={san}\n")
    openssl("x509", "-req", "-in", f"{d}/server.csr", "-CA", f"{d}/{ca}.pem",
            "-CAkey", f"{d}/{ca}.key", "-CAcreateserial", "-days", days,
            "-extfile", f"{d}/{name}.ext", "-out", f"{d}/{name}.pem")
