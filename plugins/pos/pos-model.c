/* pos-model.c — sparse weights, their hash table and the model file. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pos-model.h"
#include "pos-hash.h"
#include "pos-huge.h"
#include "nlp-error.h"

static const char magic[8] = "NLPPOSM";

/* 13-bit weights: a sum of eight fits the tagger's 16-bit memos, and
 * accuracy is that of 16 bits (within 0.01 on EWT dev) */
#define QUANT_MAX 4095.0f

/* An empty model with its labels. */
static PosModel *
model_alloc (guint n_labels, const char *const *upos, const char *const *xpos)
{
  PosModel *model = g_new0 (PosModel, 1);

  model->n_labels = n_labels;
  model->stride = (n_labels + 15) & ~15u;
  for (guint l = 0; l < n_labels; l++)
    {
      model->upos[l] = g_strdup (upos[l]);
      model->xpos[l] = g_strdup (xpos[l]);
    }
  model->scale = 1.0f;
  return model;
}

/* Sizes the slot table for @n features (at most two thirds full) and
 * empties it. */
static void
slots_alloc (PosModel *model, guint n)
{
  guint bits = 10;

  while (bits < 31 && (1u << bits) < (gsize) n + n / 2)
    bits++;
  model->slot_bits = bits;
  model->slots = pos_huge_new0 (sizeof (PosSlot) << bits);
}

/* Files @key's weights, @count of them from @first; FALSE when the key is
 * there already. */
static gboolean
slots_insert (PosModel *model, guint64 key, guint first, guint count)
{
  guint mask = (1u << model->slot_bits) - 1;
  guint i = (guint) (key >> (64 - model->slot_bits));
  guint32 check = (guint32) key | 1;

  while (model->slots[i].check != 0)
    {
      if (model->slots[i].check == check)
        return FALSE;
      i = (i + 1) & mask;
    }
  model->slots[i].check = check;
  model->slots[i].ref = first | (guint32) count << 24;
  model->n_features++;
  if (count >= POS_DENSE_MIN)
    {
      gint16 *row;
      if (model->n_dense == model->dense_cap)
        {
          model->dense_cap = MAX (256, model->dense_cap * 2);
          model->dense = g_renew (gint16, model->dense, (gsize) model->dense_cap * model->stride);
        }
      row = model->dense + (gsize) model->n_dense * model->stride;
      memset (row, 0, model->stride * sizeof (gint16));
      for (guint k = first; k < first + count; k++)
        row[model->weights[k].label] = model->weights[k].weight;
      model->slots[i].ref = POS_DENSE | model->n_dense++;
    }
  return TRUE;
}

static int
compare_keys (const void *a, const void *b)
{
  guint64 x = ((const PosFeatureWeights *) a)->key, y = ((const PosFeatureWeights *) b)->key;
  return x < y ? -1 : x > y;
}

PosModel *
pos_model_new (guint n_labels, const char *const *upos, const char *const *xpos,
               const PosFeatureWeights *features, guint n_features)
{
  PosModel *model;
  PosFeatureWeights *sorted = g_memdup2 (features, sizeof *features * n_features);
  float max = 0.0f;
  guint total = 0;

  g_return_val_if_fail (n_labels > 0 && n_labels <= POS_MAX_LABELS, NULL);
  model = model_alloc (n_labels, upos, xpos);
  if (n_features > 0)
    qsort (sorted, n_features, sizeof *sorted, compare_keys);
  for (guint f = 0; f < n_features; f++)
    {
      total += sorted[f].n;
      for (guint k = 0; k < sorted[f].n; k++)
        max = MAX (max, fabsf (sorted[f].weights[k]));
    }
  model->scale = max > 0.0f ? max / QUANT_MAX : 1.0f;
  model->weights = g_new (PosWeight, MAX (total, 1));
  model->keys = g_new (guint64, MAX (n_features, 1));
  model->key_first = g_new (guint, n_features + 1);
  slots_alloc (model, n_features);
  for (guint f = 0; f < n_features; f++)
    {
      guint first = model->n_weights;
      for (guint k = 0; k < sorted[f].n; k++)
        {
          long q = lrintf (sorted[f].weights[k] / model->scale);
          if (q != 0 && sorted[f].labels[k] < n_labels)
            model->weights[model->n_weights++] = (PosWeight) { (gint16) q, sorted[f].labels[k], 0 };
        }
      if (model->n_weights == first || !slots_insert (model, sorted[f].key, first,
                                                       model->n_weights - first))
        {
          model->n_weights = first;
          continue;
        }
      model->keys[model->n_features - 1] = sorted[f].key;
      model->key_first[model->n_features - 1] = first;
    }
  model->key_first[model->n_features] = model->n_weights;
  g_free (sorted);
  return model;
}

/* The class table doubles as it fills (at most half full); a file may
 * hold at most this many classes. */
#define CLASS_MAX (1u << 22)

static void
class_insert (PosModel *model, guint64 key, guint32 mask)
{
  guint m = (1u << model->class_bits) - 1, i;

  for (i = (guint) (key >> (64 - model->class_bits)); model->class_keys[i] != 0; i = (i + 1) & m)
    if (model->class_keys[i] == key)
      break;
  if (model->class_keys[i] == 0)
    model->n_classes++;
  model->class_keys[i] = key;
  model->class_masks[i] = mask;
}

void
pos_model_set_word_class (PosModel *model, guint64 lower, guint32 mask)
{
  g_return_if_fail (model->n_classes < CLASS_MAX);
  if (model->class_keys == NULL || 2 * (model->n_classes + 1) > (1u << model->class_bits))
    {
      guint64 *keys = model->class_keys;
      guint32 *masks = model->class_masks;
      guint old = keys ? 1u << model->class_bits : 0;

      model->class_bits = keys ? model->class_bits + 1 : 10;
      model->class_keys = g_new0 (guint64, 1u << model->class_bits);
      model->class_masks = g_new0 (guint32, 1u << model->class_bits);
      model->n_classes = 0;
      for (guint i = 0; i < old; i++)
        if (keys[i] != 0)
          class_insert (model, keys[i], masks[i]);
      g_free (keys);
      g_free (masks);
    }
  class_insert (model, lower | 1, mask);
}

PosModel *
pos_model_mean (PosModel *const *models, guint n)
{
  /* a dense row per distinct key while summing: training-time memory */
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  const PosModel *m0 = models[0];
  PosFeatureWeights *fw;
  guint8 *labels;
  float *weights;
  GHashTableIter it;
  gpointer k, v;
  guint nf = 0;
  gsize at = 0;
  PosModel *mean;

  for (guint m = 0; m < n; m++)
    for (guint f = 0; f < models[m]->n_features; f++)
      {
        float *row = g_hash_table_lookup (rows, &models[m]->keys[f]);
        if (row == NULL)
          {
            row = g_new0 (float, POS_MAX_LABELS);
            g_hash_table_insert (rows, &models[m]->keys[f], row);
          }
        for (guint j = models[m]->key_first[f]; j < models[m]->key_first[f + 1]; j++)
          row[models[m]->weights[j].label] += models[m]->weights[j].weight * models[m]->scale / n;
      }
  fw = g_new (PosFeatureWeights, MAX (g_hash_table_size (rows), 1));
  labels = g_new (guint8, (gsize) g_hash_table_size (rows) * m0->n_labels + 1);
  weights = g_new (float, (gsize) g_hash_table_size (rows) * m0->n_labels + 1);
  g_hash_table_iter_init (&it, rows);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const float *row = v;
      fw[nf] = (PosFeatureWeights) { *(const guint64 *) k, 0, labels + at, weights + at };
      for (guint l = 0; l < m0->n_labels; l++)
        if (row[l] != 0.0f)
          {
            labels[at] = (guint8) l;
            weights[at++] = row[l];
            fw[nf].n++;
          }
      nf++;
    }
  mean = pos_model_new (m0->n_labels, (const char *const *) m0->upos,
                        (const char *const *) m0->xpos, fw, nf);
  for (guint i = 0; m0->n_classes > 0 && i < (1u << m0->class_bits); i++)
    if (m0->class_keys[i] != 0)
      pos_model_set_word_class (mean, m0->class_keys[i], m0->class_masks[i]);
  g_free (fw);
  g_free (labels);
  g_free (weights);
  g_hash_table_unref (rows);
  return mean;
}

void
pos_model_free (PosModel *model)
{
  if (model == NULL)
    return;
  for (guint l = 0; l < model->n_labels; l++)
    {
      g_free (model->upos[l]);
      g_free (model->xpos[l]);
    }
  pos_huge_free (model->slots);
  g_free (model->weights);
  g_free (model->dense);
  g_free (model->keys);
  g_free (model->key_first);
  g_free (model->class_keys);
  g_free (model->class_masks);
  pos_model_free (model->next);
  g_free (model);
}

int
pos_model_find_label (const PosModel *model, const char *upos, const char *xpos)
{
  for (guint l = 0; l < model->n_labels; l++)
    if (strcmp (model->upos[l], upos) == 0 && strcmp (model->xpos[l], xpos) == 0)
      return (int) l;
  return -1;
}

/* ---- the file ----------------------------------------------------------- */

static void
put_u32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { v, v >> 8, v >> 16, v >> 24 };
  g_byte_array_append (out, b, 4);
}

static void
put_varint (GByteArray *out, guint64 v)
{
  guint8 b[10];
  guint n = 0;

  for (; v >= 0x80; v >>= 7)
    b[n++] = (guint8) (v | 0x80);
  b[n++] = (guint8) v;
  g_byte_array_append (out, b, n);
}

static void
put_name (GByteArray *out, const char *s)
{
  guint8 len = (guint8) MIN (strlen (s), 255);
  g_byte_array_append (out, &len, 1);
  g_byte_array_append (out, (const guint8 *) s, len);
}

/* One pass: labels, scale, features, word classes. */
static void
write_pass (const PosModel *model, GByteArray *out)
{
  guint32 scale;
  guint64 prev = 0;

  put_u32 (out, model->n_labels);
  for (guint l = 0; l < model->n_labels; l++)
    {
      put_name (out, model->upos[l]);
      put_name (out, model->xpos[l]);
    }
  memcpy (&scale, &model->scale, 4);
  put_u32 (out, scale);
  put_u32 (out, model->n_features);
  for (guint f = 0; f < model->n_features; f++)
    {
      guint first = model->key_first[f], count = model->key_first[f + 1] - first;
      guint8 c = (guint8) count;

      put_varint (out, model->keys[f] - prev);
      prev = model->keys[f];
      g_byte_array_append (out, &c, 1);
      for (guint k = first; k < first + count; k++)
        {
          gint32 w = model->weights[k].weight;
          g_byte_array_append (out, &model->weights[k].label, 1);
          put_varint (out, ((guint32) w << 1) ^ (guint32) (w >> 31));
        }
    }
  put_u32 (out, model->n_classes);
  for (guint i = 0; model->n_classes > 0 && i < (1u << model->class_bits); i++)
    if (model->class_keys[i] != 0)
      {
        put_u32 (out, (guint32) model->class_keys[i]);
        put_u32 (out, (guint32) (model->class_keys[i] >> 32));
        put_u32 (out, model->class_masks[i]);
      }
  put_u32 (out, model->rescore_below);
}

gboolean
pos_model_save (const PosModel *model, const char *path, GError **error)
{
  GByteArray *out;
  guint passes = 0;
  guint64 sum;
  gboolean ok;

  for (const PosModel *m = model; m != NULL; m = m->next)
    {
      g_return_val_if_fail (m->keys != NULL, FALSE);
      passes++;
    }
  out = g_byte_array_new ();
  g_byte_array_append (out, (const guint8 *) magic, 8);
  put_u32 (out, POS_MODEL_VERSION);
  put_u32 (out, POS_FEATURE_SET);
  put_u32 (out, passes);
  for (const PosModel *m = model; m != NULL; m = m->next)
    write_pass (m, out);
  sum = GUINT64_TO_LE (pos_hash_bytes ((const char *) out->data, out->len));
  g_byte_array_append (out, (const guint8 *) &sum, 8);
  ok = g_file_set_contents (path, (const char *) out->data, out->len, error);
  g_byte_array_free (out, TRUE);
  return ok;
}

typedef struct {
  const guint8 *p, *end;
} Reader;

static gboolean
get_bytes (Reader *r, void *dst, gsize n)
{
  if ((gsize) (r->end - r->p) < n)
    return FALSE;
  memcpy (dst, r->p, n);
  r->p += n;
  return TRUE;
}

static gboolean
get_u32 (Reader *r, guint32 *v)
{
  guint8 b[4];

  if (!get_bytes (r, b, 4))
    return FALSE;
  *v = (guint32) b[0] | (guint32) b[1] << 8 | (guint32) b[2] << 16 | (guint32) b[3] << 24;
  return TRUE;
}

static gboolean
get_varint (Reader *r, guint64 *v)
{
  *v = 0;
  for (guint shift = 0; shift < 64 && r->p < r->end; shift += 7)
    {
      guint8 b = *r->p++;
      *v |= (guint64) (b & 0x7F) << shift;
      if (b < 0x80)
        return TRUE;
    }
  return FALSE;
}

static char *
get_name (Reader *r)
{
  guint8 len;

  if (!get_bytes (r, &len, 1) || len == 0 || (gsize) (r->end - r->p) < len)
    return NULL;
  r->p += len;
  return g_strndup ((const char *) r->p - len, len);
}

/* Reads one pass; NULL with *@why set (transfer full) when malformed. */
static PosModel *
read_pass (Reader *r, char **why)
{
  PosModel *model = g_new0 (PosModel, 1);
  guint32 n_labels, scale, n_features, n_classes;
  guint64 key = 0;

#define BAD(...) do { *why = g_strdup_printf (__VA_ARGS__); goto fail; } while (0)
  if (!get_u32 (r, &n_labels))
    BAD ("truncated header");
  if (n_labels == 0 || n_labels > POS_MAX_LABELS)
    BAD ("%u labels (1 to %d allowed)", n_labels, POS_MAX_LABELS);
  for (guint l = 0; l < n_labels; l++)
    {
      model->upos[l] = get_name (r);
      model->xpos[l] = model->upos[l] ? get_name (r) : NULL;
      model->n_labels = l + 1;
      if (model->xpos[l] == NULL)
        BAD ("truncated label names");
    }
  model->stride = (model->n_labels + 15) & ~15u;
  if (!get_u32 (r, &scale) || !get_u32 (r, &n_features))
    BAD ("truncated header");
  memcpy (&model->scale, &scale, 4);
  if (!(model->scale > 0.0f) || !isfinite (model->scale))
    BAD ("bad weight scale");
  /* every feature takes at least 3 bytes: a bound before allocating */
  if (n_features > (gsize) (r->end - r->p) / 3)
    BAD ("%u features do not fit in the file", n_features);
  model->weights = g_new (PosWeight, (gsize) (r->end - r->p) / 2 + 1);
  slots_alloc (model, n_features);
  for (guint f = 0; f < n_features; f++)
    {
      guint64 delta;
      guint8 count;
      guint first = model->n_weights;

      if (!get_varint (r, &delta) || !get_bytes (r, &count, 1) || count == 0)
        BAD ("truncated or corrupt at feature %u of %u", f, n_features);
      if (f > 0 && delta == 0)
        BAD ("feature %u repeats a key", f);
      key += delta;
      for (guint k = 0; k < count; k++)
        {
          guint8 label;
          guint64 z;
          if (!get_bytes (r, &label, 1) || !get_varint (r, &z) || label >= n_labels
              || z == 0 || z > 2 * (guint64) QUANT_MAX)
            BAD ("truncated or corrupt at feature %u of %u", f, n_features);
          model->weights[model->n_weights++] =
            (PosWeight) { (gint16) ((gint64) (z >> 1) ^ -(gint64) (z & 1)), label, 0 };
        }
      if (!slots_insert (model, key, first, count))
        BAD ("feature %u repeats a key", f);
    }
  model->weights = g_renew (PosWeight, model->weights, MAX (model->n_weights, 1));
  if (!get_u32 (r, &n_classes) || n_classes > CLASS_MAX
      || (gsize) (r->end - r->p) / 12 < n_classes)
    BAD ("truncated or corrupt word classes");
  for (guint i = 0; i < n_classes; i++)
    {
      guint32 lo, hi, mask;
      get_u32 (r, &lo);
      get_u32 (r, &hi);
      get_u32 (r, &mask);
      pos_model_set_word_class (model, (guint64) hi << 32 | lo, mask);
    }
  if (!get_u32 (r, &model->rescore_below))
    BAD ("truncated after the word classes");
  return model;
#undef BAD

fail:
  pos_model_free (model);
  return NULL;
}

PosModel *
pos_model_load (const char *path, GError **error)
{
  PosModel *model = NULL, **tail = &model;
  char *data = NULL, head[8], *why = NULL;
  gsize size;
  Reader r;
  guint32 version, fset, passes;
  guint64 sum;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, &size, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "pos: cannot read model %s: %s", path,
                   local->message);
      g_error_free (local);
      return NULL;
    }
  r.p = (const guint8 *) data;
  r.end = r.p + size;
  if (!get_bytes (&r, head, 8) || memcmp (head, magic, 8) != 0)
    why = g_strdup ("not an nlpipe part-of-speech model (bad magic)");
  else if (size < 28)
    why = g_strdup_printf ("truncated (%" G_GSIZE_FORMAT " bytes)", size);
  else if (memcpy (&sum, data + size - 8, 8), GUINT64_FROM_LE (sum) != pos_hash_bytes (data, size - 8))
    why = g_strdup_printf ("truncated or corrupt (checksum mismatch, %" G_GSIZE_FORMAT " bytes)",
                           size);
  else
    {
      r.end -= 8;
      get_u32 (&r, &version);
      get_u32 (&r, &fset);
      get_u32 (&r, &passes);
      if (version != POS_MODEL_VERSION)
        why = g_strdup_printf ("format version %u, this nlpipe reads version %d", version,
                               POS_MODEL_VERSION);
      else if (fset != POS_FEATURE_SET)
        why = g_strdup_printf ("feature set %u, this nlpipe computes feature set %d", fset,
                               POS_FEATURE_SET);
      else if (passes < 1 || passes > 2)
        why = g_strdup_printf ("%u passes (1 or 2 allowed)", passes);
      for (guint p = 0; why == NULL && p < passes; p++)
        {
          *tail = read_pass (&r, &why);
          if (*tail != NULL)
            tail = &(*tail)->next;
        }
      if (why == NULL && model->next != NULL && model->next->n_labels != model->n_labels)
        why = g_strdup ("the two passes have different labels");
      if (why == NULL && r.p != r.end)
        why = g_strdup_printf ("%" G_GSIZE_FORMAT " unexpected bytes at the end",
                               (gsize) (r.end - r.p));
    }
  g_free (data);
  if (why != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "pos: model %s: %s (retrain it with nlpipe-pos train or use the one that "
                   "ships with nlpipe)", path, why);
      g_free (why);
      pos_model_free (model);
      return NULL;
    }
  model->file_size = size;
  return model;
}
