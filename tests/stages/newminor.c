/* newminor — needs a newer ABI minor than the host speaks: refused. */
#include "nlpipe-stage.h"

static gboolean
newminor_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

extern NLP_STAGE_EXPORT const NlpStageInfo NLP_STAGE_SYMBOL (newminor);
const NlpStageInfo NLP_STAGE_SYMBOL (newminor) = {
  .abi_major = NLP_ABI_MAJOR,
  .abi_minor = NLP_ABI_MINOR + 1,
  .struct_size = sizeof (NlpStageInfo),
  .name = "newminor",
  .version = "1.0",
  .summary = "needs a newer nlpipe",
  .process = newminor_process,
};
