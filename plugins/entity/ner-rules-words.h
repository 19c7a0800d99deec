/* ner-rules-words.h — what the rules (ner-rules*.c) share: the sentence
 * being matched, the word lists as bits of a token's class, and token
 * tests.  Private to the rules. */
#ifndef NER_RULES_WORDS_H
#define NER_RULES_WORDS_H

#include "ner-rules.h"

G_BEGIN_DECLS

typedef struct {
  const NerDoc  *doc;
  const NerToks *toks;
  guint s0, s1;           /* the sentence: tokens [s0, s1) */
} NerRuleCtx;

/* Word lists, each a bit of a token's class (ner_rule_word_class). */
enum {
  W_MONTH = 1 << 0, W_MONTH_AMBIG = 1 << 1, W_MONTH_ABBR = 1 << 2, W_WEEKDAY = 1 << 3,
  W_RELDAY = 1 << 4, W_RELMOD = 1 << 5, W_PERIOD = 1 << 6, W_UNIT = 1 << 7,
  W_NUMWORD = 1 << 8, W_SCALE = 1 << 9, W_CURWORD = 1 << 10, W_CURCODE = 1 << 11,
  W_CURSYM = 1 << 12, W_PCTWORD = 1 << 13, W_DATEPREP = 1 << 14, W_PER = 1 << 15,
  W_CENT = 1 << 16, W_PERCENTAGE = 1 << 17, W_POINTS = 1 << 18, W_DOT = 1 << 19,
  W_COMMA = 1 << 20, W_DAYPART = 1 << 21, W_AMPM = 1 << 22, W_ZONE = 1 << 23,
  W_CLOCKWORD = 1 << 24, W_OCLOCK = 1 << 25, W_AGO = 1 << 26, W_GROUP = 1 << 27,
  W_LANGCTX = 1 << 28, W_TONIGHT = 1 << 29, W_A = 1 << 30,
};

/* The class bits of the word whose lower-case hash is @h (0: in no list). */
guint32  ner_rule_word_class (guint64 h);
/* Builds the class table once (thread-safe). */
void     ner_rule_words_init (void);

gboolean ner_rule_in (const NerRuleCtx *c, guint i, guint32 bits);
/* First letter upper case (ASCII). */
gboolean ner_rule_initcap (const NerRuleCtx *c, guint i);
/* "5", "1.2", "2,000", "-3.5" */
gboolean ner_rule_number (const NerRuleCtx *c, guint i);
/* The value of an all-digit token of up to 6 digits, else G_MAXUINT. */
guint    ner_rule_int (const NerRuleCtx *c, guint i);
gboolean ner_rule_year (const NerRuleCtx *c, guint i);
/* "16", "16th", "1st": a day of the month. */
gboolean ner_rule_day (const NerRuleCtx *c, guint i);
/* Token @i of the sentence is "@s" exactly (ASCII, case-insensitive). */
gboolean ner_rule_is (const NerRuleCtx *c, guint i, const char *s);
/* A capitalised word that reads as part of a name: not one of the rules'
 * words, not a common lower-case word at the start of a sentence, and
 * not in an ALL-CAPS line (where case says nothing).  "Sheffield" in
 * "Sheffield Wednesday", "Sun" in "Sun Jun". */
gboolean ner_rule_name_word (const NerRuleCtx *c, guint i);

/* Rule matchers of ner-rules-time.c: the tokens a DATE, TIME or
 * DURATION starting at @i covers (0: none), its type in @type. */
guint    ner_rule_match_time (const NerRuleCtx *c, guint i, NerRuleType *type);

G_END_DECLS

#endif
