/* ner-train.c — training and model-only evaluation. */
#include <string.h>
#include "ner-train.h"
#include "nlp-error.h"

typedef struct {
  NerModel *model;     /* current weights w (ftable) */
  float    *sum;       /* sum of step * update, for averaging */
  guint64   step;
} Trainer;

static inline void
update (Trainer *tr, guint32 bucket, guint label, float delta)
{
  gsize k = (gsize) bucket * tr->model->stride + label;
  tr->model->ftable[k] += delta;
  tr->sum[k] += (float) tr->step * delta;
}

/* Perceptron update for one sentence [s0, s1): gold features up, predicted
 * features down, wherever a label or the label before it differs. */
static void
learn_sentence (Trainer *tr, NerWork *work, guint s0, guint s1,
                const guint8 *gold, const guint8 *pred, gboolean doc_feats)
{
  const guint L = tr->model->n_labels;
  const guint bits = tr->model->bits;

  for (guint i = s0; i < s1; i++)
    {
      guint gp = i > s0 ? gold[i - 1] : L, pp = i > s0 ? pred[i - 1] : L;
      if (gold[i] != pred[i])
        {
          const guint32 *f = work->feats + (gsize) i * NER_MAX_FEATURES;
          guint32 d[NER_MAX_FEATURES];
          guint nd = doc_feats ? ner_features_doc (&work->toks, i, bits, d) : 0;
          for (guint k = 0; k < work->nfeats[i]; k++)
            {
              update (tr, f[k], gold[i], 1.0f);
              update (tr, f[k], pred[i], -1.0f);
            }
          for (guint k = 0; k < nd; k++)
            {
              update (tr, d[k], gold[i], 1.0f);
              update (tr, d[k], pred[i], -1.0f);
            }
        }
      if (gold[i] != pred[i] || gp != pp)
        {
          update (tr, ner_features_transition (gp, bits), gold[i], 1.0f);
          update (tr, ner_features_transition (pp, bits), pred[i], -1.0f);
        }
    }
}

static void
train_doc (Trainer *tr, NerWork *work, const NerGazetteer *gaz, const NerDoc *doc,
           const guint8 *gold, guint8 *pred)
{
  NerModel *m = tr->model;
  const guint S = m->stride;
  float trans[(NER_MAX_LABELS + 1) * 16];

  ner_work_prepare (work, m, gaz, doc);
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      ner_model_transitions (m, trans);
      memset (work->emit + (gsize) s0 * S, 0, (gsize) (s1 - s0) * S * sizeof (float));
      for (guint i = s0; i < s1; i++)
        ner_model_score (m, work->feats + (gsize) i * NER_MAX_FEATURES, work->nfeats[i],
                         work->emit + (gsize) i * S);
      ner_viterbi (m, work, work->emit + (gsize) s0 * S, trans, s1 - s0, pred + s0);
      if (memcmp (gold + s0, pred + s0, s1 - s0) != 0)
        learn_sentence (tr, work, s0, s1, gold, pred, FALSE);
      tr->step++;
    }
  if (!ner_work_doc_bits (work, m, doc, pred))
    return;
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      gboolean any = FALSE;

      for (guint i = s0; i < s1; i++)
        any |= work->toks.doc[i] != 0;
      if (!any)
        continue;
      ner_model_transitions (m, trans);
      memset (work->emit + (gsize) s0 * S, 0, (gsize) (s1 - s0) * S * sizeof (float));
      for (guint i = s0; i < s1; i++)
        {
          guint32 d[NER_MAX_FEATURES];
          guint nd = ner_features_doc (&work->toks, i, m->bits, d);
          ner_model_score (m, work->feats + (gsize) i * NER_MAX_FEATURES, work->nfeats[i],
                           work->emit + (gsize) i * S);
          ner_model_score (m, d, nd, work->emit + (gsize) i * S);
        }
      /* pass-1 labels are done with: the document bits hold what they said */
      ner_viterbi (m, work, work->emit + (gsize) s0 * S, trans, s1 - s0, pred + s0);
      if (memcmp (gold + s0, pred + s0, s1 - s0) != 0)
        learn_sentence (tr, work, s0, s1, gold, pred, TRUE);
      tr->step++;
    }
}

static void
average (const Trainer *tr, NerModel *avg)
{
  gsize n = avg->n_buckets * avg->stride;
  float inv = tr->step > 0 ? 1.0f / (float) tr->step : 0.0f;
  for (gsize k = 0; k < n; k++)
    avg->ftable[k] = tr->model->ftable[k] - tr->sum[k] * inv;
}

void
ner_evaluate (const NerModel *model, const NerGazetteer *gaz, const NerCorpus *corpus,
              gboolean doc_features, NerScore *score, FILE *predictions)
{
  NerWork *work = ner_work_new ();
  GArray *sent = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *gold = g_ptr_array_new (), *pred = g_ptr_array_new ();
  GStringChunk *names = g_string_chunk_new (256);

  for (guint d = 0; d < ner_corpus_n_docs (corpus); d++)
    {
      NerDoc doc;
      guint t0 = ner_corpus_doc_start (corpus, d);
      guint8 *labels;

      ner_corpus_doc (corpus, d, &doc, sent);
      labels = g_new (guint8, doc.n_tokens + 1);
      ner_tag (model, gaz, &doc, doc_features, work, labels);
      for (guint s = 0; s < doc.n_sents; s++)
        {
          g_ptr_array_set_size (gold, 0);
          g_ptr_array_set_size (pred, 0);
          for (guint i = doc.sent[s]; i < doc.sent[s + 1]; i++)
            {
              char buf[16];
              const char *name = ner_model_label_name (model, labels[i], buf);
              name = g_string_chunk_insert_const (names, name);
              g_ptr_array_add (gold, g_ptr_array_index (corpus->tag, t0 + i));
              g_ptr_array_add (pred, (gpointer) name);
              if (predictions != NULL)
                fprintf (predictions, "%s\t%s\t%s\n", doc.text[i],
                         (const char *) g_ptr_array_index (corpus->tag, t0 + i), name);
            }
          if (predictions != NULL)
            fputc ('\n', predictions);
          ner_score_add (score, (const char *const *) gold->pdata,
                         (const char *const *) pred->pdata, gold->len);
        }
      g_free (labels);
    }
  g_string_chunk_free (names);
  g_ptr_array_free (gold, TRUE);
  g_ptr_array_free (pred, TRUE);
  g_array_free (sent, TRUE);
  ner_work_free (work);
}

static NerModel *
train_run (const NerTrainOptions *opts, const NerCorpus *train, const NerCorpus *dev,
           const NerGazetteer *gaz, GError **error)
{
  char **types = opts->types != NULL ? g_strdupv ((char **) opts->types)
                                     : ner_corpus_types (train);
  Trainer tr = { 0 };
  NerModel *avg, *best = NULL;
  guint8 *gold, *pred;
  guint n_docs = ner_corpus_n_docs (train);
  guint *order = g_new (guint, n_docs);
  GRand *rand = g_rand_new_with_seed (opts->seed);
  NerWork *work = ner_work_new ();
  GArray *sent = g_array_new (FALSE, FALSE, sizeof (guint));
  double best_f1 = -1.0;

  tr.model = ner_model_new_float ((const char *const *) types, opts->bits, error);
  g_strfreev (types);
  if (tr.model == NULL)
    return NULL;
  avg = ner_model_new_float ((const char *const *) tr.model->types, opts->bits, NULL);
  tr.sum = g_new0 (float, tr.model->n_buckets * tr.model->stride);
  gold = ner_corpus_labels (train, tr.model);
  pred = g_new0 (guint8, ner_corpus_n_tokens (train) + 1);
  for (guint d = 0; d < n_docs; d++)
    order[d] = d;

  for (guint epoch = 1; epoch <= opts->epochs; epoch++)
    {
      double f1 = 0.0;
      for (guint d = n_docs; d > 1; d--)
        {
          guint j = g_rand_int_range (rand, 0, (gint32) d), t = order[d - 1];
          order[d - 1] = order[j];
          order[j] = t;
        }
      for (guint d = 0; d < n_docs; d++)
        {
          NerDoc doc;
          guint t0 = ner_corpus_doc_start (train, order[d]);
          ner_corpus_doc (train, order[d], &doc, sent);
          train_doc (&tr, work, gaz, &doc, gold + t0, pred + t0);
        }
      average (&tr, avg);
      if (dev != NULL)
        {
          NerScore *score = ner_score_new ((const char *const *) avg->types);
          ner_evaluate (avg, gaz, dev, TRUE, score, NULL);
          f1 = ner_score_f1 (score);
          ner_score_free (score);
        }
      if (opts->verbose && dev != NULL)
        g_printerr ("epoch %u: dev F1 %.2f\n", epoch, f1);
      else if (opts->verbose)
        g_printerr ("epoch %u done\n", epoch);
      if (dev == NULL || f1 > best_f1)
        {
          best_f1 = f1;
          if (best == NULL)
            best = ner_model_new_float ((const char *const *) avg->types, opts->bits, NULL);
          memcpy (best->ftable, avg->ftable,
                  avg->n_buckets * avg->stride * sizeof (float));
          if (opts->verbose && dev != NULL)
            g_printerr ("epoch %u: best so far\n", epoch);
        }
    }

  g_array_free (sent, TRUE);
  ner_work_free (work);
  g_rand_free (rand);
  g_free (order);
  g_free (gold);
  g_free (pred);
  g_free (tr.sum);
  ner_model_free (tr.model);
  ner_model_free (avg);
  return best;
}

NerModel *
ner_train (const NerTrainOptions *opts, const NerCorpus *train, const NerCorpus *dev,
           const NerGazetteer *gaz, GError **error)
{
  return train_run (opts, train, dev, gaz, error);
}
