/* ner-bio.h — annotated corpora in BIO (CoNLL) files, and conlleval
 * scoring.
 *
 * File format: one token per line, the tag in the last whitespace-separated
 * column (IOB2; IOB1 and BIOES are read too), a blank line between
 * sentences, "-DOCSTART-" lines between documents.  Files without document
 * marks are cut into documents of a fixed number of sentences so the
 * document features have something to see.
 */
#ifndef NER_BIO_H
#define NER_BIO_H

#include <stdio.h>
#include <glib.h>
#include "ner-features.h"
#include "ner-model.h"

G_BEGIN_DECLS

typedef struct {
  GStringChunk *strings;
  GPtrArray    *text;       /* (const char *) per token, in strings */
  GArray       *len;        /* guint32 per token */
  GPtrArray    *tag;        /* (const char *) gold tag per token: "B-PER", "O" */
  GArray       *sent;       /* guint: first token of each sentence, + end */
  GArray       *doc;        /* guint: first sentence of each document, + end */
} NerCorpus;

NerCorpus *ner_corpus_new  (void);
void       ner_corpus_free (NerCorpus *corpus);
/* Appends the sentences of @path; without -DOCSTART- lines every
 * @doc_sentences sentences make a document (0: the whole file). */
gboolean   ner_corpus_add_file (NerCorpus *corpus, const char *path,
                                guint doc_sentences, GError **error);
guint      ner_corpus_n_docs   (const NerCorpus *corpus);
guint      ner_corpus_n_sents  (const NerCorpus *corpus);
guint      ner_corpus_n_tokens (const NerCorpus *corpus);
/* A view of document @d; @sent_buf holds its sentence offsets. */
void       ner_corpus_doc (const NerCorpus *corpus, guint d, NerDoc *out,
                           GArray *sent_buf);
/* First token of document @d. */
guint      ner_corpus_doc_start (const NerCorpus *corpus, guint d);
/* Gold label numbers for @model (unknown types become O). (transfer full) */
guint8    *ner_corpus_labels (const NerCorpus *corpus, const NerModel *model);
/* (transfer full) the types of the corpus's tags, sorted by frequency,
 * NULL-terminated. */
char     **ner_corpus_types (const NerCorpus *corpus);

/* conlleval: exact span and type. */
typedef struct _NerScore NerScore;

NerScore  *ner_score_new  (const char *const *types);   /* NULL: all types */
void       ner_score_free (NerScore *score);
/* Adds one sentence: @gold and @pred are its @n tags. */
void       ner_score_add  (NerScore *score, const char *const *gold,
                           const char *const *pred, guint n);
/* Overall micro F1 in [0, 100]. */
double     ner_score_f1   (const NerScore *score);
/* Prints conlleval-style lines: per type and overall P/R/F1. */
void       ner_score_print (const NerScore *score, FILE *out);

G_END_DECLS

#endif
