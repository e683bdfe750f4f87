#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""A translation unit including HEADER, compiled by CXX (mingw-w64's win32
thread model), must fail with the header's own #error naming the posix
thread model, not with Boost's errors about std::mutex.
Usage: refused.py CXX INCLUDE_DIR INCLUDE_ROOT HEADER"""
import subprocess
import sys

cxx, include, root, header = sys.argv[1:5]
r = subprocess.run([cxx, "-std=c++17", "-fsyntax-only", "-I", include, "-isystem", root,
                    "-x", "c++", "-"], input=f"#include <thousandeyes/credentials/{header}>\n",
                   capture_output=True, text=True)
errors = [line for line in r.stderr.splitlines() if "error:" in line]
print("\n".join(errors))
ok = (r.returncode != 0 and len(errors) == 1 and "#error" in errors[0]
      and "x86_64-w64-mingw32-g++-posix" in errors[0])
print("ok" if ok else f"FAIL: exit {r.returncode}, {len(errors)} errors")
sys.exit(0 if ok else 1)
