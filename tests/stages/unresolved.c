/* unresolved — calls a function nothing defines.  Linked without
 * -z defs (so the link succeeds) but with -z now, so loading it fails. */
#include "nlpipe-stage.h"

extern int nlp_test_function_nothing_defines (const char *text);

static gboolean
unresolved_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return nlp_test_function_nothing_defines (nlp_document_get_text (doc, NULL)) == 0;
}

NLP_STAGE_DEFINE (unresolved,
  .version = "1.0",
  .summary = "uses a symbol no library provides",
  .process = unresolved_process);
