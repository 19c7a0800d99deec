/* ner-rules.c — the rule types (ner-rules.h) as small token patterns
 * tried left to right; the longest pattern at a position wins.  DATE,
 * TIME and DURATION are in ner-rules-time.c, the word lists in
 * ner-rules-words.c. */
#include <string.h>
#include "ner-rules-words.h"
#include "ner-text.h"

const char *const ner_rule_type_names[NER_RULE_N_TYPES] = {
  "DATE", "TIME", "DURATION", "MONEY", "PERCENT", "NORP"
};

/* "6bn", "1.2m", "300k": a number with its scale written on (as news
 * does after a currency sign). */
static gboolean
tok_scaled_number (const NerRuleCtx *c, guint i)
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
amount (const NerRuleCtx *c, guint i)
{
  guint n;
  if (tok_scaled_number (c, i))
    return 1;
  if (!ner_rule_number (c, i))
    return 0;
  n = 1;
  if (ner_rule_in (c, i + n, W_SCALE))
    n++;
  return n;
}

static guint
match_money (const NerRuleCtx *c, guint i)
{
  guint n;

  if ((ner_rule_in (c, i, W_CURSYM) || ner_rule_in (c, i, W_CURCODE))
      && (n = amount (c, i + 1)) > 0)
    return 1 + n;
  /* "US$5", "$5bn" tokenised whole */
  if ((n = amount (c, i)) > 0 && ner_rule_in (c, i + n, W_CURWORD))
    return n + 1;
  return 0;
}

static guint
match_percent (const NerRuleCtx *c, guint i)
{
  const char *s;
  guint32 n;

  if (i >= c->s1)
    return 0;
  s = c->doc->text[i];
  n = c->doc->len[i];
  if (n >= 2 && s[n - 1] == '%' && g_ascii_isdigit (s[0]))
    return 1;
  if ((ner_rule_number (c, i) || ner_rule_in (c, i, W_NUMWORD)) && i + 1 < c->s1)
    {
      if (ner_rule_in (c, i + 1, W_PCTWORD))
        return 2;
      if (ner_rule_in (c, i + 1, W_PER) && ner_rule_in (c, i + 2, W_CENT))
        return 3;
      if (ner_rule_in (c, i + 1, W_PERCENTAGE) && ner_rule_in (c, i + 2, W_POINTS))
        return 3;
    }
  return 0;
}

/* A nationality or group: a capitalised demonym of the word lists
 * ("Russian", "New Zealanders") or group word ("Democrats", "Muslims"),
 * but not a language ("in Russian.", "speaks English"). */
static guint
match_norp (const NerRuleCtx *c, guint i)
{
  const NerToks *t = c->toks;
  guint n;

  if (!ner_rule_initcap (c, i) || (t->flags[i] & NER_TOK_CAPSLINE))
    return 0;
  if (t->gaz_b[i] & (1u << NER_GAZ_DEMONYM))
    for (n = 1; i + n < c->s1 && (t->gaz_i[i + n] & (1u << NER_GAZ_DEMONYM)); n++)
      ;
  else if (ner_rule_in (c, i, W_GROUP))
    n = 1;
  else
    return 0;
  if (i > c->s0 && ner_rule_in (c, i - 1, W_LANGCTX)
      && (i + n >= c->s1 || !(t->flags[i + n] & NER_TF_LETTER)
          || ner_rule_is (c, i + n, "and") || ner_rule_is (c, i + n, "or")))
    return 0;
  return n;
}

void
ner_rules_run (const NerDoc *doc, const NerToks *toks, guint enabled,
               NerRuleFunc func, gpointer user_data)
{
  ner_rule_words_init ();
  for (guint s = 0; s < doc->n_sents; s++)
    {
      NerRuleCtx c = { doc, toks, doc->sent[s], doc->sent[s + 1] };
      for (guint i = c.s0; i < c.s1;)
        {
          guint n = 0;
          NerRuleType type = NER_RULE_DATE;
          /* Every pattern starts with a digit, a word of the lists or a
           * demonym: most tokens are none of these. */
          if (!(toks->flags[i] & NER_TF_DIGIT) && ner_rule_word_class (toks->lower[i]) == 0
              && !(toks->gaz_b[i] & (1u << NER_GAZ_DEMONYM)))
            {
              i++;
              continue;
            }
          /* MONEY and PERCENT first: "2022" in "$2022" is not a year */
          if ((n = match_money (&c, i)) > 0)
            type = NER_RULE_MONEY;
          else if ((n = match_percent (&c, i)) > 0)
            type = NER_RULE_PERCENT;
          else if ((n = ner_rule_match_time (&c, i, &type)) > 0)
            ;
          else if ((n = match_norp (&c, i)) > 0)
            type = NER_RULE_NORP;
          if (n > 0 && (enabled & (1u << type)))
            func (i, i + n, type, user_data);
          i += MAX (n, 1);
        }
    }
}
