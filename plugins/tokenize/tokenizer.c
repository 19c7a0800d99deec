/* tokenizer.c — a hand-written, single-pass token scanner over UTF-8 bytes.
 *
 * ASCII is classified through a byte table; only non-ASCII characters are
 * decoded and handed to g_unichar_*.  Tokens are appended to a caller-owned
 * GArray, so a worker that reuses its array allocates nothing per token.
 *
 * Every look-ahead is bounded (a dotted abbreviation, an e-mail domain, a
 * bare domain name) or consumes what it reads, which keeps the scan linear
 * on any input; the fuzz target checks it on random bytes.
 */
#include <string.h>
#include "tokenizer.h"

const char *const tokenizer_kind_names[TOKEN_N_KINDS] = {
  "word", "number", "punct", "symbol", "url", "email", "mention", "hashtag",
  "emoji",
};

enum {
  C_SPACE = 1 << 0,
  C_ALPHA = 1 << 1,
  C_DIGIT = 1 << 2,
  C_UPPER = 1 << 3,
  C_PUNCT = 1 << 4,   /* Unicode P*: the rest of the printable ASCII is S* */
  C_LOCAL = 1 << 5,   /* may appear in the local part of an e-mail address */
  C_URLX  = 1 << 6,   /* never inside a URL */
};

static const guint8 ascii_class[128] = {
  [0 ... 8] = C_URLX, [14 ... 31] = C_URLX,
  ['\t'] = C_SPACE | C_URLX, ['\n'] = C_SPACE | C_URLX, ['\v'] = C_SPACE | C_URLX,
  ['\f'] = C_SPACE | C_URLX, ['\r'] = C_SPACE | C_URLX, [' '] = C_SPACE | C_URLX,
  ['a' ... 'z'] = C_ALPHA | C_LOCAL,
  ['A' ... 'Z'] = C_ALPHA | C_UPPER | C_LOCAL,
  ['0' ... '9'] = C_DIGIT | C_LOCAL,
  ['!'] = C_PUNCT, ['"'] = C_PUNCT | C_URLX, ['#'] = C_PUNCT, ['%'] = C_PUNCT | C_LOCAL,
  ['&'] = C_PUNCT, ['\''] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT,
  ['*'] = C_PUNCT, [','] = C_PUNCT, ['-'] = C_PUNCT | C_LOCAL, ['.'] = C_PUNCT | C_LOCAL,
  ['/'] = C_PUNCT, [':'] = C_PUNCT, [';'] = C_PUNCT, ['?'] = C_PUNCT,
  ['@'] = C_PUNCT, ['['] = C_PUNCT, ['\\'] = C_PUNCT | C_URLX, [']'] = C_PUNCT,
  ['_'] = C_PUNCT | C_LOCAL, ['{'] = C_PUNCT | C_URLX, ['}'] = C_PUNCT | C_URLX,
  ['+'] = C_LOCAL, ['<'] = C_URLX, ['>'] = C_URLX, ['^'] = C_URLX, ['`'] = C_URLX,
  ['|'] = C_URLX, [127] = C_URLX,
};

#define IS(b, cls) ((b) < 0x80 && (ascii_class[(b)] & (cls)))
#define BAD_CHAR 0x110000   /* an invalid byte: classified as a symbol */

/* Bounds of the look-aheads that do not consume what they read. */
#define MAX_EMAIL_LOCAL 64
#define MAX_DOMAIN 253

typedef struct {
  const guchar *s;
  gsize         len;
  GArray       *out;               /* its length is set once, at the end */
  guint         n;                 /* tokens in out */
  guint         cap;               /* elements allocated in out */
  gsize         no_domain_before;  /* a failed bare-domain look-ahead's end */
  gboolean      failed;            /* out could not grow: tokens dropped */
} Scan;

/* Whether @bytes more can be allocated now: a GArray aborts the program
 * when it cannot grow, and a document too big for memory must fail alone
 * (the block is given back at once; the array takes its room). */
static gboolean
room_for (gsize bytes)
{
  gpointer p = g_try_malloc (bytes);
  g_free (p);
  return p != NULL;
}

static inline gunichar
decode (const guchar *s, gsize len, gsize pos, gsize *n)
{
  guchar b = s[pos];
  gunichar c;

  *n = 1;
  if (b < 0x80)
    return b;
  if (b >= 0xC2 && b < 0xE0 && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80)
    {
      *n = 2;
      return ((gunichar) (b & 0x1F) << 6) | (s[pos + 1] & 0x3F);
    }
  if (b >= 0xE0 && b < 0xF0 && pos + 2 < len && (s[pos + 1] & 0xC0) == 0x80
      && (s[pos + 2] & 0xC0) == 0x80)
    {
      c = ((gunichar) (b & 0x0F) << 12) | ((gunichar) (s[pos + 1] & 0x3F) << 6)
          | (s[pos + 2] & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
        {
          *n = 3;
          return c;
        }
    }
  if (b >= 0xF0 && b < 0xF5 && pos + 3 < len && (s[pos + 1] & 0xC0) == 0x80
      && (s[pos + 2] & 0xC0) == 0x80 && (s[pos + 3] & 0xC0) == 0x80)
    {
      c = ((gunichar) (b & 0x07) << 18) | ((gunichar) (s[pos + 1] & 0x3F) << 12)
          | ((gunichar) (s[pos + 2] & 0x3F) << 6) | (s[pos + 3] & 0x3F);
      if (c >= 0x10000 && c <= 0x10FFFF)
        {
          *n = 4;
          return c;
        }
    }
  return BAD_CHAR;
}

static inline gboolean
uni_is_space (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || (c < BAD_CHAR && g_unichar_isspace (c));
}

gsize
tokenizer_space_len (const char *text, gsize len, gsize pos)
{
  const guchar *s = (const guchar *) text;
  gsize n;

  if (s[pos] < 0x80)
    return IS (s[pos], C_SPACE) ? 1 : 0;
  return uni_is_space (decode (s, len, pos, &n)) ? n : 0;
}

static inline gboolean
is_emoji (gunichar c)
{
  if (c >= 0x1F000)
    return c <= 0x1FAFF;
  if (c >= 0x2600 && c <= 0x27BF)
    return TRUE;
  switch (c)
    {
    case 0x231A: case 0x231B: case 0x2328: case 0x2B05: case 0x2B06:
    case 0x2B07: case 0x2B1B: case 0x2B1C: case 0x2B50: case 0x2B55:
    case 0x2934: case 0x2935: case 0x3030: case 0x303D: case 0x3297:
    case 0x3299:
      return TRUE;
    default:
      return c >= 0x23E9 && c <= 0x23FA;
    }
}

static inline gboolean
is_emoji_modifier (gunichar c)
{
  return c == 0xFE0F || c == 0xFE0E || c == 0x20E3
         || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static inline gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Scripts written without spaces: one token per character. */
static inline gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF)
         || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
         || (c >= 0x20000 && c <= 0x2FFFF);
}

static inline gboolean
uni_is_word (gunichar c)
{
  return c < BAD_CHAR && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Is the character at @pos a letter (ASCII fast path)? */
static inline gboolean
letter_at (const Scan *sc, gsize pos)
{
  gsize n;
  gunichar c;

  if (pos >= sc->len)
    return FALSE;
  if (sc->s[pos] < 0x80)
    return IS (sc->s[pos], C_ALPHA);
  c = decode (sc->s, sc->len, pos, &n);
  return c < BAD_CHAR && g_unichar_isalpha (c) && !is_cjk (c);
}

static inline gboolean
alnum_at (const Scan *sc, gsize pos)
{
  gsize n;
  gunichar c;

  if (pos >= sc->len)
    return FALSE;
  if (sc->s[pos] < 0x80)
    return IS (sc->s[pos], C_ALPHA | C_DIGIT);
  c = decode (sc->s, sc->len, pos, &n);
  return c < BAD_CHAR && g_unichar_isalnum (c) && !is_cjk (c);
}

static inline void
emit (Scan *sc, gsize start, gsize end, TokenKind kind)
{
  TokenSpan *t;

  /* g_array_append_val checks for overflow with a division on every call;
   * this loop is the tokenizer's hottest, so the array grows here */
  if (G_UNLIKELY (sc->n == sc->cap))
    {
      guint cap = MAX (256u, sc->cap * 2);
      if (sc->failed || !room_for ((gsize) cap * sizeof (TokenSpan)))
        {
          sc->failed = TRUE;
          return;
        }
      sc->cap = cap;
      g_array_set_size (sc->out, sc->cap);
    }
  t = &((TokenSpan *) (gpointer) sc->out->data)[sc->n++];
  t->start = (guint32) start;
  t->end = (guint32) end;
  t->kind = kind;
}

/* Combining marks and variation selectors after a lone character belong to
 * it (a grapheme is never split). */
static gsize
skip_marks (const Scan *sc, gsize p, gboolean *saw_vs16)
{
  while (p < sc->len && sc->s[p] >= 0x80)
    {
      gsize n;
      gunichar c = decode (sc->s, sc->len, p, &n);
      if (c >= BAD_CHAR || !(g_unichar_ismark (c) || c == 0xFE0F || c == 0xFE0E))
        break;
      if (c == 0xFE0F && saw_vs16 != NULL)
        *saw_vs16 = TRUE;
      p += n;
    }
  return p;
}

/* "1️⃣", "#⃣": the length of a keycap sequence at @pos, or 0. */
static gsize
keycap_len (const Scan *sc, gsize pos)
{
  const guchar *s = sc->s + pos;
  gsize left = sc->len - pos;

  if (left < 4 || s[1] < 0x80)
    return 0;
  if (left >= 7 && memcmp (s + 1, "\xEF\xB8\x8F\xE2\x83\xA3", 6) == 0)
    return 7;
  if (left >= 4 && memcmp (s + 1, "\xE2\x83\xA3", 3) == 0)
    return 4;
  return 0;
}

static gsize
scan_emoji (Scan *sc, gsize start)
{
  gsize p = start, n, n2;
  gunichar c = decode (sc->s, sc->len, p, &n);

  p += n;
  if (is_regional_indicator (c))
    {
      if (p < sc->len && is_regional_indicator (decode (sc->s, sc->len, p, &n2)))
        p += n2;
    }
  while (p < sc->len && sc->s[p] >= 0x80)
    {
      c = decode (sc->s, sc->len, p, &n);
      if (is_emoji_modifier (c))
        {
          p += n;
          continue;
        }
      if (c == 0x200D && p + n < sc->len
          && is_emoji (decode (sc->s, sc->len, p + n, &n2)))
        {
          p += n + n2;
          continue;
        }
      break;
    }
  emit (sc, start, p, TOKEN_EMOJI);
  return p;
}

static gboolean
has_url_scheme (const Scan *sc, gsize pos)
{
  static const char *const prefixes[] = { "https://", "http://", "ftp://", "www.", NULL };
  gsize left = sc->len - pos;
  const guchar *s = sc->s + pos;

  /* every word starting with h, f or w comes here ("the", "with", "for"):
   * reject on the next two letters before any string comparison */
  if (left < 5)
    return FALSE;
  switch (s[0] | 0x20)
    {
    case 'h': if ((s[1] | 0x20) != 't' || (s[2] | 0x20) != 't') return FALSE; break;
    case 'f': if ((s[1] | 0x20) != 't' || (s[2] | 0x20) != 'p') return FALSE; break;
    case 'w': if ((s[1] | 0x20) != 'w' || (s[2] | 0x20) != 'w') return FALSE; break;
    default: return FALSE;
    }
  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      gsize k = strlen (prefixes[i]);
      if (left > k && g_ascii_strncasecmp ((const char *) sc->s + pos, prefixes[i], k) == 0
          && !IS (sc->s[pos + k], C_SPACE | C_URLX))
        return TRUE;
    }
  return FALSE;
}

/* A URL runs to white space or a character never found in one; trailing
 * sentence punctuation and unbalanced closing brackets are given back. */
static gsize
scan_url (Scan *sc, gsize start)
{
  gsize p = start;
  gint parens = 0, brackets = 0;

  while (p < sc->len)
    {
      guchar b = sc->s[p];
      if (b < 0x80)
        {
          if (ascii_class[b] & C_URLX)
            break;
          parens += (b == '(') - (b == ')');
          brackets += (b == '[') - (b == ']');
          p++;
        }
      else
        {
          gsize n;
          gunichar c = decode (sc->s, sc->len, p, &n);
          if (!uni_is_word (c))
            break;
          p += n;
        }
    }
  while (p > start + 1)
    {
      guchar b = sc->s[p - 1];
      if (strchr (".,;:!?'*", b) != NULL)
        p--;
      else if (b == ')' && parens < 0)
        p--, parens++;
      else if (b == ']' && brackets < 0)
        p--, brackets++;
      else
        break;
    }
  emit (sc, start, p, TOKEN_URL);
  return p;
}

/* Top-level domains recognised in a bare host name ("bbc.co.uk").  Short
 * English words (in, it, is, me, to ...) are left out on purpose: "end.It"
 * is a missing space, not a domain. */
static gboolean
is_tld (const guchar *s, gsize n)
{
  static const char *const tlds[] = {
    "com", "net", "org", "edu", "gov", "mil", "int", "io", "co", "uk", "ca",
    "au", "de", "fr", "es", "ru", "cn", "jp", "nl", "se", "ch", "eu", "info",
    "biz", "tv", "ly", "app", "dev", "ai", "news", NULL
  };
  char low[8];

  if (n < 2 || n > 4)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    low[i] = g_ascii_tolower (s[i]);
  low[n] = '\0';
  for (guint i = 0; tlds[i] != NULL; i++)
    if (strcmp (low, tlds[i]) == 0)
      return TRUE;
  return FALSE;
}

/* At a '.' inside a word: does a host name whose last label is a known TLD
 * continue here?  Remembers a failure so that the dots of one long chain
 * are looked at once. */
static gboolean
bare_domain_follows (Scan *sc, gsize dot)
{
  gsize p = dot, last = 0, last_end = 0, limit = MIN (sc->len, dot + MAX_DOMAIN);

  if (dot < sc->no_domain_before)
    return FALSE;
  while (p < limit && sc->s[p] == '.')
    {
      gsize q = p + 1;
      while (q < limit && (IS (sc->s[q], C_ALPHA | C_DIGIT) || sc->s[q] == '-'))
        q++;
      if (q == p + 1)
        break;
      last = p + 1;
      last_end = p = q;
    }
  if (last_end > 0 && !alnum_at (sc, last_end) && is_tld (sc->s + last, last_end - last))
    return TRUE;
  sc->no_domain_before = MAX (p, dot + 1);
  return FALSE;
}

/* "U.S", "a.m", "Ph.D": at a '.' after a segment of at most two letters,
 * the next segment has one or two letters of one case, then no letter. */
static gboolean
dotted_continues (const Scan *sc, gsize dot)
{
  gsize p = dot + 1;
  guint upper = 0, k = 0;

  while (p < sc->len && k < 3 && IS (sc->s[p], C_ALPHA))
    {
      upper += IS (sc->s[p], C_UPPER) ? 1 : 0;
      p++, k++;
    }
  return k >= 1 && k <= 2 && (upper == 0 || upper == k) && !alnum_at (sc, p);
}

/* At a '.' after an upper-case code: one or two capitals, then neither a
 * letter nor a digit nor a period. */
static gboolean
ticker_suffix (const Scan *sc, gsize dot)
{
  gsize p = dot + 1;

  while (p < sc->len && p - dot <= 3 && IS (sc->s[p], C_UPPER))
    p++;
  return p > dot + 1 && p - dot <= 3 && !alnum_at (sc, p)
         && (p >= sc->len || sc->s[p] != '.');
}

/* Words and numbers, with the joiners that keep one token whole:
 * apostrophes and hyphens between letters, digit separators, dotted
 * abbreviations, "AT&T"; URLs and bare domains are handed to scan_url. */
static gsize
scan_word (Scan *sc, gsize start)
{
  const guchar *s = sc->s;
  gsize len = sc->len, p = start, n;
  gboolean number = IS (s[start], C_DIGIT) || (s[start] >= 0x80
                    && g_unichar_isdigit (decode (s, len, start, &n)));
  gboolean dotted = FALSE;
  gsize word_start = start;   /* after the last hyphen: "non-U.S." */

  if (((s[start] | 0x20) == 'h' || (s[start] | 0x20) == 'w' || (s[start] | 0x20) == 'f')
      && has_url_scheme (sc, start))
    return scan_url (sc, start);
  if (number && (n = keycap_len (sc, start)) > 0)
    {
      emit (sc, start, start + n, TOKEN_EMOJI);
      return start + n;
    }

  for (;;)
    {
      gsize seg = p;
      /* classes seen in this segment: any (OR) and every (AND) character,
       * cheaper than three counters per byte */
      guint8 any = 0, all = 0xFF;
      guint chars = 0;

      while (p < len)
        {
          guchar b = s[p];
          if (b < 0x80)
            {
              guint8 cls = ascii_class[b];
              if (!(cls & (C_ALPHA | C_DIGIT)) && b != '_')
                break;
              any |= cls;
              all &= cls;
              p++;
            }
          else
            {
              gunichar c = decode (s, len, p, &n);
              if (is_cjk (c) || !(uni_is_word (c) || ((c == 0x200C || c == 0x200D) && p > seg)))
                break;
              {
                guint8 k = (g_unichar_isalpha (c) ? C_ALPHA : 0)
                           | (g_unichar_isdigit (c) ? C_DIGIT : 0);
                any |= k;
                all &= k;
              }
              p += n;
            }
          chars++;
        }
      if (p >= len || p == seg)
        break;

      switch (s[p])
        {
        case '\'':
          /* "don't", "rock'n'roll", "O'Brien"; "1990's" */
          if (((any & C_ALPHA) && letter_at (sc, p + 1))
              || ((all & C_DIGIT) && p + 1 < len && s[p + 1] == 's' && !alnum_at (sc, p + 2)))
            {
              p++;
              continue;
            }
          break;
        case '-':
          if (alnum_at (sc, p + 1))
            {
              if (letter_at (sc, p + 1))
                number = FALSE;
              word_start = ++p;
              continue;
            }
          break;
        case '.':
          /* "1,000.50", "v2.3.1", "192.168.0.1" */
          if (IS (s[p - 1], C_DIGIT) && p + 1 < len && IS (s[p + 1], C_DIGIT))
            {
              p++;
              continue;
            }
          if ((all & C_ALPHA) && chars <= 2 && (seg == word_start || dotted)
              && s[word_start] < 0x80)
            {
              if (p + 1 < len && IS (s[p + 1], C_ALPHA) && dotted_continues (sc, p))
                {
                  dotted = TRUE;
                  p++;
                  continue;
                }
              if (dotted)
                {
                  p++;  /* the abbreviation's own final period */
                  if (p + 1 < len && s[p] == '-' && alnum_at (sc, p + 1))
                    {
                      p++;
                      continue;
                    }
                  goto done;
                }
            }
          if (!dotted && p + 1 < len && IS (s[p + 1], C_ALPHA) && bare_domain_follows (sc, p))
            return scan_url (sc, start);
          /* A Reuters instrument code: "<ABBK.O>", "VOD.L" */
          if ((all & C_UPPER) && chars <= 5 && seg == start && ticker_suffix (sc, p))
            {
              p++;
              continue;
            }
          break;
        case ',':
        case ':':
        case '/':
          if ((all & C_DIGIT) && p + 1 < len && IS (s[p + 1], C_DIGIT))
            {
              p++;
              continue;
            }
          break;
        case '&':
          if ((all & C_UPPER) && chars <= 3 && p + 1 < len && IS (s[p + 1], C_UPPER))
            {
              p++;
              continue;
            }
          break;
        case 0xE2:
          /* U+2019 as an apostrophe; U+2010, U+2011 hyphens. */
          if (p + 2 < len && s[p + 1] == 0x80
              && ((s[p + 2] == 0x99 && (any & C_ALPHA) && letter_at (sc, p + 3))
                  || ((s[p + 2] == 0x90 || s[p + 2] == 0x91) && alnum_at (sc, p + 3))))
            {
              p += 3;
              continue;
            }
          break;
        default:
          break;
        }
      break;
    }
done:
  emit (sc, start, p, number ? TOKEN_NUMBER : TOKEN_WORD);
  return p;
}

/* An e-mail address around the '@' at @at: the local part was already
 * scanned as ordinary tokens, which are taken back. */
static gboolean
scan_email (Scan *sc, gsize at, gsize *end)
{
  const guchar *s = sc->s;
  gsize p = at + 1, label = p, local = at, labels = 0, last_alpha = 0;
  guint i = sc->n;
  TokenSpan *toks = (TokenSpan *) (gpointer) sc->out->data;

  for (;;)
    {
      label = p;
      last_alpha = 0;
      while (p < sc->len && p - at <= MAX_DOMAIN
             && (IS (s[p], C_ALPHA | C_DIGIT) || s[p] == '-'))
        last_alpha += IS (s[p], C_ALPHA) ? 1 : 0, p++;
      if (p == label)
        break;
      labels++;
      if (p + 1 < sc->len && s[p] == '.' && IS (s[p + 1], C_ALPHA | C_DIGIT))
        p++;
      else
        break;
    }
  /* The last label must be alphabetic (a TLD), and there must be a dot. */
  if (labels < 2 || last_alpha < 2 || last_alpha != p - label || alnum_at (sc, p))
    return FALSE;

  while (local > 0 && at - local < MAX_EMAIL_LOCAL && IS (s[local - 1], C_LOCAL))
    local--;
  while (local < at && s[local] == '.')
    local++;
  while (i > 0 && toks[i - 1].start >= local)
    i--;
  if (i > 0 && toks[i - 1].end > local)
    local = toks[i - 1].end;
  if (local >= at)
    return FALSE;
  while (i > 0 && toks[i - 1].start >= local)
    i--;
  sc->n = i;
  emit (sc, local, p, TOKEN_EMAIL);
  *end = p;
  return TRUE;
}

/* "@handle" and "#tag": word characters after the sign; a hashtag needs a
 * character that is not a digit ("#1" is a sign and a number). */
static gsize
scan_tag (Scan *sc, gsize start, TokenKind kind)
{
  gsize p = start + 1, n;
  gboolean nondigit = FALSE;

  while (p < sc->len)
    {
      guchar b = sc->s[p];
      if (b < 0x80)
        {
          if (!IS (b, C_ALPHA | C_DIGIT) && b != '_')
            break;
          nondigit |= !IS (b, C_DIGIT);
          p++;
        }
      else
        {
          gunichar c = decode (sc->s, sc->len, p, &n);
          if (!uni_is_word (c))
            break;
          nondigit |= !g_unichar_isdigit (c);
          p += n;
        }
    }
  if (p == start + 1 || (kind == TOKEN_HASHTAG && !nondigit))
    return start;
  emit (sc, start, p, kind);
  return p;
}

static gsize
scan_run (Scan *sc, gsize start, const char *set, TokenKind kind)
{
  gsize p = start + 1;

  while (p < sc->len && sc->s[p] != '\0' && sc->s[p] < 0x80 && strchr (set, sc->s[p]) != NULL)
    p++;
  emit (sc, start, p, kind);
  return p;
}

static gsize
scan_ascii_other (Scan *sc, gsize pos)
{
  guchar b = sc->s[pos];
  gboolean prev_word = pos > 0 && IS (sc->s[pos - 1], C_ALPHA | C_DIGIT | C_LOCAL)
                       && sc->s[pos - 1] != '.' && sc->s[pos - 1] != '-';
  gsize end, p, k;
  gboolean vs16 = FALSE;

  switch (b)
    {
    case '.':
      /* ".5" after a space is a number */
      if (!prev_word && pos + 1 < sc->len && IS (sc->s[pos + 1], C_DIGIT)
          && (pos == 0 || sc->s[pos - 1] != '.'))
        {
          for (p = pos + 1; p < sc->len && IS (sc->s[p], C_DIGIT); p++)
            ;
          emit (sc, pos, p, TOKEN_NUMBER);
          return p;
        }
      return scan_run (sc, pos, ".?!", TOKEN_PUNCT);
    case '?': case '!':
      return scan_run (sc, pos, ".?!", TOKEN_PUNCT);
    case '-':
      return scan_run (sc, pos, "-", TOKEN_PUNCT);
    case '@':
      if (pos > 0 && IS (sc->s[pos - 1], C_LOCAL) && scan_email (sc, pos, &end))
        return end;
      if (!prev_word && (p = scan_tag (sc, pos, TOKEN_MENTION)) > pos)
        return p;
      break;
    case '#': case '*':
      if ((k = keycap_len (sc, pos)) > 0)
        {
          emit (sc, pos, pos + k, TOKEN_EMOJI);
          return pos + k;
        }
      if (b == '#' && !prev_word && (p = scan_tag (sc, pos, TOKEN_HASHTAG)) > pos)
        return p;
      break;
    default:
      break;
    }
  p = skip_marks (sc, pos + 1, &vs16);
  emit (sc, pos, p, vs16 ? TOKEN_EMOJI
                   : (ascii_class[b] & C_PUNCT) ? TOKEN_PUNCT : TOKEN_SYMBOL);
  return p;
}

static gsize
scan_unicode_other (Scan *sc, gsize pos, gunichar c, gsize n)
{
  gsize p = pos + n, n2;
  gboolean vs16 = FALSE;
  TokenKind kind;

  if (c == 0x2026)  /* a run of "…" is one ellipsis */
    {
      while (p + 2 < sc->len && decode (sc->s, sc->len, p, &n2) == 0x2026)
        p += n2;
    }
  p = skip_marks (sc, p, &vs16);
  if (vs16)
    kind = TOKEN_EMOJI;
  else if (c >= BAD_CHAR)
    kind = TOKEN_SYMBOL;
  else
    switch (g_unichar_type (c))
      {
      case G_UNICODE_CONNECT_PUNCTUATION: case G_UNICODE_DASH_PUNCTUATION:
      case G_UNICODE_CLOSE_PUNCTUATION: case G_UNICODE_FINAL_PUNCTUATION:
      case G_UNICODE_INITIAL_PUNCTUATION: case G_UNICODE_OTHER_PUNCTUATION:
      case G_UNICODE_OPEN_PUNCTUATION:
        kind = TOKEN_PUNCT;
        break;
      default:
        kind = is_cjk (c) ? TOKEN_WORD : TOKEN_SYMBOL;
        break;
      }
  emit (sc, pos, p, kind);
  return p;
}

gboolean
tokenizer_scan (const char *text, gsize len, GArray *spans)
{
  Scan sc = { (const guchar *) text, len, spans, spans->len, spans->len, 0, FALSE };
  gsize pos = 0, n;

  g_return_val_if_fail (len < G_MAXUINT32, FALSE);

  while (pos < len)
    {
      guchar b = sc.s[pos];
      gunichar c;

      if (b < 0x80)
        {
          guint8 cls = ascii_class[b];
          if (cls & C_SPACE)
            pos++;
          else if (cls & (C_ALPHA | C_DIGIT))
            pos = scan_word (&sc, pos);
          else
            pos = scan_ascii_other (&sc, pos);
          continue;
        }
      c = decode (sc.s, len, pos, &n);
      if (uni_is_space (c))
        pos += n;
      else if (is_emoji (c))
        pos = scan_emoji (&sc, pos);
      else if (c < BAD_CHAR && g_unichar_isalnum (c) && !is_cjk (c))
        pos = scan_word (&sc, pos);
      else
        pos = scan_unicode_other (&sc, pos, c, n);
    }
  g_array_set_size (spans, sc.n);
  return !sc.failed;
}

const char *
tokenizer_norm (const char *s, gsize len, GString *scratch, gsize *out_len)
{
  gsize i = 0, j;
  gboolean ascii = TRUE;

  while (i < len && (guchar) s[i] < 0x80 && !(s[i] >= 'A' && s[i] <= 'Z'))
    i++;
  if (i == len)
    {
      *out_len = len;
      return s;
    }
  for (j = i; j < len && ascii; j++)
    ascii = (guchar) s[j] < 0x80;
  if (ascii)
    {
      /* The common case, without a GLib call per byte. */
      g_string_set_size (scratch, len);
      for (j = 0; j < len; j++)
        scratch->str[j] = (char) (s[j] >= 'A' && s[j] <= 'Z' ? s[j] | 0x20 : s[j]);
    }
  else
    {
      char *folded = g_utf8_casefold (s, (gssize) len);
      g_string_truncate (scratch, 0);
      for (const char *f = folded; *f != '\0'; f++)
        {
          if ((guchar) f[0] == 0xE2 && (guchar) f[1] == 0x80 && (guchar) f[2] == 0x99)
            {
              g_string_append_c (scratch, '\'');
              f += 2;
            }
          else
            g_string_append_c (scratch, *f);
        }
      g_free (folded);
    }
  *out_len = scratch->len;
  return scratch->str;
}
