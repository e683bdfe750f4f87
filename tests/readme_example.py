#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Writes the README's first C++ block, as it stands, to a file, so that the
build compiles the example exactly as a reader sees it.
Usage: readme_example.py README.md OUTPUT.cpp"""
import sys

text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("```cpp\n") + len("```cpp\n")
end = text.index("```\n", start)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(text[start:end])
