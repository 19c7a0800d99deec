#!/bin/sh
# tests/fuzz/run.sh FUZZ_BUILD_DIR [SECONDS] [TARGET...] — runs each fuzz
# target for a bounded time and prints one line per target: executions,
# new corpus entries, crashes.
#
# Seeds are read from tests/fuzz/corpus/TARGET (never written); what the
# fuzzer finds goes to FUZZ_BUILD_DIR/fuzz-corpus/TARGET, and crashing
# inputs to FUZZ_BUILD_DIR/fuzz-crashes/TARGET/.  A crash is fixed, then its
# input is copied to tests/fuzz/regress/TARGET/ so `make check` replays it.
# TARGET is a name such as reader-text (default: every built target).
# FUZZ_FLAGS adds libFuzzer flags; inputs may be FUZZ_MAX_LEN bytes
# (default 1 MB: deep nesting, long lines).  FUZZ_WORKERS=N runs N fuzzers
# of each target at once on its one corpus (each with its own seed, log
# TARGET.N.log and -runs=FUZZ_RUNS/N when FUZZ_RUNS is set) and sums their
# executions: one per core.
set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 FUZZ_BUILD_DIR [SECONDS] [TARGET...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=${2:-60}
[ $# -ge 2 ] && shift 2 || shift $#
src=$(cd "$(dirname "$0")/../.." && pwd)
targets=$*
if [ -z "$targets" ]; then
  for t in "$build"/tests/fuzz/fuzz-*; do
    [ -x "$t" ] && targets="$targets ${t##*/fuzz-}"
  done
fi

status=0
printf '%-14s %12s %10s %8s\n' target executions exec/s crashes
for t in $targets; do
  bin=$build/tests/fuzz/fuzz-$t
  corpus=$build/fuzz-corpus/$t
  crashes=$build/fuzz-crashes/$t
  log=$build/fuzz-crashes/$t.log
  mkdir -p "$corpus" "$crashes"
  seeds=
  [ -d "$src/tests/fuzz/corpus/$t" ] && seeds=$src/tests/fuzz/corpus/$t
  # ASan's leak check at exit reports GLib's one-time allocations: off
  # here, memcheck (make valgrind-check) looks for leaks.
  workers=${FUZZ_WORKERS:-1}
  runs=
  [ -n "${FUZZ_RUNS:-}" ] && runs=-runs=$((FUZZ_RUNS / workers))
  pids=
  for w in $(seq 1 "$workers"); do
    wlog=$log
    [ "$workers" -gt 1 ] && wlog=$build/fuzz-crashes/$t.$w.log
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
      "$bin" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-1048576}" -timeout=10 \
        -rss_limit_mb=4096 -print_final_stats=1 -seed="$w$$" $runs \
        -artifact_prefix="$crashes/" ${FUZZ_FLAGS:-} "$corpus" $seeds >"$wlog" 2>&1 &
    pids="$pids $!"
  done
  rc=0
  for p in $pids; do
    wait "$p" || rc=$?
  done
  logs=$log
  [ "$workers" -gt 1 ] && logs=$(seq -f "$build/fuzz-crashes/$t.%g.log" 1 "$workers")
  # shellcheck disable=SC2086
  execs=$(cat $logs | sed -n 's/^stat::number_of_executed_units: *//p' |
          awk '{ s += $1 } END { if (NR) print s }')
  # shellcheck disable=SC2086
  rate=$(cat $logs | sed -n 's/^stat::average_exec_per_sec: *//p' |
         awk '{ s += $1 } END { if (NR) print s }')
  n=$(find "$crashes" -type f | wc -l)
  printf '%-14s %12s %10s %8s\n' "$t" "${execs:-?}" "${rate:-?}" "$n"
  if [ $rc -ne 0 ] || [ "$n" -gt 0 ]; then
    status=1
    echo "  see" $logs >&2
  fi
done
exit $status
