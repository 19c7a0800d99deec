/* test-stem.c — the stem stage: Snowball stems of word tokens only, every
 * libstemmer language selectable, language=auto following doc.lang,
 * aliases writing their own column. */
#include <string.h>
#include "nlp-test.h"

/* The stem of the first token whose text is @word, or NULL. */
static const char *
stem_of (NlpDocument *doc, const char *column, const char *word)
{
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *stem = nlp_layer_get_column (tokens, column);

  cr_assert_not_null (stem, "no token.%s column", column);
  for (guint i = 0; i < nlp_layer_get_n_rows (tokens); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (tokens, i, &len);
      if (len == strlen (word) && memcmp (t, word, len) == 0)
        return nlp_column_get_string (stem, i);
    }
  cr_assert_fail ("no token '%s'", word);
  return NULL;
}

static const char *
attr_lang (NlpDocument *doc)
{
  gint i = nlp_document_find_attr (doc, "lang");

  cr_assert_geq (i, 0, "no doc.lang");
  return nlp_document_get_attr_string (doc, i);
}

Test (stem, english_words)
{
  NlpDocument *doc = nlp_test_chain ("tokenize,stem",
      "Negotiations continued; the discussions were generously running.");

  cr_expect_str_eq (stem_of (doc, "stem", "Negotiations"), "negoti");
  cr_expect_str_eq (stem_of (doc, "stem", "discussions"), "discuss");
  cr_expect_str_eq (stem_of (doc, "stem", "generously"), "generous");
  cr_expect_str_eq (stem_of (doc, "stem", "running"), "run");
  nlp_document_free (doc);
}

Test (stem, only_words_have_stems)
{
  NlpDocument *doc = nlp_test_chain ("tokenize,stem",
      "Prices rose 3.5% to $1,200 on https://example.com/news today!");
  /* the tokenizer splits "3.5%" into a number and a sign */

  cr_expect_null (stem_of (doc, "stem", "3.5"), "numbers have no stem");
  cr_expect_null (stem_of (doc, "stem", "1,200"), "numbers have no stem");
  cr_expect_null (stem_of (doc, "stem", "!"), "punctuation has no stem");
  cr_expect_null (stem_of (doc, "stem", "https://example.com/news"), "URLs have no stem");
  cr_expect_str_eq (stem_of (doc, "stem", "Prices"), "price");
  nlp_document_free (doc);
}

Test (stem, repeated_words_across_documents)
{
  /* the per-worker cache must give the same answers as the stemmer */
  GError *error = NULL;
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;

  cr_assert (nlp_chain_spec_set_stages (spec, "tokenize,stem", &error));
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker);
  for (int round = 0; round < 3; round++)
    {
      NlpDocument *doc = nlp_document_new ("d", "connections connected connecting", -1, NULL);
      cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error));
      cr_expect_str_eq (stem_of (doc, "stem", "connections"), "connect");
      cr_expect_str_eq (stem_of (doc, "stem", "connecting"), "connect");
      nlp_document_free (doc);
    }
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
}

static NlpDocument *
run_with (const char *chain, const char *set, const char *text)
{
  return nlp_test_chain_with (chain, (const char *const[]) { set, NULL }, text);
}

Test (stem, other_languages)
{
  NlpDocument *fr = run_with ("tokenize,stem", "stem.language=french",
                              "Les négociations continuaient.");
  NlpDocument *de = run_with ("tokenize,stem", "stem.language=german",
                              "Die Verhandlungen dauerten.");

  cr_expect_str_eq (stem_of (fr, "stem", "négociations"), "négoci");
  cr_expect_str_eq (stem_of (de, "stem", "Verhandlungen"), "verhandl");
  nlp_document_free (fr);
  nlp_document_free (de);
}

Test (stem, alias_writes_its_own_column)
{
  NlpDocument *doc = run_with ("tokenize,stem,porter=stem", "porter.language=porter",
                               "generously");

  cr_expect_str_eq (stem_of (doc, "stem", "generously"), "generous");
  cr_expect_str_eq (stem_of (doc, "porter", "generously"), "gener");
  nlp_document_free (doc);
}

Test (stem, every_listed_language_can_be_chosen)
{
  const char *const *langs = NULL;
  GError *error = NULL;
  NlpRegistry *registry = nlp_registry_new ();
  NlpStage *stage = nlp_registry_load (registry, "stem", &error);
  const NlpOptionSpec *spec;

  cr_assert_not_null (stage, "%s", error ? error->message : "");
  spec = nlp_option_specs_lookup (nlp_stage_get_info (stage)->options, "language");
  cr_assert_not_null (spec);
  langs = nlp_option_spec_get_choices (spec);
  cr_assert (g_strv_length ((char **) langs) >= 20, "libstemmer lists few languages");
  for (guint i = 0; langs[i]; i++)
    {
      char *set = g_strdup_printf ("stem.language=%s", langs[i]);
      NlpDocument *doc = run_with ("tokenize,stem", set, "words");
      cr_expect_not_null (stem_of (doc, "stem", "words"), "no stem with %s", langs[i]);
      nlp_document_free (doc);
      g_free (set);
    }
  nlp_registry_free (registry);
}

/* "q" and @i in base 26, then "ings": a word no English text uses, whose
 * stem is not the word itself. */
static char *
made_up_word (guint i)
{
  GString *w = g_string_new ("q");

  do
    {
      g_string_append_c (w, (char) ('a' + i % 26));
      i /= 26;
    }
  while (i > 0);
  g_string_append (w, "ings");
  return g_string_free (w, FALSE);
}

Test (stem, cache_starting_over_keeps_earlier_stems)
{
  /* More distinct words than the per-worker cache holds, in one document:
   * the stems given before the cache started over must stay intact, and
   * every stem must equal what a fresh worker gives. */
  const guint n_words = 70000, probes[] = { 0, 1, 40000, 69999 };
  GString *text = g_string_new (NULL);
  NlpDocument *doc;

  for (guint i = 0; i < n_words; i++)
    {
      char *w = made_up_word (i);
      g_string_append_printf (text, "%s ", w);
      g_free (w);
    }
  doc = nlp_test_chain ("tokenize,stem", text->str);
  cr_assert_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "token")), n_words);
  for (guint p = 0; p < G_N_ELEMENTS (probes); p++)
    {
      char *w = made_up_word (probes[p]);
      NlpDocument *alone = nlp_test_chain ("tokenize,stem", w);
      const char *want = stem_of (alone, "stem", w);

      cr_expect_str_neq (want, w, "'%s' is its own stem: pick another word", w);
      cr_expect_str_eq (stem_of (doc, "stem", w), want, "stem of '%s'", w);
      nlp_document_free (alone);
      g_free (w);
    }
  nlp_document_free (doc);
  g_string_free (text, TRUE);
}

/* language=auto, the default: each document in its doc.lang's algorithm
 * (the lang stage first), the same stems as the algorithm chosen by
 * name; one worker meets several languages in turn. */
Test (stem, auto_follows_the_detected_language)
{
  static const char *const cases[][3] = {
    { "french", "Les négociations entre les gouvernements européens continuaient hier.", "négociations" },
    { "german", "Die Verhandlungen zwischen den Regierungen dauerten bis in die Nacht.", "Verhandlungen" },
    { "spanish", "Las negociaciones entre los gobiernos continuaron durante la noche.", "negociaciones" },
    { "italian", "Le trattative tra i governi sono continuate per tutta la notte.", "trattative" },
    { "portuguese", "As negociações entre os governos continuaram durante toda a noite.", "negociações" },
    { "dutch", "De onderhandelingen tussen de regeringen duurden de hele nacht.", "onderhandelingen" },
    { "russian", "Переговоры между правительствами продолжались всю ночь.", "Переговоры" },
    { "swedish", "Förhandlingarna mellan regeringarna pågick hela natten.", "Förhandlingarna" },
    { "turkish", "Hükümetler arasındaki görüşmeler bütün gece sürdü.", "görüşmeler" },
    { "english", "The negotiations between the governments continued through the night.", "negotiations" },
  };
  GError *error = NULL;
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;

  cr_assert (nlp_chain_spec_set_stages (spec, "lang,tokenize,stem", &error));
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker, "%s", error ? error->message : "");
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        NlpDocument *doc = nlp_document_new ("d", cases[i][1], -1, NULL);
        char *set = g_strdup_printf ("stem.language=%s", cases[i][0]);
        NlpDocument *named = run_with ("tokenize,stem", set, cases[i][1]);

        cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error), "%s", error ? error->message : "");
        cr_expect_str_eq (stem_of (doc, "stem", cases[i][2]), stem_of (named, "stem", cases[i][2]),
                          "%s: %s", cases[i][0], cases[i][2]);
        nlp_document_free (doc);
        nlp_document_free (named);
        g_free (set);
      }
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
}

Test (stem, auto_is_english_when_the_language_is_unknown)
{
  /* no lang stage, or a text it cannot tell */
  NlpDocument *plain = nlp_test_chain ("tokenize,stem", "Negotiations continued generously.");
  NlpDocument *und = nlp_test_chain ("lang,tokenize,stem", "negotiations 2024");

  cr_expect_str_eq (stem_of (plain, "stem", "Negotiations"), "negoti");
  cr_expect_str_eq (stem_of (plain, "stem", "generously"), "generous");
  cr_expect_str_eq (stem_of (und, "stem", "negotiations"), "negoti");
  nlp_document_free (plain);
  nlp_document_free (und);
}

Test (stem, a_language_without_an_algorithm_keeps_its_words)
{
  /* libstemmer has no Polish: the stem is the norm, not an English stem */
  NlpDocument *doc = nlp_test_chain ("lang,tokenize,stem",
      "Negocjacje między rządami trwały przez całą noc.");

  cr_expect_str_eq (attr_lang (doc), "pl");
  cr_expect_str_eq (stem_of (doc, "stem", "Negocjacje"), "negocjacje");
  cr_expect_str_eq (stem_of (doc, "stem", "rządami"), "rządami");
  nlp_document_free (doc);
}

Test (stem, a_named_language_overrides_auto)
{
  NlpDocument *doc = run_with ("lang,tokenize,stem", "stem.language=english",
                               "Les négociations continuaient hier soir.");

  cr_expect_str_eq (attr_lang (doc), "fr");
  cr_expect_str_eq (stem_of (doc, "stem", "négociations"), "négociat");
  nlp_document_free (doc);
}
