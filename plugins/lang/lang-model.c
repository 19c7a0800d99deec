/* lang-model.c — the detector's model in memory and on disk. */
#include <string.h>
#include "lang-model.h"
#include "lang-features.h"
#include "nlp-error.h"

static const char magic[8] = "NLPLANG";   /* with its NUL: 8 bytes */

#define KNOWN_WORDS (LANG_KNOWN_END / 32)

/* Fills langs[] and lang_of[] from codes[]. */
static void
set_languages (LangModel *model)
{
  for (guint i = 0; i < model->n_langs; i++)
    {
      const char *dash = strchr (model->codes[i], '-');
      gsize n = dash ? (gsize) (dash - model->codes[i]) : strlen (model->codes[i]);

      memcpy (model->langs[i], model->codes[i], n);
      model->langs[i][n] = '\0';
      model->lang_of[i] = (guint8) i;
      for (guint j = 0; j < i; j++)
        if (strcmp (model->langs[j], model->langs[i]) == 0)
          {
            model->lang_of[i] = (guint8) j;
            break;
          }
    }
}

/* Fills every table's lane list from script_of[], and slot_of[]. */
static void
set_tables (LangModel *model)
{
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    model->tables[s].n_lanes = 0;
  for (guint i = 0; i < model->n_langs; i++)
    {
      LangTable *t = &model->tables[model->script_of[i]];
      model->slot_of[i] = (guint8) t->n_lanes;
      t->lanes[t->n_lanes++] = (guint8) i;
    }
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    model->tables[s].stride = (model->tables[s].n_lanes + 15) & ~15u;
}

static gboolean
table_alloc (LangTable *t)
{
  t->rows = t->bits ? g_aligned_alloc0 ((gsize) t->stride << t->bits, 1, 64) : NULL;
  return t->bits == 0 || t->rows != NULL;
}

gsize
lang_model_table_bytes (const LangModel *model)
{
  gsize n = 0;

  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    if (model->tables[s].bits)
      n += (gsize) model->tables[s].n_lanes << model->tables[s].bits;
  return n;
}

LangModel *
lang_model_new (const char *const *codes, const guint8 *scripts, guint bits,
                guint orders, GError **error)
{
  LangModel *model;
  guint n = codes ? g_strv_length ((char **) codes) : 0;

  if (n == 0 || n > LANG_MAX_LANGS)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "a model needs 1 to %d languages, not %u", LANG_MAX_LANGS, n);
      return NULL;
    }
  if (bits < 9 || bits > 24 || orders == 0
      || (orders & ~LANG_ORDERS_VALID))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "table bits must be 9 to 24 and n-gram orders 1 to %d",
                   LANG_MAX_ORDER);
      return NULL;
    }
  model = g_new0 (LangModel, 1);
  model->n_langs = n;
  for (guint i = 0; i < n; i++)
    {
      if (strlen (codes[i]) == 0 || strlen (codes[i]) > LANG_CODE_MAX)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                       "'%s' is not a language code (1 to %d characters)",
                       codes[i], LANG_CODE_MAX);
          g_free (model);
          return NULL;
        }
      g_strlcpy (model->codes[i], codes[i], sizeof model->codes[i]);
      model->script_of[i] = scripts[i] < LANG_N_SCRIPTS ? scripts[i] : LANG_SCRIPT_OTHER;
    }
  set_languages (model);
  set_tables (model);
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    {
      LangTable *t = &model->tables[s];
      t->bits = t->n_lanes < 2 ? 0 : t->n_lanes > 16 ? bits : bits - 1;
      table_alloc (t);
    }
  model->orders = orders;
  model->scale = 1.0f;
  model->temperature = 1.0f;
  model->known = g_new0 (guint32, KNOWN_WORDS);
  return model;
}

void
lang_model_free (LangModel *model)
{
  if (model == NULL)
    return;
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    g_aligned_free (model->tables[s].rows);
  g_free (model->known);
  g_free (model);
}

int
lang_model_find (const LangModel *model, const char *code)
{
  for (guint i = 0; i < model->n_langs; i++)
    if (strcmp (model->codes[i], code) == 0)
      return (int) i;
  return -1;
}

guint64
lang_model_lanes_of (const LangModel *model, const char *code)
{
  guint64 lanes = 0;

  for (guint i = 0; i < model->n_langs; i++)
    if (strcmp (model->langs[i], code) == 0)
      lanes |= G_GUINT64_CONSTANT (1) << i;
  return lanes;
}

/* FNV-1a over 64-bit little-endian words (the last one zero-padded), so
 * that checking a model costs little of the stage's start-up. */
static guint64
checksum (const guint8 *p, gsize n)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ n;

  for (gsize i = 0; i < n; i += 8)
    {
      guint64 w = 0;
      memcpy (&w, p + i, MIN (8, n - i));
      h = (h ^ GUINT64_FROM_LE (w)) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h ^ (h >> 29);
}

static void
put_u32 (GByteArray *b, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &le, 4);
}

static void
put_f32 (GByteArray *b, float f)
{
  guint32 v;

  memcpy (&v, &f, 4);
  put_u32 (b, v);
}

gboolean
lang_model_save (const LangModel *model, const char *path, GError **error)
{
  GByteArray *b = g_byte_array_new ();
  guint64 sum;
  gboolean ok;

  g_byte_array_append (b, (const guint8 *) magic, sizeof magic);
  put_u32 (b, LANG_MODEL_VERSION);
  put_u32 (b, LANG_FEATURE_SET);
  put_u32 (b, model->n_langs);
  put_u32 (b, model->orders);
  put_f32 (b, model->scale);
  put_f32 (b, model->temperature);
  for (guint i = 0; i < model->n_langs; i++)
    {
      guint8 len = (guint8) strlen (model->codes[i]);
      g_byte_array_append (b, &len, 1);
      g_byte_array_append (b, (const guint8 *) model->codes[i], len);
      g_byte_array_append (b, &model->script_of[i], 1);
      put_u32 (b, (guint32) model->bias[i]);
    }
  put_u32 (b, KNOWN_WORDS);
  for (guint i = 0; i < KNOWN_WORDS; i++)
    put_u32 (b, model->known[i]);
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    {
      const LangTable *t = &model->tables[s];
      put_u32 (b, t->bits);
      for (gsize r = 0; t->bits && r < ((gsize) 1 << t->bits); r++)
        g_byte_array_append (b, lang_table_row (t, (guint32) r), t->n_lanes);
    }
  sum = GUINT64_TO_LE (checksum (b->data, b->len));
  g_byte_array_append (b, (const guint8 *) &sum, 8);
  ok = g_file_set_contents (path, (const char *) b->data, b->len, error);
  g_byte_array_unref (b);
  return ok;
}

typedef struct {
  const guint8 *p, *end;
} Reader;

static gboolean
get_bytes (Reader *r, void *out, gsize n)
{
  if ((gsize) (r->end - r->p) < n)
    return FALSE;
  memcpy (out, r->p, n);
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
get_f32 (Reader *r, float *f)
{
  guint32 v;

  if (!get_u32 (r, &v))
    return FALSE;
  memcpy (f, &v, 4);
  return TRUE;
}

/* Fills @model from @r; on failure returns the reason. */
static const char *
parse (LangModel *model, Reader *r)
{
  char m[8];
  guint32 version, set, n_langs, orders, n_words;

  if (!get_bytes (r, m, 8) || memcmp (m, magic, 8) != 0)
    return "not an nlpipe language model";
  if (!get_u32 (r, &version) || version != LANG_MODEL_VERSION)
    return "a model of another version (retrain it with this nlpipe-lang)";
  if (!get_u32 (r, &set) || set != LANG_FEATURE_SET)
    return "a model of another feature set (retrain it with this nlpipe-lang)";
  if (!get_u32 (r, &n_langs) || n_langs == 0 || n_langs > LANG_MAX_LANGS
      || !get_u32 (r, &orders) || orders == 0
      || (orders & ~LANG_ORDERS_VALID)
      || !get_f32 (r, &model->scale) || !(model->scale > 0)
      || !get_f32 (r, &model->temperature) || !(model->temperature > 0))
    return "a damaged header";
  model->n_langs = n_langs;
  model->orders = orders;
  for (guint i = 0; i < n_langs; i++)
    {
      guint8 len;
      if (!get_bytes (r, &len, 1) || len == 0 || len > LANG_CODE_MAX
          || !get_bytes (r, model->codes[i], len)
          || !get_bytes (r, &model->script_of[i], 1)
          || model->script_of[i] >= LANG_N_SCRIPTS
          || !get_u32 (r, (guint32 *) &model->bias[i]))
        return "a damaged language list";
      model->codes[i][len] = '\0';
    }
  set_languages (model);
  set_tables (model);
  if (!get_u32 (r, &n_words) || n_words != KNOWN_WORDS)
    return "a damaged character table";
  model->known = g_new0 (guint32, KNOWN_WORDS);
  for (guint i = 0; i < KNOWN_WORDS; i++)
    if (!get_u32 (r, &model->known[i]))
      return "truncated";
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    {
      LangTable *t = &model->tables[s];
      guint32 bits;
      if (!get_u32 (r, &bits) || (bits != 0 && (bits < 8 || bits > 24))
          || (bits != 0) != (t->n_lanes >= 2))
        return "a damaged table header";
      t->bits = bits;
      if (!table_alloc (t))
        return "too large";
      for (gsize row = 0; bits && row < ((gsize) 1 << bits); row++)
        if (!get_bytes (r, (guint8 *) lang_table_row (t, (guint32) row), t->n_lanes))
          return "truncated";
    }
  return NULL;
}

LangModel *
lang_model_load (const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  GError *local = NULL;
  LangModel *model;
  const char *bad = NULL;
  guint64 sum;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "lang: %s", local->message);
      g_error_free (local);
      return NULL;
    }
  model = g_new0 (LangModel, 1);
  if (len < 8 + 8)
    bad = "not an nlpipe language model";
  else
    {
      Reader r = { (const guint8 *) data, (const guint8 *) data + len - 8 };
      memcpy (&sum, data + len - 8, 8);
      if (GUINT64_FROM_LE (sum) != checksum ((const guint8 *) data, len - 8))
        bad = memcmp (data, magic, 8) == 0 ? "damaged (checksum mismatch)"
                                            : "not an nlpipe language model";
      else if ((bad = parse (model, &r)) == NULL && r.p != r.end)
        bad = "followed by unexpected bytes";
    }
  g_free (data);
  if (bad != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "lang: %s is %s; use the model shipped in the stage's data "
                   "directory or one made by nlpipe-lang train", path, bad);
      lang_model_free (model);
      return NULL;
    }
  model->file_size = len;
  return model;
}
