/* bench-stage.c — times a chain on documents in memory: reading, JSON
 * parsing, document creation and freeing are outside the clock; only
 * nlp_pipeline_worker_process is timed, in CPU time of the thread (the
 * figure holds on a busy machine better than wall time).  One thread.
 *
 * usage: bench-stage CHAIN FILE [ROUNDS]
 *   FILE: JSON Lines ({"text": ...} per line) or plain text (one document)
 *   prints the best of ROUNDS (default 5) passes over all documents.
 * Built and run by bench/bench-boundaries.sh.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "nlpipe.h"

static double
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static GPtrArray *
read_texts (const char *path)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  char *contents;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);
  if (!g_str_has_suffix (path, ".jsonl"))
    {
      g_ptr_array_add (texts, contents);
      return texts;
    }
  {
    char **lines = g_strsplit (contents, "\n", -1);
    JsonParser *parser = json_parser_new ();
    for (guint i = 0; lines[i] != NULL; i++)
      {
        JsonObject *obj;
        if (lines[i][0] == '\0')
          continue;
        if (!json_parser_load_from_data (parser, lines[i], -1, &error))
          g_error ("%s:%u: %s", path, i + 1, error->message);
        obj = json_node_get_object (json_parser_get_root (parser));
        g_ptr_array_add (texts, g_strdup (json_object_get_string_member (obj, "text")));
      }
    g_object_unref (parser);
    g_strfreev (lines);
    g_free (contents);
  }
  return texts;
}

int
main (int argc, char **argv)
{
  NlpRegistry *registry;
  NlpChainSpec *spec;
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  GPtrArray *texts;
  GError *error = NULL;
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 5;
  double best = G_MAXDOUBLE;
  gsize bytes = 0;
  guint64 tokens = 0, sentences = 0;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s CHAIN FILE [ROUNDS]\n", argv[0]);
      return 2;
    }
  texts = read_texts (argv[2]);
  registry = nlp_registry_new ();
  spec = nlp_chain_spec_new ();
  if (!nlp_chain_spec_set_stages (spec, argv[1], &error)
      || (pipeline = nlp_pipeline_new (registry, spec, &error)) == NULL
      || (worker = nlp_pipeline_worker_new (pipeline, &error)) == NULL)
    {
      fprintf (stderr, "bench-stage: %s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < texts->len; i++)
    bytes += strlen (texts->pdata[i]);

  for (guint r = 0; r < rounds; r++)
    {
      double spent = 0;
      tokens = sentences = 0;
      for (guint i = 0; i < texts->len; i++)
        {
          NlpDocument *doc = nlp_document_new ("bench", texts->pdata[i], -1, &error);
          double t0;
          if (doc == NULL)
            g_error ("document %u: %s", i, error->message);
          t0 = thread_seconds ();
          if (!nlp_pipeline_worker_process (worker, doc, NULL, &error))
            g_error ("document %u: %s", i, error->message);
          spent += thread_seconds () - t0;
          tokens += nlp_layer_get_n_rows (nlp_document_get_layer (doc, "token"));
          sentences += nlp_layer_get_n_rows (nlp_document_get_layer (doc, "sentence"));
          nlp_document_free (doc);
        }
      best = MIN (best, spent);
    }
  printf ("%s: %u documents, %.2f MB, %" G_GUINT64_FORMAT " tokens, %" G_GUINT64_FORMAT
          " sentences: best of %u = %.2f ms, %.1f MB/s\n",
          argv[1], texts->len, bytes / 1e6, tokens, sentences, rounds, best * 1e3,
          bytes / 1e6 / best);
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  g_ptr_array_unref (texts);
  return 0;
}
