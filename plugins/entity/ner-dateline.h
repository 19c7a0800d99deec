/* ner-dateline.h — news datelines: the place an agency story was filed
 * from, in capitals before its first sentence ("NEW YORK 1996-12-06",
 * "WASHINGTON (AP) —", "LONDON, Aug 16 (Reuters) -", "SAN FRANCISCO,
 * Calif. (Reuters) -").  Capitals say nothing about the words there, so
 * the tagger alone reads "YORK" as an acronym; the dateline's shape says
 * it is a place. */
#ifndef NER_DATELINE_H
#define NER_DATELINE_H

#include "ner-tagger.h"

G_BEGIN_DECLS

/* Labels the place words of every dateline of @doc LOC in @labels (the
 * model's label numbers), replacing what the tagger said of them
 * (ner_work_force: the confidence follows).  @work holds the document's
 * tokens (NerWork.toks).  A
 * dateline starts a sentence: one to four ALL-CAPS words, optionally a
 * comma and a region ("Calif."), then an agency in brackets, a dash, or
 * a date (after a comma or not).  With a dash and nothing else, the
 * capitals must be a place of the word lists ("SOCCER -" is a headline's
 * topic, not a dateline).  No-op when the model has no LOC. */
void ner_dateline_mark (const NerModel *model, NerWork *work, const NerDoc *doc,
                        guint8 *labels);

G_END_DECLS

#endif
