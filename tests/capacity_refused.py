#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""A capacity too small is refused at build time: a builder one byte too
small for the API's endpoint and this library's user agent does not compile,
with the library's own message naming builder_capacity; the smallest one that
holds them compiles.
Usage: capacity_refused.py INCLUDE_DIR CXX [CXX_ARGS...]"""
import subprocess
import sys

include, *cxx = sys.argv[1:]
PROGRAM = """#include <thousandeyes/credentials/request_builder.hpp>
namespace tc = thousandeyes::credentials;
constexpr std::size_t smallest = tc::builder_capacity(tc::authorization::bearer_size(1));
tc::basic_request_builder<smallest - %d> const* p = nullptr;
int main() { return sizeof(*p) > 0 ? 0 : 1; }
"""


def compile_with(less):
    r = subprocess.run(cxx + ["-std=c++17", "-fsyntax-only", "-I", include, "-x", "c++", "-"],
                       input=PROGRAM % less, capture_output=True, text=True)
    return r.returncode, [l for l in r.stderr.splitlines() if "error:" in l]


ok = True
status, errors = compile_with(0)
print("the smallest capacity:", "compiles" if status == 0 else "FAILS\n" + "\n".join(errors))
ok &= status == 0
status, errors = compile_with(1)
print("one byte less:", *errors, sep="\n  ")
ok &= status != 0 and len(errors) == 1 and ("static assertion failed" in errors[0] or "static_assert failed" in errors[0]) \
    and "too small for the API's endpoint and this library's user agent" in errors[0]
print("ok" if ok else "FAIL")
sys.exit(0 if ok else 1)
