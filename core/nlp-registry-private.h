/* nlp-registry-private.h — what the rest of libnlpipe needs of a stage
 * beyond the public API. */
#ifndef NLP_REGISTRY_PRIVATE_H
#define NLP_REGISTRY_PRIVATE_H

#include "nlp-registry.h"

/* (transfer none) the registry that owns @stage. */
NlpRegistry *nlp__stage_get_registry (const NlpStage *stage);

#endif
