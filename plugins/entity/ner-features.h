/* ner-features.h — from tokens to hashed feature buckets.
 *
 * A document is prepared once (word hashes, shapes, flags, gazetteer
 * matches per token, all in reusable arrays: no allocation per token),
 * then every token yields up to NER_MAX_FEATURES bucket numbers of the
 * weight table.  The second pass adds document features: the labels the
 * first pass gave the same word elsewhere in the document.
 */
#ifndef NER_FEATURES_H
#define NER_FEATURES_H

#include <glib.h>
#include "ner-gazetteer.h"

G_BEGIN_DECLS

/* Input: tokens as (pointer, length), and sentences as token ranges. */
typedef struct {
  const char *const *text;
  const guint32     *len;
  guint              n_tokens;
  const guint       *sent;      /* n_sents + 1 offsets: sentence s is
                                   tokens [sent[s], sent[s + 1]) */
  guint              n_sents;
} NerDoc;

/* Token flags beyond the NER_TF_* of ner-text.h. */
enum {
  NER_TOK_FIRST    = 1 << 8,   /* first word of its sentence or line item */
  NER_TOK_CAPSLINE = 1 << 9,   /* in an ALL-CAPS sentence (headline, dateline) */
};

/* Document feature bits, about the other occurrences of the same
 * capitalised word: NER_DOC_TYPE(t) when one was inside an entity of type
 * t, NER_DOC_MULTI(t) when inside a multi-word one ("Donald Trump"),
 * NER_DOC_MAJORITY(t) when t is their most frequent label and outnumbers
 * the untagged ones, NER_DOC_UNTAGGED when one was outside any entity. */
#define NER_DOC_TYPE(t)      (1u << (t))
#define NER_DOC_MULTI(t)     (1u << (8 + (t)))
#define NER_DOC_MAJORITY(t)  (1u << (16 + (t)))
#define NER_DOC_UNTAGGED     (1u << 7)

#define NER_MAX_FEATURES  56

/* What a token's text alone determines, remembered per word form: news
 * repeats its words, and a look-up is cheaper than lower-casing, shaping
 * and hashing the same word again (see ner_toks_prepare). */
typedef struct {
  guint64 word;                /* the key: hash of the exact form */
  guint64 lower, shape, pre, suf, full, suf4;
  guint16 flags;               /* NER_TF_* */
  guint16 gaz1;                /* ner_gazetteer_lookup() of the word alone */
} NerTokMemo;

#define NER_TOK_MEMO_BITS 15

/* Per-token properties, struct of arrays, grown as needed. */
typedef struct {
  guint    cap;
  NerTokMemo *memo;            /* 1 << NER_TOK_MEMO_BITS slots, direct-mapped */
  const NerGazetteer *memo_gaz;  /* the word lists memo->gaz1 comes from */
  guint64 *word, *lower, *shape, *pre, *suf;
  guint64 *full, *suf4;        /* uncollapsed shape of short words, 4-suffix */
  guint16 *flags, *gaz_b, *gaz_i, *gaz1;
  guint32 *doc;
  guint32 *run_a, *run_b;      /* capitalised run holding the token: its
                                  first and last token (run_a == G_MAXUINT32:
                                  none) */
} NerToks;

void  ner_toks_clear   (NerToks *toks);
/* Fills @toks for @doc (resizing it); @gaz may be NULL (no word lists). */
void  ner_toks_prepare (NerToks *toks, const NerGazetteer *gaz, const NerDoc *doc);

/* The buckets (< 1 << @bits) of token @i of the sentence [@s0, @s1):
 * returns how many were written to @out (at most NER_MAX_FEATURES).
 * They are the local buckets followed by the context buckets below. */
guint ner_features_token (const NerToks *toks, guint s0, guint s1, guint i,
                          guint bits, guint32 *out);
/* The buckets that depend only on the token's text and on the two flags
 * in ner_features_local_key(): equal keys give equal buckets, so a
 * tagger may sum their weights once per key (at most NER_MAX_LOCAL). */
#define NER_MAX_LOCAL 12
guint ner_features_local (const NerToks *toks, guint i, guint bits, guint32 *out);
guint64 ner_features_local_key (const NerToks *toks, guint i);
/* The buckets that look at other tokens (neighbours, runs, word lists).
 * With @roles FALSE the NER_N_ROLES neighbour-word buckets below are left
 * out (a tagger that remembers them per word adds them itself). */
guint ner_features_context (const NerToks *toks, guint s0, guint s1, guint i,
                            guint bits, gboolean roles, guint32 *out);

/* Neighbour words: role r is the lower-case form of the token at offset
 * ner_role_offset[r] from token i (or a boundary value outside the
 * sentence), each under its own template, so one word's bucket for a
 * role is the same wherever it stands. */
#define NER_N_ROLES 4
extern const int ner_role_offset[NER_N_ROLES];
guint64 ner_features_role_value  (const NerToks *toks, guint s0, guint s1, guint i,
                                  guint role);
guint32 ner_features_role_bucket (guint role, guint64 value, guint bits);
/* The document-feature buckets of token @i (from toks->doc[i]). */
guint ner_features_doc   (const NerToks *toks, guint i, guint bits, guint32 *out);
/* The bucket holding the transition weights out of label @prev
 * (@prev == n_labels is the sentence start). */
guint32 ner_features_transition (guint prev, guint bits);


G_END_DECLS

#endif
