/* lang-detect.c — scoring a text against every language at once.
 *
 * A text's score in a language is the sum over its words of the word's
 * score (n-grams stay inside words, lang-features.h).  A word's score
 * is one table row (a penalty byte per language) per n-gram, added into
 * 16-bit lanes: with 64 languages a row is one cache line and a few
 * vector additions.  The text is read span by span, a span being the
 * bytes between two ASCII non-letters (a word, or a few words glued by
 * non-ASCII punctuation): its sum depends on nothing else.  News is
 * Zipfian, so each detector remembers the sums of the spans it met last
 * in a small direct-mapped memo, keyed by the span's bytes: a span met
 * again is never even normalised, it costs a hash and one addition.  Vector kernels: AVX-512
 * and AVX2 chosen at run time on x86-64, SSE2 otherwise there, a plain
 * loop elsewhere.
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
 * LANG_MAX_ORDER n-grams each, 255 at most per n-gram.  Spans of at most
 * MEMO_SPAN bytes (so at most that many symbols) are remembered; longer
 * ones (ideographs have no spaces) are added LANG_SUM_MAX symbols at a
 * time. */
#define LANG_SUM_MAX 48
G_STATIC_ASSERT ((LANG_SUM_MAX + 1) * LANG_MAX_ORDER * 255 < 65536);
#define MEMO_SPAN LANG_SUM_MAX
#define MEMO_BITS 12

/* Long spans are normalised this many bytes at a time. */
#define PIECE_BYTES 1024

/* Adds the n-grams ending at @n symbols to @sum (16-bit lanes), after
 * zeroing it, continuing the state @st. */
typedef void (*SumFunc) (const LangModel *m, LangGrams *st, const guint32 *sym,
                         gsize n, guint16 *sum);
/* totals[l] += sum[l] for every lane of the model. */
typedef void (*AddFunc) (const guint16 *sum, guint32 *totals, guint stride);

typedef struct {
  guint64 key;                   /* 0: empty */
  guint16 letters;
  guint16 known;
  guint8  script;                /* LangScript of most of its letters */
} MemoSlot;

/* The totals of each script a text uses: a text is judged by its main
 * script's (lang-text.h); a fifth script shares the fourth's totals. */
#define MAX_SCRIPTS 4
typedef struct {
  guint32 totals[MAX_SCRIPTS][LANG_MAX_LANGS] __attribute__ ((aligned (64)));
  guint8  script[MAX_SCRIPTS];
  guint   n;
  gsize   letters[LANG_N_SCRIPTS];
} Scores;

/* A letter's weight in choosing the main script: an ideograph or a
 * syllable block says as much as a short word. */
static inline gsize
script_weight (guint script, gsize letters)
{
  return script == LANG_SCRIPT_CJK ? 3 * letters : letters;
}

static guint32 *
scores_for (Scores *sc, LangScript script)
{
  for (guint i = 0; i < sc->n; i++)
    if (sc->script[i] == script)
      return sc->totals[i];
  if (sc->n == MAX_SCRIPTS)
    return sc->totals[MAX_SCRIPTS - 1];
  memset (sc->totals[sc->n], 0, sizeof sc->totals[0]);
  sc->script[sc->n] = (guint8) script;
  return sc->totals[sc->n++];
}

/* The totals of the script with the most letters so far. */
static const guint32 *
scores_main (Scores *sc)
{
  LangScript best = LANG_SCRIPT_LATIN;

  for (guint s = 1; s < LANG_N_SCRIPTS; s++)
    if (sc->letters[s] > sc->letters[best])
      best = (LangScript) s;
  return sc->n > 0 ? scores_for (sc, best) : NULL;
}

static LangScript
main_script (const guint32 *sym, gsize n)
{
  guint count[LANG_N_SCRIPTS] = { 0 };
  LangScript best = LANG_SCRIPT_LATIN;

  for (gsize i = 0; i < n; i++)
    if (sym[i] != LANG_BOUNDARY)
      count[lang_text_script (sym[i])]++;
  for (guint s = 1; s < LANG_N_SCRIPTS; s++)
    if (count[s] > count[best])
      best = (LangScript) s;
  return best;
}

struct _LangDetector {
  const LangModel *model;
  SumFunc          sum;
  AddFunc          add;
  guint32         *symbols;      /* PIECE_BYTES + 2 */
  MemoSlot        *memo;
  guint16         *memo_sums;    /* stride lanes per slot */
  guint16         *scratch;      /* stride lanes */
};

/* The n-grams ending at each of @n symbols, one row each: ADD (k, r)
 * for order k and row r; ROW (r) is the row's bytes.  The gram state is
 * a local copy, kept in registers. */
#define FOR_EACH_ROW(m, st, sym, n, ADD)                                    \
  do {                                                                      \
    const guint8 *rows_ = (m)->rows;                                        \
    const guint bits_ = (m)->bits, orders_ = (m)->orders;                   \
    const gsize stride_ = (m)->stride;                                      \
    LangGrams g_ = *(st);                                                   \
    for (gsize i_ = 0; i_ < (n); i_++)                                      \
      {                                                                     \
        lang_grams_push (&g_, (sym)[i_]);                                   \
        LANG_FOR_EACH_GRAM (g_, orders_, bits_, ADD);                       \
      }                                                                     \
    *(st) = g_;                                                             \
  } while (0)
#define ROW(r) (rows_ + (gsize) (r) * stride_)

static void
sum_generic (const LangModel *m, LangGrams *st, const guint32 *sym, gsize n,
             guint16 *sum)
{
  const guint w = m->stride;

  memset (sum, 0, w * sizeof (guint16));
#define ADD_GENERIC(k, r) for (guint l = 0; l < w; l++) sum[l] += ROW (r)[l]
  FOR_EACH_ROW (m, st, sym, n, ADD_GENERIC);
#undef ADD_GENERIC
}

static void
add_generic (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l++)
    totals[l] += sum[l];
}

#ifdef LANG_X86
/* SSE2: bytes widened by interleaving with zero. */
#define ADD16_SSE2(a_lo, a_hi, p)                                           \
  do {                                                                      \
    __m128i x_ = _mm_load_si128 ((const __m128i *) (gconstpointer) (p));    \
    a_lo = _mm_add_epi16 (a_lo, _mm_unpacklo_epi8 (x_, zero));              \
    a_hi = _mm_add_epi16 (a_hi, _mm_unpackhi_epi8 (x_, zero));              \
  } while (0)

static void
sum_sse2 (const LangModel *m, LangGrams *st, const guint32 *sym, gsize n,
          guint16 *sum)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint part = 0; part < m->stride; part += 32)
    {
      __m128i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
      LangGrams s = *st;
#define ADD(k, r) do { ADD16_SSE2 (a0, a1, ROW (r) + part); \
                       ADD16_SSE2 (a2, a3, ROW (r) + part + 16); } while (0)
      FOR_EACH_ROW (m, &s, sym, n, ADD);
#undef ADD
      _mm_store_si128 ((__m128i *) (gpointer) (sum + part), a0);
      _mm_store_si128 ((__m128i *) (gpointer) (sum + part + 8), a1);
      _mm_store_si128 ((__m128i *) (gpointer) (sum + part + 16), a2);
      _mm_store_si128 ((__m128i *) (gpointer) (sum + part + 24), a3);
      if (part + 32 >= m->stride)
        *st = s;
    }
}

static void
add_sse2 (const guint16 *sum, guint32 *totals, guint stride)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint l = 0; l < stride; l += 8)
    {
      __m128i x = _mm_load_si128 ((const __m128i *) (gconstpointer) (sum + l));
      __m128i *t = (__m128i *) (gpointer) (totals + l);
      _mm_store_si128 (t, _mm_add_epi32 (_mm_load_si128 (t), _mm_unpacklo_epi16 (x, zero)));
      _mm_store_si128 (t + 1, _mm_add_epi32 (_mm_load_si128 (t + 1), _mm_unpackhi_epi16 (x, zero)));
    }
}

#define ADD16_AVX2(a, p) \
  a = _mm256_add_epi16 (a, _mm256_cvtepu8_epi16 (_mm_load_si128 ((const __m128i *) (gconstpointer) (p))))

__attribute__ ((target ("avx2"))) static void
sum_avx2 (const LangModel *m, LangGrams *st, const guint32 *sym, gsize n,
          guint16 *sum)
{
  __m256i a0 = _mm256_setzero_si256 (), a1 = a0, a2 = a0, a3 = a0;

  if (m->stride == 32)
    {
#define ADD(k, r) do { ADD16_AVX2 (a0, ROW (r)); ADD16_AVX2 (a1, ROW (r) + 16); } while (0)
      FOR_EACH_ROW (m, st, sym, n, ADD);
#undef ADD
    }
  else
    {
#define ADD(k, r) do { ADD16_AVX2 (a0, ROW (r)); ADD16_AVX2 (a1, ROW (r) + 16); \
                       ADD16_AVX2 (a2, ROW (r) + 32); ADD16_AVX2 (a3, ROW (r) + 48); } while (0)
      FOR_EACH_ROW (m, st, sym, n, ADD);
#undef ADD
      _mm256_store_si256 ((__m256i *) (gpointer) (sum + 32), a2);
      _mm256_store_si256 ((__m256i *) (gpointer) (sum + 48), a3);
    }
  _mm256_store_si256 ((__m256i *) (gpointer) sum, a0);
  _mm256_store_si256 ((__m256i *) (gpointer) (sum + 16), a1);
}

__attribute__ ((target ("avx2"))) static void
add_avx2 (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l += 8)
    {
      __m256i *t = (__m256i *) (gpointer) (totals + l);
      __m256i x = _mm256_cvtepu16_epi32 (_mm_load_si128 ((const __m128i *) (gconstpointer) (sum + l)));
      _mm256_store_si256 (t, _mm256_add_epi32 (_mm256_load_si256 (t), x));
    }
}

#define ADD32_AVX512(a, p) \
  a = _mm512_add_epi16 (a, _mm512_cvtepu8_epi16 (_mm256_load_si256 ((const __m256i *) (gconstpointer) (p))))

__attribute__ ((target ("avx512bw"))) static void
sum_avx512 (const LangModel *m, LangGrams *st, const guint32 *sym, gsize n,
            guint16 *sum)
{
  __m512i a0 = _mm512_setzero_si512 (), a1 = a0;

  if (m->stride == 32)
    {
#define ADD(k, r) ADD32_AVX512 (a0, ROW (r))
      FOR_EACH_ROW (m, st, sym, n, ADD);
#undef ADD
    }
  else
    {
#define ADD(k, r) do { ADD32_AVX512 (a0, ROW (r)); ADD32_AVX512 (a1, ROW (r) + 32); } while (0)
      FOR_EACH_ROW (m, st, sym, n, ADD);
#undef ADD
      _mm512_store_si512 ((void *) (sum + 32), a1);
    }
  _mm512_store_si512 ((void *) sum, a0);
}

__attribute__ ((target ("avx512bw"))) static void
add_avx512 (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l += 16)
    {
      void *t = totals + l;
      __m512i x = _mm512_cvtepu16_epi32 (_mm256_load_si256 ((const __m256i *) (gconstpointer) (sum + l)));
      _mm512_store_si512 (t, _mm512_add_epi32 (_mm512_load_si512 (t), x));
    }
}
#endif

LangDetector *
lang_detector_new (const LangModel *model)
{
  LangDetector *d = g_new0 (LangDetector, 1);
  gsize slots = (gsize) 1 << MEMO_BITS;

  d->model = model;
  d->sum = sum_generic;
  d->add = add_generic;
#ifdef LANG_X86
  if (__builtin_cpu_supports ("avx512bw"))
    d->sum = sum_avx512, d->add = add_avx512;
  else if (__builtin_cpu_supports ("avx2"))
    d->sum = sum_avx2, d->add = add_avx2;
  else
    d->sum = sum_sse2, d->add = add_sse2;
#endif
  d->symbols = g_new (guint32, PIECE_BYTES + 2);
  d->memo = g_new0 (MemoSlot, slots);
  d->memo_sums = g_aligned_alloc (slots * model->stride, sizeof (guint16), 64);
  d->scratch = g_aligned_alloc (model->stride, sizeof (guint16), 64);
  return d;
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

/* A span's key: its bytes with ASCII letters lower-cased (every ASCII
 * byte of a span is a letter), hashed eight at a time; never 0. */
static inline guint64
span_key (const guchar *p, gsize len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;

  for (gsize i = 0; i < len; i += 8)
    {
      guint64 x = 0;
      memcpy (&x, p + i, MIN (8, len - i));
      x |= (~x & high) >> 2;
      h = (h ^ x) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 29;
    }
  return h | 1;
}

/* Adds the n-grams of the span @p (@len bytes, between ASCII non-letters
 * or the ends of the text) to @totals, and counts its letters. */
static void
add_long_span (LangDetector *d, const char *p, gsize len, Scores *sc,
               gsize *letters, gsize *known)
{
  const LangModel *m = d->model;
  guint32 last = LANG_BOUNDARY;
  LangGrams st;

  lang_grams_init (&st);
  lang_grams_push (&st, LANG_BOUNDARY);
  for (gsize pos = 0; pos < len; )
    {
      gsize piece = lang_text_cut (p + pos, len - pos, PIECE_BYTES);
      gsize before = *letters;
      gsize n = lang_text_normalize_piece (p + pos, piece, &last, d->symbols,
                                           letters, m->known, known);
      LangScript script = main_script (d->symbols, n);
      guint32 *totals = scores_for (sc, script);

      sc->letters[script] += script_weight (script, *letters - before);
      pos += piece;
      if (pos == len && last != LANG_BOUNDARY)
        d->symbols[n++] = LANG_BOUNDARY;
      for (gsize i = 0; i < n; i += LANG_SUM_MAX)
        {
          d->sum (m, &st, d->symbols + i, MIN (LANG_SUM_MAX, n - i), d->scratch);
          d->add (d->scratch, totals, m->stride);
        }
    }
}

/* The memo slot of a span of at most MEMO_SPAN bytes, filled. */
static const MemoSlot *
span_slot (LangDetector *d, const char *p, gsize len, const guint16 **sum)
{
  const LangModel *m = d->model;
  guint64 key = span_key ((const guchar *) p, len);
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> (64 - MEMO_BITS));
  MemoSlot *slot = &d->memo[i];
  guint16 *s = d->memo_sums + i * m->stride;

  if (slot->key != key)
    {
      guint32 last = LANG_BOUNDARY;
      gsize letters = 0, known = 0, n;
      LangGrams st;

      n = lang_text_normalize_piece (p, len, &last, d->symbols, &letters,
                                     m->known, &known);
      if (last != LANG_BOUNDARY)
        d->symbols[n++] = LANG_BOUNDARY;
      lang_grams_init (&st);
      lang_grams_push (&st, LANG_BOUNDARY);
      d->sum (m, &st, d->symbols, n, s);
      slot->key = key;
      slot->letters = (guint16) letters;
      slot->known = (guint16) known;
      slot->script = (guint8) main_script (d->symbols, n);
    }
  *sum = s;
  return slot;
}

/* The best allowed lane of @totals (with the bias) and the best one of
 * another language. */
static void
rank (const LangModel *m, const guint32 *totals, guint64 allowed,
      int *best, int *second, gint64 *best_score, gint64 *second_score)
{
  gint64 b = G_MAXINT64, s = G_MAXINT64, v[LANG_MAX_LANGS];
  int bi = -1, si = -1;

  for (guint l = 0; l < m->n_langs; l++)
    {
      v[l] = (gint64) totals[l] + m->bias[l];
      if ((allowed == 0 || (allowed >> l & 1)) && v[l] < b)
        b = v[l], bi = (int) l;
    }
  for (guint l = 0; bi >= 0 && l < m->n_langs; l++)
    if ((allowed == 0 || (allowed >> l & 1)) && m->lang_of[l] != m->lang_of[bi]
        && v[l] < s)
      s = v[l], si = (int) l;
  *best = bi, *second = si;
  *best_score = b, *second_score = s;
}

/* The best lane's language's share of exp(-score / (scale * temperature));
 * lanes more than 25 such units behind add nothing measurable. */
static double
confidence (const LangModel *m, const guint32 *totals, guint64 allowed,
            int best, gint64 best_score)
{
  double all = 0, same = 0, unit = m->scale * m->temperature;
  gint64 far = (gint64) (25 * unit);

  for (guint l = 0; l < m->n_langs; l++)
    if (allowed == 0 || (allowed >> l & 1))
      {
        gint64 d = (gint64) totals[l] + m->bias[l] - best_score;
        if (d < far)
          {
            double e = exp (-(double) d / unit);
            all += e;
            if (m->lang_of[l] == m->lang_of[best])
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
  const guchar *t = (const guchar *) text;
  Scores sc;
  const guint32 *totals;
  gsize pos = 0, letters = 0, known = 0, next_check = LANG_EARLY_BYTES;
  gint64 b, s;
  const double early = LANG_EARLY_NATS * m->scale;

  sc.n = 0;
  memset (sc.letters, 0, sizeof sc.letters);
  while (pos < len)
    {
      gsize start;

      while (pos < len && lang_text_ascii_separator[t[pos]])
        pos++;
      start = pos;
      while (pos < len && !lang_text_ascii_separator[t[pos]])
        pos++;
      if (pos == start)
        break;
      if (pos - start <= MEMO_SPAN)
        {
          const guint16 *sum;
          const MemoSlot *slot = span_slot (d, text + start, pos - start, &sum);
          if (slot->letters > 0)
            {
              d->add (sum, scores_for (&sc, (LangScript) slot->script), m->stride);
              sc.letters[slot->script] += script_weight (slot->script, slot->letters);
            }
          letters += slot->letters;
          known += slot->known;
        }
      else
        add_long_span (d, text + start, pos - start, &sc, &letters, &known);
      if (pos >= next_check && !options->read_all)
        {
          int bi, si;
          rank (m, scores_main (&sc), options->allowed, &bi, &si, &b, &s);
          if (si >= 0 && (double) (s - b) >= early)
            break;
          next_check = pos + LANG_EARLY_STEP;
        }
    }
  guess->bytes_read = MIN (pos, len);
  guess->n_letters = letters;
  guess->n_known = known;
  totals = scores_main (&sc);
  if (totals == NULL)
    {
      guess->lang = guess->best = guess->second = -1;
      guess->confidence = 0;
      return;
    }
  rank (m, totals, options->allowed, &guess->best, &guess->second, &b, &s);
  guess->confidence = guess->best >= 0
                      ? confidence (m, totals, options->allowed, guess->best, b) : 0;
  guess->lang = guess->best;
  if (letters < MAX (options->min_letters, 1) || known * 2 < letters
      || guess->confidence < options->min_confidence)
    guess->lang = -1;
}
