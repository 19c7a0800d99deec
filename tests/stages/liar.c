/* liar — declares that it provides a layer and never adds it. */
#include "nlpipe-stage.h"

static gboolean
liar_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (liar,
  .version = "1.0",
  .summary = "claims a 'liar' layer it does not add",
  .provides = NLP_NAMES ("liar"),
  .process = liar_process);
