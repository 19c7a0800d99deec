/* lang-detect.c — scoring a text against every language at once.
 *
 * The text is read span by span, a span being the bytes between two
 * ASCII non-letters (a word, or a few words glued by non-ASCII
 * punctuation).  N-grams stay inside words (lang-features.h), so a span's
 * sum depends on nothing else: news is Zipfian, and each detector
 * remembers the sums of the spans it met last in a small direct-mapped
 * memo keyed by the span's bytes, so that a span met again is never even
 * normalised.  A span's sum is one row of its script's table per n-gram
 * (lang-model.h), added by the vector kernels of lang-kernels.h.  Sums go
 * to their script's totals; the text is judged on its main script's.
 *
 * The rows of a model do not all fit in a core's cache: a new span's
 * rows are all found (and prefetched) before any is added.
 */
#include <math.h>
#include <string.h>
#include "lang-detect.h"
#include "lang-features.h"
#include "lang-kernels.h"
#include "lang-text.h"

/* A sum stays in 16-bit lanes: LANG_SUM_MAX symbols and a boundary,
 * LANG_MAX_FEATURES n-grams each, 255 at most per n-gram.  Spans of at most
 * MEMO_SPAN bytes (so at most that many symbols) are remembered; longer
 * ones are added LANG_SUM_MAX symbols at a time. */
#define LANG_SUM_MAX 40
#define MAX_ROWS ((LANG_SUM_MAX + 1) * LANG_MAX_FEATURES)
G_STATIC_ASSERT (MAX_ROWS * 255 < 65536);
#define MEMO_SPAN LANG_SUM_MAX
#define MEMO_BITS 13

typedef struct {
  guint64 key;                   /* 0: empty */
  guint16 letters;
  guint16 known;
  guint8  script;                /* LangScript of most of its letters */
} MemoSlot;

struct _LangDetector {
  const LangModel *model;
  LangSumFunc      sum;
  LangAddFunc      add;
  guint32         *symbols;      /* LANG_PIECE_BYTES + 2 */
  guint32         *offsets;      /* MAX_ROWS row offsets */
  MemoSlot        *memo;
  guint16         *memo_sums;    /* memo_lanes lanes per slot */
  guint            memo_lanes;   /* the widest table's stride */
  gboolean         ascii_known;  /* the model knows every ASCII letter */
  guint16         *scratch;      /* LANG_MAX_LANGS lanes */
  gint32           bias[LANG_N_SCRIPTS][LANG_MAX_LANGS];   /* in table order */
};

/* The byte offsets of the rows of the n-grams ending at each of @n
 * symbols into @out, continuing the state @st, each row prefetched;
 * returns how many.  The state is a local copy, kept in registers. */
static inline __attribute__ ((always_inline)) gsize
rows_of (const LangTable *t, guint orders, LangGrams *st, const guint32 *sym,
         gsize n, guint32 *out)
{
  const guint8 *rows = t->rows;
  const guint bits = t->bits, stride = t->stride;
  LangGrams g = *st;
  gsize m = 0;

#define COLLECT(k, r) do {                                                  \
    guint32 o_ = (r) * stride;                                              \
    out[m++] = o_;                                                          \
    __builtin_prefetch (rows + o_);                                         \
  } while (0)
  for (gsize i = 0; i < n; i++)
    {
      lang_grams_push_for (&g, sym[i], orders);
      LANG_FOR_EACH_GRAM (g, orders, bits, COLLECT);
    }
#undef COLLECT
  *st = g;
  return m;
}

/* The same, with the default orders a constant the compiler folds. */
static gsize
piece_rows (const LangTable *t, guint orders, LangGrams *st, const guint32 *sym,
            gsize n, guint32 *out)
{
  if (orders == LANG_DEFAULT_ORDERS)
    return rows_of (t, LANG_DEFAULT_ORDERS, st, sym, n, out);
  return rows_of (t, orders, st, sym, n, out);
}

LangDetector *
lang_detector_new_with_kernel (const LangModel *model, const char *kernel)
{
  LangDetector *d;
  gsize slots = (gsize) 1 << MEMO_BITS;
  LangSumFunc sum;
  LangAddFunc add;

  if (!lang_kernels_pick (kernel, &sum, &add))
    return NULL;
  d = g_new0 (LangDetector, 1);
  d->model = model;
  d->sum = sum;
  d->add = add;
  d->symbols = g_new (guint32, LANG_PIECE_BYTES + 2);
  d->offsets = g_new (guint32, MAX_ROWS);
  d->memo = g_new0 (MemoSlot, slots);
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    d->memo_lanes = MAX (d->memo_lanes, model->tables[s].stride);
  d->memo_lanes = MAX (d->memo_lanes, 16);
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    for (guint i = 0; i < model->tables[s].n_lanes; i++)
      d->bias[s][i] = model->bias[model->tables[s].lanes[i]];
  d->ascii_known = TRUE;
  for (guint32 c = 'a'; c <= 'z'; c++)
    d->ascii_known &= lang_model_knows (model, c);
  d->memo_sums = g_aligned_alloc (slots * d->memo_lanes, sizeof (guint16), 64);
  d->scratch = g_aligned_alloc (LANG_MAX_LANGS, sizeof (guint16), 64);
  return d;
}

LangDetector *
lang_detector_new (const LangModel *model)
{
  return lang_detector_new_with_kernel (model, NULL);
}

void
lang_detector_free (LangDetector *detector)
{
  if (detector == NULL)
    return;
  g_free (detector->symbols);
  g_free (detector->offsets);
  g_free (detector->memo);
  g_aligned_free (detector->memo_sums);
  g_aligned_free (detector->scratch);
  g_free (detector);
}

/* The totals of each script a text uses, in that script's lane order. */
typedef struct {
  guint32 totals[LANG_N_SCRIPTS][LANG_MAX_LANGS] __attribute__ ((aligned (64)));
  guint32 used;                  /* bit s: totals[s] was zeroed */
  gsize   weight[LANG_N_SCRIPTS];
} Scores;

static guint32 *
scores_of (Scores *sc, guint script, guint stride)
{
  if (!(sc->used >> script & 1))
    {
      memset (sc->totals[script], 0, stride * sizeof (guint32));
      sc->used |= 1u << script;
    }
  return sc->totals[script];
}

static guint
scores_main (const Scores *sc)
{
  guint best = LANG_SCRIPT_LATIN;

  for (guint s = 1; s < LANG_N_SCRIPTS; s++)
    if (sc->weight[s] > sc->weight[best])
      best = s;
  return best;
}

/* A span's key: its bytes with ASCII letters lower-cased (every ASCII
 * byte of a span is a letter), hashed eight at a time; never 0.  @avail
 * bytes from @p may be read (@len or more): eight at once while they
 * last, the bytes past the span masked off. */
static inline guint64
span_key (const guchar *p, gsize len, gsize avail, gboolean *ascii)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len, any = 0;

  for (gsize i = 0; i < len; i += 8)
    {
      guint64 x = 0;
      if (i + 8 <= avail)
        {
          memcpy (&x, p + i, 8);
          x = GUINT64_FROM_LE (x);
          if (len - i < 8)
            x &= (G_GUINT64_CONSTANT (1) << (8 * (len - i))) - 1;
        }
      else
        {
          memcpy (&x, p + i, len - i);
          x = GUINT64_FROM_LE (x);
        }
      any |= x;
      x |= (~x & high) >> 2;
      h = (h ^ x) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 29;
    }
  *ascii = (any & high) == 0;
  return h | 1;
}

/* A span of ASCII letters only, normalised: its letters lower-cased and
 * a boundary after them (what lang_text_normalize_unit makes of it). */
static gsize
normalise_ascii (LangDetector *d, const char *p, gsize len, gsize *known)
{
  gsize k = 0;

  for (gsize i = 0; i < len; i++)
    d->symbols[i] = (guchar) p[i] | 0x20;
  if (d->ascii_known)
    k = len;
  else
    for (gsize i = 0; i < len; i++)
      k += lang_model_knows (d->model, d->symbols[i]);
  d->symbols[len] = LANG_BOUNDARY;
  *known = k;
  return len + 1;
}

/* The piece @p (@len bytes; @ascii: ASCII letters only) normalised into
 * d->symbols, the offsets of its rows into @out (their number returned,
 * 0 when its script has no table). */
static gsize
piece_prepare (LangDetector *d, const char *p, gsize len, gboolean ascii,
               guint32 *out, gsize *letters, gsize *known, guint *script)
{
  const LangModel *m = d->model;
  const LangTable *t;
  LangGrams st;
  gsize n;

  *letters = len;
  *script = LANG_SCRIPT_LATIN;
  n = ascii ? normalise_ascii (d, p, len, known)
            : lang_text_normalize_unit (p, len, m->known, d->symbols, letters, known, script);
  t = &m->tables[*script];
  if (t->bits == 0)
    return 0;
  lang_grams_init (&st);
  lang_grams_push (&st, LANG_BOUNDARY);
  return piece_rows (t, m->orders, &st, d->symbols, n, out);
}

/* Adds a piece of more than MEMO_SPAN bytes to its script's totals,
 * LANG_SUM_MAX symbols at a time. */
static void
add_long_piece (LangDetector *d, const char *p, gsize len, Scores *sc,
                gsize *letters, gsize *known)
{
  const LangModel *m = d->model;
  guint32 *rows = d->offsets;
  gsize l, k, n;
  guint script;
  const LangTable *t;

  n = lang_text_normalize_unit (p, len, m->known, d->symbols, &l, &k, &script);
  t = &m->tables[script];
  *letters += l;
  *known += k;
  sc->weight[script] += lang_text_script_weight ((LangScript) script, l);
  if (t->bits != 0)
    {
      guint32 *totals = scores_of (sc, script, t->stride);
      LangGrams st;

      lang_grams_init (&st);
      lang_grams_push (&st, LANG_BOUNDARY);
      for (gsize i = 0; i < n; i += LANG_SUM_MAX)
        {
          gsize count = piece_rows (t, m->orders, &st, d->symbols + i,
                                    MIN (LANG_SUM_MAX, n - i), rows);
          d->sum (t->rows, t->stride, rows, count, d->scratch);
          d->add (d->scratch, totals, t->stride);
        }
    }
}

/* The memo slot of a piece of at most MEMO_SPAN bytes (@avail bytes
 * readable from @p), filled. */
static const MemoSlot *
piece_slot (LangDetector *d, const char *p, gsize len, gsize avail,
            const guint16 **sum)
{
  gboolean ascii;
  guint64 key = span_key ((const guchar *) p, len, avail, &ascii);
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> (64 - MEMO_BITS));
  MemoSlot *slot = &d->memo[i];
  guint16 *s = d->memo_sums + i * d->memo_lanes;

  if (slot->key != key)
    {
      gsize letters, known, count;
      guint script;
      const LangTable *t;

      count = piece_prepare (d, p, len, ascii, d->offsets, &letters, &known, &script);
      t = &d->model->tables[script];
      if (t->bits != 0)
        d->sum (t->rows, t->stride, d->offsets, count, s);
      slot->key = key;
      slot->letters = (guint16) letters;
      slot->known = (guint16) known;
      slot->script = (guint8) script;
    }
  *sum = s;
  return slot;
}

/* The scores of script table @t's lanes, in its order, into @v: their
 * penalties (none without a table) and bias, less the head start of a
 * preferred lane; G_MAXINT64 for a lane not allowed. */
static void
lane_scores (const LangDetector *d, const LangTable *t, guint script,
             const guint32 *totals, const LangDetectOptions *o, gint64 *v)
{
  const gint32 *bias = d->bias[script];
  const guint n = t->n_lanes;

  if (t->bits != 0)
    for (guint i = 0; i < n; i++)
      v[i] = (gint64) totals[i] + bias[i];
  else
    for (guint i = 0; i < n; i++)
      v[i] = bias[i];
  if (o->prefer != 0 || o->allowed != 0)
    for (guint i = 0; i < n; i++)
      {
        guint lane = t->lanes[i];
        if (o->allowed != 0 && !(o->allowed >> lane & 1))
          v[i] = G_MAXINT64;
        else if (o->prefer >> lane & 1)
          v[i] -= (gint64) (o->prefer_nats * d->model->scale);
      }
}

/* The best lane of script table @t by its scores @v and the best one of
 * another language, in one pass: s stays the best of the lanes whose
 * language is not the leader's. */
static void
rank (const LangModel *m, const LangTable *t, const gint64 *v, int *best,
      int *second, gint64 *best_score, gint64 *second_score)
{
  gint64 b = G_MAXINT64, s = G_MAXINT64;
  int bi = -1, si = -1;

  for (guint i = 0; i < t->n_lanes; i++)
    {
      guint lane = t->lanes[i];

      if (v[i] < b)
        {
          if (bi >= 0 && m->lang_of[lane] != m->lang_of[bi])
            s = b, si = bi;
          b = v[i], bi = (int) lane;
        }
      else if (v[i] < s && m->lang_of[lane] != m->lang_of[bi])
        s = v[i], si = (int) lane;
    }
  *best = bi, *second = si;
  *best_score = b, *second_score = s;
}

/* The best lane's language's share of exp(-score / (scale * temperature));
 * lanes more than 20 such units behind add nothing measurable (less than
 * 1e-8 each; nor do lanes not allowed, G_MAXINT64 behind). */
static double
confidence (const LangModel *m, const LangTable *t, const gint64 *v, int best,
            gint64 best_score)
{
  float all = 0, same = 0, per_unit = 1.0f / (m->scale * m->temperature);
  gint64 far = (gint64) (20 / per_unit);

  for (guint i = 0; i < t->n_lanes; i++)
    {
      gint64 d = v[i] - best_score;
      if (d < far)
        {
          float e = expf (-(float) d * per_unit);
          all += e;
          if (m->lang_of[t->lanes[i]] == m->lang_of[best])
            same += e;
        }
    }
  return all > 0 ? (double) (same / all) : 0.0;
}

void
lang_detector_guess (LangDetector *d, const LangDetectOptions *options,
                     const char *text, gsize len, LangGuess *guess)
{
  const LangModel *m = d->model;
  Scores sc;
  const LangTable *table;
  gint64 v[LANG_MAX_LANGS];
  guint main;
  gsize pos = 0, start, stop, letters = 0, known = 0, next_check = LANG_EARLY_BYTES;
  gint64 b, s;
  const double early = LANG_EARLY_NATS * m->scale;

  sc.used = 0;
  memset (sc.weight, 0, sizeof sc.weight);
  while (lang_text_next_span (text, len, &pos, &start, &stop))
    {
      gsize end;

      /* a span is read in pieces of at most LANG_PIECE_BYTES */
      for (end = start; start < stop; start = end)
        {
          end = start + lang_text_cut (text + start, stop - start, LANG_PIECE_BYTES);
          if (end - start <= MEMO_SPAN)
            {
              const guint16 *sum;
              const MemoSlot *slot = piece_slot (d, text + start, end - start, len - start, &sum);
              const LangTable *tt = &m->tables[slot->script];

              if (slot->letters > 0 && tt->bits != 0)
                d->add (sum, scores_of (&sc, slot->script, tt->stride), tt->stride);
              sc.weight[slot->script] += lang_text_script_weight ((LangScript) slot->script,
                                                                  slot->letters);
              letters += slot->letters;
              known += slot->known;
            }
          else
            add_long_piece (d, text + start, end - start, &sc, &letters, &known);
        }
      /* (not when what is left is shorter than a step: the end is near) */
      if (pos >= next_check && len - pos >= LANG_EARLY_STEP && !options->read_all)
        {
          int bi, si;
          main = scores_main (&sc);
          table = &m->tables[main];
          lane_scores (d, table, main, scores_of (&sc, main, table->stride), options, v);
          rank (m, table, v, &bi, &si, &b, &s);
          if (bi >= 0 && (si < 0 || (double) (s - b) >= early))
            break;
          next_check = pos + LANG_EARLY_STEP;
        }
    }
  guess->bytes_read = MIN (pos, len);
  guess->n_letters = letters;
  guess->n_known = known;
  main = scores_main (&sc);
  table = &m->tables[main];
  lane_scores (d, table, main, scores_of (&sc, main, table->stride), options, v);
  rank (m, table, v, &guess->best, &guess->second, &b, &s);
  guess->confidence = guess->best >= 0 ? confidence (m, table, v, guess->best, b) : 0;
  guess->lang = guess->best;
  if (letters < MAX (options->min_letters, 1) || known * 2 < letters
      || guess->confidence < options->min_confidence)
    guess->lang = -1;
}
