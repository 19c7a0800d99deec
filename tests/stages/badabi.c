/* badabi — a descriptor from a future, incompatible ABI major: refused. */
#include "nlpipe-stage.h"

static gboolean
badabi_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

extern NLP_STAGE_EXPORT const NlpStageInfo NLP_STAGE_SYMBOL (badabi);
const NlpStageInfo NLP_STAGE_SYMBOL (badabi) = {
  .abi_major = NLP_ABI_MAJOR + 1,
  .abi_minor = 0,
  .struct_size = sizeof (NlpStageInfo),
  .name = "badabi",
  .version = "1.0",
  .summary = "built against an incompatible ABI",
  .process = badabi_process,
};
