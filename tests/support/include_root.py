#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Makes ROOT a directory of links to the given header directories, so a
cross build can put `-isystem ROOT` on its include path: Boost's and
doctest's headers live in /usr/include beside the build machine's C library,
which the target must not see. Prints the version of the Boost linked
(from boost/version.hpp), if one is. Usage: include_root.py ROOT DIR..."""
import os
import re
import sys

root = sys.argv[1]
os.makedirs(root, exist_ok=True)
for target in sys.argv[2:]:
    link = os.path.join(root, os.path.basename(target.rstrip("/")))
    if os.path.islink(link) and os.readlink(link) != target:
        os.unlink(link)
    if not os.path.lexists(link):
        os.symlink(target, link)
    if os.path.basename(link) == "boost":
        text = open(os.path.join(target, "version.hpp"), encoding="utf-8").read()
        v = int(re.search(r"#define BOOST_VERSION (\d+)", text).group(1))
        print(f"{v // 100000}.{v // 100 % 1000}.{v % 100}")
