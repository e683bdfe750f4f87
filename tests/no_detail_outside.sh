#!/usr/bin/env bash
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# Nothing outside include/ names the library's detail namespace or its
# detail/, reader/ and checker/ headers: clients (the examples, the command line, the tests) use
# the public API only. The one exception is tests/test_detail.cpp, the
# white-box tests of what the public API cannot reach in every
# configuration. Usage: no_detail_outside.sh SOURCE_ROOT
set -euo pipefail
cd "$1"
# tc::detail::, credentials::detail::, or a credentials/detail/ or
# credentials/reader/ include (the head-reading machinery)
found=$(grep -rnE '(tc|credentials)::detail::|credentials/(detail|reader|checker)/' \
          --include='*.cpp' --include='*.hpp' --include='*.h' --include='*.md' \
          examples tests README.md doc 2>/dev/null | grep -v '^tests/test_detail.cpp:' || true)
if [ -n "$found" ]; then
  echo "outside include/, these name the library's detail layer:"
  echo "$found"
  exit 1
fi
echo "no file outside include/ names the detail layer (tests/test_detail.cpp aside)"
