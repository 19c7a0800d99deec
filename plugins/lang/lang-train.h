/* lang-train.h — training a language model (lang-model.h) from a corpus.
 *
 * A corpus is a folder of LANG.txt files (one sentence or paragraph per
 * line) and LANG.words files (WORD<TAB>COUNT per line, a word frequency
 * list), LANG being the code the model reports (ISO 639-1).  The model
 * is naive Bayes over hashed n-grams (lang-features.h): each language's
 * n-gram frequencies from its sentences, mixed with those of its word
 * list, smoothed, as log-probabilities relative to the likeliest
 * language of each row, quantised to a byte.
 */
#ifndef LANG_TRAIN_H
#define LANG_TRAIN_H

#include <glib.h>
#include "lang-model.h"

G_BEGIN_DECLS

typedef struct {
  const char        *corpus;       /* the folder */
  const char *const *languages;    /* NULL: every LANG.txt / LANG.words */
  guint              bits;         /* table rows: 1 << bits */
  guint              orders;       /* bit k: k-grams are features */
  double             alpha;        /* additive smoothing per row */
  double             word_power;   /* a listed word counts COUNT^word_power */
  double             word_share;   /* the word list's share of a language's n-grams */
  /* "LANE=X,LANE=X": word_share for these lanes (word lists that mix
   * close languages, as subtitles labelled sr or hr do) */
  const char        *word_shares;
  double             clip_nats;    /* penalties beyond this are clipped */
  double             holdout;      /* share of sentences kept out to calibrate */
  guint              seed;
  guint              epochs;       /* refinement passes (0: naive Bayes only) */
  double             rate;         /* the refinement's learning rate */
  guint              word_sentences; /* sentences drawn from each word list */
  gboolean           verbose;      /* progress on stderr */
} LangTrainOptions;

void       lang_train_options_init (LangTrainOptions *options);

/* (transfer full) the trained model, or NULL with an error naming the
 * file and line at fault. */
LangModel *lang_train (const LangTrainOptions *options, GError **error);

G_END_DECLS

#endif
