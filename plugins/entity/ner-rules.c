/* ner-rules.c — DATE, MONEY and PERCENT as small token patterns tried
 * left to right; the longest pattern at a position wins. */
#include <string.h>
#include "ner-rules.h"

const char *const ner_rule_type_names[NER_RULE_N_TYPES] = { "DATE", "MONEY", "PERCENT" };

typedef struct {
  const NerDoc *doc;
  guint s0, s1;       /* the sentence */
} Ctx;

static gboolean
tok_is (const Ctx *c, guint i, const char *word)
{
  gsize n = strlen (word);
  return i < c->s1 && c->doc->len[i] == n
         && g_ascii_strncasecmp (c->doc->text[i], word, n) == 0;
}

/* Index of the token in @words (case-insensitive), or -1. */
static int
tok_in (const Ctx *c, guint i, const char *const *words)
{
  for (int k = 0; i < c->s1 && words[k] != NULL; k++)
    if (tok_is (c, i, words[k]))
      return k;
  return -1;
}

static gboolean
tok_initcap (const Ctx *c, guint i)
{
  return i < c->s1 && g_ascii_isupper (c->doc->text[i][0]);
}

/* "5", "1.2", "2,000", "-3.5" */
static gboolean
tok_number (const Ctx *c, guint i)
{
  const char *s;
  guint32 n, k = 0;
  gboolean digit = FALSE;

  if (i >= c->s1)
    return FALSE;
  s = c->doc->text[i];
  n = c->doc->len[i];
  if (n > 0 && (s[0] == '-' || s[0] == '+'))
    k++;
  for (; k < n; k++)
    {
      if (g_ascii_isdigit (s[k]))
        digit = TRUE;
      else if (!(s[k] == '.' || s[k] == ',') || k + 1 == n)
        return FALSE;
    }
  return digit;
}

static guint
tok_int (const Ctx *c, guint i)
{
  guint v = 0;
  for (guint32 k = 0; k < c->doc->len[i] && k < 6; k++)
    {
      if (!g_ascii_isdigit (c->doc->text[i][k]))
        return G_MAXUINT;
      v = v * 10 + (guint) (c->doc->text[i][k] - '0');
    }
  return c->doc->len[i] <= 6 ? v : G_MAXUINT;
}

static const char *const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  NULL
};
static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
static const char *const relative_days[] = {
  "today", "yesterday", "tomorrow", "tonight", NULL
};
static const char *const relative_mods[] = {
  "last", "next", "this", "previous", "coming", "past", "early", "late", "mid", NULL
};
static const char *const periods[] = {
  "week", "month", "year", "weekend", "quarter", "decade", "century", "morning",
  "afternoon", "evening", "night", "spring", "summer", "autumn", "fall", "winter", NULL
};
static const char *const units[] = {
  "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
  "weeks", "month", "months", "year", "years", "decade", "decades", "century",
  "centuries", NULL
};
static const char *const number_words[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
  "hundred", "several", "few", "a", "an", "dozen", "hundreds", "thousands", NULL
};
static const char *const scales[] = {
  "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn", "trln", NULL
};
static const char *const currency_words[] = {
  "dollars", "dollar", "dlrs", "dlr", "euros", "euro", "pounds", "sterling", "yen",
  "cents", "rupees", "yuan", "renminbi", "francs", "marks", "roubles", "rubles",
  "pesos", "won", "usd", "eur", "gbp", "jpy", "chf", "cny", NULL
};
static const char *const currency_codes[] = {
  "usd", "eur", "gbp", "jpy", "chf", "cny", "us$", "a$", "c$", "hk$", NULL
};
static const char *const currency_symbols[] = { "$", "€", "£", "¥", "₹", "₽", NULL };
static const char *const percent_words[] = { "%", "pct", "percent", "per cent", NULL };
static const char *const date_preps[] = {
  "in", "on", "since", "until", "by", "from", "during", "last", "next", "early",
  "late", "mid", "of", "through", "before", "after", NULL
};

static gboolean
is_year (const Ctx *c, guint i)
{
  guint v = tok_int (c, i);
  return c->doc->len[i] == 4 && v >= 1900 && v <= 2099;
}

static gboolean
is_day (const Ctx *c, guint i)
{
  const char *s;
  guint32 n, k = 0;
  guint v = 0;

  if (i >= c->s1)
    return FALSE;
  s = c->doc->text[i];
  n = c->doc->len[i];
  while (k < n && k < 2 && g_ascii_isdigit (s[k]))
    v = v * 10 + (guint) (s[k++] - '0');
  if (k == 0 || v < 1 || v > 31)
    return FALSE;
  /* "16", "16th", "1st" */
  if (k == n)
    return TRUE;
  return n - k == 2 && (g_ascii_strncasecmp (s + k, "st", 2) == 0
                        || g_ascii_strncasecmp (s + k, "nd", 2) == 0
                        || g_ascii_strncasecmp (s + k, "rd", 2) == 0
                        || g_ascii_strncasecmp (s + k, "th", 2) == 0);
}

/* A month name (with its day and year around it). */
static guint
match_month (const Ctx *c, guint i)
{
  int m = tok_in (c, i, months);
  guint end;
  gboolean anchored;

  if (m < 0 || !tok_initcap (c, i))
    return 0;
  end = i + 1;
  if (tok_is (c, end, ".") && m >= 12)
    end++;
  anchored = FALSE;
  if (is_day (c, end))
    {
      end++;
      anchored = TRUE;
      if (tok_is (c, end, ",") && end + 1 < c->s1 && is_year (c, end + 1))
        end += 2;
      else if (end < c->s1 && is_year (c, end))
        end++;
    }
  else if (end < c->s1 && is_year (c, end))
    {
      end++;
      anchored = TRUE;
    }
  /* "May" and "March" alone are verbs and nouns too often. */
  if (!anchored && (m == 2 || m == 4 || m == 14)
      && !(i > c->s0 && tok_in (c, i - 1, date_preps) >= 0))
    return 0;
  return end - i;
}

static guint
match_date (const Ctx *c, guint i)
{
  guint n;

  /* "16 August 2022" */
  if (is_day (c, i) && (n = match_month (c, i + 1)) > 0)
    return 1 + n;
  if ((n = match_month (c, i)) > 0)
    return n;
  if (tok_in (c, i, weekdays) >= 0 && tok_initcap (c, i))
    return 1;
  if (tok_in (c, i, relative_days) >= 0)
    return 1;
  if (tok_in (c, i, relative_mods) >= 0
      && (tok_in (c, i + 1, periods) >= 0
          || (tok_in (c, i + 1, weekdays) >= 0 && tok_initcap (c, i + 1))))
    return 2;
  if (i < c->s1 && is_year (c, i))
    return 1;
  /* "1990s" */
  if (i < c->s1 && c->doc->len[i] == 5 && c->doc->text[i][4] == 's'
      && g_ascii_isdigit (c->doc->text[i][0]) && g_ascii_isdigit (c->doc->text[i][3]))
    return 1;
  /* durations: "three hours", "8 minutes" */
  if ((tok_number (c, i) || (tok_in (c, i, number_words) >= 0))
      && tok_in (c, i + 1, units) >= 0)
    return 2;
  return 0;
}

static guint
amount (const Ctx *c, guint i)
{
  guint n;
  if (!tok_number (c, i))
    return 0;
  n = 1;
  if (tok_in (c, i + n, scales) >= 0)
    n++;
  return n;
}

static guint
match_money (const Ctx *c, guint i)
{
  guint n;

  if ((tok_in (c, i, currency_symbols) >= 0 || tok_in (c, i, currency_codes) >= 0)
      && (n = amount (c, i + 1)) > 0)
    return 1 + n;
  /* "US$5", "$5bn" tokenised whole */
  if ((n = amount (c, i)) > 0 && tok_in (c, i + n, currency_words) >= 0)
    return n + 1;
  return 0;
}

static guint
match_percent (const Ctx *c, guint i)
{
  const char *s;
  guint32 n;

  if (i >= c->s1)
    return 0;
  s = c->doc->text[i];
  n = c->doc->len[i];
  if (n >= 2 && s[n - 1] == '%' && g_ascii_isdigit (s[0]))
    return 1;
  if ((tok_number (c, i) || tok_in (c, i, number_words) >= 0) && i + 1 < c->s1)
    {
      if (tok_in (c, i + 1, percent_words) >= 0)
        return 2;
      if (tok_is (c, i + 1, "per") && tok_is (c, i + 2, "cent"))
        return 3;
      if (tok_is (c, i + 1, "percentage") && tok_is (c, i + 2, "points"))
        return 3;
    }
  return 0;
}

void
ner_rules_run (const NerDoc *doc, guint enabled, NerRuleFunc func, gpointer user_data)
{
  for (guint s = 0; s < doc->n_sents; s++)
    {
      Ctx c = { doc, doc->sent[s], doc->sent[s + 1] };
      for (guint i = c.s0; i < c.s1;)
        {
          guint n = 0;
          NerRuleType type = NER_RULE_DATE;
          /* MONEY and PERCENT first: "2022" in "$2022" is not a year */
          if ((n = match_money (&c, i)) > 0)
            type = NER_RULE_MONEY;
          else if ((n = match_percent (&c, i)) > 0)
            type = NER_RULE_PERCENT;
          else if ((n = match_date (&c, i)) > 0)
            type = NER_RULE_DATE;
          if (n > 0 && (enabled & (1u << type)))
            func (i, i + n, type, user_data);
          i += MAX (n, 1);
        }
    }
}
