/* pos-text.c — word hashes, affixes, shape and flags (pos-text.h). */
#include "pos-text.h"
#include "pos-hash.h"

gsize
pos_text_lower (const char *s, gsize len, char *out)
{
  gsize o = 0;

  for (gsize i = 0; i < len;)
    {
      guchar c = (guchar) s[i];
      gunichar u;

      if (c < 0x80)
        {
          out[o++] = (char) (c | ((guchar) (c - 'A') < 26 ? 0x20 : 0));
          i++;
          continue;
        }
      u = g_utf8_get_char_validated (s + i, len - i);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          out[o++] = (char) c;
          i++;
          continue;
        }
      o += g_unichar_to_utf8 (g_unichar_tolower (u), out + o);
      i = g_utf8_next_char (s + i) - s;
    }
  return o;
}

/* The shape class of one character. */
static char
shape_of (gunichar u)
{
  if (u < 0x80)
    return (guchar) (u - 'A') < 26 ? 'X' : (guchar) (u - 'a') < 26 ? 'x'
           : (guchar) (u - '0') < 10 ? 'd' : (char) u;
  if (g_unichar_isupper (u) || g_unichar_istitle (u))
    return 'X';
  if (g_unichar_isalpha (u))
    return 'x';
  return g_unichar_isdigit (u) ? 'd' : 'o';
}

/* Byte offsets of the starts of the first POS_N_PREFIXES + 1 and of the
 * last POS_N_SUFFIXES characters of @s (@len bytes): @head[k] is where
 * character k starts (or len), @tail[k] where the last k + 1 characters
 * start (or 0). */
static guint
char_bounds (const char *s, gsize len, gsize *head, gsize *tail)
{
  guint n = 0;
  gsize ring[POS_N_SUFFIXES] = { 0 };

  for (guint k = 0; k <= POS_N_PREFIXES; k++)
    head[k] = len;
  for (gsize i = 0; i < len; n++)
    {
      if (n <= POS_N_PREFIXES)
        head[n] = i;
      ring[n % POS_N_SUFFIXES] = i;
      i += (guchar) s[i] < 0xC0 ? 1 : (gsize) (g_utf8_next_char (s + i) - (s + i));
      if (i > len)
        break;
    }
  for (guint k = 0; k < POS_N_SUFFIXES; k++)
    tail[k] = k < n ? ring[(n - 1 - k) % POS_N_SUFFIXES] : 0;
  return n;
}

void
pos_word_info (const char *s, gsize len, PosWordInfo *info)
{
  char stack[256], shape[12];
  char *low = len * 2 + 8 <= sizeof stack ? stack : g_malloc (len * 2 + 8);
  gsize n = pos_text_lower (s, len, low), sh = 0, head[POS_N_PREFIXES + 1],
        tail[POS_N_SUFFIXES];
  guint32 f = 0;
  gboolean first_letter = TRUE, lower_seen = FALSE, upper_seen = FALSE, number = TRUE;

  info->form = pos_hash_bytes (s, len);
  info->lower = pos_hash_bytes (low, n);
  info->n_chars = char_bounds (low, n, head, tail);
  for (guint k = 0; k < POS_N_PREFIXES; k++)
    info->pre[k] = pos_hash_bytes (low, head[k + 1]);
  for (guint k = 0; k < POS_N_SUFFIXES; k++)
    info->suf[k] = pos_hash_bytes (low + tail[k], n - tail[k]);

  for (gsize i = 0; i < len;)
    {
      gunichar u = (guchar) s[i] < 0x80 ? (guchar) s[i]
                   : g_utf8_get_char_validated (s + i, len - i);
      char c;

      if (u == (gunichar) -1 || u == (gunichar) -2)
        u = 0xFFFD, i++;
      else
        i += u < 0x80 ? 1 : (gsize) (g_utf8_next_char (s + i) - (s + i));
      c = shape_of (u);
      if (sh == 0 || (shape[sh - 1] != c && sh < sizeof shape))
        shape[sh++] = c;
      if (c == 'X' || c == 'x')
        {
          f |= POS_WF_LETTER;
          if (first_letter && c == 'X')
            f |= POS_WF_UPPER_FIRST;
          if (c == 'X' && lower_seen)
            f |= POS_WF_MIXED;
          first_letter = FALSE;
          lower_seen |= c == 'x';
          upper_seen |= c == 'X';
          number = FALSE;
        }
      else if (c == 'd')
        f |= POS_WF_DIGIT;
      else
        {
          f |= u == '-' ? POS_WF_HYPHEN : u == '.' ? POS_WF_PERIOD : 0;
          if (u == '@')
            f |= POS_WF_WEB;
          if (u != ',' && u != '.' && u != ':' && u != '/' && u != '-')
            number = FALSE;
        }
    }
  if (upper_seen && !lower_seen)
    f |= POS_WF_ALL_UPPER;
  if (!(f & (POS_WF_LETTER | POS_WF_DIGIT)))
    f |= POS_WF_NO_ALNUM;
  if (number && (f & POS_WF_DIGIT))
    f |= POS_WF_NUMBER;
  if ((len > 4 && memcmp (low, "www.", 4) == 0) || g_strstr_len (low, n, "://") != NULL)
    f |= POS_WF_WEB;
  info->flags = f;
  info->lex = 0;
  info->amb = 0;
  info->fixed = 0;
  info->shape = pos_hash_bytes (shape, sh);
  if (low != stack)
    g_free (low);
}
