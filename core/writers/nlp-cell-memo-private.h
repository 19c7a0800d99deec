/* nlp-cell-memo-private.h — string cells a writer has written, by address.
 *
 * Most string cells of a layer are a few strings over and over (token
 * kinds and entity labels are static strings) or repeat another cell of
 * their row (a stem that is its own word shares the norm's string).  A
 * writer that records where each cell's output went can copy it back from
 * the output instead of measuring and converting the string again.  A
 * document is read-only while it is written, so an address always holds
 * the same text; the output only grows, so a recorded range stays valid.
 */
#ifndef NLP_CELL_MEMO_PRIVATE_H
#define NLP_CELL_MEMO_PRIVATE_H

#include "nlp-json-out-private.h"

#define NLP_CELL_MEMO_SLOTS 64

typedef struct {
  const char *s;               /* NULL: empty */
  gsize       start;           /* its output, in the GString */
  gsize       len;
} NlpCellMemo;

/* The slot for @s in @memo (NLP_CELL_MEMO_SLOTS of them, zeroed at first):
 * it holds @s when slot->s == s, else the caller may fill it. */
static inline NlpCellMemo *
nlp__cell_memo_slot (NlpCellMemo *memo, const char *s)
{
  guintptr a = (guintptr) s;

  return &memo[(a ^ (a >> 6) ^ (a >> 12)) % NLP_CELL_MEMO_SLOTS];
}

/* Appends @prefix (@prefix_len bytes) and the output @m recorded. */
static inline void
nlp__cell_memo_append (GString *out, const NlpCellMemo *m, const char *prefix,
                       gsize prefix_len)
{
  char *p = nlp__out_reserve (out, prefix_len + m->len);

  p = nlp__put_short (p, prefix, prefix_len);
  /* after the reserve, which may move the buffer; an output that failed
   * for memory (nlp__out_arm) starts over in a scratch buffer, where what
   * was recorded is gone and what is written is thrown away */
  if (G_LIKELY (m->start + m->len <= out->len))
    p = nlp__put_short (p, out->str + m->start, m->len);
  nlp__out_commit (out, p);
}

#endif
