/* noprocess — a descriptor without its required process function. */
#include "nlpipe-stage.h"

NLP_STAGE_DEFINE (noprocess,
  .version = "1.0",
  .summary = "forgot its process function");
