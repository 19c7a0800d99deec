/* noversion — a descriptor without its required version. */
#include "nlpipe-stage.h"

static gboolean
noversion_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (noversion,
  .summary = "forgot its version",
  .process = noversion_process);
