/* ner-rules.c — DATE, MONEY and PERCENT as small token patterns tried
 * left to right; the longest pattern at a position wins. */
#include <string.h>
#include "ner-rules.h"
#include "ner-text.h"

const char *const ner_rule_type_names[NER_RULE_N_TYPES] = { "DATE", "MONEY", "PERCENT" };

typedef struct {
  const NerDoc  *doc;
  const guint64 *lower;   /* lower-case hash of each token */
  guint s0, s1;           /* the sentence */
} Ctx;

/* Word lists, each a bit of a token's class (see word_class). */
enum {
  W_MONTH = 1 << 0, W_MONTH_AMBIG = 1 << 1, W_MONTH_ABBR = 1 << 2, W_WEEKDAY = 1 << 3,
  W_RELDAY = 1 << 4, W_RELMOD = 1 << 5, W_PERIOD = 1 << 6, W_UNIT = 1 << 7,
  W_NUMWORD = 1 << 8, W_SCALE = 1 << 9, W_CURWORD = 1 << 10, W_CURCODE = 1 << 11,
  W_CURSYM = 1 << 12, W_PCTWORD = 1 << 13, W_DATEPREP = 1 << 14, W_PER = 1 << 15,
  W_CENT = 1 << 16, W_PERCENTAGE = 1 << 17, W_POINTS = 1 << 18, W_DOT = 1 << 19,
  W_COMMA = 1 << 20,
};

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

static const char *const ambiguous_months[] = { "march", "may", "mar", NULL };
static const char *const month_abbrevs[] = {
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static const struct {
  const char *const *words;
  guint bit;
} lists[] = {
  { months, W_MONTH }, { ambiguous_months, W_MONTH_AMBIG }, { month_abbrevs, W_MONTH_ABBR },
  { weekdays, W_WEEKDAY }, { relative_days, W_RELDAY }, { relative_mods, W_RELMOD },
  { periods, W_PERIOD }, { units, W_UNIT }, { number_words, W_NUMWORD },
  { scales, W_SCALE }, { currency_words, W_CURWORD }, { currency_codes, W_CURCODE },
  { currency_symbols, W_CURSYM }, { percent_words, W_PCTWORD }, { date_preps, W_DATEPREP },
  { (const char *const[]) { "per", NULL }, W_PER },
  { (const char *const[]) { "cent", NULL }, W_CENT },
  { (const char *const[]) { "percentage", NULL }, W_PERCENTAGE },
  { (const char *const[]) { "points", NULL }, W_POINTS },
  { (const char *const[]) { ".", NULL }, W_DOT },
  { (const char *const[]) { ",", NULL }, W_COMMA },
};

/* Every word of every list, keyed by its lower-case hash: one look-up per
 * token instead of string comparisons against each list. */
#define CLASS_SLOTS 1024
static guint64 class_key[CLASS_SLOTS];
static guint32 class_bits[CLASS_SLOTS];

static void
build_classes (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint k = 0; lists[l].words[k] != NULL; k++)
      {
        const char *w = lists[l].words[k];
        guint64 h = ner_text_lower_hash (w, strlen (w));
        guint i = (guint) h & (CLASS_SLOTS - 1);
        while (class_key[i] != 0 && class_key[i] != h)
          i = (i + 1) & (CLASS_SLOTS - 1);
        class_key[i] = h;
        class_bits[i] |= lists[l].bit;
      }
}

static guint32
word_class (guint64 h)
{
  for (guint i = (guint) h & (CLASS_SLOTS - 1); class_key[i] != 0; i = (i + 1) & (CLASS_SLOTS - 1))
    if (class_key[i] == h)
      return class_bits[i];
  return 0;
}

static gboolean
tok_in (const Ctx *c, guint i, guint bits)
{
  return i < c->s1 && (word_class (c->lower[i]) & bits) != 0;
}

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
  guint32 cls = i < c->s1 ? word_class (c->lower[i]) : 0;
  guint end;
  gboolean anchored;

  if (!(cls & W_MONTH) || !tok_initcap (c, i))
    return 0;
  end = i + 1;
  if ((cls & W_MONTH_ABBR) && tok_in (c, end, W_DOT))
    end++;
  anchored = FALSE;
  if (is_day (c, end))
    {
      end++;
      anchored = TRUE;
      if (tok_in (c, end, W_COMMA) && end + 1 < c->s1 && is_year (c, end + 1))
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
  if (!anchored && (cls & W_MONTH_AMBIG)
      && !(i > c->s0 && tok_in (c, i - 1, W_DATEPREP)))
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
  if (tok_in (c, i, W_WEEKDAY) && tok_initcap (c, i))
    return 1;
  if (tok_in (c, i, W_RELDAY))
    return 1;
  if (tok_in (c, i, W_RELMOD)
      && (tok_in (c, i + 1, W_PERIOD)
          || (tok_in (c, i + 1, W_WEEKDAY) && tok_initcap (c, i + 1))))
    return 2;
  if (i < c->s1 && is_year (c, i))
    return 1;
  /* "1990s" */
  if (i < c->s1 && c->doc->len[i] == 5 && c->doc->text[i][4] == 's'
      && g_ascii_isdigit (c->doc->text[i][0]) && g_ascii_isdigit (c->doc->text[i][3]))
    return 1;
  /* durations: "three hours", "8 minutes" */
  if ((tok_number (c, i) || (tok_in (c, i, W_NUMWORD)))
      && tok_in (c, i + 1, W_UNIT))
    return 2;
  return 0;
}

/* "6bn", "1.2m", "300k": a number with its scale written on (as news
 * does after a currency sign). */
static gboolean
tok_scaled_number (const Ctx *c, guint i)
{
  static const char *const suffixes[] = { "bn", "m", "mn", "k", "b", "tn", "trn", "bln", "mln", NULL };
  const char *s;
  guint32 n, k = 0;

  if (i >= c->s1)
    return FALSE;
  s = c->doc->text[i];
  n = c->doc->len[i];
  while (k < n && (g_ascii_isdigit (s[k]) || ((s[k] == '.' || s[k] == ',') && k > 0)))
    k++;
  if (k == 0 || !g_ascii_isdigit (s[k - 1]))
    return FALSE;
  for (guint j = 0; suffixes[j] != NULL; j++)
    if (n - k == strlen (suffixes[j]) && g_ascii_strncasecmp (s + k, suffixes[j], n - k) == 0)
      return TRUE;
  return FALSE;
}

static guint
amount (const Ctx *c, guint i)
{
  guint n;
  if (tok_scaled_number (c, i))
    return 1;
  if (!tok_number (c, i))
    return 0;
  n = 1;
  if (tok_in (c, i + n, W_SCALE))
    n++;
  return n;
}

static guint
match_money (const Ctx *c, guint i)
{
  guint n;

  if ((tok_in (c, i, W_CURSYM) || tok_in (c, i, W_CURCODE))
      && (n = amount (c, i + 1)) > 0)
    return 1 + n;
  /* "US$5", "$5bn" tokenised whole */
  if ((n = amount (c, i)) > 0 && tok_in (c, i + n, W_CURWORD))
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
  if ((tok_number (c, i) || tok_in (c, i, W_NUMWORD)) && i + 1 < c->s1)
    {
      if (tok_in (c, i + 1, W_PCTWORD))
        return 2;
      if (tok_in (c, i + 1, W_PER) && tok_in (c, i + 2, W_CENT))
        return 3;
      if (tok_in (c, i + 1, W_PERCENTAGE) && tok_in (c, i + 2, W_POINTS))
        return 3;
    }
  return 0;
}

void
ner_rules_run (const NerDoc *doc, const guint64 *lower, const guint16 *flags,
               guint enabled, NerRuleFunc func, gpointer user_data)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      build_classes ();
      g_once_init_leave (&once, 1);
    }
  for (guint s = 0; s < doc->n_sents; s++)
    {
      Ctx c = { doc, lower, doc->sent[s], doc->sent[s + 1] };
      for (guint i = c.s0; i < c.s1;)
        {
          guint n = 0;
          NerRuleType type = NER_RULE_DATE;
          /* Every pattern starts with a digit or a word of the lists:
           * most tokens are neither. */
          if (flags != NULL && !(flags[i] & NER_TF_DIGIT) && word_class (lower[i]) == 0)
            {
              i++;
              continue;
            }
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
