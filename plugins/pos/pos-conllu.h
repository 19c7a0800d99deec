/* pos-conllu.h — the words of CoNLL-U files, for training and scoring.
 *
 * Reads the word lines of every sentence (multiword token ranges and
 * empty nodes are skipped) with their FORM, LEMMA, UPOS and XPOS.
 */
#ifndef POS_CONLLU_H
#define POS_CONLLU_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *form, *lemma, *upos, *xpos;   /* owned by the corpus */
  guint32     form_len;
  guint8      space_after;  /* no SpaceAfter=No (a word inside a multiword
                               token has none; its last one the token's) */
} PosGoldWord;

typedef struct {
  GArray       *words;       /* PosGoldWord */
  GArray       *sentences;   /* guint: index of each sentence's first word,
                                then the word count as the last entry */
  GStringChunk *strings;
} PosCorpus;

/* (transfer full) an empty corpus. */
PosCorpus *pos_corpus_new (void);
void       pos_corpus_free (PosCorpus *corpus);
/* Appends the sentences of @path; FALSE with NLP_ERROR_DATA naming the
 * file and line of the first malformed line. */
gboolean   pos_corpus_add_file (PosCorpus *corpus, const char *path, GError **error);

static inline guint
pos_corpus_n_sentences (const PosCorpus *corpus)
{
  return corpus->sentences->len - 1;
}

/* The words of sentence @s: *@n of them. */
static inline const PosGoldWord *
pos_corpus_sentence (const PosCorpus *corpus, guint s, guint *n)
{
  guint a = g_array_index (corpus->sentences, guint, s);
  *n = g_array_index (corpus->sentences, guint, s + 1) - a;
  return &g_array_index (corpus->words, PosGoldWord, a);
}

G_END_DECLS

#endif
