/* pos-tagger.c — greedy decoding with memos (pos-tagger.h). */
#include <string.h>
#include "pos-tagger.h"
#include "pos-features.h"
#include "pos-hash.h"
#include "pos-huge.h"

#define FORM_BITS  14          /* 16K word forms */
/* (form, position) and (form, role) sums: the second pass sees a tenth
 * of the words, so it has smaller memos */
static const guint local_bits[2] = { 13, 10 };
static const guint role_bits[2] = { 14, 11 };

typedef struct {
  guint64     form;            /* the key: hash of the form's bytes */
  PosWordInfo info;
} FormSlot;

/* One pass's model and its memos of sums. */
typedef struct {
  const PosModel *model;
  guint     local_bits, role_bits;
  guint64  *local_key;         /* 0 = empty */
  gint16   *local_acc;         /* local slots * stride */
  guint64  *role_key;
  gint16   *role_acc;          /* role slots * stride */
} Pass;

/* A memo row a sentence will read and the memo lacks (warm_memos). */
typedef struct {
  gint16  *row;
  guint64 *slot_key;           /* where its key goes once it is filled */
  guint64  key;
  guint    first, n;           /* its features in PosTagger.fill_keys */
} Fill;

struct _PosTagger {
  const PosModel   *model;
  const PosLexicon *lexicon;
  guint     stride;            /* the model's */
  guint     n_passes;
  Pass      pass[2];
  FormSlot *forms;
  PosWordInfo *info;
  guint8   *first;             /* the first pass's labels of a sentence */
  gint32   *margin;            /* and their margins */
  guint    *off;               /* per word: its first key (n + 1) */
  guint     cap;
  guint64  *keys;              /* the context and label keys of a sentence */
  guint32  *rows;              /* their pos_model_find() */
  gsize     key_cap;
  Fill     *fills;             /* warm_memos's work */
  guint64  *fill_keys;
  guint32  *fill_refs;
  gsize     fill_cap;          /* fills; fill_keys has room for
                                  POS_MAX_LOCAL times as many */
};

PosTagger *
pos_tagger_new (const PosModel *model, const PosLexicon *lexicon)
{
  PosTagger *t = g_new0 (PosTagger, 1);

  t->model = model;
  t->lexicon = lexicon;
  t->stride = model->stride;
  /* huge pages (pos-huge.h), zeroed by writing, not left to the mapping:
   * see docs/architecture.md */
  t->forms = pos_huge_new0 (sizeof (FormSlot) << FORM_BITS);
  memset (t->forms, 0, sizeof (FormSlot) << FORM_BITS);
  for (const PosModel *m = model; m != NULL && t->n_passes < 2; m = m->next)
    {
      Pass *p = &t->pass[t->n_passes];
      p->model = m;
      p->local_bits = local_bits[t->n_passes];
      p->role_bits = role_bits[t->n_passes];
      p->local_key = pos_huge_new0 (sizeof (guint64) << p->local_bits);
      memset (p->local_key, 0, sizeof (guint64) << p->local_bits);
      /* the rows stay on small pages: only the rows a worker touches are
       * resident (huge pages would make all of them so) */
      p->local_acc = g_new (gint16, (gsize) t->stride << p->local_bits);
      p->role_key = pos_huge_new0 (sizeof (guint64) << p->role_bits);
      memset (p->role_key, 0, sizeof (guint64) << p->role_bits);
      p->role_acc = g_new (gint16, (gsize) t->stride << p->role_bits);
      t->n_passes++;
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
      pos_huge_free (t->pass[p].local_key);
      g_free (t->pass[p].local_acc);
      pos_huge_free (t->pass[p].role_key);
      g_free (t->pass[p].role_acc);
    }
  pos_huge_free (t->forms);
  g_free (t->info);
  g_free (t->first);
  g_free (t->margin);
  g_free (t->off);
  g_free (t->keys);
  g_free (t->rows);
  g_free (t->fills);
  g_free (t->fill_keys);
  g_free (t->fill_refs);
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
      t->margin = g_renew (gint32, t->margin, t->cap);
      t->off = g_renew (guint, t->off, t->cap + 1);
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
          slot->info.fixed = pos_model_fixed_label (t->model, slot->info.form);
          slot->form = h;
        }
      t->info[i] = slot->info;
    }
  return t->info;
}

static inline void
add_feature (const PosModel *model, gint32 *acc, guint64 key)
{
  guint32 ref = pos_model_find (model, key);

  if (ref != 0)
    pos_model_add (model, ref, acc);
}

/* Sums @keys into @out, a memo row: 16 bits a weight, clamped (a sum
 * that large decides the word whatever the clamp). */
static void
memo_fill (const Pass *p, guint stride, const guint64 *keys, guint nk, gint16 *out)
{
  gint32 acc[POS_MAX_LABELS];
  guint32 refs[POS_MAX_LOCAL > POS_MAX_ROLE ? POS_MAX_LOCAL : POS_MAX_ROLE];

  /* all slots asked for, then all weights, then the sums: the misses of
   * a word's dozen features overlap instead of following one another */
  for (guint k = 0; k < nk; k++)
    pos_model_prefetch (p->model, keys[k]);
  for (guint k = 0; k < nk; k++)
    {
      refs[k] = pos_model_find (p->model, keys[k]);
      pos_model_prefetch_weights (p->model, refs[k]);
    }
  memset (acc, 0, stride * sizeof (gint32));
  for (guint k = 0; k < nk; k++)
    if (refs[k] != 0)
      pos_model_add (p->model, refs[k], acc);
  pos_vec_store_i16 (out, acc, stride);
}

/* The local sums of word @w, from the memo or computed into it. */
static const gint16 *
local_sums (const PosTagger *t, const Pass *p, const PosWordInfo *w, gboolean first)
{
  guint64 key = pos_features_local_key (w, first);
  guint slot = (guint) (key >> (64 - p->local_bits));
  gint16 *row = p->local_acc + (gsize) slot * t->stride;

  if (p->local_key[slot] != key)
    {
      guint64 keys[POS_MAX_LOCAL];
      memo_fill (p, t->stride, keys, pos_features_local (w, first, keys), row);
      p->local_key[slot] = key;
    }
  return row;
}

/* The summed role features (pos_features_role) of the neighbour @w
 * (NULL: outside the sentence) under @role, from the memo or computed
 * into it. */
static const gint16 *
role_sums (const PosTagger *t, const Pass *p, const PosWordInfo *w, guint role)
{
  guint64 key = pos_hash_pair (w ? w->form : G_GUINT64_CONSTANT (0x8000000000000000), role) | 1;
  guint slot = (guint) (key >> (64 - p->role_bits));
  gint16 *row = p->role_acc + (gsize) slot * t->stride;

  if (p->role_key[slot] != key)
    {
      guint64 keys[POS_MAX_ROLE];
      memo_fill (p, t->stride, keys, pos_features_role (w, role, keys), row);
      p->role_key[slot] = key;
    }
  return row;
}

/* Queues the memo row @row (slot key @slot_key) for @key unless it
 * holds it already; its features are written by the caller at
 * t->fill_keys + *nk. */
static inline Fill *
want (PosTagger *t, guint *nf, gsize *nk, gint16 *row, guint64 *slot_key, guint64 key)
{
  Fill *f;

  if (*slot_key == key)
    return NULL;
  f = &t->fills[(*nf)++];
  *f = (Fill) { row, slot_key, key, (guint) *nk, 0 };
  return f;
}

/* Fills, before a pass scores a sentence, every memo row it will read
 * and the memos lack: all their features' slots asked for, then all
 * their weights, then the sums, so that the misses of the sentence's
 * new words overlap instead of following one another.  Two rows of the
 * sentence may share a memo slot: the later one stays, and scoring
 * (local_sums, role_sums) recomputes the other. */
static void
warm_memos (PosTagger *t, const Pass *p, const PosWordInfo *info, guint n,
            const guint8 *right)
{
  guint32 below = right != NULL ? p->model->rescore_below : 0;
  guint nf = 0;
  gsize nk = 0;

  if ((gsize) n * (1 + POS_N_ROLES) > t->fill_cap)
    {
      t->fill_cap = (gsize) n * (1 + POS_N_ROLES) * 2;
      t->fills = g_renew (Fill, t->fills, t->fill_cap);
      t->fill_keys = g_renew (guint64, t->fill_keys, t->fill_cap * POS_MAX_LOCAL);
      t->fill_refs = g_renew (guint32, t->fill_refs, t->fill_cap * POS_MAX_LOCAL);
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 key;
      guint slot;
      Fill *f;

      if (info[i].fixed || (below > 0 && t->margin[i] >= (gint32) below))
        continue;
      key = pos_features_local_key (&info[i], i == 0);
      slot = (guint) (key >> (64 - p->local_bits));
      f = want (t, &nf, &nk, p->local_acc + (gsize) slot * t->stride, &p->local_key[slot], key);
      if (f != NULL)
        nk += f->n = pos_features_local (&info[i], i == 0, t->fill_keys + nk);
      for (guint r = 0; r < POS_N_ROLES; r++)
        {
          gint64 j = (gint64) i + pos_role_offset[r];
          const PosWordInfo *w = j >= 0 && j < n ? &info[j] : NULL;
          key = pos_hash_pair (w ? w->form : G_GUINT64_CONSTANT (0x8000000000000000), r) | 1;
          slot = (guint) (key >> (64 - p->role_bits));
          f = want (t, &nf, &nk, p->role_acc + (gsize) slot * t->stride, &p->role_key[slot], key);
          if (f != NULL)
            nk += f->n = pos_features_role (w, r, t->fill_keys + nk);
        }
    }
  for (gsize k = 0; k < nk; k++)
    pos_model_prefetch (p->model, t->fill_keys[k]);
  for (gsize k = 0; k < nk; k++)
    {
      t->fill_refs[k] = pos_model_find (p->model, t->fill_keys[k]);
      pos_model_prefetch_weights (p->model, t->fill_refs[k]);
    }
  for (guint f = 0; f < nf; f++)
    {
      gint32 acc[POS_MAX_LABELS];
      const Fill *fl = &t->fills[f];

      memset (acc, 0, t->stride * sizeof (gint32));
      for (guint k = fl->first; k < fl->first + fl->n; k++)
        if (t->fill_refs[k] != 0)
          pos_model_add (p->model, t->fill_refs[k], acc);
      pos_vec_store_i16 (fl->row, acc, t->stride);
      *fl->slot_key = fl->key;
    }
}

/* Asks for the memo rows word @i will read: its local sums and its
 * neighbours' role sums (the memos are larger than L2). */
static inline void
prefetch_memos (const PosTagger *t, const Pass *p, const PosWordInfo *info, guint n, guint i)
{
  guint64 key = pos_features_local_key (&info[i], i == 0);
  const char *row = (const char *) (p->local_acc
                                    + (gsize) (key >> (64 - p->local_bits)) * t->stride);

  __builtin_prefetch (&p->local_key[key >> (64 - p->local_bits)]);
  for (guint b = 0; b < t->stride * sizeof (gint16); b += 64)
    __builtin_prefetch (row + b);
  for (guint r = 0; r < POS_N_ROLES; r++)
    {
      gint64 j = (gint64) i + pos_role_offset[r];
      guint64 k = pos_hash_pair (j >= 0 && j < n ? info[j].form
                                 : G_GUINT64_CONSTANT (0x8000000000000000), r) | 1;
      __builtin_prefetch (&p->role_key[k >> (64 - p->role_bits)]);
      row = (const char *) (p->role_acc + (gsize) (k >> (64 - p->role_bits)) * t->stride);
      for (guint b = 0; b < t->stride * sizeof (gint16); b += 64)
        __builtin_prefetch (row + b);
    }
}

/* Where the keys of a sentence are looked up: this many keys ahead
 * of the look-up, their slot is asked for; this many words ahead of the
 * sums, their weights. */
#define SLOT_AHEAD   12
#define WEIGHT_AHEAD 2

/* One pass over a sentence: every key first, then every slot (asked for
 * ahead), then every word's sums (its weights asked for ahead).  No key
 * depends on a label of this pass, so nothing waits on a decision.
 * @right: the first pass's labels, for the second. */
static void
tag_pass (PosTagger *t, const Pass *p, const PosWordInfo *info, guint n,
          const guint8 *right, guint8 *labels)
{
  /* the second pass leaves the first's sure labels alone */
  guint32 below = right != NULL ? p->model->rescore_below : 0;

  const PosModel *model = p->model;
  guint nk = 0;

  if ((gsize) n * (POS_MAX_PAIRS + POS_MAX_LABEL_FEATURES) > t->key_cap)
    {
      t->key_cap = (gsize) n * (POS_MAX_PAIRS + POS_MAX_LABEL_FEATURES) * 2;
      t->keys = g_renew (guint64, t->keys, t->key_cap);
      t->rows = g_renew (guint32, t->rows, t->key_cap);
    }
  for (guint i = 0; i < n; i++)
    {
      t->off[i] = nk;
      if (info[i].fixed || (below > 0 && t->margin[i] >= (gint32) below))
        continue;
      nk += pos_features_pairs (info, n, i, t->keys + nk);
      if (right != NULL)
        nk += pos_features_labels (info, n, i, right, t->keys + nk);
    }
  t->off[n] = nk;
  warm_memos (t, p, info, n, right);
  for (guint k = 0; k < nk; k++)
    {
      if (k + SLOT_AHEAD < nk)
        pos_model_prefetch (model, t->keys[k + SLOT_AHEAD]);
      t->rows[k] = pos_model_find (model, t->keys[k]);
    }
  for (guint i = 0; i < n; i++)
    {
      gint32 acc[POS_MAX_LABELS];
      gint16 sum[POS_MAX_LABELS];
      const gint16 *local;

      if (info[i].fixed)
        {
          labels[i] = (guint8) (info[i].fixed - 1);
          t->margin[i] = G_MAXINT32;
          continue;
        }
      if (below > 0 && t->margin[i] >= (gint32) below)
        {
          labels[i] = right[i];
          continue;
        }
      local = local_sums (t, p, &info[i], i == 0);
      if (i + WEIGHT_AHEAD < n)
        {
          for (guint k = t->off[i + WEIGHT_AHEAD]; k < t->off[i + WEIGHT_AHEAD + 1]; k++)
            pos_model_prefetch_weights (model, t->rows[k]);
          if (!info[i + WEIGHT_AHEAD].fixed)
            prefetch_memos (t, p, info, n, i + WEIGHT_AHEAD);
        }
      /* summed in 16 bits, saturating, then widened once */
      memcpy (sum, local, t->stride * sizeof (gint16));
      for (guint r = 0; r < POS_N_ROLES; r++)
        {
          gint64 j = (gint64) i + pos_role_offset[r];
          pos_vec_adds_i16 (sum, role_sums (t, p, j >= 0 && j < n ? &info[j] : NULL, r),
                            t->stride);
        }
      for (guint k = t->off[i]; k < t->off[i + 1]; k++)
        if (t->rows[k] != 0)
          pos_model_adds (model, t->rows[k], sum);
      pos_vec_widen_i16 (acc, sum, t->stride);
      /* the lanes past the last label never win */
      for (guint l = model->n_labels; l < t->stride; l++)
        acc[l] = G_MININT32;
      if (right == NULL)
        labels[i] = (guint8) pos_vec_argmax_margin (acc, t->stride, &t->margin[i]);
      else
        labels[i] = (guint8) pos_vec_argmax (acc, t->stride);
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
  tag_pass (t, &t->pass[0], info, n, NULL, t->first);
  tag_pass (t, &t->pass[1], info, n, t->first, labels);
}

const gint32 *
pos_tagger_margins (const PosTagger *t)
{
  return t->margin;
}
