/* test-processor.c — documents in memory on worker threads: pop returns
 * them in push order, processed exactly as one thread would; failures
 * come back with their error record; submit calls back for each; the
 * pipeline processes documents from many threads at once. */
#include <string.h>
#include "nlp-test.h"
#include "stages/test-stages.h"

static NlpPipeline *
pipeline_for (const char *chain)
{
  NlpRegistry *registry = nlp_test_stage_registry ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  GError *error = NULL;
  NlpPipeline *pipeline;

  cr_assert (nlp_chain_spec_set_stages (spec, chain, NULL));
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  nlp_chain_spec_free (spec);
  nlp_registry_unref (registry);          /* the pipeline keeps its own */
  return pipeline;
}

static char *
text_of (guint i)
{
  return g_strdup_printf ("Document %u says %s and more words for %u tokens.", i,
                          i % 7 == 3 ? "FAIL" : "hello", i % 13);
}

Test (processor, pop_returns_push_order_processed_like_one_thread)
{
  NlpPipeline *pipeline = pipeline_for ("testtok,failer");
  GError *error = NULL;
  NlpProcessor *processor = nlp_processor_new (pipeline, 4, &error);
  guint n = 500, popped = 0;
  NlpDocument *doc;

  cr_assert_not_null (processor, "%s", error ? error->message : "");
  cr_assert_eq (nlp_processor_get_jobs (processor), 4);
  for (guint i = 0; i < n; i++)
    {
      char *id = g_strdup_printf ("d%u", i), *text = text_of (i);
      nlp_processor_push (processor, nlp_document_new (id, text, -1, NULL));
      g_free (id);
      g_free (text);
    }
  cr_assert_eq (nlp_processor_get_pending (processor), n);
  while ((doc = nlp_processor_pop (processor)) != NULL)
    {
      char *id = g_strdup_printf ("d%u", popped);
      const char *stage, *err = nlp_document_get_error (doc, &stage);
      NlpLayer *tokens = nlp_document_get_layer (doc, "token");

      cr_assert_str_eq (nlp_document_get_id (doc), id);
      cr_assert_not_null (tokens);
      cr_assert_eq (nlp_layer_get_n_rows (tokens), 10);
      if (popped % 7 == 3)
        {
          cr_assert_str_eq (stage, "failer");
          cr_assert_not_null (strstr (err, "found 'FAIL'"), "%s", err);
        }
      else
        {
          cr_assert_null (err, "%s", err);
          cr_assert_geq (nlp_document_find_attr (doc, "failer"), 0);
        }
      nlp_document_unref (doc);
      g_free (id);
      popped++;
    }
  cr_assert_eq (popped, n);
  cr_assert_eq (nlp_processor_get_pending (processor), 0);
  cr_assert_null (nlp_processor_pop (processor));
  nlp_processor_unref (processor);
  nlp_pipeline_unref (pipeline);
}

typedef struct {
  GMutex   lock;
  guint    done, failed;
  gboolean *seen;
} Tally;

static void
on_done (NlpDocument *doc, const GError *error, gpointer data)
{
  Tally *t = data;
  guint i = (guint) g_ascii_strtoull (nlp_document_get_id (doc) + 1, NULL, 10);

  g_mutex_lock (&t->lock);
  cr_assert_not (t->seen[i], "d%u twice", i);
  t->seen[i] = TRUE;
  t->done++;
  if (error != NULL)
    {
      cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_STAGE));
      t->failed++;
    }
  g_mutex_unlock (&t->lock);
  nlp_document_unref (doc);
}

Test (processor, submit_calls_back_once_for_each_document)
{
  NlpPipeline *pipeline = pipeline_for ("testtok,failer");
  NlpProcessor *processor = nlp_processor_new (pipeline, 3, NULL);
  Tally t = { .seen = g_new0 (gboolean, 300) };

  g_mutex_init (&t.lock);
  for (guint i = 0; i < 300; i++)
    {
      char *id = g_strdup_printf ("d%u", i), *text = text_of (i);
      nlp_processor_submit (processor, nlp_document_new (id, text, -1, NULL), on_done, &t, NULL);
      g_free (id);
      g_free (text);
    }
  nlp_processor_unref (processor);          /* waits for the queue */
  cr_assert_eq (t.done, 300);
  cr_assert_eq (t.failed, 43);              /* i % 7 == 3 below 300 */
  g_mutex_clear (&t.lock);
  g_free (t.seen);
  nlp_pipeline_unref (pipeline);
}

static gpointer
process_many (gpointer data)
{
  NlpPipeline *pipeline = data;

  for (guint i = 0; i < 200; i++)
    {
      GError *error = NULL;
      NlpDocument *doc = nlp_pipeline_process_text (pipeline, "t", "one two three", -1, &error);
      cr_assert_not_null (doc, "%s", error ? error->message : "");
      cr_assert_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "token")), 3);
      nlp_document_unref (doc);
    }
  return NULL;
}

Test (processor, the_pipeline_processes_from_many_threads)
{
  NlpPipeline *pipeline = pipeline_for ("testtok,failer");
  GThread *threads[4];
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("t", process_many, pipeline);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  cr_assert_null (nlp_pipeline_process_text (pipeline, "f", "this will FAIL", -1, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_STAGE));
  cr_assert (g_str_has_prefix (error->message, "stage 'failer': found 'FAIL'"), "%s",
             error->message);
  g_clear_error (&error);
  cr_assert_null (nlp_pipeline_process_text (pipeline, "u", "caf\xe9", -1, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING));
  g_error_free (error);
  nlp_pipeline_unref (pipeline);
}

Test (processor, a_document_outlives_its_pipeline)
{
  NlpPipeline *pipeline = nlp_pipeline_new_from_string ("tokenize,sentence", NULL);
  NlpDocument *doc = nlp_pipeline_process_text (pipeline, "x", "One. Two.", -1, NULL);

  cr_assert_not_null (doc);
  nlp_pipeline_unref (pipeline);
  cr_assert_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "sentence")), 2);
  nlp_document_ref (doc);
  nlp_document_unref (doc);
  cr_assert_str_eq (nlp_document_get_id (doc), "x");
  nlp_document_unref (doc);
}
