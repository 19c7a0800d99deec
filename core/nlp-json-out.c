/* nlp-json-out.c — see nlp-json-out-private.h. */
#include "nlp-json-out-private.h"

/* the scratch buffer an armed GString writes into once it failed */
#define SCRATCH_BYTES (1024 * 1024)

typedef struct {
  GString  *out;               /* the armed GString, or NULL */
  gboolean  failed;
} Armed;

static GPrivate armed_key = G_PRIVATE_INIT (g_free);

static Armed *
armed_get (void)
{
  Armed *a = g_private_get (&armed_key);

  if (a == NULL)
    {
      a = g_new0 (Armed, 1);
      g_private_set (&armed_key, a);
    }
  return a;
}

void
nlp__out_arm (GString *out)
{
  Armed *a = armed_get ();

  a->out = out;
  a->failed = FALSE;
}

gboolean
nlp__out_disarm (GString *out)
{
  Armed *a = armed_get ();
  gboolean failed = a->out == out && a->failed;

  a->out = NULL;
  a->failed = FALSE;
  return failed;
}

GString *
nlp__out_try_new (gsize size)
{
  GString *out;
  char *p = size < G_MAXSIZE ? g_try_malloc (size + 1) : NULL;

  if (p == NULL)
    return NULL;
  out = g_string_new (NULL);
  g_free (out->str);
  out->str = p;
  out->str[0] = '\0';
  out->allocated_len = size + 1;
  return out;
}

/* An armed @out whose growth failed: its memory goes back, and what the
 * writer still writes goes to a scratch buffer of at least @n bytes. */
static void
fail (Armed *a, GString *out, gsize n)
{
  gsize size = MAX (n + NLP_OUT_SLACK + 1, (gsize) SCRATCH_BYTES);

  g_free (out->str);
  out->str = g_malloc (size);  /* if even this cannot be had: abort, as before */
  out->allocated_len = size;
  out->len = 0;
  out->str[0] = '\0';
  a->failed = TRUE;
}

void
nlp__out_give_up (GString *out)
{
  Armed *a = g_private_get (&armed_key);

  if (a == NULL || a->out != out)
    g_error ("%s: out of memory", G_STRLOC);
  if (!a->failed)
    fail (a, out, 0);
}

void
nlp__out_grow (GString *out, gsize n)
{
  Armed *a = g_private_get (&armed_key);
  gsize len = out->len, want, size;
  char *p;

  if (a == NULL || a->out != out)
    {
      /* g_string_set_size grows the buffer by doubling, as appends do */
      g_string_set_size (out, len + n + NLP_OUT_SLACK);
      out->len = len;
      out->str[len] = '\0';
      return;
    }
  if (a->failed)
    {
      /* thrown away: the scratch buffer is written over from the start */
      out->len = 0;
      out->str[0] = '\0';
      if (n + NLP_OUT_SLACK < out->allocated_len)
        return;
      fail (a, out, n);
      return;
    }
  if (n >= G_MAXSIZE - len - NLP_OUT_SLACK - 1)
    {
      fail (a, out, 0);
      return;
    }
  want = len + n + NLP_OUT_SLACK + 1;
  /* doubling while small; then half as much again, so that a large
   * output's buffer is at most 1.5 times its size */
  if (out->allocated_len < 1024 * 1024)
    size = MAX (want, 2 * out->allocated_len);
  else
    size = MAX (want, out->allocated_len + out->allocated_len / 2);
  p = g_try_realloc (out->str, size);
  /* short of memory: a little more, then just enough (each step leaves
   * room for the next pieces, so that not every reservation tries again) */
  if (p == NULL && size > want + 1024 * 1024)
    p = g_try_realloc (out->str, size = want + 1024 * 1024);
  if (p == NULL && size > want)
    p = g_try_realloc (out->str, size = want);
  if (p == NULL)
    {
      fail (a, out, n);
      return;
    }
  out->str = p;
  out->allocated_len = size;
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
