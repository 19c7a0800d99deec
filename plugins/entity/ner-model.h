/* ner-model.h — the tagger's weights and their file format.
 *
 * Labels are BIO over the model's types: label 0 is O, label 2t+1 is B-T
 * and 2t+2 is I-T for type t.  Weights live in a hashed table of
 * (1 << bits) rows of `stride` values (stride = n_labels rounded up to 8):
 * a feature is a row, so there is no feature dictionary.  A loaded model
 * holds 16-bit quantised weights; a model being trained holds floats
 * (ner-model-write.h: making and writing one is the training tool's side).
 *
 * File format (all integers little-endian):
 *   "NLPNERM\0"  u32 version (NER_MODEL_VERSION)  u32 feature set
 *   u32 bits  u32 n_types  then per type: u8 length + name bytes
 *   f32 scale  f32 temperature (ner-confidence.h)
 *   u32 n_rows  then per non-zero row: varint bucket delta,
 *   varint mask of the labels with a non-zero weight, and for each a
 *   zig-zag varint weight;  u64 checksum of everything before it.
 * Loading checks every field and names the path in the error.
 */
#ifndef NER_MODEL_H
#define NER_MODEL_H

#include <glib.h>

G_BEGIN_DECLS

#define NER_MODEL_VERSION 2
/* Bump when ner-features.c changes what a bucket means. */
#define NER_FEATURE_SET   4
#define NER_MAX_TYPES     7
#define NER_MAX_LABELS    (2 * NER_MAX_TYPES + 1)
/* The file's first 8 bytes. */
#define NER_MODEL_MAGIC   "NLPNERM"
/* Weights are quantised to [-NER_QUANT_MAX, NER_QUANT_MAX]: 12 bits lose
 * nothing measurable (F1 within 0.1) and make most values one byte. */
#define NER_QUANT_MAX     2047.0f

typedef struct {
  guint    bits;
  guint    n_types;
  char    *types[NER_MAX_TYPES];   /* "PER", "LOC", ... */
  guint    n_labels;
  guint    stride;
  gsize    n_buckets;
  /* exactly one of these is set */
  float   *ftable;                 /* training: (transfer full) */
  gint16  *qtable;                 /* loaded: (transfer full) */
  gboolean qtable_mapped;          /* qtable is an mmap (huge pages), not heap */
  float    scale;                  /* qtable value * scale = weight */
  float    temperature;            /* of the entity confidences (> 0) */
  gsize    file_size;              /* bytes on disk when loaded */
  guint    n_rows;                 /* non-zero rows when loaded */
} NerModel;

void        ner_model_free (NerModel *model);

/* (transfer full) the model in @path, or NULL with NLP_ERROR_DATA naming
 * the path and what is wrong (truncated, not a model, wrong version ...). */
NerModel   *ner_model_load (const char *path, GError **error);
/* Sets the types of a new @model (and its label count and stride);
 * FALSE with NLP_ERROR_DATA naming @where when there are none or too
 * many.  For the loader and the training side's ner_model_new_float. */
gboolean    ner_model_set_types (NerModel *model, const char *const *types,
                                 const char *where, GError **error);

/* Label @l as "O", "B-PER", ...: (transfer none) static or model memory;
 * writes into @buf (>= 16 bytes) for B/I labels. */
const char *ner_model_label_name (const NerModel *model, guint l, char *buf);
/* Type index of @name, or -1. */
int         ner_model_find_type (const NerModel *model, const char *name);

G_END_DECLS

#endif
