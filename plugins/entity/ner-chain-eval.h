/* ner-chain-eval.h — scoring the whole nlpipe chain on a BIO file. */
#ifndef NER_CHAIN_EVAL_H
#define NER_CHAIN_EVAL_H

#include <stdio.h>
#include "ner-bio.h"

G_BEGIN_DECLS

/* Joins each document's tokens into text (a space between tokens, a
 * newline between sentences), runs the default chain (with @sets, and
 * entity.model=@model when not NULL) and scores the entity layer against
 * the gold tags: a token takes the label of the entity covering it.
 * @predictions, when not NULL, gets token, gold and predicted tags. */
gboolean ner_chain_evaluate (const NerCorpus *corpus, const char *const *sets,
                             const char *model, NerScore *score,
                             FILE *predictions, GError **error);

G_END_DECLS

#endif
