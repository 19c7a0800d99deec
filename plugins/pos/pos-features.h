/* pos-features.h — the tagger's feature templates, as 64-bit keys.
 *
 * A word's features come in three groups, so that a tagger can remember
 * what repeats:
 *   local    its own letters and whether it starts the sentence: equal
 *            for every occurrence of a word form (pos_features_local_key);
 *   context  the words around it;
 *   labels   (second pass only) the labels the first pass gave the two
 *            words on each side.
 * None depends on a label of the same pass, so every word of a sentence
 * is scored on its own and all keys are known before any weight is read.
 * Each key names one row of weights (pos-model.h).  Changing what any
 * template looks at needs POS_FEATURE_SET bumped.
 */
#ifndef POS_FEATURES_H
#define POS_FEATURES_H

#include "pos-text.h"

G_BEGIN_DECLS

#define POS_MAX_LOCAL    16
#define POS_MAX_CONTEXT  24
#define POS_MAX_LABEL_FEATURES 12
#define POS_MAX_FEATURES (POS_MAX_LOCAL + POS_MAX_CONTEXT + POS_MAX_LABEL_FEATURES)

/* The label outside the sentence. */
#define POS_START_LABEL 255

/* The keys of the local features of word @w; @first: the first word of
 * its sentence.  Returns how many were written to @out. */
guint   pos_features_local   (const PosWordInfo *w, gboolean first, guint64 *out);
/* The key that names the local features as a whole (never 0). */
guint64 pos_features_local_key (const PosWordInfo *w, gboolean first);
/* The context features of word @i of the sentence @sent (@n words):
 * the pair features below and the role features of its neighbours. */
guint   pos_features_context (const PosWordInfo *sent, guint n, guint i, guint64 *out);
/* Most context features look at one neighbour only: its word under a
 * role (the word before, the word after, the second after), so that a
 * tagger can sum them once per (word, role).  @w is the neighbour, or
 * NULL when it is outside the sentence; pos_role_offset[role] is where it
 * stands from the word being tagged. */
enum { POS_ROLE_L1, POS_ROLE_R1, POS_ROLE_R2, POS_N_ROLES };
#define POS_MAX_ROLE 8
extern const int pos_role_offset[POS_N_ROLES];
guint   pos_features_role    (const PosWordInfo *w, guint role, guint64 *out);
/* The context features that look at two words at once, and the word two
 * before. */
#define POS_MAX_PAIRS 8
guint   pos_features_pairs   (const PosWordInfo *sent, guint n, guint i, guint64 *out);

/* The second pass's features of word @i: the labels the first pass gave
 * the words around it (@first: one label per word of the sentence;
 * POS_START_LABEL stands for the outside). */
guint   pos_features_labels  (const PosWordInfo *sent, guint n, guint i, const guint8 *first,
                              guint64 *out);

G_END_DECLS

#endif
