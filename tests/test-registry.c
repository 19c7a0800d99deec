/* test-registry.c — finding and loading stages, and every refusal of the
 * loader, with stages broken on purpose (tests/stages/, see tests/core.mk). */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "stages/test-stages.h"
#include "scratch-dir.h"

/* Loads @name from the test stages and asserts that it is refused with
 * @code and a message containing each NULL-terminated fragment. */
static void
assert_load_fails (const char *name, gint code, ...)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  GError *error = NULL;
  va_list ap;

  cr_assert_null (nlp_registry_load (registry, name, &error), "%s loaded", name);
  cr_assert_not_null (error);
  cr_assert (g_error_matches (error, NLP_ERROR, code), "code %d, not %d: %s",
             error->code, code, error->message);
  va_start (ap, code);
  for (const char *frag = va_arg (ap, const char *); frag; frag = va_arg (ap, const char *))
    cr_assert_not_null (strstr (error->message, frag), "'%s' not in: %s", frag,
                        error->message);
  va_end (ap);
  /* one line, as stderr shows it */
  cr_assert_null (strchr (error->message, '\n'), "%s", error->message);
  g_error_free (error);
  nlp_registry_free (registry);
}

Test (registry, a_good_stage_loads_with_its_descriptor)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  GError *error = NULL;
  NlpStage *stage = nlp_registry_load (registry, "testtok", &error);
  const NlpStageInfo *info;

  cr_assert_not_null (stage, "%s", error ? error->message : "?");
  info = nlp_stage_get_info (stage);
  cr_assert_str_eq (nlp_stage_get_name (stage), "testtok");
  cr_assert_str_eq (info->name, "testtok");
  cr_assert_str_eq (info->version, "1.0");
  cr_assert_eq (info->abi_major, NLP_ABI_MAJOR);
  cr_assert_str_eq (info->provides[0], "token");
  cr_assert_not_null (info->process);
  cr_assert (g_str_has_prefix (nlp_stage_get_path (stage), NLP_TEST_STAGEDIR "/testtok."),
             "%s", nlp_stage_get_path (stage));
  /* loaded once: the same stage the second time */
  cr_assert_eq (nlp_registry_load (registry, "testtok", NULL), stage);
  nlp_registry_free (registry);
}

Test (registry, wrong_abi_major_is_refused)
{
  assert_load_fails ("badabi", NLP_ERROR_ABI, "badabi.", "stage ABI 2.0",
                     "speaks ABI 1.x", "rebuild the stage", NULL);
}

Test (registry, newer_abi_minor_is_refused)
{
  char *needs = g_strdup_printf ("needs ABI %d.%d", NLP_ABI_MAJOR, NLP_ABI_MINOR + 1);
  char *ours = g_strdup_printf ("newer than this nlpipe's %d.%d", NLP_ABI_MAJOR, NLP_ABI_MINOR);

  assert_load_fails ("newminor", NLP_ERROR_ABI, "newminor.", needs, ours, "upgrade nlpipe",
                     NULL);
  g_free (needs);
  g_free (ours);
}

Test (registry, descriptor_shorter_than_abi_1_0_is_refused)
{
  char *size = g_strdup_printf ("shorter than the %u bytes", (guint) NLP_STAGE_INFO_MIN_SIZE);

  assert_load_fails ("shortdesc", NLP_ERROR_ABI, "descriptor is 16 bytes", size,
                     "NLP_STAGE_DEFINE", NULL);
  g_free (size);
}

Test (registry, shared_object_without_entry_symbol_is_not_a_stage)
{
  assert_load_fails ("noentry", NLP_ERROR_ABI, "is not an nlpipe stage",
                     "noentry_LTX_nlp_stage", "NLP_STAGE_DEFINE (noentry", NULL);
}

Test (registry, stage_name_must_equal_file_name)
{
  assert_load_fails ("misnamed", NLP_ERROR_ABI, "calls itself 'other'",
                     "file is named 'misnamed'", NULL);
}

Test (registry, descriptor_without_process_is_refused)
{
  assert_load_fails ("noprocess", NLP_ERROR_ABI, "no 'process'", "set .process", NULL);
}

Test (registry, descriptor_without_version_is_refused)
{
  assert_load_fails ("noversion", NLP_ERROR_ABI, "no 'version'", "set .version", NULL);
}

Test (registry, descriptor_without_summary_is_refused)
{
  assert_load_fails ("nosummary", NLP_ERROR_ABI, "no 'summary'", "set .summary", NULL);
}

Test (registry, malformed_name_is_refused_and_named)
{
  assert_load_fails ("badnames", NLP_ERROR_ABI, "stage 'badnames' lists 'token.upper.case' in "
                     "provides", "LAYER, LAYER.COLUMN or doc.NAME", NULL);
}

Test (registry, malformed_option_table_is_refused)
{
  assert_load_fails ("badoptions", NLP_ERROR_ABI, "stage 'badoptions'",
                     "malformed option 'size'", "default value", NULL);
}

Test (registry, unresolved_symbol_fails_at_load_and_suggests_ldd)
{
  assert_load_fails ("unresolved", NLP_ERROR_LOAD, "stage 'unresolved' could not be loaded",
                     "nlp_test_function_nothing_defines", "ldd -r", NULL);
}

Test (registry, unknown_stage_lists_the_installed_ones_and_the_nearest)
{
  assert_load_fails ("failr", NLP_ERROR_UNKNOWN_STAGE, "no stage named 'failr'",
                     "did you mean 'failer'?", "installed stages: ", "testtok", NULL);
}

Test (registry, unknown_stage_far_from_every_name_suggests_nothing)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  GError *error = NULL;

  cr_assert_null (nlp_registry_load (registry, "zzzzzzzzzzzz", &error));
  cr_assert_null (strstr (error->message, "did you mean"), "%s", error->message);
  g_error_free (error);
  nlp_registry_free (registry);
}

Test (registry, invalid_stage_name_is_refused_before_searching)
{
  assert_load_fails ("../plugins/stem", NLP_ERROR_UNKNOWN_STAGE,
                     "not a valid stage name", "[a-z][a-z0-9_]*", NULL);
  assert_load_fails ("Stem", NLP_ERROR_UNKNOWN_STAGE, "not a valid stage name", NULL);
}

Test (registry, unknown_stage_lists_only_stages_on_the_path)
{
  NlpRegistry *registry;
  GError *error = NULL;
  char *empty = nlp_test_tmpdir_new ();

  /* an empty directory and the default one: not the test stages */
  registry = nlp_registry_new ();
  nlp_registry_prepend_path (registry, empty);
  cr_assert_null (nlp_registry_load (registry, "nosuchstage", &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_UNKNOWN_STAGE));
  cr_assert_not_null (strstr (error->message, "installed stages: "), "%s", error->message);
  cr_assert_null (strstr (error->message, "failer"), "%s", error->message);
  g_error_free (error);
  nlp_registry_free (registry);
  nlp_test_tmpdir_remove (empty);
}

Test (registry, list_is_sorted_and_includes_broken_stage_files)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  char **names = nlp_registry_list (registry);

  for (guint i = 1; names[i]; i++)
    cr_assert (strcmp (names[i - 1], names[i]) < 0, "%s >= %s", names[i - 1], names[i]);
  cr_assert (g_strv_contains ((const char *const *) names, "testtok"));
  cr_assert (g_strv_contains ((const char *const *) names, "badabi"));
  cr_assert_not (g_strv_contains ((const char *const *) names, "test-stages"));
  g_strfreev (names);
  nlp_registry_free (registry);
}

Test (registry, find_providers_names_the_stages_that_provide_a_name)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  char **providers = nlp_registry_find_providers (registry, "token.upper");

  cr_assert_not_null (providers[0]);
  cr_assert_str_eq (providers[0], "testupper");
  cr_assert_null (providers[1]);
  g_strfreev (providers);
  providers = nlp_registry_find_providers (registry, "no.such.thing");
  cr_assert_null (providers[0]);
  g_strfreev (providers);
  nlp_registry_free (registry);
}

/* ---- the search path --------------------------------------------------- */

Test (registry, search_path_order_is_program_environment_config_default)
{
  NlpRegistry *registry;
  const char *const *path;

  g_setenv ("NLPIPE_PLUGIN_PATH", "/env/one::/env/two", TRUE);
  registry = nlp_registry_new ();
  nlp_registry_add_config_path (registry, "/config/dir");
  nlp_registry_prepend_path (registry, "/cli/second");
  nlp_registry_prepend_path (registry, "/cli/first");
  path = nlp_registry_get_path (registry);
  cr_assert_str_eq (path[0], "/cli/first");
  cr_assert_str_eq (path[1], "/cli/second");
  cr_assert_str_eq (path[2], "/env/one");
  cr_assert_str_eq (path[3], "/env/two");          /* the empty entry is dropped */
  cr_assert_str_eq (path[4], "/config/dir");
  cr_assert_str_eq (path[5], NLP_TEST_BUILDDIR "/plugins");   /* uninstalled default */
  cr_assert_null (path[6]);
  nlp_registry_free (registry);
}

/* A scratch directory holding links named @link to the built test stage
 * @target (its .so in tests/stages/.libs). */
static char *
dir_with_stage_link (const char *link, const char *target)
{
  char *dir = nlp_test_tmpdir_new ();
  char *from = g_strdup_printf ("%s/%s.so", dir, link);
  char *to = g_strdup_printf ("%s/.libs/%s.so", NLP_TEST_STAGEDIR, target);

  cr_assert_eq (symlink (to, from), 0, "symlink %s", from);
  g_free (from);
  g_free (to);
  return dir;
}

Test (registry, first_directory_on_the_path_wins)
{
  char *dir = dir_with_stage_link ("testtok", "testtok");
  NlpRegistry *registry = nlp_test_stage_registry ();
  NlpStage *stage;
  char *expect = g_build_filename (dir, "testtok.so", NULL);

  nlp_registry_prepend_path (registry, dir);
  stage = nlp_registry_load (registry, "testtok", NULL);
  cr_assert_not_null (stage);
  cr_assert_str_eq (nlp_stage_get_path (stage), expect);
  nlp_registry_free (registry);
  g_free (expect);
  nlp_test_tmpdir_remove (dir);
}

Test (registry, environment_directory_is_searched)
{
  char *dir = dir_with_stage_link ("envonly", "failer");
  NlpRegistry *registry;
  GError *error = NULL;

  g_setenv ("NLPIPE_PLUGIN_PATH", dir, TRUE);
  registry = nlp_registry_new ();
  /* found, then refused: the file is failer under another name, so it has
   * no envonly_LTX_nlp_stage (an unknown stage would be another error) */
  cr_assert_null (nlp_registry_load (registry, "envonly", &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ABI), "%s", error->message);
  cr_assert (g_str_has_prefix (error->message, dir), "%s", error->message);
  g_error_free (error);
  nlp_registry_free (registry);
  nlp_test_tmpdir_remove (dir);
}

Test (registry, current_directory_is_never_searched)
{
  char *dir = dir_with_stage_link ("cwdonly", "testtok");
  NlpRegistry *registry;
  GError *error = NULL;

  cr_assert_eq (chdir (dir), 0);
  g_unsetenv ("NLPIPE_PLUGIN_PATH");
  registry = nlp_registry_new ();
  cr_assert_null (nlp_registry_load (registry, "cwdonly", &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_UNKNOWN_STAGE), "%s",
             error->message);
  for (const char *const *p = nlp_registry_get_path (registry); *p; p++)
    cr_assert (g_path_is_absolute (*p), "relative search directory '%s'", *p);
  g_error_free (error);
  nlp_registry_free (registry);
  nlp_test_tmpdir_remove (dir);
}
