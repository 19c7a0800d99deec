/* fuzz-options.c — libFuzzer target: the stage-option parser.
 *
 * Input: lines.  The first is a chain for -p (nlp_chain_spec_set_stages);
 * every other line is both a --set argument (STAGE.OPTION=VALUE) and a
 * NAME=VALUE pair set on a table with one option of each type, whose
 * parsed values are checked against the text.  Finally a spec made from
 * the first line goes through the stage-table validator.
 */
#include "fuzz-util.h"
#include <math.h>

static const char *const colours[] = { "red", "green", "blue", NULL };
static const NlpOptionSpec specs[] = {
  NLP_OPTION_BOOL_SPEC ("flag", "false", "a bool"),
  NLP_OPTION_INT_SPEC ("count", "3", 1, 10, "an int in a range"),
  NLP_OPTION_INT_SPEC ("big", "0", 0, 0, "any int"),
  NLP_OPTION_DOUBLE_SPEC ("ratio", "0.5", 0, 1, "a double in a range"),
  NLP_OPTION_DOUBLE_SPEC ("any", "0", 0, 0, "any double"),
  NLP_OPTION_STRING_SPEC ("name", "", "a string"),
  NLP_OPTION_CHOICE_SPEC ("colour", "red", colours, "a choice"),
  NLP_OPTION_PATH_SPEC ("file", "", "a path"),
  NLP_OPTION_END
};

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_make_criticals_fatal ();
  return 0;
}

static void
check_set (NlpOptions *options, const char *line)
{
  const char *eq = strchr (line, '=');
  char *name;
  GError *error = NULL;
  const NlpOptionSpec *spec;

  if (eq == NULL)
    return;
  name = g_strndup (line, (gsize) (eq - line));
  spec = nlp_option_specs_lookup (specs, name);
  if (nlp_options_set (options, name, eq + 1, &error))
    {
      FUZZ_CHECK (spec != NULL, "unknown option %s accepted", name);
      FUZZ_CHECK (strcmp (nlp_options_get_text (options, name), eq + 1) == 0,
                  "%s: text not kept", name);
      if (spec->type == NLP_OPTION_INT && spec->min < spec->max)
        FUZZ_CHECK (nlp_options_get_int (options, name) >= spec->min
                    && nlp_options_get_int (options, name) <= spec->max,
                    "%s out of range", name);
      if (spec->type == NLP_OPTION_DOUBLE)
        FUZZ_CHECK (!isnan (nlp_options_get_double (options, name)), "%s is NaN", name);
    }
  else
    FUZZ_CHECK (error != NULL && *error->message && !strchr (error->message, '\n'),
                "%s: no one-line error", name);
  g_clear_error (&error);
  g_free (name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* options reach the parser as UTF-8 (GOption and GKeyFile see to it) */
  char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  char **lines = g_strsplit (text, "\n", -1);
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpOptions *options = nlp_options_new ("fuzz", specs);
  GError *error = NULL;

  if (lines[0] != NULL)
    {
      NlpOptionSpec mine[2] = { NLP_OPTION_STRING_SPEC (NULL, "", "h"), NLP_OPTION_END };
      char **kv = g_strsplit (lines[0], "=", 2);

      if (!nlp_chain_spec_set_stages (spec, lines[0], &error))
        fuzz_check_message ("chain error", error->message);
      g_clear_error (&error);
      mine[0].name = kv[0];
      mine[0].default_value = kv[1];
      mine[0].type = (NlpOptionType) (size % 7);   /* one type past the last */
      mine[0].choices = colours;
      mine[0].min = size % 3;
      mine[0].max = size % 5;
      if (!nlp_option_specs_validate ("fuzz", mine, &error))
        fuzz_check_message ("spec error", error->message);
      g_clear_error (&error);
      g_strfreev (kv);
    }
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL && i < 64; i++)
    {
      if (!nlp_chain_spec_parse_set (spec, lines[i], &error))
        fuzz_check_message ("--set error", error->message);
      g_clear_error (&error);
      check_set (options, lines[i]);
    }
  nlp_options_free (options);
  nlp_chain_spec_free (spec);
  g_strfreev (lines);
  g_free (text);
  return 0;
}
