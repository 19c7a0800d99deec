/* lang-train.c — naive Bayes over hashed n-grams (lang-train.h).
 *
 * Texts are cut exactly as the detector cuts them: into spans between
 * ASCII non-letters, long spans into pieces of LANG_PIECE_BYTES, each a
 * unit with its main script.  A lane learns from the units of its own
 * script only (the English names in Russian sentences teach Russian
 * nothing), into its script's table.
 */
#include <math.h>
#include <string.h>
#include "lang-train.h"
#include "lang-features.h"
#include "lang-text.h"
#include "nlp-error.h"

/* A language's texts, as units (pieces of spans) of normalised symbols
 * back to back, each with a boundary before and after it. */
typedef struct {
  GArray *symbols;      /* guint32 */
  GArray *unit_start;   /* gsize: unit u is symbols[unit_start[u] .. unit_start[u+1]) */
  GArray *unit_script;  /* guint8 LangScript */
  GArray *unit_letters; /* guint32 */
  GArray *text_start;   /* guint: text i is units [text_start[i] .. text_start[i+1]) */
  GArray *weights;      /* double, one per text */
} Texts;

typedef struct {
  Texts  sentences;
  Texts  heldout;
  Texts  words;
} LangData;

static void
texts_init (Texts *t)
{
  gsize zero = 0;
  guint none = 0;

  t->symbols = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->unit_start = g_array_new (FALSE, FALSE, sizeof (gsize));
  t->unit_script = g_array_new (FALSE, FALSE, sizeof (guint8));
  t->unit_letters = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->text_start = g_array_new (FALSE, FALSE, sizeof (guint));
  t->weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (t->unit_start, zero);
  g_array_append_val (t->text_start, none);
}

static void
texts_clear (Texts *t)
{
  g_array_unref (t->symbols);
  g_array_unref (t->unit_start);
  g_array_unref (t->unit_script);
  g_array_unref (t->unit_letters);
  g_array_unref (t->text_start);
  g_array_unref (t->weights);
}

static guint
texts_count (const Texts *t)
{
  return t->weights->len;
}

static const guint32 *
unit_get (const Texts *t, guint u, gsize *n)
{
  gsize a = g_array_index (t->unit_start, gsize, u);
  gsize b = g_array_index (t->unit_start, gsize, u + 1);

  *n = b - a;
  return &g_array_index (t->symbols, guint32, a);
}

/* Adds the units of @s (@len bytes) as one text. */
static void
texts_add (Texts *t, const char *s, gsize len, double weight, GArray *scratch)
{
  gsize pos = 0, start, stop;
  guint units = t->unit_script->len;

  while (lang_text_next_span (s, len, &pos, &start, &stop))
    {
      gsize end;
      for (end = start; start < stop; start = end)
        {
          guint32 *out;
          gsize letters, known, n, at;
          guint script;
          guint8 script8;
          guint32 l32;

          end = start + lang_text_cut (s + start, stop - start, LANG_PIECE_BYTES);
          g_array_set_size (scratch, end - start + 2);
          out = (guint32 *) (gpointer) scratch->data;
          out[0] = LANG_BOUNDARY;
          n = 1 + lang_text_normalize_unit (s + start, end - start, NULL, out + 1,
                                            &letters, &known, &script);
          if (letters == 0)
            continue;
          script8 = (guint8) script;
          l32 = (guint32) letters;
          g_array_append_vals (t->symbols, out, (guint) n);
          at = t->symbols->len;
          g_array_append_val (t->unit_start, at);
          g_array_append_val (t->unit_script, script8);
          g_array_append_val (t->unit_letters, l32);
        }
    }
  if (t->unit_script->len == units)
    return;
  units = t->unit_script->len;
  g_array_append_val (t->text_start, units);
  g_array_append_val (t->weights, weight);
}

void
lang_train_options_init (LangTrainOptions *o)
{
  memset (o, 0, sizeof *o);
  o->bits = 16;
  o->orders = LANG_DEFAULT_ORDERS;
  o->alpha = 0.2;
  o->word_power = 1.0;
  o->word_share = 0.95;
  o->clip_nats = 10.0;
  o->holdout = 0.05;
  o->seed = 1;
  o->epochs = 0;
  o->rate = 0.02;
  o->word_sentences = 3000;
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

/* The script most of a language's letters are in (its word list's
 * words counting once each). */
static guint8
language_script (const LangData *data)
{
  gsize weight[LANG_N_SCRIPTS] = { 0 };
  const Texts *all[] = { &data->sentences, &data->heldout, &data->words };
  guint best = LANG_SCRIPT_LATIN;

  for (guint k = 0; k < G_N_ELEMENTS (all); k++)
    for (guint u = 0; u < all[k]->unit_script->len; u++)
      {
        guint s = g_array_index (all[k]->unit_script, guint8, u);
        weight[s] += lang_text_script_weight ((LangScript) s,
                                              g_array_index (all[k]->unit_letters, guint32, u));
      }
  for (guint s = 1; s < LANG_N_SCRIPTS; s++)
    if (weight[s] > weight[best])
      best = s;
  return (guint8) best;
}

/* Calls @fn for every feature row of unit @symbols in table @t. */
static gsize
for_each_row (const LangTable *t, guint orders, const guint32 *symbols, gsize n,
              void (*fn) (guint32 row, gpointer user), gpointer user)
{
  LangGrams st;
  gsize features = 0;

#define VISIT(k, r) do { if (fn) fn ((r), user); features++; } while (0)
  lang_grams_init (&st);
  for (gsize i = 0; i < n; i++)
    {
      lang_grams_push (&st, symbols[i]);
      LANG_FOR_EACH_GRAM (st, orders, t->bits, VISIT);
    }
#undef VISIT
  return features;
}

typedef struct {
  double *column;     /* counts + slot, stepping by n_lanes */
  guint   n_lanes;
  double  weight;
} CountCtx;

static void
count_row (guint32 row, gpointer user)
{
  CountCtx *c = user;
  c->column[(gsize) row * c->n_lanes] += c->weight;
}

/* Adds the n-grams of @t's units in @lane's script to its column of
 * @counts (the script table's, unless NULL), each text weighted by its
 * own weight times @factor; returns the texts' mass: the sum of their
 * weights times their n-gram counts. */
static double
count_texts (const LangModel *m, const Texts *t, guint lane, double factor,
             double *counts)
{
  guint script = m->script_of[lane];
  const LangTable *table = &m->tables[script];
  CountCtx c = { counts ? counts + m->slot_of[lane] : NULL, table->n_lanes, 0 };
  double mass = 0;

  for (guint i = 0; i < texts_count (t); i++)
    {
      double w = g_array_index (t->weights, double, i);
      guint a = g_array_index (t->text_start, guint, i);
      guint b = g_array_index (t->text_start, guint, i + 1);

      c.weight = w * factor;
      for (guint u = a; u < b; u++)
        {
          gsize n;
          const guint32 *s;
          if (g_array_index (t->unit_script, guint8, u) != script)
            continue;
          s = unit_get (t, u, &n);
          mass += w * (double) for_each_row (table, m->orders, s, n,
                                             counts ? count_row : NULL, &c);
        }
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

/* Float weights per script table, (1 << bits) rows of n_lanes each:
 * log-probabilities, then refined. */
typedef struct {
  float *w[LANG_N_SCRIPTS];
} Weights;

static void
weights_clear (Weights *W)
{
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    g_clear_pointer (&W->w[s], g_free);
}

/* The word share of lane @code: word_shares' value for it, or word_share. */
static double
word_share_of (const LangTrainOptions *o, const char *code)
{
  double share = o->word_share;
  char **items = g_strsplit (o->word_shares ? o->word_shares : "", ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *eq = strchr (items[i], '=');
      if (eq != NULL && strncmp (items[i], code, (gsize) (eq - items[i])) == 0
          && strlen (code) == (gsize) (eq - items[i]))
        share = CLAMP (g_ascii_strtod (eq + 1, NULL), 0.0, 0.999);
    }
  g_strfreev (items);
  return share;
}

/* Naive Bayes: counts every lane's n-grams (with or without its held-out
 * sentences) and fills @W with each row's log-probability per lane. */
static void
nb_weights (const LangTrainOptions *o, const LangModel *m, LangData *data,
            gboolean with_heldout, Weights *W)
{
  double *counts[LANG_N_SCRIPTS] = { NULL };
  double mass[LANG_MAX_LANGS] = { 0 };
  const double floor_mass = 2e5;

  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    if (m->tables[s].bits)
      counts[s] = g_new0 (double, ((gsize) 1 << m->tables[s].bits) * m->tables[s].n_lanes);
  for (guint l = 0; l < m->n_langs; l++)
    {
      double *c = counts[m->script_of[l]];
      double s, w;

      if (c == NULL)
        continue;
      s = count_texts (m, &data[l].sentences, l, 1.0, c);
      w = count_texts (m, &data[l].words, l, 0, NULL);
      if (with_heldout)
        s += count_texts (m, &data[l].heldout, l, 1.0, c);
      if (w > 0)
        {
          /* the word list gets word_share of the language's mass, as if
           * its sentences had at least floor_mass n-grams */
          double share = word_share_of (o, m->codes[l]);
          double want = s > 0 ? MAX (s, floor_mass) * share / (1 - share) : floor_mass;
          count_texts (m, &data[l].words, l, want / w, c);
          s += want;
        }
      mass[l] = s;
      if (o->verbose && !with_heldout)
        g_printerr ("nlpipe-lang: %-8s %7u sentences, %6u words, %.0f n-grams\n",
                    m->codes[l], texts_count (&data[l].sentences),
                    texts_count (&data[l].words), s);
    }
  /* log P(row | lane), smoothed with alpha counts per row: a lane with
   * less text gets more of the smoothing, so that an n-gram its little
   * text happens to lack costs it less */
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    {
      const LangTable *t = &m->tables[s];
      gsize cells = ((gsize) 1 << t->bits) * t->n_lanes;

      W->w[s] = NULL;
      if (t->bits == 0)
        continue;
      W->w[s] = g_new (float, cells);
      for (gsize i = 0; i < cells; i++)
        W->w[s][i] = (float) log ((counts[s][i] + o->alpha)
                                  / (mass[t->lanes[i % t->n_lanes]]
                                     + o->alpha * (double) ((gsize) 1 << t->bits)));
      g_free (counts[s]);
    }
}

/* The model's penalties from @W: each row relative to its best lane, in
 * units of 1/scale nat, clipped at clip_nats. */
static void
quantize (const LangTrainOptions *o, LangModel *m, const Weights *W)
{
  const double scale = 255.0 / o->clip_nats;

  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    {
      LangTable *t = &m->tables[s];
      if (t->bits == 0)
        continue;
      for (gsize r = 0; r < ((gsize) 1 << t->bits); r++)
        {
          const float *w = W->w[s] + r * t->n_lanes;
          guint8 *row = (guint8 *) lang_table_row (t, (guint32) r);
          float best = w[0];
          for (guint k = 1; k < t->n_lanes; k++)
            best = MAX (best, w[k]);
          for (guint k = 0; k < t->n_lanes; k++)
            {
              double p = ((double) best - w[k]) * scale;
              row[k] = (guint8) (p >= 255 ? 255 : lround (p));
            }
        }
    }
  m->scale = (float) scale;
}

/* Training examples for the refinement: a lane's sentences and
 * sentences drawn from its word list, as the rows of their n-grams in
 * their script's table. */
typedef struct {
  guint8  script;
  guint8  slot;        /* the lane's index in the table */
  guint32 first;       /* rows[first .. first + n) */
  guint32 n;
} Example;

typedef struct {
  GArray *rows;        /* guint32 */
} RowSink;

static void
sink_row (guint32 row, gpointer user)
{
  g_array_append_val (((RowSink *) user)->rows, row);
}

static void
add_units (const LangModel *m, const Texts *t, guint a, guint b, guint script,
           RowSink *sink)
{
  for (guint u = a; u < b; u++)
    if (g_array_index (t->unit_script, guint8, u) == script)
      {
        gsize n;
        const guint32 *sym = unit_get (t, u, &n);
        for_each_row (&m->tables[script], m->orders, sym, n, sink_row, sink);
      }
}

static void
push_example (GArray *examples, RowSink *sink, guint first, guint script, guint slot)
{
  Example e = { (guint8) script, (guint8) slot, first, sink->rows->len - first };

  if (e.n > 0)
    g_array_append_val (examples, e);
}

static GArray *
make_examples (const LangTrainOptions *o, const LangModel *m, const LangData *data,
               GRand *rand, RowSink *sink)
{
  GArray *examples = g_array_new (FALSE, FALSE, sizeof (Example));

  for (guint l = 0; l < m->n_langs; l++)
    {
      guint script = m->script_of[l];
      const Texts *t = &data[l].sentences, *w = &data[l].words;
      guint nw = texts_count (w);

      if (m->tables[script].bits == 0)
        continue;
      for (guint i = 0; i < texts_count (t); i++)
        {
          guint first = sink->rows->len;
          add_units (m, t, g_array_index (t->text_start, guint, i),
                     g_array_index (t->text_start, guint, i + 1), script, sink);
          push_example (examples, sink, first, script, m->slot_of[l]);
        }
      /* word-list sentences: 4 to 12 words drawn by frequency */
      if (nw > 0)
        {
          double *cum = g_new (double, nw), total = 0;
          for (guint i = 0; i < nw; i++)
            cum[i] = total += sqrt (g_array_index (w->weights, double, i));
          for (guint e = 0; e < o->word_sentences; e++)
            {
              guint first = sink->rows->len, k = (guint) g_rand_int_range (rand, 4, 13);
              for (guint j = 0; j < k; j++)
                {
                  double x = g_rand_double (rand) * total;
                  guint lo = 0, hi = nw - 1;
                  while (lo < hi)
                    {
                      guint mid = (lo + hi) / 2;
                      if (cum[mid] < x)
                        lo = mid + 1;
                      else
                        hi = mid;
                    }
                  add_units (m, w, g_array_index (w->text_start, guint, lo),
                             g_array_index (w->text_start, guint, lo + 1), script, sink);
                }
              push_example (examples, sink, first, script, m->slot_of[l]);
            }
          g_free (cum);
        }
    }
  return examples;
}

/* Multinomial logistic regression from the naive Bayes start: a few
 * passes of stochastic gradient over the examples, scores divided by
 * the softmax temperature @temp; it moves weight towards the n-grams
 * that tell close languages apart. */
static void
refine (const LangTrainOptions *o, const LangModel *m, const LangData *data,
        Weights *W, GRand *rand)
{
  RowSink sink = { g_array_new (FALSE, FALSE, sizeof (guint32)) };
  GArray *examples = make_examples (o, m, data, rand, &sink);
  const guint32 *rows = (const guint32 *) (gpointer) sink.rows->data;
  Example *ex = (Example *) (gpointer) examples->data;
  const double temp = 4.0;

  for (guint epoch = 0; epoch < o->epochs; epoch++)
    {
      guint wrong = 0;
      float rate = (float) (o->rate / (1.0 + epoch));

      for (guint i = examples->len; i > 1; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
          Example tmp = ex[i - 1];
          ex[i - 1] = ex[j], ex[j] = tmp;
        }
      for (guint i = 0; i < examples->len; i++)
        {
          const Example *e = &ex[i];
          const LangTable *t = &m->tables[e->script];
          float *w = W->w[e->script];
          double sc[LANG_MAX_LANGS] = { 0 }, p[LANG_MAX_LANGS], max = -G_MAXDOUBLE, z = 0;
          float g[LANG_MAX_LANGS];
          guint best = 0;

          for (guint f = e->first; f < e->first + e->n; f++)
            {
              const float *row = w + (gsize) rows[f] * t->n_lanes;
              for (guint k = 0; k < t->n_lanes; k++)
                sc[k] += row[k];
            }
          for (guint k = 0; k < t->n_lanes; k++)
            {
              if (sc[k] > max)
                max = sc[k], best = k;
            }
          wrong += best != e->slot;
          for (guint k = 0; k < t->n_lanes; k++)
            z += p[k] = exp ((sc[k] - max) / temp);
          for (guint k = 0; k < t->n_lanes; k++)
            g[k] = rate * (float) ((k == e->slot) - p[k] / z);
          for (guint f = e->first; f < e->first + e->n; f++)
            {
              float *row = w + (gsize) rows[f] * t->n_lanes;
              for (guint k = 0; k < t->n_lanes; k++)
                row[k] += g[k];
            }
        }
      if (o->verbose)
        g_printerr ("nlpipe-lang: refinement pass %u: %u of %u examples wrong\n",
                    epoch + 1, wrong, examples->len);
    }
  g_array_unref (sink.rows);
  g_array_unref (examples);
}

/* Fills @m's tables: naive Bayes, refined, quantised. */
static void
fill_model (const LangTrainOptions *o, LangModel *m, LangData *data,
            gboolean with_heldout, GRand *rand)
{
  Weights W;

  nb_weights (o, m, data, with_heldout, &W);
  if (o->epochs > 0)
    refine (o, m, data, &W, rand);
  quantize (o, m, &W);
  weights_clear (&W);
}

typedef struct {
  const LangTable *t;
  guint32         *totals;
} ScoreCtx;

static void
score_row (guint32 row, gpointer user)
{
  ScoreCtx *c = user;
  const guint8 *p = lang_table_row (c->t, row);

  for (guint k = 0; k < c->t->n_lanes; k++)
    c->totals[k] += p[k];
}

/* The temperature that makes the confidence of the held-out sentences
 * closest to right (least mean negative log-likelihood), as the detector
 * scores them: on their main script's units. */
static double
calibrate (const LangModel *m, const LangData *data, guint *n_right, guint *n_all)
{
  static const double temps[] = { 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30 };
  double loss[G_N_ELEMENTS (temps)] = { 0 };
  guint right = 0, all = 0;
  double best_t = 1, best_loss = G_MAXDOUBLE;

  for (guint l = 0; l < m->n_langs; l++)
    {
      const Texts *h = &data[l].heldout;
      for (guint i = 0; i < texts_count (h); i++)
        {
          guint a = g_array_index (h->text_start, guint, i);
          guint b = g_array_index (h->text_start, guint, i + 1);
          gsize weight[LANG_N_SCRIPTS] = { 0 };
          guint main = LANG_SCRIPT_LATIN, best = 0;
          guint32 totals[LANG_MAX_LANGS] = { 0 };
          const LangTable *t;
          ScoreCtx c;

          for (guint u = a; u < b; u++)
            {
              guint s = g_array_index (h->unit_script, guint8, u);
              weight[s] += lang_text_script_weight ((LangScript) s,
                                                    g_array_index (h->unit_letters, guint32, u));
            }
          for (guint s = 1; s < LANG_N_SCRIPTS; s++)
            if (weight[s] > weight[main])
              main = s;
          all++;
          if (main != m->script_of[l])
            continue;
          t = &m->tables[main];
          if (t->bits == 0)
            {
              right++;
              continue;
            }
          c.t = t, c.totals = totals;
          for (guint u = a; u < b; u++)
            if (g_array_index (h->unit_script, guint8, u) == main)
              {
                gsize n;
                const guint32 *s = unit_get (h, u, &n);
                for_each_row (t, m->orders, s, n, score_row, &c);
              }
          for (guint k = 1; k < t->n_lanes; k++)
            if (totals[k] < totals[best])
              best = k;
          right += m->lang_of[t->lanes[best]] == m->lang_of[l];
          for (guint tt = 0; tt < G_N_ELEMENTS (temps); tt++)
            {
              double unit = m->scale * temps[tt], sum = 0;
              for (guint k = 0; k < t->n_lanes; k++)
                sum += exp (-((double) totals[k] - totals[best]) / unit);
              loss[tt] += log (sum) + ((double) totals[m->slot_of[l]] - totals[best]) / unit;
            }
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
  LangModel *m = NULL;
  LangData *data;
  GRand *rand;
  GArray *scratch;
  guint n, right, all;
  guint8 scripts[LANG_MAX_LANGS];
  gboolean ok = TRUE;

  if (codes == NULL)
    {
      listed = list_languages (o->corpus, error);
      if (listed == NULL)
        return NULL;
      codes = (const char *const *) listed;
    }
  n = g_strv_length ((char **) codes);
  if (n == 0 || n > LANG_MAX_LANGS)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "%s: a model needs 1 to %d languages, not %u", o->corpus,
                   LANG_MAX_LANGS, n);
      g_strfreev (listed);
      return NULL;
    }
  data = g_new0 (LangData, n);
  rand = g_rand_new_with_seed (o->seed);
  scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint l = 0; l < n && ok; l++)
    ok = read_language (o, codes[l], &data[l], rand, scratch, error);
  for (guint l = 0; l < n && ok; l++)
    scripts[l] = language_script (&data[l]);
  if (ok)
    ok = (m = lang_model_new (codes, scripts, o->bits, o->orders, error)) != NULL;
  if (ok)
    {
      for (guint l = 0; l < n; l++)
        {
          mark_known (m, &data[l].sentences);
          mark_known (m, &data[l].heldout);
          mark_known (m, &data[l].words);
        }
      fill_model (o, m, data, FALSE, rand);
      m->temperature = (float) calibrate (m, data, &right, &all);
      if (o->verbose)
        g_printerr ("nlpipe-lang: held-out sentences %u/%u right (%.2f%%), "
                    "temperature %.1f\n", right, all,
                    all ? 100.0 * right / all : 0.0, m->temperature);
      fill_model (o, m, data, TRUE, rand);
    }
  for (guint l = 0; l < n; l++)
    if (data[l].sentences.symbols)
      {
        texts_clear (&data[l].sentences);
        texts_clear (&data[l].heldout);
        texts_clear (&data[l].words);
      }
  g_free (data);
  g_strfreev (listed);
  g_rand_free (rand);
  g_array_unref (scratch);
  if (!ok)
    {
      lang_model_free (m);
      return NULL;
    }
  return m;
}
