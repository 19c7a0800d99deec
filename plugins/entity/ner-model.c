/* ner-model.c — weight tables and the model file. */
#include "config.h"
#include <math.h>
#include <string.h>
#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#endif
#include "ner-model.h"
#include "ner-hash.h"
#include "nlp-error.h"

/* The loaded table is tens of megabytes read at random, about a dozen
 * rows per token (the rest come from ner-score.c's memos): with 4 KiB
 * pages nearly every read also misses the TLB.
 * Where the system has transparent huge pages the table asks for them
 * (an anonymous mapping the kernel may back with 2 MiB pages; it is
 * zero-filled, as g_new0 would be); elsewhere it is plain heap memory. */
static void
table_alloc (NerModel *model)
{
  gsize n = model->n_buckets * model->stride;
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
  void *p = mmap (NULL, n * sizeof (gint16), PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p != MAP_FAILED)
    {
      madvise (p, n * sizeof (gint16), MADV_HUGEPAGE);   /* a hint only */
      model->qtable = p;
      model->qtable_mapped = TRUE;
      return;
    }
#endif
  model->qtable = g_new0 (gint16, n);
}

static void
table_free (NerModel *model)
{
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
  if (model->qtable_mapped)
    {
      munmap (model->qtable, model->n_buckets * model->stride * sizeof (gint16));
      return;
    }
#endif
  g_free (model->qtable);
}

static guint
stride_for (guint n_labels)
{
  return (n_labels + 7) & ~7u;
}

gboolean
ner_model_set_types (NerModel *model, const char *const *types, const char *where,
                     GError **error)
{
  guint n = types != NULL ? g_strv_length ((char **) types) : 0;

  if (n == 0 || n > NER_MAX_TYPES)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "%s: a model needs 1 to %d entity types, not %u",
                   where, NER_MAX_TYPES, n);
      return FALSE;
    }
  for (guint t = 0; t < n; t++)
    model->types[t] = g_strdup (types[t]);
  model->n_types = n;
  model->n_labels = 2 * n + 1;
  model->stride = stride_for (model->n_labels);
  return TRUE;
}

void
ner_model_free (NerModel *model)
{
  if (model == NULL)
    return;
  for (guint t = 0; t < model->n_types; t++)
    g_free (model->types[t]);
  g_free (model->ftable);
  table_free (model);
  g_free (model);
}

const char *
ner_model_label_name (const NerModel *model, guint l, char *buf)
{
  if (l == 0 || l >= model->n_labels)
    return "O";
  g_snprintf (buf, 16, "%c-%s", (l & 1) ? 'B' : 'I', model->types[(l - 1) / 2]);
  return buf;
}

int
ner_model_find_type (const NerModel *model, const char *name)
{
  for (guint t = 0; t < model->n_types; t++)
    if (strcmp (model->types[t], name) == 0)
      return (int) t;
  return -1;
}

/* ---- reading ------------------------------------------------------------ */

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
  if (!get_bytes (r, v, 4))
    return FALSE;
  *v = GUINT32_FROM_LE (*v);
  return TRUE;
}

static gboolean
get_varint_long (Reader *r, guint64 *v)
{
  *v = 0;
  for (guint shift = 0; shift < 64; shift += 7)
    {
      if (r->p >= r->end)
        return FALSE;
      guint8 b = *r->p++;
      *v |= (guint64) (b & 0x7f) << shift;
      if (!(b & 0x80))
        return TRUE;
    }
  return FALSE;
}

/* Weights and bucket gaps are one or two bytes nearly always: those are
 * decoded inline, without a loop. */
static inline gboolean
get_varint (Reader *r, guint64 *v)
{
  if (G_LIKELY (r->end - r->p >= 2))
    {
      guint b0 = r->p[0], b1 = r->p[1];
      if (b0 < 0x80)
        {
          *v = b0;
          r->p++;
          return TRUE;
        }
      if (b1 < 0x80)
        {
          *v = (b0 & 0x7f) | (b1 << 7);
          r->p += 2;
          return TRUE;
        }
    }
  return get_varint_long (r, v);
}

#define FAIL(...) do {                                                    \
    char *why_ = g_strdup_printf (__VA_ARGS__);                           \
    g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,                        \
                 "entity: model %s: %s (retrain it with nlpipe-ner train "  \
                 "or use the one that ships with nlpipe)", path, why_);   \
    g_free (why_);                                                        \
    goto fail;                                                            \
  } while (0)

NerModel *
ner_model_load (const char *path, GError **error)
{
  NerModel *model = NULL;
  char *data = NULL;
  gsize size;
  Reader r;
  char head[8];
  guint32 version, fset, bits, n_types, scale_bits, temp_bits, n_rows;
  char *types[NER_MAX_TYPES + 1] = { NULL };
  guint64 sum, bucket = 0;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, &size, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "entity: cannot read model %s: %s",
                   path, local->message);
      g_error_free (local);
      return NULL;
    }
  r.p = (const guint8 *) data;
  r.end = r.p + size;
  if (!get_bytes (&r, head, 8) || memcmp (head, NER_MODEL_MAGIC, 8) != 0)
    FAIL ("not an nlpipe entity model (bad magic)");
  if (size < 8 + 8)
    FAIL ("truncated (%" G_GSIZE_FORMAT " bytes)", size);
  memcpy (&sum, data + size - 8, 8);
  if (GUINT64_FROM_LE (sum) != ner_hash_bytes (data, size - 8))
    FAIL ("truncated or corrupt (checksum mismatch, %" G_GSIZE_FORMAT " bytes)", size);
  r.end -= 8;
  if (!get_u32 (&r, &version) || !get_u32 (&r, &fset) || !get_u32 (&r, &bits)
      || !get_u32 (&r, &n_types))
    FAIL ("truncated header");
  if (version != NER_MODEL_VERSION)
    FAIL ("format version %u, this nlpipe reads version %d", version, NER_MODEL_VERSION);
  if (fset != NER_FEATURE_SET)
    FAIL ("feature set %u, this nlpipe computes feature set %d", fset, NER_FEATURE_SET);
  if (bits < 10 || bits > 26)
    FAIL ("table size 2^%u out of range", bits);
  if (n_types == 0 || n_types > NER_MAX_TYPES)
    FAIL ("%u entity types (1 to %d allowed)", n_types, NER_MAX_TYPES);
  for (guint t = 0; t < n_types; t++)
    {
      guint8 len;
      if (!get_bytes (&r, &len, 1) || len == 0 || (gsize) (r.end - r.p) < len)
        FAIL ("truncated type names");
      types[t] = g_strndup ((const char *) r.p, len);
      r.p += len;
    }
  if (!get_u32 (&r, &scale_bits) || !get_u32 (&r, &temp_bits) || !get_u32 (&r, &n_rows))
    FAIL ("truncated header");

  model = g_new0 (NerModel, 1);
  if (!ner_model_set_types (model, (const char *const *) types, path, error))
    goto fail;
  memcpy (&model->scale, &scale_bits, 4);
  if (!(model->scale > 0.0f) || !isfinite (model->scale))
    FAIL ("bad weight scale");
  memcpy (&model->temperature, &temp_bits, 4);
  if (!(model->temperature > 0.0f) || !isfinite (model->temperature))
    FAIL ("bad confidence temperature");
  model->bits = bits;
  model->n_buckets = (gsize) 1 << bits;
  table_alloc (model);
  model->n_rows = n_rows;
  model->file_size = size;
  for (guint i = 0; i < n_rows; i++)
    {
      guint64 delta, mask;
      gint16 *row;
      if (!get_varint (&r, &delta) || !get_varint (&r, &mask))
        FAIL ("truncated at weight row %u of %u", i, n_rows);
      bucket += delta;
      if (bucket >= model->n_buckets || (i > 0 && delta == 0)
          || mask == 0 || mask >= (1u << model->n_labels))
        FAIL ("corrupt weight row %u", i);
      row = model->qtable + bucket * model->stride;
      for (guint64 m = mask; m != 0; m &= m - 1)
        {
          guint64 z;
          if (!get_varint (&r, &z) || z > (guint64) (2 * NER_QUANT_MAX))
            FAIL ("truncated or corrupt at weight row %u of %u", i, n_rows);
          row[__builtin_ctzll (m)] = (gint16) ((gint64) (z >> 1) ^ -(gint64) (z & 1));
        }
    }
  if (r.p != r.end)
    FAIL ("%" G_GSIZE_FORMAT " unexpected bytes after the weights", (gsize) (r.end - r.p));
  for (guint t = 0; t < NER_MAX_TYPES; t++)
    g_free (types[t]);
  g_free (data);
  return model;

fail:
  for (guint t = 0; t < NER_MAX_TYPES; t++)
    g_free (types[t]);
  g_free (data);
  ner_model_free (model);
  return NULL;
}
