/* json-cells-private.h — the values of a document as JSON, the way every
 * writer shows them (JSON output, the text format's attribute lines, tsv
 * cells, the HTML tables). */
#ifndef JSON_CELLS_PRIVATE_H
#define JSON_CELLS_PRIVATE_H

#include "nlp-document.h"
#include "nlp-json-append-private.h"

/* Appends the value of cell (@column, @row) as JSON (null when unset). */
void nlp__json_append_cell (GString *out, const NlpColumn *column, guint row);
/* Appends document attribute @i as JSON. */
void nlp__json_append_attr (GString *out, const NlpDocument *doc, guint i);

#endif
