#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""The bare-metal example run on an emulated Cortex-M board by QEMU: the
seed request's head byte for byte (its items held against what curl sends
for the seed's example), each scripted deletion step for step, no heap, and
the stack high-water mark; then the footprint of the figure programs: the
full cycle's static RAM (.data + .bss above the empty program) and stack
high-water mark held to the firmware goals (2 KB each), flash reported.

Usage: test_qemu.py BOARD VERSION EXAMPLE_ELF HEAP_PROBE_ELF SIZE_TOOL [FIGURE_ELF...]"""

import pathlib
import re
import subprocess
import sys
import unittest

BOARD, VERSION, EXAMPLE, HEAP_PROBE, SIZE, *FIGURES = sys.argv[1:]
del sys.argv[1:]
DATA = pathlib.Path(__file__).resolve().parent.parent / "data"

SEED_HEAD = (b"POST /v6/credentials/405/delete.json HTTP/1.1\r\n"
             b"Host: api.thousandeyes.com\r\n"
             b"Authorization: Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZx"
             b"NnpmbTUxYzYyd3l6aWIy\r\n"
             b"User-Agent: thousandeyes-credentials/" + VERSION.encode() + b"\r\n"
             b"Accept: application/json\r\n"
             b"Content-Type: application/json\r\n"
             b"Content-Length: 0\r\n\r\n")

STEPS = """\
scenario 1: 204
  attempt 1: 204 deleted
  done: deleted after 1 attempts, 297 bytes sent
scenario 2: 429 then 204
  attempt 1: 429 rate_limited
  wait 27000 ms (reset_minus_date)
  attempt 2: 204 deleted
  done: deleted after 2 attempts, 594 bytes sent
scenario 3: 503 then 404
  attempt 1: 503 unavailable
  wait 2000 ms (retry_after)
  attempt 2: 404 already_absent
  done: already_absent after 2 attempts, 594 bytes sent
scenario 4: a lost response then 404
  attempt 1: no response, no_response
  wait 1000 ms (backoff)
  attempt 2: 404 already_absent
  done: already_absent after 2 attempts, 594 bytes sent
scenario 5: a 401 head, its body cut short
  attempt 1: 401 unauthorized
  failed: unauthorized after 1 attempts, 297 bytes sent
"""


def qemu(elf):
    """Runs `elf` on the board; the semihosting console is QEMU's stdio."""
    p = subprocess.run(["qemu-system-arm", "-M", BOARD, "-nographic", "-monitor", "none",
                        "-serial", "none", "-semihosting", "-kernel", elf],
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout + p.stderr


def head_items(head: bytes):
    lines = head.split(b"\r\n")
    return lines[0], dict(l.split(b": ", 1) for l in lines[1:] if l)


class OnTheBoard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status, cls.out = qemu(EXAMPLE)
        print(cls.out.decode("latin-1"), end="")

    def test_it_exits_successfully(self):
        self.assertEqual(self.status, 0, self.out)
        self.assertIn(b"all scenarios ended as expected\n", self.out)

    def test_the_seed_request_head_is_exact(self):
        m = re.search(rb"--- the seed request head ---\n(.*?)--- end ---\n", self.out, re.S)
        self.assertIsNotNone(m, self.out)
        self.assertEqual(m.group(1), SEED_HEAD)

    def test_the_head_says_what_curl_says_for_the_seed(self):
        # curl 7.88 for the seed's example (tests/data/curl-seed-request.http)
        m = re.search(rb"--- the seed request head ---\n(.*?)--- end ---\n", self.out, re.S)
        ours_line, ours = head_items(m.group(1))
        curl_line, curl = head_items((DATA / "curl-seed-request.http").read_bytes())
        self.assertEqual(ours_line, curl_line)
        for name in (b"Host", b"Authorization", b"Content-Type", b"Content-Length"):
            self.assertEqual(ours[name], curl[name], name)

    def test_each_deletion_goes_step_for_step(self):
        start = self.out.index(b"scenario 1:")
        end = self.out.index(b"heap: none")
        self.assertEqual(self.out[start:end].decode(), STEPS)

    def test_no_heap_and_the_stack_fits(self):
        # _sbrk refuses and stops the program: reaching the end means no
        # allocation was attempted.
        self.assertIn(b"heap: none (no allocation was attempted)\n", self.out)
        m = re.search(rb"stack: (\d+) of (\d+) bytes used\n", self.out)
        self.assertIsNotNone(m, self.out)
        used, size = int(m.group(1)), int(m.group(2))
        self.assertGreater(used, 0)
        self.assertLess(used, size)  # the paint was not all overwritten

    def test_a_program_that_asks_for_heap_is_stopped(self):
        # what makes "no heap" above a proof: the refusal is real
        status, out = qemu(HEAP_PROBE)
        self.assertEqual(status, 1, out)
        self.assertEqual(out, b"heap: an allocation was attempted; this program has no heap\n")

    def test_an_empty_program_starts_and_exits_cleanly(self):
        # the startup code alone: vector table, reset, the stack report, exit
        # through semihosting
        status, out = qemu(FIGURES[0])
        self.assertEqual(status, 0, out)
        self.assertRegex(out, rb"\Astack: \d+ of \d+ bytes used\n\Z")


# The firmware goals for the full cycle with the built-in endpoint.
STATIC_RAM_GOAL = 2048
STACK_GOAL = 2048


def stack_of(elf):
    """The stack high-water mark the startup code reports when main returns."""
    status, out = qemu(elf)
    m = re.search(rb"stack: (\d+) of (\d+) bytes used\n", out)
    if status != 0 or not m:
        raise AssertionError(f"{elf}: exit {status}, {out!r}")
    return int(m.group(1))


class Footprint(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        p = subprocess.run([SIZE, *FIGURES], capture_output=True, text=True, check=True)
        cls.paths = {pathlib.Path(f).name: f for f in FIGURES}
        cls.rows = {pathlib.Path(l.split()[5]).name: [int(x) for x in l.split()[:3]]
                    for l in p.stdout.splitlines()[1:]}
        cls.empty = cls.rows["empty.elf"]
        for name, (text, data, bss) in sorted(cls.rows.items()):
            static = data + bss - cls.empty[1] - cls.empty[2]
            print(f"{name}: .text {text} (+{text - cls.empty[0]} above empty.elf), .data {data}, "
                  f".bss {bss}; static RAM +{static} above empty.elf; "
                  f"stack {stack_of(cls.paths[name])}")

    def test_flash_grows_with_what_is_linked(self):
        self.assertGreater(self.rows["cycle.elf"][0], self.empty[0])
        # the error texts are in one build and not the other
        self.assertGreater(self.rows["cycle-texts.elf"][0], self.rows["cycle.elf"][0])
        if "cycle-url.elf" in self.rows:
            self.assertGreater(self.rows["cycle-url.elf"][0], self.rows["cycle.elf"][0])

    def test_the_full_cycle_static_ram_is_within_the_goal(self):
        text, data, bss = self.rows["cycle.elf"]
        static = data + bss - self.empty[1] - self.empty[2]
        self.assertGreater(static, 0)
        self.assertLessEqual(static, STATIC_RAM_GOAL)

    def test_the_full_cycle_stack_is_within_the_goal(self):
        used = stack_of(self.paths["cycle.elf"])
        self.assertGreater(used, stack_of(self.paths["empty.elf"]))
        self.assertLessEqual(used, STACK_GOAL)


if __name__ == "__main__":
    unittest.main(verbosity=2)
