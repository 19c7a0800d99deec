#!/bin/sh
# tokenize+sentence speed, single-threaded (issue: >= 100 MB/s on the BBC
# corpus; a Sherlock-Holmes-sized text, about 0.6 MB, in a few ms).
#
#  1. bench/bench-stage.c: the chain on documents held in memory, CPU time
#     of processing only (reading, JSON and document creation excluded),
#     best of 10 passes: tokenize alone, then tokenize,sentence;
#  2. the same on one 0.6 MB document (the first BBC articles joined);
#  3. nlpipe -j 1 -f none --profile, per-stage CPU time as the runner sees it.
#
# usage: bench/bench-boundaries.sh [BUILD_DIR]   (default: the current directory)
#        NLPIPE_SHARED=DIR: the shared folder holding data/corpus (default ../shared)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
corpus=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}/data/corpus/bbc-news.jsonl

if [ ! -f "$corpus" ]; then
  echo "bench-boundaries: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
make -s -C "$build" core/nlpipe core/libnlpipe.la plugins/tokenize.la plugins/sentence.la >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -I"$src/core" -I"$build/core" $(pkg-config --cflags glib-2.0 json-glib-1.0) \
  "$src/bench/bench-stage.c" -L"$build/core/.libs" -lnlpipe \
  $(pkg-config --libs glib-2.0 json-glib-1.0) -o "$tmp/bench-stage"
export LD_LIBRARY_PATH="$build/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export NLPIPE_PLUGIN_PATH="$build/plugins"

echo "== BBC News, 2,225 documents, in memory, CPU time (best of 10) =="
"$tmp/bench-stage" tokenize "$corpus" 10
"$tmp/bench-stage" tokenize,sentence "$corpus" 10

# One long document of about 0.6 MB: the first BBC articles, blank-line separated.
python3 - "$corpus" "$tmp/long.txt" <<'PY'
import json, sys
out, size = [], 0
for line in open(sys.argv[1], encoding="utf-8"):
    text = json.loads(line)["text"]
    out.append(text)
    size += len(text.encode("utf-8")) + 2
    if size >= 600000:
        break
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(out))
PY
echo "== one 0.6 MB document (best of 10) =="
"$tmp/bench-stage" tokenize,sentence "$tmp/long.txt" 10

echo "== nlpipe -j 1 -p tokenize,sentence -f none --profile (3 runs) =="
for run in 1 2 3; do
  "$build/core/nlpipe" -q -j 1 -p tokenize,sentence -f none --profile "$corpus" 2>&1 \
    | grep -E '^ +(tokenize|sentence) '
done
