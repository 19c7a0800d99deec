/* writer-html.c — one self-contained page: each document's headline, a
 * summary (sentiment, a chart of it, the entity table), a legend, the
 * text with entities highlighted by type and sentences tinted by
 * sentiment, and every other layer and attribute as tables.  No script,
 * no external resource (a Content-Security-Policy forbids both), so the
 * page opens offline and a text that slipped through unescaped could
 * still not run.  Every byte of the article, ids, metadata and stage
 * values goes through html_escape.  The look is writer-html.css, which
 * nlpipe serve's page uses too; the markup has classes, never a style
 * attribute, so it also works under that page's strict policy.
 *
 * Page layout: the header (head, style, <main>) before the first
 * document, titled after its headline; one <article class="doc"> per
 * document; the footer, with a table of contents when there are several
 * (NlpWriterPage).  docs/formats.md describes the classes tools can
 * select on.
 */
#include <string.h>
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "nlp-version.h"
#include "writer-summary.h"
#include "html-private.h"
#include "nlp-document-json.h"
#include "writer-html-css.h"

/* A headline longer than this is not one: the page uses the id. */
#define MAX_HEADLINE 200

static const char page_foot[] = "</main>\n</body>\n</html>\n";

void
html_escape (GString *out, const char *s, gsize len)
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

void
html_escape_str (GString *out, const char *s)
{
  if (s != NULL)
    html_escape (out, s, strlen (s));
}

/* The types the stylesheet colours (by data-label), with a word for the
 * legend. */
static const char *const known_labels[][2] = {
  { "PER", "person" }, { "LOC", "location" }, { "ORG", "organisation" },
  { "MISC", "other name" }, { "NORP", "nationality or group" }, { "DATE", "date" },
  { "TIME", "time" }, { "DURATION", "duration" }, { "MONEY", "money" },
  { "PERCENT", "percentage" },
};
/* Classes x0..x7 of the stylesheet, for the types of other stages. */
#define N_SPARE_COLORS 8

void
html_label_style (const char *label, const char **name, const char **meaning, int *spare)
{
  if (label == NULL || *label == '\0')
    label = "ENT";
  *name = label;
  for (guint i = 0; i < G_N_ELEMENTS (known_labels); i++)
    if (strcmp (known_labels[i][0], label) == 0)
      {
        if (meaning)
          *meaning = known_labels[i][1];
        *spare = -1;
        return;
      }
  if (meaning)
    *meaning = NULL;
  /* stable across documents and runs */
  *spare = (int) (g_str_hash (label) % N_SPARE_COLORS);
}

void
html_mark (GString *out, char cls, const char *id, const char *s, gsize len,
           const char *label, const char *title)
{
  const char *name;
  int spare;

  html_label_style (label, &name, NULL, &spare);
  g_string_append_printf (out, "<mark class=\"%c", cls);
  if (spare >= 0)
    g_string_append_printf (out, " x%d", spare);
  g_string_append_c (out, '"');
  if (id != NULL)
    g_string_append_printf (out, " id=\"%s\"", id);
  g_string_append (out, " data-label=\"");
  html_escape_str (out, name);
  if (title != NULL)
    {
      g_string_append (out, "\" title=\"");
      html_escape_str (out, title);
    }
  g_string_append (out, "\">");
  html_escape (out, s, len);
  /* the type after the text, unless the text is the type */
  if (len != strlen (name) || memcmp (s, name, len) != 0)
    {
      g_string_append (out, "<sub>");
      html_escape_str (out, name);
      g_string_append (out, "</sub>");
    }
  g_string_append (out, "</mark>");
}

/* (transfer full) @s on one line: runs of white space folded to one
 * space, none at either end. */
static char *
one_line (const char *s, gsize len)
{
  GString *out = g_string_sized_new (len);

  for (const char *p = s; p < s + len; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* A "title" or "headline" string member of a JSON Lines record, or NULL. */
static const char *
extra_headline (const NlpDocument *doc)
{
  JsonNode *extra = nlp_document_get_extra (doc);
  static const char *const names[] = { "title", "headline" };

  if (extra == NULL || !JSON_NODE_HOLDS_OBJECT (extra))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *m = json_object_get_member (json_node_get_object (extra), names[i]);
      if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING
          && *json_node_get_string (m))
        return json_node_get_string (m);
    }
  return NULL;
}

/* (transfer full) the document's headline: the record's title or
 * headline member, its "title" metadata, or its first line when that is
 * short enough to be one; else its id. */
static char *
headline (const NlpDocument *doc)
{
  const char *given = extra_headline (doc);
  gsize len;
  const char *text = nlp_document_get_text (doc, &len), *end = text + len, *nl;
  char *line;

  if (given == NULL)
    given = nlp_document_get_meta (doc, "title");
  if (given != NULL)
    {
      line = one_line (given, strlen (given));
      if (*line)
        return line;
      g_free (line);
    }
  while (text < end && g_ascii_isspace (*text))
    text++;
  nl = memchr (text, '\n', (gsize) (end - text));
  line = one_line (text, (gsize) ((nl ? nl : end) - text));
  if (*line && strlen (line) <= MAX_HEADLINE)
    return line;
  g_free (line);
  return g_strdup (nlp_document_get_id (doc));
}

/* (transfer full) the document's id in the page: "d-" and the id's
 * letters and digits (others as '-'), then a hash of the whole id so
 * that ids differing only in those stay apart. */
static char *
anchor (const char *id)
{
  GString *a = g_string_new ("d-");

  for (const char *p = id; *p && a->len < 42; p++)
    g_string_append_c (a, g_ascii_isalnum (*p) || *p == '_' ? *p : '-');
  g_string_append_printf (a, "-%08x", g_str_hash (id));
  return g_string_free (a, FALSE);
}

/* The legend: each entity type of this document once, then the tints. */
static void
append_legend (GString *out, const HtmlDoc *h)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_string_append (out, "<p class=\"legend\">");
  for (guint r = 0; h->entities && r < nlp_layer_get_n_rows (h->entities); r++)
    {
      const char *name, *meaning, *label = h->label ? nlp_column_get_string (h->label, r) : NULL;
      int spare;

      html_label_style (label, &name, &meaning, &spare);
      if (!g_hash_table_add (seen, (gpointer) name))
        continue;
      g_string_append (out, "<span>");
      html_mark (out, 'k', NULL, meaning ? meaning : name, strlen (meaning ? meaning : name),
                 name, NULL);
      g_string_append (out, "</span>");
    }
  if (nlp_document_get_layer (h->doc, "sentence") != NULL)
    g_string_append (out, "<span class=\"tints\">sentences: <span class=\"s p4\">positive</span> "
                     "<span class=\"s n4\">negative</span> (stronger tint, stronger "
                     "score)</span>");
  g_string_append (out, "</p>\n");
  g_hash_table_destroy (seen);
}

static void
append_notes (GString *out, NlpDocument *doc)
{
  const char *err_stage, *err = nlp_document_get_error (doc, &err_stage);

  if (err != NULL)
    {
      g_string_append (out, "<p class=\"error\">Error in stage ");
      html_escape_str (out, err_stage);
      g_string_append (out, ": ");
      html_escape_str (out, err);
      g_string_append (out, "</p>\n");
    }
  for (guint i = 0; i < nlp_document_get_n_warnings (doc); i++)
    {
      const char *stage, *message = nlp_document_get_warning (doc, i, &stage, NULL);
      g_string_append (out, "<p class=\"warning\">Warning from stage ");
      html_escape_str (out, stage);
      g_string_append (out, ": ");
      html_escape_str (out, message);
      g_string_append (out, "</p>\n");
    }
}

static void
html_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  HtmlDoc h = { doc };
  const char *id = nlp_document_get_id (doc);
  char *title = headline (doc);
  GString *text = g_string_new (NULL);

  (void) o;
  h.anchor = anchor (id);
  h.entities = nlp_document_get_layer (doc, "entity");
  h.label = h.entities ? nlp_layer_get_column (h.entities, "label") : NULL;
  h.shown = g_new0 (guint8, h.entities ? nlp_layer_get_n_rows (h.entities) + 1 : 1);
  /* the text first: the summary links only to mentions it shows */
  html_text (text, &h);

  /* the first line is what NlpWriterPage reads back (html_page_entry) */
  g_string_append_printf (out, "<article class=\"doc\" id=\"%s\" data-id=\"", h.anchor);
  html_escape_str (out, id);
  g_string_append (out, "\" data-title=\"");
  html_escape_str (out, title);
  g_string_append (out, "\">\n<header><h2>");
  html_escape_str (out, title);
  g_string_append (out, "</h2>\n<p class=\"meta\">id: ");
  html_escape_str (out, id);
  for (guint i = 0; i < nlp_document_get_n_meta (doc); i++)
    {
      const char *k, *v;
      nlp_document_get_meta_at (doc, i, &k, &v);
      g_string_append (out, " \xC2\xB7 ");
      html_escape_str (out, k);
      g_string_append (out, ": ");
      html_escape_str (out, v);
    }
  g_string_append (out, "</p>\n</header>\n");
  append_notes (out, doc);
  html_summary (out, &h);
  append_legend (out, &h);
  g_string_append_len (out, text->str, (gssize) text->len);
  html_tables (out, &h);
  g_string_append (out, "</article>\n");
  g_string_free (text, TRUE);
  g_free (h.shown);
  g_free (h.anchor);
  g_free (title);
}

/* The value of attribute @name in the first line of @output, still
 * escaped (transfer full), or NULL. */
static char *
attribute (const char *output, gsize len, const char *name)
{
  const char *nl = memchr (output, '\n', len);
  char *pattern = g_strdup_printf (" %s=\"", name);
  char *line = g_strndup (output, nl ? (gsize) (nl - output) : len);
  char *at = strstr (line, pattern), *value = NULL;

  if (at != NULL)
    {
      char *start = at + strlen (pattern), *quote = strchr (start, '"');
      if (quote != NULL)
        value = g_strndup (start, quote - start);
    }
  g_free (line);
  g_free (pattern);
  return value;
}

static gboolean
html_page_entry (const char *output, gsize len, char **anchor_out, char **title)
{
  if (!g_str_has_prefix (output, "<article class=\"doc\""))
    return FALSE;
  *anchor_out = attribute (output, len, "id");
  *title = attribute (output, len, "data-title");
  return *anchor_out != NULL && *title != NULL;
}

static void
html_page_header (const NlpWriterOptions *o, const GPtrArray *entries, GString *out)
{
  const NlpPageEntry *first = entries->len > 0 ? g_ptr_array_index (entries, 0) : NULL;

  (void) o;
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"nlpipe " NLP_VERSION "\">\n<title>");
  /* already escaped in the entry */
  g_string_append (out, first ? first->title : "nlpipe");
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, html_stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n<main class=\"nlpipe\">\n");
}

static void
html_page_footer (const NlpWriterOptions *o, const GPtrArray *entries, GString *out)
{
  (void) o;
  if (entries->len > 1)
    {
      g_string_append_printf (out, "<nav class=\"toc\" aria-label=\"Articles\"><h2>%u "
                              "articles</h2><ol>\n", entries->len);
      for (guint i = 0; i < entries->len; i++)
        {
          const NlpPageEntry *e = g_ptr_array_index (entries, i);
          g_string_append_printf (out, "<li><a href=\"#%s\">%s</a></li>\n", e->anchor, e->title);
        }
      g_string_append (out, "</ol></nav>\n");
    }
  g_string_append (out, page_foot);
}

static void
html_header (const NlpWriterOptions *o, GString *out)
{
  GPtrArray *none = g_ptr_array_new ();

  html_page_header (o, none, out);
  g_ptr_array_unref (none);
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
  .page_entry = html_page_entry,
  .page_header = html_page_header,
  .page_footer = html_page_footer,
};
