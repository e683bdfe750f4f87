#!/usr/bin/env bash
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# The coverage gate: after `meson test` in a build set up with
# -Db_coverage=true, the library's headers (include/) must be covered to at
# least 95% of lines and 90% of branches by everything the suite ran. Branches
# that only exceptions or the compiler's own checks can take are not counted
# (gcovr's --exclude-throw-branches, --exclude-unreachable-branches).
#   bash tests/coverage_gate.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
gcovr --root . --object-directory "$build" --filter include/ \
  --exclude-throw-branches --exclude-unreachable-branches \
  --fail-under-line 95 --fail-under-branch 90 --print-summary \
  --html-details "$build/coverage.html" >"$build/coverage.log" 2>&1 || {
  cat "$build/coverage.log"
  echo "coverage: below the gate (95% lines, 90% branches of include/)"
  exit 1
}
grep -E "^(lines|branches):" "$build/coverage.log" || true
