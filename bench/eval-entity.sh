#!/bin/sh
# Entity quality on every open test set of ../shared/data/ner: per-type
# precision, recall and F1 (conlleval: exact span and type) for PER, LOC
# and ORG, scored twice per set:
#
#   chain   the raw text of each document (tokens joined by spaces, a blank
#           line between sentences) through the default nlpipe chain, as a
#           user's articles go (nlpipe-ner eval --chain)
#   tokens  the tagger on the gold tokens (nlpipe-ner eval)
#
# The files have no document marks: every 20 consecutive sentences make a
# document (nlpipe-ner's --doc-sentences default).  None of these sets is
# in the shipped model's training data (docs/training.md).  The output is
# a Markdown table, the one in docs/stages/entity.md, headed by the commit
# it was measured at.
#
# usage: bench/eval-entity.sh [BUILD_DIR]  (default: $NLPIPE_BUILD or .)
#        NLPIPE_SHARED=DIR: the shared folder (default ../shared)
#        EVAL_ARGS="--model M.model": more nlpipe-ner eval options
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${NLPIPE_BUILD:-.}}" && pwd)
ner=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}/data/ner

if [ ! -d "$ner" ]; then
  echo "eval-entity: $ner not found (the open NER test sets are not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/ner/ to run it"
  exit 0
fi
make -s -C "$build" plugins/entity/nlpipe-ner core/nlpipe plugins/tokenize.la \
  plugins/sentence.la plugins/stem.la plugins/entity.la plugins/sentiment.la >/dev/null
tool="$build/plugins/entity/nlpipe-ner"

commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git -C "$src" diff --quiet HEAD -- 2>/dev/null; then
  commit="$commit + uncommitted changes"
fi
echo "Measured at $commit; PER/LOC/ORG, P/R/F1 in %."
echo
echo "| set | input | PER P | PER R | PER F1 | LOC P | LOC R | LOC F1 | ORG P | ORG R | ORG F1 | all P | all R | all F1 |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

# row NAME INPUT [nlpipe-ner eval output on stdin]
row () {
  awk -v name="$1" -v input="$2" '
    { gsub(/%;?/, "") }
    $1 == "overall" { all = sprintf("%.1f | %.1f | %.1f", $3, $5, $7) }
    $1 == "PER" || $1 == "LOC" || $1 == "ORG" {
      cell[$1] = sprintf("%.1f | %.1f | %.1f", $3, $5, $7) }
    END {
      if (all == "") { print "eval-entity: no figures for " name > "/dev/stderr"; exit 1 }
      printf "| %s | %s | %s | %s | %s | %s |\n", name, input, cell["PER"], cell["LOC"],
             cell["ORG"], all }'
}

for set in "UNER EWT test:uner-ewt.test.bio" "wikigold:wikigold.bio" \
           "UNER PUD news:extra/uner_en_pud/news.iob2" "WNUT-17 test:wnut17.test.bio" \
           "BTC test:btc.test.bio"; do
  name=${set%%:*}
  file=$ner/${set#*:}
  if [ ! -f "$file" ]; then
    echo "| $name | (missing: $file) | | | | | | | | | | | | |"
    continue
  fi
  # shellcheck disable=SC2086
  "$tool" eval --chain --types PER,LOC,ORG ${EVAL_ARGS:-} "$file" | row "$name" chain
  # shellcheck disable=SC2086
  "$tool" eval --types PER,LOC,ORG ${EVAL_ARGS:-} "$file" | row "$name" tokens
done
