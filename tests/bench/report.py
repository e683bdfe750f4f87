#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Runs the benchmark suite and prints its figures as the README shows them:
each time beside its peers' as a ratio measured in the same process, the
allocations per operation, the cost as the head grows (slope and linearity),
and callgrind's instruction counts (the noise-free figures).

    /usr/bin/python3 tests/bench/report.py BUILD_DIR [--quick]

BUILD_DIR was set up with -Dbench=true. Times are the median of 5 runs of
each benchmark (CPU time); --quick runs 1 short repetition (a smoke run)."""

import json
import pathlib
import re
import statistics
import subprocess
import sys

BUILD = pathlib.Path(sys.argv[1])
QUICK = "--quick" in sys.argv
BENCH = BUILD / "tests" / "bench" / "bench"
COUNT = BUILD / "tests" / "bench" / "count"


def run_bench():
    args = [BENCH, "--benchmark_format=json"]
    args += (["--benchmark_min_time=0.01"] if QUICK else
             ["--benchmark_repetitions=5", "--benchmark_min_time=0.3",
              "--benchmark_report_aggregates_only=true"])
    out = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    cpu, allocs, size = {}, {}, {}
    for b in out["benchmarks"]:
        if b.get("aggregate_name", "median") != "median":
            continue
        name = b.get("run_name", b["name"])
        cpu[name] = b["cpu_time"]  # ns
        allocs[name] = b.get("allocs", 0.0)
        size[name] = b.get("bytes")
    return cpu, allocs, size


def instructions(op, n):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          COUNT, op, str(n)], capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or not m:
        raise RuntimeError(f"callgrind {op}: {out.stderr[-500:]}")
    return int(m.group(1))


def per_op(op):
    n = 200 if QUICK else 2000
    return (instructions(op, n) - instructions(op, 0)) / n


def slope(points):
    """Least squares ns = a + b * bytes; returns b (ns/byte) and r^2."""
    xs, ys = zip(*points)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    b = sxy / sxx
    ss_res = sum((y - (my + b * (x - mx))) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return b, 1 - ss_res / ss_tot


def main():
    cpu, allocs, size = run_bench()
    print("| work | this library | peers, same process (ours / theirs) | allocations per operation |")
    print("|---|---|---|---|")

    def row(work, ours, peers):
        cells = ", ".join(f"{p.split('/')[-1]} {cpu[p]:.1f} ns ({cpu[ours] / cpu[p]:.2f}x)"
                          for p in peers)
        al = ", ".join(f"{n.split('/')[-1]} {allocs[n]:.0f}" for n in [ours] + peers)
        print(f"| {work} | {cpu[ours]:.1f} ns | {cells} | {al} |")

    readers = ["read/raw/llhttp", "read/raw/http-parser", "read/raw/beast"]
    row("read the seed response head, raw bytes (status + 3 rate-limit numbers)",
        "read/raw/ours", readers)
    row("the same, header lines (libcurl's form)", "read/lines/ours", readers)
    row("the same, field pairs (a stack's parsed fields)", "read/pairs/ours", readers)
    row("build the seed request + write its head", "build/ours",
        ["build/hand-rolled", "build/snprintf", "build/beast"])
    row("write the seed head straight from the builder", "build/ours-direct",
        ["build/hand-rolled", "build/snprintf", "build/beast"])
    print(f"| decide (the seed response) | {cpu['decide/ours']:.1f} ns | | "
          f"ours {allocs['decide/ours']:.0f} |")
    print(f"| one deletion attempt (state machine: next, received, next) | "
          f"{cpu['deletion-attempt/ours']:.1f} ns | | ours {allocs['deletion-attempt/ours']:.0f} |")
    print()
    print("Cost as the head grows (CPU ns): slope over 10, 50 and 200 filler fields by least")
    print("squares, and the extra cost of one 8 KiB value over the seed head, per byte:")
    print()
    for who in ("ours", "llhttp"):
        fields = [(n, cpu[f"grow/fields:{n}/{who}"]) for n in (10, 50, 200)]
        b, r2 = slope(fields)
        value = cpu[f"grow/value:8192/{who}"]
        seed = cpu["read/raw/ours" if who == "ours" else "read/raw/llhttp"]
        cells = ", ".join(f"{n} fields {t:.0f} ns" for n, t in fields)
        print(f"- {who}: {cells}: {b:.1f} ns per field (r^2 = {r2:.3f}); an 8 KiB value "
              f"{value:.0f} ns: {(value - seed) / 8192:.3f} ns per value byte")
    print()
    print("Instructions per operation (callgrind, (N runs - 0 runs) / N):")
    print()
    counts = {op: per_op(op) for op in ("read-ours", "read-llhttp", "read-http-parser",
                                         "read-beast", "build-ours", "build-ours-direct",
                                         "build-hand-rolled",
                                         "build-snprintf", "build-beast")}
    peers = {"read": ["read-llhttp", "read-http-parser", "read-beast"],
             "build": ["build-hand-rolled", "build-snprintf", "build-beast"]}
    for what, ours, kind in (("read", "read-ours", "read"),
                             ("build a request, then write its head", "build-ours", "build"),
                             ("write the head straight from the builder", "build-ours-direct",
                              "build")):
        cells = ", ".join(f"{op[len(kind) + 1:]} {counts[op]:,.0f} ({counts[ours] / counts[op]:.2f}x)"
                          for op in peers[kind])
        print(f"- {what}: ours {counts[ours]:,.0f}; {cells}")


if __name__ == "__main__":
    main()
