/* modifier — changes what other stages made, and declares it: it lists
 * token.norm and doc.flag in modifies, upper-cases every norm and sets
 * doc.flag to 7.  Run it after testtok and testopts: the core lets it. */
#include "nlpipe-stage.h"

static gboolean
modifier_process (gpointer model, NlpDocument *doc, GError **error)
{
  NlpLayer *token = nlp_document_get_layer (doc, "token");
  NlpColumn *norm = nlp_layer_get_column (token, "norm");

  for (guint r = 0; r < nlp_layer_get_n_rows (token); r++)
    {
      char *up = g_ascii_strup (nlp_column_get_string (norm, r), -1);
      nlp_column_set_string (norm, r, up);
      g_free (up);
    }
  nlp_document_set_int (doc, "flag", 7);
  return TRUE;
}

NLP_STAGE_DEFINE (modifier,
  .version = "1.0",
  .summary = "Test stage: changes token.norm and doc.flag, as declared",
  .requires = NLP_NAMES ("token", "token.norm", "doc.flag"),
  .modifies = NLP_NAMES ("token.norm", "doc.flag"),
  .process = modifier_process);
