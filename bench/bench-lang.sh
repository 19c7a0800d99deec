#!/bin/sh
# Language detection on held-out sentences, one sentence a document, all in
# one run: nlpipe's detector (nlpipe-lang eval: accuracy by length band,
# close-language confusion tables, MB/s on one thread), the lang stage
# through nlpipe (-j 1, the whole command), and franc 6.2.0 (npm, its
# default languages and restricted to nlpipe's), scored the same way by
# bench/lang-score.py.
#
# The test set is FLORES-200 (through SIB-200) and Tatoeba (through LASER),
# never trained on: plugins/lang/make-corpus.py --test-only builds it from
# the sources in plugins/lang/data/sources.tsv (downloaded, or copies given
# with NLPIPE_LANG_SOURCES=DIR, see make-corpus.py), shuffled here so that
# languages come mixed, as in a news feed.  Targets: >= 99% on sentences
# of 40 characters or more, >= 97% on 20-40, >= 100 MB/s on one thread.
#
# usage: bench/bench-lang.sh [BUILD_DIR]    (default: $NLPIPE_BUILD or .)
#        NLPIPE_LANG_TEST=FILE: a test set already built (LANG SET SENTENCE)
#        NLPIPE_LANG_SOURCES=DIR: copies of the source repositories
#        NO_FRANC=1: skip franc
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
shared=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/nlpipe-lang
test_set=${NLPIPE_LANG_TEST:-$cache/test/test.tsv}

if [ ! -f "$test_set" ]; then
  echo "bench-lang: building the test set in $cache/test"
  if ! python3 "$src/plugins/lang/make-corpus.py" --test-only --shared "$shared" \
         ${NLPIPE_LANG_SOURCES:+--mirror "$NLPIPE_LANG_SOURCES"} "$cache/test"; then
    echo "bench-lang: no test set: make-corpus.py needs the sources of" \
         "plugins/lang/data/sources.tsv (github.com, or NLPIPE_LANG_SOURCES=DIR);" \
         "or give NLPIPE_LANG_TEST=FILE"
    exit 0
  fi
fi
make -s -C "$build" core/nlpipe plugins/lang.la plugins/lang/nlpipe-lang >/dev/null
nlpipe="$build/core/nlpipe"
lang_tool="$build/plugins/lang/nlpipe-lang"
# time the programs themselves, not libtool's wrapper scripts
if [ -x "$build/core/.libs/nlpipe" ] && head -c 2 "$nlpipe" | grep -q '#!'; then
  nlpipe="$build/core/.libs/nlpipe"
  LD_LIBRARY_PATH="$build/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export LD_LIBRARY_PATH
fi
if [ -x "$build/plugins/lang/.libs/nlpipe-lang" ]; then
  lang_tool="$build/plugins/lang/.libs/nlpipe-lang"
fi
model="$src/plugins/lang/data/lang.model"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-lang-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$test_set" "$tmp" <<'PY'
import json, random, sys
rows = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
random.Random(1).shuffle(rows)
with open(sys.argv[2] + "/test.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
with open(sys.argv[2] + "/test.jsonl", "w", encoding="utf-8") as f:
    for i, r in enumerate(rows):
        f.write(json.dumps({"id": str(i), "text": r.split("\t", 2)[2]}, ensure_ascii=False) + "\n")
PY
echo "bench-lang: $(wc -l < "$tmp/test.tsv") sentences, $(cut -f1 "$tmp/test.tsv" | tr '|' '\n' | sort -u | wc -l) languages;" \
     "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== nlpipe-lang eval (the detector, in memory, CPU time of one thread)"
"$lang_tool" eval --model "$model" --runs 10 "$tmp/test.tsv" | grep -v '^model'
"$lang_tool" detect --model "$model" --tsv "$tmp/test.tsv" 2>/dev/null | cut -f1 > "$tmp/nlpipe.pred"

echo
echo "== the lang stage: nlpipe -j 1 -p lang on one JSON Lines document a sentence"
t0=$(date +%s%N)
/usr/bin/time -f "%U %S" -o "$tmp/time" "$nlpipe" -q -j 1 -p lang -f json "$tmp/test.jsonl" > "$tmp/stage.jsonl"
t1=$(date +%s%N)
python3 - "$tmp/stage.jsonl" "$tmp/nlpipe.pred" "$tmp/test.tsv" "$tmp/time" "$((t1 - t0))" <<'PY'
import json, sys
stage = [json.loads(l)["attributes"]["lang"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
open(sys.argv[1] + ".pred", "w").write("\n".join(stage) + "\n")
tool = [l.strip() for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
size = sum(len(l.split("\t", 2)[2].encode()) for l in open(sys.argv[3], encoding="utf-8") if l.strip())
user, system = map(float, open(sys.argv[4]).read().split()[:2])
wall = int(sys.argv[5]) / 1e9
same = sum(a == b for a, b in zip(stage, tool))
print(f"{len(stage)} documents, {size / 1e6:.2f} MB of text: {wall:.3f} s wall, {user + system:.3f} s CPU "
      f"({size / wall / 1e6:.1f} MB/s, the whole command: start-up, JSON in and out);"
      f" doc.lang equals nlpipe-lang detect's answer for {same} of {len(stage)}")
PY

scores="nlpipe=$tmp/stage.jsonl.pred"
if [ -z "${NO_FRANC:-}" ] && command -v node > /dev/null 2>&1 && command -v npm > /dev/null 2>&1; then
  echo
  echo "== franc 6.2.0 (node $(node --version)), processing time only"
  if sh "$src/bench/peers/run-franc.sh" "$tmp/test.tsv" > "$tmp/franc.pred" 2> "$tmp/franc.err" &&
     sh "$src/bench/peers/run-franc.sh" --only "$tmp/test.tsv" > "$tmp/franc-only.pred" 2>> "$tmp/franc.err"; then
    cat "$tmp/franc.err"
    scores="$scores franc=$tmp/franc.pred franc-only-nlpipe-languages=$tmp/franc-only.pred"
  else
    echo "bench-lang: franc did not run (needs npm to install franc@6.2.0): $(tail -n 1 "$tmp/franc.err")"
  fi
fi

# shellcheck disable=SC2086
python3 "$src/bench/lang-score.py" "$tmp/test.tsv" $scores
