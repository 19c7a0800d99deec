#!/bin/sh
# entity-module-symbols.sh — the entity stage module holds only what runs:
# no training, evaluation or corpus-reading code (that is nlpipe-ner's,
# plugins/entity/local.mk).  Reads every symbol of the built module with
# nm, local ones included, and fails on any of those families.  TAP; run
# from the top build directory (as make check does); extra arguments
# (criterion-tap.sh passes --tap=- --jobs=2) are ignored.
set -u
module=plugins/.libs/entity.so
echo "1..2"
if ! command -v nm > /dev/null 2>&1; then
  echo "ok 1 - entity.so symbols # SKIP nm not found (binutils)"
  echo "ok 2 - nlpipe-ner symbols # SKIP nm not found (binutils)"
  exit 0
fi
if [ ! -f "$module" ]; then
  echo "not ok 1 - $module not built"
  echo "not ok 2 - nlpipe-ner symbols # not checked"
  exit 0
fi
# ner_train*, learn_sentence, train_doc/run: training; ner_evaluate,
# ner_score_new/add/f1/print, ner_chain_*: evaluation; ner_corpus_*: BIO
# corpus reading; ner_model_save/new_float: making and writing models
pattern='ner_train|learn_sentence|train_doc|train_run|ner_evaluate|ner_score_(new|add|f1|print|free)\b|ner_chain_|ner_corpus_|ner_model_save|ner_model_new_float'
found=$(nm "$module" | awk '{ print $NF }' | grep -E "$pattern" || true)
if [ -z "$found" ]; then
  echo "ok 1 - entity.so has no training, evaluation or corpus symbols"
else
  echo "not ok 1 - entity.so carries training/evaluation/corpus code:"
  echo "$found" | sed 's/^/#   /'
fi
# the check sees those symbols where they are: in the tool
tool=plugins/entity/.libs/nlpipe-ner
[ -f "$tool" ] || tool=plugins/entity/nlpipe-ner
if nm "$tool" 2> /dev/null | grep -Eq 'ner_train|ner_corpus_add_file'; then
  echo "ok 2 - nlpipe-ner holds the training code the check looks for"
else
  echo "not ok 2 - no training symbol in $tool: the pattern no longer matches the code"
fi
