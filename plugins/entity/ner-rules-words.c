/* ner-rules-words.c — the rules' word lists and token tests. */
#include <string.h>
#include "ner-rules-words.h"
#include "ner-text.h"

static const char *const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  NULL
};
static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
static const char *const relative_days[] = { "today", "yesterday", "tomorrow", NULL };
static const char *const relative_mods[] = {
  "last", "next", "this", "previous", "coming", "past", "early", "late", "mid", NULL
};
static const char *const periods[] = {
  "week", "month", "year", "weekend", "quarter", "decade", "century", "spring",
  "summer", "autumn", "fall", "winter", NULL
};
static const char *const day_parts[] = { "morning", "afternoon", "evening", "night", NULL };
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
static const char *const am_pm[] = { "am", "pm", "a.m.", "p.m.", "a.m", "p.m", NULL };
/* time zones written after a clock time ("10:30 GMT") */
static const char *const zones[] = {
  "gmt", "utc", "bst", "cet", "cest", "eet", "est", "edt", "cst", "cdt", "mst", "mdt",
  "pst", "pdt", "et", "pt", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt", "msk", NULL
};
static const char *const clock_words[] = { "noon", "midnight", "midday", NULL };
static const char *const ago_words[] = { "ago", "earlier", "old", NULL };
/* Religious and political groups and the nationalities the demonym list
 * lacks: NORP. */
static const char *const groups[] = {
  "muslim", "muslims", "christian", "christians", "jew", "jews", "jewish", "catholic",
  "catholics", "protestant", "protestants", "hindu", "hindus", "sikh", "sikhs",
  "buddhist", "buddhists", "sunni", "sunnis", "shia", "shias", "shiite", "shiites",
  "islamist", "islamists", "evangelical", "evangelicals", "democrat", "democrats",
  "democratic", "republican", "republicans", "tory", "tories", "socialist",
  "socialists", "communist", "communists", "british", "britons", "scots", "arab",
  "arabs", "latino", "latinos", "hispanic", "hispanics", "soviet", "soviets", "yemeni",
  "yemenis", "somali", "somalis", "kurd", "kurds", "western", NULL
};
/* words before a language name ("in Russian", "speaks English") */
static const char *const language_context[] = {
  "in", "into", "speak", "speaks", "spoke", "speaking", "translated", NULL
};

static const struct {
  const char *const *words;
  guint32 bit;
} lists[] = {
  { months, W_MONTH }, { ambiguous_months, W_MONTH_AMBIG }, { month_abbrevs, W_MONTH_ABBR },
  { weekdays, W_WEEKDAY }, { relative_days, W_RELDAY }, { relative_mods, W_RELMOD },
  { periods, W_PERIOD }, { day_parts, W_DAYPART }, { units, W_UNIT },
  { number_words, W_NUMWORD }, { scales, W_SCALE }, { currency_words, W_CURWORD },
  { currency_codes, W_CURCODE }, { currency_symbols, W_CURSYM },
  { percent_words, W_PCTWORD }, { date_preps, W_DATEPREP }, { am_pm, W_AMPM },
  { zones, W_ZONE }, { clock_words, W_CLOCKWORD }, { ago_words, W_AGO },
  { groups, W_GROUP }, { language_context, W_LANGCTX },
  { (const char *const[]) { "tonight", NULL }, W_TONIGHT },
  { (const char *const[]) { "a", "an", NULL }, W_A },
  { (const char *const[]) { "o'clock", NULL }, W_OCLOCK },
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
static gsize classes_once;

void
ner_rule_words_init (void)
{
  if (!g_once_init_enter (&classes_once))
    return;
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
  g_once_init_leave (&classes_once, 1);
}

guint32
ner_rule_word_class (guint64 h)
{
  for (guint i = (guint) h & (CLASS_SLOTS - 1); class_key[i] != 0; i = (i + 1) & (CLASS_SLOTS - 1))
    if (class_key[i] == h)
      return class_bits[i];
  return 0;
}

gboolean
ner_rule_in (const NerRuleCtx *c, guint i, guint32 bits)
{
  return i >= c->s0 && i < c->s1 && (ner_rule_word_class (c->toks->lower[i]) & bits) != 0;
}

gboolean
ner_rule_initcap (const NerRuleCtx *c, guint i)
{
  return i < c->s1 && g_ascii_isupper (c->doc->text[i][0]);
}

gboolean
ner_rule_number (const NerRuleCtx *c, guint i)
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

guint
ner_rule_int (const NerRuleCtx *c, guint i)
{
  guint v = 0;
  if (i >= c->s1 || c->doc->len[i] == 0 || c->doc->len[i] > 6)
    return G_MAXUINT;
  for (guint32 k = 0; k < c->doc->len[i]; k++)
    {
      if (!g_ascii_isdigit (c->doc->text[i][k]))
        return G_MAXUINT;
      v = v * 10 + (guint) (c->doc->text[i][k] - '0');
    }
  return v;
}

gboolean
ner_rule_year (const NerRuleCtx *c, guint i)
{
  guint v = ner_rule_int (c, i);
  return i < c->s1 && c->doc->len[i] == 4 && v >= 1900 && v <= 2099;
}

gboolean
ner_rule_day (const NerRuleCtx *c, guint i)
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

gboolean
ner_rule_is (const NerRuleCtx *c, guint i, const char *s)
{
  gsize n = strlen (s);
  return i >= c->s0 && i < c->s1 && c->doc->len[i] == n
         && g_ascii_strncasecmp (c->doc->text[i], s, n) == 0;
}

gboolean
ner_rule_name_word (const NerRuleCtx *c, guint i)
{
  guint16 f;

  if (i < c->s0 || i >= c->s1)
    return FALSE;
  f = c->toks->flags[i];
  if (!(f & NER_TF_LETTER) || !(f & (NER_TF_INITCAP | NER_TF_ALLCAP))
      || (f & NER_TOK_CAPSLINE) || ner_rule_word_class (c->toks->lower[i]) != 0)
    return FALSE;
  /* a capitalised common word is only sentence case at the start */
  return !((f & NER_TOK_FIRST) && (c->toks->gaz1[i] & (1u << NER_LEX_LOWER)));
}
