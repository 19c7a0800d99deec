/* fuzz-config.c — libFuzzer target: a config file (GKeyFile: [pipeline]
 * stages=..., plugin-path=..., one group of options per stage) parsed
 * into a chain spec, then validated against the installed stages' option
 * tables (nlpipe check, without creating models). */
#include "fuzz-util.h"

static NlpRegistry *registry;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_make_criticals_fatal ();
  registry = nlp_registry_new ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  NlpChainSpec *spec = nlp_chain_spec_new ();
  GError *error = NULL;

  if (nlp_chain_spec_load_file (spec, fuzz_file (data, size), &error))
    {
      NlpPipeline *pipeline = nlp_pipeline_new_unloaded (registry, spec, &error);
      const char *const *path = nlp_chain_spec_get_plugin_path (spec);

      for (guint i = 0; path[i] != NULL; i++)
        FUZZ_CHECK (*path[i] != '\0', "empty plugin-path entry");
      /* chain errors are one line per problem: UTF-8 is all we ask */
      FUZZ_CHECK ((pipeline == NULL) == (error != NULL), "pipeline and error disagree");
      if (error != NULL)
        FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), "chain error is not UTF-8");
      nlp_pipeline_free (pipeline);
    }
  else                         /* it may quote a value with an escaped \n */
    FUZZ_CHECK (*error->message && g_utf8_validate (error->message, -1, NULL),
                "config error empty or not UTF-8");
  g_clear_error (&error);
  nlp_chain_spec_free (spec);
  return 0;
}
