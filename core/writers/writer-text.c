/* writer-text.c — for people: numbered sentences with entities marked and
 * each sentence's sentiment, then a document summary (main entities with
 * their mention counts, overall sentiment).  Layers and attributes of other
 * stages are listed generically after it.  Colour only when the caller
 * asks (the CLI: stdout is a terminal and NO_COLOR is unset). */
#include <string.h>
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "writer-summary.h"
#include "nlp-dtoa-private.h"
#include "nlp-json-out-private.h"

#define C_RESET "\033[0m"
#define C_DIM   "\033[2m"
#define C_BOLD  "\033[1m"

/* Green, red, or dim for a neutral score. */
static const char *
score_color (double compound)
{
  const char *polarity = nlp__polarity_name (compound);

  return polarity[0] == 'p' ? "\033[32m" : polarity[2] == 'g' ? "\033[31m" : C_DIM;
}

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
  char *p = nlp__out_reserve (out, len);

  nlp__out_commit (out, nlp__put_flat (p, s, len));
}

/* Appends @value as "%+.{decimals}f" did (printf was half of this
 * format's time). */
static void
append_score (GString *out, double value, int decimals)
{
  char buf[NLP_DTOA_FIXED_BUF_SIZE];

  g_string_append_len (out, buf, nlp__dtoa_fixed (value, decimals, TRUE, buf));
}

/* Appends @i + 1 right-aligned in @width columns and ". ", as "%*u. " did. */
static void
append_number (GString *out, guint i, int width)
{
  char buf[24];
  int n = (int) (nlp__put_u64 (buf, (guint64) i + 1) - buf);

  for (int pad = width - n; pad > 0; pad--)
    g_string_append_c (out, ' ');
  g_string_append_len (out, buf, n);
  g_string_append (out, ". ");
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
      g_string_append_c (out, '|');
      g_string_append (out, lab ? lab : "?");
      g_string_append_c (out, ']');
      if (o->color)
        g_string_append (out, C_RESET);
      pos = ee;
    }
  append_flat (out, text + pos, end - pos);
}

/* Shown in the summary; the text marks every mention. */
#define MAX_SUMMARY_ENTITIES 10

static void
append_entities_summary (const NlpWriterOptions *o, GString *out, const NlpDocument *doc)
{
  GPtrArray *list = nlp__entity_counts (doc);

  if (list->len == 0 && nlp_document_get_layer (doc, "entity") == NULL)
    {
      g_ptr_array_unref (list);
      return;
    }
  g_string_append_printf (out, "%sEntities%s (%u):", o->color ? C_BOLD : "",
                          o->color ? C_RESET : "", list->len);
  for (guint i = 0; i < list->len && i < MAX_SUMMARY_ENTITIES; i++)
    {
      NlpEntityCount *e = g_ptr_array_index (list, i);
      double c;

      g_string_append (out, i ? ", " : " ");
      if (o->color)
        g_string_append (out, label_color (e->label));
      g_string_append (out, e->name);
      if (o->color)
        g_string_append (out, C_RESET);
      g_string_append (out, " (");
      g_string_append (out, e->label ? e->label : "?");
      g_string_append (out, ") x");
      nlp__json_append_int (out, e->count);
      /* the mean sentiment of the sentences that mention it */
      if (nlp__entity_sentiment (doc, e->name, &c))
        {
          g_string_append_c (out, ' ');
          if (o->color)
            g_string_append (out, score_color (c));
          append_score (out, c, 2);
          if (o->color)
            g_string_append (out, C_RESET);
        }
    }
  if (list->len > MAX_SUMMARY_ENTITIES)
    g_string_append_printf (out, ", and %u more", list->len - MAX_SUMMARY_ENTITIES);
  g_string_append_c (out, '\n');
  g_ptr_array_unref (list);
}

static gboolean
append_sentiment_summary (const NlpWriterOptions *o, GString *out, const NlpDocument *doc)
{
  double compound;
  gint64 counts[3];

  if (!nlp__doc_sentiment (doc, &compound, counts))
    return FALSE;
  g_string_append_printf (out, "%sSentiment%s: ", o->color ? C_BOLD : "",
                          o->color ? C_RESET : "");
  if (o->color)
    g_string_append (out, score_color (compound));
  append_score (out, compound, 4);
  g_string_append_c (out, ' ');
  g_string_append (out, nlp__polarity_name (compound));
  if (o->color)
    g_string_append (out, C_RESET);
  if (counts[0] >= 0 && counts[1] >= 0 && counts[2] >= 0)
    g_string_append_printf (out, " (%" G_GINT64_FORMAT " positive, %" G_GINT64_FORMAT
                            " neutral, %" G_GINT64_FORMAT " negative sentences)",
                            counts[0], counts[1], counts[2]);
  g_string_append_c (out, '\n');
  return TRUE;
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

  g_string_append_printf (out, "Layer %s (%u):", nlp_layer_get_name (layer), n);
  for (guint r = 0; r < n; r++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, r, &len);
      g_string_append (out, r ? ", \"" : " \"");
      append_flat (out, t, len);
      g_string_append (out, "\" ");
      nlp__append_cells (out, layer, r, NULL, " ");
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
  gboolean sentiment_shown = TRUE;

  g_string_append_printf (out, "%s== %s ==%s\n", o->color ? C_BOLD : "",
                          nlp_document_get_id (doc), o->color ? C_RESET : "");
  if (err != NULL)
    g_string_append_printf (out, "ERROR in stage %s: %s\n", err_stage, err);
  for (guint i = 0; i < nlp_document_get_n_warnings (doc); i++)
    {
      const char *stage, *message = nlp_document_get_warning (doc, i, &stage, NULL);
      g_string_append_printf (out, "WARNING from stage %s: ", stage);
      append_flat (out, message, strlen (message));
      g_string_append_c (out, '\n');
    }
  if (sentences != NULL)
    {
      guint n = nlp_layer_get_n_rows (sentences);
      int width = n >= 1000 ? 4 : n >= 100 ? 3 : 2;
      for (guint i = 0; i < n; i++)
        {
          append_number (out, i, width);
          append_sentence (o, out, doc, nlp_layer_get_start (sentences, i),
                           nlp_layer_get_end (sentences, i), entities);
          if (senti && nlp_column_is_set (senti, i))
            {
              double c = nlp_column_get_double (senti, i);

              g_string_append (out, "  ");
              if (o->color)
                g_string_append (out, score_color (c));
              g_string_append_c (out, '(');
              append_score (out, c, 4);
              g_string_append_c (out, ')');
              if (o->color)
                g_string_append (out, C_RESET);
            }
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      append_sentence (o, out, doc, 0, (guint) nlp_document_get_length (doc), entities);
      g_string_append_c (out, '\n');
    }

  append_entities_summary (o, out, doc);
  if (!append_sentiment_summary (o, out, doc))
    sentiment_shown = FALSE;
  for (guint i = 0; i < nlp_document_get_n_attrs (doc); i++)
    {
      const char *name = nlp_document_get_attr_name (doc, i);

      /* entities and entity_sentiment are in the summary whatever their
       * shape (the entity layer backs them up); sentiment when the summary
       * could read it */
      if (strcmp (name, "entities") == 0 || strcmp (name, "entity_sentiment") == 0
          || (sentiment_shown && strcmp (name, "sentiment") == 0))
        continue;
      g_string_append_printf (out, "%s: ", name);
      if (nlp_document_get_attr_type (doc, i) == NLP_VALUE_STRING)
        g_string_append (out, nlp_document_get_attr_string (doc, i));
      else
        nlp__json_append_attr (out, doc, i);
      g_string_append_c (out, '\n');
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
