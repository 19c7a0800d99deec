/* pos-words.h — from nlpipe tokens to Universal Dependencies words.
 *
 * The tokenizer keeps "don't", "Trump's" and "well-known" whole; UD's
 * English treebanks split them into syntactic words: "do" + "n't",
 * "Trump" + "'s" (one multiword token each), and "well" "-" "known"
 * (three tokens with no space between them).  pos_words_split() says how
 * one token divides: every word is a span of the token's own bytes, the
 * words cover the token exactly and in order, and a flag tells which
 * neighbouring words form one multiword token.  Conventions follow
 * UD English-EWT (docs/stages/pos.md lists them).
 */
#ifndef POS_WORDS_H
#define POS_WORDS_H

#include <glib.h>
#include "nlp-layer.h"

G_BEGIN_DECLS

/* A token yields at most this many words; a token that would yield more
 * (a long run of hyphenated parts) stays one word. */
#define POS_MAX_WORDS 16

typedef struct {
  guint16 start;        /* bytes from the token's start */
  guint16 end;
  guint8  mwt_next;     /* 1: this word and the next are one multiword token */
} PosWordSpan;

/* The words of a sentence never start inside one token and end in
 * another, but UD writes some runs of tokens without spaces between them
 * as one word: "___" or "***" (one character repeated), emoticons (":)",
 * ":-(", "(:"), "'68", and an abbreviation with its period ("Dr.",
 * "Inc.", "J.") when that period does not end the sentence.  Given the
 * sentence's tokens as @spans (byte spans into @text) and an index @i,
 * returns how many tokens from @i make one word (1: the token alone).
 * @abbrevs holds the abbreviations (without their period) as keys. */
guint pos_words_glue (const char *text, const NlpSpan *spans, guint i, guint n,
                      GHashTable *abbrevs);

/* Splits the token @s (@len bytes of UTF-8) into words, written to @out
 * (room for POS_MAX_WORDS); returns how many (>= 1).  A token longer
 * than 65535 bytes, and every token that needs no split, is one word. */
guint pos_words_split (const char *s, gsize len, PosWordSpan *out);

G_END_DECLS

#endif
