/* writer-html.c — one self-contained page: entities highlighted by type
 * with a legend, sentences tinted by sentiment, a summary panel per
 * document.  No script, no external resource (a Content-Security-Policy
 * forbids both), so the page opens offline and a text that slipped through
 * unescaped could still not run.  Every byte of the article, ids, metadata
 * and stage values goes through append_escaped.
 *
 * Page layout: the header (head, style, <main>) once, one <article
 * class="doc"> per document, the footer once.  docs/formats.md describes
 * the classes tools can select on.
 */
#include <string.h>
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "nlp-version.h"
#include "writer-summary.h"

/* Shown in the summary; the text shows every mention. */
#define MAX_SUMMARY_ENTITIES 12

static const char page_head[] =
  "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
  "style-src 'unsafe-inline'\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
  "<meta name=\"generator\" content=\"nlpipe " NLP_VERSION "\">\n"
  "<title>nlpipe</title>\n<style>\n"
  "body{font:16px/1.6 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}\n"
  "main{max-width:52em;margin:0 auto;padding:1em}\n"
  "article.doc{background:#fff;border:1px solid #ddd;border-radius:6px;"
  "padding:1em 1.5em;margin:1em 0}\n"
  "article.doc>h2{margin:.2em 0;font-size:1.2em;word-break:break-all}\n"
  ".meta{color:#666;font-size:.85em;margin:0}\n"
  ".summary{background:#f3f5f8;border-radius:4px;padding:.5em 1em;margin:.8em 0}\n"
  ".summary p{margin:.3em 0}\n"
  ".summary ol{margin:.3em 0;padding-left:1.5em;columns:2}\n"
  ".legend{font-size:.85em;color:#444}\n"
  ".legend>span{margin-right:.8em;white-space:nowrap}\n"
  ".text{white-space:pre-wrap;overflow-wrap:anywhere}\n"
  ".s{border-radius:3px}\n"
  "mark{color:inherit;border-radius:3px;padding:0 .15em;"
  "box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}\n"
  "mark sub{font-size:.6em;font-weight:bold;color:#333;margin-left:.15em}\n"
  ".pos{color:#1a7f37}.neg{color:#c62828}.neu{color:#666}\n"
  ".error{color:#c62828;font-weight:bold}\n"
  ".warning{color:#8a5a00;font-weight:bold}\n"
  "details{margin:.5em 0;font-size:.85em}\n"
  "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.1em .4em;"
  "text-align:left;vertical-align:top}\n"
  "</style>\n</head>\n<body>\n<main>\n";

static const char page_foot[] = "</main>\n</body>\n</html>\n";

/* Escapes for text and for double- or single-quoted attribute values;
 * NUL, which the HTML parser drops or replaces unpredictably, becomes
 * U+FFFD. */
static void
append_escaped (GString *out, const char *s, gsize len)
{
  const char *run = s, *end = s + len;

  for (const char *p = s; p < end; p++)
    {
      const char *esc;

      switch (*p)
        {
        case '&':  esc = "&amp;"; break;
        case '<':  esc = "&lt;"; break;
        case '>':  esc = "&gt;"; break;
        case '"':  esc = "&quot;"; break;
        case '\'': esc = "&#39;"; break;
        case '\0': esc = "\xEF\xBF\xBD"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, esc);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static void
append_escaped_str (GString *out, const char *s)
{
  if (s != NULL)
    append_escaped (out, s, strlen (s));
}

typedef struct {
  const char *label;
  const char *color;
  const char *meaning;
} LabelStyle;

/* Light backgrounds that stay readable and apart from the green and red
 * sentence tints. */
static const LabelStyle known_labels[] = {
  { "PER", "#aed6f1", "person" },
  { "LOC", "#ffcc80", "location" },
  { "ORG", "#d7bde2", "organisation" },
  { "MISC", "#fff59d", "other name" },
  { "DATE", "#cfd8dc", "date" },
  { "TIME", "#cfd8dc", "time" },
  { "MONEY", "#b2dfdb", "money" },
  { "PERCENT", "#b2dfdb", "percentage" },
};

/* Labels of third-party stages get a colour from their name: stable across
 * documents and runs. */
static const char *const spare_colors[] = {
  "#ffab91", "#80deea", "#ce93d8", "#a5d6a7", "#e6ee9c", "#90caf9", "#f48fb1", "#bcaaa4",
};

static const LabelStyle *
label_style (const char *label, LabelStyle *spare)
{
  if (label == NULL || *label == '\0')
    label = "ENT";
  for (guint i = 0; i < G_N_ELEMENTS (known_labels); i++)
    if (strcmp (known_labels[i].label, label) == 0)
      return &known_labels[i];
  spare->label = label;
  spare->color = spare_colors[g_str_hash (label) % G_N_ELEMENTS (spare_colors)];
  spare->meaning = NULL;
  return spare;
}

/* A mark for entity text @s/@len with @label: class "e" for a mention in
 * the text, "k" for the summary and legend (so mentions can be counted);
 * @title (escaped here) may be NULL. */
static void
append_mark (GString *out, char cls, const char *s, gsize len, const char *label,
             const char *title)
{
  LabelStyle spare;
  const LabelStyle *st = label_style (label, &spare);

  g_string_append_printf (out, "<mark class=\"%c\" style=\"background:%s\" data-label=\"",
                          cls, st->color);
  append_escaped_str (out, st->label);
  if (title != NULL)
    {
      g_string_append (out, "\" title=\"");
      append_escaped_str (out, title);
    }
  g_string_append (out, "\">");
  append_escaped (out, s, len);
  g_string_append (out, "<sub>");
  append_escaped_str (out, st->label);
  g_string_append (out, "</sub></mark>");
}

/* Text [start, end) with the entities that lie wholly inside it marked.
 * Of nested or overlapping mentions the first (outermost) is shown. */
static void
append_region (GString *out, NlpDocument *doc, guint start, guint end,
               const NlpLayer *entities)
{
  const char *text = nlp_document_get_text (doc, NULL);
  NlpColumn *label = entities ? nlp_layer_get_column (entities, "label") : NULL;
  GString *title = g_string_new (NULL);
  guint pos = start, first = 0, n = 0;

  if (entities != NULL && end > start)
    n = nlp_layer_range (entities, start, end, &first);
  for (guint e = first; e < first + n; e++)
    {
      guint es = nlp_layer_get_start (entities, e), ee = nlp_layer_get_end (entities, e);

      if (es < pos || ee > end || ee == es)
        continue;
      append_escaped (out, text + pos, es - pos);
      g_string_truncate (title, 0);
      nlp__append_cells (title, entities, e, NULL, " \xC2\xB7 ");
      append_mark (out, 'e', text + es, ee - es, label ? nlp_column_get_string (label, e) : NULL,
                   title->len ? title->str : NULL);
      pos = ee;
    }
  append_escaped (out, text + pos, end - pos);
  g_string_free (title, TRUE);
}

/* Background for a sentence: green or red, stronger as the score grows;
 * none when neutral. */
static void
append_tint (GString *out, double compound)
{
  double a = 0.06 + 0.30 * MIN (ABS (compound), 1.0);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (compound > -0.05 && compound < 0.05)
    return;
  g_ascii_formatd (buf, sizeof buf, "%.2f", a);
  g_string_append_printf (out, " style=\"background:rgba(%s,%s)\"",
                          compound > 0 ? "46,160,67" : "220,50,47", buf);
}

static void
append_text (GString *out, NlpDocument *doc)
{
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");
  NlpColumn *senti = sentences ? nlp_layer_get_column (sentences, "sentiment") : NULL;
  guint len = (guint) nlp_document_get_length (doc), pos = 0;
  GString *title = g_string_new (NULL);

  g_string_append (out, "<div class=\"text\">");
  for (guint i = 0; sentences && i < nlp_layer_get_n_rows (sentences); i++)
    {
      guint ss = nlp_layer_get_start (sentences, i), se = nlp_layer_get_end (sentences, i);

      if (ss < pos)
        continue;              /* overlapping sentences: show the first */
      append_region (out, doc, pos, ss, entities);
      g_string_truncate (title, 0);
      g_string_append_printf (title, "sentence %u", i + 1);
      if (nlp_layer_get_n_columns (sentences) > 0)
        g_string_append (title, ": ");
      nlp__append_cells (title, sentences, i, NULL, " \xC2\xB7 ");
      g_string_append (out, "<span class=\"s\"");
      if (senti && nlp_column_is_set (senti, i))
        {
          double c = nlp_column_get_double (senti, i);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (out, " data-sentiment=\"%s\"",
                                  g_ascii_formatd (buf, sizeof buf, "%+.4f", c));
          append_tint (out, c);
        }
      g_string_append (out, " title=\"");
      append_escaped (out, title->str, title->len);
      g_string_append (out, "\">");
      append_region (out, doc, ss, se, entities);
      g_string_append (out, "</span>");
      pos = se;
    }
  append_region (out, doc, pos, len, entities);
  g_string_append (out, "</div>\n");
  g_string_free (title, TRUE);
}

static void
append_sentiment_summary (GString *out, const NlpDocument *doc)
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
                          g_ascii_formatd (buf, sizeof buf, "%+.4f", compound), polarity);
  if (counts[0] >= 0 && counts[1] >= 0 && counts[2] >= 0)
    g_string_append_printf (out, " \xE2\x80\x94 %" G_GINT64_FORMAT " positive, %"
                            G_GINT64_FORMAT " neutral, %" G_GINT64_FORMAT
                            " negative sentences", counts[0], counts[1], counts[2]);
  g_string_append (out, "</p>\n");
}

static void
append_entity_summary (GString *out, const NlpDocument *doc)
{
  GPtrArray *list = nlp__entity_counts (doc);
  if (list->len > 0 || nlp_document_get_layer (doc, "entity") != NULL)
    {
      g_string_append_printf (out, "<p><b>Entities</b> (%u)%s</p>\n<ol class=\"entities\">",
                              list->len, list->len > MAX_SUMMARY_ENTITIES
                              ? ", most mentioned:" : "");
      for (guint i = 0; i < list->len && i < MAX_SUMMARY_ENTITIES; i++)
        {
          NlpEntityCount *e = g_ptr_array_index (list, i);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          double c;

          g_string_append (out, "<li>");
          append_mark (out, 'k', e->name, strlen (e->name), e->label, NULL);
          g_string_append_printf (out, " \xC3\x97%" G_GINT64_FORMAT, e->count);
          /* the mean sentiment of the sentences that mention it */
          if (nlp__entity_sentiment (doc, e->name, &c))
            g_string_append_printf (out, " <span class=\"%.3s\" title=\"sentiment\">%s</span>",
                                    nlp__polarity_name (c),
                                    g_ascii_formatd (buf, sizeof buf, "%+.2f", c));
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ol>\n");
    }
  g_ptr_array_unref (list);
}

/* The legend: each entity type of this document once, then the tints. */
static void
append_legend (GString *out, const NlpDocument *doc)
{
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");
  NlpColumn *label = entities ? nlp_layer_get_column (entities, "label") : NULL;
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_string_append (out, "<p class=\"legend\">");
  for (guint r = 0; entities && r < nlp_layer_get_n_rows (entities); r++)
    {
      LabelStyle spare;
      const LabelStyle *st = label_style (label ? nlp_column_get_string (label, r) : NULL,
                                          &spare);

      if (!g_hash_table_add (seen, (gpointer) st->label))
        continue;
      g_string_append (out, "<span>");
      append_mark (out, 'k', st->meaning ? st->meaning : st->label,
                   strlen (st->meaning ? st->meaning : st->label), st->label, NULL);
      g_string_append (out, "</span>");
    }
  if (nlp_document_get_layer (doc, "sentence") != NULL)
    g_string_append (out, "<span>sentences: <span class=\"s\" style=\"background:rgba(46,160,67,.3)\">"
                     "positive</span> <span class=\"s\" style=\"background:rgba(220,50,47,.3)\">"
                     "negative</span> (stronger tint, stronger score)</span>");
  g_string_append (out, "</p>\n");
  g_hash_table_destroy (seen);
}

/* Everything the reading view above does not show, generically: other
 * layers as tables, other attributes as JSON. */
static void
append_other (GString *out, NlpDocument *doc)
{
  for (guint i = 0; i < nlp_document_get_n_layers (doc); i++)
    {
      const NlpLayer *layer = nlp_document_get_layer_at (doc, i);
      const char *name = nlp_layer_get_name (layer);
      guint ncols = nlp_layer_get_n_columns (layer);

      if (strcmp (name, "token") == 0 || strcmp (name, "sentence") == 0
          || strcmp (name, "entity") == 0)
        continue;
      g_string_append (out, "<details class=\"layer\"><summary>Layer ");
      append_escaped_str (out, name);
      g_string_append_printf (out, " (%u)</summary><table><tr><th>text</th>",
                              nlp_layer_get_n_rows (layer));
      for (guint c = 0; c < ncols; c++)
        {
          g_string_append (out, "<th>");
          append_escaped_str (out, nlp_column_get_name (nlp_layer_get_column_at (layer, c)));
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr>\n");
      for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
        {
          gsize len;
          const char *t = nlp_layer_get_text (layer, r, &len);
          g_string_append (out, "<tr><td>");
          append_escaped (out, t, len);
          for (guint c = 0; c < ncols; c++)
            {
              GString *cell = g_string_new (NULL);
              const NlpColumn *col = nlp_layer_get_column_at (layer, c);
              if (nlp_column_is_set (col, r) && nlp_column_get_value_type (col) == NLP_COLUMN_STRING)
                g_string_append (cell, nlp_column_get_string (col, r));
              else if (nlp_column_is_set (col, r))
                nlp__json_append_cell (cell, col, r);
              g_string_append (out, "</td><td>");
              append_escaped (out, cell->str, cell->len);
              g_string_free (cell, TRUE);
            }
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table></details>\n");
    }
  for (guint i = 0; i < nlp_document_get_n_attrs (doc); i++)
    {
      const char *name = nlp_document_get_attr_name (doc, i);
      GString *value = g_string_new (NULL);

      g_string_append (out, "<details class=\"attribute\"><summary>");
      append_escaped_str (out, name);
      g_string_append (out, "</summary><code>");
      nlp__json_append_attr (value, doc, i);
      append_escaped (out, value->str, value->len);
      g_string_append (out, "</code></details>\n");
      g_string_free (value, TRUE);
    }
}

static void
html_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  const char *err_stage, *err = nlp_document_get_error (doc, &err_stage);

  (void) o;
  g_string_append (out, "<article class=\"doc\" data-id=\"");
  append_escaped_str (out, nlp_document_get_id (doc));
  g_string_append (out, "\">\n<h2>");
  append_escaped_str (out, nlp_document_get_id (doc));
  g_string_append (out, "</h2>\n");
  for (guint i = 0; i < nlp_document_get_n_meta (doc); i++)
    {
      const char *k, *v;
      nlp_document_get_meta_at (doc, i, &k, &v);
      g_string_append (out, "<p class=\"meta\">");
      append_escaped_str (out, k);
      g_string_append (out, ": ");
      append_escaped_str (out, v);
      g_string_append (out, "</p>\n");
    }
  if (err != NULL)
    {
      g_string_append (out, "<p class=\"error\">Error in stage ");
      append_escaped_str (out, err_stage);
      g_string_append (out, ": ");
      append_escaped_str (out, err);
      g_string_append (out, "</p>\n");
    }
  for (guint i = 0; i < nlp_document_get_n_warnings (doc); i++)
    {
      const char *stage, *message = nlp_document_get_warning (doc, i, &stage, NULL);
      g_string_append (out, "<p class=\"warning\">Warning from stage ");
      append_escaped_str (out, stage);
      g_string_append (out, ": ");
      append_escaped_str (out, message);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<section class=\"summary\">\n");
  append_sentiment_summary (out, doc);
  append_entity_summary (out, doc);
  g_string_append (out, "</section>\n");
  append_legend (out, doc);
  append_text (out, doc);
  append_other (out, doc);
  g_string_append (out, "</article>\n");
}

static void
html_header (const NlpWriterOptions *o, GString *out)
{
  (void) o;
  g_string_append (out, page_head);
}

static void
html_footer (const NlpWriterOptions *o, GString *out)
{
  (void) o;
  g_string_append (out, page_foot);
}

const NlpWriterClass nlp__writer_html = {
  .name = "html",
  .description = "a self-contained page: entities by type, sentences tinted by sentiment",
  .header = html_header,
  .format = html_format,
  .footer = html_footer,
};
