/* writer-text.c — for people: numbered sentences with entities marked and
 * each sentence's sentiment, then a document summary.  Layers and
 * attributes of other stages are listed generically after it. */
#include <string.h>
#include "nlp-writer-private.h"

#define C_RESET "\033[0m"
#define C_DIM   "\033[2m"
#define C_BOLD  "\033[1m"

static const char *
label_color (const char *label)
{
  if (label == NULL)
    return "\033[36m";
  if (strcmp (label, "PER") == 0) return "\033[1;34m";
  if (strcmp (label, "LOC") == 0) return "\033[1;32m";
  if (strcmp (label, "ORG") == 0) return "\033[1;35m";
  return "\033[1;33m";
}

/* Appends text with newlines and tabs folded to spaces. */
static void
append_flat (GString *out, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
}

static void
append_sentence (const NlpWriterOptions *o, GString *out, NlpDocument *doc,
                 guint start, guint end, const NlpLayer *entities)
{
  const char *text = nlp_document_get_text (doc, NULL);
  NlpColumn *label = entities ? nlp_layer_get_column (entities, "label") : NULL;
  guint pos = start, first = 0, n = 0;

  if (entities)
    n = nlp_layer_range (entities, start, end, &first);
  for (guint e = first; e < first + n; e++)
    {
      guint es = nlp_layer_get_start (entities, e), ee = nlp_layer_get_end (entities, e);
      const char *lab = label ? nlp_column_get_string (label, e) : NULL;

      if (es < pos || ee > end)
        continue;              /* nested or crossing the sentence: skip */
      append_flat (out, text + pos, es - pos);
      if (o->color)
        g_string_append (out, label_color (lab));
      g_string_append_c (out, '[');
      append_flat (out, text + es, ee - es);
      g_string_append_printf (out, "|%s]", lab ? lab : "?");
      if (o->color)
        g_string_append (out, C_RESET);
      pos = ee;
    }
  append_flat (out, text + pos, end - pos);
}

static void
append_entities_summary (const NlpWriterOptions *o, GString *out, JsonNode *node)
{
  JsonArray *list;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return;
  list = json_node_get_array (node);
  n = json_array_get_length (list);
  g_string_append_printf (out, "%sEntities%s (%u):", o->color ? C_BOLD : "",
                          o->color ? C_RESET : "", n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      if (e == NULL)
        continue;
      g_string_append_printf (out, "%s %s (%s) x%" G_GINT64_FORMAT, i ? "," : "",
                              json_object_get_string_member_with_default (e, "name", "?"),
                              json_object_get_string_member_with_default (e, "label", "?"),
                              json_object_get_int_member_with_default (e, "count", 0));
    }
  g_string_append_c (out, '\n');
}

static void
append_sentiment_summary (const NlpWriterOptions *o, GString *out, JsonNode *node)
{
  JsonObject *s;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  s = json_node_get_object (node);
  g_string_append_printf (out, "%sSentiment%s: %+.4f (%" G_GINT64_FORMAT " positive, %"
                          G_GINT64_FORMAT " neutral, %" G_GINT64_FORMAT " negative sentences)\n",
                          o->color ? C_BOLD : "", o->color ? C_RESET : "",
                          json_object_get_double_member_with_default (s, "compound", 0.0),
                          json_object_get_int_member_with_default (s, "positive", 0),
                          json_object_get_int_member_with_default (s, "neutral", 0),
                          json_object_get_int_member_with_default (s, "negative", 0));
}

static gboolean
is_core_layer (const char *name)
{
  return strcmp (name, "token") == 0 || strcmp (name, "sentence") == 0
         || strcmp (name, "entity") == 0;
}

static void
append_other_layer (GString *out, const NlpLayer *layer)
{
  guint n = nlp_layer_get_n_rows (layer);
  guint ncols = nlp_layer_get_n_columns (layer);

  g_string_append_printf (out, "Layer %s (%u):", nlp_layer_get_name (layer), n);
  for (guint r = 0; r < n; r++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, r, &len);
      g_string_append (out, r ? ", " : " ");
      g_string_append_c (out, '"');
      append_flat (out, t, len);
      g_string_append_c (out, '"');
      for (guint c = 0; c < ncols; c++)
        {
          const NlpColumn *col = nlp_layer_get_column_at (layer, c);
          if (!nlp_column_is_set (col, r))
            continue;
          g_string_append_printf (out, " %s=", nlp_column_get_name (col));
          if (nlp_column_get_type (col) == NLP_COLUMN_STRING)
            g_string_append (out, nlp_column_get_string (col, r));
          else
            nlp__json_append_cell (out, col, r);
        }
    }
  g_string_append_c (out, '\n');
}

static void
text_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");
  NlpColumn *senti = sentences ? nlp_layer_get_column (sentences, "sentiment") : NULL;
  const char *err_stage, *err = nlp_document_get_error (doc, &err_stage);

  g_string_append_printf (out, "%s== %s ==%s\n", o->color ? C_BOLD : "",
                          nlp_document_get_id (doc), o->color ? C_RESET : "");
  if (err != NULL)
    g_string_append_printf (out, "ERROR in stage %s: %s\n", err_stage, err);
  if (sentences != NULL)
    {
      guint n = nlp_layer_get_n_rows (sentences);
      int width = n >= 1000 ? 4 : n >= 100 ? 3 : 2;
      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (out, "%*u. ", width, i + 1);
          append_sentence (o, out, doc, nlp_layer_get_start (sentences, i),
                           nlp_layer_get_end (sentences, i), entities);
          if (senti && nlp_column_is_set (senti, i))
            g_string_append_printf (out, "  %s(%+.4f)%s", o->color ? C_DIM : "",
                                    nlp_column_get_double (senti, i),
                                    o->color ? C_RESET : "");
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      append_sentence (o, out, doc, 0, (guint) nlp_document_get_length (doc), entities);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < nlp_document_get_n_attrs (doc); i++)
    {
      const char *name = nlp_document_get_attr_name (doc, i);
      NlpValueType type = nlp_document_get_attr_type (doc, i);

      if (type == NLP_VALUE_JSON && strcmp (name, "entities") == 0)
        append_entities_summary (o, out, nlp_document_get_attr_json (doc, i));
      else if (type == NLP_VALUE_JSON && strcmp (name, "sentiment") == 0)
        append_sentiment_summary (o, out, nlp_document_get_attr_json (doc, i));
      else
        {
          g_string_append_printf (out, "%s: ", name);
          if (type == NLP_VALUE_STRING)
            g_string_append (out, nlp_document_get_attr_string (doc, i));
          else
            nlp__json_append_attr (out, doc, i);
          g_string_append_c (out, '\n');
        }
    }
  for (guint i = 0; i < nlp_document_get_n_layers (doc); i++)
    {
      const NlpLayer *layer = nlp_document_get_layer_at (doc, i);
      if (!is_core_layer (nlp_layer_get_name (layer)))
        append_other_layer (out, layer);
    }
  g_string_append_c (out, '\n');
}

const NlpWriterClass nlp__writer_text = {
  .name = "text",
  .description = "for people: numbered sentences, [entity|TYPE] marks, sentiment, summary",
  .format = text_format,
};
