#!/bin/sh
# The whole chain on the BBC News corpus (2,225 articles, 5 MB; research
# data, not shipped), all in one run so that the ratios are comparable:
#
#   wink-nlp       ../shared/bench/peers/run.sh (times processing only)
#   default -j 1   nlpipe -j 1 -f none          (run every stage, write nothing)
#   default -j 2   nlpipe -j 2 -f none
#   json -j 1      nlpipe -j 1 -f json > /dev/null
#   json -j 2      nlpipe -j 2 -f json > /dev/null
#   no entity -j 1 nlpipe -j 1 -f none -p tokenize,sentence,stem,sentiment
#   start-up       one short document, every default stage loaded
#
# nlpipe times are wall-clock times of the whole command (start-up, reading
# and parsing the JSON Lines included; the program itself, not libtool's
# wrapper script of the build tree), best of 3; tokens are nlpipe's own
# count (tokenize over the corpus), wink-nlp's its own.  Targets: default
# -j 1 >= 5x wink-nlp's tokens/s; without entity >= 20x; -j 2 >= 1.8x -j 1;
# JSON writing <= half the chain's time; start-up <= 200 ms.
#
# usage: bench/bench-chain.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR: the shared folder (default: ../shared)
#        RUNS=N: timed runs per row (default 3)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
corpus=$shared/data/corpus/bbc-news.jsonl
runs=${RUNS:-3}

if [ ! -x /usr/bin/time ]; then
  echo "bench-chain: needs GNU time (Debian package time)"
  exit 0
fi
if [ ! -f "$corpus" ]; then
  echo "bench-chain: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
. "$src/bench/nlpipe-program.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-chain-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# "WALL CPU": the best wall time in seconds of "$@" over $runs runs
# (stdout to /dev/null) and that run's CPU time (user + system): CPU/WALL
# shows how many cores the run really had on a shared machine
best () {
  b=""
  i=0
  while [ $i -lt "$runs" ]; do
    # wall time from the nanosecond clock (GNU time's %e has 10 ms steps,
    # 3% of a 0.3 s run); CPU time from GNU time
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$@" > /dev/null
    t1=$(date +%s%N)
    t=$(awk -v ns=$((t1 - t0)) '{ printf "%.3f %.3f", ns / 1e9, $1 + $2 }' "$tmp/time")
    if [ -z "$b" ] || awk -v a="${t%% *}" -v b="${b%% *}" 'BEGIN { exit !(a < b) }'; then
      b=$t
    fi
    i=$((i + 1))
  done
  echo "$b"
}

bytes=$(python3 -c 'import json,sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()))' "$corpus")
tokens=$("$nlpipe" -q -j 2 -p tokenize -f json "$corpus" | python3 -c 'import json,sys
print(sum(len(json.loads(l)["layers"]["token"]) for l in sys.stdin if l.strip()))')
docs=$(grep -c . "$corpus")

wink_tps=""
if command -v node > /dev/null 2>&1 && command -v npm > /dev/null 2>&1 &&
   sh "$shared/bench/peers/run.sh" "$corpus" > "$tmp/wink.txt" 2> "$tmp/wink.err"; then
  wink_tps=$(sed -n 's/.*tok_per_s=\([0-9]*\).*/\1/p' "$tmp/wink.txt")
  wink_mbs=$(sed -n 's/.*MB_per_s=\([0-9.]*\).*/\1/p' "$tmp/wink.txt")
  wink_tokens=$(sed -n 's/.*tokens=\([0-9]*\).*/\1/p' "$tmp/wink.txt")
  wink_secs=$(sed -n 's/.*secs=\([0-9.]*\).*/\1/p' "$tmp/wink.txt")
else
  echo "bench-chain: wink-nlp did not run (needs node and npm):" \
       "$(tail -n 1 "$tmp/wink.err" 2>/dev/null)"
fi

noent=tokenize,sentence,stem,sentiment
t_j1=$(best "$nlpipe" -q -j 1 -f none "$corpus")
t_j2=$(best "$nlpipe" -q -j 2 -f none "$corpus")
t_json1=$(best "$nlpipe" -q -j 1 -f json "$corpus")
t_json2=$(best "$nlpipe" -q -j 2 -f json "$corpus")
t_noent=$(best "$nlpipe" -q -j 1 -f none -p "$noent" "$corpus")
echo "Hello from Anchorage." > "$tmp/short.txt"
saved=$runs; runs=5
t_start=$(best "$nlpipe" -q -j 1 -f none "$tmp/short.txt")
runs=$saved
"$nlpipe" -q -j 1 -f none --profile "$corpus" 2> "$tmp/profile.txt"

echo "BBC News: $docs documents, $bytes bytes of text, $tokens nlpipe tokens;" \
     "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $runs"
printf '%-30s %8s %6s %12s %8s %7s\n' run seconds cores tokens/s MB/s "x wink"
# row NAME "WALL CPU" TOKENS
row () {
  awk -v name="$1" -v s="${2%% *}" -v cpu="${2##* }" -v tok="$3" -v b="$bytes" \
      -v w="${wink_tps:-0}" 'BEGIN {
    tps = tok / s
    printf "%-30s %8.3f %6.2f %12.0f %8.2f %7s\n", name, s, cpu / s, tps, b / s / 1e6,
           (w > 0 ? sprintf("%.1f", tps / w) : "-") }'
}
if [ -n "$wink_tps" ]; then
  printf '%-30s %8.3f %6s %12.0f %8.2f %7s\n' "wink-nlp (processing only)" \
    "$wink_secs" - "$wink_tps" "$wink_mbs" 1.0
  echo "  (wink-nlp counts $wink_tokens tokens)"
fi
row "nlpipe default -j 1 -f none" "$t_j1" "$tokens"
row "nlpipe default -j 2 -f none" "$t_j2" "$tokens"
row "nlpipe default -j 1 -f json" "$t_json1" "$tokens"
row "nlpipe default -j 2 -f json" "$t_json2" "$tokens"
row "nlpipe without entity -j 1" "$t_noent" "$tokens"
echo
echo "per-stage CPU time at -j 1 (--profile):"
grep '^  ' "$tmp/profile.txt"
echo
awk -v j1="${t_j1%% *}" -v j2="${t_j2%% *}" -v js="${t_json1%% *}" -v ne="${t_noent%% *}" \
    -v st="${t_start%% *}" -v j2cpu="${t_j2##* }" \
    -v tok="$tokens" -v w="${wink_tps:-0}" 'BEGIN {
  if (w > 0) {
    printf "default -j 1 vs wink-nlp:   %5.1fx  (target >= 5)\n", tok / j1 / w
    printf "without entity vs wink-nlp: %5.1fx  (target >= 20)\n", tok / ne / w
  }
  printf "-j 2 vs -j 1:               %5.2fx  (target >= 1.8; the -j 2 run had %.2f cores)\n",
         j1 / j2, j2cpu / j2
  printf "JSON writing / chain time:  %5.2f   (target <= 0.5)\n", (js - j1) / j1
  printf "start-up, all stages:       %5.0f ms (target <= 200)\n", st * 1000
}'
