/* badnames — a descriptor whose provides lists a malformed name (three
 * parts): refused at load, naming it. */
#include "nlpipe-stage.h"

static gboolean
badnames_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (badnames,
  .version = "1.0",
  .summary = "lists a malformed name",
  .provides = NLP_NAMES ("token", "token.upper.case"),
  .process = badnames_process);
