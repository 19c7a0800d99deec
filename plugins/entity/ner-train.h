/* ner-train.h — averaged structured perceptron (Collins 2002) over the
 * tagger's features, with the second (document) pass trained on the
 * first pass's own predictions so it learns how far to trust them. */
#ifndef NER_TRAIN_H
#define NER_TRAIN_H

#include "ner-bio.h"
#include "ner-tagger.h"
#include "ner-model-write.h"

G_BEGIN_DECLS

typedef struct {
  guint        epochs;        /* maximum number of passes over the data */
  guint        bits;          /* weight table of 1 << bits rows */
  const char *const *types;   /* types to learn (others become O); NULL: all */
  guint        seed;          /* document shuffling */
  gboolean     verbose;       /* one line per epoch on stderr */
} NerTrainOptions;

/* (transfer full) the averaged model of the epoch with the best dev F1
 * (the last epoch without @dev), or NULL with @error set. */
NerModel *ner_train (const NerTrainOptions *opts, const NerCorpus *train,
                     const NerCorpus *dev, const NerGazetteer *gaz,
                     GError **error);

/* Tags every document of @corpus with @model; fills @score (whose types
 * decide what counts).  @doc_features: the second pass. */
void      ner_evaluate (const NerModel *model, const NerGazetteer *gaz,
                        const NerCorpus *corpus, gboolean doc_features,
                        NerScore *score, FILE *predictions);

G_END_DECLS

#endif
