/* testlang — sets doc.lang from its "lang" option (default "fr"), as the
 * lang stage would after detecting a language: for the tests of stages
 * that declare the languages they understand. */
#include "nlpipe-stage.h"

static const NlpOptionSpec testlang_options[] = {
  NLP_OPTION_STRING_SPEC ("lang", "fr", "the language to claim"),
  NLP_OPTION_END
};

static gpointer
testlang_model_new (const NlpStageEnv *env, GError **error)
{
  return g_strdup (nlp_stage_env_get_string (env, "lang"));
}

static gboolean
testlang_process (gpointer model, NlpDocument *doc, GError **error)
{
  nlp_document_set_string (doc, "lang", model);
  return TRUE;
}

NLP_STAGE_DEFINE (testlang,
  .version = "1.0",
  .summary = "Test stage: claims the document's language",
  .provides = NLP_NAMES ("doc.lang"),
  .options = testlang_options,
  .model_new = testlang_model_new,
  .model_free = g_free,
  .process = testlang_process);
