#!/usr/bin/env bash
# The whole test suite: `meson test` in every configuration CI checks.
#   gcc, clang          C++17, exceptions and RTTI, libboost_url linked; gcc
#                       also builds the documentation site (doc-site,
#                       doc-figures), builds the benchmark suite and runs it
#                       briefly, and counts coverage (-O0) for the gate of
#                       tests/coverage_gate.sh; clang also runs the lwIP +
#                       mbedTLS example over a tap device in a network
#                       namespace (root)
#   gcc-20              the same as C++20, and the portable overflow checks
#                       instead of the compiler's builtins
#   gcc-constrained,    -fno-exceptions -fno-rtti, Boost.URL compiled in
#   clang-constrained   (header-only, through boost/url/src.hpp)
#   clang-sanitize      AddressSanitizer and UndefinedBehaviorSanitizer, and
#                       200,000 libFuzzer runs of each of the ten fuzz targets
#   bare-metal-m3       cross-built for a Cortex-M3 (arm-none-eabi-g++, -Os),
#                       run under QEMU (mps2-an385)
#   windows-mingw       cross-built for Windows x86-64 (mingw-w64, posix
#                       threads): the unit tests and the README's example,
#                       run under wine64
# All with -Wall -Wextra -Wpedantic -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
bash .ci/install-deps

# the test suite is built wherever doctest is found; here it must be
enabled=(-Dtests=enabled -Ddouble=enabled)
constrained=(-Dcpp_eh=none -Dcpp_rtti=false -Dboost_url=header-only)
configs=(
  "gcc|g++|${enabled[*]} -Dbench=true -Db_coverage=true -Dbuildtype=debug"
  "clang|clang++|${enabled[*]} -Dlwip=enabled -Dlwip_test=true"
  "gcc-20|g++|${enabled[*]} -Dcpp_std=c++20 -Dcpp_args=-DTHOUSANDEYES_CREDENTIALS_NO_BUILTIN_OVERFLOW"
  "gcc-constrained|g++|${enabled[*]} ${constrained[*]}"
  "clang-constrained|clang++|${enabled[*]} ${constrained[*]}"
  "clang-sanitize|clang++|${enabled[*]} -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true"
  "bare-metal-m3|g++|--cross-file examples/bare-metal/cortex-m3.ini"
  "windows-mingw|g++|--cross-file tests/windows/mingw-w64.ini"
)

source tests/build_progress.sh

# The closing line counts test cases as each suite reports them (doctest's
# and unittest's own counts; a program without one counts as one case).
passed=0 failed=0 skipped=0 assertions=0 n=0 start=$SECONDS
for c in "${configs[@]}"; do
  IFS='|' read -r name compiler options <<<"$c"
  n=$((n + 1))
  dir="build-test/$name"
  echo "=== [$n/${#configs[@]}] $name: CXX=$compiler $options"
  # shellcheck disable=SC2086
  if [ -d "$dir" ]; then
    CXX=$compiler meson setup --reconfigure "$dir" $options >/dev/null
  else
    CXX=$compiler meson setup "$dir" $options >/dev/null
  fi
  if ! build_with_progress "$dir" "$name"; then
    echo "=== $name: build FAILED"
    failed=$((failed + 1))
    continue
  fi
  meson test -C "$dir" --print-errorlogs || true
  read -r p f s a _ < <(/usr/bin/python3 tests/count_cases.py "$dir/meson-logs/testlog.json")
  # the coverage gate, where the build counts coverage (one configuration)
  if [[ "$options" == *b_coverage=true* ]]; then
    if bash tests/coverage_gate.sh "$dir"; then p=$((p + 1)); else f=$((f + 1)); fi
  fi
  echo "=== $name: $p passed, $f failed, $s skipped ($a assertions)"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  assertions=$((assertions + a))
done

echo "${#configs[@]} configurations in $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s;" \
  "$assertions doctest assertions"
echo "$passed passed, $failed failed, $skipped skipped (test cases)"
[ "$failed" -eq 0 ]
