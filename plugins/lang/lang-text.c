/* lang-text.c — text to the detector's symbol stream (lang-text.h).
 *
 * The code points below U+3000 (every alphabet and abugida, and general
 * punctuation) are classified once, through GLib, into a table; above
 * it, a few ranges decide (CJK punctuation and fullwidth forms are
 * boundaries, kana, ideographs and Hangul are letters), so the per-byte
 * work is a table look-up and no GLib call.
 */
#include <string.h>
#include "lang-text.h"

#define TABLE_END 0x3000u
#define SKIP      0xFFFFu   /* zero-width: not even a boundary */

static guint16 symbol_table[TABLE_END];
static guint8 script_table[TABLE_END];

static gpointer
init_table (gpointer unused)
{
  for (gunichar c = 0; c < TABLE_END; c++)
    {
      guint16 v = 0;

      if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060
          || (c >= 0x180B && c <= 0x180F))
        v = SKIP;
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          gunichar low = g_unichar_tolower (c);
          v = (guint16) (low < TABLE_END && low != 0 ? low : c);
        }
      symbol_table[c] = v;
      script_table[c] = (guint8) lang_text_script (c);
    }
  return NULL;
}

static inline guint32
symbol_of (gunichar c)
{
  if (c < TABLE_END)
    return symbol_table[c];
  if (c < 0x3040)                               /* CJK punctuation */
    return 0;
  if (c < 0xA000 || (c >= 0xAC00 && c < 0xD7B0) || (c >= 0xF900 && c < 0xFB00))
    return c;                                   /* kana, ideographs, Hangul */
  if (c >= 0xFE00 && c < 0xFE10)
    return SKIP;                                /* variation selectors */
  if (c == 0xFEFF)
    return SKIP;
  if (c >= 0xFF21 && c <= 0xFF3A)               /* fullwidth A-Z */
    return c - 0xFF21 + 'a';
  if (c >= 0xFF41 && c <= 0xFF5A)
    return c - 0xFF41 + 'a';
  if (c >= 0xFF66 && c < 0xFFDD)                /* halfwidth kana, Hangul */
    return c;
  if (c >= 0xFE10 && c < 0xFFF0)
    return 0;
  if (c >= 0x20000 && c < 0x30000)              /* CJK extensions */
    return c;
  if (c >= 0xE0100 && c < 0xE01F0)
    return SKIP;
  return g_unichar_isalpha (c) ? g_unichar_tolower (c) : 0;
}

/* The code point at @s (@left bytes), its length in *@n; invalid bytes
 * give 0 (a boundary) and length 1. */
static inline gunichar
decode (const guchar *s, gsize left, gsize *n)
{
  guchar b = s[0];

  if (b >= 0xC2 && b < 0xE0 && left >= 2 && (s[1] & 0xC0) == 0x80)
    {
      *n = 2;
      return ((gunichar) (b & 0x1F) << 6) | (s[1] & 0x3F);
    }
  if (b >= 0xE0 && b < 0xF0 && left >= 3 && (s[1] & 0xC0) == 0x80
      && (s[2] & 0xC0) == 0x80)
    {
      gunichar c = ((gunichar) (b & 0x0F) << 12) | ((gunichar) (s[1] & 0x3F) << 6)
                   | (s[2] & 0x3F);
      *n = 3;
      return c >= 0x800 ? c : 0;
    }
  if (b >= 0xF0 && b < 0xF5 && left >= 4 && (s[1] & 0xC0) == 0x80
      && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
    {
      gunichar c = ((gunichar) (b & 0x07) << 18) | ((gunichar) (s[1] & 0x3F) << 12)
                   | ((gunichar) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
      *n = 4;
      return c >= 0x10000 && c <= 0x10FFFF ? c : 0;
    }
  *n = 1;
  return 0;
}

const guint8 lang_text_ascii_separator[256] = {
  [0 ... '@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1,
  ['`'] = 1, ['{' ... 127] = 1,
};

/* ASCII letters lower-cased; every other ASCII byte a boundary. */
static const guint8 ascii_symbol[128] = {
  ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
  ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
  ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
  ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
  ['Y'] = 'y', ['Z'] = 'z',
  ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
  ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
  ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
  ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
  ['y'] = 'y', ['z'] = 'z',
};

static GOnce table_once = G_ONCE_INIT;

gsize
lang_text_normalize_unit (const char *text, gsize len, const guint32 *known_map,
                          guint32 *out, gsize *n_letters, gsize *n_known,
                          guint *script)
{
  const guchar *s = (const guchar *) text, *end = s + len;
  gsize n = 0, letters = 0, known = 0, count[LANG_N_SCRIPTS] = { 0 };
  guint32 last = LANG_BOUNDARY, seen = 0;   /* bit k: a letter of script k */
  guint best = LANG_SCRIPT_LATIN;

  g_once (&table_once, init_table, NULL);
  while (s < end)
    {
      guint32 v, sc = LANG_SCRIPT_LATIN;

      if (*s < 0x80)
        v = ascii_symbol[*s++];
      else
        {
          gsize k;
          v = symbol_of (decode (s, (gsize) (end - s), &k));
          s += k;
          if (v == SKIP)
            continue;
          if (v != 0)
            sc = v < TABLE_END ? script_table[v] : lang_text_script (v);
        }
      if (v == 0)
        {
          if (last != LANG_BOUNDARY)
            out[n++] = last = LANG_BOUNDARY;
          continue;
        }
      count[sc]++;
      seen |= 1u << sc;
      out[n++] = last = v;
      letters++;
      if (known_map != NULL && v < LANG_KNOWN_END)
        known += known_map[v >> 5] >> (v & 31) & 1;
    }
  if (last != LANG_BOUNDARY)
    out[n++] = LANG_BOUNDARY;
  if ((seen & (seen - 1)) == 0)
    best = seen ? (guint) __builtin_ctz (seen) : LANG_SCRIPT_LATIN;
  else
    for (guint k = 1; k < LANG_N_SCRIPTS; k++)
      if (lang_text_script_weight ((LangScript) k, count[k])
          > lang_text_script_weight ((LangScript) best, count[best]))
        best = k;
  *n_letters = letters;
  *n_known = known;
  *script = best;
  return n;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bit i set: byte i of the 16 at @p is an ASCII non-letter. */
static inline guint
separator_mask (const guchar *p)
{
  __m128i x = _mm_loadu_si128 ((const __m128i *) (gconstpointer) p);
  __m128i low = _mm_or_si128 (x, _mm_set1_epi8 (0x20));
  /* letters: 'a' <= (x | 0x20) <= 'z'; bytes >= 0x80 are signed < 0 */
  __m128i az = _mm_and_si128 (_mm_cmpgt_epi8 (low, _mm_set1_epi8 ('a' - 1)),
                              _mm_cmplt_epi8 (low, _mm_set1_epi8 ('z' + 1)));
  __m128i ascii = _mm_cmpgt_epi8 (x, _mm_set1_epi8 (-1));
  return (guint) _mm_movemask_epi8 (_mm_andnot_si128 (az, ascii));
}
#endif

gsize
lang_text_span_end (const char *text, gsize pos, gsize len, gboolean separators)
{
  const guchar *t = (const guchar *) text;

#if defined(__SSE2__)
  while (pos + 16 <= len)
    {
      guint m = separator_mask (t + pos);
      if (separators)
        m = ~m & 0xFFFF;
      if (m != 0)
        return pos + (gsize) __builtin_ctz (m);
      pos += 16;
    }
  /* the last bytes: the text's last 16, those before pos shifted off */
  if (pos < len && len >= 16)
    {
      guint m = separator_mask (t + len - 16);
      if (separators)
        m = ~m & 0xFFFF;
      m >>= pos - (len - 16);
      return m != 0 ? pos + (gsize) __builtin_ctz (m) : len;
    }
#endif
  while (pos < len && lang_text_ascii_separator[t[pos]] == (guint8) separators)
    pos++;
  return pos;
}

static gboolean
is_link (const char *p, gsize len)
{
  return memchr (p, '@', len) != NULL
         || (len > 3 && g_strstr_len (p, (gssize) len, "://") != NULL)
         || (len > 4 && g_ascii_strncasecmp (p, "www.", 4) == 0);
}

gboolean
lang_text_next_span (const char *text, gsize len, gsize *pos, gsize *start,
                     gsize *end)
{
  for (;;)
    {
      gsize s = lang_text_span_end (text, *pos, len, TRUE), e, t;

      if (s == len)
        {
          *pos = len;
          return FALSE;
        }
      e = lang_text_span_end (text, s, len, FALSE);
      /* a link's first span ends at ':', '.' or '@'; look at its token
       * only then */
      if (e < len && (text[e] == ':' || text[e] == '.' || text[e] == '@')
          && (s == 0 || g_ascii_isspace (text[s - 1]) || strchr ("<(\"'[", text[s - 1]) != NULL))
        {
          for (t = e; t < len && !g_ascii_isspace (text[t]); t++)
            ;
          if (is_link (text + s, t - s))
            {
              *pos = t;
              continue;
            }
        }
      *start = s;
      *end = *pos = e;
      return TRUE;
    }
}
