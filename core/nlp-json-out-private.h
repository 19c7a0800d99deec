/* nlp-json-out-private.h — writing JSON straight into a GString's buffer.
 *
 * JSON output is tens of bytes per token, so one g_string_append* call (and
 * its capacity check, and printf for numbers) per piece showed in profiles.
 * Instead a writer reserves room for a bounded piece once, writes it with
 * the nlp__put_* functions below (each returns the new end), and commits
 * the end.  The reserved room must cover what is written before the commit.
 */
#ifndef NLP_JSON_OUT_PRIVATE_H
#define NLP_JSON_OUT_PRIVATE_H

#include <string.h>
#include <glib.h>

/* Most bytes nlp__put_json_string writes for @len input bytes (every byte
 * a \u00XX escape, and the quotes). */
#define NLP_JSON_STRING_MAX(len) (6 * (gsize) (len) + 2)
/* Most bytes a gint64 takes in decimal, with its sign. */
#define NLP_INT64_MAX_DIGITS 20

void  nlp__out_grow (GString *out, gsize n);

/* Running out of memory while writing a document's output.  Growth of a
 * GString through nlp__out_reserve aborts, as GLib's does, unless the
 * calling thread armed it: then a growth that cannot be had frees the
 * buffer, marks @out failed and lets the writer go on into a scratch buffer
 * whose contents are thrown away (what GLib's own appends add between two
 * reservations fits there too).  Only one GString per thread is armed at a
 * time; the JSON writer writes almost all of its output through
 * nlp__out_reserve, so an armed document fails instead of the run. */
void      nlp__out_arm    (GString *out);
/* Disarms @out; TRUE when its growth failed (its contents are garbage). */
gboolean  nlp__out_disarm (GString *out);
/* A writer's own allocation for @out's document failed: an armed @out
 * fails as above; any other aborts, as GLib does. */
void      nlp__out_give_up (GString *out);
/* (transfer full) an empty GString with room for @size bytes, or NULL when
 * that much cannot be had. */
GString  *nlp__out_try_new (gsize size);

/* Room kept beyond a reservation, for the small pieces writers append
 * with GLib's own functions between two reservations: they never grow the
 * buffer themselves (GLib's growth aborts when memory runs out). */
#define NLP_OUT_SLACK 4096

/* Where to write at least @n more bytes of @out. */
static inline char *
nlp__out_reserve (GString *out, gsize n)
{
  if (G_UNLIKELY (out->len + n + NLP_OUT_SLACK >= out->allocated_len))
    nlp__out_grow (out, n);
  return out->str + out->len;
}

/* Ends @out at @end (a pointer into the room reserved last). */
static inline void
nlp__out_commit (GString *out, char *end)
{
  out->len = end - out->str;
  *end = '\0';
}

static inline char *
nlp__put_mem (char *dst, const void *src, gsize n)
{
  memcpy (dst, src, n);
  return dst + n;
}

/* The same for the short pieces of JSON output (keys, small values):
 * fixed-size moves the compiler inlines instead of a memcpy call. */
static inline char *
nlp__put_short (char *dst, const char *src, gsize n)
{
  if (n >= 8 && n <= 16)
    {
      /* two overlapping 8-byte moves cover 8..16 bytes */
      memmove (dst, src, 8);
      memmove (dst + n - 8, src + n - 8, 8);
    }
  else if (n >= 4 && n < 8)
    {
      memmove (dst, src, 4);
      memmove (dst + n - 4, src + n - 4, 4);
    }
  else if (n < 4)
    for (gsize i = 0; i < n; i++)
      dst[i] = src[i];
  else
    memcpy (dst, src, n);
  return dst + n;
}

/* A string literal (nothing else compiles) without its NUL. */
#define nlp__put_lit(dst, lit) nlp__put_mem ((dst), "" lit, sizeof ("" lit) - 1)

extern const char    nlp__digit_pairs[200];     /* "00" "01" ... "99" */
extern const guint64 nlp__pow10_u64[20];        /* 1, 10, ... 10^19 */

/* @v in decimal: at most 20 bytes.  Written from the end, two digits per
 * step, once the length is known (offsets are most of JSON's numbers). */
static inline char *
nlp__put_u64 (char *dst, guint64 v)
{
  int n = 1;
  char *end;

  while (n < 20 && v >= nlp__pow10_u64[n])
    n++;
  end = dst + n;
  dst = end;
  while (v >= 100)
    {
      dst -= 2;
      memcpy (dst, nlp__digit_pairs + 2 * (v % 100), 2);
      v /= 100;
    }
  if (v >= 10)
    memcpy (dst - 2, nlp__digit_pairs + 2 * v, 2);
  else
    dst[-1] = (char) ('0' + v);
  return end;
}

/* @v in decimal: at most NLP_INT64_MAX_DIGITS bytes. */
char *nlp__put_i64 (char *dst, gint64 v);

/* @s (@len bytes of valid UTF-8) as a JSON string literal, escaped as JSON
 * output always has been: the quote, the backslash and control characters
 * only (\n \r \t \b \f, else \u00XX); at most NLP_JSON_STRING_MAX (@len)
 * bytes. */
char *nlp__put_json_string (char *dst, const char *s, gsize len);

/* @s (@len bytes) with tabs and line breaks made spaces, for formats
 * that keep a record on one line (tsv cells, text sentences); @len bytes. */
char *nlp__put_flat (char *dst, const char *s, gsize len);

#endif
