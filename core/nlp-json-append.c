/* nlp-json-append.c — JSON scalars appended to a GString (see
 * nlp-json-append-private.h). */
#include <string.h>
#include "nlp-json-append-private.h"
#include "nlp-dtoa-private.h"
#include "nlp-json-out-private.h"

void
nlp__json_append_string (GString *out, const char *s, gsize len)
{
  char *p = nlp__out_reserve (out, NLP_JSON_STRING_MAX (len));

  nlp__out_commit (out, nlp__put_json_string (p, s, len));
}

void
nlp__json_append_double (GString *out, double value)
{
  char *p = nlp__out_reserve (out, NLP_DTOA_BUF_SIZE);

  nlp__out_commit (out, p + nlp__dtoa (value, p));
}

void
nlp__json_append_int (GString *out, gint64 value)
{
  char *p = nlp__out_reserve (out, NLP_INT64_MAX_DIGITS);

  nlp__out_commit (out, nlp__put_i64 (p, value));
}

typedef struct {
  GString *out;
  gboolean first;
} AppendMember;

static void
append_member (JsonObject *object G_GNUC_UNUSED, const char *name, JsonNode *node,
               gpointer data)
{
  AppendMember *m = data;

  if (!m->first)
    g_string_append_c (m->out, ',');
  m->first = FALSE;
  nlp__json_append_string (m->out, name, strlen (name));
  g_string_append_c (m->out, ':');
  nlp__json_append_node (m->out, node);
}

void
nlp__json_append_node (GString *out, JsonNode *node)
{
  if (node == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        /* members in insertion order, as json_object_get_members lists
         * them, without copying that list for every object */
        AppendMember m = { out, TRUE };

        g_string_append_c (out, '{');
        json_object_foreach_member (json_node_get_object (node), append_member, &m);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            if (i)
              g_string_append_c (out, ',');
            nlp__json_append_node (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          nlp__json_append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          nlp__json_append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          {
            const char *str = json_node_get_string (node);
            nlp__json_append_string (out, str, strlen (str));
          }
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    default:
      g_string_append (out, "null");
    }
}
