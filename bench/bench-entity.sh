#!/bin/sh
# Entity stage speed on the BBC News corpus (2,225 articles, 5 MB; research
# data, not shipped), single-threaded, two passes (doc-features=true, the
# default).  Target: >= 1M tokens/s.
#
# nlpipe -j 1 --profile prints the CPU time of each stage; the entity line
# is the tagger alone (both passes, rules, summary).  Tokens are counted
# once with the tokenize stage (python3 reads its JSON).
#
# usage: bench/bench-entity.sh [BUILD_DIR]  (default: the current directory)
#        NLPIPE_SHARED=DIR: the shared folder (default ../shared)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${NLPIPE_BUILD:-.}}
corpus=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}/data/corpus/bbc-news.jsonl

if [ ! -f "$corpus" ]; then
  echo "bench-entity: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
make -s -C "$build" core/nlpipe plugins/tokenize.la plugins/sentence.la \
     plugins/entity.la >/dev/null

tokens=$("$build/core/nlpipe" -p tokenize -f json "$corpus" 2>/dev/null | python3 -c '
import json, sys
print(sum(len(json.loads(l)["layers"]["token"]) for l in sys.stdin))')
echo "== entity stage in nlpipe -j 1 -p tokenize,sentence,entity -f none ($tokens tokens) =="
for run in 1 2 3; do
  "$build/core/nlpipe" -j 1 -p tokenize,sentence,entity -f none --profile \
    "$corpus" 2>&1 | awk -v tokens="$tokens" '
    $1 == "entity" { printf "  entity %s s  %.2f M tokens/s\n", $2, tokens / $2 / 1e6 }'
done
echo "== one pass only (--set entity.doc-features=false) =="
"$build/core/nlpipe" -j 1 -p tokenize,sentence,entity -f none --profile \
  --set entity.doc-features=false "$corpus" 2>&1 | awk -v tokens="$tokens" '
  $1 == "entity" { printf "  entity %s s  %.2f M tokens/s\n", $2, tokens / $2 / 1e6 }'
