/* vader-lexicon.h — the look-up tables behind a VaderLexicon (internal).
 *
 * Every lower-cased token is looked up once, in one table that merges the
 * lexicon, the boosters, the negations and the handful of words the rules
 * name ("no", "but", "least" ...): the scorer then reads flags instead of
 * hashing the same token again for each rule.  Multi-word keys (idioms,
 * "kind of") live in a second table that is only consulted for phrases.
 * Look-ups take a (pointer, length) pair, so the caller never allocates.
 */
#ifndef VADER_LEXICON_H
#define VADER_LEXICON_H

#include "vader.h"

G_BEGIN_DECLS

enum {
  VADER_IN_LEXICON = 1 << 0,
  VADER_IS_BOOSTER = 1 << 1,
  VADER_IS_NEGATION = 1 << 2,
  VADER_IS_IDIOM = 1 << 3,
  VADER_IN_PHRASE = 1 << 4,          /* a word of some multi-word key */
};

/* The words the rules compare tokens with. */
typedef enum {
  VADER_W_NONE,
  VADER_W_NO, VADER_W_BUT, VADER_W_KIND, VADER_W_OF, VADER_W_OR,
  VADER_W_NOR, VADER_W_NEVER, VADER_W_SO, VADER_W_THIS, VADER_W_WITHOUT,
  VADER_W_DOUBT, VADER_W_LEAST, VADER_W_AT, VADER_W_VERY,
} VaderWord;

typedef struct {
  guint32 key;               /* offset of the key in the table's key buffer */
  guint32 len;
  guint32 hash;
  guint8  flags;             /* VADER_IN_LEXICON ... */
  guint8  word;              /* VaderWord */
  double  valence;           /* lexicon mean, when VADER_IN_LEXICON */
  double  booster;           /* when VADER_IS_BOOSTER */
  double  idiom;             /* when VADER_IS_IDIOM */
} VaderEntry;

/* A slot carries its entry's hash, so that a probe that fails (most
 * tokens are in no list) reads no entry. */
typedef struct {
  guint32 hash;
  guint32 entry;             /* 1 + entry index, 0 when empty */
} VaderSlot;

typedef struct {
  GArray    *entries;        /* VaderEntry */
  VaderSlot *slots;
  guint32    mask;           /* slots has mask + 1 entries, a power of 2 */
  GString   *keys;
} VaderTable;

struct _VaderLexicon {
  VaderTable  words;
  VaderTable  phrases;
  GHashTable *emoji;         /* code point -> description (char *) */
  gunichar    emoji_min;     /* no key below this code point */
  guint       n_lexicon;
};

/* FNV-1a, exposed so that the scorer can hash a token while it
 * lower-cases it: VADER_HASH_INIT, then h = VADER_HASH_STEP (h, byte). */
#define VADER_HASH_INIT 2166136261u
#define VADER_HASH_STEP(h, b) (((h) ^ (guchar) (b)) * 16777619u)

/* (transfer none) the entry of @len bytes at @key, or NULL. */
const VaderEntry *vader_table_lookup (const VaderTable *table,
                                      const char *key, gsize len);
/* Same, with @hash the FNV-1a hash of the key. */
const VaderEntry *vader_table_lookup_hashed (const VaderTable *table,
                                             const char *key, gsize len,
                                             guint32 hash);

G_END_DECLS

#endif
