/* nlp-writer.c — the format table and helpers every format shares. */
#include <string.h>
#include "nlp-writer-private.h"
#include "nlp-error.h"

struct _NlpWriter {
  gint                  ref;
  const NlpWriterClass *klass;   /* NULL for "none" */
  NlpWriterOptions      options;
  char                 *columns;
};

static const NlpWriterClass *const formats[] = {
  &nlp__writer_json,
  &nlp__writer_text,
  &nlp__writer_tsv,
  &nlp__writer_html,
  &nlp__writer_sentences,
  &nlp__writer_conllu,
  NULL
};

static const char *const format_names[] = { "json", "text", "tsv", "html", "sentences", "conllu",
                                            "none", NULL };

const char *const *
nlp_writer_list_formats (void)
{
  return format_names;
}

const char *
nlp_writer_describe (const char *format)
{
  if (g_strcmp0 (format, "none") == 0)
    return "run every stage and write nothing (benchmarks)";
  for (guint i = 0; formats[i]; i++)
    if (g_strcmp0 (formats[i]->name, format) == 0)
      return formats[i]->description;
  return NULL;
}

NlpWriter *
nlp_writer_new (const char *format, const NlpWriterOptions *options, GError **error)
{
  NlpWriter *writer;
  const NlpWriterClass *klass = NULL;

  for (guint i = 0; formats[i]; i++)
    if (g_strcmp0 (formats[i]->name, format) == 0)
      klass = formats[i];
  if (klass == NULL && g_strcmp0 (format, "none") != 0)
    {
      char *list = g_strjoinv (", ", (char **) format_names);
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "unknown output format '%s'; formats: %s", format, list);
      g_free (list);
      return NULL;
    }
  writer = g_new0 (NlpWriter, 1);
  writer->ref = 1;
  writer->klass = klass;
  if (options)
    writer->options = *options;
  writer->columns = g_strdup (writer->options.columns);
  writer->options.columns = writer->columns;
  return writer;
}

NlpWriter *
nlp_writer_ref (NlpWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_atomic_int_inc (&writer->ref);
  return writer;
}

void
nlp_writer_free (NlpWriter *writer)
{
  nlp_writer_unref (writer);
}

void
nlp_writer_unref (NlpWriter *writer)
{
  if (writer == NULL || !g_atomic_int_dec_and_test (&writer->ref))
    return;
  g_free (writer->columns);
  g_free (writer);
}

void
nlp_writer_header (NlpWriter *writer, GString *out)
{
  if (writer->klass && writer->klass->header)
    writer->klass->header (&writer->options, out);
}

void
nlp_writer_footer (NlpWriter *writer, GString *out)
{
  if (writer->klass && writer->klass->footer)
    writer->klass->footer (&writer->options, out);
}

void
nlp_writer_format (NlpWriter *writer, NlpDocument *doc, GString *out)
{
  if (writer->klass)
    writer->klass->format (&writer->options, doc, out);
}

char *
nlp_writer_format_to_string (NlpWriter *writer, NlpDocument *doc, gboolean edges)
{
  GString *out = g_string_new (NULL), *body;
  NlpWriterPage *page;

  g_return_val_if_fail (writer != NULL && doc != NULL, NULL);
  if (!edges)
    {
      nlp_writer_format (writer, doc, out);
      return g_string_free (out, FALSE);
    }
  /* a page of one document, as the command writes a file of it (html:
   * titled after its headline) */
  body = g_string_new (NULL);
  nlp_writer_format (writer, doc, body);
  page = nlp_writer_page_new (writer);
  nlp_writer_page_add (page, body->str, body->len, out);
  g_string_append_len (out, body->str, (gssize) body->len);
  nlp_writer_page_end (page, out);
  nlp_writer_page_free (page);
  g_string_free (body, TRUE);
  return g_string_free (out, FALSE);
}

gboolean
nlp_writer_check (NlpWriter *writer, const char *const *provided, GError **error)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (writer != NULL, FALSE);
  if (writer->klass == NULL || writer->klass->check == NULL)
    return TRUE;
  return writer->klass->check (&writer->options, provided ? provided : none, error);
}

gboolean
nlp_writer_is_null (const NlpWriter *writer)
{
  return writer->klass == NULL;
}

const NlpWriterClass *
nlp__writer_get_class (const NlpWriter *writer)
{
  return writer->klass;
}

const NlpWriterOptions *
nlp__writer_get_options (const NlpWriter *writer)
{
  return &writer->options;
}
