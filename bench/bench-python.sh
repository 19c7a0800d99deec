#!/bin/sh
# nlpipe from Python against the command and wink-nlp, on BBC News (2,225
# articles; research data, not shipped), in one run so the ratios compare:
#
#   command -j N     nlpipe -j N -f none     (wall time of the processing:
#                                             the command's own summary)
#   pipe() -j N      Pipeline().pipe(texts, jobs=N), results untouched
#   pipe() + touch   the same, reading every document's entities
#   wink-nlp         ../shared/bench/peers/run.sh
#
# Each is processing time only (models loaded, corpus in memory), best of
# RUNS.  Target: pipe() >= 90 % of the command's documents/s at the same -j.
#
# usage: bench/bench-python.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR, RUNS=N (default 3), JOBS="1 2" (default)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
corpus=$shared/data/corpus/bbc-news.jsonl
runs=${RUNS:-3}
jobs_list=${JOBS:-1 2}

if [ ! -f "$corpus" ]; then
  echo "bench-python: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
if [ ! -f "$build/core/Nlpipe-1.0.typelib" ]; then
  echo "bench-python: $build has no Nlpipe-1.0.typelib (configure found no" \
       "introspection); install gobject-introspection libgirepository1.0-dev python3-gi"
  exit 0
fi
python=${PYTHON:-/usr/bin/python3}
PYTHONPATH="$src/core/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
GI_TYPELIB_PATH="$build/core"
LD_LIBRARY_PATH="$build/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PYTHONPATH GI_TYPELIB_PATH LD_LIBRARY_PATH
nlpipe="$build/core/.libs/nlpipe"
[ -x "$nlpipe" ] || nlpipe="$build/core/nlpipe"
docs=$(grep -c . "$corpus")

# best CMD...: the smallest "secs=S" over $runs runs of CMD
best () {
  b=""
  for _ in $(seq "$runs"); do
    s=$("$@" | sed -n 's/.*secs=\([0-9.]*\).*/\1/p')
    if [ -z "$b" ] || awk -v a="$s" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$s; fi
  done
  echo "$b"
}
# the command's processing time, from its summary line ("; S s, R MB/s")
command_secs () {
  "$nlpipe" -j "$1" -f none "$corpus" 2>&1 >/dev/null |
    sed -n 's/.*; \([0-9.]*\) s, .*/secs=\1/p'
}

wink=""
if command -v node >/dev/null 2>&1 && sh "$shared/bench/peers/run.sh" "$corpus" >"${TMPDIR:-/tmp}/bench-python-wink.txt" 2>/dev/null; then
  wink=$(sed -n 's/.*secs=\([0-9.]*\).*/\1/p' "${TMPDIR:-/tmp}/bench-python-wink.txt")
fi

echo "BBC News: $docs documents; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $runs"
printf '%-28s %8s %10s %9s\n' run seconds docs/s "vs command"
for j in $jobs_list; do
  c=$(best command_secs "$j")
  p=$(best "$python" "$src/bench/python-pipe.py" "$corpus" "$j")
  t=$(best "$python" "$src/bench/python-pipe.py" "$corpus" "$j" touch)
  for r in "command -j $j:$c" "pipe() jobs=$j:$p" "pipe() jobs=$j, entities read:$t"; do
    awk -v name="${r%%:*}" -v s="${r##*:}" -v c="$c" -v d="$docs" 'BEGIN {
      printf "%-28s %8.3f %10.0f %8.0f%%\n", name, s, d / s, 100 * c / s }'
  done
done
if [ -n "$wink" ]; then
  awk -v s="$wink" -v d="$docs" 'BEGIN { printf "%-28s %8.3f %10.0f %9s\n", "wink-nlp", s, d / s, "-" }'
else
  echo "wink-nlp did not run (needs node and npm)"
fi
echo "target: pipe() >= 90% of the command's documents/s at the same -j"
