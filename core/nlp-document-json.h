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

/* Sets attribute @name to the JSON value @node: (transfer full) @node. */
void         nlp_document_set_json      (NlpDocument *doc, const char *name,
                                         JsonNode *node);
/* (transfer none) JSON attribute @i as a tree; for a value set as text,
 * parsed on the first call (the document keeps the tree). */
JsonNode    *nlp_document_get_attr_json (const NlpDocument *doc, guint i);

/* Extra JSON Lines fields carried through to JSON output: (transfer full)
 * @node, a JSON object; replaces any earlier one. */
void         nlp_document_set_extra     (NlpDocument *doc, JsonNode *node);
/* (transfer none) or NULL. */
JsonNode    *nlp_document_get_extra     (const NlpDocument *doc);

G_END_DECLS

#endif
