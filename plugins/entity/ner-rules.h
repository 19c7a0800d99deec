/* ner-rules.h — rule-based types news users need:
 *   DATE      calendar dates and days: "Aug 16", "16 August 2022",
 *             "1996-12-06", "Friday", "2022", "1990s", "last week",
 *             "two years ago"
 *   TIME      times of day: "10:30 am", "8 p.m.", "noon", "midnight",
 *             "10:30 GMT", "tonight", "this morning"
 *   DURATION  lengths of time: "eight minutes", "48 hours", "a week",
 *             "two years"
 *   MONEY     "$1.2 billion", "5 mln dlrs", "EUR 40"
 *   PERCENT   "3.5%", "7 pct", "ten percent"
 *   NORP      nationalities, religious and political groups: "Russian",
 *             "Europeans", "Muslims", "Democrats" (the demonym list and
 *             a list of groups; a language after "in" or "speak" is not)
 *
 * Rules read the same tokens as the tagger (ner-features.h) and never
 * allocate.  They are deliberately conservative: "May" and "March" are
 * dates only next to a day, a year or a preposition such as "in"; a day
 * or month name next to a capitalised name word is part of that name
 * ("Sheffield Wednesday", "Sun Jun").
 */
#ifndef NER_RULES_H
#define NER_RULES_H

#include "ner-features.h"

G_BEGIN_DECLS

typedef enum {
  NER_RULE_DATE,
  NER_RULE_TIME,
  NER_RULE_DURATION,
  NER_RULE_MONEY,
  NER_RULE_PERCENT,
  NER_RULE_NORP,
  NER_RULE_N_TYPES
} NerRuleType;

extern const char *const ner_rule_type_names[NER_RULE_N_TYPES];

/* Called for each match: tokens [start, end) of the document. */
typedef void (*NerRuleFunc) (guint start, guint end, NerRuleType type,
                             gpointer user_data);

/* Runs the rules on every sentence of @doc, whose tokens @toks describes
 * (ner_toks_prepare: lower-case hashes, flags, word-list bits); @enabled
 * is a bit mask of (1 << NerRuleType). */
void ner_rules_run (const NerDoc *doc, const NerToks *toks, guint enabled,
                    NerRuleFunc func, gpointer user_data);

G_END_DECLS

#endif
