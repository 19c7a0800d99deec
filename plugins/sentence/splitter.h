/* splitter.h — sentence boundaries from token boundaries, free of the
 * stage glue so that tests, the fuzz target and the benchmark can drive it.
 *
 * A Splitter holds the read-only lexicons (abbreviations, sentence
 * openers) and the newline policy; it is shared by every worker thread.
 * splitter_split only reads it and writes into caller-owned arrays.
 */
#ifndef SPLITTER_H
#define SPLITTER_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NEWLINE_AUTO,     /* decided per document and line (see sentence.md) */
  NEWLINE_ALWAYS,   /* every line break ends a sentence */
  NEWLINE_NEVER,    /* a single line break is a space; blank lines still end */
} NewlinePolicy;

typedef struct {
  guint32 start;
  guint32 end;
} SplitSpan;

typedef struct _Splitter Splitter;

/* (transfer full) a splitter with empty lexicons. */
Splitter *splitter_new (NewlinePolicy policy);
void      splitter_free (Splitter *sp);

/* Adds the entries of an abbreviation file ("WORD [title|number|general]"
 * per line, '#' comments).  Errors name the file and line. */
gboolean  splitter_load_abbreviations (Splitter *sp, const char *path,
                                       GError **error);
/* Adds the words of a sentence-opener file (one per line). */
gboolean  splitter_load_starters (Splitter *sp, const char *path,
                                  GError **error);

/* Adds the word lists of language @code (ISO 639-1): an abbreviation file
 * and, when @starters is not NULL, a sentence-opener file.  A document
 * whose language is @code uses them before the shipped ones. */
gboolean  splitter_load_language (Splitter *sp, const char *code,
                                  const char *abbreviations,
                                  const char *starters, GError **error);

/* Splits the tokens @tokens[0 .. @n_tokens) of @text (spans sorted, not
 * overlapping, inside @text) into sentences.  Appends to @sentences one
 * SplitSpan per sentence holding its FIRST and LAST TOKEN INDEX (inclusive):
 * every token belongs to exactly one sentence, in order.  @scratch is
 * per-thread working memory (any content; it is overwritten). */
void      splitter_split (const Splitter *sp, const char *text, gsize len,
                          const SplitSpan *tokens, guint n_tokens,
                          GByteArray *scratch, GArray *sentences);
/* The same for a text in language @lang (doc.lang): with its word lists
 * when it has some (NULL or another language: the shipped ones only). */
void      splitter_split_language (const Splitter *sp, const char *lang,
                                   const char *text, gsize len,
                                   const SplitSpan *tokens, guint n_tokens,
                                   GByteArray *scratch, GArray *sentences);

G_END_DECLS

#endif
