/* ner-score.c — pass-1 scores with per-word memos (see ner-score.h). */
#include <string.h>
#include "ner-score.h"

#define LOCAL_BITS 14          /* 16K (word form, position) sums */
#define ROLE_BITS  13          /* 8K lower-case words, NER_N_ROLES rows each */
#define MAX_STRIDE 16
/* rows of a token this many tokens ahead are requested while this one is
 * summed: enough to cover a miss, few enough not to flood the fill
 * buffers */
#define PREFETCH_AHEAD 3

struct _NerScoreMemo {
  const NerModel     *model;   /* what the memos were filled from */
  const NerGazetteer *gaz;
  guint64 *local_key;          /* LOCAL slots; 0 = empty */
  gint32  *local_acc;          /* LOCAL * stride (packed: half the lines
                                  for stride 8) */
  guint64 *role_key;           /* ROLE slots; 0 = empty */
  guint8  *role_have;          /* ROLE: bit r = row of role r present */
  gint16  *role_rows;          /* ROLE * NER_N_ROLES * stride */
  guint64 *keys;               /* per token: local key */
  guint    cap;
};

static void
reset (NerScoreMemo *memo, const NerModel *model, const NerGazetteer *gaz)
{
  memset (memo->local_key, 0, sizeof (guint64) << LOCAL_BITS);
  memset (memo->role_key, 0, sizeof (guint64) << ROLE_BITS);
  memset (memo->role_have, 0, 1u << ROLE_BITS);
  memo->model = model;
  memo->gaz = gaz;
}

NerScoreMemo *
ner_score_memo_new (void)
{
  NerScoreMemo *memo = g_new0 (NerScoreMemo, 1);
  memo->local_key = g_new (guint64, 1u << LOCAL_BITS);
  memo->local_acc = g_new (gint32, (gsize) MAX_STRIDE << LOCAL_BITS);
  memo->role_key = g_new (guint64, 1u << ROLE_BITS);
  memo->role_have = g_new (guint8, 1u << ROLE_BITS);
  memo->role_rows = g_new (gint16, (gsize) NER_N_ROLES * MAX_STRIDE << ROLE_BITS);
  /* emptied by writing (reset), not calloc: see ner_toks_prepare */
  reset (memo, NULL, NULL);
  return memo;
}

void
ner_score_memo_free (NerScoreMemo *memo)
{
  if (memo == NULL)
    return;
  g_free (memo->local_key);
  g_free (memo->local_acc);
  g_free (memo->role_key);
  g_free (memo->role_have);
  g_free (memo->role_rows);
  g_free (memo->keys);
  g_free (memo);
}


static inline const gint16 *
row_of (const NerModel *model, guint32 bucket, guint S)
{
  return model->qtable + (gsize) bucket * S;
}

static inline void
add_row (gint32 *acc, const gint16 *row, guint S)
{
  for (guint l = 0; l < S; l++)
    acc[l] += row[l];
}

/* The row of role @r for the word @value, from the memo or, the first
 * time, from the table (then kept). */
static inline const gint16 *
role_row (NerScoreMemo *memo, const NerModel *model, guint r, guint64 value, guint S)
{
  guint slot = (guint) (value >> (64 - ROLE_BITS));
  gint16 *row = memo->role_rows + ((gsize) slot * NER_N_ROLES + r) * S;

  if (memo->role_key[slot] != value)
    {
      memo->role_key[slot] = value;
      memo->role_have[slot] = 0;
    }
  if (!(memo->role_have[slot] & (1u << r)))
    {
      memcpy (row, row_of (model, ner_features_role_bucket (r, value, model->bits), S),
              S * sizeof (gint16));
      memo->role_have[slot] |= (guint8) (1u << r);
    }
  return row;
}

/* Asks for what token @i will read: its context rows, its local sum and
 * the memo lines of its neighbour words (the memos are larger than L2). */
static inline void
prefetch_token (const NerScoreMemo *memo, const NerModel *model, const NerToks *toks,
                guint s0, guint s1, guint i, const guint32 *feats, guint nfeats, guint S)
{
  for (guint k = 0; k < nfeats; k++)
    __builtin_prefetch (row_of (model, feats[k], S));
  __builtin_prefetch (memo->local_key + (memo->keys[i] >> (64 - LOCAL_BITS)));
  __builtin_prefetch (memo->local_acc + (memo->keys[i] >> (64 - LOCAL_BITS)) * S);
  for (guint r = 0; r < NER_N_ROLES; r++)
    {
      guint64 v = ner_features_role_value (toks, s0, s1, i, r);
      guint slot = (guint) (v >> (64 - ROLE_BITS));
      __builtin_prefetch (memo->role_rows + ((gsize) slot * NER_N_ROLES + r) * S);
    }
}

/* The scoring loop; always inlined so that the common stride (8: up to
 * three entity types) is a constant the compiler unrolls and vectorises. */
static inline __attribute__ ((always_inline)) void
score_tokens (NerScoreMemo *memo, const NerModel *model, const NerToks *toks,
              const NerDoc *doc, const guint32 *feats, const guint8 *nfeats,
              float *emit, guint S)
{
  for (guint s = 0; s < doc->n_sents; s++)
    {
      const guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      for (guint i = s0; i < s1; i++)
        {
          guint64 key = memo->keys[i];
          guint slot = (guint) (key >> (64 - LOCAL_BITS));
          gint32 *local = memo->local_acc + (gsize) slot * S;
          const guint32 *f = feats + (gsize) i * NER_MAX_FEATURES;
          gint32 acc[MAX_STRIDE];

          if (i + PREFETCH_AHEAD < s1)
            prefetch_token (memo, model, toks, s0, s1, i + PREFETCH_AHEAD,
                            f + PREFETCH_AHEAD * NER_MAX_FEATURES,
                            nfeats[i + PREFETCH_AHEAD], S);
          if (memo->local_key[slot] != key)
            {
              guint32 b[NER_MAX_LOCAL];
              guint nb = ner_features_local (toks, i, model->bits, b);
              memset (local, 0, S * sizeof (gint32));
              for (guint k = 0; k < nb; k++)
                add_row (local, row_of (model, b[k], S), S);
              memo->local_key[slot] = key;
            }
          for (guint l = 0; l < S; l++)
            acc[l] = local[l];
          for (guint r = 0; r < NER_N_ROLES; r++)
            add_row (acc, role_row (memo, model, r,
                                    ner_features_role_value (toks, s0, s1, i, r), S), S);
          for (guint k = 0; k < nfeats[i]; k++)
            add_row (acc, row_of (model, f[k], S), S);
          for (guint l = 0; l < S; l++)
            emit[(gsize) i * S + l] = (float) acc[l] * model->scale;
        }
    }
}

void
ner_score_quantised (NerScoreMemo *memo, const NerModel *model, const NerGazetteer *gaz,
                     const NerToks *toks, const NerDoc *doc, guint32 *feats,
                     guint8 *nfeats, float *emit)
{
  g_return_if_fail (model->qtable != NULL && model->stride <= MAX_STRIDE);

  if (memo->model != model || memo->gaz != gaz)
    reset (memo, model, gaz);
  if (doc->n_tokens > memo->cap)
    {
      memo->cap = MAX (doc->n_tokens, memo->cap * 2);
      memo->keys = g_renew (guint64, memo->keys, memo->cap);
    }
  for (guint s = 0; s < doc->n_sents; s++)
    for (guint i = doc->sent[s]; i < doc->sent[s + 1]; i++)
      {
        guint64 key = ner_features_local_key (toks, i);
        memo->keys[i] = key != 0 ? key : 1;
        nfeats[i] = (guint8) ner_features_context (toks, doc->sent[s], doc->sent[s + 1], i,
                                                   model->bits, FALSE,
                                                   feats + (gsize) i * NER_MAX_FEATURES);
      }
  if (model->stride == 8)
    score_tokens (memo, model, toks, doc, feats, nfeats, emit, 8);
  else
    score_tokens (memo, model, toks, doc, feats, nfeats, emit, model->stride);
}
