/* nlp-json-out.c — see nlp-json-out-private.h. */
#include "nlp-json-out-private.h"

void
nlp__out_grow (GString *out, gsize n)
{
  gsize len = out->len;

  /* g_string_set_size grows the buffer by doubling, as appends do */
  g_string_set_size (out, len + n);
  out->len = len;
  out->str[len] = '\0';
}

const char nlp__digit_pairs[200] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

const guint64 nlp__pow10_u64[20] = {
  1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
  100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
  10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
  10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
  10000000000000000000ULL
};

char *
nlp__put_i64 (char *dst, gint64 v)
{
  guint64 u = (guint64) v;

  if (v < 0)
    {
      *dst++ = '-';
      u = 0 - u;               /* G_MININT64 too */
    }
  return nlp__put_u64 (dst, u);
}

/* Bytes that need escaping: the quote, the backslash, control characters. */
static const guint8 needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1, ['\\'] = 1,
};

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* TRUE when one of the 8 bytes in @w needs escaping: the classic
 * "has a byte below n" and "has a zero byte" word tests, exact as a
 * whole-word answer. */
static inline gboolean
word_needs_escape (guint64 w)
{
  guint64 quote = w ^ (ONES * '"'), bslash = w ^ (ONES * '\\');

  return ((((w - ONES * 0x20) & ~w)
          | ((quote - ONES) & ~quote)
          | ((bslash - ONES) & ~bslash)) & HIGHS) != 0;
}

char *
nlp__put_json_string (char *dst, const char *s, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  const char *end = s + len;

  *dst++ = '"';
  while (s < end)
    {
      guchar c;

      /* text is mostly plain: copy 8 bytes at a time while none needs an
       * escape (the room reserved covers whole words) */
      if (end - s >= 8)
        {
          guint64 w;

          memcpy (&w, s, 8);
          if (!word_needs_escape (w))
            {
              memcpy (dst, &w, 8);
              dst += 8;
              s += 8;
              continue;
            }
        }
      c = (guchar) *s++;
      if (G_LIKELY (!needs_escape[c]))
        {
          *dst++ = (char) c;
          continue;
        }
      *dst++ = '\\';
      switch (c)
        {
        case '"':  *dst++ = '"'; break;
        case '\\': *dst++ = '\\'; break;
        case '\n': *dst++ = 'n'; break;
        case '\r': *dst++ = 'r'; break;
        case '\t': *dst++ = 't'; break;
        case '\b': *dst++ = 'b'; break;
        case '\f': *dst++ = 'f'; break;
        default:
          dst = nlp__put_lit (dst, "u00");
          *dst++ = hex[c >> 4];
          *dst++ = hex[c & 15];
        }
    }
  *dst++ = '"';
  return dst;
}

char *
nlp__put_flat (char *dst, const char *s, gsize len)
{
  /* branch-free, so the compiler can do it many bytes at a time */
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      dst[i] = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
    }
  return dst + len;
}
