/* pos-tagger.h — greedy left-to-right tagging with a loaded model.
 *
 * A tagger is one thread's scratch: the word properties of the sentence
 * being tagged and two memos of what repeats, direct-mapped and keyed by
 * 64-bit hashes (a collision costs a recomputation, never a wrong
 * result):
 *   - per word form: its PosWordInfo (lower-casing, affixes, shape);
 *   - per (form, first in sentence): the summed weights of its local
 *     features.
 * Each word then adds the rows of its context and history features and
 * takes the best label; the sums are integers, so the result is exactly
 * that of summing every feature's weights.
 */
#ifndef POS_TAGGER_H
#define POS_TAGGER_H

#include "pos-lexicon.h"
#include "pos-model.h"
#include "pos-text.h"

G_BEGIN_DECLS

typedef struct _PosTagger PosTagger;

/* (transfer full) a tagger for @model with the word classes of @lexicon
 * (may be NULL); both (transfer none) must outlive the tagger. */
PosTagger  *pos_tagger_new  (const PosModel *model, const PosLexicon *lexicon);
void        pos_tagger_free (PosTagger *tagger);

/* (transfer none) the properties of the @n words @text[i] (@len[i]
 * bytes), valid until the next call. */
PosWordInfo *pos_tagger_prepare (PosTagger *tagger, const char *const *text,
                                 const guint32 *len, guint n);
/* Tags the sentence of @n words described by @info, writing one label
 * (an index into the model's labels) per word to @labels. */
void        pos_tagger_tag  (PosTagger *tagger, const PosWordInfo *info, guint n,
                             guint8 *labels);

/* The first pass's margins of the last sentence tagged (best label's sum
 * minus the next best's; G_MAXINT32 for fixed words): (transfer none). */
const gint32 *pos_tagger_margins (const PosTagger *tagger);

G_END_DECLS

#endif
