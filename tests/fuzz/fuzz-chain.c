/* fuzz-chain.c — libFuzzer target: the whole default chain on one
 * document, then every writer.  The input is made valid UTF-8 first
 * (invalid bytes and NULs become U+FFFD, as --invalid-utf8=replace does):
 * the reader guarantees that much to the stages.
 *
 * Checked: no stage fails on valid text, every span is inside the text,
 * sorted and on character boundaries, string cells are UTF-8, JSON output
 * is one valid object.  NLPIPE_FUZZ_CHAIN=a,b,c fuzzes another chain.
 */
#include "fuzz-util.h"

static NlpPipeline *pipeline;
static NlpPipelineWorker *worker;
static NlpWriter *writers[16];        /* every format but "none" */
static gboolean is_json[16];
static guint n_writers;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *chain = g_getenv ("NLPIPE_FUZZ_CHAIN");
  NlpRegistry *registry = nlp_registry_new ();   /* stays: stages resident */
  NlpChainSpec *spec = nlp_chain_spec_new ();
  const char *const *formats = nlp_writer_list_formats ();
  GError *error = NULL;

  fuzz_make_criticals_fatal ();
  if (!nlp_chain_spec_set_stages (spec, chain ? chain : NLP_DEFAULT_CHAIN, &error)
      || (pipeline = nlp_pipeline_new (registry, spec, &error)) == NULL
      || (worker = nlp_pipeline_worker_new (pipeline, &error)) == NULL)
    {
      fprintf (stderr, "fuzz-chain: %s\n", error->message);
      exit (1);
    }
  nlp_chain_spec_free (spec);
  for (guint i = 0; formats[i] != NULL && n_writers < G_N_ELEMENTS (writers); i++)
    {
      NlpWriter *w = nlp_writer_new (formats[i], NULL, &error);
      FUZZ_CHECK (w != NULL, "writer %s: %s", formats[i], error->message);
      if (nlp_writer_is_null (w))
        {
          nlp_writer_free (w);
          continue;
        }
      is_json[n_writers] = strcmp (formats[i], "json") == 0;
      writers[n_writers++] = w;
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  const char *stage = NULL;
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new ("fuzz", text, -1, &error);

  FUZZ_CHECK (doc != NULL, "document refused: %s", error->message);
  FUZZ_CHECK (nlp_pipeline_worker_process (worker, doc, &stage, &error),
              "stage %s failed on valid text: %s", stage, error->message);
  fuzz_check_layers (doc);
  for (guint i = 0; i < n_writers; i++)
    fuzz_check_writer (writers[i], is_json[i], doc);
  nlp_document_free (doc);
  g_free (text);
  return 0;
}
