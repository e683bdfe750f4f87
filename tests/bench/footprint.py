#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Prints the library's footprint on x86-64 as doc/performance.md shows it: .text
(Berkeley `size`) above an empty program, each built with
g++ -std=c++17 -Os -fno-exceptions -fno-rtti -ffunction-sections
-fdata-sections -Wl,--gc-sections, the Boost.URL parts compiled in through
url_src.hpp: the request side alone, a full cycle (build, write, parse,
decide) with the built-in endpoint, the same with a base URL parsed at run
time, and the firmware example linked with a static C++ runtime; then the
compile time of the umbrella header, and of a translation unit that keeps
the built-in endpoint, against <boost/url/parse.hpp> at -O0 (best of 5).

    /usr/bin/python3 tests/bench/footprint.py
"""

import pathlib
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
FLAGS = ["-std=c++17", "-Os", "-fno-exceptions", "-fno-rtti", "-ffunction-sections",
         "-fdata-sections", "-DBOOST_URL_NO_LIB", "-I", str(ROOT / "include")]
LINK = ["-Wl,--gc-sections"]
SUPPORT = ROOT / "tests" / "support" / "no_exceptions.cpp"


def build(tmp, name, sources, defines=(), url="none", static=False):
    srcs = [str(s) for s in sources]
    if url != "none":
        tu = tmp / f"{name}-url.cpp"
        tu.write_text(("#define THOUSANDEYES_CREDENTIALS_URL_SRC_NO_PARSER\n" if url == "errors"
                       else "") + "#include <thousandeyes/credentials/url_src.hpp>\n")
        srcs.append(str(tu))
    out = tmp / name
    extra = ["-static-libstdc++", "-static-libgcc"] if static else []
    subprocess.run(["g++", *FLAGS, *defines, *srcs, "-o", str(out), *LINK, *extra], check=True)
    text = subprocess.run(["size", str(out)], check=True, capture_output=True,
                          text=True).stdout.splitlines()[1].split()[0]
    return int(text)


# What a translation unit that keeps the built-in endpoint includes: the
# whole send-and-read path, without base_url.hpp (Boost.URL's parser).
BUILTIN_ENDPOINT_TU = ["thousandeyes/credentials/request_builder.hpp",
                       "thousandeyes/credentials/serialize.hpp",
                       "thousandeyes/credentials/response_parser.hpp",
                       "thousandeyes/credentials/deletion.hpp",
                       "thousandeyes/credentials/batch.hpp"]


def compile_time(*headers):
    with tempfile.TemporaryDirectory() as d:
        src = pathlib.Path(d) / "tu.cpp"
        src.write_text("".join(f"#include <{h}>\n" for h in headers))
        best = None
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(["g++", "-std=c++17", "-O0", "-I", str(ROOT / "include"), "-c",
                            str(src), "-o", str(pathlib.Path(d) / "tu.o")], check=True)
            t = time.perf_counter() - t
            best = t if best is None else min(best, t)
        return best


def main():
    version = subprocess.run(["g++", "--version"], capture_output=True,
                             text=True).stdout.splitlines()[0]
    fp = ROOT / "tests" / "bench" / "footprint"
    cycle = ROOT / "examples" / "bare-metal" / "cycle.cpp"
    quiet = ["-DTHOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES"]
    programs = [
        ("request only (build the seed request, write its head)",
         [fp / "request_only.cpp"], [], "errors", False),
        ("full cycle, built-in endpoint (build, write, parse, decide)", [cycle], [], "errors",
         False),
        ("full cycle, base URL parsed at run time", [cycle], ["-DTE_RUNTIME_BASE_URL"], "parser",
         False),
        ("firmware example, C++ runtime linked statically",
         [ROOT / "examples" / "firmware_client.cpp", ROOT / "examples" / "firmware_runtime.cpp"],
         [], "parser", True),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        tmp = pathlib.Path(d)
        empty = build(tmp, "empty", [fp / "empty.cpp", SUPPORT])
        for i, (what, sources, defines, url, static) in enumerate(programs):
            support = [] if static else [SUPPORT]
            full = build(tmp, f"p{i}", sources + support, defines, url, static)
            small = build(tmp, f"q{i}", sources + support, defines + quiet, url, static)
            rows.append((what, full, small))
    print(f"{version}; {' '.join(FLAGS[:6])}, --gc-sections; empty program: {empty:,} bytes")
    print()
    print("| program | .text | above an empty program | the same without error texts |")
    print("|---|---|---|---|")
    for what, full, small in rows:
        print(f"| {what} | {full:,} | {full - empty:,} ({(full - empty) / 1024:.1f} KB) | "
              f"{small - empty:,} ({(small - empty) / 1024:.1f} KB) |")
    ours = compile_time("thousandeyes/credentials.hpp")
    url = compile_time("boost/url/parse.hpp")
    builtin = compile_time(*BUILTIN_ENDPOINT_TU)
    print()
    print(f"compile time at -O0 (best of 5): <thousandeyes/credentials.hpp> {ours:.2f} s, "
          f"<boost/url/parse.hpp> {url:.2f} s: {ours / url:.2f}x; a translation unit "
          f"that keeps the built-in endpoint ({', '.join(h.split('/')[-1] for h in BUILTIN_ENDPOINT_TU)}) "
          f"{builtin:.2f} s: {builtin / url:.2f}x")


if __name__ == "__main__":
    main()
