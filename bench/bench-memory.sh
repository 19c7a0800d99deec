#!/bin/sh
# Flat memory: the default chain over JSON Lines on stdin, 10 MB, 100 MB
# and at least 1 GB (the BBC News corpus repeated; research data, not shipped),
# JSON output written to /dev/null.  Peak RSS (GNU time's maximum resident
# set size) must not grow with the input: the runner keeps a bounded number
# of batches in flight and frees each document once it is formatted.
#
# usage: bench/bench-memory.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR: the shared folder (default: ../shared)
#        COPIES=N: copies of the corpus in the large run (default 200: 1.03 GB)
#        JOBS=N: worker threads (default 2)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
corpus=$shared/data/corpus/bbc-news.jsonl
copies=${COPIES:-200}
jobs=${JOBS:-2}

if [ ! -f "$corpus" ]; then
  echo "bench-memory: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench-memory: needs GNU time (Debian package time)"
  exit 0
fi
make -s -C "$build" core/nlpipe plugins/tokenize.la plugins/sentence.la \
  plugins/stem.la plugins/entity.la plugins/sentiment.la >/dev/null
nlpipe="$build/core/nlpipe"
size=$(wc -c < "$corpus")

# stream: the corpus N times to stdout
stream () {
  i=0
  while [ $i -lt "$1" ]; do
    cat "$corpus"
    i=$((i + 1))
  done
}

# run N: one line "MB seconds peak-RSS-KB documents"
run () {
  stream "$1" | /usr/bin/time -f "%e %M" -o "$tmpf" \
    "$nlpipe" -j "$jobs" --input-format=jsonl -f json - 2> "$tmpe" > /dev/null
  docs=$(sed -n 's/.*: \([0-9]*\) documents\{0,1\} read.*/\1/p' "$tmpe")
  set -- "$1" $(cat "$tmpf")
  awk -v n="$1" -v s="$2" -v rss="$3" -v size="$size" -v docs="$docs" 'BEGIN {
    printf "%10.0f MB %9.1f s %10d KB %9d docs %7.1f MB/s\n", n * size / 1e6, s, rss,
           docs, n * size / 1e6 / s }'
}
tmpf=$(mktemp)
tmpe=$(mktemp)
trap 'rm -f "$tmpf" "$tmpe"' EXIT

echo "default chain, -j $jobs, JSON Lines on stdin, -f json > /dev/null"
echo "     input      time       peak RSS   documents  throughput"
# 10 MB, 100 MB, then the large run: a plateau, not a slope
small=$(run 2)
echo "$small"
echo "$(run 20)"
large=$(run "$copies")
echo "$large"
echo "$small $large" | awk '{ printf "peak RSS ratio, %.0f MB over %.0f MB input: %.2f\n",
                              $11, $1, $15 / $5 }'
