/* json-cells.c — cells, document attributes and json-glib trees as
 * JSON, for every writer (see json-cells-private.h). */
#include <string.h>
#include "json-cells-private.h"
#include "nlp-json-append-private.h"

void
nlp__json_append_cell (GString *out, const NlpColumn *column, guint row)
{
  if (!nlp_column_is_set (column, row))
    {
      g_string_append (out, "null");
      return;
    }
  switch (nlp_column_get_value_type (column))
    {
    case NLP_COLUMN_STRING:
      {
        const char *s = nlp_column_get_string (column, row);
        nlp__json_append_string (out, s, strlen (s));
      }
      break;
    case NLP_COLUMN_INT:
      nlp__json_append_int (out, nlp_column_get_int (column, row));
      break;
    case NLP_COLUMN_DOUBLE:
      nlp__json_append_double (out, nlp_column_get_double (column, row));
      break;
    case NLP_COLUMN_REF:
      nlp__json_append_int (out, nlp_column_get_ref (column, row));
      break;
    default:
      g_string_append (out, "null");
    }
}

void
nlp__json_append_attr (GString *out, const NlpDocument *doc, guint i)
{
  const char *s;

  switch (nlp_document_get_attr_type (doc, i))
    {
    case NLP_VALUE_STRING:
      s = nlp_document_get_attr_string (doc, i);
      nlp__json_append_string (out, s, strlen (s));
      break;
    case NLP_VALUE_INT:
      nlp__json_append_int (out, nlp_document_get_attr_int (doc, i));
      break;
    case NLP_VALUE_DOUBLE:
      nlp__json_append_double (out, nlp_document_get_attr_double (doc, i));
      break;
    case NLP_VALUE_JSON:
      {
        gsize len;
        const char *text = nlp_document_get_attr_json_text (doc, i, &len);
        g_string_append_len (out, text, (gssize) len);
      }
      break;
    default:
      g_string_append (out, "null");
    }
}
