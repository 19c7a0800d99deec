/* testtok — a minimal tokenizer for the core tests: one `token` row per
 * run of non-space ASCII bytes, with `norm` the lower-cased text.  The core
 * tests use it instead of the real tokenize stage so that they test the
 * core only. */
#include "nlpipe-stage.h"

static gboolean
testtok_process (gpointer worker, NlpDocument *doc, GError **error)
{
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  NlpLayer *layer = nlp_document_add_layer (doc, "token", error);
  NlpColumn *norm;

  if (layer == NULL)
    return FALSE;
  norm = nlp_layer_add_column (layer, "norm", NLP_COLUMN_STRING, error);
  if (norm == NULL)
    return FALSE;
  for (gsize i = 0; i < len;)
    {
      gsize start;
      guint row;
      char *lower;

      while (i < len && g_ascii_isspace (text[i]))
        i++;
      if (i == len)
        break;
      start = i;
      while (i < len && !g_ascii_isspace (text[i]))
        i++;
      row = nlp_layer_add_span (layer, (guint) start, (guint) i);
      lower = g_utf8_strdown (text + start, (gssize) (i - start));
      nlp_column_set_string (norm, row, lower);
      g_free (lower);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (testtok,
  .version = "1.0",
  .summary = "Test stage: splits on white space into token with norm",
  .provides = NLP_NAMES ("token", "token.norm"),
  .process = testtok_process);
