#!/usr/bin/env bash
# The whole test suite: `meson test` in every configuration CI checks.
#   gcc, clang          C++17, exceptions and RTTI, libboost_url linked
#   gcc-20              the same as C++20, and the portable overflow checks
#                       instead of the compiler's builtins
#   gcc-constrained,    -fno-exceptions -fno-rtti, Boost.URL compiled in
#   clang-constrained   (header-only, through boost/url/src.hpp)
#   clang-sanitize      AddressSanitizer and UndefinedBehaviorSanitizer, and a
#                       short libFuzzer run over the response readers
# All with -Wall -Wextra -Wpedantic -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
bash .ci/install-deps

constrained=(-Dcpp_eh=none -Dcpp_rtti=false -Dboost_url=header-only)
configs=(
  "gcc|g++|"
  "clang|clang++|"
  "gcc-20|g++|-Dcpp_std=c++20 -Dcpp_args=-DTHOUSANDEYES_CREDENTIALS_NO_BUILTIN_OVERFLOW"
  "gcc-constrained|g++|${constrained[*]}"
  "clang-constrained|clang++|${constrained[*]}"
  "clang-sanitize|clang++|-Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true"
)

passed=0 failed=0
for c in "${configs[@]}"; do
  IFS='|' read -r name compiler options <<<"$c"
  dir="build-test/$name"
  echo "=== $name: CXX=$compiler $options"
  # shellcheck disable=SC2086
  if [ -d "$dir" ]; then
    CXX=$compiler meson setup --reconfigure "$dir" $options >/dev/null
  else
    CXX=$compiler meson setup "$dir" $options >/dev/null
  fi
  if ! meson compile -C "$dir" >"$dir/compile.log" 2>&1; then
    cat "$dir/compile.log"
    echo "=== $name: build FAILED"
    failed=$((failed + 1))
    continue
  fi
  meson test -C "$dir" --print-errorlogs || true
  counts=$(/usr/bin/python3 - "$dir/meson-logs/testlog.json" <<'PY'
import json, sys
ok = bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL", "SKIP"):
        ok += 1
    else:
        bad += 1
print(ok, bad)
PY
)
  read -r ok bad <<<"$counts"
  passed=$((passed + ok)) failed=$((failed + bad))
done

echo "${#configs[@]} configurations"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
