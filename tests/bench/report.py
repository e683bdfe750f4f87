#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Runs the benchmark suite and prints its figures as doc/performance.md shows them.

    /usr/bin/python3 tests/bench/report.py BUILD_DIR [--processes N] [--quick]

BUILD_DIR was set up with -Dbench=true. The method:
- `bench` runs in N separate processes (default 5), each one sample. In
  each, every benchmark runs 5 times, the repetitions of all benchmarks
  interleaved in random order (so a slow spell of the machine falls on all
  contenders alike), and its fastest CPU time is taken (interference only
  ever adds time).
- A ratio (ours / theirs) is taken inside each process, then reported as
  the median over the processes with its spread (lowest and highest).
- Beside the times, callgrind's instruction counts: `count NAME n` run
  under callgrind, (n runs - 0 runs) / n; the same on every run. (Not for
  the SSE4.2 contenders: valgrind 3.19 cannot run PCMPESTRI.)
- One warm-up process runs first and is discarded: on the 2-core machine
  the first process after a build ran up to twice as slow.
- --quick: one short process and four operations counted, to prove the
  script and the programs work (tests/run.sh's smoke test); its figures
  mean nothing.
"""

import argparse
import json
import pathlib
import platform
import re
import statistics
import subprocess
import sys

_args = argparse.ArgumentParser(description="the benchmark report")
_args.add_argument("build", type=pathlib.Path, help="a build directory set up with -Dbench=true")
_args.add_argument("--processes", type=int, default=None, help="bench processes (default 5)")
_args.add_argument("--quick", action="store_true", help="a smoke run: the figures mean nothing")
OPTIONS = _args.parse_args()
BUILD = OPTIONS.build
QUICK = OPTIONS.quick
PROCESSES = OPTIONS.processes or (1 if QUICK else 5)
BENCH = BUILD / "tests" / "bench" / "bench"
COUNT = BUILD / "tests" / "bench" / "count"


def one_process():
    """{name: (fastest cpu ns, allocations per op)} from one bench process."""
    args = [BENCH, "--benchmark_format=json"]
    args += (["--benchmark_min_time=0.001"] if QUICK else
             ["--benchmark_repetitions=5", "--benchmark_min_time=0.1",
              "--benchmark_enable_random_interleaving=true"])
    out = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    got = {}
    for b in out["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        name = b.get("run_name", b["name"])
        ns = b["cpu_time"]
        if name in got:
            ns = min(ns, got[name][0])
        got[name] = (ns, b.get("allocs", 0.0))
    return got


def spread(values, fmt):
    m = statistics.median(values)
    if len(values) == 1:
        return fmt.format(m)
    return f"{fmt.format(m)} ({fmt.format(min(values))}-{fmt.format(max(values))})"


class Times:
    def __init__(self, runs):
        self.runs = runs  # one dict per process

    def has(self, name):
        return all(name in r for r in self.runs)

    def ns(self, name):
        return [r[name][0] for r in self.runs]

    def allocs(self, name):
        return max(r[name][1] for r in self.runs)

    def ratio(self, ours, theirs):
        return [r[ours][0] / r[theirs][0] for r in self.runs]


def instructions(op, n):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          COUNT, op, str(n)], capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode != 0 or not m:
        raise RuntimeError(f"callgrind {op}: {out.stderr[-500:]}")
    return int(m.group(1))


def counts():
    ops = subprocess.run([COUNT, "--list"], check=True, capture_output=True,
                         text=True).stdout.split()
    if QUICK:  # a few, to prove the path; the rest print as n/a
        ops = [op for op in ops if op in ("read/ours", "read/llhttp-careful", "write/ours",
                                          "write/hand-rolled")]
    n = 20 if QUICK else 2000
    base = instructions(ops[0], 0)
    return {op: (instructions(op, n) - base) / n for op in ops}


def slope(points):
    """Least squares y = a + b x; returns b and r^2."""
    xs, ys = zip(*points)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    ss_res = sum((y - (my + b * (x - mx))) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return b, 1 - ss_res / ss_tot


def setting():
    info = BUILD / "meson-info"
    compiler = "unknown compiler"
    for target in json.loads((info / "intro-targets.json").read_text()):
        if target["name"] == "bench":
            cmd = next(s["compiler"] for s in target["target_sources"] if s["language"] == "cpp")
            compiler = subprocess.run(cmd + ["--version"], capture_output=True,
                                      text=True).stdout.splitlines()[0]
    opts = {o["name"]: o["value"] for o in
            json.loads((info / "intro-buildoptions.json").read_text())}
    cpu = "unknown processor"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (f"{compiler}, buildtype {opts['buildtype']} "
            f"(-O{opts['optimization']}), {platform.machine()}, {cpu}; "
            f"{PROCESSES} processes x {1 if QUICK else 5} repetitions, interleaved, fastest taken")


def table(t, c, ours, peers, label):
    """Markdown rows: each contender's time and instructions, and ours / it."""
    print(f"| {label} | ns: median (lowest-highest) over processes | ours / it | "
          "instructions | ours / it | allocations |")
    print("|---|---|---|---|---|---|")
    for who in [ours] + peers:
        if not t.has(who):
            continue
        r = "" if who == ours else spread(t.ratio(ours, who), "{:.2f}x")
        ins = f"{c[who]:,.0f}" if who in c else "n/a"
        ir = f"{c[ours] / c[who]:.2f}x" if who in c and who != ours else ""
        print(f"| {who.split('/', 1)[1]} | {spread(t.ns(who), '{:.1f}')} | {r} | {ins} | {ir} | "
              f"{t.allocs(who):.0f} |")
    print()


GOALS = [  # (what, ours, theirs, at most)
    ("read the docs' head: <= 0.40x llhttp (careful names)", "read/ours", "read/llhttp-careful", 0.40),
    ("read the docs' head: <= 0.25x http-parser (careful names)", "read/ours",
     "read/http-parser-careful", 0.25),
    ("read the docs' head: <= 1.00x picohttpparser SSE4.2 (careful names)", "read/ours",
     "read/pico-careful", 1.00),
    ("write the seed head: <= 1.10x the hand-rolled floor", "write/ours", "write/hand-rolled", 1.10),
]


def main():
    if not QUICK:
        one_process()  # a warm-up, discarded: a first process runs slow here
    t = Times([one_process() for _ in range(PROCESSES)])
    c = counts()
    print(f"Measured with {setting()}.")
    print()
    table(t, c, "read/ours",
          ["read/ours-lines", "read/ours-pairs", "read/llhttp", "read/llhttp-careful",
           "read/http-parser", "read/http-parser-careful", "read/pico", "read/pico-careful",
           "read/pico-parse-only", "read/pico-plain-careful", "read/pico-plain-parse-only",
           "read/beast"],
          "read the docs' response head (448 bytes; status + 3 numbers)")
    table(t, c, "write/ours",
          ["write/ours-via-request", "write/hand-rolled", "write/snprintf", "write/beast"],
          "write the seed request's head (id 405)")
    for name in ("decide/ours", "deletion-attempt/ours"):
        print(f"- {name.split('/')[0]}: {spread(t.ns(name), '{:.1f}')} ns, "
              f"{t.allocs(name):.0f} allocations")
    print()
    print("Growth (ns, median over processes): 10, 50 and 200 filler fields, slope by least")
    print("squares; one 8 KiB value, its cost per value byte over the seed head's:")
    print()
    for who in ("ours", "llhttp-careful", "pico-careful"):
        if not t.has(f"grow/fields:10/{who}"):
            continue
        med = {k: statistics.median(t.ns(f"grow/{k}/{who}"))
               for k in ("fields:10", "fields:50", "fields:200", "value:8192")}
        b, r2 = slope([(n, med[f"fields:{n}"]) for n in (10, 50, 200)])
        seed = statistics.median(t.ns(f"read/{who}"))
        print(f"- {who}: {med['fields:10']:.0f} / {med['fields:50']:.0f} / "
              f"{med['fields:200']:.0f} ns: {b:.1f} ns per field (r^2 = {r2:.4f}); "
              f"8 KiB value {med['value:8192']:.0f} ns: "
              f"{(med['value:8192'] - seed) / 8192:.3f} ns per value byte")
    print()
    print("Goals (time ratios, median over processes, spread; instructions beside):")
    print()
    for what, ours, theirs, most in GOALS:
        if not t.has(theirs):
            print(f"- {what}: not measured ({theirs} cannot run here)")
            continue
        r = t.ratio(ours, theirs)
        ins = f"; instructions {c[ours] / c[theirs]:.2f}x" if theirs in c else ""
        verdict = "met" if statistics.median(r) <= most else "NOT met"
        print(f"- {what}: {spread(r, '{:.2f}x')}{ins}: {verdict}")
    allocs = max(t.allocs(n) for n in t.runs[0] if n.endswith("/ours") or "/ours-" in n)
    print(f"- 0 allocations in every operation of the library: "
          f"{'met' if allocs == 0 else f'NOT met ({allocs:.0f})'}")


if __name__ == "__main__":
    main()
