/* ner-text.h — the word properties the tagger sees: lower case, shape,
 * capitalisation flags.  Computed from the token text alone, so the stage
 * (whatever tokenizer ran) and the training tool (tokens of a BIO file)
 * see the same features.
 */
#ifndef NER_TEXT_H
#define NER_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

enum {
  NER_TF_INITCAP  = 1 << 0,   /* first letter upper case */
  NER_TF_ALLCAP   = 1 << 1,   /* has letters, none lower case */
  NER_TF_LOWER    = 1 << 2,   /* first letter lower case */
  NER_TF_DIGIT    = 1 << 3,   /* has a digit */
  NER_TF_LETTER   = 1 << 4,   /* has a letter */
  NER_TF_PUNCT    = 1 << 5,   /* no letter, no digit */
  NER_TF_MIXED    = 1 << 6,   /* upper case after a lower-case letter (iPhone, McDonald) */
};

/* Writes the lower-case form of @s (@len bytes of UTF-8) to @out, which
 * must hold 2 * @len + 8 bytes; returns its length. */
gsize    ner_text_lower (const char *s, gsize len, char *out);
/* Hash of the lower-case form (ner_hash_bytes of ner_text_lower). */
guint64  ner_text_lower_hash (const char *s, gsize len);
/* Word shape with runs collapsed ("Xx", "XX", "d.d", "Xx-Xx"), at most
 * @cap bytes written to @out; returns the length. */
gsize    ner_text_shape (const char *s, gsize len, char *out, gsize cap);
/* NER_TF_* flags of a token. */
guint    ner_text_flags (const char *s, gsize len);

G_END_DECLS

#endif
