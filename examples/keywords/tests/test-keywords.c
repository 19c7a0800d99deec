/* test-keywords.c — the keywords stage in a real chain, through libnlpipe.
 *
 * Criterion runs each test in its own process, so a crash in the stage
 * fails one test instead of the suite.  The chain's other stages come from
 * the installed nlpipe; keywords from this build directory. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <criterion/criterion.h>
#include <nlpipe.h>
#include <nlp-document-json.h>

#define CHAIN "tokenize,sentence,stem,keywords"

/* Builds @chain (options from the NULL-terminated "INSTANCE.OPTION=VALUE"
 * list @sets) and runs it on @text.  (transfer full) the document, or NULL
 * with @error set. */
static NlpDocument *
run_chain (const char *chain, const char *const *sets, const char *text, GError **error)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline = NULL;
  NlpPipelineWorker *worker = NULL;
  NlpDocument *doc = NULL;
  char **names = g_strsplit (chain, ",", -1);

  nlp_registry_prepend_path (registry, BUILDDIR);
  if (!nlp_chain_spec_set_stages (spec, chain, error))
    goto out;
  /* every keywords instance reads its data from the source tree */
  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], "keywords"))
      {
        char *eq = strchr (names[i], '=');
        char *inst = eq ? g_strndup (names[i], eq - names[i]) : g_strdup (names[i]);
        nlp_chain_spec_set_option (spec, inst, "datadir", SRCDIR "/data", NULL);
        g_free (inst);
      }
  for (guint i = 0; sets && sets[i]; i++)
    if (!nlp_chain_spec_parse_set (spec, sets[i], error))
      goto out;
  if ((pipeline = nlp_pipeline_new (registry, spec, error)) == NULL
      || (worker = nlp_pipeline_worker_new (pipeline, error)) == NULL
      || (doc = nlp_document_new ("test", text, -1, error)) == NULL)
    goto out;
  if (!nlp_pipeline_worker_process (worker, doc, NULL, error))
    g_clear_pointer (&doc, nlp_document_free);
out:
  g_strfreev (names);
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return doc;
}

static char *
read_article (void)
{
  char *text;
  cr_assert (g_file_get_contents (SRCDIR "/tests/article.txt", &text, NULL, NULL));
  return text;
}

static NlpDocument *
run_ok (const char *chain, const char *const *sets)
{
  GError *error = NULL;
  char *text = read_article ();
  NlpDocument *doc = run_chain (chain, sets, text, &error);

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  g_free (text);
  return doc;
}

/* (transfer none) the doc attribute @name as a JSON array. */
static JsonArray *
ranked (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no doc.%s", name);
  cr_assert_eq (nlp_document_get_attr_type (doc, i), NLP_VALUE_JSON);
  return json_node_get_array (nlp_document_get_attr_json (doc, i));
}

static gint
find_phrase (JsonArray *list, const char *phrase)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (strcmp (json_object_get_string_member (json_array_get_object_element (list, i),
                                               "phrase"), phrase) == 0)
      return (gint) i;
  return -1;
}

Test (keywords, repeated_phrases_rank_first)
{
  NlpDocument *doc = run_ok (CHAIN, NULL);
  JsonArray *list = ranked (doc, "keywords");
  gint solar = find_phrase (list, "solar farm");

  cr_assert_eq (json_array_get_length (list), 10);
  gint flood = find_phrase (list, "flood concerns");

  cr_assert_eq (solar, 0, "solar farm ranked %d", solar);
  cr_assert_eq (json_object_get_int_member (json_array_get_object_element (list, solar),
                                            "count"), 5, "Solar Farm in the title counts too");
  cr_assert_geq (flood, 0);
  cr_assert_eq (json_object_get_int_member (json_array_get_object_element (list, flood),
                                            "count"), 3);
  nlp_document_free (doc);
}

Test (keywords, stopwords_end_phrases)
{
  NlpDocument *doc = run_ok (CHAIN, NULL);
  JsonArray *list = ranked (doc, "keywords");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *p = json_object_get_string_member (json_array_get_object_element (list, i),
                                                     "phrase");
      char **words = g_strsplit (p, " ", -1);
      for (guint w = 0; words[w]; w++)
        cr_assert (strcmp (words[w], "the") && strcmp (words[w], "and")
                   && strcmp (words[w], "to"), "stopword in '%s'", p);
      cr_assert_leq (g_strv_length (words), 4, "'%s' is longer than max-words", p);
      g_strfreev (words);
    }
  nlp_document_free (doc);
}

Test (keywords, layer_marks_every_occurrence)
{
  NlpDocument *doc = run_ok (CHAIN, NULL);
  NlpLayer *layer = nlp_document_get_layer (doc, "keywords");
  NlpColumn *phrase = nlp_layer_get_column (layer, "phrase");
  NlpColumn *rank = nlp_layer_get_column (layer, "rank");
  guint solar = 0;

  cr_assert_not_null (rank);
  for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
    {
      gsize len;
      const char *text = nlp_layer_get_text (layer, r, &len);
      char *folded = g_utf8_casefold (text, (gssize) len);

      cr_assert (nlp_column_get_int (rank, r) >= 1 && nlp_column_get_int (rank, r) <= 10);
      if (strcmp (nlp_column_get_string (phrase, r), "solar farm") == 0)
        {
          cr_assert_str_eq (folded, "solar farm");
          solar++;
        }
      g_free (folded);
    }
  cr_assert_eq (solar, 5);
  nlp_document_free (doc);
}

Test (keywords, count_option)
{
  const char *const sets[] = { "keywords.count=3", NULL };
  NlpDocument *doc = run_ok (CHAIN, sets);
  NlpLayer *layer = nlp_document_get_layer (doc, "keywords");
  NlpColumn *rank = nlp_layer_get_column (layer, "rank");

  cr_assert_eq (json_array_get_length (ranked (doc, "keywords")), 3);
  for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
    cr_assert_leq (nlp_column_get_int (rank, r), 3);
  nlp_document_free (doc);
}

Test (keywords, own_stopwords_file)
{
  /* "solar" as a stopword leaves "farm" on its own */
  char *path = g_build_filename (g_get_tmp_dir (), "kw-stop-XXXXXX", NULL);
  int fd = g_mkstemp (path);
  char *set = g_strdup_printf ("keywords.stopwords=%s", path);
  const char *const sets[] = { set, "keywords.count=1000", NULL };
  char *words, *mine;
  NlpDocument *doc;

  cr_assert (fd >= 0);
  close (fd);
  cr_assert (g_file_get_contents (SRCDIR "/data/stopwords.txt", &words, NULL, NULL));
  mine = g_strconcat (words, "# mine, upper case on purpose\nSolar\n", NULL);
  cr_assert (g_file_set_contents (path, mine, -1, NULL));
  g_free (words);
  g_free (mine);
  doc = run_ok (CHAIN, sets);
  cr_assert_lt (find_phrase (ranked (doc, "keywords"), "solar farm"), 0);
  cr_assert_geq (find_phrase (ranked (doc, "keywords"), "farm"), 0);
  nlp_document_free (doc);
  g_unlink (path);
  g_free (set);
  g_free (path);
}

Test (keywords, empty_document_still_has_outputs)
{
  GError *error = NULL;
  NlpDocument *doc = run_chain (CHAIN, NULL, "", &error);

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  cr_assert_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "keywords")), 0);
  cr_assert_eq (json_array_get_length (ranked (doc, "keywords")), 0);
  nlp_document_free (doc);
}

Test (keywords, missing_stopwords_names_file)
{
  const char *const sets[] = { "keywords.datadir=/nonexistent/kw", NULL };
  GError *error = NULL;
  NlpDocument *doc = run_chain (CHAIN, sets, "Some text.", &error);

  cr_assert_null (doc);
  cr_assert_not_null (strstr (error->message, "/nonexistent/kw/stopwords.txt"), "%s",
                      error->message);
  g_error_free (error);
}

Test (keywords, alias_names_its_outputs)
{
  const char *const sets[] = { "top.count=2", NULL };
  NlpDocument *doc = run_ok (CHAIN ",top=keywords", sets);

  cr_assert_not_null (nlp_document_get_layer (doc, "top"));
  cr_assert_eq (json_array_get_length (ranked (doc, "top")), 2);
  cr_assert_eq (json_array_get_length (ranked (doc, "keywords")), 10);
  nlp_document_free (doc);
}

Test (keywords, alias_alone)
{
  NlpDocument *doc = run_ok ("tokenize,sentence,stem,top=keywords", NULL);

  cr_assert_null (nlp_document_get_layer (doc, "keywords"));
  cr_assert_eq (json_array_get_length (ranked (doc, "top")), 10);
  nlp_document_free (doc);
}
