#!/bin/sh
# tests/valgrind-check.sh SRC_DIR BUILD_DIR — the default chain over the
# example articles under valgrind memcheck (`make valgrind-check`): fails
# on any memory error and on any definite leak.
#
# G_SLICE=always-malloc makes GLib's slice allocator plain malloc so that
# memcheck sees every block; tests/valgrind.supp hides the one-time
# allocations of GLib, GIO and json-glib that live until exit by design.
# Each format is one run over every article, with two worker threads.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 SRC_DIR BUILD_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
  echo "$0: valgrind not found; apt-get install valgrind" >&2
  exit 1
fi

status=0
for format in json text; do
  log=$build/valgrind-$format.log
  # libtool runs valgrind on the real binary, not on its wrapper script
  G_SLICE=always-malloc G_DEBUG=gc-friendly \
    "$build/libtool" --mode=execute valgrind --tool=memcheck --error-exitcode=99 \
      --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
      --suppressions="$src/tests/valgrind.supp" --num-callers=30 --log-file="$log" \
      "$build/core/nlpipe" -q -j 2 -f "$format" "$src/examples/articles" >/dev/null
  rc=$?
  summary=$(grep -E 'ERROR SUMMARY' "$log" | tail -1 | sed 's/^==[0-9]*== //')
  echo "valgrind ($format): exit $rc; $summary"
  if [ $rc -ne 0 ]; then
    status=1
    echo "valgrind ($format): see $log" >&2
  fi
done
exit $status
