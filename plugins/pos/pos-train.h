/* pos-train.h — training the tagger (averaged perceptron) and scoring it
 * on gold words. */
#ifndef POS_TRAIN_H
#define POS_TRAIN_H

#include <stdio.h>
#include "pos-conllu.h"
#include "pos-lexicon.h"
#include "pos-model.h"

G_BEGIN_DECLS

typedef struct {
  guint    epochs;       /* passes over the training sentences */
  guint    seed;         /* of the shuffling between passes */
  gboolean verbose;      /* progress and dev accuracy on stderr */
  const PosLexicon *lexicon;   /* word classes (may be NULL) */
  /* cross-validation: with n_folds > 1, train on the sentences s with
   * s % n_folds != fold only */
  guint    n_folds, fold;
  /* a second pass: the first pass's labels of every training word, and
   * the first pass itself (to tag dev); NULL for a first pass */
  const guint8   *first_labels;
  const PosModel *first_model;
} PosTrainOptions;

/* Accuracy counts on gold words. */
typedef struct {
  guint words;
  guint upos, xpos, both;   /* words whose UPOS / XPOS / both are right */
} PosScore;

/* (transfer full) a model trained on @train; with @dev (may be NULL), the
 * model of the epoch with the best dev accuracy (UPOS and XPOS both
 * right), else that of the last epoch.  NULL with an error when @train
 * has no words or more than POS_MAX_LABELS (UPOS, XPOS) pairs. */
PosModel *pos_train    (const PosTrainOptions *options, const PosCorpus *train,
                        const PosCorpus *dev, GError **error);
/* Tags the gold words of @corpus with @model and counts what is right.
 * @predictions, when not NULL, gets the words with gold and predicted
 * tags: FORM, gold UPOS, XPOS, predicted UPOS, XPOS, tab-separated, a
 * blank line after each sentence. */
void      pos_evaluate (const PosModel *model, const PosLexicon *lexicon,
                        const PosCorpus *corpus, PosScore *score, FILE *predictions);

/* Tags the sentences s of @corpus with s % @n_folds == @fold (every
 * sentence when @n_folds <= 1) and writes each word's label to @labels
 * (one per corpus word; the others are left alone). */
void      pos_tag_corpus (const PosModel *model, const PosLexicon *lexicon,
                          const PosCorpus *corpus, guint n_folds, guint fold, guint8 *labels);

/* Sets the second pass's rescore_below: the lowest first-pass margin
 * (one of the margins' deciles on @dev) at which rescoring fewer words
 * costs at most @tolerance of dev accuracy (UPOS and XPOS right).
 * Prints what it tried when @verbose. */
void      pos_tune_rescore (PosModel *model, const PosLexicon *lexicon, const PosCorpus *dev,
                            double tolerance, gboolean verbose);

G_END_DECLS

#endif
