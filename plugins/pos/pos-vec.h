/* pos-vec.h — the tagger's sums over labels, written with the compiler's
 * vector extensions (GCC, Clang) so that they are vector code at any
 * optimisation level: SSE2 on x86-64, NEON on ARM, plain code elsewhere.
 * Lengths are multiples of 16 (a model's stride).
 */
#ifndef POS_VEC_H
#define POS_VEC_H

#include <string.h>
#include <glib.h>
#if defined (__SSE2__)
#include <emmintrin.h>
#endif

typedef gint16 PosV4h __attribute__ ((vector_size (8)));
typedef gint32 PosV4i __attribute__ ((vector_size (16)));

/* @acc[0..n) += @row[0..n), the 16-bit weights widened. */
static inline void
pos_vec_add_i16 (gint32 *acc, const gint16 *row, guint n)
{
  for (guint l = 0; l < n; l += 4)
    {
      PosV4h w;
      PosV4i a;
      memcpy (&w, row + l, sizeof w);
      memcpy (&a, acc + l, sizeof a);
      a += __builtin_convertvector (w, PosV4i);
      memcpy (acc + l, &a, sizeof a);
    }
}

/* @acc[0..n) += @row[0..n), both 16 bits, saturating (a sum that
 * large decides the word whatever the clamp). */
static inline void
pos_vec_adds_i16 (gint16 *acc, const gint16 *row, guint n)
{
#if defined (__SSE2__)
  for (guint l = 0; l < n; l += 8)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *) (const void *) (acc + l));
      __m128i b = _mm_loadu_si128 ((const __m128i *) (const void *) (row + l));
      _mm_storeu_si128 ((__m128i *) (void *) (acc + l), _mm_adds_epi16 (a, b));
    }
#else
  for (guint l = 0; l < n; l++)
    acc[l] = (gint16) CLAMP ((gint32) acc[l] + row[l], G_MININT16, G_MAXINT16);
#endif
}

/* @out[0..n) = @v[0..n), widened to 32 bits (n > 0). */
static inline void
pos_vec_widen_i16 (gint32 *out, const gint16 *v, guint n)
{
  guint l = 0;

  do                            /* at least once: the compiler sees out[0..4) set */
    {
      PosV4h w;
      PosV4i a;
      memcpy (&w, v + l, sizeof w);
      a = __builtin_convertvector (w, PosV4i);
      memcpy (out + l, &a, sizeof a);
      l += 4;
    }
  while (l < n);
}

/* @acc[0..n) += @row[0..n). */
static inline void
pos_vec_add_i32 (gint32 *acc, const gint32 *row, guint n)
{
  for (guint l = 0; l < n; l += 4)
    {
      PosV4i a, b;
      memcpy (&a, acc + l, sizeof a);
      memcpy (&b, row + l, sizeof b);
      a += b;
      memcpy (acc + l, &a, sizeof a);
    }
}

/* @out[0..n) = @v[0..n) clamped to 16 bits. */
static inline void
pos_vec_store_i16 (gint16 *out, const gint32 *v, guint n)
{
  const PosV4i lo = { G_MININT16, G_MININT16, G_MININT16, G_MININT16 };
  const PosV4i hi = { G_MAXINT16, G_MAXINT16, G_MAXINT16, G_MAXINT16 };

  for (guint l = 0; l < n; l += 4)
    {
      PosV4i a, m;
      PosV4h h;
      memcpy (&a, v + l, sizeof a);
      m = a < lo;
      a = (a & ~m) | (lo & m);
      m = a > hi;
      a = (a & ~m) | (hi & m);
      h = __builtin_convertvector (a, PosV4h);
      memcpy (out + l, &h, sizeof h);
    }
}

/* The index of the first maximum of @v[0..n). */
static inline guint
pos_vec_argmax (const gint32 *v, guint n)
{
  PosV4i m;
  gint32 lanes[4], max;
  guint i = 0;

  memcpy (&m, v, sizeof m);
  for (guint l = 4; l < n; l += 4)
    {
      PosV4i a, gt;
      memcpy (&a, v + l, sizeof a);
      gt = a > m;
      m = (a & gt) | (m & ~gt);
    }
  memcpy (lanes, &m, sizeof lanes);
  max = MAX (MAX (lanes[0], lanes[1]), MAX (lanes[2], lanes[3]));
  while (v[i] != max)
    i++;
  return i;
}

/* The index of the first maximum of @v[0..n), and in *@margin how far
 * the best other value is below it (0 when the maximum is there twice). */
static inline guint
pos_vec_argmax_margin (const gint32 *v, guint n, gint32 *margin)
{
  guint best = pos_vec_argmax (v, n), ties = 0;
  PosV4i m = { G_MININT32, G_MININT32, G_MININT32, G_MININT32 }, top;
  gint32 lanes[4], second;

  top = (PosV4i) { v[best], v[best], v[best], v[best] };
  for (guint l = 0; l < n; l += 4)
    {
      PosV4i a, eq, gt;
      memcpy (&a, v + l, sizeof a);
      eq = a == top;
      a = (a & ~eq) | ((PosV4i) { G_MININT32, G_MININT32, G_MININT32, G_MININT32 } & eq);
      gt = a > m;
      m = (a & gt) | (m & ~gt);
      memcpy (lanes, &eq, sizeof lanes);
      ties += (lanes[0] != 0) + (lanes[1] != 0) + (lanes[2] != 0) + (lanes[3] != 0);
    }
  memcpy (lanes, &m, sizeof lanes);
  second = MAX (MAX (lanes[0], lanes[1]), MAX (lanes[2], lanes[3]));
  *margin = ties > 1 ? 0 : v[best] - second;
  return best;
}

#endif
