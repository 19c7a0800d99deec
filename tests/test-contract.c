/* test-contract.c — the stage contract the core enforces: a stage adds
 * only what it provides, changes what others made only when it says so in
 * modifies, and under an alias everything it adds takes the alias; chains
 * whose stages would collide are refused before any document. */
#include <string.h>
#include "nlp-test.h"
#include "stages/test-stages.h"

static NlpRegistry *registry;
static NlpChainSpec *spec;

static void
setup (void)
{
  registry = nlp_test_stage_registry ();
  spec = nlp_chain_spec_new ();
}

static void
teardown (void)
{
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
}

TestSuite (refused, .init = setup, .fini = teardown);
TestSuite (allowed, .init = setup, .fini = teardown);
TestSuite (alias, .init = setup, .fini = teardown);
TestSuite (check, .init = setup, .fini = teardown);

static NlpPipeline *
build (const char *chain, const char *const *sets)
{
  GError *error = NULL;
  NlpPipeline *pipeline;

  cr_assert (nlp_chain_spec_set_stages (spec, chain, &error), "%s", error ? error->message : "");
  for (guint i = 0; sets && sets[i]; i++)
    cr_assert (nlp_chain_spec_parse_set (spec, sets[i], NULL), "%s", sets[i]);
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s: %s", chain, error ? error->message : "?");
  return pipeline;
}

/* Runs @pipeline on a short text: (transfer full) the document, or NULL
 * with *@message (transfer full) and *@stage set when a stage failed. */
static NlpDocument *
run (NlpPipeline *pipeline, char **message, const char **stage)
{
  GError *error = NULL;
  NlpPipelineWorker *worker = nlp_pipeline_worker_new (pipeline, &error);
  NlpDocument *doc = nlp_document_new ("d", "Alpha beta gamma", -1, NULL);

  cr_assert_not_null (worker, "%s", error ? error->message : "?");
  *message = NULL;
  *stage = NULL;
  if (!nlp_pipeline_worker_process (worker, doc, stage, &error))
    {
      cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_STAGE), "%s", error->message);
      *message = g_strdup (error->message);
      g_error_free (error);
      g_clear_pointer (&doc, nlp_document_free);
    }
  nlp_pipeline_worker_free (worker);
  return doc;
}

/* The rogue stage doing @act fails with exactly @expected. */
static void
assert_refused (const char *act, const char *expected)
{
  char *set = g_strdup_printf ("rogue.act=%s", act);
  const char *sets[] = { set, NULL };
  NlpPipeline *pipeline = build ("testtok,testopts,rogue", sets);
  char *message;
  const char *stage;
  NlpDocument *doc = run (pipeline, &message, &stage);

  cr_assert_null (doc, "act=%s was allowed", act);
  cr_assert_str_eq (stage, "rogue");
  cr_assert_str_eq (message, expected, "act=%s", act);
  g_free (message);
  g_free (set);
  nlp_pipeline_free (pipeline);
}

Test (refused, another_stages_cell)
{
  assert_refused ("cell", "writes column 'token.norm', which stage 'testtok' made; list it "
                  "in modifies to change it");
}

Test (refused, another_stages_rows)
{
  assert_refused ("rows", "adds rows to layer 'token', which stage 'testtok' made; list it "
                  "in modifies to change it");
}

Test (refused, a_layer_it_does_not_provide)
{
  assert_refused ("layer", "adds layer 'stray', which is not in its provides; declare it there");
}

Test (refused, a_column_it_does_not_provide)
{
  assert_refused ("column", "adds column 'token.stray', which is not in its provides; "
                  "declare it there");
}

Test (refused, an_undeclared_column_of_its_own_layer)
{
  assert_refused ("own-column", "adds column 'rogue.stray', which is not in its provides; "
                  "declare it there");
}

Test (refused, an_attribute_it_does_not_provide)
{
  assert_refused ("attr", "sets doc.stray, which is not in its provides; declare it there");
}

Test (refused, another_stages_attribute)
{
  assert_refused ("other-attr", "sets doc.flag, which stage 'testopts' made; list it in "
                  "modifies to change it");
}

Test (refused, document_metadata)
{
  assert_refused ("meta", "sets metadata 'title', which belongs to whoever made the document "
                  "(the reader); provide a doc.NAME attribute instead");
}

Test (refused, a_refused_write_changes_nothing)
{
  const char *sets[] = { "rogue.act=cell", NULL };
  NlpPipeline *pipeline = build ("testtok,testopts,rogue", sets);
  GError *error = NULL;
  NlpPipelineWorker *worker = nlp_pipeline_worker_new (pipeline, NULL);
  NlpDocument *doc = nlp_document_new ("d", "Alpha beta", -1, NULL);
  NlpLayer *token;

  cr_assert_not (nlp_pipeline_worker_process (worker, doc, NULL, &error));
  token = nlp_document_get_layer (doc, "token");
  cr_assert_str_eq (nlp_column_get_string (nlp_layer_get_column (token, "norm"), 0), "alpha");
  g_error_free (error);
  nlp_document_free (doc);
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
}

Test (allowed, what_it_provides)
{
  NlpPipeline *pipeline = build ("testtok,testopts,rogue", NULL);
  char *message;
  const char *stage;
  NlpDocument *doc = run (pipeline, &message, &stage);
  NlpLayer *own;

  cr_assert_not_null (doc, "%s", message);
  own = nlp_document_get_layer (doc, "rogue");
  cr_assert_not_null (own);
  cr_assert_eq (nlp_column_get_int (nlp_layer_get_column (own, "mark"), 0), 1);
  cr_assert_geq (nlp_document_find_attr (doc, "rogue"), 0);
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (allowed, what_it_lists_in_modifies)
{
  NlpPipeline *pipeline = build ("testtok,testopts,modifier", NULL);
  char *message;
  const char *stage;
  NlpDocument *doc = run (pipeline, &message, &stage);
  NlpLayer *token;
  gint flag;

  cr_assert_not_null (doc, "%s", message);
  token = nlp_document_get_layer (doc, "token");
  cr_assert_str_eq (nlp_column_get_string (nlp_layer_get_column (token, "norm"), 1), "BETA");
  flag = nlp_document_find_attr (doc, "flag");
  cr_assert_eq (nlp_document_get_attr_int (doc, (guint) flag), 7);
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (allowed, the_program_writes_anything_between_stages)
{
  NlpPipeline *pipeline = build ("testtok,testopts,rogue", NULL);
  char *message;
  const char *stage;
  NlpDocument *doc = run (pipeline, &message, &stage);
  NlpLayer *token = nlp_document_get_layer (doc, "token");

  nlp_column_set_string (nlp_layer_get_column (token, "norm"), 0, "mine");
  cr_assert_str_eq (nlp_column_get_string (nlp_layer_get_column (token, "norm"), 0), "mine");
  nlp_document_set_int (doc, "flag", 3);
  nlp_document_set_meta (doc, "title", "T");
  cr_assert_str_eq (nlp_document_get_meta (doc, "title"), "T");
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (alias, everything_a_stage_adds_takes_the_alias)
{
  NlpPipeline *pipeline = build ("testtok,testopts,r=rogue,rogue", NULL);
  char *message;
  const char *stage;
  NlpDocument *doc = run (pipeline, &message, &stage);
  const char *const expect_r[] = { "r", "r.mark", "doc.r", NULL };

  cr_assert_not_null (doc, "%s", message);
  for (guint i = 0; expect_r[i]; i++)
    cr_assert (g_strv_contains (nlp_pipeline_get_provides (pipeline, 2), expect_r[i]),
               "%s", expect_r[i]);
  /* both instances' outputs, each under its own name */
  cr_assert_not_null (nlp_layer_get_column (nlp_document_get_layer (doc, "r"), "mark"));
  cr_assert_not_null (nlp_layer_get_column (nlp_document_get_layer (doc, "rogue"), "mark"));
  cr_assert_geq (nlp_document_find_attr (doc, "r"), 0);
  cr_assert_geq (nlp_document_find_attr (doc, "rogue"), 0);
  nlp_document_free (doc);
  nlp_pipeline_free (pipeline);
}

Test (alias, other_names_get_the_alias_as_prefix)
{
  NlpPipeline *pipeline = build ("testtok,fast=testopts,slow=testopts", NULL);
  const char *const *fast = nlp_pipeline_get_provides (pipeline, 1);

  cr_assert_str_eq (fast[0], "doc.fast_flag");
  cr_assert_str_eq (nlp_pipeline_get_provides (pipeline, 2)[4], "doc.slow_mode");
  nlp_pipeline_free (pipeline);
}

/* Builds @chain and asserts it is refused before any document with a
 * chain error containing @fragment. */
static void
assert_chain_error (const char *chain, const char *fragment)
{
  GError *error = NULL;
  NlpPipeline *pipeline;

  cr_assert (nlp_chain_spec_set_stages (spec, chain, NULL));
  pipeline = nlp_pipeline_new_unloaded (registry, spec, &error);
  cr_assert_null (pipeline, "%s was accepted", chain);
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_CHAIN), "%s", error->message);
  cr_assert_not_null (strstr (error->message, fragment), "'%s' not in: %s", fragment,
                      error->message);
  g_error_free (error);
}

Test (check, two_stages_that_provide_one_name)
{
  assert_chain_error ("testtok,tokenize",
                      "stage 'tokenize' would add 'token', which 'testtok' already "
                      "provides; run one of them under another name (ALIAS=STAGE)");
}

Test (check, an_alias_resolves_the_collision)
{
  GError *error = NULL;
  NlpPipeline *pipeline;

  cr_assert (nlp_chain_spec_set_stages (spec, "testtok,tok2=tokenize", NULL));
  pipeline = nlp_pipeline_new_unloaded (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  cr_assert (g_strv_contains (nlp_pipeline_get_provides (pipeline, 1), "tok2_token.norm"));
  nlp_pipeline_free (pipeline);
}

Test (check, modifies_must_name_what_an_earlier_stage_provides)
{
  assert_chain_error ("testtok,modifier,testopts",
                      "stage 'modifier' modifies 'doc.flag', which no earlier stage provides");
}

Test (check, probe_catches_an_undeclared_write_before_any_input)
{
  NlpTestRun *plain = nlp_test_run (NULL, "check", "--plugin-path", NLP_TEST_STAGEDIR,
                                    "-p", "testtok,testopts,rogue", "--set", "rogue.act=attr",
                                    NULL);
  NlpTestRun *probed = nlp_test_run (NULL, "check", "--probe", "--plugin-path",
                                     NLP_TEST_STAGEDIR, "-p", "testtok,testopts,rogue",
                                     "--set", "rogue.act=attr", NULL);
  NlpTestRun *good = nlp_test_run (NULL, "check", "--probe", "--plugin-path",
                                   NLP_TEST_STAGEDIR, "-p", "testtok,testopts,rogue", NULL);

  cr_assert_eq (plain->status, 0, "%s", plain->err);
  cr_assert_eq (probed->status, 2, "%s", probed->err);
  cr_assert_str_eq (probed->err, "nlpipe: the probe document failed: stage 'rogue': sets "
                    "doc.stray, which is not in its provides; declare it there\n");
  cr_assert_eq (good->status, 0, "%s", good->err);
  nlp_test_run_free (plain);
  nlp_test_run_free (probed);
  nlp_test_run_free (good);
}
