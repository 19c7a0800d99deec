/* testen — understands English only (languages = en); sets doc.testen.
 * testendep requires its output.  For the language-mismatch tests. */
#include "nlpipe-stage.h"

static gboolean
testen_process (gpointer model, NlpDocument *doc, GError **error)
{
  nlp_document_set_string (doc, "testen", "ran");
  return TRUE;
}

NLP_STAGE_DEFINE (testen,
  .version = "1.0",
  .summary = "Test stage: understands English only",
  .provides = NLP_NAMES ("doc.testen"),
  .languages = NLP_NAMES ("en"),
  .licence = "LGPL-2.1-or-later",
  .author = "The nlpipe developers",
  .homepage = "https://example.org/testen",
  .process = testen_process);
