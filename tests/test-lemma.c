/* test-lemma.c — the lemma stage on sentences written for the test:
 * inflections, irregular forms by tag, clitics, EWT's case conventions,
 * and the refusal of a missing table. */
#include <string.h>
#include "nlp-test.h"

#define CHAIN "tokenize,sentence,pos,lemma"

/* The lemma of the @nth (from 0) word whose text is @word. */
static const char *
lemma_at (NlpDocument *doc, const char *word, guint nth)
{
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *lemma = nlp_layer_get_column (words, "lemma");

  cr_assert_not_null (lemma, "no word.lemma column");
  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (words, i, &len);
      if (len == strlen (word) && memcmp (t, word, len) == 0 && nth-- == 0)
        return nlp_column_get_string (lemma, i);
    }
  cr_assert_fail ("no word '%s'", word);
  return NULL;
}

/* The lemma of the first word whose text is @word. */
static const char *
lemma_of (NlpDocument *doc, const char *word)
{
  return lemma_at (doc, word, 0);
}

Test (lemma, inflections_and_irregular_forms)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "The negotiations were harder than she thought, "
                                            "and the children ran to the bigger houses.");

  cr_expect_str_eq (lemma_of (doc, "negotiations"), "negotiation");
  cr_expect_str_eq (lemma_of (doc, "were"), "be");
  cr_expect_str_eq (lemma_of (doc, "harder"), "hard");
  cr_expect_str_eq (lemma_of (doc, "thought"), "think");
  cr_expect_str_eq (lemma_of (doc, "children"), "child");
  cr_expect_str_eq (lemma_of (doc, "ran"), "run");
  cr_expect_str_eq (lemma_of (doc, "bigger"), "big");
  cr_expect_str_eq (lemma_of (doc, "houses"), "house");
  cr_expect_str_eq (lemma_of (doc, "The"), "the");
  nlp_document_free (doc);
}

Test (lemma, by_tag)
{
  /* "better" is "good" as an adjective and "well" as an adverb */
  NlpDocument *doc = nlp_test_chain (CHAIN, "This plan is better. She sings better now.");
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *lemma = nlp_layer_get_column (words, "lemma");
  NlpColumn *xpos = nlp_layer_get_column (words, "xpos");
  guint seen = 0;

  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (words, i, &len);
      if (len != 6 || memcmp (t, "better", 6) != 0)
        continue;
      seen++;
      if (strcmp (nlp_column_get_string (xpos, i), "JJR") == 0)
        cr_expect_str_eq (nlp_column_get_string (lemma, i), "good");
      else
        {
          cr_expect_str_eq (nlp_column_get_string (xpos, i), "RBR");
          cr_expect_str_eq (nlp_column_get_string (lemma, i), "well");
        }
    }
  cr_expect_eq (seen, 2);
  nlp_document_free (doc);
}

Test (lemma, clitics)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "It's Trump's plan, and we won't change it.");

  cr_expect_str_eq (lemma_of (doc, "It"), "it");
  cr_expect_str_eq (lemma_of (doc, "'s"), "be");          /* it's: is */
  cr_expect_str_eq (lemma_of (doc, "wo"), "will");
  cr_expect_str_eq (lemma_of (doc, "n't"), "not");
  nlp_document_free (doc);
  doc = nlp_test_chain (CHAIN, "Trump's plan failed.");
  cr_expect_str_eq (lemma_of (doc, "'s"), "'s");          /* the possessive */
  cr_expect_str_eq (lemma_of (doc, "failed"), "fail");
  nlp_document_free (doc);
}

Test (lemma, case_conventions)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "I met Google people in Chicago; THE REPORT "
                                            "cost 1,250,000 dollars.");

  cr_expect_str_eq (lemma_of (doc, "I"), "I");
  cr_expect_str_eq (lemma_of (doc, "Google"), "Google");
  cr_expect_str_eq (lemma_of (doc, "Chicago"), "Chicago");
  cr_expect_str_eq (lemma_of (doc, "REPORT"), "report");
  cr_expect_str_eq (lemma_of (doc, "1,250,000"), "1250000");
  cr_expect_str_eq (lemma_of (doc, "dollars"), "dollar");
  nlp_document_free (doc);
}

/* Names written in lower case get EWT's case: the ones EWT train has
 * as it had them ("al"), the others capitalised when the names know
 * them; adjectives of peoples keep their capital. */
Test (lemma, lower_case_names_and_demonyms)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "We flew to asia and mexico with al and an "
                                            "Argentinian friend.");

  cr_expect_str_eq (lemma_of (doc, "asia"), "Asia");
  cr_expect_str_eq (lemma_of (doc, "mexico"), "Mexico");
  cr_expect_str_eq (lemma_of (doc, "al"), "al");
  cr_expect_str_eq (lemma_of (doc, "Argentinian"), "Argentinian");
  nlp_document_free (doc);
}

/* "'s" before "been", "got", "had" (an adverb between) is "has". */
Test (lemma, s_as_has)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "It's been a long trip, and he's never had a "
                                            "visa, but it's called a holiday.");

  cr_expect_str_eq (lemma_at (doc, "'s", 0), "have");
  cr_expect_str_eq (lemma_at (doc, "'s", 1), "have");
  cr_expect_str_eq (lemma_at (doc, "'s", 2), "be");
  nlp_document_free (doc);
}

Test (lemma, missing_table_names_its_path)
{
  static const char *const sets[] = { "lemma.datadir=/nonexistent/lemma", NULL };
  char *err = nlp_test_chain_error (CHAIN, sets);

  cr_assert_not_null (err);
  cr_expect (strstr (err, "/nonexistent/lemma/exceptions.tsv") != NULL, "%s", err);
  g_free (err);
}
