/* html-summary.c — a document at a glance: its overall sentiment, the
 * sentiment of each sentence drawn as a bar chart, and the table of its
 * entities (type, mentions linked to the text, mean sentiment), which
 * radio buttons filter by type with no script. */
#include <string.h>
#include "html-private.h"
#include "writer-summary.h"

/* Types beyond this many get no filter button (the stylesheet has
 * rules for f0..f15). */
#define MAX_FILTERS 16
/* Mention links per entity; the count says how many there are. */
#define MAX_LINKS 40

static const char *
fmt (char *buf, const char *format, double v)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, format, v);
}

static void
append_sentiment (GString *out, const NlpDocument *doc)
{
  double compound;
  gint64 counts[3];
  const char *polarity;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!nlp__doc_sentiment (doc, &compound, counts))
    return;
  polarity = nlp__polarity_name (compound);
  g_string_append_printf (out, "<p class=\"sentiment\"><b>Sentiment:</b> "
                          "<span class=\"%.3s\">%s %s</span>", polarity,
                          fmt (buf, "%+.4f", compound), polarity);
  if (counts[0] >= 0 && counts[1] >= 0 && counts[2] >= 0)
    g_string_append_printf (out, " \xE2\x80\x94 %" G_GINT64_FORMAT " positive, %"
                            G_GINT64_FORMAT " neutral, %" G_GINT64_FORMAT
                            " negative sentences", counts[0], counts[1], counts[2]);
  g_string_append (out, "</p>\n");
}

/* One bar per sentence, above the line when positive, below when
 * negative; each links to its sentence. */
static void
append_chart (GString *out, const HtmlDoc *h)
{
  NlpLayer *sentences = nlp_document_get_layer (h->doc, "sentence");
  NlpColumn *senti = sentences ? nlp_layer_get_column (sentences, "sentiment") : NULL;
  guint n = sentences ? nlp_layer_get_n_rows (sentences) : 0;
  guint counted[3] = { 0, 0, 0 };
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];
  GString *bars = g_string_new (NULL);

  if (senti == NULL || n == 0)
    {
      g_string_free (bars, TRUE);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      double c = nlp_column_is_set (senti, i) ? CLAMP (nlp_column_get_double (senti, i), -1, 1)
                                              : 0;
      const char *polarity = nlp__polarity_name (c);
      double height = MAX (ABS (c), 0.03);

      counted[polarity[0] == 'p' ? 0 : polarity[0] == 'n' && polarity[2] == 'g' ? 2 : 1]++;
      g_string_append_printf (bars, "<a href=\"#%s-s%u\" tabindex=\"-1\"><rect class=\"%.3s\" "
                              "x=\"%u.1\" y=\"%s\" width=\"0.8\" height=\"%s\"><title>sentence "
                              "%u: %s</title></rect></a>", h->anchor, i, polarity, i,
                              fmt (b1, "%.3f", c > 0 ? 1 - height : 1), fmt (b2, "%.3f", height),
                              i + 1, fmt (b3, "%+.4f", c));
    }
  g_string_append_printf (out, "<figure class=\"chart\"><svg viewBox=\"0 0 %u 2\" "
                          "preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Sentiment of "
                          "the %u sentences in order: %u positive, %u neutral, %u negative\">"
                          "<line x1=\"0\" y1=\"1\" x2=\"%u\" y2=\"1\"/>", n, n, counted[0],
                          counted[1], counted[2], n);
  g_string_append_len (out, bars->str, (gssize) bars->len);
  g_string_append (out, "</svg><figcaption>Sentiment of each sentence, first to last: "
                   "green above the line positive, red below negative, taller stronger; "
                   "a bar leads to its sentence.</figcaption></figure>\n");
  g_string_free (bars, TRUE);
}

/* The shown mentions of each entity, by name: name -> GArray of rows. */
static GHashTable *
mentions_by_name (const HtmlDoc *h)
{
  GHashTable *by = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  NlpColumn *canonical = h->entities ? nlp_layer_get_column (h->entities, "canonical") : NULL;

  for (guint r = 0; h->entities && r < nlp_layer_get_n_rows (h->entities); r++)
    {
      const char *name = canonical && nlp_column_is_set (canonical, r)
                         ? nlp_column_get_string (canonical, r) : NULL;
      char *key;
      GArray *rows;
      gsize len;

      if (!h->shown[r])
        continue;
      if (name != NULL)
        key = g_strdup (name);
      else
        {
          const char *t = nlp_layer_get_text (h->entities, r, &len);
          key = g_strndup (t, len);
        }
      if ((rows = g_hash_table_lookup (by, key)) == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by, key, rows);
        }
      else
        g_free (key);
      g_array_append_val (rows, r);
    }
  return by;
}

/* The types of @list in order of first appearance (the filter buttons). */
static GPtrArray *
types_of (GPtrArray *list)
{
  GPtrArray *types = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    {
      const char *label = ((NlpEntityCount *) g_ptr_array_index (list, i))->label;
      const char *name;
      int spare;

      html_label_style (label, &name, NULL, &spare);
      if (!g_ptr_array_find_with_equal_func (types, name, g_str_equal, NULL))
        g_ptr_array_add (types, (gpointer) name);
    }
  return types;
}

static void
append_filters (GString *out, const HtmlDoc *h, GPtrArray *list, GPtrArray *types)
{
  guint n = MIN (types->len, MAX_FILTERS);

  g_string_append_printf (out, "<input type=\"radio\" name=\"%s-f\" id=\"%s-f\" "
                          "checked><label for=\"%s-f\">all types (%u)</label>",
                          h->anchor, h->anchor, h->anchor, list->len);
  for (guint t = 0; t < n; t++)
    {
      guint count = 0;
      for (guint i = 0; i < list->len; i++)
        {
          const char *name;
          int spare;
          html_label_style (((NlpEntityCount *) g_ptr_array_index (list, i))->label, &name,
                            NULL, &spare);
          count += strcmp (name, g_ptr_array_index (types, t)) == 0;
        }
      g_string_append_printf (out, "<input type=\"radio\" name=\"%s-f\" id=\"%s-f%u\" "
                              "class=\"f%u\"><label for=\"%s-f%u\">", h->anchor, h->anchor, t, t,
                              h->anchor, t);
      html_escape_str (out, g_ptr_array_index (types, t));
      g_string_append_printf (out, " (%u)</label>", count);
    }
}

static void
append_row (GString *out, const HtmlDoc *h, const NlpEntityCount *e, GPtrArray *types,
            GHashTable *mentions)
{
  GArray *rows = g_hash_table_lookup (mentions, e->name);
  const char *name;
  guint t;
  int spare;
  double c;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  html_label_style (e->label, &name, NULL, &spare);
  g_ptr_array_find_with_equal_func (types, name, g_str_equal, &t);
  g_string_append (out, "<tr");
  if (t < MAX_FILTERS)
    g_string_append_printf (out, " class=\"t%u\"", t);
  g_string_append (out, "><td>");
  if (rows != NULL && rows->len > 0)
    g_string_append_printf (out, "<a href=\"#%s-m%u\">", h->anchor, g_array_index (rows, guint, 0));
  html_escape_str (out, e->name);
  g_string_append (out, rows != NULL && rows->len > 0 ? "</a></td><td>" : "</td><td>");
  html_mark (out, 'k', NULL, name, strlen (name), e->label, NULL);
  g_string_append_printf (out, "</td><td class=\"n\">%" G_GINT64_FORMAT "</td><td class=\"n",
                          e->count);
  if (nlp__entity_sentiment (h->doc, e->name, &c))
    g_string_append_printf (out, " %.3s\">%s", nlp__polarity_name (c),
                            g_ascii_formatd (buf, sizeof buf, "%+.2f", c));
  else
    g_string_append (out, "\">");
  g_string_append (out, "</td><td class=\"mentions\">");
  for (guint m = 0; rows != NULL && m < rows->len && m < MAX_LINKS; m++)
    {
      g_string_append_printf (out, "<a href=\"#%s-m%u\" aria-label=\"", h->anchor,
                              g_array_index (rows, guint, m));
      html_escape_str (out, e->name);
      g_string_append_printf (out, ", mention %u\">%u</a> ", m + 1, m + 1);
    }
  if (rows != NULL && rows->len > MAX_LINKS)
    g_string_append (out, "\xE2\x80\xA6");
  g_string_append (out, "</td></tr>\n");
}

static void
append_entities (GString *out, const HtmlDoc *h)
{
  GPtrArray *list = nlp__entity_counts (h->doc);
  GPtrArray *types;
  GHashTable *mentions;

  if (list->len == 0 && h->entities == NULL)
    {
      g_ptr_array_unref (list);
      return;
    }
  types = types_of (list);
  mentions = mentions_by_name (h);
  g_string_append (out, "<div class=\"entities\" role=\"group\" aria-label=\"Entities by type\">");
  append_filters (out, h, list, types);
  g_string_append_printf (out, "<div class=\"scroll\"><table><caption>Entities (%u), most "
                          "mentioned first</caption>\n<thead><tr><th>entity</th><th>type</th>"
                          "<th class=\"n\">mentions</th><th class=\"n\">sentiment</th>"
                          "<th>in the text</th></tr></thead><tbody>\n", list->len);
  for (guint i = 0; i < list->len; i++)
    append_row (out, h, g_ptr_array_index (list, i), types, mentions);
  g_string_append (out, "</tbody></table></div></div>\n");
  g_hash_table_unref (mentions);
  g_ptr_array_unref (types);
  g_ptr_array_unref (list);
}

void
html_summary (GString *out, HtmlDoc *h)
{
  g_string_append (out, "<section class=\"summary\">\n");
  append_sentiment (out, h->doc);
  append_chart (out, h);
  append_entities (out, h);
  g_string_append (out, "</section>\n");
}
