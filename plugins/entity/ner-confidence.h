/* ner-confidence.h — how sure the tagger is of each entity it made.
 *
 * The tagger's scores (emission plus transition weights, the ones Viterbi
 * maximises) are read as a linear-chain model with a temperature T:
 * P(labels) is proportional to exp(score(labels) / T) over the BIO-valid
 * label sequences of the sentence.  An entity's confidence is the
 * probability of exactly its span and type under that model: its first
 * token B-T, the rest I-T, and the next token not I-T (forward-backward,
 * in scaled probabilities: a few multiply-adds per label pair and token).
 * T is fitted on held-out annotated text when the model is trained
 * (nlpipe-ner train --calibrate) so that these probabilities match how
 * often entities of that confidence are right; it is stored in the model.
 */
#ifndef NER_CONFIDENCE_H
#define NER_CONFIDENCE_H

#include "ner-features.h"
#include "ner-model.h"

G_BEGIN_DECLS

typedef struct _NerConfidence NerConfidence;

/* (transfer full) scratch for one thread. */
NerConfidence *ner_confidence_new  (void);
void           ner_confidence_free (NerConfidence *conf);

/* For every entity of @labels (the model's label numbers over @doc):
 * @out[first token] = the probability of that entity at temperature
 * @temperature, from the emission scores @emit (n_tokens * stride, as
 * ner_tag leaves them in NerWork.emit).  Other entries of @out are left
 * alone.  Sentences without an entity cost nothing. */
void           ner_confidence_spans (NerConfidence *conf, const NerModel *model,
                                     const float *emit, const NerDoc *doc,
                                     const guint8 *labels, float temperature,
                                     float *out);

G_END_DECLS

#endif
