/* ner-chain-eval.c — the whole chain, from raw text, against gold tokens. */
#include <string.h>
#include "ner-chain-eval.h"
#include "nlpipe.h"

/* The predicted tag of each gold token: B-/I- of the entity covering it. */
static void
project (NlpDocument *doc, const guint *tok_start, const guint32 *tok_len, guint n,
         GPtrArray *pred, GStringChunk *names)
{
  NlpLayer *ents = nlp_document_get_layer (doc, "entity");
  NlpColumn *label = ents != NULL ? nlp_layer_get_column (ents, "label") : NULL;
  guint t = 0;

  g_ptr_array_set_size (pred, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (pred, (gpointer) "O");
  for (guint e = 0; label != NULL && e < nlp_layer_get_n_rows (ents); e++)
    {
      guint a = nlp_layer_get_start (ents, e), b = nlp_layer_get_end (ents, e);
      gboolean first = TRUE;
      while (t < n && tok_start[t] + tok_len[t] <= a)
        t++;
      for (guint k = t; k < n && tok_start[k] < b; k++)
        {
          char *tag = g_strdup_printf ("%c-%s", first ? 'B' : 'I',
                                       nlp_column_get_string (label, e));
          g_ptr_array_index (pred, k) = (gpointer) g_string_chunk_insert_const (names, tag);
          g_free (tag);
          first = FALSE;
        }
    }
}

gboolean
ner_chain_evaluate (const NerCorpus *corpus, const char *const *sets, const char *model,
                    NerScore *score, FILE *predictions, GError **error)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline = NULL;
  NlpPipelineWorker *worker = NULL;
  GString *text = g_string_new (NULL);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *sent = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *pred = g_ptr_array_new ();
  GStringChunk *names = g_string_chunk_new (256);
  gboolean ok = FALSE;

  if (!nlp_chain_spec_set_stages (spec, NLP_DEFAULT_CHAIN, error))
    goto out;
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    if (!nlp_chain_spec_parse_set (spec, sets[i], error))
      goto out;
  if (model != NULL && !nlp_chain_spec_set_option (spec, "entity", "model", model, error))
    goto out;
  if ((pipeline = nlp_pipeline_new (registry, spec, error)) == NULL
      || (worker = nlp_pipeline_worker_new (pipeline, error)) == NULL)
    goto out;

  for (guint d = 0; d < ner_corpus_n_docs (corpus); d++)
    {
      NerDoc nd;
      NlpDocument *doc;
      guint t0 = ner_corpus_doc_start (corpus, d);

      ner_corpus_doc (corpus, d, &nd, sent);
      g_string_truncate (text, 0);
      g_array_set_size (starts, 0);
      /* a paragraph per gold sentence, a space between tokens */
      for (guint s = 0; s < nd.n_sents; s++)
        {
          if (s > 0)
            g_string_append (text, "\n\n");
          for (guint i = nd.sent[s]; i < nd.sent[s + 1]; i++)
            {
              guint at = (guint) text->len + (i > nd.sent[s] ? 1 : 0);
              if (i > nd.sent[s])
                g_string_append_c (text, ' ');
              g_array_append_val (starts, at);
              g_string_append_len (text, nd.text[i], nd.len[i]);
            }
        }
      doc = nlp_document_new ("bio", text->str, (gssize) text->len, error);
      if (doc == NULL || !nlp_pipeline_worker_process (worker, doc, NULL, error))
        {
          if (doc != NULL)
            nlp_document_free (doc);
          goto out;
        }
      project (doc, (const guint *) starts->data, nd.len, nd.n_tokens, pred, names);
      for (guint s = 0; s < nd.n_sents; s++)
        {
          guint a = nd.sent[s], b = nd.sent[s + 1];
          const char *const *gold = (const char *const *) corpus->tag->pdata + t0;
          ner_score_add (score, gold + a, (const char *const *) pred->pdata + a, b - a);
          for (guint i = a; predictions != NULL && i < b; i++)
            fprintf (predictions, "%s\t%s\t%s\n", nd.text[i], gold[i],
                     (const char *) g_ptr_array_index (pred, i));
          if (predictions != NULL)
            fputc ('\n', predictions);
        }
      nlp_document_free (doc);
    }
  ok = TRUE;

out:
  g_string_chunk_free (names);
  g_ptr_array_free (pred, TRUE);
  g_array_free (sent, TRUE);
  g_array_free (starts, TRUE);
  g_string_free (text, TRUE);
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return ok;
}
