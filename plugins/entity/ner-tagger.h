/* ner-tagger.h — decoding: Viterbi over BIO labels, two passes per
 * document.
 *
 * Pass 1 labels every sentence from its own features.  Pass 2 adds the
 * document features (what pass 1 said about the same word elsewhere) and
 * decodes again only the sentences where one fired, reusing the pass-1
 * scores: "Putin" after "Vladimir Putin" stays PER for the price of a few
 * look-ups.  A NerWork holds all per-document scratch; it belongs to one
 * thread and grows to the largest document seen.
 */
#ifndef NER_TAGGER_H
#define NER_TAGGER_H

#include "ner-features.h"
#include "ner-model.h"
#include "ner-score.h"

G_BEGIN_DECLS

typedef struct {
  NerToks  toks;
  guint    cap;            /* tokens the arrays below hold */
  guint    n_tokens;       /* of the document last tagged */
  float   *emit;           /* cap * stride: pass-1 scores */
  guint8  *back;           /* cap * stride: Viterbi back-pointers */
  guint32 *feats;          /* features of every token, cap * NER_MAX_FEATURES */
  guint8  *nfeats;
  guint8  *labels;         /* cap: pass-1 labels */
  NerScoreMemo *score;     /* loaded models: per-word memos (ner-score.h) */
  /* document word map (pass 2) */
  guint    map_mask;
  guint64 *map_key;
  guint32 *map_count;      /* per slot: total, per type, per type multi-word */
  guint   *map_used;
  guint    map_n_used;
  float   *map_score;      /* per slot: summed score per type, then count */
} NerWork;

NerWork *ner_work_new  (void);
void     ner_work_free (NerWork *work);

/* Labels every token of @doc into @labels (doc->n_tokens bytes, label
 * numbers as in ner-model.h).  @gaz may be NULL. */
void     ner_tag (const NerModel *model, const NerGazetteer *gaz,
                  const NerDoc *doc, gboolean two_pass, NerWork *work,
                  guint8 *labels);

/* What a rule after the decoding forces on the labels of [@a, @b): B and
 * I of @label's type (@label is a B label); the emission scores of the
 * forced labels get NER_FORCE_BONUS, so that the confidence of the entity
 * (ner-confidence.h) and the document's choice of one type per name
 * follow the rule.  An entity that ran on past @b starts after it. */
#define NER_FORCE_BONUS 1e4f
void     ner_work_force (NerWork *work, const NerModel *model, guint8 *labels,
                         guint a, guint b, guint label);

/* ---- pieces shared with training ---------------------------------------- */

/* Sizes the scratch for @n tokens of @model and computes token properties
 * and the pass-1 features of every token. */
void     ner_work_prepare (NerWork *work, const NerModel *model,
                           const NerGazetteer *gaz, const NerDoc *doc);
/* Adds the weights of @n buckets to @scores (stride floats). */
void     ner_model_score (const NerModel *model, const guint32 *buckets,
                          guint n, float *scores);
/* Transition scores: (n_labels + 1) rows of stride (last = start). */
void     ner_model_transitions (const NerModel *model, float *trans);
/* Best BIO-valid label sequence for @n tokens with emission scores @emit
 * (n * stride) into @out. */
void     ner_viterbi (const NerModel *model, NerWork *work, const float *emit,
                      const float *trans, guint n, guint8 *out);
/* Sets toks.doc for every token from @labels; TRUE when any is set. */
gboolean ner_work_doc_bits (NerWork *work, const NerModel *model,
                            const NerDoc *doc, const guint8 *labels);

G_END_DECLS

#endif
