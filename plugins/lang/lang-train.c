/* lang-train.c — naive Bayes over hashed n-grams (lang-train.h). */
#include <math.h>
#include <string.h>
#include "lang-train.h"
#include "lang-features.h"
#include "lang-text.h"
#include "nlp-error.h"

/* A language's texts: normalised symbols back to back. */
typedef struct {
  GArray *symbols;     /* guint32 */
  GArray *starts;      /* gsize: text i is symbols[starts[i] .. starts[i+1]) */
  GArray *weights;     /* double, one per text */
} Texts;

typedef struct {
  Texts  sentences;
  Texts  heldout;
  Texts  words;
} LangData;

static void
texts_mark_end (Texts *t)
{
  gsize end = t->symbols->len;
  g_array_append_val (t->starts, end);
}

static void
texts_init (Texts *t)
{
  t->symbols = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  t->weights = g_array_new (FALSE, FALSE, sizeof (double));
  texts_mark_end (t);
}

static void
texts_clear (Texts *t)
{
  g_array_unref (t->symbols);
  g_array_unref (t->starts);
  g_array_unref (t->weights);
}

static guint
texts_count (const Texts *t)
{
  return t->weights->len;
}

static const guint32 *
texts_get (const Texts *t, guint i, gsize *n)
{
  gsize a = g_array_index (t->starts, gsize, i), b = g_array_index (t->starts, gsize, i + 1);

  *n = b - a;
  return &g_array_index (t->symbols, guint32, a);
}

static void
texts_add (Texts *t, const char *s, gsize len, double weight, GArray *scratch)
{
  gsize letters, n;

  g_array_set_size (scratch, len + 2);
  n = lang_text_normalize (s, len, (guint32 *) (gpointer) scratch->data, &letters);
  if (n == 0)
    return;
  g_array_append_vals (t->symbols, scratch->data, (guint) n);
  texts_mark_end (t);
  g_array_append_val (t->weights, weight);
}

void
lang_train_options_init (LangTrainOptions *o)
{
  memset (o, 0, sizeof *o);
  o->bits = 16;
  o->orders = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5);
  o->alpha = 0.2;
  o->word_power = 1.0;
  o->word_share = 0.95;
  o->clip_nats = 10.0;
  o->holdout = 0.05;
  o->seed = 1;
}

static gint
compare_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* (transfer full) the codes of the corpus folder, sorted. */
static char **
list_languages (const char *dir, GError **error)
{
  GDir *d = g_dir_open (dir, 0, error);
  GPtrArray *codes;
  const char *name;

  if (d == NULL)
    return NULL;
  codes = g_ptr_array_new ();
  while ((name = g_dir_read_name (d)) != NULL)
    {
      const char *dot = strrchr (name, '.');
      char *code;
      if (dot == NULL || (strcmp (dot, ".txt") != 0 && strcmp (dot, ".words") != 0))
        continue;
      code = g_strndup (name, (gsize) (dot - name));
      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, code);
      else
        g_free (code);
    }
  g_dir_close (d);
  g_ptr_array_sort (codes, compare_str);
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

/* Reads LANG.txt and LANG.words of @code, when they exist. */
static gboolean
read_language (const LangTrainOptions *o, const char *code, LangData *data,
               GRand *rand, GArray *scratch, GError **error)
{
  char *path = g_strdup_printf ("%s/%s.txt", o->corpus, code);
  char *contents = NULL;
  gsize len;
  gboolean any = FALSE;

  texts_init (&data->sentences);
  texts_init (&data->heldout);
  texts_init (&data->words);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      char *line, *next;
      if (!g_file_get_contents (path, &contents, &len, error))
        goto fail;
      if (!g_utf8_validate_len (contents, len, NULL))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                       "%s is not UTF-8 text", path);
          goto fail;
        }
      for (line = contents; *line != '\0'; line = next)
        {
          char *nl = strchr (line, '\n');
          next = nl ? nl + 1 : line + strlen (line);
          texts_add (g_rand_double (rand) < o->holdout ? &data->heldout : &data->sentences,
                     line, (gsize) ((nl ? nl : next) - line), 1.0, scratch);
        }
      g_clear_pointer (&contents, g_free);
      any = TRUE;
    }
  g_free (path);
  path = g_strdup_printf ("%s/%s.words", o->corpus, code);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      char *line, *next;
      guint lineno = 0;
      if (!g_file_get_contents (path, &contents, &len, error))
        goto fail;
      for (line = contents; *line != '\0'; line = next)
        {
          char *nl = strchr (line, '\n'), *tab, *end;
          guint64 count;
          next = nl ? nl + 1 : line + strlen (line);
          lineno++;
          if (nl)
            *nl = '\0';
          if (*line == '\0')
            continue;
          tab = strchr (line, '\t');
          if (tab == NULL || (count = g_ascii_strtoull (tab + 1, &end, 10), end == tab + 1)
              || !g_utf8_validate_len (line, (gsize) (tab - line), NULL))
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                           "%s:%u: expected WORD<TAB>COUNT", path, lineno);
              goto fail;
            }
          texts_add (&data->words, line, (gsize) (tab - line),
                     pow ((double) count, o->word_power), scratch);
        }
      g_clear_pointer (&contents, g_free);
      any = TRUE;
    }
  if (!any)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "%s: no %s.txt nor %s.words", o->corpus, code, code);
      goto fail;
    }
  g_free (path);
  return TRUE;
fail:
  g_free (contents);
  g_free (path);
  return FALSE;
}

/* Calls @fn for every feature row of @symbols. */
static gsize
for_each_row (const LangModel *m, const guint32 *symbols, gsize n,
              void (*fn) (guint32 row, gpointer user), gpointer user)
{
  LangGrams st;
  gsize features = 0;

#define VISIT(k, r) do { if (fn) fn ((r), user); features++; } while (0)
  lang_grams_init (&st);
  for (gsize i = 0; i < n; i++)
    {
      lang_grams_push (&st, symbols[i]);
      LANG_FOR_EACH_GRAM (st, m->orders, m->bits, VISIT);
    }
#undef VISIT
  return features;
}

typedef struct {
  double *column;     /* counts + language, stepping by n_langs */
  guint   n_langs;
  double  weight;
} CountCtx;

static void
count_row (guint32 row, gpointer user)
{
  CountCtx *c = user;
  c->column[(gsize) row * c->n_langs] += c->weight;
}

/* Adds @t's n-grams to language @l's column of @counts (unless NULL),
 * each text weighted by its own weight times @factor; returns the
 * texts' mass: the sum of their weights times their n-gram counts. */
static double
count_texts (const LangModel *m, const Texts *t, guint l, double factor,
             double *counts)
{
  CountCtx c = { counts ? counts + l : NULL, m->n_langs, 0 };
  double mass = 0;

  for (guint i = 0; i < texts_count (t); i++)
    {
      gsize n;
      const guint32 *s = texts_get (t, i, &n);
      double w = g_array_index (t->weights, double, i);
      c.weight = w * factor;
      mass += w * (double) for_each_row (m, s, n, counts ? count_row : NULL, &c);
    }
  return mass;
}

static void
mark_known (LangModel *m, const Texts *t)
{
  for (guint i = 0; i < t->symbols->len; i++)
    {
      guint32 c = g_array_index (t->symbols, guint32, i);
      if (c != LANG_BOUNDARY && c < LANG_KNOWN_END)
        m->known[c >> 5] |= 1u << (c & 31);
    }
}

/* Counts every language's n-grams (with or without its held-out
 * sentences) and turns them into the model's penalties. */
static void
fill_model (const LangTrainOptions *o, LangModel *m, LangData *data,
            gboolean with_heldout)
{
  gsize n_rows = (gsize) 1 << m->bits;
  double *counts = g_new0 (double, n_rows * m->n_langs);
  double *mass = g_new0 (double, m->n_langs);
  const double floor_mass = 2e5;

  for (guint l = 0; l < m->n_langs; l++)
    {
      double s = count_texts (m, &data[l].sentences, l, 1.0, counts);
      double w = count_texts (m, &data[l].words, l, 0, NULL);

      if (with_heldout)
        s += count_texts (m, &data[l].heldout, l, 1.0, counts);
      if (w > 0)
        {
          /* the word list gets word_share of the language's mass, as if
           * its sentences had at least floor_mass n-grams */
          double want = MAX (s, floor_mass) * o->word_share / (1 - o->word_share);
          if (s == 0)
            want = floor_mass;
          count_texts (m, &data[l].words, l, want / w, counts);
          s += want;
        }
      mass[l] = s;
      if (o->verbose)
        g_printerr ("nlpipe-lang: %-4s %7u sentences, %6u words, %.0f n-grams\n",
                    m->codes[l], texts_count (&data[l].sentences),
                    texts_count (&data[l].words), s);
    }
  /* log P(row | language), smoothed with alpha counts per row: a
   * language with less text gets more of the smoothing, so that an
   * n-gram its little text happens to lack costs it less */
  {
    double scale = 255.0 / o->clip_nats;
    double *logp = g_new (double, m->n_langs);

    for (gsize r = 0; r < n_rows; r++)
      {
        double best = -G_MAXDOUBLE;
        guint8 *row = lang_model_row (m, (guint32) r);
        for (guint l = 0; l < m->n_langs; l++)
          {
            logp[l] = log ((counts[r * m->n_langs + l] + o->alpha)
                           / (mass[l] + o->alpha * (double) n_rows));
            best = MAX (best, logp[l]);
          }
        for (guint l = 0; l < m->n_langs; l++)
          {
            double p = (best - logp[l]) * scale;
            row[l] = (guint8) (p >= 255 ? 255 : lround (p));
          }
      }
    m->scale = (float) scale;
    g_free (logp);
  }
  g_free (counts);
  g_free (mass);
}

typedef struct {
  const LangModel *m;
  guint32         *totals;
} ScoreCtx;

static void
score_row (guint32 row, gpointer user)
{
  ScoreCtx *c = user;
  const guint8 *p = lang_model_row (c->m, row);

  for (guint l = 0; l < c->m->n_langs; l++)
    c->totals[l] += p[l];
}

/* The temperature that makes the confidence of the held-out sentences
 * closest to right (least mean negative log-likelihood). */
static double
calibrate (const LangModel *m, const LangData *data, guint *n_right, guint *n_all)
{
  static const double temps[] = { 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30 };
  double loss[G_N_ELEMENTS (temps)] = { 0 };
  guint32 totals[LANG_MAX_LANGS];
  guint right = 0, all = 0;
  double best_t = 1, best_loss = G_MAXDOUBLE;

  for (guint l = 0; l < m->n_langs; l++)
    for (guint i = 0; i < texts_count (&data[l].heldout); i++)
      {
        gsize n;
        const guint32 *s = texts_get (&data[l].heldout, i, &n);
        guint b = 0;

        ScoreCtx c = { m, totals };

        memset (totals, 0, sizeof totals);
        for_each_row (m, s, n, score_row, &c);
        for (guint k = 1; k < m->n_langs; k++)
          if (totals[k] < totals[b])
            b = k;
        right += b == l;
        all++;
        for (guint t = 0; t < G_N_ELEMENTS (temps); t++)
          {
            double unit = m->scale * temps[t], sum = 0;
            for (guint k = 0; k < m->n_langs; k++)
              sum += exp (-((double) totals[k] - totals[b]) / unit);
            loss[t] += log (sum) + ((double) totals[l] - totals[b]) / unit;
          }
      }
  for (guint t = 0; t < G_N_ELEMENTS (temps); t++)
    if (loss[t] < best_loss)
      best_loss = loss[t], best_t = temps[t];
  *n_right = right;
  *n_all = all;
  return best_t;
}

LangModel *
lang_train (const LangTrainOptions *o, GError **error)
{
  char **listed = NULL;
  const char *const *codes = o->languages;
  LangModel *m;
  LangData *data;
  GRand *rand;
  GArray *scratch;
  guint n, right, all;
  gboolean ok = TRUE;

  if (codes == NULL)
    {
      listed = list_languages (o->corpus, error);
      if (listed == NULL)
        return NULL;
      codes = (const char *const *) listed;
    }
  m = lang_model_new (codes, o->bits, o->orders, error);
  g_strfreev (listed);
  if (m == NULL)
    return NULL;
  n = m->n_langs;
  data = g_new0 (LangData, n);
  rand = g_rand_new_with_seed (o->seed);
  scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint l = 0; l < n && ok; l++)
    ok = read_language (o, m->codes[l], &data[l], rand, scratch, error);
  if (ok)
    {
      for (guint l = 0; l < n; l++)
        {
          mark_known (m, &data[l].sentences);
          mark_known (m, &data[l].heldout);
          mark_known (m, &data[l].words);
        }
      fill_model (o, m, data, FALSE);
      m->temperature = (float) calibrate (m, data, &right, &all);
      if (o->verbose)
        g_printerr ("nlpipe-lang: held-out sentences %u/%u right (%.2f%%), "
                    "temperature %.1f\n", right, all,
                    all ? 100.0 * right / all : 0.0, m->temperature);
      fill_model (o, m, data, TRUE);
    }
  for (guint l = 0; l < n; l++)
    if (data[l].sentences.symbols)
      {
        texts_clear (&data[l].sentences);
        texts_clear (&data[l].heldout);
        texts_clear (&data[l].words);
      }
  g_free (data);
  g_rand_free (rand);
  g_array_unref (scratch);
  if (!ok)
    {
      lang_model_free (m);
      return NULL;
    }
  return m;
}
