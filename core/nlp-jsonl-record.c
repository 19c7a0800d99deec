/* nlp-jsonl-record.c — {"id": ..., "text": "..."} without json-glib (see
 * nlp-jsonl-private.h).  Every doubt is a FALSE: the general parser then
 * decides, so this file can only make a record faster, never different. */
#include <string.h>
#include "nlp-jsonl-private.h"

typedef struct {
  const char *p, *end;
} Cursor;

static inline void
skip_ws (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static inline gboolean
eat (Cursor *c, char ch)
{
  skip_ws (c);
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

static int
hex4 (const char *s)
{
  int v = 0;
  for (int k = 0; k < 4; k++)
    {
      int d = g_ascii_xdigit_value (s[k]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether one of the 8 bytes of @x is a quote, a backslash or a control
 * character (the classic "has a zero byte" tests: exact as a yes/no). */
static inline gboolean
special_in (guint64 x)
{
  guint64 quote = x ^ (ONES * '"'), bslash = x ^ (ONES * '\\');
  return ((((quote - ONES) & ~quote) | ((bslash - ONES) & ~bslash)
           | ((x - ONES * 0x20) & ~x)) & HIGHS) != 0;
}

/* A string after its opening quote, decoded into a new buffer in one
 * pass, 8 plain bytes at a time (the decoded form is never longer than
 * the rest of the line). */
static char *
string_value (Cursor *c, gsize *out_len)
{
  const char *s = c->p, *end = c->end;
  char *buf = g_malloc ((gsize) (end - s) + 1), *o = buf;

  for (;;)
    {
      gunichar u;
      int v;

      while (s + 8 <= end)
        {
          guint64 x;
          memcpy (&x, s, 8);
          if (special_in (x))
            break;
          memcpy (o, s, 8);
          o += 8;
          s += 8;
        }
      if (s >= end)
        goto fail;             /* no closing quote */
      if (*s != '"' && *s != '\\')
        {
          if ((guchar) *s < 0x20)
            goto fail;
          *o++ = *s++;
          continue;
        }
      if (*s == '"')
        break;
      if (++s >= end)
        goto fail;
      switch (*s)
        {
        case '"': case '\\': case '/': *o++ = *s++; continue;
        case 'b': *o++ = '\b'; s++; continue;
        case 'f': *o++ = '\f'; s++; continue;
        case 'n': *o++ = '\n'; s++; continue;
        case 'r': *o++ = '\r'; s++; continue;
        case 't': *o++ = '\t'; s++; continue;
        case 'u': break;
        default: goto fail;
        }
      if (end - s < 5 || (v = hex4 (s + 1)) < 0)
        goto fail;
      s += 5;
      u = (gunichar) v;
      if (u >= 0xd800 && u <= 0xdbff)
        {
          int lo;
          /* a high surrogate must be followed by an escaped low one */
          if (end - s < 6 || s[0] != '\\' || s[1] != 'u' || (lo = hex4 (s + 2)) < 0
              || lo < 0xdc00 || lo > 0xdfff)
            goto fail;
          u = 0x10000 + ((u - 0xd800) << 10) + (gunichar) (lo - 0xdc00);
          s += 6;
        }
      else if ((u >= 0xdc00 && u <= 0xdfff) || u == 0)
        goto fail;
      o += g_unichar_to_utf8 (u, o);
    }
  *o = '\0';
  *out_len = (gsize) (o - buf);
  c->p = s + 1;                /* past the closing quote */
  return buf;

fail:
  g_free (buf);
  return NULL;
}

gboolean
nlp__jsonl_is_integer (const char *s, gsize len)
{
  gsize i = len > 0 && s[0] == '-' ? 1 : 0;

  if (i == len)
    return FALSE;
  for (; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* An integer id, kept as written: plain digits, no leading zero (json-glib
 * decides about those), any length (an id is a name, not a quantity). */
static char *
integer_value (Cursor *c)
{
  const char *start = c->p;
  const char *digits;

  if (c->p < c->end && *c->p == '-')
    c->p++;
  digits = c->p;
  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;
  if (c->p == digits || (digits[0] == '0' && c->p - digits > 1))
    return NULL;
  /* a fraction or an exponent makes it a double */
  if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E'))
    return NULL;
  return g_strndup (start, (gsize) (c->p - start));
}

static inline gboolean
is_ws (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static inline gboolean
is_structure (char ch)
{
  return ch == '{' || ch == '}' || ch == '[' || ch == ']' || ch == '"' || ch == ','
         || ch == ':';
}

/* Past one JSON value at @p (< @end): a string, an object or array with
 * everything in it, or a scalar (any run of other characters). */
static const char *
skip_value (const char *p, const char *end, guint max_depth, gboolean *too_deep)
{
  guint depth = 0;

  if (*p != '{' && *p != '[' && *p != '"')
    {
      p++;
      while (p < end && !is_ws (*p) && !is_structure (*p))
        p++;
      return p;
    }
  do
    {
      switch (*p)
        {
        case '"':
          p++;
          while (p < end && *p != '"')
            p += *p == '\\' && p + 1 < end ? 2 : 1;
          if (p < end)
            p++;
          break;
        case '{': case '[':
          if (++depth > max_depth)
            {
              *too_deep = TRUE;
              return end;
            }
          p++;
          break;
        case '}': case ']':
          depth--;
          p++;
          break;
        default:
          p++;
        }
    }
  while (depth > 0 && p < end);
  return p;
}

guint
nlp__jsonl_values (const char *line, gsize len, guint max_depth, gsize *first_end,
                   gsize *second, gboolean *too_deep)
{
  Cursor c = { line, line + len };

  *too_deep = FALSE;
  *first_end = 0;
  skip_ws (&c);
  if (c.p >= c.end)
    return 0;
  c.p = skip_value (c.p, c.end, max_depth, too_deep);
  *first_end = (gsize) (c.p - line);
  if (*too_deep)
    return 1;
  skip_ws (&c);
  if (c.p >= c.end)
    return 1;
  *second = (gsize) (c.p - line);
  return 2;
}

gboolean
nlp__jsonl_simple_record (const char *line, gsize len, char **id, char **text,
                          gsize *text_len)
{
  Cursor c = { line, line + len };
  char *the_id = NULL, *the_text = NULL;
  gsize n = 0;

  if (!eat (&c, '{'))
    return FALSE;
  do
    {
      const char *key;
      gsize key_len;

      if (!eat (&c, '"'))
        goto fail;
      key = c.p;
      while (c.p < c.end && *c.p != '"' && *c.p != '\\' && (guchar) *c.p >= 0x20)
        c.p++;
      if (c.p >= c.end || *c.p != '"')
        goto fail;
      key_len = (gsize) (c.p - key);
      c.p++;
      if (!eat (&c, ':'))
        goto fail;
      skip_ws (&c);
      if (key_len == 4 && memcmp (key, "text", 4) == 0 && the_text == NULL)
        {
          if (!eat (&c, '"') || (the_text = string_value (&c, &n)) == NULL)
            goto fail;
        }
      else if (key_len == 2 && memcmp (key, "id", 2) == 0 && the_id == NULL)
        {
          gsize ignored;
          if (c.p < c.end && *c.p == '"')
            {
              c.p++;
              the_id = string_value (&c, &ignored);
            }
          else
            the_id = integer_value (&c);
          if (the_id == NULL)
            goto fail;
        }
      else
        goto fail;             /* another member, or one given twice */
    }
  while (eat (&c, ','));
  if (!eat (&c, '}'))
    goto fail;
  skip_ws (&c);
  if (c.p != c.end || the_text == NULL)
    goto fail;
  *id = the_id;
  *text = the_text;
  *text_len = n;
  return TRUE;

fail:
  g_free (the_id);
  g_free (the_text);
  return FALSE;
}

gboolean
nlp__jsonl_member_text (const char *line, gsize len, const char *name, gsize *start,
                        gsize *value_len)
{
  Cursor c = { line, line + len };
  gboolean found = FALSE, too_deep = FALSE;

  if (!eat (&c, '{'))
    return FALSE;
  do
    {
      const char *key;
      gboolean match;

      if (!eat (&c, '"'))
        return found;
      key = c.p;
      while (c.p < c.end && *c.p != '"' && *c.p != '\\')
        c.p++;
      if (c.p < c.end && *c.p == '"')
        {
          /* the common name, without escapes */
          match = (gsize) (c.p - key) == strlen (name)
                  && memcmp (key, name, strlen (name)) == 0;
          c.p++;
        }
      else
        {
          gsize key_len;
          char *decoded;

          c.p = key;
          if ((decoded = string_value (&c, &key_len)) == NULL)
            return found;
          match = strcmp (decoded, name) == 0;
          g_free (decoded);
        }
      if (!eat (&c, ':'))
        return found;
      skip_ws (&c);
      if (c.p >= c.end)
        return found;
      if (match)
        *start = (gsize) (c.p - line);
      c.p = skip_value (c.p, c.end, G_MAXUINT, &too_deep);
      if (match)
        {
          *value_len = (gsize) (c.p - line) - *start;
          found = TRUE;
        }
    }
  while (eat (&c, ','));
  return found;
}
