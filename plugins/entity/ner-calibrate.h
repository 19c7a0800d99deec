/* ner-calibrate.h — fitting and checking the entity confidences
 * (ner-confidence.h) on held-out annotated text.  Training side: part of
 * nlpipe-ner, not of the stage module. */
#ifndef NER_CALIBRATE_H
#define NER_CALIBRATE_H

#include <stdio.h>
#include "ner-bio.h"
#include "ner-gazetteer.h"
#include "ner-model.h"

G_BEGIN_DECLS

/* Sets @model->temperature to the one, of a grid from 0.25 to 256, under
 * which the confidences of the entities @model finds in @gold best
 * predict which of them are right (exact span and type): the least log
 * loss.  Returns the number of entities found (0: nothing to fit on,
 * the temperature is left as it was). */
guint ner_calibrate (NerModel *model, const NerGazetteer *gaz, const NerCorpus *gold,
                     gboolean doc_features);

/* Prints how often the entities @model finds in @gold are right, by
 * confidence (ten bins), at the model's temperature. */
void  ner_reliability_print (const NerModel *model, const NerGazetteer *gaz,
                             const NerCorpus *gold, gboolean doc_features, FILE *out);

G_END_DECLS

#endif
