#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Writes the README's first C++ block, as it stands, to a file, so that the
build compiles the example exactly as a reader sees it; or one of the
alternatives its comments suggest.

A comment line `// or: STATEMENT` right after a line of code names an
alternative to that line. Variant 0 is the example as written; variant N
(1, 2, ...) puts the N-th alternative in place of the line before it.
Usage: readme_example.py README.md OUTPUT.cpp [VARIANT EXPECTED_ALTERNATIVES]"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("```cpp\n") + len("```cpp\n")
end = text.index("```\n", start)
lines = text[start:end].split("\n")
variant = int(sys.argv[3]) if len(sys.argv) > 3 else 0

alternatives = []  # (index of the line replaced, replacement)
for i, line in enumerate(lines):
    m = re.match(r"^(\s*)// or: (.*)$", line)
    if m:
        j = i - 1
        while re.match(r"^\s*// or: ", lines[j]):
            j -= 1
        alternatives.append((j, m.group(1) + m.group(2)))
if len(sys.argv) > 4 and len(alternatives) != int(sys.argv[4]):
    sys.exit(f"the README's example has {len(alternatives)} alternatives, "
             f"the build tries {sys.argv[4]}: update tests/meson.build")
if variant:
    j, replacement = alternatives[variant - 1]
    lines[j] = replacement
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(lines))
