/* elision.h — French and Italian elided words as tokens of their own:
 * "l'université" is "l'" and "université", "dell'anno" "dell'" and
 * "anno", as French and Italian treebanks tokenise them.  Only for a
 * text whose doc.lang is fr or it: everywhere else an apostrophe between
 * letters stays inside its word ("don't", "O'Brien", as tokenizer.c
 * keeps it). */
#ifndef TOKENIZE_ELISION_H
#define TOKENIZE_ELISION_H

#include <glib.h>

G_BEGIN_DECLS

/* The elided words of language @lang (ISO 639-1), or NULL when it has
 * none to split: (transfer none) a NULL-terminated list, lower case,
 * without their apostrophe. */
const char *const *tokenizer_elisions (const char *lang);

/* Splits every word token of @spans (a GArray of TokenSpan over @text)
 * that starts with one of @elisions and an apostrophe (' or U+2019)
 * before a letter, after the apostrophe.  @scratch is a TokenSpan array
 * of the caller's (any content); @spans ends up holding the result. */
void tokenizer_split_elisions (const char *text, GArray *spans,
                               const char *const *elisions, GArray *scratch);

G_END_DECLS

#endif
