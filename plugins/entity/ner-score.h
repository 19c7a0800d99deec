/* ner-score.h — pass-1 emission scores of a loaded (quantised) model,
 * with memos of what repeats.
 *
 * A token's score is the integer sum of the weight rows of its features,
 * scaled once.  Most of those rows are the same from one occurrence of a
 * word to the next, and each costs a cache miss in a table of tens of
 * megabytes, so a worker remembers:
 *   - per (word form, position flags): the summed rows of the local
 *     features (ner_features_local), and
 *   - per lower-case word: its rows in the neighbour roles
 *     (ner_features_role_bucket), filled role by role as they are met.
 * Only the other context features are looked up for every token.  Integer
 * sums are exact in any order, so the scores are bit for bit those of
 * summing every feature's row (ner_model_score); both memos are
 * direct-mapped and check their key, so a collision costs a look-up,
 * never a wrong score.
 */
#ifndef NER_SCORE_H
#define NER_SCORE_H

#include "ner-features.h"
#include "ner-model.h"

G_BEGIN_DECLS

typedef struct _NerScoreMemo NerScoreMemo;

/* (transfer full) empty memos; they belong to one thread. */
NerScoreMemo *ner_score_memo_new  (void);
void          ner_score_memo_free (NerScoreMemo *memo);

/* Writes the pass-1 scores of every token of @doc (prepared in @toks
 * with @gaz) to @emit (n_tokens * stride floats), using @feats
 * (n_tokens * NER_MAX_FEATURES) and @nfeats (n_tokens) as scratch.
 * @model must be loaded (qtable set).  The memos are emptied when the
 * model or the word lists differ from the previous call's. */
void          ner_score_quantised (NerScoreMemo *memo, const NerModel *model,
                                   const NerGazetteer *gaz, const NerToks *toks,
                                   const NerDoc *doc, guint32 *feats, guint8 *nfeats,
                                   float *emit);

G_END_DECLS

#endif
