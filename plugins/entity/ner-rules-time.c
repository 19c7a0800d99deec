/* ner-rules-time.c — DATE, TIME and DURATION patterns (ner-rules.h). */
#include "ner-rules-words.h"

/* A clock time in one token: "10:30", "9:05:12", "23:59" (@colon set),
 * "10.30" (a full stop: a time only with am/pm after it), or one with
 * am/pm written on, "8pm", "10:30am", "8.30p.m." (@ampm set). */
static gboolean
clock_token (const NerRuleCtx *c, guint i, gboolean *ampm, gboolean *colon)
{
  const char *s;
  guint32 n, k = 0;
  guint h = 0, groups = 0;
  char sep = 0;

  *ampm = *colon = FALSE;
  if (i >= c->s1)
    return FALSE;
  s = c->doc->text[i];
  n = c->doc->len[i];
  while (k < n && k < 2 && g_ascii_isdigit (s[k]))
    h = h * 10 + (guint) (s[k++] - '0');
  if (k == 0 || (k < n && g_ascii_isdigit (s[k])) || h > 24)
    return FALSE;
  while (k < n && (s[k] == ':' || s[k] == '.'))
    {
      if ((sep != 0 && s[k] != sep) || k + 2 >= n || !g_ascii_isdigit (s[k + 1])
          || !g_ascii_isdigit (s[k + 2]) || (s[k + 1] - '0') * 10 + (s[k + 2] - '0') > 59)
        return FALSE;
      sep = s[k];
      k += 3;
      groups++;
      if (k < n && g_ascii_isdigit (s[k]))
        return FALSE;
    }
  if (k < n)
    {
      const char *r = s + k;
      guint32 m = n - k;
      gboolean ap = g_ascii_tolower (r[0]) == 'a' || g_ascii_tolower (r[0]) == 'p';
      if (!ap || h > 12
          || !((m == 2 && g_ascii_tolower (r[1]) == 'm')
               || (m == 4 && r[1] == '.' && g_ascii_tolower (r[2]) == 'm' && r[3] == '.')))
        return FALSE;
      *ampm = TRUE;
      return TRUE;
    }
  *colon = sep == ':';
  return groups > 0;
}

/* "1996-12-06", "2022/08/16", "12/06/1996", "16.08.2022": a numeric
 * date in one token (three groups of digits, a year among them). */
static gboolean
numeric_date (const NerRuleCtx *c, guint i)
{
  const char *s;
  guint32 n;
  guint len[3] = { 0, 0, 0 }, val[3] = { 0, 0, 0 }, g = 0;
  char sep = 0;

  if (i >= c->s1)
    return FALSE;
  s = c->doc->text[i];
  n = c->doc->len[i];
  if (n < 6 || n > 10)
    return FALSE;
  for (guint32 k = 0; k < n; k++)
    {
      if (g_ascii_isdigit (s[k]))
        {
          len[g]++;
          val[g] = val[g] * 10 + (guint) (s[k] - '0');
          continue;
        }
      if (!(s[k] == '-' || s[k] == '/' || s[k] == '.') || (sep != 0 && s[k] != sep)
          || g == 2 || len[g] == 0)
        return FALSE;
      sep = s[k];
      g++;
    }
  if (g != 2 || len[2] == 0)
    return FALSE;
  /* year first: YYYY-MM-DD; year last: DD/MM/YYYY, MM/DD/YY(YY) */
  if (len[0] == 4)
    return val[1] >= 1 && val[1] <= 12 && val[2] >= 1 && val[2] <= 31 && len[1] <= 2
           && len[2] <= 2;
  if (len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || (len[2] == 2 && sep == '/')))
    return val[0] >= 1 && val[0] <= 31 && val[1] >= 1 && val[1] <= 31
           && (val[0] <= 12 || val[1] <= 12);
  return FALSE;
}

/* A lone day or month name that is part of a name beside it: "Sheffield
 * Wednesday", "Sun Jun", "June Carter". */
static gboolean
inside_name (const NerRuleCtx *c, guint i, guint n)
{
  return (i > c->s0 && ner_rule_name_word (c, i - 1))
         || ner_rule_name_word (c, i + n);
}

/* A month name (with its day and year around it). */
static guint
match_month (const NerRuleCtx *c, guint i)
{
  guint32 cls = i < c->s1 ? ner_rule_word_class (c->toks->lower[i]) : 0;
  guint end;
  gboolean anchored;

  if (!(cls & W_MONTH) || !ner_rule_initcap (c, i))
    return 0;
  end = i + 1;
  if ((cls & W_MONTH_ABBR) && ner_rule_in (c, end, W_DOT))
    end++;
  anchored = FALSE;
  if (ner_rule_day (c, end))
    {
      end++;
      anchored = TRUE;
      if (ner_rule_in (c, end, W_COMMA) && end + 1 < c->s1 && ner_rule_year (c, end + 1))
        end += 2;
      else if (ner_rule_year (c, end))
        end++;
    }
  else if (ner_rule_year (c, end))
    {
      end++;
      anchored = TRUE;
    }
  /* "May" and "March" alone are verbs and nouns too often. */
  if (!anchored && (cls & W_MONTH_AMBIG)
      && !(i > c->s0 && ner_rule_in (c, i - 1, W_DATEPREP)))
    return 0;
  if (!anchored && inside_name (c, i, end - i))
    return 0;
  return end - i;
}

/* A count of something: "three", "48", "a", "a few", "several". */
static guint
count_words (const NerRuleCtx *c, guint i)
{
  guint n = 0;
  if (ner_rule_number (c, i) || ner_rule_in (c, i, W_NUMWORD))
    {
      n = 1;
      /* "a few", "a dozen", "two hundred" */
      if (ner_rule_in (c, i + 1, W_NUMWORD) && !ner_rule_in (c, i + 1, W_A))
        n = 2;
    }
  return n;
}

/* "eight minutes", "48 hours", "a week", "two years"; "two years ago"
 * and "six years old" are dates; "a second" is mostly the ordinal. */
static guint
match_duration (const NerRuleCtx *c, guint i, NerRuleType *type)
{
  guint n = count_words (c, i);

  if (n == 0 || !ner_rule_in (c, i + n, W_UNIT))
    return 0;
  if (n == 1 && ner_rule_in (c, i, W_A) && ner_rule_is (c, i + 1, "second"))
    return 0;
  if (ner_rule_in (c, i + n + 1, W_AGO))
    {
      *type = NER_RULE_DATE;
      return n + 2;
    }
  *type = NER_RULE_DURATION;
  return n + 1;
}

/* "10:30 am", "8 p.m.", "8pm", "10:30 GMT", "noon", "10 o'clock",
 * "tonight", "this morning". */
static guint
match_clock (const NerRuleCtx *c, guint i)
{
  gboolean ampm, colon;
  guint n;

  if (ner_rule_in (c, i, W_CLOCKWORD | W_TONIGHT))
    return 1;
  if (ner_rule_in (c, i, W_RELMOD) && ner_rule_in (c, i + 1, W_DAYPART))
    return 2;
  if ((ner_rule_number (c, i) || ner_rule_in (c, i, W_NUMWORD))
      && !ner_rule_in (c, i, W_A) && ner_rule_in (c, i + 1, W_OCLOCK))
    return 2;
  if (clock_token (c, i, &ampm, &colon))
    {
      if (ampm)
        n = 1;
      else if (ner_rule_in (c, i + 1, W_AMPM))
        n = 2;
      else if (colon)
        n = 1;
      else
        return 0;
      if (ner_rule_in (c, i + n, W_ZONE))
        n++;
      else if (ner_rule_is (c, i + n, "local") && ner_rule_is (c, i + n + 1, "time"))
        n += 2;
      return n;
    }
  /* "8 p.m.", "11 am": an hour and am/pm */
  {
    guint h = ner_rule_int (c, i);
    if (h >= 1 && h <= 12 && ner_rule_in (c, i + 1, W_AMPM))
      return ner_rule_in (c, i + 2, W_ZONE) ? 3 : 2;
  }
  return 0;
}

static guint
match_date (const NerRuleCtx *c, guint i)
{
  guint n;

  /* "16 August 2022" */
  if (ner_rule_day (c, i) && (n = match_month (c, i + 1)) > 0)
    return 1 + n;
  if ((n = match_month (c, i)) > 0)
    return n;
  if (numeric_date (c, i))
    return 1;
  if (ner_rule_in (c, i, W_WEEKDAY) && ner_rule_initcap (c, i) && !inside_name (c, i, 1))
    return 1;
  if (ner_rule_in (c, i, W_RELDAY))
    return 1;
  if (ner_rule_in (c, i, W_RELMOD))
    {
      /* "last week", "next Friday", "the past two years" */
      if (ner_rule_in (c, i + 1, W_PERIOD)
          || (ner_rule_in (c, i + 1, W_WEEKDAY) && ner_rule_initcap (c, i + 1)))
        return 2;
      if ((n = count_words (c, i + 1)) > 0 && ner_rule_in (c, i + 1 + n, W_UNIT))
        return 2 + n;
    }
  if (ner_rule_year (c, i))
    return 1;
  /* "1990s" */
  if (i < c->s1 && c->doc->len[i] == 5 && c->doc->text[i][4] == 's'
      && g_ascii_isdigit (c->doc->text[i][0]) && g_ascii_isdigit (c->doc->text[i][3]))
    return 1;
  return 0;
}

guint
ner_rule_match_time (const NerRuleCtx *c, guint i, NerRuleType *type)
{
  guint n;

  if ((n = match_clock (c, i)) > 0)
    {
      *type = NER_RULE_TIME;
      return n;
    }
  if ((n = match_date (c, i)) > 0)
    {
      *type = NER_RULE_DATE;
      return n;
    }
  return match_duration (c, i, type);
}
