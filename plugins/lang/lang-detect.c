/* lang-detect.c — scoring a text against every language at once.
 *
 * The text is read span by span, a span being the bytes between two
 * ASCII non-letters (a word, or a few words glued by non-ASCII
 * punctuation).  N-grams stay inside words (lang-features.h), so a span's
 * sum depends on nothing else: news is Zipfian, and each detector
 * remembers the sums of the spans it met last in a small direct-mapped
 * memo keyed by the span's bytes, so that a span met again is never even
 * normalised.  A span's sum is one row of its script's table per n-gram
 * (lang-model.h), added into 16-bit lanes with vector instructions: AVX-512
 * or AVX2 chosen at run time on x86-64, SSE2 otherwise there, a plain loop
 * elsewhere.  Sums go to their script's totals; the text is judged on its
 * main script's.
 */
#include <math.h>
#include <string.h>
#include "lang-detect.h"
#include "lang-features.h"
#include "lang-text.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LANG_X86 1
#endif

/* A sum stays in 16-bit lanes: LANG_SUM_MAX symbols and a boundary,
 * LANG_MAX_FEATURES n-grams each, 255 at most per n-gram.  Spans of at most
 * MEMO_SPAN bytes (so at most that many symbols) are remembered; longer
 * ones are added LANG_SUM_MAX symbols at a time. */
#define LANG_SUM_MAX 40
G_STATIC_ASSERT ((LANG_SUM_MAX + 1) * LANG_MAX_FEATURES * 255 < 65536);
#define MEMO_SPAN LANG_SUM_MAX
#ifndef MEMO_BITS
#define MEMO_BITS 13
#endif

/* Adds the n-grams ending at @n symbols to @sum (table->stride 16-bit
 * lanes), after zeroing it, continuing the state @st. */
typedef void (*SumFunc) (const LangTable *t, guint orders, LangGrams *st,
                         const guint32 *sym, gsize n, guint16 *sum);
/* totals[l] += sum[l] for @stride lanes (a multiple of 16). */
typedef void (*AddFunc) (const guint16 *sum, guint32 *totals, guint stride);

typedef struct {
  guint64 key;                   /* 0: empty */
  guint16 letters;
  guint16 known;
  guint8  script;                /* LangScript of most of its letters */
} MemoSlot;

struct _LangDetector {
  const LangModel *model;
  SumFunc          sum;
  AddFunc          add;
  guint32         *symbols;      /* LANG_PIECE_BYTES + 2 */
  MemoSlot        *memo;
  guint16         *memo_sums;    /* memo_lanes lanes per slot (16-byte aligned) */
  guint            memo_lanes;   /* the widest table's stride */
  gboolean         ascii_known;  /* the model knows every ASCII letter */
  guint16         *scratch;      /* LANG_MAX_LANGS lanes */
};

/* The n-grams ending at each of @n symbols, one row each: ADD (k, r)
 * for order k and row r; ROW (r) is the row's bytes.  The gram state is
 * a local copy, kept in registers. */
#define FOR_EACH_ROW(t, orders, st, sym, n, ADD)                            \
  do {                                                                      \
    const guint8 *rows_ = (t)->rows;                                        \
    const guint bits_ = (t)->bits, orders_ = (orders);                      \
    const gsize stride_ = (t)->stride;                                      \
    LangGrams g_ = *(st);                                                   \
    for (gsize i_ = 0; i_ < (n); i_++)                                      \
      {                                                                     \
        lang_grams_push (&g_, (sym)[i_]);                                   \
        LANG_FOR_EACH_GRAM (g_, orders_, bits_, ADD);                       \
      }                                                                     \
    *(st) = g_;                                                             \
  } while (0)
#define ROW(r) (rows_ + (gsize) (r) * stride_)
/* The same, with the default orders as a constant the compiler folds. */
#define FOR_EACH_ROW_OF(t, orders, st, sym, n, ADD)                         \
  do {                                                                      \
    if ((orders) == LANG_DEFAULT_ORDERS)                                    \
      FOR_EACH_ROW (t, LANG_DEFAULT_ORDERS, st, sym, n, ADD);               \
    else                                                                    \
      FOR_EACH_ROW (t, orders, st, sym, n, ADD);                            \
  } while (0)

static void
sum_generic (const LangTable *t, guint orders, LangGrams *st,
             const guint32 *sym, gsize n, guint16 *sum)
{
  const guint w = t->stride;

  memset (sum, 0, w * sizeof (guint16));
#define ADD_GENERIC(k, r) for (guint l = 0; l < w; l++) sum[l] += ROW (r)[l]
  FOR_EACH_ROW (t, orders, st, sym, n, ADD_GENERIC);
#undef ADD_GENERIC
}

static void
add_generic (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l++)
    totals[l] += sum[l];
}

#ifdef LANG_X86
/* SSE2: 16 lanes at a time, bytes widened by interleaving with zero. */
static void
sum_sse2 (const LangTable *t, guint orders, LangGrams *st,
          const guint32 *sym, gsize n, guint16 *sum)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint part = 0; part < t->stride; part += 16)
    {
      __m128i lo = zero, hi = zero;
      LangGrams s = *st;
#define ADD(k, r) do {                                                      \
        __m128i x_ = _mm_load_si128 ((const __m128i *) (gconstpointer) (ROW (r) + part)); \
        lo = _mm_add_epi16 (lo, _mm_unpacklo_epi8 (x_, zero));              \
        hi = _mm_add_epi16 (hi, _mm_unpackhi_epi8 (x_, zero));              \
      } while (0)
      FOR_EACH_ROW_OF (t, orders, &s, sym, n, ADD);
#undef ADD
      _mm_storeu_si128 ((__m128i *) (gpointer) (sum + part), lo);
      _mm_storeu_si128 ((__m128i *) (gpointer) (sum + part + 8), hi);
      if (part + 16 >= t->stride)
        *st = s;
    }
}

static void
add_sse2 (const guint16 *sum, guint32 *totals, guint stride)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint l = 0; l < stride; l += 8)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *) (gconstpointer) (sum + l));
      __m128i *t = (__m128i *) (gpointer) (totals + l);
      _mm_store_si128 (t, _mm_add_epi32 (_mm_load_si128 (t), _mm_unpacklo_epi16 (x, zero)));
      _mm_store_si128 (t + 1, _mm_add_epi32 (_mm_load_si128 (t + 1), _mm_unpackhi_epi16 (x, zero)));
    }
}

__attribute__ ((target ("avx2"))) static void
add_avx2 (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l += 8)
    {
      __m256i *t = (__m256i *) (gpointer) (totals + l);
      __m256i x = _mm256_cvtepu16_epi32 (_mm_loadu_si128 ((const __m128i *) (gconstpointer) (sum + l)));
      _mm256_store_si256 (t, _mm256_add_epi32 (_mm256_load_si256 (t), x));
    }
}

#define ADD16_AVX2(a, p) \
  a = _mm256_add_epi16 (a, _mm256_cvtepu8_epi16 (_mm_load_si128 ((const __m128i *) (gconstpointer) (p))))
#define STORE_AVX2(p, a) _mm256_storeu_si256 ((__m256i *) (gpointer) (p), a)

/* AVX2: a 16-lane accumulator per 16 bytes of row, up to four. */
__attribute__ ((target ("avx2"))) static void
sum_avx2 (const LangTable *t, guint orders, LangGrams *st,
          const guint32 *sym, gsize n, guint16 *sum)
{
  __m256i a0 = _mm256_setzero_si256 (), a1 = a0, a2 = a0, a3 = a0;

  switch (t->stride)
    {
    case 16:
#define ADD(k, r) ADD16_AVX2 (a0, ROW (r))
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      break;
    case 32:
#define ADD(k, r) do { ADD16_AVX2 (a0, ROW (r)); ADD16_AVX2 (a1, ROW (r) + 16); } while (0)
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      STORE_AVX2 (sum + 16, a1);
      break;
    case 48:
#define ADD(k, r) do { ADD16_AVX2 (a0, ROW (r)); ADD16_AVX2 (a1, ROW (r) + 16); \
                       ADD16_AVX2 (a2, ROW (r) + 32); } while (0)
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      STORE_AVX2 (sum + 16, a1);
      STORE_AVX2 (sum + 32, a2);
      break;
    default:
#define ADD(k, r) do { ADD16_AVX2 (a0, ROW (r)); ADD16_AVX2 (a1, ROW (r) + 16); \
                       ADD16_AVX2 (a2, ROW (r) + 32); ADD16_AVX2 (a3, ROW (r) + 48); } while (0)
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      STORE_AVX2 (sum + 16, a1);
      STORE_AVX2 (sum + 32, a2);
      STORE_AVX2 (sum + 48, a3);
      break;
    }
  STORE_AVX2 (sum, a0);
}

#define ADD32_AVX512(a, p) \
  a = _mm512_add_epi16 (a, _mm512_cvtepu8_epi16 (_mm256_load_si256 ((const __m256i *) (gconstpointer) (p))))

/* AVX-512: the wide rows of the Latin script take one or two 32-lane
 * additions; narrow ones are AVX2's. */
__attribute__ ((target ("avx512bw"))) static void
sum_avx512 (const LangTable *t, guint orders, LangGrams *st,
            const guint32 *sym, gsize n, guint16 *sum)
{
  __m512i a0 = _mm512_setzero_si512 (), a1 = a0;
  __m256i b = _mm256_setzero_si256 ();

  switch (t->stride)
    {
    case 16:
      sum_avx2 (t, orders, st, sym, n, sum);
      return;
    case 32:
#define ADD(k, r) ADD32_AVX512 (a0, ROW (r))
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      break;
    case 48:
#define ADD(k, r) do { ADD32_AVX512 (a0, ROW (r)); ADD16_AVX2 (b, ROW (r) + 32); } while (0)
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      _mm256_storeu_si256 ((__m256i *) (gpointer) (sum + 32), b);
      break;
    default:
#define ADD(k, r) do { ADD32_AVX512 (a0, ROW (r)); ADD32_AVX512 (a1, ROW (r) + 32); } while (0)
      FOR_EACH_ROW_OF (t, orders, st, sym, n, ADD);
#undef ADD
      _mm512_storeu_si512 ((void *) (sum + 32), a1);
      break;
    }
  _mm512_storeu_si512 ((void *) sum, a0);
}
#endif

LangDetector *
lang_detector_new_with_kernel (const LangModel *model, const char *kernel)
{
  LangDetector *d;
  gsize slots = (gsize) 1 << MEMO_BITS;
  SumFunc sum = sum_generic;
  AddFunc add = add_generic;

  if (kernel == NULL)
    {
#ifdef LANG_X86
      if (__builtin_cpu_supports ("avx512bw"))
        sum = sum_avx512, add = add_avx2;
      else if (__builtin_cpu_supports ("avx2"))
        sum = sum_avx2, add = add_avx2;
      else
        sum = sum_sse2, add = add_sse2;
#endif
    }
  else if (strcmp (kernel, "generic") != 0)
    {
#ifdef LANG_X86
      if (strcmp (kernel, "sse2") == 0)
        sum = sum_sse2, add = add_sse2;
      else if (strcmp (kernel, "avx2") == 0 && __builtin_cpu_supports ("avx2"))
        sum = sum_avx2, add = add_avx2;
      else if (strcmp (kernel, "avx512") == 0 && __builtin_cpu_supports ("avx512bw"))
        sum = sum_avx512, add = add_avx2;
      else
        return NULL;
#else
      return NULL;
#endif
    }
  d = g_new0 (LangDetector, 1);
  d->model = model;
  d->sum = sum;
  d->add = add;
  d->symbols = g_new (guint32, LANG_PIECE_BYTES + 2);
  d->memo = g_new0 (MemoSlot, slots);
  for (guint s = 0; s < LANG_N_SCRIPTS; s++)
    d->memo_lanes = MAX (d->memo_lanes, model->tables[s].stride);
  d->memo_lanes = MAX (d->memo_lanes, 16);
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
 * byte of a span is a letter), hashed eight at a time; never 0. */
static inline guint64
span_key (const guchar *p, gsize len, gboolean *ascii)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len, any = 0;

  for (gsize i = 0; i < len; i += 8)
    {
      guint64 x = 0;
      memcpy (&x, p + i, MIN (8, len - i));
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

/* The piece @p (@len bytes) normalised into d->symbols. */
static gsize
normalise (LangDetector *d, const char *p, gsize len, gsize *letters,
           gsize *known, guint *script)
{
  return lang_text_normalize_unit (p, len, d->model->known, d->symbols, letters,
                                   known, script);
}

/* Adds a piece of more than MEMO_SPAN bytes to its script's totals. */
static void
add_long_piece (LangDetector *d, const char *p, gsize len, Scores *sc,
                gsize *letters, gsize *known)
{
  const LangModel *m = d->model;
  gsize l, k;
  guint script;
  gsize n = normalise (d, p, len, &l, &k, &script);
  const LangTable *t = &m->tables[script];

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
          d->sum (t, m->orders, &st, d->symbols + i, MIN (LANG_SUM_MAX, n - i), d->scratch);
          d->add (d->scratch, totals, t->stride);
        }
    }
}

/* The memo slot of a piece of at most MEMO_SPAN bytes, filled. */
static const MemoSlot *
piece_slot (LangDetector *d, const char *p, gsize len, const guint16 **sum)
{
  const LangModel *m = d->model;
  gboolean ascii;
  guint64 key = span_key ((const guchar *) p, len, &ascii);
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> (64 - MEMO_BITS));
  MemoSlot *slot = &d->memo[i];
  guint16 *s = d->memo_sums + i * d->memo_lanes;

  if (slot->key != key)
    {
      gsize letters = len, known, n;
      guint script = LANG_SCRIPT_LATIN;
      const LangTable *t;

      n = ascii ? normalise_ascii (d, p, len, &known)
                : normalise (d, p, len, &letters, &known, &script);
      t = &m->tables[script];

      if (t->bits != 0)
        {
          LangGrams st;
          lang_grams_init (&st);
          lang_grams_push (&st, LANG_BOUNDARY);
          d->sum (t, m->orders, &st, d->symbols, n, s);
        }
      slot->key = key;
      slot->letters = (guint16) letters;
      slot->known = (guint16) known;
      slot->script = (guint8) script;
    }
  *sum = s;
  return slot;
}

static inline gboolean
allowed_lane (guint64 allowed, guint lane)
{
  return allowed == 0 || (allowed >> lane & 1);
}

/* A lane's score: its penalties (none without a table), its bias, less
 * the head start of a preferred lane. */
static inline gint64
lane_score (const LangModel *m, const LangTable *t, const guint32 *totals,
            guint i, const LangDetectOptions *o)
{
  guint lane = t->lanes[i];
  gint64 v = (t->bits ? (gint64) totals[i] : 0) + m->bias[lane];

  if (o->prefer >> lane & 1)
    v -= (gint64) (o->prefer_nats * m->scale);
  return v;
}

/* The best allowed lane of script table @t's @totals and the best one of
 * another language. */
static void
rank (const LangModel *m, const LangTable *t, const guint32 *totals,
      const LangDetectOptions *o, int *best, int *second, gint64 *best_score,
      gint64 *second_score)
{
  gint64 b = G_MAXINT64, s = G_MAXINT64, v[LANG_MAX_LANGS];
  int bi = -1, si = -1;
  guint64 allowed = o->allowed;

  for (guint i = 0; i < t->n_lanes; i++)
    {
      guint lane = t->lanes[i];
      v[i] = lane_score (m, t, totals, i, o);
      if (allowed_lane (allowed, lane) && v[i] < b)
        b = v[i], bi = (int) lane;
    }
  for (guint i = 0; bi >= 0 && i < t->n_lanes; i++)
    {
      guint lane = t->lanes[i];
      if (allowed_lane (allowed, lane) && m->lang_of[lane] != m->lang_of[bi] && v[i] < s)
        s = v[i], si = (int) lane;
    }
  *best = bi, *second = si;
  *best_score = b, *second_score = s;
}

/* The best lane's language's share of exp(-score / (scale * temperature));
 * lanes more than 25 such units behind add nothing measurable. */
static double
confidence (const LangModel *m, const LangTable *t, const guint32 *totals,
            const LangDetectOptions *o, int best, gint64 best_score)
{
  double all = 0, same = 0, unit = m->scale * m->temperature;
  gint64 far = (gint64) (25 * unit);

  for (guint i = 0; i < t->n_lanes; i++)
    {
      guint lane = t->lanes[i];
      gint64 d = lane_score (m, t, totals, i, o) - best_score;
      if (allowed_lane (o->allowed, lane) && d < far)
        {
          double e = exp (-(double) d / unit);
          all += e;
          if (m->lang_of[lane] == m->lang_of[best])
            same += e;
        }
    }
  return all > 0 ? same / all : 0.0;
}

void
lang_detector_guess (LangDetector *d, const LangDetectOptions *options,
                     const char *text, gsize len, LangGuess *guess)
{
  const LangModel *m = d->model;
  Scores sc;
  const LangTable *table;
  const guint32 *totals;
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
              const MemoSlot *slot = piece_slot (d, text + start, end - start, &sum);
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
      if (pos >= next_check && !options->read_all)
        {
          int bi, si;
          main = scores_main (&sc);
          table = &m->tables[main];
          rank (m, table, scores_of (&sc, main, table->stride), options,
                &bi, &si, &b, &s);
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
  totals = scores_of (&sc, main, table->stride);
  rank (m, table, totals, options, &guess->best, &guess->second, &b, &s);
  guess->confidence = guess->best >= 0
                      ? confidence (m, table, totals, options, guess->best, b) : 0;
  guess->lang = guess->best;
  if (letters < MAX (options->min_letters, 1) || known * 2 < letters
      || guess->confidence < options->min_confidence)
    guess->lang = -1;
}
