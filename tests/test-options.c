/* test-options.c — one option table parses, validates and describes a
 * stage's options; malformed tables are refused. */
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "scratch-dir.h"

static const char *const languages[] = { "english", "french", "porter", NULL };

static const char *const *
list_languages (void)
{
  static const char *const listed[] = { "danish", "dutch", NULL };
  return listed;
}

static const NlpOptionSpec specs[] = {
  NLP_OPTION_BOOL_SPEC ("lower", "true", "lower-case first"),
  NLP_OPTION_INT_SPEC ("max-len", "5", 1, 10, "longest word"),
  NLP_OPTION_INT_SPEC ("seed", "-3", 0, 0, "any integer"),
  NLP_OPTION_DOUBLE_SPEC ("threshold", "0.5", 0, 1, "cut-off"),
  NLP_OPTION_DOUBLE_SPEC ("weight", "2.5", 0, 0, "any number"),
  NLP_OPTION_STRING_SPEC ("label", "MISC", "default label"),
  NLP_OPTION_CHOICE_SPEC ("language", "english", languages, "stemmer language"),
  { .name = "dialect", .type = NLP_OPTION_CHOICE, .default_value = "dutch",
    .help = "listed at run time", .list_choices = list_languages },
  NLP_OPTION_PATH_SPEC ("lexicon", "", "extra lexicon file"),
  NLP_OPTION_END
};

static NlpOptions *options;

static void
setup (void)
{
  GError *error = NULL;

  cr_assert (nlp_option_specs_validate ("demo", specs, &error), "%s",
             error ? error->message : "?");
  options = nlp_options_new ("demo", specs);
}

static void
teardown (void)
{
  nlp_options_free (options);
}

TestSuite (options, .init = setup, .fini = teardown);

/* Sets @name to @value and asserts that it is refused with a message
 * containing each of the NULL-terminated fragments. */
static void
assert_refused (const char *name, const char *value, ...)
{
  GError *error = NULL;
  va_list ap;

  cr_assert_not (nlp_options_set (options, name, value, &error),
                 "%s=%s was accepted", name, value);
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_OPTION));
  va_start (ap, value);
  for (const char *frag = va_arg (ap, const char *); frag; frag = va_arg (ap, const char *))
    cr_assert_not_null (strstr (error->message, frag), "'%s' not in: %s", frag,
                        error->message);
  va_end (ap);
  g_error_free (error);
}

static void
set_ok (const char *name, const char *value)
{
  GError *error = NULL;

  cr_assert (nlp_options_set (options, name, value, &error), "%s=%s: %s", name,
             value, error ? error->message : "?");
}

Test (options, defaults_are_parsed)
{
  cr_assert (nlp_options_get_bool (options, "lower"));
  cr_assert_eq (nlp_options_get_int (options, "max-len"), 5);
  cr_assert_eq (nlp_options_get_int (options, "seed"), -3);
  cr_assert_float_eq (nlp_options_get_double (options, "threshold"), 0.5, 1e-12);
  cr_assert_str_eq (nlp_options_get_string (options, "label"), "MISC");
  cr_assert_str_eq (nlp_options_get_string (options, "language"), "english");
  cr_assert_str_eq (nlp_options_get_string (options, "dialect"), "dutch");
  cr_assert_str_eq (nlp_options_get_string (options, "lexicon"), "");
  cr_assert_str_eq (nlp_options_get_text (options, "max-len"), "5");
}

Test (options, bool_accepts_every_spelling_in_any_case)
{
  static const char *const yes[] = { "true", "YES", "On", "1" };
  static const char *const no[] = { "false", "No", "OFF", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      set_ok ("lower", no[i]);
      cr_assert_not (nlp_options_get_bool (options, "lower"), "%s", no[i]);
      set_ok ("lower", yes[i]);
      cr_assert (nlp_options_get_bool (options, "lower"), "%s", yes[i]);
    }
  assert_refused ("lower", "maybe", "demo.lower", "'maybe'", "true or false", NULL);
  assert_refused ("lower", "", "true or false", NULL);
}

Test (options, int_is_checked_against_its_range)
{
  set_ok ("max-len", "1");
  set_ok ("max-len", "10");
  cr_assert_eq (nlp_options_get_int (options, "max-len"), 10);
  cr_assert_str_eq (nlp_options_get_text (options, "max-len"), "10");
  assert_refused ("max-len", "0", "demo.max-len", "an integer from 1 to 10", NULL);
  assert_refused ("max-len", "11", "an integer from 1 to 10", NULL);
  assert_refused ("max-len", "5x", "'5x'", NULL);
  assert_refused ("max-len", "2.5", NULL);
  assert_refused ("max-len", "", NULL);
  /* a refused value leaves the old one */
  cr_assert_eq (nlp_options_get_int (options, "max-len"), 10);
}

Test (options, int_without_range_takes_any_64_bit_integer)
{
  set_ok ("seed", "-9223372036854775808");
  cr_assert_eq (nlp_options_get_int (options, "seed"), G_MININT64);
  assert_refused ("seed", "9223372036854775808", "an integer", NULL);
}

Test (options, double_is_checked_against_its_range)
{
  set_ok ("threshold", "0");
  set_ok ("threshold", "1");
  set_ok ("threshold", "0.25");
  cr_assert_float_eq (nlp_options_get_double (options, "threshold"), 0.25, 1e-12);
  assert_refused ("threshold", "1.5", "a number from 0 to 1", NULL);
  assert_refused ("threshold", "-0.1", "a number from 0 to 1", NULL);
  assert_refused ("threshold", "half", NULL);
  assert_refused ("weight", "nan", "a number", NULL);
  set_ok ("weight", "-1e3");
  cr_assert_float_eq (nlp_options_get_double (options, "weight"), -1000.0, 1e-9);
}

Test (options, string_takes_any_text)
{
  set_ok ("label", "");
  set_ok ("label", "ORG, PER = anything");
  cr_assert_str_eq (nlp_options_get_string (options, "label"), "ORG, PER = anything");
}

Test (options, choice_accepts_only_its_choices)
{
  set_ok ("language", "french");
  cr_assert_str_eq (nlp_options_get_string (options, "language"), "french");
  assert_refused ("language", "French", "one of: english, french, porter", NULL);
  assert_refused ("language", "klingon", "demo.language", "'klingon'", NULL);
}

Test (options, listed_choices_come_from_the_function)
{
  const char *const *choices = nlp_option_spec_get_choices (
    nlp_option_specs_lookup (specs, "dialect"));
  char *allowed = nlp_option_spec_describe_allowed (
    nlp_option_specs_lookup (specs, "dialect"));

  cr_assert_str_eq (choices[1], "dutch");
  cr_assert_str_eq (allowed, "one of: danish, dutch");
  set_ok ("dialect", "danish");
  assert_refused ("dialect", "english", "one of: danish, dutch", NULL);
  g_free (allowed);
}

Test (options, path_must_name_an_existing_file)
{
  char *article = nlp_test_article ("anchorage-summit.txt");

  set_ok ("lexicon", article);
  cr_assert_str_eq (nlp_options_get_string (options, "lexicon"), article);
  set_ok ("lexicon", "");                     /* none */
  assert_refused ("lexicon", "/no/such/lexicon.txt", "demo.lexicon",
                  "cannot read file '/no/such/lexicon.txt'", "readable file", NULL);
  assert_refused ("lexicon", NLP_TEST_SRCDIR, "cannot read file", NULL);   /* a dir */
  g_free (article);
}

Test (options, path_that_cannot_be_read_is_refused)
{
  char *dir = nlp_test_tmpdir_new ();
  char *path = g_build_filename (dir, "secret.txt", NULL);
  gboolean root = geteuid () == 0;

  cr_assert (g_file_set_contents (path, "words\n", -1, NULL));
  cr_assert_eq (g_chmod (path, 0), 0);
  /* root reads anything: check as nobody, then come back to clean up */
  cr_assert (!root || seteuid (65534) == 0);
  cr_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_refused ("lexicon", path, "cannot read file", NULL);
  cr_assert (!root || seteuid (0) == 0);
  g_free (path);
  nlp_test_tmpdir_remove (dir);
}

Test (options, unknown_option_lists_the_valid_names)
{
  assert_refused ("langauge", "french", "stage 'demo' has no option 'langauge'",
                  "valid options: lower, max-len, seed, threshold, weight, label, "
                  "language, dialect, lexicon", NULL);
}

Test (options, a_stage_without_options_says_so)
{
  NlpOptions *none = nlp_options_new ("bare", NULL);
  GError *error = NULL;

  cr_assert_not (nlp_options_set (none, "x", "1", &error));
  cr_assert_not_null (strstr (error->message, "valid options: (none)"), "%s",
                      error->message);
  g_error_free (error);
  nlp_options_free (none);
}

Test (options, describe_allowed_says_what_each_type_takes)
{
  static const struct { const char *name, *text; } cases[] = {
    { "lower", "true or false" },
    { "max-len", "an integer from 1 to 10" },
    { "seed", "an integer" },
    { "threshold", "a number from 0 to 1" },
    { "weight", "a number" },
    { "label", "any text" },
    { "language", "one of: english, french, porter" },
    { "lexicon", "a readable file (or empty for none)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *s = nlp_option_spec_describe_allowed (nlp_option_specs_lookup (specs, cases[i].name));
      cr_assert_str_eq (s, cases[i].text);
      g_free (s);
    }
  cr_assert_str_eq (nlp_option_type_to_string (NLP_OPTION_PATH), "path");
  cr_assert_null (nlp_option_specs_lookup (specs, "nope"));
}

/* ---- malformed tables -------------------------------------------------- */

static void
assert_table_refused (const NlpOptionSpec *table, const char *option,
                      const char *problem)
{
  GError *error = NULL;
  char *want = g_strdup_printf ("'%s'", option);

  cr_assert_not (nlp_option_specs_validate ("broken", table, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ABI));
  cr_assert_not_null (strstr (error->message, "stage 'broken'"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, want), "%s", error->message);
  cr_assert_not_null (strstr (error->message, problem), "%s", error->message);
  g_error_free (error);
  g_free (want);
}

Test (option_specs, bad_names_are_refused)
{
  const NlpOptionSpec upper[] = { NLP_OPTION_STRING_SPEC ("Label", "", "h"), NLP_OPTION_END };
  const NlpOptionSpec digit[] = { NLP_OPTION_STRING_SPEC ("2nd", "", "h"), NLP_OPTION_END };
  const NlpOptionSpec space[] = { NLP_OPTION_STRING_SPEC ("max len", "", "h"), NLP_OPTION_END };
  const NlpOptionSpec empty[] = { NLP_OPTION_STRING_SPEC ("", "", "h"), NLP_OPTION_END };

  assert_table_refused (upper, "Label", "name");
  assert_table_refused (digit, "2nd", "name");
  assert_table_refused (space, "max len", "name");
  assert_table_refused (empty, "", "name");
}

Test (option_specs, missing_default_is_refused)
{
  const NlpOptionSpec t[] = {
    { .name = "size", .type = NLP_OPTION_INT, .help = "h" }, NLP_OPTION_END
  };
  assert_table_refused (t, "size", "no default");
}

Test (option_specs, missing_help_is_refused)
{
  const NlpOptionSpec t[] = {
    { .name = "size", .type = NLP_OPTION_INT, .default_value = "1" }, NLP_OPTION_END
  };
  assert_table_refused (t, "size", "no help");
}

Test (option_specs, default_outside_the_allowed_values_is_refused)
{
  const NlpOptionSpec range[] = { NLP_OPTION_INT_SPEC ("size", "11", 1, 10, "h"), NLP_OPTION_END };
  const NlpOptionSpec type[] = { NLP_OPTION_DOUBLE_SPEC ("cut", "high", 0, 0, "h"), NLP_OPTION_END };
  const NlpOptionSpec flag[] = { NLP_OPTION_BOOL_SPEC ("on", "perhaps", "h"), NLP_OPTION_END };
  const NlpOptionSpec choice[] = {
    NLP_OPTION_CHOICE_SPEC ("language", "german", languages, "h"), NLP_OPTION_END
  };

  assert_table_refused (range, "size", "default value is not one of its allowed");
  assert_table_refused (type, "cut", "default value");
  assert_table_refused (flag, "on", "default value");
  assert_table_refused (choice, "language", "default value");
}

Test (option_specs, path_default_need_not_exist_when_declared)
{
  /* a stage may default to a file installed later: only values set by the
   * user must exist */
  const NlpOptionSpec t[] = {
    NLP_OPTION_PATH_SPEC ("model", "/not/installed/yet.bin", "h"), NLP_OPTION_END
  };
  cr_assert (nlp_option_specs_validate ("fine", t, NULL));
}

Test (option_specs, duplicate_names_are_refused)
{
  const NlpOptionSpec t[] = {
    NLP_OPTION_STRING_SPEC ("label", "", "h"),
    NLP_OPTION_INT_SPEC ("size", "1", 0, 0, "h"),
    NLP_OPTION_STRING_SPEC ("label", "x", "h"),
    NLP_OPTION_END
  };
  assert_table_refused (t, "label", "declared twice");
}

Test (option_specs, choice_without_choices_is_refused)
{
  const NlpOptionSpec t[] = {
    NLP_OPTION_CHOICE_SPEC ("language", "english", NULL, "h"), NLP_OPTION_END
  };
  assert_table_refused (t, "language", "no choices");
}

Test (option_specs, unknown_type_is_refused)
{
  const NlpOptionSpec t[] = {
    { .name = "odd", .type = (NlpOptionType) 42, .default_value = "", .help = "h" },
    NLP_OPTION_END
  };
  assert_table_refused (t, "odd", "type");
}

Test (option_specs, empty_and_null_tables_are_valid)
{
  const NlpOptionSpec t[] = { NLP_OPTION_END };

  cr_assert (nlp_option_specs_validate ("bare", t, NULL));
  cr_assert (nlp_option_specs_validate ("bare", NULL, NULL));
}
