#!/bin/sh
# Soak: a generated mixed JSON Lines stream (default 1 GB) with ~5 % bad
# records of every kind a stream can carry (docs/robustness.md), run at
# -j 1 and -j 2.  Checks and prints:
#   - accounting: read = written + failed (the summary line), and what the
#     generator expects (good records written, bad ones failed);
#   - order: the ids of the output (g/b + a sequence number) increase;
#   - -j 1 and -j 2 write byte-identical output (SHA-256 of the stream);
#   - flat memory: peak RSS over the whole stream against over its first
#     tenth (GNU time's maximum resident set size).
# The output is checked as it streams (never stored).  Not a test in make
# check; a mismatch is printed as MISMATCH and makes the exit status 1.
#
# usage: bench/bench-soak.sh [BUILD_DIR]   (default: $NLPIPE_BUILD or .)
#        SIZE=20M (or 1G, the default; K, M, G suffixes) the stream's size
#        CHAIN=STAGES (default tokenize,sentence); MAXDOC=N (--max-doc-bytes,
#        default 100000); DEPTH=N the nesting of the deep records (100000)
#        NLPIPE_SHARED=DIR: texts from data/corpus/bbc-news.jsonl when
#        present (else generated sentences)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
size=${SIZE:-1G}
chain=${CHAIN:-tokenize,sentence}
maxdoc=${MAXDOC:-100000}
depth=${DEPTH:-100000}
nlpipe="$build/core/nlpipe"

if [ ! -x /usr/bin/time ]; then
  echo "bench-soak: needs GNU time (Debian package time)"
  exit 0
fi
make -s -C "$build" core/nlpipe >/dev/null
bytes=$(echo "$size" | awk '{ n = $1 + 0; u = toupper (substr ($1, length ($1)));
  if (u == "K") n *= 1e3; else if (u == "M") n *= 1e6; else if (u == "G") n *= 1e9;
  printf "%d", n }')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the stream, and what it should give: "good bad_failed no_doc"
python3 - "$bytes" "$maxdoc" "$depth" "$shared/data/corpus/bbc-news.jsonl" \
  "$work/stream.jsonl" "$work/prefix.jsonl" > "$work/expect" <<'EOF'
import json, os, random, sys
total, maxdoc, depth, corpus, out, prefix = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
rnd = random.Random(15)
if os.path.exists(corpus):
    texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
else:
    words = "the summit ended in Anchorage on Friday and both leaders spoke of peace talks in Geneva next week".split()
    texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(50, 400))).capitalize() + "." for _ in range(500)]
seq = 0
good = failed = nodoc = 0
def rec(kind, text):
    global seq
    seq += 1
    return json.dumps({"id": "%s%010d" % (kind, seq), "text": text}, ensure_ascii=False)
kinds = ["cr", "multi", "deep", "hugeid", "notjson", "blank", "badutf8", "overlimit"]
written = 0
with open(out, "wb") as f:
    k = 0
    while written < total:
        if rnd.random() >= 0.05:
            line = rec("g", rnd.choice(texts)).encode() + b"\n"
            good += 1
        else:
            kind = kinds[k % len(kinds)]
            k += 1
            if kind == "cr":          # two good records, CR line ends
                line = (rec("g", rnd.choice(texts)) + "\r" + rec("g", rnd.choice(texts)) + "\r\n").encode()
                good += 2
            elif kind == "multi":     # two values on one line: both read, or the line fails
                line = (rec("m", rnd.choice(texts)) + rec("m", rnd.choice(texts)) + "\n").encode()
                nodoc += 1
            elif kind == "deep":      # an extra member nested very deep
                seq += 1
                line = ('{"id":"b%010d","text":"deep","x":' % seq + "[" * depth + "]" * depth + "}\n").encode()
                if depth >= 10000:    # past any nesting limit: must fail
                    failed += 1
                else:
                    nodoc += 1
            elif kind == "hugeid":    # an id outside 64 bits: kept or rejected
                seq += 1
                line = ('{"id":123456789012345678901234567890%d,"text":"A huge id."}\n' % seq).encode()
                nodoc += 1
            elif kind == "notjson":
                line = b"not json\n"
                failed += 1
            elif kind == "blank":
                line = b"\n"
                nodoc += 1
            elif kind == "badutf8":
                line = rec("b", "Caf").encode()[:-1] + b'\xe9 au lait"}\n'
                failed += 1
            else:                     # over --max-doc-bytes
                line = rec("b", "word " * (maxdoc // 5 + 100)).encode() + b"\n"
                failed += 1
        f.write(line)
        written += len(line)
# the first tenth, for the memory comparison
with open(out, "rb") as f, open(prefix, "wb") as p:
    n = 0
    for line in f:
        p.write(line)
        n += len(line)
        if n >= total // 10:
            break
print(good, failed, nodoc)
EOF
set -- $(cat "$work/expect")
exp_good=$1 exp_failed=$2 exp_other=$3

# check: SHA-256, output lines, g-ids written, ids out of order
cat > "$work/check.py" <<'EOF'
import hashlib, re, sys
h = hashlib.sha256()
pat = re.compile(rb'^\{"nlpipe":1,"id":"([gbm])(\d{10})"')
lines = goods = bad_order = 0
last = -1
for line in sys.stdin.buffer:
    h.update(line)
    lines += 1
    m = pat.match(line)
    if m:
        v = int(m.group(2))
        goods += m.group(1) == b"g"
        if v <= last:
            bad_order += 1
        last = v
print(h.hexdigest(), lines, goods, bad_order)
EOF

# run JOBS FILE: "read written failed peakKB seconds sha lines goods bad_order"
run () {
  (rc=0; /usr/bin/time -f "%M %e" -o "$work/time" "$nlpipe" -j "$1" -p "$chain" \
     --max-doc-bytes "$maxdoc" --input-format=jsonl -f json "$2" 2> "$work/err" || rc=$?; \
   echo $rc > "$work/rc") | python3 "$work/check.py" > "$work/sum"
  summary=$(grep ' read, ' "$work/err" | tail -1)
  if [ -z "$summary" ]; then
    echo "  MISMATCH: no summary line (exit $(cat "$work/rc"); 139: a crash): $(grep -v ' read, ' "$work/err" | tail -1)" >&2
    summary="nlpipe: 0 documents read, 0 written, 1 failed"    # (never balances)
  fi
  echo "$summary" | sed 's/.*: \([0-9]*\) documents\{0,1\} read, \([0-9]*\) written, \([0-9]*\) failed.*/\1 \2 \3/' \
    | tr '\n' ' '
  tail -1 "$work/time" | tr '\n' ' '
  cat "$work/sum"
}

echo "soak: $(wc -c < "$work/stream.jsonl") bytes, chain $chain, --max-doc-bytes $maxdoc," \
     "$exp_good good records, $exp_failed that must fail, $exp_other others (blank lines, huge ids, two values on a line)"
status=0
for j in 1 2; do
  set -- $(run "$j" "$work/stream.jsonl")
  read=$1 wr=$2 fl=$3 kb=$4 secs=$5 sha=$6 goods=$8 disorder=$9
  set -- $(run "$j" "$work/prefix.jsonl")
  kb_prefix=$4
  eval "sha_$j=$sha"
  printf -- "-j %d: %d read, %d written, %d failed; %.1f s; peak RSS %d KB (first tenth: %d KB, ratio %.2f)\n" \
    "$j" "$read" "$wr" "$fl" "$secs" "$kb" "$kb_prefix" "$(echo "$kb $kb_prefix" | awk '{ print $1 / $2 }')"
  if [ "$read" -ne $((wr + fl)) ]; then
    echo "  MISMATCH: read $read != written $wr + failed $fl"; status=1
  else
    echo "  read = written + failed: ok"
  fi
  if [ "$goods" -ne "$exp_good" ]; then
    echo "  MISMATCH: $goods of $exp_good good records written (records after a CR line end need the JSON Lines fixes)"; status=1
  else
    echo "  good records written: all $goods"
  fi
  if [ "$fl" -lt "$exp_failed" ]; then
    echo "  MISMATCH: $fl failed, at least $exp_failed bad records must fail"; status=1
  fi
  if [ "$disorder" -ne 0 ]; then
    echo "  MISMATCH: $disorder ids out of order"; status=1
  else
    echo "  output order: ids increasing"
  fi
done
if [ "$sha_1" = "$sha_2" ]; then
  echo "-j 1 and -j 2 outputs: byte-identical (sha256 $sha_1)"
else
  echo "MISMATCH: -j 1 and -j 2 outputs differ"; status=1
fi
exit $status
