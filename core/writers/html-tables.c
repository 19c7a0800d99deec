/* html-tables.c — what the reading view does not show, folded away in
 * <details> but readable: every other layer as a table of its rows, and
 * every document attribute as a table made from its JSON (an object as
 * name/value rows, a list of objects or an object of objects as one row
 * each with a column per member). */
#include <string.h>
#include <json-glib/json-glib.h>
#include "html-private.h"
#include "json-cells-private.h"
#include "nlp-document-json.h"

/* Below this depth, nested values are written as JSON text. */
#define MAX_DEPTH 3

static void append_value (GString *out, JsonNode *node, guint depth);

static void
append_scalar (GString *out, JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "<i>null</i>");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    html_escape_str (out, json_node_get_string (node));
  else
    {
      char *text = json_to_string (node, FALSE);
      html_escape_str (out, text);
      g_free (text);
    }
}

/* The member names of the objects in @nodes, in order of first use. */
static GPtrArray *
column_names (GList *nodes)
{
  GPtrArray *names = g_ptr_array_new ();

  for (GList *l = nodes; l; l = l->next)
    {
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init (&iter, json_node_get_object (l->data));
      while (json_object_iter_next (&iter, &name, NULL))
        if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
          g_ptr_array_add (names, (gpointer) name);
    }
  return names;
}

/* A row per object of @nodes; @keys (may be NULL) names each row in a
 * first column headed @key_head. */
static void
append_rows (GString *out, GList *nodes, GList *keys, const char *key_head, guint depth)
{
  GPtrArray *names = column_names (nodes);

  g_string_append (out, "<table class=\"json\"><thead><tr>");
  if (keys != NULL)
    {
      g_string_append (out, "<th>");
      html_escape_str (out, key_head);
      g_string_append (out, "</th>");
    }
  for (guint c = 0; c < names->len; c++)
    {
      g_string_append (out, "<th>");
      html_escape_str (out, g_ptr_array_index (names, c));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>\n");
  for (GList *l = nodes, *k = keys; l; l = l->next, k = k ? k->next : NULL)
    {
      JsonObject *o = json_node_get_object (l->data);
      g_string_append (out, "<tr>");
      if (k != NULL)
        {
          g_string_append (out, "<th>");
          html_escape_str (out, k->data);
          g_string_append (out, "</th>");
        }
      for (guint c = 0; c < names->len; c++)
        {
          JsonNode *cell = json_object_get_member (o, g_ptr_array_index (names, c));
          g_string_append (out, "<td>");
          if (cell != NULL)
            append_value (out, cell, depth + 1);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>");
  g_ptr_array_unref (names);
}

static gboolean
all_objects (GList *nodes)
{
  for (GList *l = nodes; l; l = l->next)
    if (!JSON_NODE_HOLDS_OBJECT (l->data))
      return FALSE;
  return nodes != NULL;
}

static void
append_object (GString *out, JsonObject *o, guint depth)
{
  GList *names = json_object_get_members (o), *values = json_object_get_values (o);

  if (all_objects (values))
    append_rows (out, values, names, "name", depth);
  else
    {
      g_string_append (out, "<table class=\"json\"><tbody>\n");
      for (GList *n = names, *v = values; n; n = n->next, v = v->next)
        {
          g_string_append (out, "<tr><th>");
          html_escape_str (out, n->data);
          g_string_append (out, "</th><td>");
          append_value (out, v->data, depth + 1);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table>");
    }
  g_list_free (names);
  g_list_free (values);
}

static void
append_value (GString *out, JsonNode *node, guint depth)
{
  if (depth >= MAX_DEPTH && !JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
    {
      char *text = json_to_string (node, FALSE);
      g_string_append (out, "<code>");
      html_escape_str (out, text);
      g_string_append (out, "</code>");
      g_free (text);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    append_object (out, json_node_get_object (node), depth);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      GList *elements = json_array_get_elements (json_node_get_array (node));
      if (all_objects (elements))
        append_rows (out, elements, NULL, NULL, depth);
      else
        for (GList *l = elements; l; l = l->next)
          {
            append_value (out, l->data, depth + 1);
            if (l->next)
              g_string_append (out, ", ");
          }
      g_list_free (elements);
    }
  else
    append_scalar (out, node);
}

static void
append_layer (GString *out, const NlpLayer *layer)
{
  guint ncols = nlp_layer_get_n_columns (layer);

  g_string_append (out, "<details class=\"layer\"><summary>Layer ");
  html_escape_str (out, nlp_layer_get_name (layer));
  g_string_append_printf (out, " (%u)</summary><div class=\"scroll\"><table><tr><th>text</th>",
                          nlp_layer_get_n_rows (layer));
  for (guint c = 0; c < ncols; c++)
    {
      g_string_append (out, "<th>");
      html_escape_str (out, nlp_column_get_name (nlp_layer_get_column_at (layer, c)));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n");
  for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, r, &len);
      GString *cell = g_string_new (NULL);

      g_string_append (out, "<tr><td>");
      html_escape (out, t, len);
      for (guint c = 0; c < ncols; c++)
        {
          const NlpColumn *col = nlp_layer_get_column_at (layer, c);
          g_string_truncate (cell, 0);
          if (nlp_column_is_set (col, r) && nlp_column_get_value_type (col) == NLP_COLUMN_STRING)
            g_string_append (cell, nlp_column_get_string (col, r));
          else if (nlp_column_is_set (col, r))
            nlp__json_append_cell (cell, col, r);
          g_string_append (out, "</td><td>");
          html_escape (out, cell->str, cell->len);
        }
      g_string_append (out, "</td></tr>\n");
      g_string_free (cell, TRUE);
    }
  g_string_append (out, "</table></div></details>\n");
}

void
html_tables (GString *out, HtmlDoc *h)
{
  NlpDocument *doc = h->doc;

  for (guint i = 0; i < nlp_document_get_n_layers (doc); i++)
    {
      const NlpLayer *layer = nlp_document_get_layer_at (doc, i);
      const char *name = nlp_layer_get_name (layer);

      if (strcmp (name, "token") != 0 && strcmp (name, "sentence") != 0
          && strcmp (name, "entity") != 0)
        append_layer (out, layer);
    }
  for (guint i = 0; i < nlp_document_get_n_attrs (doc); i++)
    {
      g_string_append (out, "<details class=\"attribute\"><summary>");
      html_escape_str (out, nlp_document_get_attr_name (doc, i));
      g_string_append (out, "</summary><div class=\"scroll\">");
      if (nlp_document_get_attr_type (doc, i) == NLP_VALUE_JSON)
        append_value (out, nlp_document_get_attr_json (doc, i), 0);
      else if (nlp_document_get_attr_type (doc, i) == NLP_VALUE_STRING)
        html_escape_str (out, nlp_document_get_attr_string (doc, i));
      else
        {
          GString *value = g_string_new (NULL);
          nlp__json_append_attr (value, doc, i);
          html_escape (out, value->str, value->len);
          g_string_free (value, TRUE);
        }
      g_string_append (out, "</div></details>\n");
    }
}
