/* jsonl-reference.h — how the reader reads a JSON Lines record with
 * json-glib: the reference the fast path (core/nlp-jsonl-record.c) must
 * equal, shared by tests/test-jsonl.c and the jsonl-record fuzz target. */
#ifndef JSONL_REFERENCE_H
#define JSONL_REFERENCE_H

#include <string.h>
#include <json-glib/json-glib.h>
#include "nlp-jsonl-private.h"

/* json-glib's reading of @len bytes of @line as the reader uses it: TRUE
 * when they are an object with a string "text"; *text (transfer full) is
 * it and *id (transfer full) the "id" string or integer as written, or
 * NULL. */
static inline gboolean
jsonl_reference (const char *line, gssize len, char **id, char **text)
{
  JsonParser *parser = json_parser_new ();
  gboolean ok = FALSE;

  *id = *text = NULL;
  if (json_parser_load_from_data (parser, line, len, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *obj = json_node_get_object (root);
          JsonNode *t = json_object_get_member (obj, "text");
          JsonNode *i = json_object_get_member (obj, "id");
          if (t != NULL && JSON_NODE_HOLDS_VALUE (t)
              && json_node_get_value_type (t) == G_TYPE_STRING)
            {
              *text = g_strdup (json_node_get_string (t));
              if (i != NULL && JSON_NODE_HOLDS_VALUE (i))
                {
                  if (json_node_get_value_type (i) == G_TYPE_STRING)
                    *id = g_strdup (json_node_get_string (i));
                  else
                    {
                      /* an integer is kept as written (the reader's
                       * record_id), however many digits it has */
                      gsize start, n;
                      gsize size = len < 0 ? strlen (line) : (gsize) len;
                      if (nlp__jsonl_member_text (line, size, "id", &start, &n)
                          && nlp__jsonl_is_integer (line + start, n))
                        *id = g_strndup (line + start, n);
                    }
                }
              ok = TRUE;
            }
        }
    }
  g_object_unref (parser);
  return ok;
}

#endif
