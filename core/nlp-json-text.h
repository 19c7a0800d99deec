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

/**
 * NlpJsonText:
 *
 * A builder of one JSON value as text, for the document attributes a stage
 * makes for every document (see the top of this header).  It is for C
 * stages: language bindings skip it.
 */
typedef struct _NlpJsonText NlpJsonText;

/**
 * nlp_json_text_new: (skip)
 *
 * An empty builder; free it with nlp_json_text_free().
 *
 * Returns: (transfer full): the builder
 */
NlpJsonText *nlp_json_text_new   (void);

/**
 * nlp_json_text_free: (skip)
 * @json: a builder
 *
 * Frees @json.
 */
void         nlp_json_text_free  (NlpJsonText *json);

/**
 * nlp_json_text_reset: (skip)
 * @json: a builder
 *
 * Empties @json for a new value, keeping its buffer.
 */
void         nlp_json_text_reset (NlpJsonText *json);

/**
 * nlp_json_text_begin_object: (skip)
 * @json: a builder
 *
 * Opens an object.
 */
void nlp_json_text_begin_object (NlpJsonText *json);

/**
 * nlp_json_text_end_object: (skip)
 * @json: a builder
 *
 * Closes the innermost object.
 */
void nlp_json_text_end_object   (NlpJsonText *json);

/**
 * nlp_json_text_begin_array: (skip)
 * @json: a builder
 *
 * Opens an array.
 */
void nlp_json_text_begin_array  (NlpJsonText *json);

/**
 * nlp_json_text_end_array: (skip)
 * @json: a builder
 *
 * Closes the innermost array.
 */
void nlp_json_text_end_array    (NlpJsonText *json);

/**
 * nlp_json_text_key: (skip)
 * @json: a builder
 * @key: a member name
 *
 * A member name inside an object: the next call gives its value.
 */
void nlp_json_text_key    (NlpJsonText *json, const char *key);

/**
 * nlp_json_text_string: (skip)
 * @json: a builder
 * @value: the value
 * @len: its length in bytes, or -1 up to a NUL
 *
 * A string value: @len bytes of @value, or up to its NUL when @len is -1.
 */
void nlp_json_text_string (NlpJsonText *json, const char *value, gssize len);

/**
 * nlp_json_text_int: (skip)
 * @json: a builder
 * @value: the value
 *
 * An integer value.
 */
void nlp_json_text_int    (NlpJsonText *json, gint64 value);

/**
 * nlp_json_text_double: (skip)
 * @json: a builder
 * @value: the value
 *
 * A number, as the JSON writer prints doubles (the shortest form that reads back exactly; null for NaN and infinities).
 */
void nlp_json_text_double (NlpJsonText *json, double value);

/**
 * nlp_json_text_bool: (skip)
 * @json: a builder
 * @value: the value
 *
 * true or false.
 */
void nlp_json_text_bool   (NlpJsonText *json, gboolean value);

/**
 * nlp_json_text_null: (skip)
 * @json: a builder
 *
 * null.
 */
void nlp_json_text_null   (NlpJsonText *json);

/**
 * nlp_json_text_get: (skip)
 * @json: a builder
 * @len: (out) (optional): its length in bytes
 *
 * The value written so far.
 *
 * Returns: (transfer none) (nullable): the JSON text, or %NULL when it is not one complete value
 */
const char *nlp_json_text_get (const NlpJsonText *json, gsize *len);

G_END_DECLS

#endif
