/* lang-features.h — the detector's features: hashed character n-grams.
 *
 * Over the symbol stream of lang-text.h, every position ends one n-gram
 * of each order the model uses (1 to LANG_MAX_ORDER symbols; the
 * unigram of a word boundary is no feature), and a word boundary may end
 * the whole word as a feature too.  N-grams never cross a word: those of
 * " word " (the word with the boundaries around it) are the word's, so a
 * word always adds the same rows, whatever surrounds it, and a detector
 * may remember a word's sum (lang-detect.c).
 *
 * The last four symbols are kept packed, 16 bits each (a code point
 * beyond U+FFFF folded into 16 bits), so that the n-grams up to four long
 * are exact bit patterns and cost no arithmetic to form; the 5-gram and
 * the word are hashes.  An n-gram is never stored: a multiplicative hash
 * of it picks a row of its script's table (lang-model.h), so the trainer
 * and the detector only have to agree on this file.  Changing anything
 * here changes what a row means: bump LANG_FEATURE_SET, which the model
 * file records.
 */
#ifndef LANG_FEATURES_H
#define LANG_FEATURES_H

#include <glib.h>
#include "lang-text.h"

G_BEGIN_DECLS

#define LANG_MAX_ORDER   5
/* Bit LANG_WORD_FEATURE of a model's orders: the whole word, from the
 * boundary before it to the one after it, is a feature too. */
#define LANG_WORD_FEATURE 6
/* Features ending at one symbol, at most */
#define LANG_MAX_FEATURES (LANG_MAX_ORDER + 1)
#define LANG_FEATURE_SET 2
/* The bits an orders mask may have: 1 to LANG_MAX_ORDER and the word. */
#define LANG_ORDERS_VALID ((((1u << (LANG_MAX_ORDER + 1)) - 1) & ~1u) | (1u << LANG_WORD_FEATURE))
/* The default: unigrams, 4-grams and words (docs/stages/lang.md). */
#define LANG_DEFAULT_ORDERS ((1u << 1) | (1u << 4) | (1u << LANG_WORD_FEATURE))

typedef struct {
  guint64 window;                  /* the last four symbols, 16 bits each */
  guint64 five;                    /* the hash of the last five */
  guint64 word;                    /* the hash of the word so far */
  guint   seen;                    /* symbols since the boundary, it included */
} LangGrams;

#define LANG_GRAM_MULT G_GUINT64_CONSTANT (0x100000001b3)

static inline void
lang_grams_init (LangGrams *st)
{
  st->window = st->five = st->word = 0;
  st->seen = 0;
}

/* Moves the state past symbol @c, for a model with @orders (the 5-gram
 * hash is only kept when the model uses 5-grams: a constant @orders
 * folds the test away). */
static inline void
lang_grams_push_for (LangGrams *st, guint32 c, guint orders)
{
  guint64 c16 = (c ^ (c >> 16)) & 0xFFFF;

  /* n-grams stay inside a word and its two boundaries: after a
   * boundary the state starts over from that boundary alone */
  if (st->seen > 0 && (st->window & 0xFFFF) == LANG_BOUNDARY)
    st->window = st->five = st->word = LANG_BOUNDARY, st->seen = 1;
  if (orders >> 5 & 1)
    st->five = st->window * LANG_GRAM_MULT + c;
  st->word = st->word * LANG_GRAM_MULT + c;
  st->window = st->window << 16 | c16;
  if (st->seen < LANG_MAX_ORDER)
    st->seen++;
}

static inline void
lang_grams_push (LangGrams *st, guint32 c)
{
  lang_grams_push_for (st, c, LANG_ORDERS_VALID);
}

/* The table row of n-gram @g of order @k, for a table of 1 << @bits
 * rows: the top bits of a multiplication by an odd constant of its own
 * per order, so that orders do not collide systematically. */
static inline guint32
lang_gram_row (guint64 g, guint k, guint bits)
{
  static const guint64 mult[LANG_WORD_FEATURE + 1] = {
    0, G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f),
    G_GUINT64_CONSTANT (0x165667b19e3779f9), G_GUINT64_CONSTANT (0xd6e8feb86659fd93),
    G_GUINT64_CONSTANT (0xff51afd7ed558ccd), G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53),
  };

  return (guint32) (((g ^ (g >> 29)) * mult[k]) >> (64 - bits));
}

/* Calls DO (ORDER, ROW) for every feature ending at the current symbol,
 * in increasing order, for a model with @orders (bit k: k-grams). */
#define LANG_FOR_EACH_GRAM(st, orders, bits, DO)                             \
  do {                                                                      \
    const guint64 w_ = (st).window;                                         \
    if (((orders) >> 1 & 1) && (w_ & 0xFFFF) != LANG_BOUNDARY)              \
      DO (1, lang_gram_row (w_ & 0xFFFF, 1, (bits)));                       \
    if (((orders) >> 2 & 1) && (st).seen >= 2)                              \
      DO (2, lang_gram_row (w_ & 0xFFFFFFFF, 2, (bits)));                   \
    if (((orders) >> 3 & 1) && (st).seen >= 3)                              \
      DO (3, lang_gram_row (w_ & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF), 3, (bits))); \
    if (((orders) >> 4 & 1) && (st).seen >= 4)                              \
      DO (4, lang_gram_row (w_, 4, (bits)));                                \
    if (((orders) >> 5 & 1) && (st).seen >= 5)                              \
      DO (5, lang_gram_row ((st).five, 5, (bits)));                         \
    if (((orders) >> LANG_WORD_FEATURE & 1) && (w_ & 0xFFFF) == LANG_BOUNDARY \
        && (st).seen > 2)                                                   \
      DO (LANG_WORD_FEATURE, lang_gram_row ((st).word, LANG_WORD_FEATURE, (bits))); \
  } while (0)

G_END_DECLS

#endif
