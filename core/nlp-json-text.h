/* nlp-json-text.h — a JSON value built as text, for document attributes
 * that a stage makes for every document.
 *
 * A JsonNode tree costs several allocations per member (json-glib's
 * nodes, values, lists and hash tables); for the small summaries stages
 * attach to each document ("entities", "sentiment" ...) that was a tenth of
 * the whole chain's time.  An NlpJsonText writes the value straight into
 * one reusable buffer, in the form nlpipe's JSON output uses (compact,
 * members in the order given), and nlp_document_set_json_text() copies it
 * into the document: writers copy the text, and
 * nlp_document_get_attr_json() parses it only when someone asks for the
 * tree.
 *
 *   NlpJsonText *j = nlp_json_text_new ();        // once per worker
 *   nlp_json_text_reset (j);                      // per document
 *   nlp_json_text_begin_object (j);
 *   nlp_json_text_key (j, "compound");
 *   nlp_json_text_double (j, 0.4404);
 *   nlp_json_text_end_object (j);
 *   nlp_document_set_json_text (doc, "sentiment", j);
 *
 * Calls must describe one well-formed value (keys only directly inside an
 * object, one value after each key, containers closed); a misuse is a
 * programming error reported with g_critical and leaves the builder
 * unusable until nlp_json_text_reset().  Strings are written as given
 * (UTF-8 expected, as everywhere in nlpipe).
 */
#ifndef NLP_JSON_TEXT_H
#define NLP_JSON_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NlpJsonText NlpJsonText;

/* (transfer full) an empty builder; free with nlp_json_text_free(). */
NlpJsonText *nlp_json_text_new   (void);
void         nlp_json_text_free  (NlpJsonText *json);
/* Empties @json for a new value (keeps its buffer). */
void         nlp_json_text_reset (NlpJsonText *json);

void nlp_json_text_begin_object (NlpJsonText *json);
void nlp_json_text_end_object   (NlpJsonText *json);
void nlp_json_text_begin_array  (NlpJsonText *json);
void nlp_json_text_end_array    (NlpJsonText *json);
/* A member name inside an object; the next call gives its value. */
void nlp_json_text_key    (NlpJsonText *json, const char *key);
/* @len bytes of @value, or up to its NUL when @len is -1. */
void nlp_json_text_string (NlpJsonText *json, const char *value, gssize len);
void nlp_json_text_int    (NlpJsonText *json, gint64 value);
/* As the JSON writer prints doubles (shortest round-trip form). */
void nlp_json_text_double (NlpJsonText *json, double value);
void nlp_json_text_bool   (NlpJsonText *json, gboolean value);
void nlp_json_text_null   (NlpJsonText *json);

/* (transfer none) the value written so far, and its length in @len (may
 * be NULL); NULL when it is not one complete value. */
const char *nlp_json_text_get (const NlpJsonText *json, gsize *len);

G_END_DECLS

#endif
