/* writer-summary.c — document summaries shared by the text and html
 * formats. */
#include <string.h>
#include "nlp-document-json.h"
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "writer-summary.h"

static void
entity_count_free (gpointer data)
{
  NlpEntityCount *e = data;

  g_free (e->name);
  g_free (e->label);
  g_free (e);
}

static NlpEntityCount *
entity_count_new (const char *name, gssize len, const char *label, gint64 count)
{
  NlpEntityCount *e = g_new (NlpEntityCount, 1);

  e->name = len < 0 ? g_strdup (name) : g_strndup (name, len);
  e->label = g_strdup (label);
  e->count = count;
  return e;
}

static void
counts_from_attribute (GPtrArray *list, JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *o;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      o = json_node_get_object (item);
      name = json_object_get_string_member_with_default (o, "name", NULL);
      if (name == NULL)
        continue;
      g_ptr_array_add (list, entity_count_new (
          name, -1, json_object_get_string_member_with_default (o, "label", NULL),
          json_object_get_int_member_with_default (o, "count", 1)));
    }
}

static void
counts_from_layer (GPtrArray *list, const NlpLayer *entities)
{
  NlpColumn *canonical = nlp_layer_get_column (entities, "canonical");
  NlpColumn *label = nlp_layer_get_column (entities, "label");
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < nlp_layer_get_n_rows (entities); r++)
    {
      const char *name = canonical ? nlp_column_get_string (canonical, r) : NULL;
      const char *lab = label ? nlp_column_get_string (label, r) : NULL;
      gsize len;
      NlpEntityCount *e;
      char *key;

      if (name == NULL || *name == '\0')
        name = nlp_layer_get_text (entities, r, &len);
      else
        len = strlen (name);
      /* the same name under two labels is two entities */
      key = g_strdup_printf ("%.*s\t%s", (int) len, name, lab ? lab : "");
      e = g_hash_table_lookup (index, key);
      if (e != NULL)
        {
          e->count++;
          g_free (key);
          continue;
        }
      e = entity_count_new (name, len, lab, 1);
      g_hash_table_insert (index, key, e);
      g_ptr_array_add (list, e);
    }
  g_hash_table_destroy (index);
}

static gint
by_count (gconstpointer a, gconstpointer b)
{
  const NlpEntityCount *x = *(NlpEntityCount *const *) a;
  const NlpEntityCount *y = *(NlpEntityCount *const *) b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return (x->order > y->order) - (x->order < y->order);
}

GPtrArray *
nlp__entity_counts (const NlpDocument *doc)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (entity_count_free);
  gint attr = nlp_document_find_attr (doc, "entities");
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");

  if (attr >= 0 && nlp_document_get_attr_type (doc, attr) == NLP_VALUE_JSON)
    counts_from_attribute (list, nlp_document_get_attr_json (doc, attr));
  else if (entities != NULL)
    counts_from_layer (list, entities);
  for (guint i = 0; i < list->len; i++)
    ((NlpEntityCount *) g_ptr_array_index (list, i))->order = i;
  g_ptr_array_sort (list, by_count);
  return list;
}

gboolean
nlp__doc_sentiment (const NlpDocument *doc, double *compound, gint64 counts[3])
{
  static const char *const names[3] = { "positive", "neutral", "negative" };
  gint attr = nlp_document_find_attr (doc, "sentiment");
  JsonNode *node;
  JsonObject *o;

  if (attr < 0)
    return FALSE;
  switch (nlp_document_get_attr_type (doc, attr))
    {
    case NLP_VALUE_DOUBLE:   /* a stage that sets only the score */
      *compound = nlp_document_get_attr_double (doc, attr);
      counts[0] = counts[1] = counts[2] = -1;
      return TRUE;
    case NLP_VALUE_JSON:
      node = nlp_document_get_attr_json (doc, attr);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      o = json_node_get_object (node);
      if (!json_object_has_member (o, "compound"))
        return FALSE;
      *compound = json_object_get_double_member_with_default (o, "compound", 0.0);
      for (guint i = 0; i < 3; i++)
        counts[i] = json_object_get_int_member_with_default (o, names[i], -1);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
nlp__entity_sentiment (const NlpDocument *doc, const char *name, double *compound)
{
  gint attr = nlp_document_find_attr (doc, "entity_sentiment");
  JsonNode *node;
  JsonObject *by_name, *o;

  if (attr < 0 || nlp_document_get_attr_type (doc, attr) != NLP_VALUE_JSON)
    return FALSE;
  node = nlp_document_get_attr_json (doc, attr);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  by_name = json_node_get_object (node);
  node = json_object_get_member (by_name, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (!json_object_has_member (o, "compound"))
    return FALSE;
  *compound = json_object_get_double_member_with_default (o, "compound", 0.0);
  return TRUE;
}

const char *
nlp__polarity_name (double compound)
{
  if (compound >= 0.05)
    return "positive";
  if (compound <= -0.05)
    return "negative";
  return "neutral";
}

guint
nlp__append_cells (GString *out, const NlpLayer *layer, guint row,
                   const char *skip, const char *sep)
{
  guint written = 0;

  for (guint c = 0; c < nlp_layer_get_n_columns (layer); c++)
    {
      const NlpColumn *col = nlp_layer_get_column_at (layer, c);
      const char *name = nlp_column_get_name (col);

      if (!nlp_column_is_set (col, row) || g_strcmp0 (name, skip) == 0)
        continue;
      if (written++)
        g_string_append (out, sep);
      g_string_append_printf (out, "%s=", name);
      if (nlp_column_get_value_type (col) == NLP_COLUMN_STRING)
        g_string_append (out, nlp_column_get_string (col, row));
      else
        nlp__json_append_cell (out, col, row);
    }
  return written;
}
