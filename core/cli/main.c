/* main.c — the nlpipe command: a thin dispatcher over libnlpipe. */
#include <locale.h>
#include <string.h>
#ifdef NLP_STATIC_STAGES
#include <ltdl.h>
#endif
#include "cli-private.h"

int
nlp__cli_exit_code (gint code)
{
  switch (code)
    {
    case NLP_ERROR_LOAD:
    case NLP_ERROR_ABI:
    case NLP_ERROR_DATA:
      return NLP_EXIT_LOAD;
    case NLP_ERROR_USAGE:
    case NLP_ERROR_UNKNOWN_STAGE:
    case NLP_ERROR_OPTION:
    case NLP_ERROR_CHAIN:
      return NLP_EXIT_USAGE;
    default:
      return NLP_EXIT_DOCUMENT;
    }
}

int
nlp__cli_fail (GError *error)
{
  char **lines = g_strsplit (error->message, "\n", -1);
  int code = error->domain == NLP_ERROR ? nlp__cli_exit_code (error->code)
                                        : NLP_EXIT_USAGE;

  for (guint i = 0; lines[i]; i++)
    g_printerr ("nlpipe: %s\n", lines[i]);
  g_strfreev (lines);
  g_error_free (error);
  return code;
}

void
nlp__cli_setup_registry (NlpRegistry *registry, char **plugin_paths,
                         const NlpChainSpec *spec)
{
  const char *const *config_dirs = spec ? nlp_chain_spec_get_plugin_path (spec) : NULL;
  guint n = plugin_paths ? g_strv_length (plugin_paths) : 0;

  /* config entries go after the program's and the environment's */
  if (config_dirs)
    {
      guint m = g_strv_length ((char **) config_dirs);
      for (guint i = m; i > 0; i--)
        nlp_registry_add_config_path (registry, config_dirs[i - 1]);
    }
  for (guint i = n; i > 0; i--)
    nlp_registry_prepend_path (registry, plugin_paths[i - 1]);
}

int
main (int argc, char **argv)
{
#ifdef NLP_STATIC_STAGES
  /* the stages linked into this program (--enable-static-stages) */
  LTDL_SET_PRELOADED_SYMBOLS ();
#endif
  setlocale (LC_ALL, "");
  /* numbers in every output use a decimal point, whatever the locale */
  setlocale (LC_NUMERIC, "C");
  if (argc >= 2)
    {
      if (strcmp (argv[1], "list") == 0)
        return nlp__cli_list (argc - 1, argv + 1);
      if (strcmp (argv[1], "info") == 0)
        return nlp__cli_info (argc - 1, argv + 1);
      if (strcmp (argv[1], "check") == 0)
        return nlp__cli_check (argc - 1, argv + 1);
      if (strcmp (argv[1], "serve") == 0)
        return nlp__cli_serve (argc - 1, argv + 1);
    }
  return nlp__cli_run (argc, argv);
}
