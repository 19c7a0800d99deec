/* pos-tagger.c — greedy decoding with memos (pos-tagger.h). */
#include <string.h>
#include "pos-tagger.h"
#include "pos-features.h"
#include "pos-hash.h"

#define FORM_BITS  14          /* 16K word forms */
#define LOCAL_BITS 12          /* 4K (form, position) sums per pass */

typedef struct {
  guint64     form;            /* the key: hash of the form's bytes */
  PosWordInfo info;
} FormSlot;

/* One pass's model and its memo of local sums. */
typedef struct {
  const PosModel *model;
  guint64  *local_key;         /* 0 = empty */
  gint32   *local_acc;         /* LOCAL slots * stride */
} Pass;

struct _PosTagger {
  const PosModel   *model;
  const PosLexicon *lexicon;
  guint     stride;            /* n_labels rounded up to 16 */
  guint     n_passes;
  Pass      pass[2];
  FormSlot *forms;
  PosWordInfo *info;
  guint8   *first;             /* the first pass's labels of a sentence */
  guint     cap;
};

PosTagger *
pos_tagger_new (const PosModel *model, const PosLexicon *lexicon)
{
  PosTagger *t = g_new0 (PosTagger, 1);

  t->model = model;
  t->lexicon = lexicon;
  t->stride = (model->n_labels + 15) & ~15u;
  /* zeroed by writing, not calloc: see docs/architecture.md */
  t->forms = g_new (FormSlot, 1u << FORM_BITS);
  memset (t->forms, 0, sizeof (FormSlot) << FORM_BITS);
  for (const PosModel *m = model; m != NULL && t->n_passes < 2; m = m->next)
    {
      Pass *p = &t->pass[t->n_passes++];
      p->model = m;
      p->local_key = g_new (guint64, 1u << LOCAL_BITS);
      memset (p->local_key, 0, sizeof (guint64) << LOCAL_BITS);
      p->local_acc = g_new (gint32, (gsize) t->stride << LOCAL_BITS);
    }
  return t;
}

void
pos_tagger_free (PosTagger *t)
{
  if (t == NULL)
    return;
  for (guint p = 0; p < t->n_passes; p++)
    {
      g_free (t->pass[p].local_key);
      g_free (t->pass[p].local_acc);
    }
  g_free (t->forms);
  g_free (t->info);
  g_free (t->first);
  g_free (t);
}

PosWordInfo *
pos_tagger_prepare (PosTagger *t, const char *const *text, const guint32 *len, guint n)
{
  if (n > t->cap)
    {
      t->cap = MAX (n, t->cap * 2);
      t->info = g_renew (PosWordInfo, t->info, t->cap);
      t->first = g_renew (guint8, t->first, t->cap);
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 h = pos_hash_bytes (text[i], len[i]);
      FormSlot *slot = &t->forms[h >> (64 - FORM_BITS)];

      if (slot->form != h)
        {
          pos_word_info (text[i], len[i], &slot->info);
          slot->info.lex = pos_lexicon_classes (t->lexicon, slot->info.lower);
          slot->info.amb = pos_model_word_class (t->model, slot->info.lower);
          slot->form = h;
        }
      t->info[i] = slot->info;
    }
  return t->info;
}

static inline void
add_feature (const PosModel *model, gint32 *acc, guint64 key)
{
  guint n;
  const PosWeight *w = pos_model_lookup (model, key, &n);

  for (guint k = 0; w != NULL && k < n; k++)
    acc[w[k].label] += w[k].weight;
}

/* The local sums of word @w, from the memo or computed into it. */
static const gint32 *
local_sums (const PosTagger *t, const Pass *p, const PosWordInfo *w, gboolean first)
{
  guint64 key = pos_features_local_key (w, first);
  guint slot = (guint) (key >> (64 - LOCAL_BITS));
  gint32 *acc = p->local_acc + (gsize) slot * t->stride;

  if (p->local_key[slot] != key)
    {
      guint64 keys[POS_MAX_LOCAL];
      guint nk = pos_features_local (w, first, keys);

      memset (acc, 0, t->stride * sizeof (gint32));
      for (guint k = 0; k < nk; k++)
        add_feature (p->model, acc, keys[k]);
      p->local_key[slot] = key;
    }
  return acc;
}

/* One greedy pass; @right: the first pass's labels, for the second. */
static void
tag_pass (const PosTagger *t, const Pass *p, const PosWordInfo *info, guint n,
          const guint8 *right, guint8 *labels)
{
  const PosModel *model = p->model;
  guint L = model->n_labels;

  for (guint i = 0; i < n; i++)
    {
      gint32 acc[POS_MAX_LABELS];
      guint64 keys[POS_MAX_CONTEXT + POS_MAX_LABEL_FEATURES];
      guint nk, best = 0;
      const gint32 *local = local_sums (t, p, &info[i], i == 0);

      memcpy (acc, local, L * sizeof (gint32));
      nk = pos_features_context (info, n, i, keys);
      if (right != NULL)
        nk += pos_features_labels (info, n, i, right, keys + nk);
      for (guint k = 0; k < nk; k++)
        add_feature (model, acc, keys[k]);
      for (guint l = 1; l < L; l++)
        if (acc[l] > acc[best])
          best = l;
      labels[i] = (guint8) best;
    }
}

void
pos_tagger_tag (PosTagger *t, const PosWordInfo *info, guint n, guint8 *labels)
{
  if (t->n_passes == 1)
    {
      tag_pass (t, &t->pass[0], info, n, NULL, labels);
      return;
    }
  if (n > t->cap)
    {
      t->cap = n;
      t->first = g_renew (guint8, t->first, t->cap);
    }
  tag_pass (t, &t->pass[0], info, n, NULL, t->first);
  tag_pass (t, &t->pass[1], info, n, t->first, labels);
}
