/* pos-punct.h — the Penn Treebank tags of quotes, hyphens and runs of
 * periods from the spaces around them.
 *
 * A straight quote is `` or '' by which side it leans on, a hyphen between
 * two words written without spaces is HYPH, and a run of periods is "."
 * at the end of a sentence and "," inside it: what EWT's annotators did
 * (EWT train: an opening quote has a space before it and none after in 632
 * of 636 cases; an unspaced "-" is HYPH in 632 of 747, a spaced one never).
 * The model sees the words' letters, not the spaces between them, so
 * these are settled after it, on words it tagged PUNCT; their UPOS never
 * changes.
 */
#ifndef POS_PUNCT_H
#define POS_PUNCT_H

#include "pos-model.h"

G_BEGIN_DECLS

/* The model's labels for PUNCT with each of the Penn tags set here. */
typedef struct {
  gint   open_quote, close_quote, hyph, comma, period;   /* -1: not a label */
  guint8 is_punct[POS_MAX_LABELS];                      /* UPOS PUNCT */
} PosPunct;

void pos_punct_init (PosPunct *punct, const PosModel *model);

/* Settles the labels of the @n words of one sentence (@text[i], @len[i]
 * bytes; @space_after[i]: a space follows word i; the sentence's edges
 * count as spaces) in @labels. */
void pos_punct_fix (const PosPunct *punct, const char *const *text, const guint32 *len,
                    const guint8 *space_after, guint n, guint8 *labels);

G_END_DECLS

#endif
