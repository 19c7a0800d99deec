/* shortdesc — claims a descriptor shorter than ABI 1.0's: refused before
 * the host reads past what the stage says it has. */
#include "nlpipe-stage.h"

extern NLP_STAGE_EXPORT const NlpStageInfo NLP_STAGE_SYMBOL (shortdesc);
const NlpStageInfo NLP_STAGE_SYMBOL (shortdesc) = {
  .abi_major = NLP_ABI_MAJOR,
  .abi_minor = NLP_ABI_MINOR,
  .struct_size = 16,
  .name = "shortdesc",
};
