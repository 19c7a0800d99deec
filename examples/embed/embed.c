/* embed.c — nlpipe inside another C program: build a chain from a string,
 * run it over texts held in memory on several threads, and read each
 * document's entities and sentence sentiment through the public API.
 *
 *   cc -o embed embed.c $(pkg-config --cflags --libs nlpipe)
 *   ./embed [JOBS]
 *
 * Every call that can fail takes a GError; each is checked, and a failure
 * is printed with the library's own one-line message.  docs/embedding.md
 * walks through it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <nlpipe.h>

static const char *const articles[] = {
  "Angela Merkel met Emmanuel Macron in Paris on Friday. The talks were warm "
  "and productive, aides said.",
  "Shares of Siemens fell 3% in Frankfurt after the company cut its outlook. "
  "Analysts called the news a serious blow.",
  "Volodymyr Zelensky thanked NATO for its support during a visit to Brussels.",
  "The weather in Anchorage was calm, and the summit ended without an agreement.",
};

/* Prints each entity of @doc with its type and its position in bytes. */
static void
print_entities (NlpDocument *doc)
{
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");
  NlpColumn *label = nlp_layer_get_column (entities, "label");
  const char *text = nlp_document_get_text (doc, NULL);

  for (guint e = 0; e < nlp_layer_get_n_rows (entities); e++)
    {
      guint start = nlp_layer_get_start (entities, e), end = nlp_layer_get_end (entities, e);
      printf ("  entity   %-5s %.*s (bytes %u-%u)\n", nlp_column_get_string (label, e),
              (int) (end - start), text + start, start, end);
    }
}

/* Prints each sentence's compound sentiment score. */
static void
print_sentences (NlpDocument *doc)
{
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  NlpColumn *score = nlp_layer_get_column (sentences, "sentiment");

  for (guint s = 0; s < nlp_layer_get_n_rows (sentences); s++)
    printf ("  sentence %u sentiment %+.4f\n", s + 1,
            nlp_column_is_set (score, s) ? nlp_column_get_double (score, s) : 0.0);
}

int
main (int argc, char **argv)
{
  guint jobs = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 2;
  GError *error = NULL;
  NlpPipeline *pipeline;
  NlpProcessor *processor;
  NlpDocument *doc;
  int status = 0;

  pipeline = nlp_pipeline_new_from_string ("tokenize,sentence,stem,entity,sentiment", &error);
  if (pipeline == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      g_error_free (error);
      return 2;
    }
  processor = nlp_processor_new (pipeline, jobs, &error);
  if (processor == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      g_error_free (error);
      nlp_pipeline_unref (pipeline);
      return 3;
    }

  /* every text goes to the worker threads at once ... */
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "article-%u", i + 1);
      if (!nlp_processor_push_text (processor, id, articles[i], -1, &error))
        {
          fprintf (stderr, "embed: %s: %s\n", id, error->message);
          g_clear_error (&error);
          status = 1;
        }
    }
  /* ... and comes back in the order it went in */
  while ((doc = nlp_processor_pop (processor)) != NULL)
    {
      const char *stage, *failure = nlp_document_get_error (doc, &stage);

      printf ("%s\n", nlp_document_get_id (doc));
      if (failure != NULL)
        {
          fprintf (stderr, "embed: %s: stage '%s': %s\n", nlp_document_get_id (doc), stage,
                   failure);
          status = 1;
        }
      else
        {
          print_entities (doc);
          print_sentences (doc);
        }
      nlp_document_unref (doc);
    }

  nlp_processor_unref (processor);
  nlp_pipeline_unref (pipeline);
  return status;
}
