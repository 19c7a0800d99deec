/* nlp-dtoa-private.h — doubles as JSON numbers, without printf.
 *
 * Every writer prints a double the same way: "%.15g" (C locale) when that
 * reads back as the same double, otherwise "%.17g"; "null" for NaN and the
 * infinities.  printf's exact multi-precision conversion was the slowest
 * part of JSON output, so nlp__dtoa computes the same digits with one
 * extended-precision multiplication and falls back to printf only when it
 * cannot be sure of the rounding.
 */
#ifndef NLP_DTOA_PRIVATE_H
#define NLP_DTOA_PRIVATE_H

#include <float.h>
#include <glib.h>

/* Room for the longest result ("-2.2250738585072014e-308") and its NUL. */
#define NLP_DTOA_BUF_SIZE 32

/* Writes @value into @buf (NLP_DTOA_BUF_SIZE bytes), NUL-terminated, as
 * described above; returns its length. */
gsize nlp__dtoa (double value, char *buf);

/* The same through printf and strtod: the reference nlp__dtoa must match
 * byte for byte (tests/test-dtoa.c), and its fallback. */
gsize nlp__dtoa_printf (double value, char *buf);

/* Writes @value as "%.{decimals}f" (C locale), with a sign always when
 * @plus ("%+.{decimals}f"), into @buf (NLP_DTOA_BUF_SIZE bytes; @decimals
 * <= 9), NUL-terminated; returns its length.  Values of 10^15 and more,
 * NaN and infinities are printf's ("inf", "nan"), and may be longer:
 * those need a larger buffer (NLP_DTOA_FIXED_BUF_SIZE). */
#define NLP_DTOA_FIXED_BUF_SIZE (DBL_MAX_10_EXP + 32)
gsize nlp__dtoa_fixed (double value, int decimals, gboolean plus, char *buf);

/* The same through printf: the reference, and the fallback. */
gsize nlp__dtoa_fixed_printf (double value, int decimals, gboolean plus, char *buf);

#endif
