#!/usr/bin/env bash
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# The coverage gate: after `meson test` in a build set up with
# -Db_coverage=true, the library's headers (include/) must be covered to at
# least 97% of lines and 92% of branches by everything the suite ran (the
# adapters: 95% and 70%, below). Branches
# that only exceptions or the compiler's own checks can take are not counted
# (gcovr's --exclude-throw-branches, --exclude-unreachable-branches).
#   bash tests/coverage_gate.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
# The adapters (include/.../adapters/) have a gate of their own: 95% of
# lines, 70% of branches. Many of their branches are a stack's failure paths
# the truth table reaches only through real stacks in other configurations
# (TLS alerts, proxies), and gcovr 5.2 merges the branches of an inline
# function compiled into several programs by position, so a path taken in
# one program can count as untaken in another.
gate() {
  local what=$1 lines=$2 branches=$3
  shift 3
  gcovr --root . --object-directory "$build" "$@" \
    --exclude-throw-branches --exclude-unreachable-branches \
    --fail-under-line "$lines" --fail-under-branch "$branches" --print-summary \
    --html-details "$build/coverage-$what.html" >"$build/coverage-$what.log" 2>&1 || {
    cat "$build/coverage-$what.log"
    echo "coverage: $what below the gate ($lines% lines, $branches% branches)"
    return 1
  }
  echo "$what: $(grep -E "^(lines|branches):" "$build/coverage-$what.log" | tr '\n' ' ')"
}
status=0
gate include 97 92 --filter include/ --exclude include/thousandeyes/credentials/adapters/ || status=1
gate adapters 95 70 --filter include/thousandeyes/credentials/adapters/ || status=1
exit $status
