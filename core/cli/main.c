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

static const char *const commands[] = { "list", "info", "check", "serve", NULL };

/* Options of the run that take their value as the next argument. */
static gboolean
takes_value (const char *arg)
{
  static const char *const with_value[] = {
    "-p", "-c", "-f", "-o", "-j", "--stages", "--config", "--set", "--jobs",
    "--plugin-path", "--language-mismatch", "--format", "--output", "--input-format",
    "--glob", "--on-error", "--invalid-utf8", "--max-doc-bytes", "--columns", "--listen",
    NULL
  };
  return g_strv_contains (with_value, arg);
}

/* Levenshtein distance of two short words. */
static guint
distance (const char *a, const char *b)
{
  guint la = (guint) strlen (a), lb = (guint) strlen (b), row[64];

  if (lb >= G_N_ELEMENTS (row) || la >= 64)
    return G_MAXUINT;
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

/* The index of the subcommand in @argv after leading options
 * ("nlpipe -q info entity"), or 0; a word that names an existing file is
 * an input, not a command. */
static int
find_command (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          if (strcmp (argv[i], "--") == 0)
            return 0;
          if (takes_value (argv[i]))
            i++;
          continue;
        }
      return g_strv_contains (commands, argv[i])
             && (i == 1 || !g_file_test (argv[i], G_FILE_TEST_EXISTS)) ? i : 0;
    }
  return 0;
}

/* "nlpipe lst": a lone word that is no file but close to a command. */
static gboolean
suggest_command (int argc, char **argv)
{
  if (argc != 2 || argv[1][0] == '-' || g_strv_contains (commands, argv[1])
      || g_file_test (argv[1], G_FILE_TEST_EXISTS))
    return FALSE;
  for (guint i = 0; commands[i]; i++)
    if (distance (argv[1], commands[i]) <= (strlen (argv[1]) > 3 ? 2u : 1u))
      {
        g_printerr ("nlpipe: no file '%s'; did you mean 'nlpipe %s'?\n", argv[1],
                    commands[i]);
        return TRUE;
      }
  return FALSE;
}

/* Runs the command named by argv[1] (a run when it names none). */
static int
dispatch (int argc, char **argv)
{
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
  if (suggest_command (argc, argv))
    return NLP_EXIT_USAGE;
  {
    /* options before the command move after it; -q is the run's own and
     * the inspecting commands print no progress anyway */
    int at = find_command (argc, argv);
    if (at > 1)
      {
        char **moved = g_new0 (char *, argc + 1);
        int n = 0, rc;
        moved[n++] = argv[0];
        moved[n++] = argv[at];
        for (int i = 1; i < argc; i++)
          if (i != at && !((strcmp (argv[i], "-q") == 0 || strcmp (argv[i], "--quiet") == 0)
                           && strcmp (argv[at], "serve") != 0 && i < at))
            moved[n++] = argv[i];
        rc = dispatch (n, moved);
        g_free (moved);
        return rc;
      }
  }
  return dispatch (argc, argv);
}
