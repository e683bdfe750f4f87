#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Prints the bare-metal footprint figures as the README shows them.

For Cortex-M3 (QEMU's mps2-an385) and Cortex-M4 (mps2-an386), each built
with its cross file (-Os, no exceptions, no RTTI, --gc-sections,
newlib-nano): .text, .data and .bss of an empty program, of the full cycle
with the built-in endpoint, of the cycle with a base URL parsed at run time,
and of the example; and the stack high-water mark the example reports when
QEMU runs it. .bss includes the 16 KiB stack region of mps2.ld.

    /usr/bin/python3 examples/bare-metal/figures.py    (from the repository)
"""

import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BOARDS = {"m3": "mps2-an385", "m4": "mps2-an386"}
PROGRAMS = ["empty.elf", "cycle.elf", "cycle-url.elf", "bare-metal-example.elf"]


def run(*cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True,
                          cwd=ROOT, **kw)


def build(cpu):
    d = ROOT / "build-bare-metal" / cpu
    if not (d / "build.ninja").exists():
        run("meson", "setup", d, "--cross-file", f"examples/bare-metal/cortex-{cpu}.ini")
    run("meson", "compile", "-C", d)
    return d / "examples" / "bare-metal"


def sizes(d):
    out = run("arm-none-eabi-size", *(d / p for p in PROGRAMS)).stdout.splitlines()[1:]
    return {pathlib.Path(l.split()[5]).name: tuple(int(x) for x in l.split()[:3]) for l in out}


def stack(d, board):
    p = subprocess.run(["qemu-system-arm", "-M", board, "-nographic", "-monitor", "none",
                        "-serial", "none", "-semihosting", "-kernel",
                        d / "bare-metal-example.elf"], capture_output=True, timeout=60)
    m = re.search(rb"stack: (\d+) of", p.stdout + p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


def main():
    version = run("arm-none-eabi-gcc", "--version").stdout.splitlines()[0]
    print(f"toolchain: {version}, newlib-nano; -Os -fno-exceptions -fno-rtti, --gc-sections")
    print()
    print("| program | Cortex-M3 .text / .data / .bss | above empty | "
          "Cortex-M4 .text / .data / .bss | above empty |")
    print("|---|---|---|---|---|")
    rows, stacks = {}, {}
    for cpu, board in BOARDS.items():
        d = build(cpu)
        rows[cpu] = sizes(d)
        stacks[cpu] = stack(d, board)
    for p in PROGRAMS:
        cells = []
        for cpu in BOARDS:
            text, data, bss = rows[cpu][p]
            cells += [f"{text:,} / {data:,} / {bss:,}", f"{text - rows[cpu]['empty.elf'][0]:,}"]
        print(f"| `{p}` | " + " | ".join(cells) + " |")
    print()
    print("stack high-water mark of the example (5 deletions, painted stack): " +
          ", ".join(f"Cortex-{cpu.upper()} {stacks[cpu]:,} bytes" for cpu in BOARDS))


if __name__ == "__main__":
    main()
