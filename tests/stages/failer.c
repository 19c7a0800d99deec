/* failer — fails on demand: process() fails on a document whose text
 * contains the option "word" (default FAIL) and otherwise sets doc.failer
 * to "ok".  For the runner's --on-error tests (load it with
 * --plugin-path BUILD/tests/stages). */
#include <string.h>
#include "nlpipe-stage.h"

static const NlpOptionSpec failer_options[] = {
  NLP_OPTION_STRING_SPEC ("word", "FAIL", "fail on documents containing this"),
  NLP_OPTION_END
};

static gpointer
failer_model_new (const NlpStageEnv *env, GError **error)
{
  return g_strdup (nlp_stage_env_get_string (env, "word"));
}

static gboolean
failer_process (gpointer model, NlpDocument *doc, GError **error)
{
  const char *word = model;
  const char *text = nlp_document_get_text (doc, NULL);
  const char *hit = *word ? strstr (text, word) : NULL;

  if (hit != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "found '%s' at byte %" G_GSIZE_FORMAT " (failer fails on purpose)",
                   word, (gsize) (hit - text));
      return FALSE;
    }
  nlp_document_set_string (doc, "failer", "ok");
  return TRUE;
}

NLP_STAGE_DEFINE (failer,
  .version = "1.0",
  .summary = "Test stage: fails on documents containing FAIL",
  .provides = NLP_NAMES ("doc.failer"),
  .options = failer_options,
  .model_new = failer_model_new,
  .model_free = g_free,
  .process = failer_process);
