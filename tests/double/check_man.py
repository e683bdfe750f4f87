#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""te-api-double.1 says what `te-api-double --help` says: the same options,
the program's version, and groff renders it without a warning.
Usage: check_man.py TE_API_DOUBLE MAN_PAGE"""
import re
import shutil
import subprocess
import sys

program, page_path = sys.argv[1:3]
page = open(page_path, encoding="utf-8").read()
failures = []

help_text = subprocess.run([program, "--help"], capture_output=True, text=True, check=True).stdout
in_help = set(re.findall(r"(--[a-z][a-z-]*)", help_text)) | {"--help"}
options = page.split("\n.SH OPTIONS\n")[1].split("\n.SH ")[0]
in_page = {o.replace("\\-", "-") for o in re.findall(r"^\.BI? (\\-\\-[a-z\\-]+)", options, re.M)}
if in_page != in_help:
    failures.append(f"options only in --help: {sorted(in_help - in_page)}; "
                    f"only in the page: {sorted(in_page - in_help)}")

version = subprocess.run([program, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
if f'"thousandeyes-credentials {version}"' not in page or "@VERSION@" in page:
    failures.append(f"the page's version is not {version}")

if shutil.which("groff"):
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page_path], capture_output=True, text=True)
    if r.returncode != 0 or r.stderr:
        failures.append(f"groff: {r.stderr.strip()}")
else:
    failures.append("groff is not installed (.ci/install-deps installs groff-base)")

print("\n".join(failures) or f"ok: {len(in_page)} options, version {version}")
sys.exit(1 if failures else 0)
