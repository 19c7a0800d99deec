/* test-tokenize.c — the token layer on news text: what a token is, its
 * kind and norm, exact offsets, and the coverage property on the seed
 * article and on awkward input. */
#include <string.h>
#include "nlp-test.h"

/* The tokens of @text under @chain as "tok|tok|...", or with kinds
 * "tok/kind|...". */
static char *
tokens_in (const char *chain, const char *text, gboolean with_kind)
{
  NlpDocument *doc = nlp_test_chain (chain, text);
  NlpLayer *layer = nlp_document_get_layer (doc, "token");
  NlpColumn *kind = nlp_layer_get_column (layer, "kind");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nlp_layer_get_n_rows (layer); i++)
    {
      gsize len;
      const char *s = nlp_layer_get_text (layer, i, &len);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, s, (gssize) len);
      if (with_kind)
        g_string_append_printf (out, "/%s", nlp_column_get_string (kind, i));
    }
  nlp_document_free (doc);
  return g_string_free (out, FALSE);
}

static char *
tokens_of (const char *text, gboolean with_kind)
{
  return tokens_in ("tokenize", text, with_kind);
}

typedef struct {
  const char *text;
  const char *tokens;
} Case;

static void
check_cases (const Case *cases, gboolean with_kind)
{
  for (guint i = 0; cases[i].text != NULL; i++)
    {
      char *got = tokens_of (cases[i].text, with_kind);
      cr_expect_str_eq (got, cases[i].tokens, "tokens of «%s»", cases[i].text);
      g_free (got);
    }
}

Test (tokenize, words_keep_inner_apostrophes_and_hyphens)
{
  static const Case cases[] = {
    { "Trump’s long-range rock'n'roll", "Trump’s|long-range|rock'n'roll" },
    { "O'Brien's well-known U.S.-led plan", "O'Brien's|well-known|U.S.-led|plan" },
    { "the players' union", "the|players|'|union" },
    { "AT&T and S&P rose", "AT&T|and|S&P|rose" },
    { "a ‘quoted’ word", "a|‘|quoted|’|word" },
    { NULL, NULL }
  };
  check_cases (cases, FALSE);
}

/* The documented contraction policy: one token, never split. */
Test (tokenize, contractions_are_one_token)
{
  static const Case cases[] = {
    { "don't won't we've I'm can't", "don't|won't|we've|I'm|can't" },
    { "It’s Putin’s", "It’s|Putin’s" },
    { NULL, NULL }
  };
  check_cases (cases, FALSE);
}

Test (tokenize, numbers)
{
  static const Case cases[] = {
    { "1,000.50; 3.5% $1.2bn", "1,000.50/number|;/punct|3.5/number|%/punct|$/symbol|1.2bn/number" },
    { "in 2022 at 10:30 in the 1990s", "in/word|2022/number|at/word|10:30/number|in/word|the/word|1990s/number" },
    { "£600m, 5.93 mln, 12/25/2022", "£/symbol|600m/number|,/punct|5.93/number|mln/word|,/punct|12/25/2022/number" },
    { "a 10-year-old COVID-19 case", "a/word|10-year-old/word|COVID-19/word|case/word" },
    { "It was 5. Then", "It/word|was/word|5/number|./punct|Then/word" },
    { NULL, NULL }
  };
  check_cases (cases, TRUE);
}

Test (tokenize, abbreviations_with_periods)
{
  static const Case cases[] = {
    { "the U.S. at 9 a.m. with a Ph.D. e.g. this", "the|U.S.|at|9|a.m.|with|a|Ph.D.|e.g.|this" },
    { "Mr. Smith", "Mr|.|Smith" },
    { "J. R. R. Tolkien", "J|.|R|.|R|.|Tolkien" },
    { "end.The next", "end|.|The|next" },
    { NULL, NULL }
  };
  check_cases (cases, FALSE);
}

Test (tokenize, urls_emails_mentions_hashtags)
{
  static const Case cases[] = {
    { "See https://www.example.com/a_b.html. Then", "See/word|https://www.example.com/a_b.html/url|./punct|Then/word" },
    { "(www.bbc.co.uk/news)", "(/punct|www.bbc.co.uk/news/url|)/punct" },
    { "visit BBC.co.uk.", "visit/word|BBC.co.uk/url|./punct" },
    { "wiki https://en.wikipedia.org/wiki/Foo_(bar) ok", "wiki/word|https://en.wikipedia.org/wiki/Foo_(bar)/url|ok/word" },
    { "Mail Jane.Doe@example.com.", "Mail/word|Jane.Doe@example.com/email|./punct" },
    { "@BBCNews: #Brexit #1", "@BBCNews/mention|:/punct|#Brexit/hashtag|#/punct|1/number" },
    { NULL, NULL }
  };
  check_cases (cases, TRUE);
}

Test (tokenize, emoji_sequences_are_one_token)
{
  static const Case cases[] = {
    { "ok 👍🏽 👨‍👩‍👧 🇺🇦🇺🇸 1️⃣ ❤️ ©", "ok/word|👍🏽/emoji|👨‍👩‍👧/emoji|🇺🇦/emoji|🇺🇸/emoji|1️⃣/emoji|❤️/emoji|©/symbol" },
    { "great😀!", "great/word|😀/emoji|!/punct" },
    { NULL, NULL }
  };
  check_cases (cases, TRUE);
}

Test (tokenize, quotes_dashes_ellipses)
{
  static const Case cases[] = {
    { "“Yes,” he said — no – never -- ok", "“|Yes|,|”|he|said|—|no|–|never|--|ok" },
    { "wait… what... really?! no!!!", "wait|…|what|...|really|?!|no|!!!" },
    { "\"Hi,\" 'she' said", "\"|Hi|,|\"|'|she|'|said" },
    { NULL, NULL }
  };
  check_cases (cases, FALSE);
}

Test (tokenize, norm_is_case_folded)
{
  NlpDocument *doc = nlp_test_chain ("tokenize", "Trump’s ZÜRICH Straße U.S. 1990S ’");

  cr_expect (nlp_test_has_span (doc, "token", "Trump’s", "norm", "trump's"));
  cr_expect (nlp_test_has_span (doc, "token", "ZÜRICH", "norm", "zürich"));
  cr_expect (nlp_test_has_span (doc, "token", "Straße", "norm", "strasse"));
  cr_expect (nlp_test_has_span (doc, "token", "U.S.", "norm", "u.s."));
  cr_expect (nlp_test_has_span (doc, "token", "1990S", "norm", "1990s"));
  cr_expect (nlp_test_has_span (doc, "token", "’", "norm", "'"));
  nlp_document_free (doc);
}

/* Every non-space byte is in exactly one token; tokens are ordered, do
 * not overlap and start and end on character boundaries. */
static void
check_coverage (const char *text)
{
  NlpDocument *doc = nlp_test_chain ("tokenize", text);
  NlpLayer *layer = nlp_document_get_layer (doc, "token");
  gsize len = strlen (text), pos = 0;
  guint n = nlp_layer_get_n_rows (layer);

  for (guint i = 0; i < n; i++)
    {
      guint start = nlp_layer_get_start (layer, i), end = nlp_layer_get_end (layer, i);
      cr_assert (start < end && end <= len, "token %u [%u,%u) out of bounds", i, start, end);
      cr_assert (start >= pos, "token %u overlaps the previous one", i);
      for (; pos < start; pos = g_utf8_next_char (text + pos) - text)
        cr_assert (g_unichar_isspace (g_utf8_get_char (text + pos))
                   || g_utf8_get_char (text + pos) == 0x200B
                   || g_utf8_get_char (text + pos) == 0xFEFF,
                   "byte %" G_GSIZE_FORMAT " is in no token", pos);
      cr_assert ((text[start] & 0xC0) != 0x80 && (end == len || (text[end] & 0xC0) != 0x80),
                 "token %u is not on character boundaries", i);
      pos = end;
    }
  for (; pos < len; pos = g_utf8_next_char (text + pos) - text)
    cr_assert (g_unichar_isspace (g_utf8_get_char (text + pos)), "trailing byte %"
               G_GSIZE_FORMAT " is in no token", pos);
  nlp_document_free (doc);
}

Test (tokenize, seed_article_is_covered)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);

  check_coverage (text);
  g_free (text);
  g_free (path);
}

Test (tokenize, awkward_input_is_covered)
{
  check_coverage ("");
  check_coverage ("   \n\t ");
  check_coverage ("\x01\x02 a\x7f b\u00a0c\u200bd\ufeffe\u2028f");
  check_coverage ("@ # @@ ## #_ @- .@. x@ @x.y a@b a@b.c ..@..com");
  check_coverage ("e\u0301 \u0301x ﷽ ‼️ 🏽 \u200d 🇺 1\u20e3");
  check_coverage ("http:// www. https://x.com/((( ])]) a.b.c.d.e.f");
}

Test (tokenize, seed_article_tokens)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain ("tokenize", text);

  cr_expect (nlp_test_has_span (doc, "token", "Trump’s", "kind", "word"));
  cr_expect (nlp_test_has_span (doc, "token", "US-Russia", "kind", "word"));
  cr_expect (nlp_test_has_span (doc, "token", "business-like", "kind", "word"));
  cr_expect (nlp_test_has_span (doc, "token", "2022", "kind", "number"));
  cr_expect (nlp_test_has_span (doc, "token", "—", "kind", "punct"));
  cr_expect (nlp_test_has_span (doc, "token", "we've", "norm", "we've"));
  cr_expect (nlp_test_has_span (doc, "token", "NATO", "norm", "nato"));
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

/* With the lang stage first, French and Italian elided words are tokens
 * of their own; words where the apostrophe belongs stay whole, and so
 * does everything in English or without doc.lang. */
Test (tokenize, french_and_italian_elisions)
{
  static const char *const cases[][3] = {
    { "Le président de l'université a parlé aujourd'hui avec l'équipe jusqu'à midi.",
      "Le|président|de|l'|université|a|parlé|aujourd'hui|avec|l'|équipe|jusqu'|à|midi|.",
      "Le|président|de|l'université|a|parlé|aujourd'hui|avec|l'équipe|jusqu'à|midi|." },
    { "L’ambassadeur a dit qu’il viendrait d’Ottawa avec quelqu'un.",
      "L’|ambassadeur|a|dit|qu’|il|viendrait|d’|Ottawa|avec|quelqu'un|.",
      "L’ambassadeur|a|dit|qu’il|viendrait|d’Ottawa|avec|quelqu'un|." },
    { "Il presidente dell'università ha parlato all'inizio dell'anno con l'ambasciatore.",
      "Il|presidente|dell'|università|ha|parlato|all'|inizio|dell'|anno|con|l'|ambasciatore|.",
      "Il|presidente|dell'università|ha|parlato|all'inizio|dell'anno|con|l'ambasciatore|." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *with = tokens_in ("lang,tokenize", cases[i][0], FALSE);
      char *without = tokens_of (cases[i][0], FALSE);
      cr_expect_str_eq (with, cases[i][1]);
      cr_expect_str_eq (without, cases[i][2]);
      g_free (with);
      g_free (without);
    }
}

Test (tokenize, elided_words_are_words_with_a_straight_apostrophe_norm)
{
  NlpDocument *doc = nlp_test_chain ("lang,tokenize", "Elle a rencontré l’ambassadeur d’Italie hier soir.");

  cr_expect (nlp_test_has_span (doc, "token", "l’", "kind", "word"));
  cr_expect (nlp_test_has_span (doc, "token", "l’", "norm", "l'"));
  cr_expect (nlp_test_has_span (doc, "token", "ambassadeur", "kind", "word"));
  cr_expect (nlp_test_has_span (doc, "token", "d’", "norm", "d'"));
  nlp_document_free (doc);
}

Test (tokenize, english_is_unchanged_by_the_lang_stage)
{
  const char *text = "I don't think O'Brien's rock'n'roll is l'art pour l'art, said the critic at 10:30.";
  char *with = tokens_in ("lang,tokenize", text, TRUE);
  char *without = tokens_of (text, TRUE);

  cr_expect_str_eq (with, without);
  cr_expect (strstr (with, "l'art/word") != NULL, "%s", with);
  g_free (with);
  g_free (without);
}
