/* test-shout.c — the shout stage in a chain, on text written for it. */
#include <criterion/criterion.h>
#include <nlpipe.h>

/* Runs "tokenize,shout" (the installed tokenize, this build's shout) on
 * @text: (transfer full) the document, or NULL with @error set. */
static NlpDocument *
run_chain (const char *chain, const char *text, GError **error)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline = NULL;
  NlpDocument *doc = NULL;

  nlp_registry_prepend_path (registry, BUILDDIR);
  if (nlp_chain_spec_set_stages (spec, chain, error)
      && (pipeline = nlp_pipeline_new (registry, spec, error)) != NULL)
    doc = nlp_pipeline_process_text (pipeline, "test", text, -1, error);
  nlp_pipeline_unref (pipeline);
  nlp_chain_spec_unref (spec);
  nlp_registry_unref (registry);
  return doc;
}

Test (shout, capitals_are_marked_words_only)
{
  GError *error = NULL;
  NlpDocument *doc = run_chain ("tokenize,shout", "The EU and NATO met in Oslo.", &error);
  NlpLayer *tokens;
  NlpColumn *shout;

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  tokens = nlp_document_get_layer (doc, "token");
  shout = nlp_layer_get_column (tokens, "shout");
  cr_assert_not_null (shout);
  cr_assert_eq (nlp_column_get_int (shout, 1), 1);          /* EU */
  cr_assert_eq (nlp_column_get_int (shout, 3), 1);          /* NATO */
  cr_assert_eq (nlp_column_get_int (shout, 6), 0);          /* Oslo */
  cr_assert_not (nlp_column_is_set (shout, 7));             /* "." */
  nlp_document_unref (doc);
}

Test (shout, under_an_alias_its_column_takes_the_alias)
{
  GError *error = NULL;
  NlpDocument *doc = run_chain ("tokenize,caps=shout", "NATO", &error);
  NlpLayer *tokens;

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  tokens = nlp_document_get_layer (doc, "token");
  cr_assert_not_null (nlp_layer_get_column (tokens, "caps"));
  cr_assert_null (nlp_layer_get_column (tokens, "shout"));
  nlp_document_unref (doc);
}
