/* writer-doc.c — hand-built documents for the writer tests. */
#include <string.h>
#include "writer-doc.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
add_tokens (NlpDocument *doc, const char *text, gsize len)
{
  NlpLayer *tokens = nlp_document_add_layer (doc, "token", NULL);
  NlpColumn *norm = nlp_layer_add_column (tokens, "norm", NLP_COLUMN_STRING, NULL);
  NlpColumn *kind = nlp_layer_add_column (tokens, "kind", NLP_COLUMN_STRING, NULL);
  NlpColumn *stem = nlp_layer_add_column (tokens, "stem", NLP_COLUMN_STRING, NULL);
  const char *p = text, *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q = g_utf8_next_char (p);
      char *folded;
      guint row;

      if (g_unichar_isspace (c))
        {
          p = q;
          continue;
        }
      if (is_word_char (c))
        while (q < end && is_word_char (g_utf8_get_char (q)))
          q = g_utf8_next_char (q);
      row = nlp_layer_add_span (tokens, p - text, q - text);
      folded = g_utf8_casefold (p, q - p);
      nlp_column_set_string (norm, row, folded);
      nlp_column_set_string (kind, row, is_word_char (c) ? "word" : "punct");
      if (is_word_char (c))
        {
          gsize n = strlen (folded);
          nlp_column_set_string_len (stem, row, folded,
                                     n > 3 && folded[n - 1] == 's' ? n - 1 : n);
        }
      g_free (folded);
      p = q;
    }
}

static void
add_sentences (NlpDocument *doc, const char *text, gsize len, const double *sentiment)
{
  NlpLayer *sentences = nlp_document_add_layer (doc, "sentence", NULL);
  NlpColumn *score = sentiment
    ? nlp_layer_add_column (sentences, "sentiment", NLP_COLUMN_DOUBLE, NULL) : NULL;
  gsize start = 0;

  for (guint i = 0; start < len; i++)
    {
      const char *nl = memchr (text + start, '\n', len - start);
      gsize end = nl ? (gsize) (nl - text) : len;
      guint row;

      if (end > start)
        {
          row = nlp_layer_add_span (sentences, start, end);
          if (score)
            nlp_column_set_double (score, row, sentiment[row]);
        }
      start = end + 1;
    }
}

static gint
by_start (gconstpointer a, gconstpointer b)
{
  const guint *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

static void
add_entities (NlpDocument *doc, const char *text, const WdEntity *entities)
{
  NlpLayer *layer = nlp_document_add_layer (doc, "entity", NULL);
  NlpColumn *label = nlp_layer_add_column (layer, "label", NLP_COLUMN_STRING, NULL);
  NlpColumn *source = nlp_layer_add_column (layer, "source", NLP_COLUMN_STRING, NULL);
  NlpColumn *canonical = nlp_layer_add_column (layer, "canonical", NLP_COLUMN_STRING, NULL);
  GArray *spans = g_array_new (FALSE, FALSE, 3 * sizeof (guint));

  for (guint i = 0; entities[i].text; i++)
    {
      const char *at = strstr (text, entities[i].text);
      guint span[3];

      for (guint n = 0; at != NULL && n < entities[i].nth; n++)
        at = strstr (at + 1, entities[i].text);
      cr_assert_not_null (at, "fixture: '%s' not in the text", entities[i].text);
      span[0] = at - text;
      span[1] = span[0] + strlen (entities[i].text);
      span[2] = i;
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, by_start);
  for (guint i = 0; i < spans->len; i++)
    {
      const guint *span = &g_array_index (spans, guint, 3 * i);
      const WdEntity *e = &entities[span[2]];
      guint row = nlp_layer_add_span (layer, span[0], span[1]);

      if (e->label)
        nlp_column_set_string (label, row, e->label);
      nlp_column_set_string (source, row, "rule");
      if (e->canonical)
        nlp_column_set_string (canonical, row, e->canonical);
    }
  g_array_free (spans, TRUE);
}

NlpDocument *
wd_new (const char *id, const char *text, const WdEntity *entities,
        const double *sentiment)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new (id, text, -1, &error);
  gsize len;

  cr_assert_not_null (doc, "fixture text: %s", error ? error->message : "?");
  text = nlp_document_get_text (doc, &len);
  add_tokens (doc, text, len);
  add_sentences (doc, text, len, sentiment);
  if (entities != NULL)
    add_entities (doc, text, entities);
  return doc;
}

char *
wd_format_docs (const char *format, const NlpWriterOptions *options,
                NlpDocument *const *docs, guint n)
{
  GError *error = NULL;
  NlpWriter *writer = nlp_writer_new (format, options, &error);
  GString *out = g_string_new (NULL), *doc_out = g_string_new (NULL);
  NlpWriterPage *page;

  cr_assert_not_null (writer, "writer %s: %s", format, error ? error->message : "?");
  /* as the command writes a page */
  page = nlp_writer_page_new (writer);
  for (guint i = 0; i < n; i++)
    {
      g_string_truncate (doc_out, 0);
      nlp_writer_format (writer, docs[i], doc_out);
      nlp_writer_page_add (page, doc_out->str, doc_out->len, out);
      g_string_append_len (out, doc_out->str, (gssize) doc_out->len);
    }
  nlp_writer_page_end (page, out);
  nlp_writer_page_free (page);
  nlp_writer_free (writer);
  g_string_free (doc_out, TRUE);
  return g_string_free (out, FALSE);
}

char *
wd_format (const char *format, const NlpWriterOptions *options, NlpDocument *doc)
{
  return wd_format_docs (format, options, &doc, 1);
}

guint
wd_count (const char *haystack, const char *needle)
{
  guint n = 0;
  gsize step = strlen (needle);

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + step, needle))
    n++;
  return n;
}
