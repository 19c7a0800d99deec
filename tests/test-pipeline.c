/* test-pipeline.c — chain specs (-p, config files, --set), validation of a
 * chain before anything runs, and running it, with the test stages. */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "stages/test-stages.h"
#include "scratch-dir.h"

static NlpRegistry *registry;
static NlpChainSpec *spec;
static char *tmpdir;

static void
setup (void)
{
  registry = nlp_test_stage_registry ();
  spec = nlp_chain_spec_new ();
  tmpdir = NULL;
}

static void
teardown (void)
{
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  nlp_test_tmpdir_remove (tmpdir);
}

TestSuite (chain_spec, .init = setup, .fini = teardown);
TestSuite (config, .init = setup, .fini = teardown);
TestSuite (pipeline, .init = setup, .fini = teardown);

static void
set_stages (const char *chain)
{
  GError *error = NULL;

  cr_assert (nlp_chain_spec_set_stages (spec, chain, &error), "%s: %s", chain,
             error ? error->message : "?");
}

/* Asserts that @chain is refused as a usage error mentioning @fragment. */
static void
assert_chain_refused (const char *chain, const char *fragment)
{
  GError *error = NULL;

  cr_assert_not (nlp_chain_spec_set_stages (spec, chain, &error), "'%s' accepted", chain);
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_USAGE));
  cr_assert_not_null (strstr (error->message, fragment), "'%s' not in: %s", fragment,
                      error->message);
  g_error_free (error);
}

static NlpPipeline *
build (void)
{
  GError *error = NULL;
  NlpPipeline *pipeline = nlp_pipeline_new (registry, spec, &error);

  cr_assert_not_null (pipeline, "%s", error ? error->message : "?");
  return pipeline;
}

/* Builds the pipeline, asserts it fails with @code: (transfer full) the
 * message. */
static char *
build_fails (gint code)
{
  GError *error = NULL;
  NlpPipeline *pipeline = nlp_pipeline_new (registry, spec, &error);
  char *message;

  cr_assert_null (pipeline, "the chain was accepted");
  cr_assert (g_error_matches (error, NLP_ERROR, code), "code %d, not %d: %s",
             error->code, code, error->message);
  message = g_strdup (error->message);
  g_error_free (error);
  return message;
}

/* Runs the pipeline on @text: (transfer full) the document. */
static NlpDocument *
run (NlpPipeline *pipeline, const char *text)
{
  GError *error = NULL;
  NlpPipelineWorker *worker = nlp_pipeline_worker_new (pipeline, &error);
  NlpDocument *doc = nlp_document_new ("d", text, -1, &error);

  cr_assert_not_null (worker, "%s", error ? error->message : "?");
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error), "%s",
             error ? error->message : "?");
  nlp_pipeline_worker_free (worker);
  return doc;
}

/* Runs the pipeline on @doc and asserts that it fails: (transfer full) the
 * error; *@failed names the instance that failed. */
static GError *
run_fails (NlpPipeline *pipeline, NlpDocument *doc, const char **failed)
{
  GError *error = NULL;
  NlpPipelineWorker *worker = nlp_pipeline_worker_new (pipeline, &error);

  cr_assert_not_null (worker, "%s", error ? error->message : "?");
  *failed = NULL;
  cr_assert_not (nlp_pipeline_worker_process (worker, doc, failed, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_STAGE), "%s", error->message);
  nlp_pipeline_worker_free (worker);
  return error;
}

static const char *
attr_string (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no attribute %s", name);
  return nlp_document_get_attr_string (doc, (guint) i);
}

static gint64
attr_int (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no attribute %s", name);
  return nlp_document_get_attr_int (doc, (guint) i);
}

/* Writes @contents to a config file in a scratch directory: (transfer
 * full) its path. */
static char *
write_config (const char *contents)
{
  char *path;

  tmpdir = nlp_test_tmpdir_new ();
  path = g_build_filename (tmpdir, "pipeline.conf", NULL);
  cr_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- chain specs --------------------------------------------------------- */

Test (chain_spec, stages_and_aliases_are_parsed)
{
  NlpPipeline *pipeline;

  set_stages ("testtok, upper=testupper ,testopts");
  cr_assert_str_eq (nlp_chain_spec_get_stages (spec), "testtok, upper=testupper ,testopts");
  pipeline = build ();
  cr_assert_eq (nlp_pipeline_get_n_stages (pipeline), 3);
  cr_assert_str_eq (nlp_pipeline_get_instance_name (pipeline, 1), "upper");
  cr_assert_str_eq (nlp_stage_get_name (nlp_pipeline_get_stage (pipeline, 1)), "testupper");
  /* under an alias, what a stage adds takes the alias (nlpipe-stage.h) */
  cr_assert (nlp_pipeline_provides (pipeline, "token.upper_upper"));
  cr_assert_not (nlp_pipeline_provides (pipeline, "token.upper"));
  cr_assert_not (nlp_pipeline_provides (pipeline, "sentence"));
  nlp_pipeline_free (pipeline);
}

Test (chain_spec, an_unset_spec_has_no_stages)
{
  cr_assert_null (nlp_chain_spec_get_stages (spec));
}

Test (chain_spec, the_same_instance_twice_is_refused_with_an_alias_hint)
{
  assert_chain_refused ("testtok,testopts,testopts", "'testopts' appears twice");
  assert_chain_refused ("testtok,testopts,testopts", "testopts2=testopts");
  assert_chain_refused ("a=testopts,a=failer", "'a' appears twice");
}

Test (chain_spec, empty_chains_and_items_are_refused)
{
  assert_chain_refused ("", "the chain is empty");
  assert_chain_refused ("testtok,,testupper", "empty stage name");
  assert_chain_refused ("testtok,alias=", "empty stage name");
}

Test (chain_spec, invalid_names_are_refused)
{
  assert_chain_refused ("testtok,Upper=testupper", "'Upper'");
  assert_chain_refused ("test tok", "not a valid name");
}

Test (chain_spec, a_refused_chain_keeps_the_previous_one)
{
  set_stages ("testtok");
  assert_chain_refused ("testtok,testtok", "twice");
  cr_assert_str_eq (nlp_chain_spec_get_stages (spec), "testtok");
}

Test (chain_spec, set_needs_stage_dot_option_equals_value)
{
  static const char *const bad[] = {
    "testopts", "testopts=1", "testopts.=1", ".count=1", "testopts.count", "count=1.5"
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      cr_assert_not (nlp_chain_spec_parse_set (spec, bad[i], &error), "%s accepted", bad[i]);
      cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_USAGE));
      cr_assert_not_null (strstr (error->message, "expected STAGE.OPTION=VALUE"), "%s",
                          error->message);
      cr_assert_not_null (strstr (error->message, bad[i]), "%s", error->message);
      g_error_free (error);
    }
}

Test (chain_spec, set_value_may_contain_dots_and_equals)
{
  NlpPipeline *pipeline;

  set_stages ("testopts");
  cr_assert (nlp_chain_spec_parse_set (spec, "testopts.word=a.b=c", NULL));
  pipeline = build ();
  cr_assert_str_eq (nlp_options_get_string (nlp_pipeline_get_options (pipeline, 0), "word"),
                    "a.b=c");
  nlp_pipeline_free (pipeline);
}

/* ---- options and config files ---------------------------------------- */

Test (config, defaults_then_config_then_set)
{
  char *path = write_config ("[pipeline]\nstages=testopts\n"
                             "[testopts]\nword=from-config\ncount=3\n");
  NlpPipeline *pipeline;
  const NlpOptions *options;
  GError *error = NULL;

  cr_assert (nlp_chain_spec_load_file (spec, path, &error), "%s", error ? error->message : "");
  cr_assert (nlp_chain_spec_parse_set (spec, "testopts.word=from-set", &error));
  pipeline = build ();
  options = nlp_pipeline_get_options (pipeline, 0);
  cr_assert_str_eq (nlp_options_get_string (options, "word"), "from-set");
  cr_assert_eq (nlp_options_get_int (options, "count"), 3);
  cr_assert_float_eq (nlp_options_get_double (options, "ratio"), 0.5, 1e-12);
  cr_assert_str_eq (nlp_chain_spec_get_stages (spec), "testopts");
  nlp_pipeline_free (pipeline);
  g_free (path);
}

Test (config, stage_sees_the_values_in_model_new)
{
  NlpPipeline *pipeline;
  NlpDocument *doc;

  set_stages ("testopts");
  nlp_chain_spec_parse_set (spec, "testopts.flag=yes", NULL);
  nlp_chain_spec_parse_set (spec, "testopts.mode=exact", NULL);
  nlp_chain_spec_parse_set (spec, "testopts.count=7", NULL);
  nlp_chain_spec_set_option (spec, "testopts", "count", "8", NULL);
  pipeline = build ();
  doc = run (pipeline, "text");
  cr_assert_eq (attr_int (doc, "flag"), 1);
  cr_assert_eq (attr_int (doc, "count"), 8);    /* the later wins */
  cr_assert_str_eq (attr_string (doc, "mode"), "exact");
  cr_assert_str_eq (attr_string (doc, "word"), "none");
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (config, plugin_path_is_relative_to_the_config_file)
{
  char *path = write_config ("[pipeline]\nplugin-path=stages:/abs/dir\n");
  const char *const *dirs;
  char *expect;

  cr_assert (nlp_chain_spec_load_file (spec, path, NULL));
  dirs = nlp_chain_spec_get_plugin_path (spec);
  expect = g_build_filename (tmpdir, "stages", NULL);
  cr_assert_str_eq (dirs[0], expect);
  cr_assert_str_eq (dirs[1], "/abs/dir");
  cr_assert_null (dirs[2]);
  g_free (expect);
  g_free (path);
}

Test (config, syntax_error_names_the_file)
{
  char *path = write_config ("[pipeline\nstages=testtok\n");
  GError *error = NULL;

  cr_assert_not (nlp_chain_spec_load_file (spec, path, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_USAGE));
  cr_assert_not_null (strstr (error->message, path), "%s", error->message);
  g_error_free (error);
  g_free (path);
}

Test (config, missing_file_is_an_io_error_naming_it)
{
  GError *error = NULL;

  cr_assert_not (nlp_chain_spec_load_file (spec, "/no/such/pipeline.conf", &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_IO));
  cr_assert_not_null (strstr (error->message, "/no/such/pipeline.conf"), "%s", error->message);
  g_error_free (error);
}

Test (config, unknown_pipeline_key_lists_the_known_ones)
{
  char *path = write_config ("[pipeline]\nstage=testtok\n");
  GError *error = NULL;

  cr_assert_not (nlp_chain_spec_load_file (spec, path, &error));
  cr_assert_not_null (strstr (error->message, "unknown key 'stage' in [pipeline]"), "%s",
                      error->message);
  cr_assert_not_null (strstr (error->message, "stages, plugin-path"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, path), "%s", error->message);
  g_error_free (error);
  g_free (path);
}

Test (config, bad_stage_list_names_the_file)
{
  char *path = write_config ("[pipeline]\nstages=testtok,testtok\n");
  GError *error = NULL;

  cr_assert_not (nlp_chain_spec_load_file (spec, path, &error));
  cr_assert_not_null (strstr (error->message, path), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "appears twice"), "%s", error->message);
  g_error_free (error);
  g_free (path);
}

Test (config, bad_option_value_names_file_group_and_key)
{
  char *path = write_config ("[pipeline]\nstages=testopts\n[testopts]\ncount=eleven\n");
  char *message, *where = NULL;

  cr_assert (nlp_chain_spec_load_file (spec, path, NULL));
  message = build_fails (NLP_ERROR_OPTION);
  where = g_strdup_printf ("%s [testopts] count", path);
  cr_assert_not_null (strstr (message, where), "%s", message);
  cr_assert_not_null (strstr (message, "an integer from 0 to 10"), "%s", message);
  g_free (where);
  g_free (message);
  g_free (path);
}

Test (config, groups_of_stages_not_in_the_chain_are_ignored)
{
  /* one config file serves several chains */
  char *path = write_config ("[testopts]\nword=x\n[failer]\nword=y\n");
  NlpPipeline *pipeline;

  cr_assert (nlp_chain_spec_load_file (spec, path, NULL));
  set_stages ("testopts");
  pipeline = build ();
  cr_assert_str_eq (nlp_options_get_string (nlp_pipeline_get_options (pipeline, 0), "word"), "x");
  nlp_pipeline_free (pipeline);
  g_free (path);
}

Test (config, set_for_a_stage_not_in_the_chain_is_an_error)
{
  char *message;

  set_stages ("testtok");
  nlp_chain_spec_parse_set (spec, "testopts.count=2", NULL);
  message = build_fails (NLP_ERROR_OPTION);
  cr_assert_not_null (strstr (message, "'testopts' is not in the chain (testtok)"), "%s", message);
  g_free (message);
}

Test (config, unknown_option_names_the_valid_ones)
{
  char *message;

  set_stages ("testopts");
  nlp_chain_spec_parse_set (spec, "testopts.colour=red", NULL);
  message = build_fails (NLP_ERROR_OPTION);
  cr_assert_not_null (strstr (message, "no option 'colour'"), "%s", message);
  cr_assert_not_null (strstr (message, "flag, count, ratio, word, mode"), "%s", message);
  g_free (message);
}

/* ---- validation ------------------------------------------------------- */

Test (pipeline, unmet_requirement_names_stage_missing_name_and_providers)
{
  char *message;

  set_stages ("testupper");
  message = build_fails (NLP_ERROR_CHAIN);
  cr_assert_not_null (strstr (message, "stage 'testupper' requires 'token', which no "
                              "earlier stage provides"), "%s", message);
  cr_assert_not_null (strstr (message, "installed stages that provide it: "), "%s", message);
  cr_assert_not_null (strstr (message, "testtok"), "%s", message);
  g_free (message);
}

Test (pipeline, requirement_provided_later_says_move_it_before)
{
  char *message;

  set_stages ("testupper,testtok");
  message = build_fails (NLP_ERROR_CHAIN);
  cr_assert_not_null (strstr (message, "'testtok' provides it but comes later: move it "
                              "before 'testupper'"), "%s", message);
  g_free (message);
}

Test (pipeline, every_problem_is_reported_at_once)
{
  char *message;
  char **lines;

  set_stages ("testupper,nosuchstage,badabi,testopts");
  nlp_chain_spec_parse_set (spec, "testopts.count=99", NULL);
  nlp_chain_spec_parse_set (spec, "testopts.colour=red", NULL);
  message = build_fails (NLP_ERROR_UNKNOWN_STAGE);     /* the first problem's code */
  lines = g_strsplit (message, "\n", -1);
  cr_assert_eq (g_strv_length (lines), 5, "%s", message);
  cr_assert_not_null (strstr (lines[0], "no stage named 'nosuchstage'"), "%s", lines[0]);
  cr_assert_not_null (strstr (lines[1], "stage ABI 2.0"), "%s", lines[1]);
  cr_assert_not_null (strstr (lines[2], "testopts.count: bad value '99'"), "%s", lines[2]);
  cr_assert_not_null (strstr (lines[3], "no option 'colour'"), "%s", lines[3]);
  cr_assert_not_null (strstr (lines[4], "requires 'token'"), "%s", lines[4]);
  g_strfreev (lines);
  g_free (message);
}

Test (pipeline, a_stage_that_fails_to_load_shows_why_not_no_such_stage)
{
  char *message;

  set_stages ("testtok,unresolved");
  message = build_fails (NLP_ERROR_LOAD);
  cr_assert_null (strstr (message, "no stage named"), "%s", message);
  cr_assert_not_null (strstr (message, "undefined symbol"), "%s", message);
  cr_assert_not_null (strstr (message, "ldd -r"), "%s", message);
  g_free (message);
}

Test (pipeline, failing_model_new_names_the_missing_data_file)
{
  char *message;

  set_stages ("nodata");
  nlp_chain_spec_parse_set (spec, "nodata.datadir=/no/such/dir", NULL);
  message = build_fails (NLP_ERROR_DATA);
  cr_assert_not_null (strstr (message, "/no/such/dir/lexicon.txt"), "%s", message);
  cr_assert_not_null (strstr (message, "--set nodata.datadir=DIR"), "%s", message);
  /* the stage is named once, not "stage 'nodata': stage 'nodata': ..." */
  cr_assert_null (strstr (strstr (message, "'nodata'") + 1, "stage 'nodata'"), "%s", message);
  g_free (message);
}

Test (pipeline, data_directory_defaults_to_the_stage_own)
{
  NlpStage *stage = nlp_registry_load (registry, "nodata", NULL);
  char *message;

  set_stages ("nodata");
  message = build_fails (NLP_ERROR_DATA);
  cr_assert_not_null (strstr (message, nlp_stage_get_data_dir (stage)), "%s", message);
  g_free (message);
}

Test (pipeline, unloaded_pipeline_validates_without_creating_models)
{
  GError *error = NULL;
  NlpPipeline *pipeline;

  set_stages ("nodata");
  pipeline = nlp_pipeline_new_unloaded (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "?");
  nlp_pipeline_free (pipeline);
}

/* ---- running ---------------------------------------------------------- */

Test (pipeline, runs_the_stages_in_order)
{
  NlpPipeline *pipeline;
  NlpDocument *doc;

  set_stages ("testtok,testupper");
  pipeline = build ();
  doc = run (pipeline, "Café au lait");
  cr_assert (nlp_test_has_span (doc, "token", "Café", "norm", "café"));
  cr_assert (nlp_test_has_span (doc, "token", "Café", "upper", "CAFÉ"));
  cr_assert (nlp_test_has_span (doc, "token", "lait", "upper", "LAIT"));
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (pipeline, one_stage_twice_under_two_aliases_runs_both_with_their_options)
{
  NlpPipeline *pipeline;
  NlpDocument *doc;

  set_stages ("fast=testopts,slow=testopts");
  nlp_chain_spec_parse_set (spec, "fast.count=2", NULL);
  nlp_chain_spec_parse_set (spec, "slow.count=9", NULL);
  nlp_chain_spec_parse_set (spec, "slow.mode=exact", NULL);
  pipeline = build ();
  doc = run (pipeline, "text");
  cr_assert_eq (attr_int (doc, "fast_count"), 2);
  cr_assert_eq (attr_int (doc, "slow_count"), 9);
  cr_assert_str_eq (attr_string (doc, "fast_mode"), "fast");
  cr_assert_str_eq (attr_string (doc, "slow_mode"), "exact");
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (pipeline, stage_failure_names_the_instance_and_keeps_the_message)
{
  NlpPipeline *pipeline;
  NlpDocument *good, *bad;
  const char *failed;
  GError *error;

  set_stages ("testtok,check=failer");
  pipeline = build ();
  good = run (pipeline, "all is well");
  cr_assert_str_eq (attr_string (good, "check"), "ok");  /* doc.failer, as instance check names it */
  bad = nlp_document_new ("bad", "this one will FAIL here", -1, NULL);
  error = run_fails (pipeline, bad, &failed);
  cr_assert_str_eq (failed, "check");
  cr_assert_not_null (strstr (error->message, "found 'FAIL' at byte 14"), "%s", error->message);
  /* earlier stages' work is kept */
  cr_assert_not_null (nlp_document_get_layer (bad, "token"));
  g_error_free (error);
  nlp_document_free (good);
  nlp_document_free (bad);
  nlp_pipeline_free (pipeline);
}

Test (pipeline, a_stage_that_does_not_add_what_it_provides_is_caught)
{
  NlpPipeline *pipeline;
  NlpDocument *doc = nlp_document_new ("d", "text", -1, NULL);
  const char *failed;
  GError *error;

  set_stages ("liar");
  pipeline = build ();
  error = run_fails (pipeline, doc, &failed);
  cr_assert_str_eq (failed, "liar");
  /* the runner names the stage: the message does not repeat it */
  cr_assert_str_eq (error->message, "declares that it provides 'liar' but did not add it "
                    "(a bug in the stage)");
  g_error_free (error);
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (pipeline, an_empty_document_runs_through)
{
  NlpPipeline *pipeline;
  NlpDocument *doc;

  set_stages ("testtok,testupper");
  pipeline = build ();
  doc = run (pipeline, "");
  cr_assert_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "token")), 0);
  cr_assert_not_null (nlp_layer_get_column (nlp_document_get_layer (doc, "token"), "upper"));
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}
