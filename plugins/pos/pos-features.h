/* pos-features.h — the tagger's feature templates, as 64-bit keys.
 *
 * A word's features come in three groups, so that a tagger can remember
 * what repeats:
 *   local    its own letters and whether it starts the sentence: equal
 *            for every occurrence of a word form (pos_features_local_key);
 *   context  the words around it;
 *   history  the labels already given to the two words before it.
 * Each key names one row of weights (pos-model.h).  Changing what any
 * template looks at needs POS_FEATURE_SET bumped.
 */
#ifndef POS_FEATURES_H
#define POS_FEATURES_H

#include "pos-text.h"

G_BEGIN_DECLS

#define POS_MAX_LOCAL    16
#define POS_MAX_CONTEXT  16
#define POS_MAX_HISTORY  8
#define POS_MAX_FEATURES (POS_MAX_LOCAL + POS_MAX_CONTEXT + POS_MAX_HISTORY)

/* The label before the first word of a sentence. */
#define POS_START_LABEL 255

/* The keys of the local features of word @w; @first: the first word of
 * its sentence.  Returns how many were written to @out. */
guint   pos_features_local   (const PosWordInfo *w, gboolean first, guint64 *out);
/* The key that names the local features as a whole (never 0). */
guint64 pos_features_local_key (const PosWordInfo *w, gboolean first);
/* The context features of word @i of the sentence @sent (@n words). */
guint   pos_features_context (const PosWordInfo *sent, guint n, guint i, guint64 *out);
/* The history features of word @i given the labels @t1 of word i - 1 and
 * @t2 of word i - 2 (POS_START_LABEL before the sentence). */
guint   pos_features_history (const PosWordInfo *sent, guint n, guint i, guint t1, guint t2,
                              guint64 *out);

G_END_DECLS

#endif
