/* cli-chain.c — the chain flags shared by `nlpipe` and `nlpipe serve`. */
#include <string.h>
#include "cli-chain.h"
#include "cli-private.h"

void
cli_chain_add_entries (GOptionContext *ctx, CliChainArgs *a)
{
  const GOptionEntry entries[] = {
    { "stages", 'p', 0, G_OPTION_ARG_STRING, &a->stages,
      "Comma-separated chain (default: " NLP_DEFAULT_CHAIN "); ALIAS=STAGE runs a stage under another name", "STAGES" },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &a->config,
      "Read the chain and stage options from a GKeyFile config", "FILE" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->sets,
      "Set a stage option (repeatable); overrides the config file", "STAGE.OPTION=VALUE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs,
      "Worker threads (0, the default: one per core)", "N" },
    { "plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->plugin_paths,
      "Search DIR for stages first (repeatable)", "DIR" },
    { "language-mismatch", 0, 0, G_OPTION_ARG_STRING, &a->language_mismatch,
      "When a document's language (doc.lang) is not one a stage understands: warn "
      "(default: skip the stage on it, with a warning), run, fail", "POLICY" },
    { NULL }
  };

  /* GOption copies the table; the pointers into @a must outlive @ctx */
  g_option_context_add_main_entries (ctx, entries, NULL);
}

void
cli_chain_args_clear (CliChainArgs *a)
{
  g_free (a->stages);
  g_free (a->config);
  g_strfreev (a->sets);
  g_strfreev (a->plugin_paths);
  g_free (a->language_mismatch);
  memset (a, 0, sizeof *a);
}

/* (transfer full) the chain spec from config, -p and --set, in that order
 * of precedence (later wins). */
static NlpChainSpec *
build_spec (const CliChainArgs *a, GError **error)
{
  NlpChainSpec *spec = nlp_chain_spec_new ();

  if (a->config && !nlp_chain_spec_load_file (spec, a->config, error))
    {
      /* a config that cannot be read is a usage error: nothing ran */
      if (error != NULL && *error != NULL && (*error)->domain == NLP_ERROR)
        (*error)->code = NLP_ERROR_USAGE;
      goto fail;
    }
  if (a->stages && !nlp_chain_spec_set_stages (spec, a->stages, error))
    goto fail;
  for (guint i = 0; a->sets && a->sets[i]; i++)
    if (!nlp_chain_spec_parse_set (spec, a->sets[i], error))
      goto fail;
  if (a->language_mismatch != NULL)
    {
      NlpLanguageMismatch policy;
      if (!nlp_language_mismatch_from_string (a->language_mismatch, &policy))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE, "--language-mismatch '%s': "
                       "expected one of: warn, run, fail", a->language_mismatch);
          goto fail;
        }
      nlp_chain_spec_set_language_mismatch (spec, policy);
    }
  return spec;
fail:
  nlp_chain_spec_free (spec);
  return NULL;
}

NlpPipeline *
cli_chain_load (const CliChainArgs *a, NlpRegistry **registry, GError **error)
{
  NlpChainSpec *spec;
  NlpPipeline *pipeline;

  *registry = NULL;
  if (a->jobs < 0 || a->jobs > 1024)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "--jobs %d: expected a number of threads from 1 to 1024", a->jobs);
      return NULL;
    }
  if ((spec = build_spec (a, error)) == NULL)
    return NULL;
  *registry = nlp_registry_new ();
  nlp__cli_setup_registry (*registry, a->plugin_paths, spec);
  pipeline = nlp_pipeline_new (*registry, spec, error);
  nlp_chain_spec_free (spec);
  return pipeline;
}

char **
cli_split_short_values (int argc, char **argv, const char *letters)
{
  GPtrArray *out = g_ptr_array_new ();

  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (strcmp (a, "--") == 0)
        {
          for (; i < argc; i++)
            g_ptr_array_add (out, g_strdup (argv[i]));
          break;
        }
      if (a[0] == '-' && a[1] != '\0' && strchr (letters, a[1]) && a[2] != '\0')
        {
          g_ptr_array_add (out, g_strndup (a, 2));
          g_ptr_array_add (out, g_strdup (a + 2));
        }
      else
        g_ptr_array_add (out, g_strdup (a));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}
