#!/bin/sh
# Memory per document: one document of 1, 16 and 128 MB (the BBC News texts
# joined, or the shipped example article repeated when the corpus is
# absent) through the default chain, -j 1: peak RSS with -f none (the
# chain) and, for 1 and 16 MB, with -f json (the chain and the JSON text of
# the whole document, which the writer holds: ~18 bytes per input byte),
# and bytes per input byte over the peak of a one-line document and over
# a run with a 50 kB warm-up document before it (the models' pages that a
# one-line document never touches are then resident in both).
# SIZES="1 16" picks the sizes (MB); STREAM=no skips the part below.
#
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

if [ ! -x /usr/bin/time ]; then
  echo "bench-memory: needs GNU time (Debian package time)"
  exit 0
fi
make -s -C "$build" core/nlpipe plugins/lang.la plugins/tokenize.la plugins/sentence.la \
  plugins/stem.la plugins/entity.la plugins/sentiment.la >/dev/null
docdir=$(mktemp -d)
trap 'rm -rf "$docdir"' EXIT
# doc N: a file of N MB of text in $docdir
doc () {
  if [ -f "$corpus" ]; then
    python3 -c 'import json,sys
for l in open(sys.argv[1]): sys.stdout.write(json.loads(l)["text"] + "\n\n")' "$corpus"
  else
    cat "$src/examples/articles/"*.txt
    echo
  fi > "$docdir/unit.txt"
  : > "$docdir/doc$1.txt"
  while [ "$(wc -c < "$docdir/doc$1.txt")" -lt $(($1 * 1000000)) ]; do
    cat "$docdir/unit.txt" "$docdir/unit.txt" "$docdir/unit.txt" "$docdir/unit.txt" >> "$docdir/doc$1.txt"
  done
  head -c $(($1 * 1000000)) "$docdir/doc$1.txt" | iconv -c -f UTF-8 -t UTF-8 > "$docdir/d.txt"
  mv "$docdir/d.txt" "$docdir/doc$1.txt"
}
# peak FORMAT FILE...: peak RSS in KB
peak () {
  f=$1
  shift
  /usr/bin/time -f "%M" -o "$docdir/time" "$build/core/nlpipe" -j 1 -q -f "$f" "$@" > /dev/null
  cat "$docdir/time"
}
echo "one document, default chain, -j 1 ($( [ -f "$corpus" ] && echo "BBC News texts" || echo "example article repeated"))"
echo "Hello from Geneva." > "$docdir/one.txt"
base_none=$(peak none "$docdir/one.txt")
base_json=$(peak json "$docdir/one.txt")
# a warm-up document of 50 kB of the same text: run first, it makes the
# models' pages resident, so that what a document adds over it is the
# document's own memory (the warm-up's own, ~0.75 MB, is not counted)
doc 1
head -c 50000 "$docdir/doc1.txt" | iconv -c -f UTF-8 -t UTF-8 > "$docdir/warm.txt"
warm_none=$(peak none "$docdir/warm.txt")
warm_json=$(peak json "$docdir/warm.txt")
echo "   size   format      peak RSS   bytes per input byte: over a one-line document ($base_none KB)," \
     "over a 50 kB warm-up ($warm_none KB; run before the document)"
for mb in ${SIZES:-1 16 128}; do
  doc "$mb"
  for f in none json; do
    [ "$f" = json ] && [ "$mb" -gt 16 ] && continue
    kb=$(peak "$f" "$docdir/doc$mb.txt")
    kbw=$(peak "$f" "$docdir/warm.txt" "$docdir/doc$mb.txt")
    [ "$f" = none ] && echo "$mb $kb" >> "$docdir/slope"
    base=$base_none; [ "$f" = json ] && base=$base_json
    warm=$warm_none; [ "$f" = json ] && warm=$warm_json
    awk -v mb="$mb" -v f="$f" -v kb="$kb" -v base="$base" -v kbw="$kbw" -v warm="$warm" 'BEGIN {
      printf "%4d MB   %-6s %10d KB   %6.1f   %6.1f\n", mb, f, kb, (kb - base) * 1024 / (mb * 1e6),
             (kbw - warm) * 1024 / (mb * 1e6) }'
  done
  rm -f "$docdir/doc$mb.txt"
done
# the slope between the smallest and the largest document: what each more
# byte costs (the models' pages a one-line document never touches are in
# the small document's figure, not in this)
awk 'NR == 1 { m0 = $1; k0 = $2 } { m1 = $1; k1 = $2 } END { if (m1 > m0)
  printf "chain, -f none, from %d to %d MB: %.1f bytes per input byte\n", m0, m1,
         (k1 - k0) * 1024 / ((m1 - m0) * 1e6) }' "$docdir/slope"
echo
[ "${STREAM:-yes}" = no ] && exit 0

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
tmpf=$docdir/tmpf
tmpe=$docdir/tmpe

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
