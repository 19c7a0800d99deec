/* nlp-dtoa.c — doubles as JSON numbers (see nlp-dtoa-private.h).
 *
 * The fast path rounds |value| to 15 (or 17) significant digits as one
 * product value × 10^p in x87 extended precision: 10^p is exact there for
 * |p| <= 27 and the product is rounded once, so its error is at most half
 * a unit in the 64th bit — under 0.004 of the last digit even for 17
 * digits.  Unless the product lies within 1/64 of a rounding tie, rounding
 * it gives the digits printf would.  The "does %.15g read back" question is
 * answered exactly too: digits × 10^q with digits < 2^53 and |q| <= 22 is
 * one correctly rounded double operation, as strtod's result is.  Anything
 * else (ties, very large or small magnitudes, platforms without extended
 * precision) goes through printf as before.  nlp__dtoa_fixed ("%+.4f")
 * rounds value × 10^decimals the same way.
 */
#include <float.h>
#include <math.h>
#include <string.h>
#include "nlp-dtoa-private.h"
#include "nlp-json-out-private.h"

/* x86-64: long double is the x87 80-bit format (its integer bits are read
 * directly below) and double arithmetic is done in double (SSE2). */
#if defined (__x86_64__) && LDBL_MANT_DIG == 64 && FLT_EVAL_METHOD == 0
#define FAST_PATH 1
#else
#define FAST_PATH 0
#endif

gsize
nlp__dtoa_printf (double value, char *buf)
{
  if (!isfinite (value))
    {
      memcpy (buf, "null", 5);
      return 4;
    }
  /* %.15g reads back exactly for most values and stays short (0.4404,
   * not 0.44040000000000001); fall back to 17 digits when it does not. */
  g_ascii_formatd (buf, NLP_DTOA_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, NLP_DTOA_BUF_SIZE, "%.17g", value);
  return strlen (buf);
}

gsize
nlp__dtoa_fixed_printf (double value, int decimals, gboolean plus, char *buf)
{
  return g_snprintf (buf, NLP_DTOA_FIXED_BUF_SIZE, plus ? "%+.*f" : "%.*f", decimals, value);
}

#if FAST_PATH

#define MAX_POW10_LD 27        /* 10^27 = 2^27 × 5^27, and 5^27 < 2^64 */
#define MAX_POW10_D  22        /* 5^22 < 2^53 */

static const long double pow10_ld[MAX_POW10_LD + 1] = {
  1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L,
  1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L,
  1e24L, 1e25L, 1e26L, 1e27L
};

static const double pow10_d[MAX_POW10_D + 1] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
  1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* Rounds @a (finite, > 0) to @prec (<= 17) significant digits: *digits in
 * [10^(prec-1), 10^prec), *exp10 the decimal exponent of the first digit.
 * FALSE when the rounding cannot be trusted (see the top of the file). */
static gboolean
round_digits (double a, int prec, guint64 *digits, int *exp10)
{
  guint64 bits;
  int e;

  /* the binary exponent times log10(2) (78913 / 2^18) is the decimal one
   * or one less; the loop corrects it.  Subnormals get an exponent far
   * out of the tables' range: printf takes them. */
  memcpy (&bits, &a, sizeof bits);
  e = (((int) (bits >> 52) & 0x7ff) - 1023) * 78913 >> 18;
  for (int tries = 0; tries < 3; tries++)
    {
      int p = prec - 1 - e;
      long double m, r, frac;
      guint64 d;

      if (p < -MAX_POW10_LD || p > MAX_POW10_LD)
        return FALSE;
      m = p >= 0 ? (long double) a * pow10_ld[p] : (long double) a / pow10_ld[-p];
      /* near these bounds the product's error cannot change the result:
       * just below 10^(prec-1) rounds to it, just below 10^prec rounds to
       * 10^prec, i.e. 10^(prec-1) one exponent up, either way */
      if (m < pow10_ld[prec - 1])
        {
          e--;
          continue;
        }
      if (m >= pow10_ld[prec])
        {
          e++;
          continue;
        }
      /* m + 2^63 rounds m to an integer (the unit of the 64-bit mantissa
       * there is 1) whose mantissa bits read as 2^63 + round (m): no
       * conversion instruction, which on x87 means switching the
       * rounding mode twice */
      r = m + 0x1p63L;
      memcpy (&d, &r, sizeof d);
      d -= G_GUINT64_CONSTANT (1) << 63;
      frac = m - (r - 0x1p63L);
      if (fabsl (frac) > 0.5L - 1.0L / 64)
        return FALSE;
      if (d == nlp__pow10_u64[prec])
        {
          d = nlp__pow10_u64[prec - 1];
          e++;
        }
      *digits = d;
      *exp10 = e;
      return TRUE;
    }
  return FALSE;
}

/* Writes the @prec digits of @d (which has that many) into @digits;
 * returns their count without trailing zeros. */
static int
get_digits (char *digits, guint64 d, int prec)
{
  int nd = prec;

  nlp__put_u64 (digits, d);
  while (digits[nd - 1] == '0')
    nd--;
  return nd;
}

/* Writes the value @digits[0..@nd) × 10^(@e - @nd + 1) (no trailing zero)
 * as "%.{prec}g" does: exponent form below 1e-4 and from 10^prec on. */
static gsize
format_g (char *buf, gboolean negative, const char *digits, int nd, int e, int prec)
{
  char *p = buf;
  int x;

  if (negative)
    *p++ = '-';
  if (e < -4 || e >= prec)
    {
      *p++ = digits[0];
      if (nd > 1)
        {
          *p++ = '.';
          p = nlp__put_mem (p, digits + 1, nd - 1);
        }
      *p++ = 'e';
      *p++ = e < 0 ? '-' : '+';
      x = ABS (e);
      if (x >= 100)
        {
          *p++ = (char) ('0' + x / 100);
          x %= 100;
        }
      *p++ = (char) ('0' + x / 10);
      *p++ = (char) ('0' + x % 10);
    }
  else if (e >= 0 && nd <= e + 1)
    {
      p = nlp__put_mem (p, digits, nd);
      memset (p, '0', e + 1 - nd);
      p += e + 1 - nd;
    }
  else if (e >= 0)
    {
      p = nlp__put_mem (p, digits, e + 1);
      *p++ = '.';
      p = nlp__put_mem (p, digits + e + 1, nd - e - 1);
    }
  else
    {
      *p++ = '0';
      *p++ = '.';
      memset (p, '0', -e - 1);
      p += -e - 1;
      p = nlp__put_mem (p, digits, nd);
    }
  *p = '\0';
  return p - buf;
}

gsize
nlp__dtoa (double value, char *buf)
{
  double a = fabs (value);
  char digits[20];
  guint64 d, s;
  int e, nd, q;

  if (a == 0)
    {
      gsize n = signbit (value) ? 2 : 1;

      memcpy (buf, "-0" + 2 - n, n + 1);
      return n;
    }
  if (!isfinite (a) || !round_digits (a, 15, &d, &e))
    return nlp__dtoa_printf (value, buf);
  /* does %.15g read back?  Its value is s × 10^q, s = d without its
   * trailing zeros */
  nd = get_digits (digits, d, 15);
  s = d / nlp__pow10_u64[15 - nd];
  q = e - (nd - 1);
  if (q < -MAX_POW10_D || q > MAX_POW10_D)
    return nlp__dtoa_printf (value, buf);
  if ((q >= 0 ? (double) s * pow10_d[q] : (double) s / pow10_d[-q]) == a)
    return format_g (buf, signbit (value), digits, nd, e, 15);
  if (!round_digits (a, 17, &d, &e))
    return nlp__dtoa_printf (value, buf);
  nd = get_digits (digits, d, 17);
  return format_g (buf, signbit (value), digits, nd, e, 17);
}

gsize
nlp__dtoa_fixed (double value, int decimals, gboolean plus, char *buf)
{
  double a = fabs (value);
  long double m, r, frac;
  guint64 d, unit;
  char *p = buf;

  /* |value| × 10^decimals rounded to an integer, as in round_digits; the
   * bound keeps the product's error under 1/256 */
  if (!isfinite (a) || decimals < 0 || decimals > 9 || a >= 1e15)
    return nlp__dtoa_fixed_printf (value, decimals, plus, buf);
  m = (long double) a * pow10_ld[decimals];
  if (m >= 0x1p56L)
    return nlp__dtoa_fixed_printf (value, decimals, plus, buf);
  r = m + 0x1p63L;
  memcpy (&d, &r, sizeof d);
  d -= G_GUINT64_CONSTANT (1) << 63;
  frac = m - (r - 0x1p63L);
  if (fabsl (frac) > 0.5L - 1.0L / 64)
    return nlp__dtoa_fixed_printf (value, decimals, plus, buf);

  /* printf keeps the sign of a negative value that rounds to zero */
  if (signbit (value))
    *p++ = '-';
  else if (plus)
    *p++ = '+';
  unit = nlp__pow10_u64[decimals];
  p = nlp__put_u64 (p, d / unit);
  if (decimals > 0)
    {
      guint64 f = d % unit;

      *p++ = '.';
      /* the fraction's digits, zero-padded to @decimals */
      for (int i = decimals - 1; i >= 0; i--, f /= 10)
        p[i] = (char) ('0' + f % 10);
      p += decimals;
    }
  *p = '\0';
  return p - buf;
}

#else

gsize
nlp__dtoa (double value, char *buf)
{
  return nlp__dtoa_printf (value, buf);
}

gsize
nlp__dtoa_fixed (double value, int decimals, gboolean plus, char *buf)
{
  return nlp__dtoa_fixed_printf (value, decimals, plus, buf);
}

#endif
