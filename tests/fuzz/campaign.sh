#!/usr/bin/env bash
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# A long fuzzing campaign: each target for a fixed time, not a fixed count (a
# count is luck: the llhttp target once passed 10^7 runs and stopped within
# a minute of a longer run), split over several seeds, each seed from the
# seed corpus plus what earlier seeds found, new inputs kept in
# BUILD/fuzz-campaign/TARGET/. Prints one line per target: seconds,
# executions, seeds and whether any seed found anything (a finding stops that
# seed and leaves its input in BUILD/fuzz-campaign/).
#   CXX=clang++ meson setup BUILD -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false
#   meson compile -C BUILD
#   bash tests/fuzz/campaign.sh BUILD [SECONDS_PER_TARGET] [SEEDS] [JOBS] [TARGET...]
# Defaults: 1800 s (30 minutes) a target, 3 seeds, 2 jobs, every target.
set -uo pipefail
build=$(cd "$1" && pwd)
total=${2:-1800}
seeds=${3:-3}
jobs=${4:-2}
shift $(($# < 4 ? $# : 4))
cd "$(dirname "$0")"
# target, seed corpus, longest input
all=("response corpus 2048" "request corpus-request 1024" "deletion corpus-deletion 512"
     "values corpus-values 512" "llhttp corpus 1024" "ids-file corpus-ids-file 4096"
     "token-file corpus-token-file 4096" "transcript corpus-transcript 2048"
     "double corpus-double 2048" "check corpus-check 2048" "captures corpus-captures 4096")
if [ $# -gt 0 ]; then
  chosen=()
  for t in "$@"; do
    for spec in "${all[@]}"; do [ "${spec%% *}" = "$t" ] && chosen+=("$spec"); done
  done
else
  chosen=("${all[@]}")
fi
run_seed() {  # target corpus max_len seed seconds
  local name=$1 corpus=$2 max_len=$3 seed=$4 secs=$5
  local out="$build/fuzz-campaign/$name"
  mkdir -p "$out"
  "$build/tests/fuzz-$name" -max_total_time="$secs" -max_len="$max_len" -seed="$seed" \
    -error_exitcode=1 -artifact_prefix="$build/fuzz-campaign/$name-seed$seed-" \
    -print_final_stats=1 "$out" "$corpus" >"$out.seed$seed.log" 2>&1
  echo $? >"$out.seed$seed.rc"
}
export -f run_seed
export build
for spec in "${chosen[@]}"; do
  read -r name corpus max_len <<<"$spec"
  for s in $(seq 1 "$seeds"); do
    echo "$name $corpus $max_len $s $((total / seeds))"
  done
done | xargs -P "$jobs" -L 1 bash -c 'run_seed "$@"' _
for spec in "${chosen[@]}"; do
  read -r name _ _ <<<"$spec"
  execs=0 secs=0 found=""
  for s in $(seq 1 "$seeds"); do
    log="$build/fuzz-campaign/$name.seed$s.log"
    e=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    t=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
    execs=$((execs + ${e:-0})) secs=$((secs + ${t:-0}))
    [ "$(cat "$build/fuzz-campaign/$name.seed$s.rc")" = 0 ] || found="$found seed $s"
  done
  verdict="no finding"
  [ -z "$found" ] || verdict="FINDING ($found; see $build/fuzz-campaign/)"
  printf '%-11s %6d s %12d executions, %d seeds: %s\n' "$name" "$secs" "$execs" "$seeds" "$verdict"
done
