#!/bin/sh
# The default chain with the lang stage in front, against the default chain,
# on BBC News (2,225 articles, research data, not shipped), in one run:
#
#   output   -f json of both; the lang chain's with doc.lang and
#            doc.lang_score taken out must be the default chain's, byte for
#            byte (stem, sentence and tokenize act on doc.lang, and for
#            English they must change nothing)
#   speed    -j 1 -f none, the two commands in turn, RUNS pairs; the best
#            and the median of the pairs' ratios (target: within 5%)
#   profile  the lang stage's share of the chain's CPU (--profile)
#
# usage: bench/bench-lang-chain.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR: the shared folder (default: ../shared)
#        RUNS=N: timed pairs (default 7)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
corpus=$shared/data/corpus/bbc-news.jsonl
runs=${RUNS:-7}

if [ ! -f "$corpus" ]; then
  echo "bench-lang-chain: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
make -s -C "$build" core/nlpipe plugins/tokenize.la plugins/sentence.la \
  plugins/stem.la plugins/entity.la plugins/sentiment.la plugins/lang.la >/dev/null
nlpipe="$build/core/nlpipe"
if [ -x "$build/core/.libs/nlpipe" ] && head -c 2 "$nlpipe" | grep -q '#!'; then
  nlpipe="$build/core/.libs/nlpipe"
  LD_LIBRARY_PATH="$build/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export LD_LIBRARY_PATH
fi
# the default chain, as the core defines it
default=$(sed -n 's/^#define NLP_DEFAULT_CHAIN "\(.*\)"/\1/p' "$src/core/nlp-chain-spec.h")
default=${default:-tokenize,sentence,stem,entity,sentiment}
with_lang=lang,$default
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-lang-chain-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$nlpipe" -q -j 1 -p "$default" -f json "$corpus" > "$tmp/default.jsonl"
"$nlpipe" -q -j 1 -p "$with_lang" -f json "$corpus" > "$tmp/lang.jsonl"
python3 - "$tmp/default.jsonl" "$tmp/lang.jsonl" <<'PY'
import json, re, sys
from collections import Counter
a = open(sys.argv[1], encoding="utf-8").read().split("\n")
b = open(sys.argv[2], encoding="utf-8").read().split("\n")
langs = Counter()
same = differ = 0
attr = re.compile(r'"lang":"[^"]*","lang_score":[0-9.e+-]+,?')
for x, y in zip(a, b):
    if not x.strip():
        continue
    langs[json.loads(y)["attributes"]["lang"]] += 1
    y = attr.sub("", y).replace(',}', '}').replace('"attributes":{}', '"attributes":{}')
    if x == y:
        same += 1
    else:
        differ += 1
print(f"output: {same} of {same + differ} documents byte-identical to the default chain's once "
      f"doc.lang and doc.lang_score are taken out; doc.lang: "
      + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
PY

# the two commands in turn; "WALL CPU" of each run
pair () {
  for cmd in "$default" "$with_lang"; do
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$nlpipe" -q -j 1 -f none -p "$cmd" "$corpus" > /dev/null
    t1=$(date +%s%N)
    awk -v ns=$((t1 - t0)) '{ printf "%.3f %.3f ", ns / 1e9, $1 + $2 }' "$tmp/time"
  done
  echo
}
i=0
: > "$tmp/pairs"
while [ $i -lt "$runs" ]; do
  pair >> "$tmp/pairs"
  i=$((i + 1))
done
echo "speed: $runs pairs on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{ print "  default " $1 " s (" $2 " s CPU)   with lang " $3 " s (" $4 " s CPU)   ratio " sprintf("%.3f", $3 / $1) " wall, " sprintf("%.3f", $4 / $2) " CPU" }' "$tmp/pairs"
sort -t' ' -k1,1n "$tmp/pairs" | head -1 > /dev/null
python3 - "$tmp/pairs" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = [r[2] / r[0] for r in rows]
cpu = [r[3] / r[1] for r in rows]
best_a = min(r[0] for r in rows); best_b = min(r[2] for r in rows)
print(f"ratio with lang / without: median {statistics.median(wall):.3f} wall, "
      f"{statistics.median(cpu):.3f} CPU; best runs {best_b:.3f} / {best_a:.3f} s = {best_b / best_a:.3f} "
      "(target <= 1.05)")
PY
"$nlpipe" -q -j 1 -f none -p "$with_lang" --profile "$corpus" 2> "$tmp/profile.txt" > /dev/null
echo "per-stage CPU time at -j 1 (--profile):"
grep '^  ' "$tmp/profile.txt"
