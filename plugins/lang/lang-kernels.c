/* lang-kernels.c — the detector's vector kernels (lang-kernels.h).
 *
 * A row is widened from bytes to 16-bit lanes and added into
 * accumulators that stay in registers for the whole piece: one per 16
 * lanes with AVX2 (rows of 16 to 64 lanes are a switch case each, so the
 * loop holds no loop over lanes), one per 32 with AVX-512.
 */
#include <string.h>
#include "lang-kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LANG_X86 1
#endif

static void
sum_generic (const guint8 *rows, guint stride, const guint32 *offsets, gsize n,
             guint16 *sum)
{
  memset (sum, 0, stride * sizeof (guint16));
  for (gsize j = 0; j < n; j++)
    {
      const guint8 *row = rows + offsets[j];
      for (guint l = 0; l < stride; l++)
        sum[l] += row[l];
    }
}

static void
add_generic (const guint16 *sum, guint32 *totals, guint stride)
{
  for (guint l = 0; l < stride; l++)
    totals[l] += sum[l];
}

#ifdef LANG_X86
#define LOAD16(p) _mm_loadu_si128 ((const __m128i *) (gconstpointer) (p))

/* SSE2: 16 lanes at a time, bytes widened by interleaving with zero. */
static void
sum_sse2 (const guint8 *rows, guint stride, const guint32 *offsets, gsize n,
          guint16 *sum)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint part = 0; part < stride; part += 16)
    {
      __m128i lo = zero, hi = zero;
      for (gsize j = 0; j < n; j++)
        {
          __m128i x = LOAD16 (rows + offsets[j] + part);
          lo = _mm_add_epi16 (lo, _mm_unpacklo_epi8 (x, zero));
          hi = _mm_add_epi16 (hi, _mm_unpackhi_epi8 (x, zero));
        }
      _mm_storeu_si128 ((__m128i *) (gpointer) (sum + part), lo);
      _mm_storeu_si128 ((__m128i *) (gpointer) (sum + part + 8), hi);
    }
}

static void
add_sse2 (const guint16 *sum, guint32 *totals, guint stride)
{
  const __m128i zero = _mm_setzero_si128 ();

  for (guint l = 0; l < stride; l += 8)
    {
      __m128i x = LOAD16 (sum + l);
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
      __m256i x = _mm256_cvtepu16_epi32 (LOAD16 (sum + l));
      _mm256_store_si256 (t, _mm256_add_epi32 (_mm256_load_si256 (t), x));
    }
}

#define ADD16_AVX2(a, p) a = _mm256_add_epi16 (a, _mm256_cvtepu8_epi16 (LOAD16 (p)))
#define STORE_AVX2(p, a) _mm256_storeu_si256 ((__m256i *) (gpointer) (p), a)
/* for each row r of the piece: BODY */
#define FOR_EACH_ROW(BODY)                                                  \
  for (gsize j_ = 0; j_ < n; j_++)                                          \
    {                                                                       \
      const guint8 *r = rows + offsets[j_];                                 \
      BODY;                                                                 \
    }

/* AVX2: a 16-lane accumulator per 16 bytes of row, up to four. */
__attribute__ ((target ("avx2"))) static void
sum_avx2 (const guint8 *rows, guint stride, const guint32 *offsets, gsize n,
          guint16 *sum)
{
  __m256i a0 = _mm256_setzero_si256 (), a1 = a0, a2 = a0, a3 = a0;

  switch (stride)
    {
    case 16:
      FOR_EACH_ROW (ADD16_AVX2 (a0, r));
      break;
    case 32:
      FOR_EACH_ROW (ADD16_AVX2 (a0, r); ADD16_AVX2 (a1, r + 16));
      STORE_AVX2 (sum + 16, a1);
      break;
    case 48:
      FOR_EACH_ROW (ADD16_AVX2 (a0, r); ADD16_AVX2 (a1, r + 16); ADD16_AVX2 (a2, r + 32));
      STORE_AVX2 (sum + 16, a1);
      STORE_AVX2 (sum + 32, a2);
      break;
    default:
      FOR_EACH_ROW (ADD16_AVX2 (a0, r); ADD16_AVX2 (a1, r + 16); ADD16_AVX2 (a2, r + 32);
                    ADD16_AVX2 (a3, r + 48));
      STORE_AVX2 (sum + 16, a1);
      STORE_AVX2 (sum + 32, a2);
      STORE_AVX2 (sum + 48, a3);
      break;
    }
  STORE_AVX2 (sum, a0);
}

#define ADD32_AVX512(a, p) \
  a = _mm512_add_epi16 (a, _mm512_cvtepu8_epi16 (_mm256_loadu_si256 ((const __m256i *) (gconstpointer) (p))))

/* AVX-512: rows of 32 lanes or more take one or two 32-lane additions
 * (and a 16-lane one for 48); rows of 16 are AVX2's. */
__attribute__ ((target ("avx512bw"))) static void
sum_avx512 (const guint8 *rows, guint stride, const guint32 *offsets, gsize n,
            guint16 *sum)
{
  __m512i a0 = _mm512_setzero_si512 (), a1 = a0;
  __m256i b = _mm256_setzero_si256 ();

  switch (stride)
    {
    case 16:
      sum_avx2 (rows, stride, offsets, n, sum);
      return;
    case 32:
      FOR_EACH_ROW (ADD32_AVX512 (a0, r));
      break;
    case 48:
      FOR_EACH_ROW (ADD32_AVX512 (a0, r); ADD16_AVX2 (b, r + 32));
      STORE_AVX2 (sum + 32, b);
      break;
    default:
      FOR_EACH_ROW (ADD32_AVX512 (a0, r); ADD32_AVX512 (a1, r + 32));
      _mm512_storeu_si512 ((void *) (sum + 32), a1);
      break;
    }
  _mm512_storeu_si512 ((void *) sum, a0);
}
#endif

gboolean
lang_kernels_pick (const char *name, LangSumFunc *sum, LangAddFunc *add)
{
  *sum = sum_generic, *add = add_generic;
#ifdef LANG_X86
  if (name == NULL)
    {
      if (__builtin_cpu_supports ("avx512bw"))
        *sum = sum_avx512, *add = add_avx2;
      else if (__builtin_cpu_supports ("avx2"))
        *sum = sum_avx2, *add = add_avx2;
      else
        *sum = sum_sse2, *add = add_sse2;
      return TRUE;
    }
  if (strcmp (name, "sse2") == 0)
    {
      *sum = sum_sse2, *add = add_sse2;
      return TRUE;
    }
  if (strcmp (name, "avx2") == 0 && __builtin_cpu_supports ("avx2"))
    {
      *sum = sum_avx2, *add = add_avx2;
      return TRUE;
    }
  if (strcmp (name, "avx512") == 0 && __builtin_cpu_supports ("avx512bw"))
    {
      *sum = sum_avx512, *add = add_avx2;
      return TRUE;
    }
#endif
  return name == NULL || strcmp (name, "generic") == 0;
}
