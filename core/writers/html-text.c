/* html-text.c — the article as it reads: each sentence a span tinted by
 * its sentiment, each entity mention a mark coloured by its type.  Every
 * sentence and every mention has an id, so the summary can link to
 * them. */
#include <string.h>
#include "html-private.h"
#include "writer-summary.h"

const char *
html_tint (double compound)
{
  static const char *const pos[] = { "p1", "p2", "p3", "p4", "p5" };
  static const char *const neg[] = { "n1", "n2", "n3", "n4", "n5" };
  double a = MIN (ABS (compound), 1.0);
  int level = MIN (4, (int) (a * 5));

  if (compound > -0.05 && compound < 0.05)
    return NULL;
  return compound > 0 ? pos[level] : neg[level];
}

/* Text [start, end) with the entities that lie wholly inside it marked.
 * Of nested or overlapping mentions the first (outermost) is shown. */
static void
append_region (GString *out, HtmlDoc *h, guint start, guint end)
{
  const char *text = nlp_document_get_text (h->doc, NULL);
  GString *title = g_string_new (NULL);
  guint pos = start, first = 0, n = 0;

  if (h->entities != NULL && end > start)
    n = nlp_layer_range (h->entities, start, end, &first);
  for (guint e = first; e < first + n; e++)
    {
      guint es = nlp_layer_get_start (h->entities, e), ee = nlp_layer_get_end (h->entities, e);
      char *id;

      if (es < pos || ee > end || ee == es)
        continue;
      html_escape (out, text + pos, es - pos);
      g_string_truncate (title, 0);
      nlp__append_cells (title, h->entities, e, NULL, " \xC2\xB7 ");
      id = g_strdup_printf ("%s-m%u", h->anchor, e);
      html_mark (out, 'e', id, text + es, ee - es,
                 h->label ? nlp_column_get_string (h->label, e) : NULL,
                 title->len ? title->str : NULL);
      g_free (id);
      h->shown[e] = 1;
      pos = ee;
    }
  html_escape (out, text + pos, end - pos);
  g_string_free (title, TRUE);
}

void
html_text (GString *out, HtmlDoc *h)
{
  NlpLayer *sentences = nlp_document_get_layer (h->doc, "sentence");
  NlpColumn *senti = sentences ? nlp_layer_get_column (sentences, "sentiment") : NULL;
  guint len = (guint) nlp_document_get_length (h->doc), pos = 0;
  GString *title = g_string_new (NULL);

  g_string_append (out, "<div class=\"text\">");
  for (guint i = 0; sentences && i < nlp_layer_get_n_rows (sentences); i++)
    {
      guint ss = nlp_layer_get_start (sentences, i), se = nlp_layer_get_end (sentences, i);
      const char *tint = NULL;

      if (ss < pos)
        continue;              /* overlapping sentences: show the first */
      append_region (out, h, pos, ss);
      g_string_truncate (title, 0);
      g_string_append_printf (title, "sentence %u", i + 1);
      if (nlp_layer_get_n_columns (sentences) > 0)
        g_string_append (title, ": ");
      nlp__append_cells (title, sentences, i, NULL, " \xC2\xB7 ");
      if (senti && nlp_column_is_set (senti, i))
        tint = html_tint (nlp_column_get_double (senti, i));
      g_string_append_printf (out, "<span class=\"s%s%s\" id=\"%s-s%u\"", tint ? " " : "",
                              tint ? tint : "", h->anchor, i);
      if (senti && nlp_column_is_set (senti, i))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (out, " data-sentiment=\"%s\"",
                                  g_ascii_formatd (buf, sizeof buf, "%+.4f",
                                                   nlp_column_get_double (senti, i)));
        }
      g_string_append (out, " title=\"");
      html_escape (out, title->str, title->len);
      g_string_append (out, "\">");
      append_region (out, h, ss, se);
      g_string_append (out, "</span>");
      pos = se;
    }
  append_region (out, h, pos, len);
  g_string_append (out, "</div>\n");
  g_string_free (title, TRUE);
}
