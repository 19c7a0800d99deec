#!/bin/sh
# test-layers.sh — the include rule of docs/architecture.md: every file of
# core/ belongs to one layer and includes only headers of its own layer or
# of the layers below it; the command (core/cli/) includes only the
# library's public headers.  Prints TAP; run by make check.
set -u
src=${NLP_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$src/core" || exit 2

# layer_of FILE: the layer a file of core/ belongs to
layer_of () {
  case $1 in
    nlp-error.*|nlp-arena*|nlp-utf8-*|nlp-dtoa*|nlp-json-out*|nlp-json-append*|nlp-names*|nlp-version.h*) echo base ;;
    nlp-layer*|nlp-document*|nlp-json-text*|nlp-access*) echo model ;;
    nlpipe-stage.h|nlp-options*|nlp-stage-env*) echo contract ;;
    nlp-registry*|nlp-paths*) echo registry ;;
    nlp-chain-spec*|nlp-pipeline*|nlp-describe*) echo chain ;;
    nlp-reader*|nlp-jsonl-*|nlp-line-reader*|writers/*) echo io ;;
    nlp-runner*|nlp-processor*) echo run ;;
    nlpipe.h|nlp-types.*) echo api ;;
    cli/*) echo cli ;;
    *) echo unknown ;;
  esac
}
# may A B: whether layer A may include a header of layer B
may () {
  case "$1:$2" in
    *:base) return 0 ;;
    model:model) return 0 ;;
    contract:model|contract:contract) return 0 ;;
    registry:model|registry:contract|registry:registry) return 0 ;;
    chain:model|chain:contract|chain:registry|chain:chain) return 0 ;;
    io:model|io:io) return 0 ;;
    run:model|run:contract|run:registry|run:chain|run:io|run:run) return 0 ;;
    api:*) [ "$2" != cli ] ;;
    *) return 1 ;;
  esac
}
public=" $(sed -n '/^nlpipeinclude_HEADERS/,/[^\\]$/p' local.mk | tr ' \t\\' '\n\n\n' | sed -n 's|^core/\(writers/\)\{0,1\}||p' | tr '\n' ' ') nlp-version.h "

n=0 failed=0
bad=
unknown=
for f in *.c *.h writers/*.c writers/*.h cli/*.c cli/*.h; do
  [ -f "$f" ] || continue
  from=$(layer_of "$f")
  [ "$from" = unknown ] && { unknown="$unknown $f"; continue; }
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    [ "$inc" = config.h ] && continue
    if [ "$from" = cli ]; then
      case $inc in cli-*.h|atomic-file.h) continue ;; esac
      case $public in *" $inc "*) continue ;; esac
      bad="$bad $f->$inc(private)"
      continue
    fi
    if [ -f "$inc" ]; then to=$(layer_of "$inc"); else to=$(layer_of "writers/$inc"); fi
    may "$from" "$to" || bad="$bad $f($from)->$inc($to)"
  done
done
n=$((n + 1))
if [ -z "$unknown" ]; then echo "ok $n - every file of core/ has a layer"
else failed=1; echo "not ok $n - every file of core/ has a layer"; printf '# %s\n' $unknown; fi
n=$((n + 1))
if [ -z "$bad" ]; then echo "ok $n - every include goes to the same layer or a lower one"
else failed=1; echo "not ok $n - every include goes to the same layer or a lower one"; printf '# %s\n' $bad; fi
echo "1..$n"
exit $failed
