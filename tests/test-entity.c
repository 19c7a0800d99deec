/* test-entity.c — the entity stage on real text: the example article,
 * rules, options, overrides, canonical names, the summary attribute, model
 * refusal, and nlpipe-ner train + eval end to end. */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

#define CHAIN "tokenize,sentence,entity"

static NlpDocument *
run_with (const char *text, const char *const *sets)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  NlpDocument *doc;
  GError *error = NULL;

  cr_assert (nlp_chain_spec_set_stages (spec, CHAIN, &error));
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    cr_assert (nlp_chain_spec_parse_set (spec, sets[i], &error), "%s", error->message);
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker);
  doc = nlp_document_new ("t", text, -1, &error);
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error), "%s",
             error ? error->message : "");
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return doc;
}

/* The error of building the chain with @sets (NULL when it builds). */
static char *
build_error (const char *const *sets)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline;
  GError *error = NULL;
  char *message = NULL;

  cr_assert (nlp_chain_spec_set_stages (spec, CHAIN, &error));
  for (guint i = 0; sets[i] != NULL; i++)
    cr_assert (nlp_chain_spec_parse_set (spec, sets[i], &error));
  pipeline = nlp_pipeline_new (registry, spec, &error);
  if (pipeline == NULL)
    message = g_strdup (error->message);
  g_clear_error (&error);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return message;
}

static void
assert_entity (NlpDocument *doc, const char *text, const char *label)
{
  cr_assert (nlp_test_has_span (doc, "entity", text, "label", label),
             "'%s' not found as %s", text, label);
}

/* ---- the example article ------------------------------------------------ */

Test (entity, seed_article)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain ("tokenize,sentence,stem,entity,sentiment", text);
  const char *per[] = { "Trump", "Putin", "Zelensky", "Marco Rubio", "Steve Witkoff",
                        "Sergey Lavrov", "Yuri Ushakov", "Andrei Belousov",
                        "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky" };
  const char *loc[] = { "Anchorage", "Alaska", "Ukraine", "Moscow", "Kyiv", "Russia" };
  const char *org[] = { "NATO", "CNN" };

  for (guint i = 0; i < G_N_ELEMENTS (per); i++)
    assert_entity (doc, per[i], "PER");
  for (guint i = 0; i < G_N_ELEMENTS (loc); i++)
    assert_entity (doc, loc[i], "LOC");
  for (guint i = 0; i < G_N_ELEMENTS (org); i++)
    assert_entity (doc, org[i], "ORG");
  /* no name is cut from its possessive or its hyphenated neighbour */
  cr_assert_not (nlp_test_has_span (doc, "entity", "Ukraine's", NULL, NULL));
  assert_entity (doc, "Aug 16", "DATE");
  assert_entity (doc, "Friday", "DATE");
  assert_entity (doc, "2022", "DATE");
  assert_entity (doc, "three hours", "DATE");
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

