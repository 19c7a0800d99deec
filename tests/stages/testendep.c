/* testendep — any language, but needs testen's doc.testen: when testen
 * does not run on a document, neither can it. */
#include "nlpipe-stage.h"

static gboolean
testendep_process (gpointer model, NlpDocument *doc, GError **error)
{
  nlp_document_set_string (doc, "testendep", "ran");
  return TRUE;
}

NLP_STAGE_DEFINE (testendep,
  .version = "1.0",
  .summary = "Test stage: needs doc.testen",
  .requires = NLP_NAMES ("doc.testen"),
  .provides = NLP_NAMES ("doc.testendep"),
  .process = testendep_process);
