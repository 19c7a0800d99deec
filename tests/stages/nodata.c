/* nodata — its model needs a data file that is not installed. */
#include "nlpipe-stage.h"

static gpointer
nodata_model_new (const NlpStageEnv *env, GError **error)
{
  return nlp_stage_env_find_data (env, "lexicon.txt", error);
}

static gboolean
nodata_process (gpointer model, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (nodata,
  .version = "1.0",
  .summary = "needs data/lexicon.txt, which is missing",
  .model_new = nodata_model_new,
  .model_free = g_free,
  .process = nodata_process);
