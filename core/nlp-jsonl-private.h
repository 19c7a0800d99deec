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

/* How deep a JSON Lines record may nest ({"a": [[1]]} is 3 deep): deeper
 * ones are refused before a parser recurses into them (docs/formats.md). */
#define NLP_JSONL_MAX_DEPTH 512

/* @line: @len bytes of valid UTF-8 (the caller has checked or fixed them).
 * When the line is one JSON object whose members are a string "text" and
 * optionally an "id" that is a string or an integer, each once, with
 * nothing but white space around: returns TRUE, *text (transfer full,
 * NUL-terminated, *text_len bytes) and *id (transfer full; the string, or
 * the integer exactly as written, any number of digits; NULL when there
 * is no id).  Returns FALSE, with
 * nothing set, for anything else: other members, other types, escapes of
 * NUL or of unpaired surrogates, control characters in strings, malformed
 * JSON. */
gboolean nlp__jsonl_simple_record (const char *line, gsize len, char **id,
                                   char **text, gsize *text_len);

/* The JSON values on @line (@len bytes), found without parsing them:
 * returns how many start there (0, 1 or 2: it stops at the second), sets
 * *first_end to where the first ends and *second to where the second
 * starts (when there is one).  A value nested deeper than @max_depth
 * stops the scan: *too_deep is set and 1 returned.  Malformed JSON gives
 * some answer, never a read past @len; a parser then says what is wrong. */
guint    nlp__jsonl_values (const char *line, gsize len, guint max_depth,
                            gsize *first_end, gsize *second, gboolean *too_deep);

/* The text of the value of the top-level member @name of the object on
 * @line, as written (the last one when it appears more than once; names
 * compared decoded): TRUE with *start and *value_len, FALSE when there is
 * no such member or the line is not an object. */
gboolean nlp__jsonl_member_text (const char *line, gsize len, const char *name,
                                 gsize *start, gsize *value_len);

/* Whether @s (@len bytes) is a JSON integer: -?[0-9]+ (as the id of a
 * record, kept as written). */
gboolean nlp__jsonl_is_integer (const char *s, gsize len);

G_END_DECLS

#endif
