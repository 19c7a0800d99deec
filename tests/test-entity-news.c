/* test-entity-news.c — what a news reader meets in every article: agency
 * datelines, day and month names inside names, initials, two-word names,
 * times and durations, nationalities and groups, and the confidence of
 * each entity.  Every sentence here is written for the test. */
#include <string.h>
#include "nlp-test.h"

#define CHAIN "tokenize,sentence,entity"

static void
assert_entity (NlpDocument *doc, const char *text, const char *label)
{
  cr_assert (nlp_test_has_span (doc, "entity", text, "label", label),
             "'%s' not found as %s", text, label);
}

static void
assert_no_entity (NlpDocument *doc, const char *text)
{
  cr_assert_not (nlp_test_has_span (doc, "entity", text, NULL, NULL),
                 "'%s' should not be an entity", text);
}

/* ---- datelines ------------------------------------------------------------ */

Test (entity_news, datelines_are_places)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "NEW YORK 1996-12-06\n\n"
    "Shares of Halvorsen Freight fell sharply on Friday.\n\n"
    "WASHINGTON (AP) \xe2\x80\x94 The Senate passed the farm bill on Tuesday.\n\n"
    "LONDON, Aug 16 (Reuters) - Barclays said its profit rose.\n\n"
    "SAN FRANCISCO, Calif. (Reuters) - Pinecrest Labs hired 40 engineers.\n");
  assert_entity (doc, "NEW YORK", "LOC");
  assert_no_entity (doc, "YORK");
  assert_entity (doc, "1996-12-06", "DATE");
  assert_entity (doc, "WASHINGTON", "LOC");
  assert_entity (doc, "LONDON", "LOC");
  assert_entity (doc, "Aug 16", "DATE");
  assert_entity (doc, "SAN FRANCISCO", "LOC");
  assert_entity (doc, "Calif.", "LOC");
  nlp_document_free (doc);
}

/* A headline's topic before a dash, or a club before a score, is no
 * dateline. */
Test (entity_news, headlines_are_not_datelines)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "SOCCER - LATE GOAL SINKS HOSTS IN CUP TIE\n\n"
    "The match report follows.\n");
  assert_no_entity (doc, "SOCCER");
  nlp_document_free (doc);
}

/* ---- names the rules used to cut ------------------------------------------ */

Test (entity_news, day_and_month_names_inside_names)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "Sheffield Wednesday lost at home on Saturday.\n\n"
    "Chinese Vice Premier Sun Jun arrived in Lagos on Jun 3.\n\n"
    "The singer June Carter toured with her band.\n");
  assert_no_entity (doc, "Wednesday");
  assert_entity (doc, "Saturday", "DATE");
  cr_assert_not (nlp_test_has_span (doc, "entity", "Jun", "label", "DATE"),
                 "the name Sun Jun is no date");
  assert_entity (doc, "Jun 3", "DATE");
  cr_assert_not (nlp_test_has_span (doc, "entity", "June", "label", "DATE"));
  nlp_document_free (doc);
}

Test (entity_news, initials_stay_in_names)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "The visitors were bowled out after B. Young and K. Patel fell cheaply.\n");
  assert_entity (doc, "B. Young", "PER");
  assert_entity (doc, "K. Patel", "PER");
  assert_no_entity (doc, "Young");
  nlp_document_free (doc);
}

/* nlpipe's tokenizer splits "B." into "B" and "."; the stage joins them
 * for its tagger, and keeps them whole in the output offsets. */
Test (entity_news, two_word_names_stay_whole)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "Australia 245 ( David Boon 78 , Mark Taylor 45 )\n\n"
    "Opener David Boon retired on Monday.\n");
  NlpLayer *ents = nlp_document_get_layer (doc, "entity");
  const char *text = nlp_document_get_text (doc, NULL);
  guint boon = 0;

  assert_entity (doc, "David Boon", "PER");
  assert_entity (doc, "Mark Taylor", "PER");
  assert_no_entity (doc, "David");
  assert_no_entity (doc, "Boon");
  for (guint i = 0; i < nlp_layer_get_n_rows (ents); i++)
    boon += strncmp (text + nlp_layer_get_start (ents, i), "David Boon", 10) == 0;
  cr_assert_eq (boon, 2, "both mentions whole");
  nlp_document_free (doc);
}

/* ---- times, durations, nationalities -------------------------------------- */

typedef struct {
  const char *text, *label;
} Expect;

static void
assert_entities (NlpDocument *doc, const Expect *expect, guint n)
{
  for (guint i = 0; i < n; i++)
    assert_entity (doc, expect[i].text, expect[i].label);
}

/* How many entities of @doc read @text with @label. */
static guint
count_entities (NlpDocument *doc, const char *text, const char *label)
{
  NlpLayer *ents = nlp_document_get_layer (doc, "entity");
  NlpColumn *col = nlp_layer_get_column (ents, "label");
  const char *t = nlp_document_get_text (doc, NULL);
  guint n = 0;

  for (guint i = 0; i < nlp_layer_get_n_rows (ents); i++)
    {
      guint a = nlp_layer_get_start (ents, i), b = nlp_layer_get_end (ents, i);
      n += b - a == strlen (text) && strncmp (t + a, text, b - a) == 0
           && strcmp (nlp_column_get_string (col, i), label) == 0;
    }
  return n;
}

Test (entity_news, times_and_durations)
{
  static const Expect expect[] = {
    { "10:30 am", "TIME" }, { "8 p.m.", "TIME" }, { "noon", "TIME" },
    { "midnight", "TIME" }, { "10:30 GMT", "TIME" },
    { "eight minutes", "DURATION" }, { "48 hours", "DURATION" }, { "a week", "DURATION" },
    { "two years", "DURATION" }, { "three hours", "DURATION" },
    { "Two years ago", "DATE" }, { "16 August 2022", "DATE" },
  };
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "The ferry left at 10:30 am and docked at 8 p.m. after eight minutes of delay.\n\n"
    "Talks resume at noon, end by midnight and restart at 10:30 GMT.\n\n"
    "The strike lasted 48 hours, then a week, and the ban runs two years.\n\n"
    "Pumps ran for three hours. Two years ago it rained on 16 August 2022.\n");

  assert_entities (doc, expect, G_N_ELEMENTS (expect));
  cr_assert_eq (count_entities (doc, "48 hours", "DATE"), 0);
  nlp_document_free (doc);
}

Test (entity_news, nationalities_and_groups)
{
  static const Expect expect[] = {
    { "Russian", "NORP" }, { "Ukrainian", "NORP" }, { "European", "NORP" },
    { "Democrats", "NORP" }, { "Muslims", "NORP" },
  };
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "Russian and Ukrainian negotiators met European diplomats.\n\n"
    "Democrats in the Senate and many Muslims welcomed the plan.\n\n"
    "The minister speaks Russian.\n");

  assert_entities (doc, expect, G_N_ELEMENTS (expect));
  /* the language the minister speaks is not a nationality */
  cr_assert_eq (count_entities (doc, "Russian", "NORP"), 1);
  nlp_document_free (doc);
}

/* "in Russian" at the end of a sentence is the language. */
Test (entity_news, languages_are_not_nationalities)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "The statement was read out in Russian.\n");
  assert_no_entity (doc, "Russian");
  nlp_document_free (doc);
}

Test (entity_news, new_types_are_options)
{
  NlpDocument *doc = nlp_test_chain_with (CHAIN, NLP_NAMES ("entity.types=TIME,DURATION"),
    "Russian officials met at 9 am for two hours on Friday.\n");
  NlpLayer *ents = nlp_document_get_layer (doc, "entity");
  NlpColumn *label = nlp_layer_get_column (ents, "label");

  assert_entity (doc, "9 am", "TIME");
  assert_entity (doc, "two hours", "DURATION");
  for (guint i = 0; i < nlp_layer_get_n_rows (ents); i++)
    cr_assert (strcmp (nlp_column_get_string (label, i), "TIME") == 0
               || strcmp (nlp_column_get_string (label, i), "DURATION") == 0,
               "type %s emitted", nlp_column_get_string (label, i));
  nlp_document_free (doc);
}

/* ---- confidence ----------------------------------------------------------- */

/* Every model entity has a score in [0, 1]; rule entities have none. */
Test (entity_news, model_entities_have_a_score)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "Maria Lopez of Halvorsen Freight flew to Chicago on Friday.\n");
  NlpLayer *ents = nlp_document_get_layer (doc, "entity");
  NlpColumn *score = nlp_layer_get_column (ents, "score");
  NlpColumn *source = nlp_layer_get_column (ents, "source");
  guint model = 0;

  cr_assert_not_null (score);
  for (guint i = 0; i < nlp_layer_get_n_rows (ents); i++)
    if (strcmp (nlp_column_get_string (source, i), "model") == 0)
      {
        double v = nlp_column_get_double (score, i);
        cr_assert (nlp_column_is_set (score, i));
        cr_assert (v >= 0.0 && v <= 1.0, "score %g", v);
        model++;
      }
    else
      cr_assert_not (nlp_column_is_set (score, i), "a rule entity has no score");
  cr_assert_geq (model, 2);
  nlp_document_free (doc);
}
