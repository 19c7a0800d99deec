/* badoptions — an option whose default is outside its own range. */
#include "nlpipe-stage.h"

static const NlpOptionSpec badoptions_options[] = {
  NLP_OPTION_INT_SPEC ("size", "11", 1, 10, "a size from 1 to 10"),
  NLP_OPTION_END
};

static gboolean
badoptions_process (gpointer worker, NlpDocument *doc, GError **error)
{
  return TRUE;
}

NLP_STAGE_DEFINE (badoptions,
  .version = "1.0",
  .summary = "declares a default its own range refuses",
  .options = badoptions_options,
  .process = badoptions_process);
