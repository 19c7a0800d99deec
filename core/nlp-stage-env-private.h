/* nlp-stage-env-private.h — the environment handed to model_new. */
#ifndef NLP_STAGE_ENV_PRIVATE_H
#define NLP_STAGE_ENV_PRIVATE_H

#include "nlp-options.h"
#include "nlp-stage-env.h"

struct _NlpStageEnv {
  const char       *name;       /* instance name */
  const char       *data_dir;
  const NlpOptions *options;
};

#endif
