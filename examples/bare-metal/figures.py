#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Prints the bare-metal footprint figures as doc/firmware.md shows them.

For Cortex-M3 (QEMU's mps2-an385) and Cortex-M4 (mps2-an386), each built
with its cross file (-Os, no exceptions, no RTTI, --gc-sections,
newlib-nano): .text, .data and .bss of an empty program, of the full cycle
with the built-in endpoint (without and with the error texts), of the cycle
with a base URL parsed at run time, and of the example; flash (.text) and
static RAM (.data + .bss) above the empty program, and the stack high-water
mark each program's startup code reports when QEMU runs it. .bss includes
the 16 KiB stack region of mps2.ld, which the "above empty" figures take out.

    /usr/bin/python3 examples/bare-metal/figures.py    (from the repository)
"""

import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BOARDS = {"m3": "mps2-an385", "m4": "mps2-an386"}
PROGRAMS = ["empty.elf", "cycle.elf", "cycle-texts.elf", "cycle-url.elf",
            "bare-metal-example.elf"]


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


def stack(elf, board):
    p = subprocess.run(["qemu-system-arm", "-M", board, "-nographic", "-monitor", "none",
                        "-serial", "none", "-semihosting", "-kernel", elf],
                       capture_output=True, timeout=60)
    m = re.search(rb"stack: (\d+) of", p.stdout + p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


def main():
    version = run("arm-none-eabi-gcc", "--version").stdout.splitlines()[0]
    print(f"toolchain: {version}, newlib-nano; -Os -fno-exceptions -fno-rtti, --gc-sections")
    print()
    print("| program | Cortex-M3 flash / static RAM / stack | "
          "Cortex-M4 flash / static RAM / stack |")
    print("|---|---|---|")
    cells = {p: [] for p in PROGRAMS}
    for cpu, board in BOARDS.items():
        d = build(cpu)
        rows = sizes(d)
        e_text, e_data, e_bss = rows["empty.elf"]
        for p in PROGRAMS:
            text, data, bss = rows[p]
            if p == "empty.elf":
                cells[p].append(f"{text:,} / {data + bss - 16384:,} / {stack(d / p, board):,}")
            else:
                cells[p].append(f"+{text - e_text:,} / +{data + bss - e_data - e_bss:,} / "
                                f"{stack(d / p, board):,}")
    for p in PROGRAMS:
        print(f"| `{p}` | " + " | ".join(cells[p]) + " |")
    print()
    print("Bytes. The empty program's row is absolute (its static RAM without the 16 KiB "
          "stack region); the others are above it, and their stack is the whole program's.")


if __name__ == "__main__":
    main()
