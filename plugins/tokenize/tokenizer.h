/* tokenizer.h — the token scanner behind the tokenize stage, free of the
 * stage glue so that tests, the fuzz target and the benchmark can drive it
 * directly.
 *
 * The scanner splits UTF-8 text into tokens: every byte that is not a
 * space (tokenizer_space_len) belongs to exactly one token, tokens are
 * emitted in order and never overlap, and every token starts and ends on a
 * character boundary.  Invalid UTF-8 is tolerated (each bad byte counts as
 * one character) so that a bug upstream cannot make the scanner read out of
 * bounds.  Time is linear in the input: every look-ahead is bounded.
 */
#ifndef TOKENIZER_H
#define TOKENIZER_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TOKEN_WORD,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
  TOKEN_SYMBOL,
  TOKEN_URL,
  TOKEN_EMAIL,
  TOKEN_MENTION,
  TOKEN_HASHTAG,
  TOKEN_EMOJI,
  TOKEN_N_KINDS
} TokenKind;

typedef struct {
  guint32 start;
  guint32 end;
  guint32 kind;     /* TokenKind */
} TokenSpan;

/* The kind names of the token.kind column, indexed by TokenKind. */
extern const char *const tokenizer_kind_names[TOKEN_N_KINDS];

/* Appends the tokens of @text (@len bytes) to @spans (a GArray of
 * TokenSpan), which is not cleared first.  @len must be < 4 GiB.  FALSE
 * when @spans could not grow (out of memory): then it holds only the
 * first tokens. */
gboolean tokenizer_scan (const char *text, gsize len, GArray *spans);

/* The number of bytes of the space character at @text[@pos] (ASCII
 * white space, Unicode White_Space, U+200B ZERO WIDTH SPACE, U+FEFF), or 0
 * when the character there is not a space.  This is the scanner's own
 * definition, exported for the property checks. */
gsize  tokenizer_space_len (const char *text, gsize len, gsize pos);

/* The normal form of a token: case-folded (ASCII fast path, else
 * g_utf8_casefold) with the curly apostrophe U+2019 written as "'".
 * Returns @s itself when it is already normal (no copy), or the folded
 * text in @scratch; *@out_len receives its length. */
const char *tokenizer_norm (const char *s, gsize len, GString *scratch,
                            gsize *out_len);

G_END_DECLS

#endif
