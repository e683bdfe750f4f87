#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Holds the pages' figures and outputs to the programs that make them.

- Each block after `<!-- output: te-credentials ARGS -->` in the README or a
  guide is what `te-credentials ARGS` prints, with exit status 0, or N when
  ARGS ends in `(exit N)` (a first line `$ ...` is the command as typed, not
  compared); TE_TOKEN is the docs' example token.
- The sizes table of doc/requests-and-responses.md is what SIZES prints.
- doc/diagrams/*.dot are what DIAGRAMS writes by driving a `deletion`.
- The README's example prints what the README says it prints.
Usage: check_figures.py SOURCE_ROOT TE_CREDENTIALS SIZES DIAGRAMS README_EXAMPLE"""
import difflib
import os
import re
import shlex
import subprocess
import sys

root, cli, sizes, diagrams, readme_example = sys.argv[1:6]
problems, checked = [], 0


def compare(what, page_text, program_text):
    global checked
    checked += 1
    if page_text != program_text:
        diff = difflib.unified_diff(page_text.splitlines(), program_text.splitlines(),
                                    "the page", "the program", lineterm="")
        problems.append(f"{what}: the page differs from the program\n" + "\n".join(diff))


def run(args, status=0):
    env = dict(os.environ, TE_TOKEN="g351mw5xqhvkmh1vq6zfm51c62wyzib2")
    p = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=60)
    if p.returncode != status:
        problems.append(f"{shlex.join(args)}: exit {p.returncode}, not {status}: {p.stderr}")
    return p.stdout.replace("\r\n", "\n")


pages = ["README.md"] + sorted(os.path.join("doc", f) for f in os.listdir(os.path.join(root, "doc"))
                               if f.endswith(".md"))
for page in pages:
    text = open(os.path.join(root, page), encoding="utf-8").read()
    for args, block in re.findall(r"<!-- output: te-credentials (.*?) -->\n```\n(.*?)```\n", text, re.S):
        if block.startswith("$ "):
            block = block.split("\n", 1)[1]
        status = re.search(r" \(exit (\d+)\)$", args)
        if status:
            args = args[:status.start()]
        compare(f"{page}: te-credentials {args}", block,
                run([cli] + shlex.split(args), int(status.group(1)) if status else 0))

text = open(os.path.join(root, "doc", "requests-and-responses.md"), encoding="utf-8").read()
m = re.search(r"<!-- sizes: begin -->\n(.*?)<!-- sizes: end -->", text, re.S)
if not m:
    problems.append("doc/requests-and-responses.md: no sizes table")
else:
    compare("doc/requests-and-responses.md: sizes", m.group(1), run([sizes]))

for mode, name in [("states", "deletion-states.dot"), ("timeline", "retry-timeline.dot")]:
    page_text = open(os.path.join(root, "doc", "diagrams", name), encoding="utf-8").read()
    compare(f"doc/diagrams/{name}", page_text, run([diagrams, mode]))

readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
said = re.search(r"it prints `([^`]*)`", readme)
if not said:
    problems.append("README.md: the example's output is not stated")
else:
    compare("README.md: the example's output", said.group(1) + "\n", run([readme_example]))

for p in problems:
    print(p)
print(f"{checked} figures and outputs compared; {len(problems)} differ")
sys.exit(1 if problems else 0)
