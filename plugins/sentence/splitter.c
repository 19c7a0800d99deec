/* splitter.c — decides, token by token, where sentences end.
 *
 * One pass over the tokens.  Each token gets a class from its first bytes
 * (word by case, number, period, ellipsis, ?/!, dotted abbreviation,
 * bracket or quote, bullet).  A candidate end is a terminal token with the
 * closing quotes and brackets glued to it; what follows it (and the white
 * space before that) decides:
 *   - a blank line always ends a sentence; a single line break follows the
 *     newline policy (auto: per document, hard-wrapped text or not);
 *   - a bullet, or a list marker at a line start or continuing an inline
 *     list ("1) ... 2) ..."), starts a new sentence;
 *   - ? and ! end unless a lower-case word follows ("Yahoo! in");
 *   - a period after a known abbreviation depends on its class (title,
 *     number, general: see data/abbreviations.txt); after any other word
 *     it ends unless a lower-case word follows;
 *   - an ellipsis after a space or a bracket is an omission, not an end.
 * Time is linear: every look-ahead is a constant number of tokens.
 */
#include <string.h>
#include "splitter-private.h"

typedef enum {
  K_OTHER,
  K_UPPER,      /* word starting with an upper-case letter */
  K_LOWER,      /* word starting with a lower-case letter */
  K_CASELESS,   /* word in a script without case */
  K_NUMBER,
  K_DOT,        /* "." */
  K_DOTS,       /* "..", "...", "…" */
  K_STRONG,     /* a run with '?' or '!' */
  K_ABBR,       /* a word with its final period: "U.S.", "a.m." */
  K_OPEN,       /* ( [ { “ ‘ « */
  K_CLOSE,      /* ) ] } ” ’ » */
  K_QUOTE,      /* " ' : opening or closing by position */
  K_BULLET,     /* • ‣ ◦ ▪ ● ⁃ ... */
  K_DASH,       /* a lone - * – — : a bullet at a line start */
} Klass;

#define NONE G_MAXUINT

typedef struct {
  const Splitter  *sp;
  const SplitterLexicon *lang;   /* the document's language's lists, or NULL */
  const guchar    *s;
  gsize            len;
  const SplitSpan *tok;
  guint            n;
  const guint8    *cls;
  gboolean         wrapped;      /* the document is hard-wrapped */
  gsize            width;        /* its wrap width in bytes */
  gsize            line_start;   /* offset of the current line */
  guint            first;        /* first token of the current sentence */
  int              list_style;   /* its list marker: '.', ')', ']' (".)"), 0 */
  guint            list_value;
} Split;

typedef struct {
  guint    newlines;   /* a blank line counts 2 */
  gboolean indent;     /* the next line starts with 2+ spaces or a tab */
  gsize    line_start; /* offset after the last line break */
} Gap;

static guint8
classify (const guchar *s, gsize start, gsize end)
{
  guchar b = s[start];
  gsize n = end - start;
  gunichar c;

  if (b < 0x80)
    {
      if (g_ascii_isalpha (b))
        return n > 1 && s[end - 1] == '.' ? K_ABBR
               : g_ascii_isupper (b) ? K_UPPER : K_LOWER;
      if (g_ascii_isdigit (b))
        return K_NUMBER;
      switch (b)
        {
        case '.': case '?': case '!':
          for (gsize i = start; i < end; i++)
            if (s[i] == '?' || s[i] == '!')
              return K_STRONG;
          return n == 1 ? K_DOT : K_DOTS;
        case '(': case '[': case '{':
          return K_OPEN;
        case ')': case ']': case '}':
          return K_CLOSE;
        case '"': case '\'':
          return K_QUOTE;
        case '-': case '*':
          return n == 1 ? K_DASH : K_OTHER;
        default:
          return K_OTHER;
        }
    }
  c = g_utf8_get_char_validated ((const char *) s + start, (gssize) n);
  if (c >= 0x110000)
    return K_OTHER;
  switch (c)
    {
    case 0x2026:
      return K_DOTS;
    case 0x201C: case 0x2018: case 0x00AB: case 0x2039: case 0x201E: case 0x201A:
      return K_OPEN;
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
      return K_CLOSE;
    case 0x2022: case 0x2023: case 0x25E6: case 0x25AA: case 0x25CF:
    case 0x2043: case 0x25A0: case 0x25B8: case 0x25BA: case 0x27A2:
      return K_BULLET;
    case 0x2013: case 0x2014:
      return n == 3 ? K_DASH : K_OTHER;
    case 0x203C: case 0x203D: case 0x2047: case 0x2048: case 0x2049:
      return K_STRONG;
    /* full stops of scripts without abbreviation periods (CJK 。．｡,
     * Devanagari danda, Urdu, Ethiopic) and their ? and ! (fullwidth, Arabic
     * ؟, Greek ;): they end a sentence like ? and ! do, space or not */
    case 0x3002: case 0xFF0E: case 0xFF61: case 0x0964: case 0x0965:
    case 0x06D4: case 0x1362:
    case 0xFF01: case 0xFF1F: case 0x061F: case 0x037E:
      return K_STRONG;
    default:
      break;
    }
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return K_UPPER;
  if (g_unichar_islower (c))
    return K_LOWER;
  if (g_unichar_isdigit (c))
    return K_NUMBER;
  return g_unichar_isalpha (c) ? K_CASELESS : K_OTHER;
}

static inline gboolean
attached (const Split *st, guint k)   /* no space between token k and k+1 */
{
  return st->tok[k].end == st->tok[k + 1].start;
}

static inline gboolean
text_is (const Split *st, guint k, const char *str)
{
  gsize n = strlen (str);
  return st->tok[k].end - st->tok[k].start == n
         && memcmp (st->s + st->tok[k].start, str, n) == 0;
}

static Gap
gap_after (const Split *st, guint k)
{
  gsize a = st->tok[k].end, b = st->tok[k + 1].start, p;
  Gap g = { 0, FALSE, 0 };
  const guchar *s = st->s;

  if (b - a <= 1 && (a == b || s[a] == ' '))
    return g;
  for (p = a; p < b; p++)
    {
      if (s[p] == '\n' || (s[p] == '\r' && (p + 1 >= b || s[p + 1] != '\n')))
        g.newlines++, g.line_start = p + 1;
      else if (s[p] == 0xE2 && p + 2 < b && s[p + 1] == 0x80
               && (s[p + 2] == 0xA8 || s[p + 2] == 0xA9))
        {
          g.newlines += s[p + 2] == 0xA9 ? 2 : 1;   /* U+2029 ends a paragraph */
          g.line_start = p + 3;
        }
      else if (s[p] == 0xC2 && p + 1 < b && s[p + 1] == 0x85)
        g.newlines++, g.line_start = p + 2;
    }
  if (g.newlines > 0)
    g.indent = (b - g.line_start >= 2 && memcmp (s + g.line_start, "  ", 2) == 0)
               || (b > g.line_start && s[g.line_start] == '\t');
  return g;
}

static gboolean is_function_word (const guchar *s, gsize len);

/* Hard-wrapped text (Reuters) breaks lines inside sentences: a line that
 * starts in lower case, or one that ends in a comma or a function word, is
 * the evidence.  The longest line estimates the wrap width. */
static void
analyse_lines (Split *st)
{
  const guchar *s = st->s;
  gsize len = st->len, ls = 0, longest = 0;
  guint lines = 0, wraps = 0;

  while (ls < len)
    {
      const guchar *nl = memchr (s + ls, '\n', len - ls);
      gsize le = nl != NULL ? (gsize) (nl - s) : len, e = le, f;

      while (e > ls && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
        e--;
      longest = MAX (longest, e - ls);
      if (nl == NULL)
        break;
      for (f = le + 1; f < len && (s[f] == ' ' || s[f] == '\t' || s[f] == '\r'); f++)
        ;
      if (e > ls && f < len && s[f] != '\n')
        {
          gsize w = e;
          while (w > ls && g_ascii_isalpha (s[w - 1]))
            w--;
          lines++;
          if (g_ascii_islower (s[f]) || s[e - 1] == ','
              || (w < e && (w == ls || s[w - 1] == ' ') && is_function_word (s + w, e - w)))
            wraps++;
        }
      ls = le + 1;
    }
  st->wrapped = wraps > 0 && wraps * 8 >= lines;
  st->width = longest;
}

/* A lower-case word ("iPhone" and "eBay" are not: they are names;
 * "non-Canadian" and "d'Electricite" are). */
static gboolean
is_lower_word (const Split *st, guint k)
{
  if (k >= st->n || st->cls[k] != K_LOWER)
    return FALSE;
  for (gsize p = st->tok[k].start + 1; p < st->tok[k].end; p++)
    {
      if (st->s[p] == '-' || st->s[p] == '\'' || st->s[p] >= 0x80)
        break;
      if (g_ascii_isupper (st->s[p]))
        return FALSE;
    }
  return TRUE;
}

static guint
skip_openers (const Split *st, guint k)
{
  for (guint i = 0; i < 3 && k < st->n
       && (st->cls[k] == K_OPEN || st->cls[k] == K_QUOTE); i++)
    k++;
  return k;
}

static AbbrevClass
abbrev_class (const Split *st, guint k)
{
  return splitter_abbrev_class (st->sp, st->lang, (const char *) st->s + st->tok[k].start,
                                st->tok[k].end - st->tok[k].start);
}

/* A capitalised usual sentence opener, or a title with its period. */
static gboolean
is_starter (const Split *st, guint k)
{
  if (k >= st->n || st->cls[k] != K_UPPER)
    return FALSE;
  if (k + 1 < st->n && attached (st, k) && st->cls[k + 1] == K_DOT)
    return abbrev_class (st, k) == ABBREV_TITLE;
  return splitter_is_starter (st->sp, st->lang, (const char *) st->s + st->tok[k].start,
                              st->tok[k].end - st->tok[k].start);
}

/* After an abbreviation that often ends sentences ("U.S.", "Co.", "a.m."):
 * an end only after a few tokens ("At 5 a.m. Mr. Smith ..." is one
 * sentence) and before a usual opener. */
static gboolean
general_ends (const Split *st, guint abbr, guint next)
{
  return abbr - st->first >= 3 && is_starter (st, skip_openers (st, next));
}

/* "1.", "a)", "2.)" followed by a space: returns the style ('.', ')', or
 * ']' for ".)") and sets *value, or returns 0.  Upper-case letters only
 * with ')', since "J." is an initial. */
static int
marker_at (const Split *st, guint k, guint *value)
{
  gsize len;
  int style;

  if (k + 2 >= st->n || !attached (st, k))
    return 0;
  len = st->tok[k].end - st->tok[k].start;
  if (st->cls[k] == K_NUMBER && len <= 3)
    {
      *value = 0;
      for (gsize p = st->tok[k].start; p < st->tok[k].end; p++)
        {
          if (!g_ascii_isdigit (st->s[p]))
            return 0;
          *value = *value * 10 + (st->s[p] - '0');
        }
    }
  else if ((st->cls[k] == K_LOWER || st->cls[k] == K_UPPER) && len == 1)
    *value = st->s[st->tok[k].start];
  else
    return 0;
  k++;
  if (text_is (st, k, "."))
    {
      style = '.';
      if (attached (st, k) && text_is (st, k + 1, ")"))
        style = ']', k++;
    }
  else if (text_is (st, k, ")"))
    style = ')';
  else
    return 0;
  if (style == '.' && st->cls[k - 1] == K_UPPER)
    return 0;
  /* The item's text follows on the same line ("31.\n" ends a date). */
  return k + 1 < st->n && !attached (st, k) && gap_after (st, k).newlines == 0 ? style : 0;
}

static void
begin_sentence (Split *st, guint first)
{
  guint k = first;

  st->first = first;
  if (k < st->n && (st->cls[k] == K_BULLET || st->cls[k] == K_DASH))
    k++;
  st->list_style = k < st->n ? marker_at (st, k, &st->list_value) : 0;
}

/* Does token @k start a list item: a bullet, or (at a line start) a dash
 * or any marker, or (inline) the marker after the current sentence's? */
static gboolean
starts_item (const Split *st, guint k, gboolean line_start)
{
  guint value;
  int style;

  if (st->cls[k] == K_BULLET)
    return TRUE;
  if (line_start)
    return (st->cls[k] == K_DASH && k + 1 < st->n && !attached (st, k))
           || marker_at (st, k, &value) != 0;
  if (st->list_style == 0 || attached (st, k - 1))
    return FALSE;
  style = marker_at (st, k, &value);
  return style == st->list_style && value == st->list_value + 1;
}

static guint
count_dots (const Split *st, guint k)
{
  guint dots = 0;

  for (gsize p = st->tok[k].start; p < st->tok[k].end; p++)
    dots += st->s[p] == '.' ? 1 : st->s[p] == 0xE2 ? 3 : 0;
  return dots;
}

/* The terminal token @term (with its closers up to @last) ends a sentence? */
static gboolean
terminal_ends (const Split *st, guint term, guint last, guint dots)
{
  guint next = last + 1, w = skip_openers (st, next), prev;
  gboolean lower = is_lower_word (st, w);

  switch (st->cls[term])
    {
    case K_STRONG:
      return !lower;
    case K_ABBR:
      return general_ends (st, term, next);
    default:
      break;
    }
  if (dots >= 4)
    return !lower;
  prev = term > 0 && attached (st, term - 1) ? term - 1 : NONE;
  if (dots == 3)   /* an omission after a space or a bracket: "[...]" */
    return prev != NONE && st->cls[prev] != K_OPEN && !lower;
  if (prev == NONE)
    return !lower;

  switch (st->cls[prev])
    {
    case K_NUMBER:   /* "1. The first item" */
      if ((prev == st->first || (prev == st->first + 1
                                 && (st->cls[st->first] == K_BULLET
                                     || st->cls[st->first] == K_DASH)))
          && st->tok[prev].end - st->tok[prev].start <= 3)
        return FALSE;
      /* where a period makes ordinals ("am 3. Oktober"): like a general
       * abbreviation */
      if (st->lang != NULL && st->lang->ordinals)
        return general_ends (st, prev, next);
      return !lower;
    case K_UPPER:
    case K_LOWER:
      switch (abbrev_class (st, prev))
        {
        case ABBREV_TITLE:
          return FALSE;
        case ABBREV_NUMBER:
          return !(w < st->n && st->cls[w] == K_NUMBER) && !lower;
        case ABBREV_GENERAL:
          return general_ends (st, prev, next);
        case ABBREV_NONE:
        default:
          /* A single letter is an initial ("George W. Bush"). */
          if (st->tok[prev].end - st->tok[prev].start == 1)
            return general_ends (st, prev, next);
          return !lower;
        }
    case K_OTHER:   /* "N°. 5" */
      if (prev > 0 && attached (st, prev - 1) && (text_is (st, prev, "°") || text_is (st, prev, "º"))
          && (text_is (st, prev - 1, "N") || text_is (st, prev - 1, "n"))
          && w < st->n && st->cls[w] == K_NUMBER)
        return FALSE;
      return !lower;
    default:
      return !lower;
    }
}

/* Closed-class words that a headline does not end with but a wrapped
 * line often does. */
static const char *const function_words[] = {
  "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at",
  "by", "for", "from", "with", "into", "onto", "than", "that", "as", "about",
  "over", "under", "between", "after", "before", "against", "per", "via",
  "its", "their", "his", "her", "is", "are", "was", "were", "be", "been",
  "has", "have", "had", "will", "would", "which", "who", NULL
};

static const char *const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL
};

static gboolean
in_list (const char *const *list, const guchar *s, gsize len)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == len && memcmp (list[i], s, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_function_word (const guchar *s, gsize len)
{
  return in_list (function_words, s, len);
}

static inline gboolean
is_punct (const Split *st, guint k, const char *set)
{
  return st->cls[k] == K_OTHER && strchr (set, st->s[st->tok[k].start]) != NULL;
}

/* A single line break under newline=auto: does it end the sentence?
 * Returns FALSE when the ordinary rules should decide, as if it were a
 * space. */
static gboolean
line_break_ends (const Split *st, guint last, guint next, gboolean terminal,
                 gboolean indent)
{
  guint8 c = st->cls[last], nc = st->cls[next];
  gboolean colon = is_punct (st, last, ":;");
  gboolean short_line = (st->tok[last].end - st->line_start) * 10 < st->width * 6;
  /* The line surely goes on: it ends in a comma or a function word, or
   * in a word with a number after it ("cut by\n0.75 cent", "March\n31."). */
  const guchar *word = st->s + st->tok[last].start;
  gsize word_len = st->tok[last].end - st->tok[last].start;
  gboolean open = is_punct (st, last, ",")
                  || (c == K_LOWER && (nc == K_NUMBER || is_function_word (word, word_len)))
                  || (c == K_UPPER && nc == K_NUMBER && in_list (month_names, word, word_len));
  guint value;

  if (nc == K_BULLET)
    return TRUE;
  if (!open && nc == K_DASH && next + 1 < st->n && !attached (st, next))
    return TRUE;
  /* "31." after "March" in wrapped text is a date, not an item. */
  if (!open && marker_at (st, next, &value) != 0
      && (!st->wrapped || terminal || colon || short_line))
    return TRUE;
  if (open || is_lower_word (st, skip_openers (st, next)))
    return FALSE;
  /* A line per paragraph; an indented paragraph; a colon before a table. */
  if (!st->wrapped || indent || colon)
    return TRUE;
  /* A line well short of the wrap width that does not end a sentence,
   * followed by one that starts like a sentence: a heading, a table row. */
  return !terminal && short_line && (nc == K_UPPER || nc == K_OPEN || nc == K_QUOTE);
}

/* Does a sentence end after token @last?  @term is the terminal token
 * before its closers, or NONE. */
static gboolean
ends_after (Split *st, guint term, guint last, guint dots)
{
  guint next = last + 1;
  Gap g = gap_after (st, last);
  gboolean terminal = term != NONE, result = FALSE, decided = FALSE;

  if (g.newlines >= 2)
    result = decided = TRUE;
  else if (g.newlines == 1 && st->sp->newline == NEWLINE_ALWAYS)
    result = decided = TRUE;
  else if (g.newlines == 1 && st->sp->newline == NEWLINE_AUTO)
    result = decided = line_break_ends (st, last, next, terminal, g.indent);
  if (g.newlines > 0)
    st->line_start = g.line_start;
  if (decided)
    return result;
  if (starts_item (st, next, FALSE))
    return TRUE;
  return terminal && terminal_ends (st, term, last, dots);
}

void
splitter_split (const Splitter *sp, const char *text, gsize len,
                const SplitSpan *tokens, guint n, GByteArray *scratch,
                GArray *sentences)
{
  splitter_split_language (sp, NULL, text, len, tokens, n, scratch, sentences);
}

void
splitter_split_language (const Splitter *sp, const char *lang, const char *text,
                         gsize len, const SplitSpan *tokens, guint n,
                         GByteArray *scratch, GArray *sentences)
{
  Split st = { sp, splitter_language (sp, lang), (const guchar *) text, len, tokens, n,
               NULL, FALSE, 0, 0, 0, 0, 0 };
  guint i = 0;

  if (n == 0)
    return;
  g_byte_array_set_size (scratch, n);
  for (guint k = 0; k < n; k++)
    scratch->data[k] = classify (st.s, tokens[k].start, tokens[k].end);
  st.cls = scratch->data;
  if (sp->newline == NEWLINE_AUTO)
    analyse_lines (&st);
  begin_sentence (&st, 0);

  while (i < n)
    {
      guint8 c = st.cls[i];
      guint last = i, term = NONE, dots = 0;

      if (c == K_DOT || c == K_DOTS)
        {
          /* ". . ." is one ellipsis */
          dots = count_dots (&st, i);
          while (last + 1 < n && (st.cls[last + 1] == K_DOT || st.cls[last + 1] == K_DOTS)
                 && tokens[last + 1].start - tokens[last].end <= 1
                 && (attached (&st, last) || text[tokens[last].end] == ' '))
            dots += count_dots (&st, ++last);
          term = i;
        }
      else if (c == K_STRONG || c == K_ABBR)
        term = i;
      /* Closers stay with the sentence, and so does a period after
       * them: 'he asked "why?".' */
      if (term != NONE)
        while (last + 1 < n && attached (&st, last)
               && (st.cls[last + 1] == K_CLOSE || st.cls[last + 1] == K_QUOTE
                   || (st.cls[last + 1] == K_DOT && st.cls[last] != K_DOT)))
          last++;
      if (last + 1 < n && ends_after (&st, term, last, dots))
        {
          SplitSpan s = { st.first, last };
          g_array_append_val (sentences, s);
          begin_sentence (&st, last + 1);
        }
      i = last + 1;
    }
  {
    SplitSpan s = { st.first, n - 1 };
    g_array_append_val (sentences, s);
  }
}
