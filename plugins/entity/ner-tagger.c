/* ner-tagger.c — emission scores, Viterbi and the two-pass document run. */
#include <string.h>
#include "ner-tagger.h"
#include "ner-text.h"

#define NEG_INF (-1e30f)

NerWork *
ner_work_new (void)
{
  return g_new0 (NerWork, 1);
}

void
ner_work_free (NerWork *work)
{
  if (work == NULL)
    return;
  ner_toks_clear (&work->toks);
  g_free (work->emit);
  g_free (work->emit2);
  g_free (work->back);
  g_free (work->delta);
  g_free (work->feats);
  g_free (work->nfeats);
  g_free (work->labels);
  g_free (work->map_key);
  g_free (work->map_count);
  g_free (work->map_used);
  g_free (work);
}

static void
reserve (NerWork *work, guint n)
{
  const guint stride = 16;   /* the largest a model can have */

  if (n <= work->cap)
    return;
  n = MAX (n, work->cap * 2);
  work->emit = g_renew (float, work->emit, (gsize) n * stride);
  work->back = g_renew (guint8, work->back, (gsize) n * stride);
  work->feats = g_renew (guint32, work->feats, (gsize) n * NER_MAX_FEATURES);
  work->nfeats = g_renew (guint8, work->nfeats, n);
  work->labels = g_renew (guint8, work->labels, n);
  if (work->emit2 == NULL)
    {
      work->emit2 = g_new (float, stride);
      work->delta = g_new (float, 2 * stride);
    }
  /* the word map stays at most half full */
  while (work->map_mask + 1 < 2 * n)
    work->map_mask = work->map_mask ? work->map_mask * 2 + 1 : 1023;
  work->map_key = g_renew (guint64, work->map_key, work->map_mask + 1);
  work->map_count = g_renew (guint32, work->map_count,
                             (gsize) (work->map_mask + 1) * (NER_MAX_TYPES + 1));
  work->map_used = g_renew (guint, work->map_used, n);
  memset (work->map_key, 0, (work->map_mask + 1) * sizeof (guint64));
  work->map_n_used = 0;
  work->cap = n;
}

void
ner_work_prepare (NerWork *work, const NerModel *model, const NerGazetteer *gaz,
                  const NerDoc *doc)
{
  reserve (work, doc->n_tokens + 1);
  ner_toks_prepare (&work->toks, gaz, doc);
  for (guint s = 0; s < doc->n_sents; s++)
    for (guint i = doc->sent[s]; i < doc->sent[s + 1]; i++)
      work->nfeats[i] = (guint8) ner_features_token (&work->toks, doc->sent[s],
                                                     doc->sent[s + 1], i, model->bits,
                                                     work->feats + (gsize) i * NER_MAX_FEATURES);
}

void
ner_model_score (const NerModel *model, const guint32 *buckets, guint n,
                 float *scores)
{
  const guint stride = model->stride;

  if (model->qtable != NULL)
    {
      gint32 acc[16] = { 0 };
      for (guint f = 0; f < n; f++)
        {
          const gint16 *row = model->qtable + (gsize) buckets[f] * stride;
          for (guint l = 0; l < stride; l++)
            acc[l] += row[l];
        }
      for (guint l = 0; l < stride; l++)
        scores[l] += (float) acc[l] * model->scale;
    }
  else
    for (guint f = 0; f < n; f++)
      {
        const float *row = model->ftable + (gsize) buckets[f] * stride;
        for (guint l = 0; l < stride; l++)
          scores[l] += row[l];
      }
}

void
ner_model_transitions (const NerModel *model, float *trans)
{
  for (guint p = 0; p <= model->n_labels; p++)
    {
      guint32 b = ner_features_transition (p, model->bits);
      memset (trans + p * model->stride, 0, model->stride * sizeof (float));
      ner_model_score (model, &b, 1, trans + p * model->stride);
    }
}

/* I-T may only follow B-T or I-T: labels 2t+2 after 2t+1 or 2t+2. */
static inline gboolean
allowed (guint prev, guint cur, guint n_labels)
{
  if (cur == 0 || (cur & 1))
    return TRUE;
  return prev < n_labels && (prev == cur || prev + 1 == cur);
}

void
ner_viterbi (const NerModel *model, NerWork *work, const float *emit,
             const float *trans, guint n, guint8 *out)
{
  const guint L = model->n_labels, S = model->stride;
  float *cur = work->delta, *prev = work->delta + S;

  if (n == 0)
    return;
  for (guint c = 0; c < L; c++)
    prev[c] = allowed (L, c, L) ? emit[c] + trans[L * S + c] : NEG_INF;
  for (guint i = 1; i < n; i++)
    {
      const float *e = emit + (gsize) i * S;
      guint8 *back = work->back + (gsize) i * S;
      for (guint c = 0; c < L; c++)
        {
          float best = NEG_INF;
          guint arg = 0;
          for (guint p = 0; p < L; p++)
            {
              float v;
              if (!allowed (p, c, L))
                continue;
              v = prev[p] + trans[p * S + c];
              if (v > best)
                {
                  best = v;
                  arg = p;
                }
            }
          cur[c] = best + e[c];
          back[c] = (guint8) arg;
        }
      float *t = prev;
      prev = cur;
      cur = t;
    }
  {
    float best = NEG_INF;
    guint arg = 0;
    for (guint c = 0; c < L; c++)
      if (prev[c] > best)
        {
          best = prev[c];
          arg = c;
        }
    out[n - 1] = (guint8) arg;
    for (guint i = n - 1; i > 0; i--)
      out[i - 1] = work->back[(gsize) i * S + out[i]];
  }
}

/* Only capitalised words take part: lower-case repeats ("the") carry no
 * evidence about names. */
static inline gboolean
doc_word (const NerToks *toks, guint i)
{
  return (toks->flags[i] & (NER_TF_INITCAP | NER_TF_ALLCAP)) != 0
         && (toks->flags[i] & NER_TF_LETTER);
}

static guint
map_slot (NerWork *work, guint64 key, gboolean insert)
{
  guint i;
  if (key == 0)
    key = 1;
  for (i = (guint) key & work->map_mask; work->map_key[i] != 0; i = (i + 1) & work->map_mask)
    if (work->map_key[i] == key)
      return i;
  if (!insert)
    return G_MAXUINT;
  work->map_key[i] = key;
  memset (work->map_count + (gsize) i * (NER_MAX_TYPES + 1), 0,
          (NER_MAX_TYPES + 1) * sizeof (guint32));
  work->map_used[work->map_n_used++] = i;
  return i;
}

gboolean
ner_work_doc_bits (NerWork *work, const NerModel *model, const NerDoc *doc,
                   const guint8 *labels)
{
  NerToks *toks = &work->toks;
  const guint W = NER_MAX_TYPES + 1;
  gboolean any = FALSE;

  for (guint i = 0; i < doc->n_tokens; i++)
    if (doc_word (toks, i))
      {
        guint32 *c = work->map_count + (gsize) map_slot (work, toks->word[i], TRUE) * W;
        c[0]++;
        if (labels[i] != 0)
          c[1 + (labels[i] - 1) / 2]++;
      }
  for (guint i = 0; i < doc->n_tokens; i++)
    {
      guint32 *c;
      guint bits = 0, tagged = 0;
      int own = labels[i] != 0 ? (int) (labels[i] - 1) / 2 : -1;

      toks->doc[i] = 0;
      if (!doc_word (toks, i))
        continue;
      c = work->map_count + (gsize) map_slot (work, toks->word[i], FALSE) * W;
      if (c[0] < 2)
        continue;
      for (guint t = 0; t < model->n_types; t++)
        {
          guint k = c[1 + t] - (own == (int) t);
          tagged += c[1 + t];
          if (k > 0)
            bits |= NER_DOC_TYPE (t);
        }
      if (c[0] - tagged - (own < 0) > 0)
        bits |= NER_DOC_UNTAGGED;
      toks->doc[i] = (guint8) bits;
      any |= bits != 0;
    }
  for (guint u = 0; u < work->map_n_used; u++)
    work->map_key[work->map_used[u]] = 0;
  work->map_n_used = 0;
  return any;
}

void
ner_tag (const NerModel *model, const NerGazetteer *gaz, const NerDoc *doc,
         gboolean two_pass, NerWork *work, guint8 *labels)
{
  const guint S = model->stride;
  float trans[(NER_MAX_LABELS + 1) * 16];

  ner_work_prepare (work, model, gaz, doc);
  ner_model_transitions (model, trans);
  memset (work->emit, 0, (gsize) doc->n_tokens * S * sizeof (float));
  for (guint i = 0; i < doc->n_tokens; i++)
    ner_model_score (model, work->feats + (gsize) i * NER_MAX_FEATURES,
                     work->nfeats[i], work->emit + (gsize) i * S);
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s];
      ner_viterbi (model, work, work->emit + (gsize) s0 * S, trans,
                   doc->sent[s + 1] - s0, labels + s0);
    }
  if (!two_pass || !ner_work_doc_bits (work, model, doc, labels))
    return;

  /* Pass 2: only sentences with a document feature can change. */
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      gboolean any = FALSE;
      for (guint i = s0; i < s1; i++)
        if (work->toks.doc[i] != 0)
          {
            guint32 b[NER_MAX_FEATURES];
            guint nb = ner_features_doc (&work->toks, i, model->bits, b);
            ner_model_score (model, b, nb, work->emit + (gsize) i * S);
            any = TRUE;
          }
      if (any)
        ner_viterbi (model, work, work->emit + (gsize) s0 * S, trans, s1 - s0,
                     labels + s0);
    }
}
