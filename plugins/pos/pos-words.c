/* pos-words.c — UD English word segmentation of one token (pos-words.h).
 *
 * Three rules, in this order, each checked against UD English-EWT train:
 *   1. A hyphen between two letters or digits of a token that has a
 *      letter is a word of its own ("well-known" -> well - known, each a
 *      token of its own in CoNLL-U), unless the part before it is a prefix
 *      EWT keeps attached ("e-mail", "non-profit", "re-read").
 *   2. The last part loses its clitic: "n't" ("do" + "n't", "ca" + "n't",
 *      "wo" + "n't") or "'s", "'m", "'d", "'re", "'ve", "'ll" after a
 *      letter, with ', ’ or ` as the apostrophe.
 *   3. Contractions written without an apostrophe, and the fused forms UD
 *      splits ("dont", "im", "gonna", "cannot"): a fixed table.
 * The pieces of rules 2 and 3 are one multiword token.
 */
#include <string.h>
#include "pos-words.h"

/* First parts that EWT keeps joined to the rest by a hyphen. */
static const char *const kept_prefixes[] = {
  "anti", "arch", "co", "counter", "cross", "e", "ex", "extra", "inter", "intra",
  "micro", "mid", "multi", "neo", "non", "over", "post", "pre", "pro", "psycho",
  "re", "semi", "socio", "sub", "ultra", "un",
};

/* Written without an apostrophe, or fused: the word boundaries marked '|'
 * (EWT's own splits: "ca" + "nt" as in "ca" + "n't"). */
static const char *const fused[] = {
  "do|nt", "does|nt", "did|nt", "ca|nt", "wo|nt", "is|nt", "was|nt", "are|nt",
  "were|nt", "have|nt", "has|nt", "had|nt", "would|nt", "could|nt", "should|nt",
  "ai|nt", "ar|nt", "i|m", "i|ve", "you|re", "they|re", "that|s", "what|s",
  "here|s", "there|s", "he|s", "let|s", "it|ll", "you|ll", "gon|na", "wan|na",
  "got|ta", "out|ta", "sort|a", "can|not", "du|n|no", "gim|me", "lem|me", "a|lot",
};

static inline gboolean
is_ascii_alnum (guchar c)
{
  return (guchar) ((c | 0x20) - 'a') < 26 || (guchar) (c - '0') < 10;
}

/* A letter or digit ends at @s[@pos - 1] / starts at @s[@pos]: ASCII, or
 * any multi-byte character (letters of other scripts; the tokenizer has
 * already separated punctuation). */
static inline gboolean
alnum_before (const char *s, gsize pos)
{
  return pos > 0 && ((guchar) s[pos - 1] >= 0x80 || is_ascii_alnum ((guchar) s[pos - 1]));
}

static inline gboolean
alnum_at (const char *s, gsize len, gsize pos)
{
  return pos < len && ((guchar) s[pos] >= 0x80 || is_ascii_alnum ((guchar) s[pos]));
}

static inline gboolean
ascii_letter (guchar c)
{
  return (guchar) ((c | 0x20) - 'a') < 26;
}

/* Lower-cases @n ASCII bytes of @s into @out; FALSE when one is not an
 * ASCII letter. */
static gboolean
lower_letters (const char *s, gsize n, char *out)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!ascii_letter ((guchar) s[i]))
        return FALSE;
      out[i] = (char) (s[i] | 0x20);
    }
  return TRUE;
}

static gboolean
is_kept_prefix (const char *s, gsize n)
{
  char low[8];

  if (n == 0 || n > sizeof low || !lower_letters (s, n, low))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (kept_prefixes); k++)
    if (strlen (kept_prefixes[k]) == n && memcmp (kept_prefixes[k], low, n) == 0)
      return TRUE;
  return FALSE;
}

/* A date such as "01-Feb-02", which EWT keeps whole. */
static gboolean
is_dash_date (const char *s, gsize len)
{
  gsize i = 0, k;

  for (k = 0; i < len && (guchar) (s[i] - '0') < 10; i++, k++)
    ;
  if (k < 1 || k > 2 || i + 5 > len || s[i] != '-')
    return FALSE;
  for (i++, k = 0; i < len && ascii_letter ((guchar) s[i]); i++, k++)
    ;
  if (k != 3 || i >= len || s[i] != '-')
    return FALSE;
  for (i++, k = 0; i < len && (guchar) (s[i] - '0') < 10; i++, k++)
    ;
  return i == len && (k == 2 || k == 4);
}

static gboolean
has_letter (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) s[i] >= 0x80 || ascii_letter ((guchar) s[i]))
      return TRUE;
  return FALSE;
}

/* The length of the apostrophe ending at @s[@end - 1] (', ` or ’), or 0. */
static gsize
apostrophe_before (const char *s, gsize start, gsize end)
{
  if (end > start && (s[end - 1] == '\'' || s[end - 1] == '`'))
    return 1;
  if (end >= start + 3 && (guchar) s[end - 3] == 0xE2 && (guchar) s[end - 2] == 0x80
      && (guchar) s[end - 1] == 0x99)
    return 3;
  return 0;
}

/* Where the clitic of the segment [@start, @end) begins (rule 2), or 0. */
static gsize
clitic_start (const char *s, gsize start, gsize end)
{
  gsize n = end - start, ap;
  char c1, c2;

  if (n < 3)
    return 0;
  c1 = (char) (s[end - 1] | 0x20);
  c2 = (char) (s[end - 2] | 0x20);
  /* n't */
  if (c1 == 't' && (ap = apostrophe_before (s, start, end - 1)) != 0
      && end - 1 - ap > start + 1 && (s[end - 2 - ap] | 0x20) == 'n'
      && alnum_before (s, end - 2 - ap))
    return end - 2 - ap;
  /* 's 'm 'd */
  if ((c1 == 's' || c1 == 'm' || c1 == 'd')
      && (ap = apostrophe_before (s, start, end - 1)) != 0 && end - 1 - ap > start
      && ascii_letter ((guchar) s[end - 2 - ap]))
    return end - 1 - ap;
  /* 're 've 'll */
  if (((c2 == 'r' && c1 == 'e') || (c2 == 'v' && c1 == 'e') || (c2 == 'l' && c1 == 'l'))
      && n >= 4 && (ap = apostrophe_before (s, start, end - 2)) != 0
      && end - 2 - ap > start && ascii_letter ((guchar) s[end - 3 - ap]))
    return end - 2 - ap;
  return 0;
}

/* Rule 3: splits [@start, @end) by the fused table into @out; returns the
 * number of words written, or 0 when the segment is not in the table. */
static guint
split_fused (const char *s, gsize start, gsize end, PosWordSpan *out)
{
  char low[8];
  gsize n = end - start;

  if (n < 2 || n > sizeof low || !lower_letters (s + start, n, low))
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (fused); k++)
    {
      const char *f = fused[k];
      gsize i = 0, j = 0;
      guint w = 0;

      for (; f[j] != '\0' && i < n; j++)
        if (f[j] != '|' && f[j] != low[i++])
          break;
      if (f[j] != '\0' || i != n)
        continue;
      /* a match: cut at every '|' */
      out[0].start = (guint16) start;
      for (j = 0, i = 0; f[j] != '\0'; j++)
        if (f[j] == '|')
          {
            out[w].end = (guint16) (start + i);
            out[w].mwt_next = 1;
            out[++w].start = (guint16) (start + i);
          }
        else
          i++;
      out[w].end = (guint16) end;
      out[w].mwt_next = 0;
      return w + 1;
    }
  return 0;
}

guint
pos_words_split (const char *s, gsize len, PosWordSpan *out)
{
  guint n = 0;
  gsize seg = 0, cut;

  out[0] = (PosWordSpan) { 0, (guint16) MIN (len, G_MAXUINT16), 0 };
  if (len > G_MAXUINT16 || len < 2)
    return 1;

  /* rule 1: hyphens between letters or digits, in tokens with a letter */
  if (memchr (s, '-', len) != NULL && has_letter (s, len) && !is_dash_date (s, len))
    {
      for (gsize i = 1; i + 1 < len; i++)
        if (s[i] == '-' && alnum_before (s, i) && alnum_at (s, len, i + 1)
            && !is_kept_prefix (s + seg, i - seg))
          {
            if (n + 3 > POS_MAX_WORDS)
              return 1;
            out[n++] = (PosWordSpan) { (guint16) seg, (guint16) i, 0 };
            out[n++] = (PosWordSpan) { (guint16) i, (guint16) (i + 1), 0 };
            seg = i + 1;
          }
    }

  /* rules 2 and 3 on the last part */
  if ((cut = clitic_start (s, seg, len)) != 0)
    {
      out[n++] = (PosWordSpan) { (guint16) seg, (guint16) cut, 1 };
      out[n++] = (PosWordSpan) { (guint16) cut, (guint16) len, 0 };
      return n;
    }
  if (n + 3 <= POS_MAX_WORDS)
    {
      guint k = split_fused (s, seg, len, out + n);
      if (k > 0)
        return n + k;
    }
  out[n++] = (PosWordSpan) { (guint16) seg, (guint16) len, 0 };
  return n;
}

/* Emoticons the tokenizer cuts into punctuation ("(" ":" ...). */
static const char *const emoticons[] = {
  ":)", ":(", ":-)", ":-(", ";)", ";-)", "(:", "):", "=)", "=(", ":/", ">:(", ":D", ":-D",
  ":P", ":p", ":-P", "^^", "^_^", "<3",
};

static inline gboolean
glued (const NlpSpan *spans, guint i)
{
  return spans[i].end == spans[i + 1].start;
}

/* A run of one repeated character that UD keeps whole: "___", "***". */
static guint
glue_run (const char *text, const NlpSpan *spans, guint i, guint n)
{
  char c = text[spans[i].start];
  guint j = i;

  if (strchr ("_*=~^#+", c) == NULL || c == '\0')
    return 1;
  while (j < n && spans[j].end - spans[j].start == 1 && text[spans[j].start] == c
         && (j == i || glued (spans, j - 1)))
    j++;
  return MAX (j - i, 1);
}

static guint
glue_emoticon (const char *text, const NlpSpan *spans, guint i, guint n)
{
  guint best = 1;

  for (guint k = 0; k < G_N_ELEMENTS (emoticons); k++)
    {
      gsize len = strlen (emoticons[k]);
      guint j = i;
      gsize at = 0;

      /* whole tokens, glued, spelling the emoticon exactly */
      while (j < n && at < len && (j == i || glued (spans, j - 1)))
        {
          gsize tl = spans[j].end - spans[j].start;
          if (at + tl > len || memcmp (text + spans[j].start, emoticons[k] + at, tl) != 0)
            break;
          at += tl;
          j++;
        }
      if (at == len && j - i > best)
        best = j - i;
    }
  return best;
}

static inline gboolean
alnum_token (const char *text, const NlpSpan *span)
{
  for (guint b = span->start; b < span->end; b++)
    if (!is_ascii_alnum ((guchar) text[b]))
      return FALSE;
  return span->end > span->start;
}

/* Names with inner periods that the tokenizer cut: "Guaranty.doc",
 * "alt.animals.cat", "EY4108.E" (letters or digits on both sides of each
 * period, no space anywhere). */
static guint
glue_dotted (const char *text, const NlpSpan *spans, guint i, guint n)
{
  guint j = i;

  if (!alnum_token (text, &spans[i]))
    return 1;
  while (j + 2 < n && glued (spans, j) && glued (spans, j + 1)
         && spans[j + 1].end - spans[j + 1].start == 1 && text[spans[j + 1].start] == '.'
         && alnum_token (text, &spans[j + 2]))
    j += 2;
  return j - i + 1;
}

guint
pos_words_glue (const char *text, const NlpSpan *spans, guint i, guint n,
                GHashTable *abbrevs)
{
  const char *s = text + spans[i].start;
  gsize len = spans[i].end - spans[i].start;
  guint k;

  if (i + 1 >= n || !glued (spans, i))
    return 1;
  /* an abbreviation and its period, unless the period ends the sentence */
  if (i + 2 < n && spans[i + 1].end - spans[i + 1].start == 1 && text[spans[i + 1].start] == '.'
      && len < 16)
    {
      char key[16];
      memcpy (key, s, len);
      key[len] = '\0';
      if ((len == 1 && (guchar) (s[0] - 'A') < 26) || g_hash_table_contains (abbrevs, key))
        return 2;
    }
  /* '68, '90s */
  if (len == 1 && (s[0] == '\'' || s[0] == '`') && (i == 0 || !glued (spans, i - 1))
      && spans[i + 1].end - spans[i + 1].start <= 3 && (guchar) (s[1] - '0') < 10
      && (guchar) (s[2] - '0') < 10)
    return 2;
  if ((k = glue_run (text, spans, i, n)) > 1)
    return k;
  if ((k = glue_dotted (text, spans, i, n)) > 1)
    return k;
  return glue_emoticon (text, spans, i, n);
}
