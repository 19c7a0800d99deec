/* testupper — needs `token`: adds token.upper (the upper-cased text).  For
 * the chain-validation tests (a requirement met, missing, or met too late). */
#include "nlpipe-stage.h"

static gboolean
testupper_process (gpointer worker, NlpDocument *doc, GError **error)
{
  NlpLayer *token = nlp_document_get_layer (doc, "token");
  NlpColumn *upper = nlp_layer_add_column (token, "upper", NLP_COLUMN_STRING, error);

  if (upper == NULL)
    return FALSE;
  for (guint r = 0; r < nlp_layer_get_n_rows (token); r++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (token, r, &len);
      char *up = g_utf8_strup (t, (gssize) len);
      nlp_column_set_string (upper, r, up);
      g_free (up);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (testupper,
  .version = "1.0",
  .summary = "Test stage: upper-cases tokens",
  .requires = NLP_NAMES ("token"),
  .provides = NLP_NAMES ("token.upper"),
  .process = testupper_process);
