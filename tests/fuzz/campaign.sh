#!/usr/bin/env bash
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# A long fuzzing campaign: every target for RUNS executions (default 10^7)
# from its seed corpus, new inputs kept in BUILD/fuzz-campaign/. Prints one
# line per target: executions, seconds, executions a second, and whether it
# found anything (a finding stops the target and leaves its input there).
#   meson setup BUILD -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false
#   CXX=clang++ meson compile -C BUILD
#   bash tests/fuzz/campaign.sh BUILD [RUNS] [JOBS]
set -uo pipefail
build=$(cd "$1" && pwd)
runs=${2:-10000000}
jobs=${3:-2}
cd "$(dirname "$0")"
run_one() {
  local name=$1 corpus=$2 max_len=$3
  local out="$build/fuzz-campaign/$name"
  mkdir -p "$out"
  local start=$SECONDS
  if "$build/tests/fuzz-$name" -runs="$runs" -max_len="$max_len" -seed=1 \
       -artifact_prefix="$out/" -print_final_stats=1 "$out" "$corpus" >"$out.log" 2>&1; then
    status="no finding"
  else
    status="FINDING (see $out.log)"
  fi
  local secs=$((SECONDS - start))
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out.log" | grep -o '[0-9]*$')
  printf '%-10s %12s executions in %5d s (%s a second): %s\n' "$name" "${execs:-?}" "$secs" \
    "$(( ${execs:-0} / (secs > 0 ? secs : 1) ))" "$status"
}
export -f run_one
export build runs
printf '%s\n' "response corpus 2048" "request corpus-request 1024" "deletion corpus-deletion 512" \
  "values corpus-values 512" "llhttp corpus 1024" |
  xargs -P "$jobs" -L 1 bash -c 'run_one $0 $1 $2'
