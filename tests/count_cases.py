#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Counts test cases in a Meson test log, from each suite's own report:
doctest's "test cases:" line, unittest's "Ran N tests" and its OK/FAILED
line; a program without either counts as one case. Prints
"passed failed skipped assertions programs_failed"."""

import json
import re
import sys

DOCTEST = re.compile(r"\[doctest\] test cases:\s*(\d+) \|\s*(\d+) passed \|\s*(\d+) failed \|"
                     r"\s*(\d+) skipped")
ASSERTIONS = re.compile(r"\[doctest\] assertions:\s*(\d+) \|")
RAN = re.compile(r"^Ran (\d+) tests? in", re.M)
UNITTEST_END = re.compile(r"^(OK|FAILED)(?: \((.*)\))?$", re.M)


def unittest_counts(text):
    ran = sum(int(n) for n in RAN.findall(text))
    failed = skipped = 0
    for _, detail in UNITTEST_END.findall(text):
        for part in filter(None, (detail or "").split(", ")):
            key, _, n = part.partition("=")
            if key in ("failures", "errors", "unexpected successes"):
                failed += int(n)
            elif key == "skipped":
                skipped += int(n)
    return ran - failed - skipped, failed, skipped


def main(path):
    passed = failed = skipped = assertions = programs_failed = 0
    for line in open(path):
        r = json.loads(line)
        out = (r.get("stdout") or "") + (r.get("stderr") or "")
        ok = r["result"] in ("OK", "EXPECTEDFAIL", "SKIP")
        programs_failed += not ok
        d = DOCTEST.findall(out)
        if d:
            p = sum(int(x[1]) for x in d)
            f = sum(int(x[2]) for x in d)
            s = sum(int(x[3]) for x in d)
            assertions += sum(int(n) for n in ASSERTIONS.findall(out))
        elif RAN.search(out):
            p, f, s = unittest_counts(out)
        elif r["result"] == "SKIP":
            p, f, s = 0, 0, 1
        else:
            p, f, s = int(ok), int(not ok), 0
        if not ok and f == 0:
            f = 1  # it failed beyond its cases (a crash, a leak, a timeout)
        passed, failed, skipped = passed + p, failed + f, skipped + s
    print(passed, failed, skipped, assertions, programs_failed)


if __name__ == "__main__":
    main(sys.argv[1])
