#!/bin/sh
# Sentiment speed on the BBC News corpus (2,225 articles, 5 MB; research
# data, not shipped), single-threaded.  Target: >= 40 MB/s; the Python
# reference (vaderSentiment) scores about 0.7 MB/s.
#
#  1. the scorer alone: tests/vader-score scores every paragraph of every
#     article (JSON parsing not timed);
#  2. the stage in a pipeline: nlpipe -j 1 --profile, whose sentiment line
#     is the CPU time of the sentiment stage only (tokenize and sentence
#     are needed before it, and timed on their own lines).
#
# usage: bench/bench-sentiment.sh [BUILD_DIR]  (default: the current directory)
#        NLPIPE_SHARED=DIR: the shared folder (default ../shared); NLPIPE_BUILD=DIR: the build dir
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${NLPIPE_BUILD:-.}}
corpus=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}/data/corpus/bbc-news.jsonl

if [ ! -f "$corpus" ]; then
  echo "bench-sentiment: $corpus not found (research data, not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/corpus/ to run it"
  exit 0
fi
make -s -C "$build" tests/vader-score core/nlpipe plugins/tokenize.la \
     plugins/sentence.la plugins/sentiment.la >/dev/null

echo "== scorer alone, one thread (3 runs) =="
for run in 1 2 3; do
  "$build/tests/vader-score" --data "$src/plugins/sentiment/data" \
    --time --jsonl "$corpus"
done
echo "== sentiment stage in nlpipe -j 1 -p tokenize,sentence,sentiment -f none =="
for run in 1 2 3; do
  "$build/core/nlpipe" -j 1 -p tokenize,sentence,sentiment -f none --profile \
    "$corpus" 2>&1 | grep -E '^ +(tokenize|sentence|sentiment) '
done
