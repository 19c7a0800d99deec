/* ner-calibrate.c — the confidences' temperature, fitted on gold text. */
#include <math.h>
#include <string.h>
#include "ner-calibrate.h"
#include "ner-confidence.h"
#include "ner-tagger.h"

#define N_TEMPS 33             /* 2^-2 .. 2^8 in steps of 2^(1/3) */

static double
temp_at (guint k)
{
  return pow (2.0, -2.0 + k / 3.0);
}

/* Whether the entity of @pred starting at @a (a B label) is in @gold
 * with the same span and type; @end is the end of its sentence. */
static gboolean
right (const guint8 *pred, const guint8 *gold, guint a, guint end)
{
  guint l = pred[a], b = a + 1;
  if (gold[a] != l)
    return FALSE;
  for (; b < end && pred[b] == l + 1; b++)
    if (gold[b] != l + 1)
      return FALSE;
  return b >= end || gold[b] != l + 1;
}

/* Calls @func (score, right, data) for every entity @model finds in
 * @corpus, at each of the @n_temps temperatures @temps (index passed). */
typedef void (*SpanFunc) (guint t, float score, gboolean ok, gpointer data);

static guint
walk (const NerModel *model, const NerGazetteer *gaz, const NerCorpus *corpus,
      gboolean doc_features, const double *temps, guint n_temps, SpanFunc func,
      gpointer data)
{
  NerWork *work = ner_work_new ();
  NerConfidence *conf = ner_confidence_new ();
  GArray *sent = g_array_new (FALSE, FALSE, sizeof (guint));
  guint8 *gold_all = ner_corpus_labels (corpus, model);
  guint found = 0;

  for (guint d = 0; d < ner_corpus_n_docs (corpus); d++)
    {
      NerDoc doc;
      const guint8 *gold = gold_all + ner_corpus_doc_start (corpus, d);
      guint8 *labels;
      float *score;

      ner_corpus_doc (corpus, d, &doc, sent);
      labels = g_new0 (guint8, doc.n_tokens + 1);
      score = g_new0 (float, doc.n_tokens + 1);
      ner_tag (model, gaz, &doc, doc_features, work, labels);
      for (guint t = 0; t < n_temps; t++)
        {
          ner_confidence_spans (conf, model, work->emit, &doc, labels, (float) temps[t], score);
          for (guint s = 0; s < doc.n_sents; s++)
            for (guint i = doc.sent[s]; i < doc.sent[s + 1]; i++)
              if (labels[i] & 1)
                {
                  func (t, score[i], right (labels, gold, i, doc.sent[s + 1]), data);
                  found += t == 0;
                }
        }
      g_free (labels);
      g_free (score);
    }
  g_free (gold_all);
  g_array_free (sent, TRUE);
  ner_confidence_free (conf);
  ner_work_free (work);
  return found;
}

static void
add_loss (guint t, float score, gboolean ok, gpointer data)
{
  double *loss = data;
  double p = CLAMP ((double) score, 1e-6, 1.0 - 1e-6);
  loss[t] -= ok ? log (p) : log (1.0 - p);
}

guint
ner_calibrate (NerModel *model, const NerGazetteer *gaz, const NerCorpus *gold,
               gboolean doc_features)
{
  double temps[N_TEMPS], loss[N_TEMPS] = { 0 };
  guint best = 0, found;

  for (guint k = 0; k < N_TEMPS; k++)
    temps[k] = temp_at (k);
  found = walk (model, gaz, gold, doc_features, temps, N_TEMPS, add_loss, loss);
  if (found == 0)
    return 0;
  for (guint k = 1; k < N_TEMPS; k++)
    if (loss[k] < loss[best])
      best = k;
  model->temperature = (float) temps[best];
  return found;
}

typedef struct {
  guint  n[10], ok[10];
  double sum[10];
} Bins;

static void
add_bin (guint t, float score, gboolean ok, gpointer data)
{
  Bins *b = data;
  guint k = MIN ((guint) (score * 10.0f), 9u);
  (void) t;
  b->n[k]++;
  b->ok[k] += ok;
  b->sum[k] += score;
}

void
ner_reliability_print (const NerModel *model, const NerGazetteer *gaz,
                       const NerCorpus *gold, gboolean doc_features, FILE *out)
{
  Bins b = { { 0 }, { 0 }, { 0 } };
  double t = model->temperature;

  walk (model, gaz, gold, doc_features, &t, 1, add_bin, &b);
  fprintf (out, "confidence (temperature %.3g): entities found, mean confidence, "
           "share right\n", t);
  for (guint k = 0; k < 10; k++)
    if (b.n[k] > 0)
      fprintf (out, "  %.1f-%.1f  %6u  %.3f  %.3f\n", k / 10.0, (k + 1) / 10.0, b.n[k],
               b.sum[k] / b.n[k], (double) b.ok[k] / b.n[k]);
}
