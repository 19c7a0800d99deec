#!/bin/sh
# tests/sanitizer-check.sh SRC_DIR [BUILD_DIR] — the whole test suite once
# more, built with AddressSanitizer and UBSan (./configure
# --enable-sanitizers) in a VPATH build of its own; prints the counts.
# CI (.ci/run) calls it after the normal run; `make sanitizer-check` too.
#
# Leak checking is on, with tests/lsan.supp for the one-time allocations
# of GLib, GIO and json-glib (type system, caches) that are never freed
# by design; any other leak fails the test that made it.  UBSan stops at
# the first error.  Criterion runs each test in a forked process: each
# reports its own errors.
set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 SRC_DIR [BUILD_DIR]" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
build=${2:-$PWD/asan-build}
jobs=${SANITIZER_JOBS:-2}
mkdir -p "$build" && cd "$build" || exit 2

if [ ! -f config.status ]; then
  "$src/configure" -q --enable-sanitizers --disable-introspection || { echo "sanitizers: configure failed" >&2; exit 1; }
fi
if ! make -j"$jobs" >make.log 2>&1; then
  tail -40 make.log >&2
  echo "sanitizers: the build failed (see $build/make.log)" >&2
  exit 1
fi

ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
make -j"$jobs" -k check >check.log 2>&1
status=$?

# automake's summary: "# PASS:  12" ...; a test program that crashed
# before its plan counts as an ERROR
count () { sed -n "s/^# $1: *//p" check.log | tail -1; }
pass=$(count PASS) fail=$(count FAIL) error=$(count ERROR) skip=$(count SKIP)
grep -E '^(FAIL|ERROR):' check.log >&2
echo "sanitizers: ${pass:-0} passed, $(( ${fail:-0} + ${error:-0} )) failed, ${skip:-0} skipped"
[ "$status" -eq 0 ] || echo "sanitizers: see $build/test-suite.log" >&2
exit $status
