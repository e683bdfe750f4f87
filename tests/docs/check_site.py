#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Builds the documentation site and checks it, and the pages it is made of.

1. Doxygen builds doc/Doxyfile (every public entity documented, warnings are
   errors): its exit status is 0 and it prints nothing.
2. Every link and image of every HTML page names a file of the site, and an
   anchor of that file when it names one.
3. The diagrams are SVG images, shown on a page, holding the labels they draw.
4. Every guide of doc/ is a page, linked from the front page (the README).
5. Every relative link of the README, the changelog and the guides names a
   file of the repository, with no anchor (GitHub and Doxygen name headings
   differently); the README has at most 250 lines.
Usage: check_site.py DOXYGEN SOURCE_ROOT OUT_DIR"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

doxygen, root, out = sys.argv[1:4]
problems = []

# 1. the build, into an empty directory (no page of an earlier build is judged)
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
env = dict(os.environ, DOXYGEN_OUTPUT=out)
p = subprocess.run([doxygen, os.path.join("doc", "Doxyfile")], cwd=root, env=env,
                   capture_output=True, text=True)
if p.returncode != 0 or p.stderr.strip() or p.stdout.strip():
    sys.exit(f"doxygen: exit {p.returncode}\n{p.stdout}{p.stderr}")
site = os.path.join(out, "html")


class Page(html.parser.HTMLParser):
    LINKS = {("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"),
             ("script", "src"), ("iframe", "src"), ("object", "data"), ("embed", "src")}

    def __init__(self):
        super().__init__()
        self.anchors, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.anchors.add(value)
            if (tag, name) in self.LINKS and value is not None:
                self.links.append((tag, value))


# 2. links and images
pages = {}
for dirpath, _, files in os.walk(site):
    for f in files:
        if f.endswith(".html"):
            path = os.path.join(dirpath, f)
            page = Page()
            page.feed(open(path, encoding="utf-8").read())
            pages[os.path.normpath(path)] = page
links = 0
for path, page in sorted(pages.items()):
    for tag, target in page.links:
        parts = urllib.parse.urlsplit(target)
        if parts.scheme or target.startswith("//"):
            continue  # outside the site (doxygen.org)
        links += 1
        where = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(parts.path))) \
            if parts.path else path
        rel = os.path.relpath(path, site)
        if not os.path.isfile(where):
            problems.append(f"{rel}: <{tag}> {target}: no such file")
        elif parts.fragment and where.endswith(".html") and parts.fragment not in pages[where].anchors:
            problems.append(f"{rel}: <{tag}> {target}: no such anchor")

# 3. the diagrams
expected = {"dot_deletion-states.svg": ["send", "wait", "done", "failed", "waited()", "resent()"],
            "dot_retry-timeline.svg": ["attempt 1", "attempt 4", "already_absent", "(backoff)"]}
for name, labels in expected.items():
    path = os.path.join(site, name)
    if not os.path.isfile(path):
        problems.append(f"{name}: not drawn")
        continue
    svg = ET.parse(path).getroot()
    if not svg.tag.endswith("svg"):
        problems.append(f"{name}: not an SVG image")
    texts = " ".join(t.text or "" for t in svg.iter() if t.tag.endswith("text"))
    problems += [f"{name}: no label {label!r}" for label in labels if label not in texts]
    if not any(target.endswith(name) for page in pages.values() for _, target in page.links):
        problems.append(f"{name}: shown on no page")

# Markdown the site did not render (emphasis, an escaped bar, a command),
# outside code
for path in sorted(pages):
    name = os.path.basename(path)
    if name == "index.html" or name.startswith("md_"):
        text = open(path, encoding="utf-8").read()
        text = re.sub(r'<div class="fragment">.*?</div><!-- fragment -->', "", text, flags=re.S)
        text = re.sub(r"<[^>]*>", "", text)
        for left in ("**", "\\|", "\\dot"):
            if left in text:
                problems.append(f"{name}: {left!r} left unrendered")

# 4. the guides are pages, linked from the front page
index = pages[os.path.normpath(os.path.join(site, "index.html"))]
guides = sorted(f for f in os.listdir(os.path.join(root, "doc")) if f.endswith(".md"))
for g in guides:
    page = "md_doc_" + g[:-3].replace("-", "_") + ".html"
    if not os.path.isfile(os.path.join(site, page)):
        problems.append(f"doc/{g}: no page {page}")
    elif page not in [t for _, t in index.links]:
        problems.append(f"doc/{g}: the front page does not link to it")

# 5. the Markdown sources, as GitHub shows them
sources = ["README.md", "CHANGELOG.md"] + [os.path.join("doc", g) for g in guides]
for src in sources:
    text = open(os.path.join(root, src), encoding="utf-8").read()
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if urllib.parse.urlsplit(target).scheme:
            continue
        links += 1
        if "#" in target:
            problems.append(f"{src}: link {target}: an anchor (GitHub and Doxygen name them differently)")
            continue
        if not os.path.exists(os.path.normpath(os.path.join(root, os.path.dirname(src), target))):
            problems.append(f"{src}: link {target}: no such file")
readme_lines = open(os.path.join(root, "README.md"), encoding="utf-8").read().count("\n")
if readme_lines > 250:
    problems.append(f"README.md: {readme_lines} lines, more than 250")

for p in problems:
    print(p)
print(f"{len(pages)} pages, {links} links and images followed, {len(expected)} diagrams, "
      f"{len(guides)} guides; README {readme_lines} lines; {len(problems)} problems")
sys.exit(1 if problems else 0)
