/* test-stages.h — where the test suite's own stages (tests/stages/, built
 * by tests/core.mk) are, for the registry and pipeline tests. */
#ifndef NLP_TEST_STAGES_H
#define NLP_TEST_STAGES_H

#include "nlpipe.h"

#define NLP_TEST_STAGEDIR NLP_TEST_BUILDDIR "/tests/stages"

/* (transfer full) a default registry with the test stages searched first. */
static inline NlpRegistry *
nlp_test_stage_registry (void)
{
  NlpRegistry *registry = nlp_registry_new ();

  nlp_registry_prepend_path (registry, NLP_TEST_STAGEDIR);
  return registry;
}

#endif
