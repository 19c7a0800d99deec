/* nlp-json-text.c — JSON values as text (see nlp-json-text.h).  The
 * pieces are written by the same functions the JSON writer uses, so an
 * attribute reads the same whether it was set as a JsonNode or as text. */
#include <string.h>
#include "nlp-document-json.h"
#include "nlp-json-text.h"
#include "nlp-json-append-private.h"

#define MAX_DEPTH 64

struct _NlpJsonText {
  GString *out;
  guint    depth;
  gboolean in_object[MAX_DEPTH];   /* per open container: object or array */
  gboolean has_items[MAX_DEPTH];   /* ... and whether it holds one already */
  gboolean after_key;              /* a key was written: its value is next */
  gboolean done;                   /* one complete top-level value */
  gboolean broken;                 /* a misuse was reported */
};

NlpJsonText *
nlp_json_text_new (void)
{
  NlpJsonText *json = g_new0 (NlpJsonText, 1);
  json->out = g_string_sized_new (256);
  return json;
}

void
nlp_json_text_free (NlpJsonText *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_free (json);
}

void
nlp_json_text_reset (NlpJsonText *json)
{
  GString *out = json->out;

  g_string_truncate (out, 0);
  memset (json, 0, sizeof *json);
  json->out = out;
}

static gboolean
misuse (NlpJsonText *json, const char *what)
{
  if (!json->broken)
    g_critical ("nlp_json_text: %s", what);
  json->broken = TRUE;
  return FALSE;
}

/* Before a value: the comma between items; FALSE on a misuse. */
static gboolean
value_begins (NlpJsonText *json)
{
  if (json->broken)
    return FALSE;
  if (json->done)
    return misuse (json, "a second value after a complete one (call nlp_json_text_reset)");
  if (json->depth > 0)
    {
      guint d = json->depth - 1;
      if (json->in_object[d])
        {
          if (!json->after_key)
            return misuse (json, "a value in an object without its key");
          json->after_key = FALSE;
        }
      else
        {
          if (json->has_items[d])
            g_string_append_c (json->out, ',');
          json->has_items[d] = TRUE;
        }
    }
  return TRUE;
}

/* After a scalar or a closed container. */
static void
value_ends (NlpJsonText *json)
{
  if (json->depth == 0)
    json->done = TRUE;
}

static void
open_container (NlpJsonText *json, gboolean object)
{
  if (!value_begins (json))
    return;
  if (json->depth == MAX_DEPTH)
    {
      misuse (json, "nested too deep");
      return;
    }
  json->in_object[json->depth] = object;
  json->has_items[json->depth] = FALSE;
  json->depth++;
  g_string_append_c (json->out, object ? '{' : '[');
}

static void
close_container (NlpJsonText *json, gboolean object)
{
  if (json->broken)
    return;
  if (json->depth == 0 || json->in_object[json->depth - 1] != object)
    {
      misuse (json, object ? "end_object without its begin_object"
                           : "end_array without its begin_array");
      return;
    }
  if (json->after_key)
    {
      misuse (json, "an object ends after a key without its value");
      return;
    }
  json->depth--;
  g_string_append_c (json->out, object ? '}' : ']');
  value_ends (json);
}

void
nlp_json_text_begin_object (NlpJsonText *json)
{
  open_container (json, TRUE);
}

void
nlp_json_text_end_object (NlpJsonText *json)
{
  close_container (json, TRUE);
}

void
nlp_json_text_begin_array (NlpJsonText *json)
{
  open_container (json, FALSE);
}

void
nlp_json_text_end_array (NlpJsonText *json)
{
  close_container (json, FALSE);
}

void
nlp_json_text_key (NlpJsonText *json, const char *key)
{
  guint d;

  if (json->broken)
    return;
  if (json->depth == 0 || !json->in_object[json->depth - 1] || json->after_key)
    {
      misuse (json, "a key outside an object, or two keys in a row");
      return;
    }
  d = json->depth - 1;
  if (json->has_items[d])
    g_string_append_c (json->out, ',');
  json->has_items[d] = TRUE;
  nlp__json_append_string (json->out, key, strlen (key));
  g_string_append_c (json->out, ':');
  json->after_key = TRUE;
}

void
nlp_json_text_string (NlpJsonText *json, const char *value, gssize len)
{
  if (!value_begins (json))
    return;
  nlp__json_append_string (json->out, value, len < 0 ? strlen (value) : (gsize) len);
  value_ends (json);
}

void
nlp_json_text_int (NlpJsonText *json, gint64 value)
{
  if (!value_begins (json))
    return;
  nlp__json_append_int (json->out, value);
  value_ends (json);
}

void
nlp_json_text_double (NlpJsonText *json, double value)
{
  if (!value_begins (json))
    return;
  nlp__json_append_double (json->out, value);
  value_ends (json);
}

void
nlp_json_text_bool (NlpJsonText *json, gboolean value)
{
  if (!value_begins (json))
    return;
  g_string_append (json->out, value ? "true" : "false");
  value_ends (json);
}

void
nlp_json_text_null (NlpJsonText *json)
{
  if (!value_begins (json))
    return;
  g_string_append (json->out, "null");
  value_ends (json);
}

const char *
nlp_json_text_get (const NlpJsonText *json, gsize *len)
{
  if (json->broken || !json->done)
    return NULL;
  if (len != NULL)
    *len = json->out->len;
  return json->out->str;
}
