/* test-languages.c — stages declare the languages they understand; on a
 * document in another language (doc.lang) the core skips them with a
 * warning the writers show, runs them anyway, or fails the document, as
 * --language-mismatch says.  Also the descriptor's other ABI 1.1 fields,
 * and a stage built against ABI 1.0. */
#include <string.h>
#include <glib/gstdio.h>
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

TestSuite (languages, .init = setup, .fini = teardown);
TestSuite (descriptor, .init = setup, .fini = teardown);

/* Runs testlang (claiming @lang),testen,testendep under @policy: (transfer
 * full) the document, or NULL with *@message and *@failed set (transfer
 * full). */
static NlpDocument *
run (const char *lang, NlpLanguageMismatch policy, char **message, char **failed)
{
  const char *stage = NULL;
  char *set = g_strdup_printf ("testlang.lang=%s", lang);
  GError *error = NULL;
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  NlpDocument *doc = nlp_document_new ("d", "Bonjour tout le monde.", -1, NULL);

  cr_assert (nlp_chain_spec_set_stages (spec, "testlang,testen,testendep", NULL));
  cr_assert (nlp_chain_spec_parse_set (spec, set, NULL));
  nlp_chain_spec_set_language_mismatch (spec, policy);
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  worker = nlp_pipeline_worker_new (pipeline, NULL);
  *message = *failed = NULL;
  if (!nlp_pipeline_worker_process (worker, doc, &stage, &error))
    {
      *failed = g_strdup (stage);
      *message = g_strdup (error->message);
      g_error_free (error);
      g_clear_pointer (&doc, nlp_document_free);
    }
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  g_free (set);
  return doc;
}

static gboolean
has_attr (NlpDocument *doc, const char *name)
{
  return nlp_document_find_attr (doc, name) >= 0;
}

Test (languages, another_language_skips_the_stage_and_what_needs_it)
{
  char *message;
  char *failed;
  const char *stage, *language, *text;
  NlpDocument *doc = run ("fr", NLP_LANGUAGE_MISMATCH_WARN, &message, &failed);

  cr_assert_not_null (doc, "%s", message);
  cr_assert_not (has_attr (doc, "testen"));
  cr_assert_not (has_attr (doc, "testendep"));
  cr_assert_eq (nlp_document_get_n_warnings (doc), 2);
  text = nlp_document_get_warning (doc, 0, &stage, &language);
  cr_assert_str_eq (stage, "testen");
  cr_assert_str_eq (language, "fr");
  cr_assert_str_eq (text, "not run: the document is in 'fr', and the stage understands "
                    "en only");
  text = nlp_document_get_warning (doc, 1, &stage, &language);
  cr_assert_str_eq (stage, "testendep");
  cr_assert_null (language);
  cr_assert_str_eq (text, "not run: it needs what 'testen' makes, and 'testen' did not run "
                    "on this document");
  nlp_document_free (doc);
}

Test (languages, its_own_language_runs_it)
{
  static const char *const langs[] = { "en", "en-GB", "und", "" };
  char *message, *failed;

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      NlpDocument *doc = run (langs[i], NLP_LANGUAGE_MISMATCH_WARN, &message, &failed);
      cr_assert_not_null (doc, "%s", message);
      cr_assert (has_attr (doc, "testen") && has_attr (doc, "testendep"), "lang '%s'", langs[i]);
      cr_assert_eq (nlp_document_get_n_warnings (doc), 0);
      nlp_document_free (doc);
      nlp_chain_spec_free (spec);
      spec = nlp_chain_spec_new ();
    }
}

/* a guess below NLP_LANGUAGE_SURE_SCORE stays in doc.lang, and skips nothing */
Test (languages, an_unsure_guess_skips_nothing)
{
  static const struct { const char *score; gboolean skipped; } cases[] = {
    { "0.385", FALSE }, { "0.499", FALSE }, { "0.5", TRUE }, { "0.97", TRUE },
  };
  char *message, *failed;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *set = g_strdup_printf ("testlang.score=%s", cases[i].score);
      NlpDocument *doc;
      gint at;

      cr_assert (nlp_chain_spec_parse_set (spec, set, NULL));
      doc = run ("nl", NLP_LANGUAGE_MISMATCH_WARN, &message, &failed);
      cr_assert_not_null (doc, "%s", message);
      at = nlp_document_find_attr (doc, "lang");
      cr_assert (at >= 0);
      cr_assert_str_eq (nlp_document_get_attr_string (doc, (guint) at), "nl");
      cr_assert_eq (!has_attr (doc, "testen"), cases[i].skipped, "score %s", cases[i].score);
      cr_assert_eq (nlp_document_get_n_warnings (doc), cases[i].skipped ? 2 : 0,
                    "score %s", cases[i].score);
      nlp_document_free (doc);
      nlp_chain_spec_free (spec);
      spec = nlp_chain_spec_new ();
      g_free (set);
    }
}

Test (languages, run_policy_runs_it_anyway)
{
  char *message, *failed;
  NlpDocument *doc = run ("fr", NLP_LANGUAGE_MISMATCH_RUN, &message, &failed);

  cr_assert_not_null (doc, "%s", message);
  cr_assert (has_attr (doc, "testen") && has_attr (doc, "testendep"));
  cr_assert_eq (nlp_document_get_n_warnings (doc), 0);
  nlp_document_free (doc);
}

Test (languages, fail_policy_fails_the_document)
{
  char *message, *failed;
  NlpDocument *doc = run ("fr", NLP_LANGUAGE_MISMATCH_FAIL, &message, &failed);

  cr_assert_null (doc);
  cr_assert_str_eq (failed, "testen");
  cr_assert_str_eq (message, "the document is in 'fr' and the stage understands en only "
                    "(--language-mismatch=fail)");
  g_free (message);
  g_free (failed);
}

Test (languages, the_config_file_sets_the_policy)
{
  char *dir = g_dir_make_tmp ("nlpipe-lang-XXXXXX", NULL);
  char *conf = g_build_filename (dir, "c.conf", NULL);
  GError *error = NULL;

  cr_assert (g_file_set_contents (conf, "[pipeline]\nlanguage-mismatch=fail\n", -1, NULL));
  cr_assert (nlp_chain_spec_load_file (spec, conf, &error), "%s", error ? error->message : "");
  cr_assert_eq (nlp_chain_spec_get_language_mismatch (spec), NLP_LANGUAGE_MISMATCH_FAIL);
  cr_assert (g_file_set_contents (conf, "[pipeline]\nlanguage-mismatch=maybe\n", -1, NULL));
  cr_assert_not (nlp_chain_spec_load_file (spec, conf, &error));
  cr_assert (g_str_has_suffix (error->message, "language-mismatch 'maybe': expected one of: "
                               "warn, run, fail"), "%s", error->message);
  g_error_free (error);
  g_unlink (conf);
  g_rmdir (dir);
  g_free (conf);
  g_free (dir);
}

Test (descriptor, abi_1_1_fields_are_read)
{
  NlpStage *stage = nlp_registry_load (registry, "testen", NULL);
  const NlpStageInfo *info;

  cr_assert_not_null (stage);
  info = nlp_stage_get_info (stage);
  cr_assert_eq (info->abi_minor, 1);
  cr_assert_str_eq (info->licence, "LGPL-2.1-or-later");
  cr_assert_str_eq (info->author, "The nlpipe developers");
  cr_assert_str_eq (info->homepage, "https://example.org/testen");
  cr_assert_str_eq (info->languages[0], "en");
  cr_assert_null (info->languages[1]);
}

Test (descriptor, a_stage_built_against_abi_1_0_still_loads_and_runs)
{
  NlpStage *stage = nlp_registry_load (registry, "oldabi", NULL);
  const NlpStageInfo *info;
  NlpDocument *doc;

  cr_assert_not_null (stage);
  info = nlp_stage_get_info (stage);
  cr_assert_eq (info->abi_minor, 0);
  cr_assert_null (info->licence);
  cr_assert_null (info->author);
  cr_assert_null (info->homepage);
  cr_assert_null (info->languages);      /* any language */
  cr_assert (nlp_chain_spec_set_stages (spec, "testlang,oldabi", NULL));
  {
    NlpPipeline *pipeline = nlp_pipeline_new (registry, spec, NULL);
    NlpPipelineWorker *worker = nlp_pipeline_worker_new (pipeline, NULL);
    doc = nlp_document_new ("d", "Bonjour.", -1, NULL);
    cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, NULL));
    cr_assert (has_attr (doc, "oldabi"));
    cr_assert_eq (nlp_document_get_n_warnings (doc), 0);
    nlp_document_free (doc);
    nlp_pipeline_worker_free (worker);
    nlp_pipeline_free (pipeline);
  }
}

/* The built nlpipe, with the test stages. */
static NlpTestRun *
cli (const char *format, const char *policy)
{
  return nlp_test_run ("Bonjour tout le monde.\n", "--plugin-path", NLP_TEST_STAGEDIR,
                       "-p", "testtok,testlang,testen,testendep", "-f", format,
                       "--language-mismatch", policy, "-", NULL);
}

Test (languages, every_writer_shows_the_warning_and_the_summary_counts_it)
{
  NlpTestRun *json = cli ("json", "warn"), *text = cli ("text", "warn");
  NlpTestRun *html = cli ("html", "warn"), *tsv = cli ("tsv", "warn");

  cr_assert_eq (json->status, 0, "%s", json->err);
  cr_assert_not_null (strstr (json->out, "\"warnings\":[{\"stage\":\"testen\",\"language\":"
                              "\"fr\",\"message\":\"not run: the document is in 'fr', and the "
                              "stage understands en only\"},{\"stage\":\"testendep\","),
                      "%s", json->out);
  cr_assert_not_null (strstr (json->err, "1 document read, 1 written, 0 failed, 1 with stages "
                              "skipped for their language (see the warnings)"), "%s", json->err);
  cr_assert_not_null (strstr (text->out, "\nWARNING from stage testen: not run: the document "
                              "is in 'fr'"), "%s", text->out);
  cr_assert_not_null (strstr (html->out, "<p class=\"warning\">Warning from stage testen: "
                              "not run: the document is in &#39;fr&#39;"), "%s", html->out);
  cr_assert_not_null (strstr (tsv->out, "\n# warning = testen: not run: the document is in "
                              "'fr'"), "%s", tsv->out);
  nlp_test_run_free (json);
  nlp_test_run_free (text);
  nlp_test_run_free (html);
  nlp_test_run_free (tsv);
}

Test (languages, the_command_takes_the_policy)
{
  NlpTestRun *fail = cli ("json", "fail"), *bad = cli ("json", "sometimes");

  cr_assert_eq (fail->status, 1);
  cr_assert_not_null (strstr (fail->err, "stage 'testen': the document is in 'fr' and the "
                              "stage understands en only (--language-mismatch=fail)"),
                      "%s", fail->err);
  cr_assert_eq (bad->status, 2);
  cr_assert_not_null (strstr (bad->err, "--language-mismatch 'sometimes': expected one of: "
                              "warn, run, fail"), "%s", bad->err);
  nlp_test_run_free (fail);
  nlp_test_run_free (bad);
}
