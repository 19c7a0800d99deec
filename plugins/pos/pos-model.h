/* pos-model.h — the tagger's weights and their file format.
 *
 * A label is a pair of tags (UPOS, XPOS), as they occur together in the
 * training data: "AUX" with "VBZ" and "VERB" with "VBZ" are two labels.
 * A feature (a 64-bit key, pos-features.h) has weights for some labels
 * only, stored sparsely: an open-addressing table finds the feature's
 * weights, a run of (label, 16-bit weight) pairs; a feature with weights
 * for many labels (a frequent word) also gets a dense row, added with
 * vector instructions instead of one scattered add per label.  Features
 * the model does not know weigh nothing.
 *
 * File format (integers little-endian):
 *   "NLPPOSM\0"  u32 version (POS_MODEL_VERSION)  u32 feature set
 *   u32 n_labels, then per label: u8 length + UPOS, u8 length + XPOS
 *   f32 scale (weight = stored value * scale)
 *   u32 n_features, then per feature in increasing key order: varint
 *   key delta, u8 count, and count times (u8 label, zig-zag varint weight)
 *   u64 checksum (pos_hash_bytes of everything before it)
 * Loading checks every field and names the path in its error.
 */
#ifndef POS_MODEL_H
#define POS_MODEL_H

#include <glib.h>
#include "pos-vec.h"

G_BEGIN_DECLS

#define POS_MODEL_VERSION 1
/* Bump when pos-features.c or pos-text.c changes what a key means. */
#define POS_FEATURE_SET   1
#define POS_MAX_LABELS    128

typedef struct {
  gint16 weight;
  guint8 label;
  guint8 _pad;
} PosWeight;

typedef struct {
  guint32 check;      /* (guint32) key | 1; 0 = empty slot */
  guint32 ref;        /* sparse: first weight (low 24 bits), count (bits
                         24-30); dense: POS_DENSE | row */
} PosSlot;

#define POS_DENSE     0x80000000u
/* Features with this many weights or more get a dense row. */
#define POS_DENSE_MIN 8

typedef struct _PosModel {
  guint      n_labels;
  char      *upos[POS_MAX_LABELS];
  char      *xpos[POS_MAX_LABELS];
  float      scale;
  guint      slot_bits;
  PosSlot   *slots;          /* 1 << slot_bits, a pos_huge_new0 block */
  PosWeight *weights;
  guint      n_weights;
  guint      stride;         /* a dense row: n_labels rounded up to 16 */
  gint16    *dense;          /* n_dense rows of stride weights */
  guint      n_dense, dense_cap;
  guint      n_features;
  gsize      file_size;      /* bytes on disk when loaded */
  /* made by pos_model_new only (NULL when loaded), for saving: the keys
   * in increasing order and where their weights start (n_features + 1) */
  guint64   *keys;
  guint     *key_first;
  /* the tags each frequent word had in training (pos_model_word_class) */
  guint64   *class_keys;     /* lower-case hash | 1; 0 = empty */
  guint32   *class_masks;    /* bit u: UPOS label u (model->upos order of
                                first appearance) */
  guint      class_bits, n_classes;
  /* the second pass (transfer full), or NULL: a model that also reads the
   * labels this one gave the next words (pos_features_right) */
  struct _PosModel *next;
  /* a second pass scores only the words whose first-pass margin (best
   * label's sum minus the next best's) is below this (0: every word) */
  guint32    rescore_below;
} PosModel;

/* A feature with its weights, as the trainer hands them over. */
typedef struct {
  guint64       key;
  guint         n;
  const guint8 *labels;
  const float  *weights;
} PosFeatureWeights;

/* (transfer full) a model over the labels @upos[i]/@xpos[i] (@n_labels of
 * them) with the float weights of @features (@n_features, any order),
 * quantised to 16 bits; weights that round to 0 are dropped, and with
 * them features left without one. */
PosModel *pos_model_new (guint n_labels, const char *const *upos, const char *const *xpos,
                         const PosFeatureWeights *features, guint n_features);
void      pos_model_free (PosModel *model);
/* (transfer full) the mean of the weights of @n models made by
 * pos_model_new over the same labels (their word classes are the
 * first's; passes beyond the first are ignored). */
PosModel *pos_model_mean (PosModel *const *models, guint n);

/* (transfer full) the model in @path, or NULL with NLP_ERROR_DATA naming
 * the path and what is wrong. */
PosModel *pos_model_load (const char *path, GError **error);
gboolean  pos_model_save (const PosModel *model, const char *path, GError **error);

/* Records that the word whose lower-case form hashes to @lower had the
 * tags of @mask in training (its class: a feature of its neighbours). */
void      pos_model_set_word_class (PosModel *model, guint64 lower, guint32 mask);
/* The class of a word, or 0 when it was rare in training. */
static inline guint32
pos_model_word_class (const PosModel *model, guint64 lower)
{
  guint mask, i;

  if (model->n_classes == 0)
    return 0;
  lower |= 1;
  mask = (1u << model->class_bits) - 1;
  for (i = (guint) (lower >> (64 - model->class_bits)); model->class_keys[i] != 0;
       i = (i + 1) & mask)
    if (model->class_keys[i] == lower)
      return model->class_masks[i];
  return 0;
}

/* Frequent words that always had one label in training ("the", ",")
 * take it without being scored: their entries in the class table are
 * keyed by the exact form's hash mixed with this. */
#define POS_FIXED_SALT G_GUINT64_CONSTANT (0x6a09e667f3bcc909)

/* The label + 1 of the word whose exact form hashes to @form when it is
 * fixed, else 0. */
static inline guint
pos_model_fixed_label (const PosModel *model, guint64 form)
{
  return pos_model_word_class (model, form ^ POS_FIXED_SALT);
}

/* The label of (@upos, @xpos), or -1. */
int       pos_model_find_label (const PosModel *model, const char *upos, const char *xpos);

/* The weights of feature @key: 0 when the model lacks it, else a
 * reference for pos_model_add / pos_model_prefetch_weights. */
static inline guint32
pos_model_find (const PosModel *model, guint64 key)
{
  guint mask = (1u << model->slot_bits) - 1;
  guint i = (guint) (key >> (64 - model->slot_bits));
  guint32 check = (guint32) key | 1;

  for (;;)
    {
      const PosSlot *s = &model->slots[i];
      if (s->check == check)
        return s->ref;
      if (s->check == 0)
        return 0;
      i = (i + 1) & mask;
    }
}

/* Adds the weights of @ref (from pos_model_find) to @acc (stride values). */
static inline void
pos_model_add (const PosModel *model, guint32 ref, gint32 *acc)
{
  guint stride = model->stride;

  if (ref & POS_DENSE)
    {
      pos_vec_add_i16 (acc, model->dense + (gsize) (ref & ~POS_DENSE) * stride, stride);
    }
  else
    {
      const PosWeight *w = model->weights + (ref & 0xFFFFFF);
      for (guint k = 0, n = ref >> 24; k < n; k++)
        acc[w[k].label] += w[k].weight;
    }
}

/* The same, into 16-bit sums, saturating. */
static inline void
pos_model_adds (const PosModel *model, guint32 ref, gint16 *acc)
{
  if (ref & POS_DENSE)
    {
      pos_vec_adds_i16 (acc, model->dense + (gsize) (ref & ~POS_DENSE) * model->stride,
                        model->stride);
    }
  else
    {
      const PosWeight *w = model->weights + (ref & 0xFFFFFF);
      for (guint k = 0, n = ref >> 24; k < n; k++)
        acc[w[k].label] = (gint16) CLAMP ((gint32) acc[w[k].label] + w[k].weight,
                                          G_MININT16, G_MAXINT16);
    }
}

/* Asks the memory system for the slot of @key ahead of its look-up ... */
static inline void
pos_model_prefetch (const PosModel *model, guint64 key)
{
  __builtin_prefetch (&model->slots[key >> (64 - model->slot_bits)]);
}

/* ... and for the weights of @ref ahead of their sum. */
static inline void
pos_model_prefetch_weights (const PosModel *model, guint32 ref)
{
  if (ref & POS_DENSE)
    {
      const char *row = (const char *) (model->dense + (gsize) (ref & ~POS_DENSE) * model->stride);
      for (guint b = 0; b < model->stride * sizeof (gint16); b += 64)
        __builtin_prefetch (row + b);
    }
  else if (ref != 0)
    __builtin_prefetch (model->weights + (ref & 0xFFFFFF));
}

G_END_DECLS

#endif
