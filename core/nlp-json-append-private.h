/* nlp-json-append-private.h — JSON scalars appended to a GString, exactly
 * as every nlpipe output writes them.  Shared by NlpJsonText and the
 * writers; built on nlp-json-out-private.h and nlp-dtoa-private.h. */
#ifndef NLP_JSON_APPEND_PRIVATE_H
#define NLP_JSON_APPEND_PRIVATE_H

#include <json-glib/json-glib.h>

/* Appends @s (@len bytes of valid UTF-8) as a JSON string literal. */
void nlp__json_append_string (GString *out, const char *s, gsize len);
/* Appends a double the shortest way that reads back exactly (null for
 * NaN and infinities). */
void nlp__json_append_double (GString *out, double value);
/* Appends @value in decimal. */
void nlp__json_append_int (GString *out, gint64 value);
/* Appends @node (may be NULL) as compact JSON, doubles the shortest way,
 * members in insertion order. */
void nlp__json_append_node (GString *out, JsonNode *node);

#endif
