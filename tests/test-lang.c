/* test-lang.c — the lang stage: the language of a sentence in every
 * language the shipped model reports, und for what has no language, the
 * options, the sentence mode, bad models; nlpipe-lang train on a tiny
 * corpus; the vector kernels against the plain loop. */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "lang-detect.h"

static const char *
attr_string (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no doc.%s", name);
  return nlp_document_get_attr_string (doc, i);
}

static double
attr_double (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no doc.%s", name);
  return nlp_document_get_attr_double (doc, i);
}

/* doc.lang of @text under chain "lang" with @sets (may be NULL). */
static char *
lang_of (const char *text, const char *const *sets)
{
  NlpDocument *doc = nlp_test_chain_with ("lang", sets, text);
  char *lang = g_strdup (attr_string (doc, "lang"));

  nlp_document_free (doc);
  return lang;
}

Test (lang, a_sentence_in_every_language)
{
  char *path = nlp_test_fixture ("lang/sentences.tsv");
  char *contents = nlp_test_read (path);
  char **lines = g_strsplit (contents, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **f = g_strsplit (lines[i], "\t", 2);
      if (f[0] != NULL && f[1] != NULL)
        {
          NlpDocument *doc = nlp_test_chain ("lang", f[1]);
          cr_expect_str_eq (attr_string (doc, "lang"), f[0], "%s: %s", f[0], f[1]);
          cr_expect_gt (attr_double (doc, "lang_score"), 0.5, "%s: unsure", f[0]);
          cr_expect_leq (attr_double (doc, "lang_score"), 1.0);
          nlp_document_free (doc);
          n++;
        }
      g_strfreev (f);
    }
  /* every libstemmer language but Bosnian (reported as hr or sr), plus
   * zh, ja, ko, pl, cs, uk, their close neighbours, and both scripts of
   * Serbian and Chinese */
  cr_expect_geq (n, 55);
  g_strfreev (lines);
  g_free (contents);
  g_free (path);
}

Test (lang, what_has_no_language_is_und)
{
  static const char *const texts[] = {
    "", "   \n\t ", "12 345 678,90 2024-05-17 10:30", "!!! ??? ... --- ***",
    "🎉🎉👍🏽", "ok", "https://example.com/news/2024/index.html",
    "jane.doe@example.org", "Ξ", /* one letter */
    "ნახევარი საათის შემდეგ წვიმა დაიწყო და ქუჩები დაცარიელდა.",   /* Georgian: not in the model */
    "আজ সকালে শহরে প্রবল বৃষ্টি হয়েছে এবং রাস্তায় জল জমেছে।",   /* Bengali */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      NlpDocument *doc = nlp_test_chain ("lang", texts[i]);
      cr_expect_str_eq (attr_string (doc, "lang"), "und", "'%s'", texts[i]);
      cr_expect_float_eq (attr_double (doc, "lang_score"), 0.0, 1e-9);
      nlp_document_free (doc);
    }
}

Test (lang, names_and_links_do_not_decide)
{
  /* English names, a link and an address in a Russian, a Japanese and a
   * German sentence: judged on the main script's words, and links say
   * nothing */
  char *ru = lang_of ("Компания Apple представила новый iPhone на конференции WWDC в Купертино.", NULL);
  char *ja = lang_of ("ASUSのEee PCは2007 Taipei IT Monthで話題となりました。", NULL);
  char *de = lang_of ("Mehr dazu unter https://www.example.com/the/latest/news oder schreiben Sie an news@example.com.", NULL);

  cr_expect_str_eq (ru, "ru");
  cr_expect_str_eq (ja, "ja");
  cr_expect_str_eq (de, "de");
  g_free (ru);
  g_free (ja);
  g_free (de);
}

Test (lang, long_documents_are_one_language)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain ("lang", text);

  cr_expect_str_eq (attr_string (doc, "lang"), "en");
  cr_expect_gt (attr_double (doc, "lang_score"), 0.99);
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

Test (lang, languages_option_limits_the_choice)
{
  static const char *const only[] = { "lang.languages=pt,it", NULL };
  static const char *const bad[] = { "lang.languages=en,xx", NULL };
  const char *spanish = "El gobierno anunció ayer que la nueva ley entrará en vigor el próximo año.";
  char *lang = lang_of (spanish, only), *error;

  cr_expect (strcmp (lang, "pt") == 0 || strcmp (lang, "it") == 0, "got %s", lang);
  g_free (lang);
  error = nlp_test_chain_error ("lang", bad);
  cr_assert_not_null (error);
  cr_expect_not_null (strstr (error, "lang.languages"), "%s", error);
  cr_expect_not_null (strstr (error, "'xx'"), "%s", error);
  g_free (error);
}

Test (lang, min_letters_option)
{
  static const char *const strict[] = { "lang.min-letters=50", NULL };
  const char *text = "Le conseil municipal se réunit demain.";
  char *normal = lang_of (text, NULL), *und = lang_of (text, strict);

  cr_expect_str_eq (normal, "fr");
  cr_expect_str_eq (und, "und");
  g_free (normal);
  g_free (und);
}

Test (lang, the_language_of_each_sentence)
{
  static const char *const sets[] = { "bysentence.sentences=true", NULL };
  NlpDocument *doc = nlp_test_chain_with ("lang,tokenize,sentence,bysentence=lang", sets,
      "Le président a parlé hier soir à la télévision pendant une heure. "
      "\"We will never give up, whatever the cost may be,\" he said in English. "
      "Puis il a repris son discours en français devant les journalistes.");
  /* the second instance's names are its alias's: doc.bysentence_sentences */
  gint i = nlp_document_find_attr (doc, "bysentence_sentences");
  JsonArray *a;
  static const char *const expected[] = { "fr", "en", "fr" };

  cr_expect_str_eq (attr_string (doc, "lang"), "fr");
  cr_assert_geq (i, 0, "no doc.bysentence_sentences");
  a = json_node_get_array (nlp_document_get_attr_json (doc, i));
  cr_assert_eq (json_array_get_length (a), nlp_layer_get_n_rows (nlp_document_get_layer (doc, "sentence")));
  cr_assert_eq (json_array_get_length (a), 3);
  for (guint k = 0; k < 3; k++)
    {
      JsonObject *o = json_array_get_object_element (a, k);
      cr_expect_str_eq (json_object_get_string_member (o, "lang"), expected[k], "sentence %u", k);
      cr_expect_gt (json_object_get_double_member (o, "score"), 0.5);
    }
  nlp_document_free (doc);
}

Test (lang, sentence_mode_needs_the_sentence_layer)
{
  NlpTestRun *run = nlp_test_run ("Bonjour tout le monde, comment allez-vous ?\n",
                                  "-p", "lang", "--set", "lang.sentences=true", "-f", "json", NULL);

  cr_expect_neq (run->status, 0);
  cr_expect_not_null (strstr (run->err, "sentences=true needs the sentence layer"), "%s", run->err);
  nlp_test_run_free (run);
}

Test (lang, a_bad_model_is_refused)
{
  char *dir = g_dir_make_tmp ("nlpipe-lang-XXXXXX", NULL);
  char *missing = g_build_filename (dir, "none.model", NULL);
  char *junk = g_build_filename (dir, "junk.model", NULL);
  char *set_missing = g_strdup_printf ("lang.model=%s", missing);
  char *set_junk = g_strdup_printf ("lang.model=%s", junk);
  const char *sets1[] = { set_missing, NULL }, *sets2[] = { set_junk, NULL };
  char *error;

  cr_assert (g_file_set_contents (junk, "not a model at all, just some text\n", -1, NULL));
  error = nlp_test_chain_error ("lang", sets1);
  cr_assert_not_null (error);
  cr_expect_not_null (strstr (error, "none.model"), "%s", error);
  g_free (error);
  error = nlp_test_chain_error ("lang", sets2);
  cr_assert_not_null (error);
  cr_expect_not_null (strstr (error, "junk.model"), "%s", error);
  cr_expect_not_null (strstr (error, "not an nlpipe language model"), "%s", error);
  g_free (error);
  g_remove (junk);
  g_rmdir (dir);
  g_free (set_missing);
  g_free (set_junk);
  g_free (missing);
  g_free (junk);
  g_free (dir);
}

Test (lang, nlpipe_lang_trains_a_model)
{
  char *dir = g_dir_make_tmp ("nlpipe-lang-XXXXXX", NULL);
  char *model = g_build_filename (dir, "tiny.model", NULL);
  char *corpus = nlp_test_fixture ("lang/corpus");
  char *set = g_strdup_printf ("lang.model=%s", model);
  const char *train[] = { NLP_TEST_BUILDDIR "/plugins/lang/nlpipe-lang", "train", "-q",
                          "--corpus", corpus, "--bits", "12", "--word-share", "0.001",
                          "-o", model, NULL };
  const char *sets[] = { set, NULL };
  char *err = NULL;
  gint status = -1;
  static const char *const texts[][2] = {
    { "en", "The council said the weather would be better next week." },
    { "fr", "Le conseil a dit que le temps serait meilleur la semaine prochaine." },
    { "de", "Der Rat sagte, das Wetter werde nächste Woche besser." },
  };

  cr_assert (g_spawn_sync (NULL, (char **) train, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                           NULL, NULL, NULL, &err, &status, NULL));
  cr_assert (g_spawn_check_wait_status (status, NULL), "nlpipe-lang train failed: %s", err);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *lang = lang_of (texts[i][1], sets);
      cr_expect_str_eq (lang, texts[i][0], "%s", texts[i][1]);
      g_free (lang);
    }
  g_remove (model);
  g_rmdir (dir);
  g_free (err);
  g_free (set);
  g_free (corpus);
  g_free (model);
  g_free (dir);
}

/* Every vector kernel this machine can run gives the generic loop's
 * answers and confidences. */
Test (lang, every_kernel_agrees)
{
  static const char *const kernels[] = { "sse2", "avx2", "avx512" };
  GError *error = NULL;
  LangModel *model = lang_model_load (NLP_TEST_SRCDIR "/plugins/lang/data/lang.model", &error);
  LangDetector *generic;
  char *path = nlp_test_fixture ("lang/sentences.tsv");
  char *contents = nlp_test_read (path);
  char **lines = g_strsplit (contents, "\n", -1);
  LangDetectOptions o = { .min_letters = 4 };

  cr_assert_not_null (model, "%s", error ? error->message : "");
  generic = lang_detector_new_with_kernel (model, "generic");
  cr_assert_not_null (generic);
  for (guint k = 0; k < G_N_ELEMENTS (kernels); k++)
    {
      LangDetector *d = lang_detector_new_with_kernel (model, kernels[k]);
      if (d == NULL)
        continue;
      for (guint i = 0; lines[i] != NULL; i++)
        {
          LangGuess a, b;
          for (guint rep = 0; rep < 2; rep++)  /* the second time from the memo */
            {
              lang_detector_guess (generic, &o, lines[i], strlen (lines[i]), &a);
              lang_detector_guess (d, &o, lines[i], strlen (lines[i]), &b);
              cr_expect_eq (a.lang, b.lang, "%s: %s", kernels[k], lines[i]);
              cr_expect_float_eq (a.confidence, b.confidence, 1e-12, "%s: %s", kernels[k], lines[i]);
            }
        }
      lang_detector_free (d);
    }
  lang_detector_free (generic);
  lang_model_free (model);
  g_strfreev (lines);
  g_free (contents);
  g_free (path);
}

/* In the default chain, an English sentence made mostly of names may be
 * guessed another language, with little confidence: the guess stays in
 * doc.lang, and entity and sentiment still run (NLP_LANGUAGE_SURE_SCORE);
 * a French sentence, read with confidence, skips them. */
Test (lang, an_unsure_guess_costs_no_stage_in_the_default_chain)
{
  NlpDocument *en = nlp_test_chain (NLP_DEFAULT_CHAIN,
                                    "Angela Merkel met Emmanuel Macron in Paris.");
  NlpDocument *fr = nlp_test_chain (NLP_DEFAULT_CHAIN,
                                    "Selon Marie Dupont, l'université de Lyon a reçu "
                                    "des fonds pour la recherche.");
  NlpLayer *entities = nlp_document_get_layer (en, "entity");

  cr_assert_lt (attr_double (en, "lang_score"), NLP_LANGUAGE_SURE_SCORE,
                "the test needs an unsure guess: %s %.3f", attr_string (en, "lang"),
                attr_double (en, "lang_score"));
  cr_assert_not_null (entities);
  cr_assert_eq (nlp_layer_get_n_rows (entities), 3);
  cr_assert_eq (nlp_document_get_n_warnings (en), 0);
  cr_assert_geq (nlp_document_find_attr (en, "sentiment"), 0);

  cr_assert_str_eq (attr_string (fr, "lang"), "fr");
  cr_assert_geq (attr_double (fr, "lang_score"), NLP_LANGUAGE_SURE_SCORE);
  cr_assert_null (nlp_document_get_layer (fr, "entity"));
  cr_assert_eq (nlp_document_get_n_warnings (fr), 2);
  nlp_document_free (en);
  nlp_document_free (fr);
}
