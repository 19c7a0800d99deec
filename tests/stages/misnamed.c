/* misnamed — the file is misnamed.so but the descriptor says "other". */
#include "nlpipe-stage.h"

static gboolean
misnamed_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

extern NLP_STAGE_EXPORT const NlpStageInfo NLP_STAGE_SYMBOL (misnamed);
const NlpStageInfo NLP_STAGE_SYMBOL (misnamed) = {
  .abi_major = NLP_ABI_MAJOR,
  .abi_minor = NLP_ABI_MINOR,
  .struct_size = sizeof (NlpStageInfo),
  .name = "other",
  .version = "1.0",
  .summary = "calls itself by another name",
  .process = misnamed_process,
};
