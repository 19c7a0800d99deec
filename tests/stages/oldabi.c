/* oldabi — a stage built against the stage ABI 1.0 header (frozen in
 * tests/stages/abi-1.0/): its descriptor has no licence, author, homepage
 * or languages.  A newer host loads it, sees those as unset (any language),
 * and runs it. */
#include "nlpipe-stage.h"           /* tests/stages/abi-1.0/nlpipe-stage.h */

#if NLP_ABI_MINOR != 0
#error "oldabi must be built against the ABI 1.0 header"
#endif

static gboolean
oldabi_process (gpointer worker, NlpDocument *doc, GError **error)
{
  nlp_document_set_string (doc, "oldabi", "ran");
  return TRUE;
}

NLP_STAGE_DEFINE (oldabi,
  .version = "1.0",
  .summary = "Test stage: built against stage ABI 1.0",
  .provides = NLP_NAMES ("doc.oldabi"),
  .process = oldabi_process);
