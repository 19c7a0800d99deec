/* ner-model-write.c — a model being trained (float weights) and writing
 * the model file (format in ner-model.h).  Training side only: the
 * entity stage loads models, it never makes or writes one. */
#include <math.h>
#include <string.h>
#include "ner-model-write.h"
#include "ner-hash.h"
#include "nlp-error.h"

NerModel *
ner_model_new_float (const char *const *types, guint bits, GError **error)
{
  NerModel *model = g_new0 (NerModel, 1);

  if (!ner_model_set_types (model, types, "entity", error))
    {
      g_free (model);
      return NULL;
    }
  model->bits = bits;
  model->n_buckets = (gsize) 1 << bits;
  model->ftable = g_new0 (float, model->n_buckets * model->stride);
  model->scale = 1.0f;
  model->temperature = 1.0f;
  return model;
}

static void
put_u32 (GByteArray *out, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &le, 4);
}

static void
put_varint (GByteArray *out, guint64 v)
{
  while (v >= 0x80)
    {
      guint8 b = (guint8) (v | 0x80);
      g_byte_array_append (out, &b, 1);
      v >>= 7;
    }
  guint8 b = (guint8) v;
  g_byte_array_append (out, &b, 1);
}

gboolean
ner_model_save (const NerModel *model, const char *path, GError **error)
{
  GByteArray *out = g_byte_array_new ();
  float max = 0.0f, scale;
  guint32 scale_bits, temp_bits;
  guint n_rows = 0;
  guint rows_at;
  gsize last = 0;
  guint64 sum;
  gboolean ok;

  g_return_val_if_fail (model->ftable != NULL, FALSE);
  for (gsize i = 0; i < model->n_buckets * model->stride; i++)
    max = MAX (max, fabsf (model->ftable[i]));
  scale = max > 0.0f ? max / NER_QUANT_MAX : 1.0f;

  g_byte_array_append (out, (const guint8 *) NER_MODEL_MAGIC, 8);
  put_u32 (out, NER_MODEL_VERSION);
  put_u32 (out, NER_FEATURE_SET);
  put_u32 (out, model->bits);
  put_u32 (out, model->n_types);
  for (guint t = 0; t < model->n_types; t++)
    {
      guint8 len = (guint8) strlen (model->types[t]);
      g_byte_array_append (out, &len, 1);
      g_byte_array_append (out, (const guint8 *) model->types[t], len);
    }
  memcpy (&scale_bits, &scale, 4);
  put_u32 (out, scale_bits);
  memcpy (&temp_bits, &model->temperature, 4);
  put_u32 (out, temp_bits);
  rows_at = out->len;
  put_u32 (out, 0);
  for (gsize b = 0; b < model->n_buckets; b++)
    {
      const float *row = model->ftable + b * model->stride;
      gint32 q[NER_MAX_LABELS + 1];
      guint mask = 0;

      for (guint l = 0; l < model->n_labels; l++)
        {
          q[l] = (gint32) lrintf (row[l] / scale);
          if (q[l] != 0)
            mask |= 1u << l;
        }
      if (mask == 0)
        continue;
      put_varint (out, b - last);
      last = b;
      put_varint (out, mask);
      for (guint l = 0; l < model->n_labels; l++)
        if (mask & (1u << l))
          put_varint (out, ((guint32) q[l] << 1) ^ (guint32) (q[l] >> 31));
      n_rows++;
    }
  {
    guint32 le = GUINT32_TO_LE (n_rows);
    memcpy (out->data + rows_at, &le, 4);
  }
  sum = GUINT64_TO_LE (ner_hash_bytes ((const char *) out->data, out->len));
  g_byte_array_append (out, (const guint8 *) &sum, 8);
  ok = g_file_set_contents (path, (const char *) out->data, out->len, error);
  g_byte_array_free (out, TRUE);
  return ok;
}

