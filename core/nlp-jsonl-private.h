/* nlp-jsonl-private.h — the common JSON Lines record, read without a
 * general JSON parser.
 *
 * Most records are {"id": ..., "text": "..."} and nothing else; building
 * a json-glib tree for each costs the reader more than everything else it
 * does, and at -j N the reader shares the cores with the workers.  This
 * parser takes exactly that shape and gives up on anything else, so the
 * caller falls back to json-glib, which then yields the same values or
 * the precise error message.
 */
#ifndef NLP_JSONL_PRIVATE_H
#define NLP_JSONL_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/* @line: @len bytes of valid UTF-8 (the caller has checked or fixed them).
 * When the line is one JSON object whose members are a string "text" and
 * optionally an "id" that is a string or an integer, each once, with
 * nothing but white space around: returns TRUE, *text (transfer full,
 * NUL-terminated, *text_len bytes) and *id (transfer full; the string, or
 * the integer in decimal; NULL when there is no id).  Returns FALSE, with
 * nothing set, for anything else: other members, other types, escapes of
 * NUL or of unpaired surrogates, control characters in strings, malformed
 * JSON. */
gboolean nlp__jsonl_simple_record (const char *line, gsize len, char **id,
                                   char **text, gsize *text_len);

G_END_DECLS

#endif
