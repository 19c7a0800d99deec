/* vader.c — scoring one text the way the VADER reference module does.
 *
 * Each step mirrors one rule of the reference, in its order and with its
 * floating-point operations in the same order, because the printed scores
 * must agree to the last rounded digit.  Where the reference has a quirk
 * (the "but" rule, the "or" in the "so/this" check), the quirk is kept and
 * says so.  Scratch buffers only grow, so a warmed-up worker scores without
 * allocating.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "vader-lexicon.h"
#include "vader-text.h"

#define B_INCR 0.293
#define C_INCR 0.733
#define N_SCALAR (-0.74)
#define ALPHA 15.0

typedef struct {
  const char       *text;    /* the token as split (original case) */
  guint32           len;
  guint32           lower;   /* offset of the lower-cased token in scratch */
  guint32           lower_len;
  gboolean          upper;   /* Python's str.isupper() */
  const VaderEntry *e;       /* look-up of the lower-cased token, or NULL */
  /* e's flags and word, or 0: the rules test these for every token and its
   * neighbours, and reading them here spares a load from the lexicon's
   * entries (which miss the L1 cache) each time */
  guint8            flags;
  guint8            word;
} Token;

struct _VaderScratch {
  char   *text;              /* emoji-substituted text */
  gsize   text_cap;
  char   *lower;             /* lower-cased tokens, each NUL-terminated */
  gsize   lower_cap;
  Token  *tokens;
  double *values;            /* one per token */
  guint  *nonzero;           /* positions of non-zero values, for "but" */
  guint   tokens_cap;
};

/* Byte classes: ASCII Python whitespace, string.punctuation; C_EMPH marks
 * the '!' and '?' that the emphasis counts (they are punctuation too);
 * C_LEAD_SPACE the lead bytes of the non-ASCII white space characters, the
 * only bytes >= 0x80 that the splitting loop has to decode. */
enum { C_SPACE = 1, C_PUNCT = 2, C_EMPH = 4, C_LEAD_SPACE = 8 };
static guint8 byte_class[256];

static void
init_classes (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const char *punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

      for (guint c = 0; c < 128; c++)
        byte_class[c] = vader_text_is_space (c) ? C_SPACE : 0;
      for (const char *p = punct; *p; p++)
        byte_class[(guchar) *p] = C_PUNCT;
      byte_class['!'] |= C_EMPH;
      byte_class['?'] |= C_EMPH;
      byte_class[0xC2] = byte_class[0xE1] = byte_class[0xE2] = byte_class[0xE3]
        = C_LEAD_SPACE;
      g_once_init_leave (&done, 1);
    }
}

VaderScratch *
vader_scratch_new (void)
{
  init_classes ();
  return g_new0 (VaderScratch, 1);
}

void
vader_scratch_free (VaderScratch *scratch)
{
  if (scratch == NULL)
    return;
  g_free (scratch->text);
  g_free (scratch->lower);
  g_free (scratch->tokens);
  g_free (scratch->values);
  g_free (scratch->nonzero);
  g_free (scratch);
}

static void
reserve (char **buf, gsize *cap, gsize need)
{
  if (need > *cap)
    {
      *cap = MAX (need, *cap * 2);
      *buf = g_realloc (*buf, *cap);
    }
}

/* ---- step 1: emoji to descriptions ------------------------------------ */

static inline guint64
load64 (const char *p)
{
  guint64 v;
  memcpy (&v, p, sizeof v);
  return v;
}

/* Skips ASCII bytes, eight at a time where it can. */
static inline const char *
skip_ascii (const char *p, const char *end)
{
  while (end - p >= 8 && (load64 (p) & 0x8080808080808080ull) == 0)
    p += 8;
  while (p < end && (guchar) *p < 0x80)
    p++;
  return p;
}

/* The emoji description of the character at @p, or NULL. */
static inline const char *
emoji_at (const VaderLexicon *lex, const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c >= lex->emoji_min ? g_hash_table_lookup (lex->emoji, GUINT_TO_POINTER (c))
                             : NULL;
}

/* The text with each emoji replaced by its description: @text itself when
 * it has none (nearly every sentence of news; no copy), else
 * scratch->text.  *@out_len receives its length. */
static const char *
substitute_emoji (const VaderLexicon *lex, VaderScratch *sc,
                  const char *text, gsize len, gsize *out_len)
{
  const char *p = text, *end = text + len;
  gsize n;

  for (;;)
    {
      p = skip_ascii (p, end);
      if (p == end)
        {
          *out_len = len;
          return text;
        }
      if (emoji_at (lex, p) != NULL)
        break;
      p = g_utf8_next_char (p);
    }
  reserve (&sc->text, &sc->text_cap, len + 1);
  memcpy (sc->text, text, p - text);
  n = p - text;
  while (p < end)
    {
      const char *run = p;
      const char *desc;

      p = skip_ascii (p, end);
      memcpy (sc->text + n, run, p - run);
      n += p - run;
      if (p == end)
        break;
      desc = emoji_at (lex, p);
      if (desc == NULL)
        {
          const char *next = g_utf8_next_char (p);
          memcpy (sc->text + n, p, next - p);
          n += next - p;
          p = next;
          continue;
        }
      {
        gsize dlen = strlen (desc);
        /* One space before, none after, unless the text before is empty or
         * ends in an ASCII space (what the reference's prev_space tracks). */
        gboolean space = n > 0 && sc->text[n - 1] != ' ';

        reserve (&sc->text, &sc->text_cap, n + dlen + 1 + (end - p) + 1);
        if (space)
          sc->text[n++] = ' ';
        memcpy (sc->text + n, desc, dlen);
        n += dlen;
        p = g_utf8_next_char (p);
      }
    }
  sc->text[n] = '\0';
  *out_len = n;
  return sc->text;
}

/* ---- step 2 and 3: tokens, case ---------------------------------------- */

/* Is the character at @p (a C_LEAD_SPACE byte) white space?  *@next
 * receives the position after it. */
static gboolean
space_at (const char *p, const char **next)
{
  *next = g_utf8_next_char (p);
  return vader_text_is_space (g_utf8_get_char (p));
}

static inline void
set_entry (Token *t, const VaderEntry *e)
{
  t->e = e;
  t->flags = e != NULL ? e->flags : 0;
  t->word = e != NULL ? e->word : VADER_W_NONE;
}

/* The common case in one pass: an ASCII token is lower-cased, hashed and
 * tested for case together.  FALSE (nothing done) on a non-ASCII byte. */
static gboolean
ascii_token (VaderScratch *sc, Token *t, const VaderLexicon *lex)
{
  char *out = sc->lower + t->lower;
  guint32 h = VADER_HASH_INIT;
  gboolean has_upper = FALSE, has_lower = FALSE;

  for (guint32 i = 0; i < t->len; i++)
    {
      guchar b = (guchar) t->text[i];

      if (b >= 0x80)
        return FALSE;
      if (b >= 'a' && b <= 'z')
        has_lower = TRUE;
      else if (b >= 'A' && b <= 'Z')
        {
          has_upper = TRUE;
          b += 32;
        }
      out[i] = (char) b;
      h = VADER_HASH_STEP (h, b);
    }
  out[t->len] = '\0';
  t->lower_len = t->len;
  t->upper = has_upper && !has_lower;
  set_entry (t, vader_table_lookup_hashed (&lex->words, out, t->len, h));
  return TRUE;
}

static void
add_token (const VaderLexicon *lex, VaderScratch *sc, guint *n_tokens,
           gsize *lower_used, const char *s, const char *e)
{
  const char *ps = s, *pe = e;
  Token *t;
  guint cps = 0;

  while (ps < pe && (byte_class[(guchar) *ps] & C_PUNCT))
    ps++;
  while (pe > ps && (byte_class[(guchar) pe[-1]] & C_PUNCT))
    pe--;
  /* code points, up to 3: the text is valid UTF-8, so its lead bytes */
  for (const char *q = ps; q < pe && cps <= 2; q++)
    cps += ((guchar) *q & 0xC0) != 0x80;
  if (cps > 2)
    s = ps, e = pe;

  t = &sc->tokens[(*n_tokens)++];
  t->text = s;
  t->len = e - s;
  t->lower = *lower_used;
  if (!ascii_token (sc, t, lex))
    {
      t->lower_len = vader_text_lower (s, e - s, sc->lower + t->lower);
      t->upper = vader_text_is_upper (s, e - s);
      set_entry (t, vader_table_lookup (&lex->words, sc->lower + t->lower, t->lower_len));
    }
  *lower_used += t->lower_len + 1;
}

/* Splits @text (@len bytes) as str.split() does; returns the count.  The
 * '!' and '?' the emphasis counts are counted on the way (*@ep, *@qm):
 * they are never white space, so they all lie in tokens. */
static guint
tokenize (const VaderLexicon *lex, VaderScratch *sc, const char *text, gsize len,
          guint *ep, guint *qm)
{
  const char *p = text, *end = text + len, *next;
  guint n = 0;
  gsize lower_used = 0;

  /* At most one token per two bytes, and lower-casing grows a token by
   * at most 3/2 (plus its NUL): reserve once, so pointers stay valid. */
  if (len / 2 + 1 > sc->tokens_cap)
    {
      sc->tokens_cap = MAX (len / 2 + 1, sc->tokens_cap * 2);
      sc->tokens = g_renew (Token, sc->tokens, sc->tokens_cap);
      sc->values = g_renew (double, sc->values, sc->tokens_cap);
      sc->nonzero = g_renew (guint, sc->nonzero, sc->tokens_cap);
    }
  reserve (&sc->lower, &sc->lower_cap, 3 * len + 1);
  *ep = *qm = 0;

  for (;;)
    {
      const char *start;

      while (p < end)
        {
          guint8 cls = byte_class[(guchar) *p];

          if (cls & C_SPACE)
            p++;
          else if ((cls & C_LEAD_SPACE) && space_at (p, &next))
            p = next;
          else
            break;
        }
      if (p == end)
        break;
      start = p;
      /* byte by byte: a character's other bytes are never C_LEAD_SPACE */
      for (; p < end; p++)
        {
          guint8 cls = byte_class[(guchar) *p];

          if (G_UNLIKELY (cls & (C_SPACE | C_LEAD_SPACE | C_EMPH)))
            {
              if ((cls & C_SPACE) || ((cls & C_LEAD_SPACE) && space_at (p, &next)))
                break;
              *ep += *p == '!';
              *qm += *p == '?';
            }
        }
      add_token (lex, sc, &n, &lower_used, start, p);
    }
  return n;
}

/* ---- step 4: per-token valence ---------------------------------------- */

typedef struct {
  const VaderLexicon *lex;
  const Token        *t;
  guint               n;
  const char         *lower;
  gboolean            cap_diff;
} Ctx;

static inline VaderWord
word (const Token *t)
{
  return t->word;
}

static inline gboolean
in_lexicon (const Token *t)
{
  return (t->flags & VADER_IN_LEXICON) != 0;
}

static inline gboolean
so_or_this (const Token *t)
{
  return word (t) == VADER_W_SO || word (t) == VADER_W_THIS;
}

static gboolean
negated (const Ctx *c, const Token *t)
{
  if (t->flags & VADER_IS_NEGATION)
    return TRUE;
  return t->lower_len >= 3
         && strstr (c->lower + t->lower, "n't") != NULL;
}

static double
scalar_inc_dec (const Ctx *c, const Token *t, double v)
{
  double s;

  if (!(t->flags & VADER_IS_BOOSTER))
    return 0.0;
  s = t->e->booster;
  if (v < 0)
    s *= -1;
  if (t->upper && c->cap_diff)
    s = v > 0 ? s + C_INCR : s - C_INCR;
  return s;
}

static double
negation_check (const Ctx *c, double v, guint k, guint i)
{
  const Token *t = c->t;

  switch (k)
    {
    case 0:
      if (negated (c, &t[i - 1]))
        v = v * N_SCALAR;
      break;
    case 1:
      if (word (&t[i - 2]) == VADER_W_NEVER && so_or_this (&t[i - 1]))
        v = v * 1.25;
      else if (word (&t[i - 2]) == VADER_W_WITHOUT && word (&t[i - 1]) == VADER_W_DOUBT)
        ;
      else if (negated (c, &t[i - 2]))
        v = v * N_SCALAR;
      break;
    default:
      /* The reference's "or": any so/this right before the word counts. */
      if ((word (&t[i - 3]) == VADER_W_NEVER && so_or_this (&t[i - 2]))
          || so_or_this (&t[i - 1]))
        v = v * 1.25;
      else if (word (&t[i - 3]) == VADER_W_WITHOUT
               && (word (&t[i - 2]) == VADER_W_DOUBT || word (&t[i - 1]) == VADER_W_DOUBT))
        ;
      else if (negated (c, &t[i - 3]))
        v = v * N_SCALAR;
      break;
    }
  return v;
}

/* The phrase table entry for tokens first..last joined by spaces, or NULL.
 * Only tokens that occur in some phrase key can form one. */
static const VaderEntry *
phrase (const Ctx *c, guint first, guint last)
{
  char buf[256];
  gsize n = 0;

  for (guint j = first; j <= last; j++)
    {
      const Token *t = &c->t[j];
      if (!(t->flags & VADER_IN_PHRASE)
          || n + t->lower_len + 1 > sizeof buf)
        return NULL;
      if (j > first)
        buf[n++] = ' ';
      memcpy (buf + n, c->lower + t->lower, t->lower_len);
      n += t->lower_len;
    }
  return vader_table_lookup (&c->lex->phrases, buf, n);
}

static double
idioms_check (const Ctx *c, double v, guint i)
{
  /* Only reached with i >= 3, so the reference's negative indexes, which
   * would wrap around, never occur. */
  static const guint8 seqs[5][2] = { { 1, 0 }, { 2, 0 }, { 2, 1 }, { 3, 1 }, { 3, 2 } };
  static const guint8 boost[3][2] = { { 3, 1 }, { 3, 2 }, { 2, 1 } };
  const VaderEntry *e;

  for (guint s = 0; s < G_N_ELEMENTS (seqs); s++)
    {
      e = phrase (c, i - seqs[s][0], i - seqs[s][1]);
      if (e != NULL && (e->flags & VADER_IS_IDIOM))
        {
          v = e->idiom;
          break;
        }
    }
  if (c->n - 1 > i && (e = phrase (c, i, i + 1)) != NULL && (e->flags & VADER_IS_IDIOM))
    v = e->idiom;
  if (c->n - 1 > i + 1 && (e = phrase (c, i, i + 2)) != NULL && (e->flags & VADER_IS_IDIOM))
    v = e->idiom;
  for (guint s = 0; s < G_N_ELEMENTS (boost); s++)
    {
      e = phrase (c, i - boost[s][0], i - boost[s][1]);
      if (e != NULL && (e->flags & VADER_IS_BOOSTER))
        v = v + e->booster;
    }
  return v;
}

static double
least_check (const Ctx *c, double v, guint i)
{
  const Token *t = c->t;

  if (i > 1 && !in_lexicon (&t[i - 1]) && word (&t[i - 1]) == VADER_W_LEAST)
    {
      if (word (&t[i - 2]) != VADER_W_AT && word (&t[i - 2]) != VADER_W_VERY)
        v = v * N_SCALAR;
    }
  else if (i > 0 && !in_lexicon (&t[i - 1]) && word (&t[i - 1]) == VADER_W_LEAST)
    v = v * N_SCALAR;
  return v;
}

static double
valence (const Ctx *c, guint i)
{
  const Token *t = c->t;
  double lexv = t[i].e->valence, v = lexv;

  /* "no" before a lexicon word modifies it rather than being scored. */
  if (word (&t[i]) == VADER_W_NO && i != c->n - 1 && in_lexicon (&t[i + 1]))
    v = 0.0;
  if ((i > 0 && word (&t[i - 1]) == VADER_W_NO)
      || (i > 1 && word (&t[i - 2]) == VADER_W_NO)
      || (i > 2 && word (&t[i - 3]) == VADER_W_NO
          && (word (&t[i - 1]) == VADER_W_OR || word (&t[i - 1]) == VADER_W_NOR)))
    v = lexv * N_SCALAR;
  if (t[i].upper && c->cap_diff)
    v = v > 0 ? v + C_INCR : v - C_INCR;

  for (guint k = 0; k < 3; k++)
    {
      double s;

      if (i <= k || in_lexicon (&t[i - k - 1]))
        continue;
      s = scalar_inc_dec (c, &t[i - k - 1], v);
      if (k == 1 && s != 0)
        s = s * 0.95;
      if (k == 2 && s != 0)
        s = s * 0.9;
      v = v + s;
      v = negation_check (c, v, k, i);
      if (k == 2)
        v = idioms_check (c, v, i);
    }
  return least_check (c, v, i);
}

/* ---- step 5: but -------------------------------------------------------- */

static void
but_check (VaderScratch *sc, guint n, VaderFlags flags)
{
  const Token *t = sc->tokens;
  double *values = sc->values;
  guint *nonzero = sc->nonzero;
  guint b, n_nonzero = 0;

  for (b = 0; b < n && word (&t[b]) != VADER_W_BUT; b++)
    ;
  if (b == n)
    return;
  /* A zero stays zero whatever is scaled, and can never equal a non-zero
   * value: only the non-zero positions take part, which keeps the
   * quadratic search below small even on a whole document. */
  for (guint j = 0; j < n; j++)
    {
      guint k = j;

      if (values[j] == 0)
        continue;
      nonzero[n_nonzero++] = j;
      /* The reference rescales the first value equal to this one, which is
       * this one unless an equal value came earlier. */
      if (!(flags & VADER_FLAG_FIX_BUT))
        for (guint i = 0; (k = nonzero[i]) != j && values[k] != values[j]; i++)
          ;
      if (k < b)
        values[k] = values[k] * 0.5;
      else if (k > b)
        values[k] = values[k] * 1.5;
    }
}

/* ---- steps 6 and 7: sums ----------------------------------------------- */

static void
score_values (const double *values, guint n, guint ep, guint qm, VaderScores *out)
{
  double sum = 0, pos_sum = 0, neg_sum = 0, emphasis, qm_amp = 0, total;
  guint neu = 0;

  memset (out, 0, sizeof *out);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    sum += values[i];
  if (qm > 1)
    qm_amp = qm <= 3 ? qm * 0.18 : 0.96;
  emphasis = MIN (ep, 4) * 0.292 + qm_amp;
  if (sum > 0)
    sum += emphasis;
  else if (sum < 0)
    sum -= emphasis;
  out->compound = CLAMP (sum / sqrt (sum * sum + ALPHA), -1.0, 1.0);

  for (guint i = 0; i < n; i++)
    {
      if (values[i] > 0)
        pos_sum += values[i] + 1;
      if (values[i] < 0)
        neg_sum += values[i] - 1;
      if (values[i] == 0)
        neu++;
    }
  if (pos_sum > fabs (neg_sum))
    pos_sum += emphasis;
  else if (pos_sum < fabs (neg_sum))
    neg_sum -= emphasis;
  total = pos_sum + fabs (neg_sum) + neu;
  out->pos = fabs (pos_sum / total);
  out->neg = fabs (neg_sum / total);
  out->neu = fabs (neu / total);
}

void
vader_score (const VaderLexicon *lex, VaderScratch *sc, const char *text,
             gsize len, VaderFlags flags, VaderScores *out)
{
  gsize n_text;
  const char *subst = substitute_emoji (lex, sc, text, len, &n_text);
  guint n, n_upper = 0, ep, qm;
  Ctx c;

  /* The reference strips the text here; splitting ignores outer
   * whitespace and the emphasis counts only '!' and '?', so no need. */
  n = tokenize (lex, sc, subst, n_text, &ep, &qm);
  for (guint i = 0; i < n; i++)
    n_upper += sc->tokens[i].upper;

  c.lex = lex;
  c.t = sc->tokens;
  c.n = n;
  c.lower = sc->lower;
  c.cap_diff = n_upper > 0 && n_upper < n;

  for (guint i = 0; i < n; i++)
    {
      const Token *t = &sc->tokens[i];

      if ((t->flags & VADER_IS_BOOSTER)
          || (i < n - 1 && word (t) == VADER_W_KIND && word (t + 1) == VADER_W_OF)
          || !in_lexicon (t))
        sc->values[i] = 0;
      else
        sc->values[i] = valence (&c, i);
    }
  but_check (sc, n, flags);
  score_values (sc->values, n, ep, qm, out);
}

/* ---- step 8: rounding --------------------------------------------------- */

/* Python's round(x, digits): the correctly rounded decimal, read back.
 * x * 10^digits is off by at most half an ulp, so away from a tie the
 * nearest integer is the right one, and dividing it by the exact power of
 * ten gives the double closest to that decimal, as reading it back would;
 * only near-ties need the exact (slow) decimal expansion of printf. */
static double
round_to (double x, int digits)
{
  static const double scale[] = { 1, 10, 100, 1000, 10000 };
  double y = x * scale[digits], r = nearbyint (y);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (fabs (y - r) - 0.5) > 1e-6)
    r = r / scale[digits];
  else
    {
      snprintf (buf, sizeof buf, "%.*f", digits, x);
      r = g_ascii_strtod (buf, NULL);
    }
  return r == 0 ? 0.0 : r;          /* never -0 */
}

void
vader_scores_round (VaderScores *s)
{
  s->neg = round_to (s->neg, 3);
  s->neu = round_to (s->neu, 3);
  s->pos = round_to (s->pos, 3);
  s->compound = round_to (s->compound, 4);
}

char *
vader_scores_format (const VaderScores *scores, char buf[64])
{
  VaderScores r = *scores;

  vader_scores_round (&r);
  snprintf (buf, 64, "%.3f\t%.3f\t%.3f\t%.4f", r.neg, r.neu, r.pos, r.compound);
  return buf;
}
