# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#
# Sourced by tests/run.sh and examples/demo.sh: builds a Meson directory with
# its output in a log, printing where it stands every 20 seconds instead of
# staying silent for minutes.
#   build_with_progress DIR LABEL   -> 0 built, else the log is printed

build_with_progress() {
  local dir=$1 label=$2 log="$1/compile.log" start=$SECONDS
  meson compile -C "$dir" >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for _ in $(seq 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null || break
    local step
    step=$(grep -o '^\[[0-9]*/[0-9]*\]' "$log" | tail -1 || true)
    echo "    $label: building ${step:-(configuring)} $((SECONDS - start)) s"
  done
  if ! wait "$pid"; then
    cat "$log"
    return 1
  fi
  echo "    $label: built in $((SECONDS - start)) s"
}
