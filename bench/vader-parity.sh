#!/bin/sh
# VADER parity on the full reference files (not shipped with nlpipe): the
# 15,795 human-rated sentences of reference.nyt-movie.tsv and the 63 edge
# cases of quirk_cases.tsv, scored by the sentiment stage's scorer and
# compared with the reference module's printed scores (neg/neu/pos at 3
# decimals, compound at 4).  Also shows what the fix-but option changes.
#
# usage: bench/vader-parity.sh [BUILD_DIR]    (default: the current directory)
#        NLPIPE_SHARED=DIR: the shared folder (default ../shared); NLPIPE_BUILD=DIR: the build dir
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${NLPIPE_BUILD:-.}}
data=${NLPIPE_SHARED:-$(cd "$src/.." && pwd)/shared}/data/sentiment

if [ ! -f "$data/reference.nyt-movie.tsv" ]; then
  echo "vader-parity: no reference files in $data (they are not shipped);" \
       "set NLPIPE_SHARED to the folder holding data/sentiment/ to run it"
  exit 0
fi
make -s -C "$build" tests/vader-score >/dev/null
score="$build/tests/vader-score --data $src/plugins/sentiment/data"

echo "== reference quirks kept (the default) =="
status=0
$score --compare --show 5 "$data/reference.nyt-movie.tsv" "$data/quirk_cases.tsv" || status=$?
echo "== with the fix-but option (rows that differ are the ones it changes) =="
$score --compare --show 0 --fix-but "$data/reference.nyt-movie.tsv" "$data/quirk_cases.tsv" || true
exit $status
