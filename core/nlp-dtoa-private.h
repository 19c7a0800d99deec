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

#include <glib.h>

/* Room for the longest result ("-2.2250738585072014e-308") and its NUL. */
#define NLP_DTOA_BUF_SIZE 32

/* Writes @value into @buf (NLP_DTOA_BUF_SIZE bytes), NUL-terminated, as
 * described above; returns its length. */
gsize nlp__dtoa (double value, char *buf);

/* The same through printf and strtod: the reference nlp__dtoa must match
 * byte for byte (tests/test-dtoa.c), and its fallback. */
gsize nlp__dtoa_printf (double value, char *buf);

#endif
