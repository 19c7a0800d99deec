/* nosummary — a descriptor without its required summary. */
#include "nlpipe-stage.h"

static gboolean
nosummary_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (nosummary,
  .version = "1.0",
  .process = nosummary_process);
