/* ner-text.c — lower case, shape and flags, with an ASCII fast path
 * (most tokens) and GLib's Unicode tables for the rest. */
#include "ner-text.h"
#include "ner-hash.h"

gsize
ner_text_lower (const char *s, gsize len, char *out)
{
  const char *end = s + len;
  char *o = out;

  while (s < end)
    {
      guchar c = (guchar) *s;
      if (c < 0x80)
        {
          /* g_ascii_tolower is a function call per byte */
          *o++ = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
          s++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (s, end - s);
          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              *o++ = *s++;
              continue;
            }
          o += g_unichar_to_utf8 (g_unichar_tolower (u), o);
          s = g_utf8_next_char (s);
        }
    }
  return (gsize) (o - out);
}

guint64
ner_text_lower_hash (const char *s, gsize len)
{
  char stack[256];
  char *buf = len * 2 + 8 <= sizeof stack ? stack : g_malloc (len * 2 + 8);
  gsize n = ner_text_lower (s, len, buf);
  guint64 h = ner_hash_bytes (buf, n);

  if (buf != stack)
    g_free (buf);
  return h;
}

static char
shape_char (gunichar u)
{
  if (u < 0x80)
    {
      if (g_ascii_isupper (u))
        return 'X';
      if (g_ascii_islower (u))
        return 'x';
      if (g_ascii_isdigit (u))
        return 'd';
      return (char) u;
    }
  if (g_unichar_isupper (u) || g_unichar_istitle (u))
    return 'X';
  if (g_unichar_isalpha (u))
    return 'x';
  if (g_unichar_isdigit (u))
    return 'd';
  return 'o';
}

gsize
ner_text_shape (const char *s, gsize len, char *out, gsize cap)
{
  const char *end = s + len;
  gsize n = 0;

  while (s < end && n < cap)
    {
      gunichar u = (guchar) *s < 0x80 ? (gunichar) (guchar) *s
                                       : g_utf8_get_char_validated (s, end - s);
      char c;
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          u = '?';
          s++;
        }
      else
        s = (guchar) *s < 0x80 ? s + 1 : g_utf8_next_char (s);
      c = shape_char (u);
      if (n == 0 || out[n - 1] != c)
        out[n++] = c;
    }
  return n;
}

guint
ner_text_flags (const char *s, gsize len)
{
  const char *end = s + len;
  guint flags = 0;
  gboolean first_letter = TRUE, seen_lower = FALSE, seen_upper = FALSE;

  while (s < end)
    {
      gunichar u = (guchar) *s < 0x80 ? (gunichar) (guchar) *s
                                       : g_utf8_get_char_validated (s, end - s);
      gboolean upper, lower;

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          s++;
          continue;
        }
      s = u < 0x80 ? s + 1 : g_utf8_next_char (s);
      if (u < 0x80)
        {
          upper = g_ascii_isupper (u);
          lower = g_ascii_islower (u);
          if (g_ascii_isdigit (u))
            flags |= NER_TF_DIGIT;
        }
      else
        {
          upper = g_unichar_isupper (u) || g_unichar_istitle (u);
          lower = !upper && g_unichar_isalpha (u);
          if (g_unichar_isdigit (u))
            flags |= NER_TF_DIGIT;
        }
      if (upper || lower)
        {
          flags |= NER_TF_LETTER;
          if (first_letter)
            flags |= upper ? NER_TF_INITCAP : NER_TF_LOWER;
          else if (upper && seen_lower)
            flags |= NER_TF_MIXED;
          first_letter = FALSE;
          seen_lower |= lower;
          seen_upper |= upper;
        }
    }
  if (seen_upper && !seen_lower)
    flags |= NER_TF_ALLCAP;
  if (!(flags & (NER_TF_LETTER | NER_TF_DIGIT)))
    flags |= NER_TF_PUNCT;
  return flags;
}
