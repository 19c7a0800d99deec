#!/bin/sh
# nlpipe serve on the BBC News corpus (2,225 articles; research data, not
# shipped), against the command on the same documents in the same run:
#
#   command   nlpipe -q -j 2 -f json bbc-news.jsonl > /dev/null  (docs/s by wall time)
#   serve     nlpipe serve -j 2, bench/serve-load with N keep-alive clients
#             posting every article as one application/json request
#             (docs/s, p50/p99 latency); N in $CLIENTS
#   latency   one client, the article closest to 3 KB, 500 requests in a row
#
# Command and server runs alternate, and each server figure is divided by
# the command figure of its own round: the median of those ratios is
# printed (a shared machine's speed drifts; pairs keep the ratio honest).
# CPU seconds are printed too (the command's; the server's for the run,
# from /proc, and the client's own): documents per CPU second do not
# depend on how busy the machine is.
# All load goes to 127.0.0.1.  Targets (-j 2, issue 16): serve >= 80% of
# the command's documents/s; p99 of one 3 KB article < 20 ms on an idle
# machine (look at the load average printed first).
#
# usage: bench/bench-serve.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR  the shared folder (default: ../shared)
#        RUNS=N             rounds (default 3); CLIENTS="2 4 8" (default)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
corpus=$shared/data/corpus/bbc-news.jsonl
runs=${RUNS:-3}
clients=${CLIENTS:-2 4 8}

if [ ! -f "$corpus" ]; then
  echo "bench-serve: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
command -v python3 > /dev/null || { echo "bench-serve: needs python3"; exit 0; }
. "$src/bench/nlpipe-program.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-serve-XXXXXX")
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT

${CC:-cc} -O2 $(pkg-config --cflags glib-2.0) "$src/bench/serve-load.c" \
  $(pkg-config --libs glib-2.0) -o "$tmp/serve-load"

"$nlpipe" serve -q -j 2 --listen 127.0.0.1:0 --max-queue 1024 > "$tmp/url" 2> "$tmp/err" &
server=$!
i=0
while ! grep -q '^listening on ' "$tmp/url" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then echo "bench-serve: the server did not start:"; cat "$tmp/err"; exit 1; fi
  sleep 0.1
done
url=$(sed -n 's|^listening on \(http://127.0.0.1:[0-9]*\)/$|\1|p' "$tmp/url")

docs=$(grep -c . "$corpus")
# the article whose text is closest to 3 KB: its line number from 0
k3=$(python3 -c 'import json,sys
sizes=[len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()]
k=min(range(len(sizes)), key=lambda i: abs(sizes[i]-3000)); print(k, sizes[k])' "$corpus")
k=${k3% *}; k_bytes=${k3#* }

# "WALL CPU" seconds of the command over the corpus
command_secs () {
  t0=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$nlpipe" -q -j 2 -f json "$corpus" > /dev/null
  else
    "$nlpipe" -q -j 2 -f json "$corpus" > /dev/null
    echo "0 0" > "$tmp/time"
  fi
  t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) '{ printf "%.3f %.3f", ns / 1e9, $1 + $2 }' "$tmp/time"
}
# the server's CPU seconds so far (user + system, from /proc)
server_cpu () {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$server/stat"
}
field () { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

"$tmp/serve-load" "$url" "$corpus" --clients 4 > /dev/null   # warm-up
: > "$tmp/rows"
r=1
while [ $r -le "$runs" ]; do
  cmd=$(command_secs)
  cmd_dps=$(awk -v n="$docs" -v s="${cmd%% *}" 'BEGIN { printf "%.1f", n / s }')
  echo "command $r $cmd_dps - - 0 1 ${cmd##* } -" >> "$tmp/rows"
  for n in $clients; do
    c0=$(server_cpu)
    line=$("$tmp/serve-load" "$url" "$corpus" --clients "$n")
    c1=$(server_cpu)
    echo "serve-$n $r $(echo "$line" | field docs_per_s) $(echo "$line" | field p50_ms)" \
         "$(echo "$line" | field p99_ms) $(echo "$line" | field errors)" \
         "$(awk -v a="$(echo "$line" | field docs_per_s)" -v b="$cmd_dps" \
              'BEGIN { printf "%.3f", a / b }')" \
         "$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.3f", b - a }')" \
         "$(echo "$line" | field cpu_s)" >> "$tmp/rows"
  done
  r=$((r + 1))
done
lat=$("$tmp/serve-load" "$url" "$corpus" --clients 1 --requests 500 --only "$k")

echo "BBC News: $docs documents; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
     "$runs rounds, medians"
printf '%-24s %10s %9s %9s %10s %9s %9s\n' run docs/s p50_ms p99_ms "x command" "cpu s" "client s"
# median of column $2 of the rows named $1
median () {
  awk -v name="$1" -v col="$2" '$1 == name { v[n++] = $col } END {
    for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    printf "%s", n ? v[int((n - 1) / 2)] : "-" }' "$tmp/rows"
}
printf '%-24s %10s %9s %9s %10s %9s %9s\n' "nlpipe -j 2 -f json" "$(median command 3)" - - 1.000 \
  "$(median command 8)" -
best_ratio=0
for n in $clients; do
  printf '%-24s %10s %9s %9s %10s %9s %9s\n' "serve -j 2, $n clients" "$(median serve-$n 3)" \
    "$(median serve-$n 4)" "$(median serve-$n 5)" "$(median serve-$n 7)" \
    "$(median serve-$n 8)" "$(median serve-$n 9)"
  best_ratio=$(awk -v a="$best_ratio" -v b="$(median serve-$n 7)" 'BEGIN { print (b > a ? b : a) }')
done
errors=$(awk '$1 ~ /^serve/ { e += $6 } END { print e + 0 }' "$tmp/rows")
echo
echo "one article of $k_bytes bytes, one client, 500 requests:" \
     "p50 $(echo "$lat" | field p50_ms) ms, p99 $(echo "$lat" | field p99_ms) ms," \
     "max $(echo "$lat" | field max_ms) ms"
awk -v r="$best_ratio" -v p99="$(echo "$lat" | field p99_ms)" -v e="$errors" 'BEGIN {
  printf "serve vs command, best client count: %.0f%% of the command'"'"'s documents/s (target >= 80%%)\n", r * 100
  printf "p99 of one 3 KB article:             %.2f ms (target < 20 ms on an idle machine)\n", p99
  if (e > 0) printf "ERRORS: %d requests were not answered 200\n", e
}'
