/* ner-rules.h — rule-based types news users need: DATE ("Aug 16",
 * "Friday", "2022", "three hours", "last week"), MONEY ("$1.2 billion",
 * "5 mln dlrs", "EUR 40"), PERCENT ("3.5%", "7 pct", "ten percent").
 *
 * Rules read the same tokens as the tagger (ner-features.h) and never
 * allocate.  They are deliberately conservative: "May" and "March" are
 * dates only next to a day, a year or a preposition such as "in".
 */
#ifndef NER_RULES_H
#define NER_RULES_H

#include "ner-features.h"

G_BEGIN_DECLS

typedef enum {
  NER_RULE_DATE,
  NER_RULE_MONEY,
  NER_RULE_PERCENT,
  NER_RULE_N_TYPES
} NerRuleType;

extern const char *const ner_rule_type_names[NER_RULE_N_TYPES];

/* Called for each match: tokens [start, end) of the document. */
typedef void (*NerRuleFunc) (guint start, guint end, NerRuleType type,
                             gpointer user_data);

/* Runs the rules on every sentence of @doc; @lower holds the lower-case
 * hash of each token (NerToks.lower) and @flags, when not NULL, its
 * NER_TF_* flags (NerToks.flags: tokens with neither a digit nor a word
 * of the rules' lists are then skipped at once); @enabled is a bit mask
 * of (1 << NerRuleType). */
void ner_rules_run (const NerDoc *doc, const guint64 *lower, const guint16 *flags,
                    guint enabled, NerRuleFunc func, gpointer user_data);

G_END_DECLS

#endif
