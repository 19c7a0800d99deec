/* nlp-document-json.h — the parts of the document API that speak
 * json-glib: JSON attributes as JsonNode trees and the extra fields of a
 * JSON Lines record.  Include it (and build with json-glib-1.0) only when
 * a stage or program wants trees; NlpJsonText (nlp-json-text.h) builds
 * JSON attributes without json-glib, and faster.
 */
#ifndef NLP_DOCUMENT_JSON_H
#define NLP_DOCUMENT_JSON_H

#include <json-glib/json-glib.h>
#include "nlp-document.h"

G_BEGIN_DECLS

/**
 * nlp_document_set_json:
 * @doc: a document
 * @name: the attribute's name, as the running stage declares it
 * @node: (transfer full): a JSON value (object, array ...)
 *
 * Sets a JSON document attribute from a json-glib tree.
 */
void         nlp_document_set_json      (NlpDocument *doc, const char *name,
                                         JsonNode *node);
/**
 * nlp_document_get_attr_json:
 * @doc: a document
 * @i: the index of a JSON attribute
 *
 * A JSON attribute as a tree; a value set as text is parsed on the first
 * call (the document keeps the tree).
 *
 * Returns: (transfer none): the tree
 */
JsonNode    *nlp_document_get_attr_json (const NlpDocument *doc, guint i);

/**
 * nlp_document_set_extra:
 * @doc: a document
 * @node: (transfer full): a JSON object
 *
 * Sets the extra fields of a JSON Lines record, carried through to JSON
 * output; replaces any earlier ones.  The reader sets them; a stage may
 * not.
 */
void         nlp_document_set_extra     (NlpDocument *doc, JsonNode *node);
/**
 * nlp_document_get_extra:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the extra fields, or %NULL
 */
JsonNode    *nlp_document_get_extra     (const NlpDocument *doc);

G_END_DECLS

#endif
