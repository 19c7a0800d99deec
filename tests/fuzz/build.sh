#!/bin/sh
# Builds (and optionally runs) the libFuzzer target for the tokenize and
# sentence logic with Debian's clang:
#
#   tests/fuzz/build.sh [OUTDIR]                 build OUTDIR/fuzz-tokenize
#   tests/fuzz/build.sh --run SECONDS [OUTDIR]   build, then fuzz that long
#
# Needs: apt-get install -y clang libclang-rt-14-dev libglib2.0-dev
# The scanner and splitter sources are compiled in directly (instrumented
# for coverage, AddressSanitizer, LeakSanitizer and UBSan); the sentence
# data are read from plugins/sentence/data.  The corpus (OUTDIR/corpus) is
# seeded with the example article and the sentence fixtures.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=
if [ "${1:-}" = "--run" ]; then
  seconds=$2
  shift 2
fi
out=${1:-${TMPDIR:-/tmp}/nlpipe-fuzz}
mkdir -p "$out/corpus"
cc=${CC_FUZZ:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "fuzz: $cc not found: apt-get install -y clang libclang-rt-14-dev" >&2
  exit 2
fi

"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$src/plugins/tokenize" -I"$src/plugins/sentence" \
  -DFUZZ_SENTENCE_DATA="\"$src/plugins/sentence/data\"" \
  $(pkg-config --cflags glib-2.0) \
  "$src/tests/fuzz/fuzz-tokenize.c" \
  "$src/plugins/tokenize/tokenizer.c" \
  "$src/plugins/sentence/splitter.c" "$src/plugins/sentence/lexicon.c" \
  $(pkg-config --libs glib-2.0) -o "$out/fuzz-tokenize"
echo "fuzz: built $out/fuzz-tokenize"

cp "$src/examples/articles/"*.txt "$src/tests/fixtures/sentences/"*.txt "$out/corpus/"
if [ -n "$seconds" ]; then
  # -max_len 1 MB lets libFuzzer grow long lines; -timeout flags a slow unit
  # (a non-linear path) as a failure.
  "$out/fuzz-tokenize" -max_total_time="$seconds" -max_len=1048576 -timeout=10 \
    -rss_limit_mb=2048 "$out/corpus"
fi
