/* test-sentence.c — the sentence stage as a stage: the seed article, its
 * options (newline policy, extra abbreviations), the word lists of the
 * document's language, its errors, and the span properties against the
 * token layer.  The boundary rules themselves are
 * tested case by case by test-sentence-corpus. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

/* Runs tokenize,sentence with "sentence.OPTION=VALUE" settings (NULL
 * terminated); (transfer full). */
static NlpDocument *
split_with (const char *text, const char *first_set, ...)
{
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpRegistry *registry = nlp_registry_new ();
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  NlpDocument *doc;
  GError *error = NULL;
  va_list ap;

  cr_assert (nlp_chain_spec_set_stages (spec, "tokenize,sentence", &error));
  va_start (ap, first_set);
  for (const char *set = first_set; set != NULL; set = va_arg (ap, const char *))
    cr_assert (nlp_chain_spec_parse_set (spec, set, &error), "%s", error->message);
  va_end (ap);
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "?");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker);
  doc = nlp_document_new ("test", text, -1, &error);
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error), "%s",
             error ? error->message : "?");
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_registry_free (registry);
  nlp_chain_spec_free (spec);
  return doc;
}

/* The sentences of @doc joined by " || ", inner white space as one space. */
static char *
sentences_of (NlpDocument *doc)
{
  char **texts = nlp_test_span_texts (doc, "sentence");
  GString *out = g_string_new (NULL);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      char **words = g_strsplit_set (texts[i], " \n\t\r", -1);
      gboolean first = TRUE;
      if (i > 0)
        g_string_append (out, " || ");
      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          {
            g_string_append_printf (out, "%s%s", first ? "" : " ", words[j]);
            first = FALSE;
          }
      g_strfreev (words);
    }
  g_strfreev (texts);
  return g_string_free (out, FALSE);
}

static void
expect_split (const char *text, const char *want, const char *set)
{
  NlpDocument *doc = split_with (text, set, NULL);
  char *got = sentences_of (doc);

  cr_expect_str_eq (got, want, "with %s", set ? set : "defaults");
  g_free (got);
  nlp_document_free (doc);
}

Test (sentence, seed_article_headings_and_bullets)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = split_with (text, NULL);
  char **s = nlp_test_span_texts (doc, "sentence");

  cr_assert_str_eq (s[0], "Did Trump and Putin Make Significant Progress in Their Bilateral Meeting?");
  cr_expect_str_eq (s[1], "Synopsis");
  cr_expect_str_eq (s[2], "Key Takeaways");
  cr_expect_str_eq (s[3], "- Trump and Putin claim significant progress in their discussions.");
  cr_expect_str_eq (s[7], "- No specific agreements were announced following the summit.");
  cr_expect (g_str_has_prefix (s[8], "Anchorage (Alaska), Aug 16 (NationPress) US President"));
  cr_expect_str_eq (s[9], "\"I will reach out to NATO shortly.");
  cr_expect_str_eq (s[10], "I will contact the relevant individuals I believe are suited for this.");
  cr_expect (nlp_test_has_span (doc, "sentence", "\"However, I can envision it potentially happening.\"", NULL, NULL));
  cr_expect (nlp_test_has_span (doc, "sentence",
    "On Friday, Putin acknowledged that Trump’s assertion was accurate—a sentiment he has echoed previously.",
    NULL, NULL));
  cr_expect_eq (g_strv_length (s), 58);
  g_strfreev (s);
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

static const char wrapped[] =
  "COCOA EXPORTS RISE\n"
  "\n"
  "Cocoa exports from the region rose sharply in\n"
  "the week to Friday, traders said, as the U.S.\n"
  "company Acme Inc. bought more beans than expected.\n"
  "    Prices were steady. Dealers said demand would\n"
  "stay firm.\n";

Test (sentence, newline_auto_joins_hard_wrapped_lines)
{
  expect_split (wrapped,
    "COCOA EXPORTS RISE || Cocoa exports from the region rose sharply in the week to Friday, "
    "traders said, as the U.S. company Acme Inc. bought more beans than expected. || "
    "Prices were steady. || Dealers said demand would stay firm.", NULL);
}

Test (sentence, newline_always_ends_at_every_line)
{
  expect_split ("One line\nand its continuation.\nNext.",
                "One line || and its continuation. || Next.", "sentence.newline=always");
}

Test (sentence, newline_never_joins_lines)
{
  expect_split ("Headline\nBody starts here.\n\nNew paragraph.",
                "Headline Body starts here. || New paragraph.", "sentence.newline=never");
}

Test (sentence, extra_abbreviations_from_a_file)
{
  char *path = g_build_filename (g_get_tmp_dir (), "nlpipe-abbrev-XXXXXX", NULL);
  int fd = g_mkstemp (path);
  const char *lines = "# test list\nFrobn   title\nZorp\n";
  const char *text = "He met Frobn. Smith there. Then they went to the Zorp. The end.";

  cr_assert (fd >= 0);
  cr_assert_eq (write (fd, lines, strlen (lines)), (gssize) strlen (lines));
  close (fd);
  expect_split (text, "He met Frobn. || Smith there. || Then they went to the Zorp. || The end.", NULL);
  {
    char *set = g_strdup_printf ("sentence.abbreviations=%s", path);
    expect_split (text, "He met Frobn. Smith there. || Then they went to the Zorp. || The end.", set);
    g_free (set);
  }
  g_unlink (path);
  g_free (path);
}

Test (sentence, bad_abbreviation_file_names_file_and_line)
{
  char *path = g_build_filename (g_get_tmp_dir (), "nlpipe-abbrev-XXXXXX", NULL);
  int fd = g_mkstemp (path);
  const char *lines = "Ok\nBad weird\n";
  char *set = g_strdup_printf ("sentence.abbreviations=%s", path);
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpRegistry *registry = nlp_registry_new ();
  GError *error = NULL;
  char *where = g_strdup_printf ("%s:2:", path);

  cr_assert_eq (write (fd, lines, strlen (lines)), (gssize) strlen (lines));
  close (fd);
  cr_assert (nlp_chain_spec_set_stages (spec, "tokenize,sentence", &error));
  cr_assert (nlp_chain_spec_parse_set (spec, set, &error));
  cr_assert_null (nlp_pipeline_new (registry, spec, &error));
  cr_assert_not_null (error);
  cr_expect (strstr (error->message, where) != NULL, "message: %s", error->message);
  cr_expect (strstr (error->message, "'weird'") != NULL, "message: %s", error->message);
  g_error_free (error);
  nlp_registry_free (registry);
  nlp_chain_spec_free (spec);
  g_unlink (path);
  g_free (where);
  g_free (set);
  g_free (path);
}

Test (sentence, requires_the_token_layer)
{
  NlpDocument *doc = nlp_pipeline_run_text ("sentence", "No tokens. No sentences.", NULL);

  cr_expect_null (doc, "a chain without tokenize must be refused");
}

/* Sentences cover the tokens exactly: each token in one sentence, each
 * sentence starting at a token start and ending at a token end. */
Test (sentence, sentences_are_made_of_whole_tokens)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = split_with (text, NULL);
  NlpLayer *tok = nlp_document_get_layer (doc, "token");
  NlpLayer *sent = nlp_document_get_layer (doc, "sentence");
  guint n = nlp_layer_get_n_rows (sent), covered = 0;

  for (guint i = 0; i < n; i++)
    {
      guint first, count = nlp_layer_range (tok, nlp_layer_get_start (sent, i),
                                            nlp_layer_get_end (sent, i), &first);
      cr_assert (count > 0);
      cr_assert_eq (nlp_layer_get_start (tok, first), nlp_layer_get_start (sent, i));
      cr_assert_eq (nlp_layer_get_end (tok, first + count - 1), nlp_layer_get_end (sent, i));
      covered += count;
    }
  cr_expect_eq (covered, nlp_layer_get_n_rows (tok));
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

/* The splitting of @text under chain lang,tokenize,sentence. */
static char *
split_in_its_language (const char *text, const char *lang)
{
  NlpDocument *doc = nlp_test_chain ("lang,tokenize,sentence", text);
  gint a = nlp_document_find_attr (doc, "lang");
  char *got = sentences_of (doc);

  cr_assert_geq (a, 0);
  cr_expect_str_eq (nlp_document_get_attr_string (doc, a), lang, "%s", text);
  nlp_document_free (doc);
  return got;
}

/* With the lang stage first, a text gets its language's abbreviations
 * (data/abbreviations.LANG.txt) and openers; without it, the shipped
 * English-centred lists only. */
Test (sentence, abbreviations_of_the_document_language)
{
  static const char *const cases[][4] = {
    { "fr", "Le rapport du Pr. Martin a été lu par M. Dupont devant Mme Leroy. Elle a répondu.",
      "Le rapport du Pr. Martin a été lu par M. Dupont devant Mme Leroy. || Elle a répondu.",
      "Le rapport du Pr. || Martin a été lu par M. Dupont devant Mme Leroy. || Elle a répondu." },
    { "de", "Ich treffe Hrn. Weber am 3. Oktober, z. B. in Bonn. Er kommt um neun.",
      "Ich treffe Hrn. Weber am 3. Oktober, z. B. in Bonn. || Er kommt um neun.",
      "Ich treffe Hrn. || Weber am 3. || Oktober, z. B. in Bonn. || Er kommt um neun." },
    { "es", "El Sr. García y la Dra. Pérez llegaron ayer. La reunión empezó tarde.",
      "El Sr. García y la Dra. Pérez llegaron ayer. || La reunión empezó tarde.",
      "El Sr. García y la Dra. || Pérez llegaron ayer. || La reunión empezó tarde." },
    { "it", "Il Sig. Rossi e la Dott.ssa Bianchi sono arrivati ieri. La riunione è iniziata.",
      "Il Sig. Rossi e la Dott.ssa Bianchi sono arrivati ieri. || La riunione è iniziata.",
      "Il Sig. || Rossi e la Dott.ssa Bianchi sono arrivati ieri. || La riunione è iniziata." },
    { "pt", "O Exmo. Sr. Presidente e a Dra. Costa chegaram ontem. A reunião começou tarde.",
      "O Exmo. Sr. Presidente e a Dra. Costa chegaram ontem. || A reunião começou tarde.",
      "O Exmo. || Sr. Presidente e a Dra. || Costa chegaram ontem. || A reunião começou tarde." },
    { "nl", "Zie blz. 12 van het verslag van dhr. Jansen. Hij was er niet bij.",
      "Zie blz. 12 van het verslag van dhr. Jansen. || Hij was er niet bij.",
      "Zie blz. || 12 van het verslag van dhr. || Jansen. || Hij was er niet bij." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *with = split_in_its_language (cases[i][1], cases[i][0]);
      NlpDocument *doc = nlp_test_chain ("tokenize,sentence", cases[i][1]);
      char *without = sentences_of (doc);

      cr_expect_str_eq (with, cases[i][2], "%s", cases[i][0]);
      cr_expect_str_eq (without, cases[i][3], "%s without doc.lang", cases[i][0]);
      g_free (with);
      g_free (without);
      nlp_document_free (doc);
    }
}

Test (sentence, german_ordinals_still_end_before_an_opener)
{
  char *got = split_in_its_language ("Das geschah im Jahr 2019. Der Minister trat danach zurück.", "de");

  cr_expect_str_eq (got, "Das geschah im Jahr 2019. || Der Minister trat danach zurück.");
  g_free (got);
}

Test (sentence, english_keeps_the_shipped_lists)
{
  /* "M." is an initial in English, not "Monsieur" */
  const char *text = "The letter was signed by John M. Smith in Washington. It arrived late.";
  char *with = split_in_its_language (text, "en");
  NlpDocument *doc = nlp_test_chain ("tokenize,sentence", text);
  char *without = sentences_of (doc);

  cr_expect_str_eq (with, without);
  cr_expect_str_eq (with, "The letter was signed by John M. Smith in Washington. || It arrived late.");
  g_free (with);
  g_free (without);
  nlp_document_free (doc);
}
