/* lang-kernels.h — adding rows of penalties, with vector instructions.
 *
 * The detector's inner loop (lang-detect.c): the rows of a piece's
 * n-grams, one byte per lane (lang-model.h), added into 16-bit lane sums,
 * and sums added into 32-bit totals.  On x86-64 the widest instructions
 * the machine has are chosen at run time (AVX-512, AVX2, else SSE2); a
 * plain loop elsewhere.  Every kernel gives the same sums.
 */
#ifndef LANG_KERNELS_H
#define LANG_KERNELS_H

#include <glib.h>

G_BEGIN_DECLS

/* sum[l] = the sum over j < @n of rows[offsets[j] + l], for @stride lanes
 * (16, 32, 48 or 64); @rows 64-byte aligned, every offset a multiple of
 * @stride, @sum 16-bit lanes that must not overflow (n * 255 < 65536). */
typedef void (*LangSumFunc) (const guint8 *rows, guint stride,
                             const guint32 *offsets, gsize n, guint16 *sum);
/* totals[l] += sum[l] for @stride lanes; @totals 32-byte aligned. */
typedef void (*LangAddFunc) (const guint16 *sum, guint32 *totals, guint stride);

/* The kernels named @name ("generic", "sse2", "avx2" or "avx512"), or
 * with @name NULL the fastest this machine runs; FALSE when it cannot
 * run those named. */
gboolean lang_kernels_pick (const char *name, LangSumFunc *sum, LangAddFunc *add);

G_END_DECLS

#endif
