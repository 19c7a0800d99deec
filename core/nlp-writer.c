/* nlp-writer.c — the format table and helpers every format shares. */
#include <string.h>
#include "nlp-writer-private.h"
#include "nlp-document-private.h"
#include "nlp-dtoa-private.h"
#include "nlp-json-out-private.h"
#include "nlp-error.h"

struct _NlpWriter {
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
  writer->klass = klass;
  if (options)
    writer->options = *options;
  writer->columns = g_strdup (writer->options.columns);
  writer->options.columns = writer->columns;
  return writer;
}

void
nlp_writer_free (NlpWriter *writer)
{
  if (writer == NULL)
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

gboolean
nlp_writer_is_null (const NlpWriter *writer)
{
  return writer->klass == NULL;
}

void
nlp__json_append_string (GString *out, const char *s, gsize len)
{
  char *p = nlp__out_reserve (out, NLP_JSON_STRING_MAX (len));

  nlp__out_commit (out, nlp__put_json_string (p, s, len));
}

void
nlp__json_append_double (GString *out, double value)
{
  char *p = nlp__out_reserve (out, NLP_DTOA_BUF_SIZE);

  nlp__out_commit (out, p + nlp__dtoa (value, p));
}

void
nlp__json_append_int (GString *out, gint64 value)
{
  char *p = nlp__out_reserve (out, NLP_INT64_MAX_DIGITS);

  nlp__out_commit (out, nlp__put_i64 (p, value));
}

void
nlp__json_append_cell (GString *out, const NlpColumn *column, guint row)
{
  if (!nlp_column_is_set (column, row))
    {
      g_string_append (out, "null");
      return;
    }
  switch (nlp_column_get_type (column))
    {
    case NLP_COLUMN_STRING:
      {
        const char *s = nlp_column_get_string (column, row);
        nlp__json_append_string (out, s, strlen (s));
      }
      break;
    case NLP_COLUMN_INT:
      nlp__json_append_int (out, nlp_column_get_int (column, row));
      break;
    case NLP_COLUMN_DOUBLE:
      nlp__json_append_double (out, nlp_column_get_double (column, row));
      break;
    case NLP_COLUMN_REF:
      nlp__json_append_int (out, nlp_column_get_ref (column, row));
      break;
    default:
      g_string_append (out, "null");
    }
}

void
nlp__json_append_attr (GString *out, const NlpDocument *doc, guint i)
{
  const char *s;

  switch (nlp_document_get_attr_type (doc, i))
    {
    case NLP_VALUE_STRING:
      s = nlp_document_get_attr_string (doc, i);
      nlp__json_append_string (out, s, strlen (s));
      break;
    case NLP_VALUE_INT:
      nlp__json_append_int (out, nlp_document_get_attr_int (doc, i));
      break;
    case NLP_VALUE_DOUBLE:
      nlp__json_append_double (out, nlp_document_get_attr_double (doc, i));
      break;
    case NLP_VALUE_JSON:
      {
        gsize len;
        const char *text = nlp__document_get_attr_json_text (doc, i, &len);
        if (text != NULL)
          g_string_append_len (out, text, (gssize) len);
        else
          nlp__json_append_node (out, nlp_document_get_attr_json (doc, i));
      }
      break;
    default:
      g_string_append (out, "null");
    }
}
