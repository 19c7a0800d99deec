/* test-aliases.c — every shipped stage under an alias, twice in one chain
 * with different options, and each instance's layers, columns and
 * attributes under its own name in every writer (the built nlpipe). */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

#define TEXT "Angela Merkel met Emmanuel Macron in Paris on Friday. " \
             "The talks were good and productive, they said generously.\n"

/* Runs nlpipe with @args on @text: (transfer full) stdout; asserts exit 0. */
static char *
run_text_ok (const char *text, const char *const *args)
{
  GPtrArray *argv = g_ptr_array_new ();
  NlpTestRun *run;
  char *out;

  g_ptr_array_add (argv, (gpointer) "-q");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  run = nlp_test_runv (text, (const char *const *) argv->pdata, NULL);
  cr_assert_eq (run->status, 0, "exit %d: %s", run->status, run->err);
  out = g_strdup (run->out);
  nlp_test_run_free (run);
  g_ptr_array_free (argv, TRUE);
  return out;
}

static char *
run_ok (const char *const *args)
{
  return run_text_ok (TEXT, args);
}

static JsonObject *
layers_of (JsonNode *root)
{
  return json_object_get_object_member (json_node_get_object (root), "layers");
}

/* The number of rows of @layer in the JSON output. */
static guint
n_rows (JsonNode *root, const char *layer)
{
  JsonObject *layers = layers_of (root);

  cr_assert (json_object_has_member (layers, layer), "no layer %s", layer);
  return json_array_get_length (json_object_get_array_member (layers, layer));
}

static JsonObject *
row (JsonNode *root, const char *layer, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (layers_of (root), layer),
                                        i);
}

static JsonNode *
attr (JsonNode *root, const char *name)
{
  JsonObject *attrs = json_object_get_object_member (json_node_get_object (root), "attributes");

  cr_assert (attrs && json_object_has_member (attrs, name), "no attribute %s", name);
  return json_object_get_member (attrs, name);
}

Test (aliases, tokenize_twice)
{
  char *out = run_ok (NLP_NAMES ("-p", "tokenize,t2=tokenize"));
  JsonNode *root = nlp_test_parse_json (out);

  cr_assert_gt (n_rows (root, "token"), 10);
  cr_assert_eq (n_rows (root, "t2_token"), n_rows (root, "token"));
  cr_assert (json_object_has_member (row (root, "t2_token", 0), "norm"));
  json_node_unref (root);
  g_free (out);
}

Test (aliases, sentence_twice_with_different_options)
{
  /* the second splitter ends a sentence at every line break */
  char *out = run_text_ok ("The talks in Paris went on\nfor hours, they said.\n",
                           NLP_NAMES ("-p", "tokenize,sentence,s2=sentence",
                                      "--set", "s2.newline=always"));
  JsonNode *root = nlp_test_parse_json (out);

  cr_assert_eq (n_rows (root, "sentence"), 1);
  cr_assert_eq (n_rows (root, "s2"), 2);
  json_node_unref (root);
  g_free (out);
}

Test (aliases, porter_beside_stem)
{
  char *out = run_ok (NLP_NAMES ("-p", "tokenize,sentence,stem,porter=stem",
                                 "--set", "porter.language=porter"));
  JsonNode *root = nlp_test_parse_json (out);
  guint n = n_rows (root, "token");
  gboolean seen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *t = row (root, "token", i);
      if (strcmp (json_object_get_string_member (t, "norm"), "generously") == 0)
        {
          /* english and porter differ on it */
          cr_assert_str_eq (json_object_get_string_member (t, "stem"), "generous");
          cr_assert_str_eq (json_object_get_string_member (t, "porter"), "gener");
          seen = TRUE;
        }
    }
  cr_assert (seen);
  json_node_unref (root);
  g_free (out);
}

Test (aliases, two_sentiments_with_different_lexicons)
{
  char *lexicon = g_build_filename (g_get_tmp_dir (), "nlpipe-test-lexicon.txt", NULL);
  char *set = g_strdup_printf ("v.lexicon=%s", lexicon);
  char *out;
  JsonNode *root;
  JsonObject *second;

  /* a lexicon where the article's praise words are insults */
  cr_assert (g_file_set_contents (lexicon, "good\t-3.0\t0.5\t[-3]\nproductive\t-3.0\t0.5\t[-3]\n",
                                  -1, NULL));
  out = run_ok (NLP_NAMES ("-p", "tokenize,sentence,entity,sentiment,v=sentiment",
                           "--set", set));
  root = nlp_test_parse_json (out);
  second = row (root, "sentence", 1);
  cr_assert_gt (json_object_get_double_member (second, "sentiment"), 0.5);
  cr_assert_lt (json_object_get_double_member (second, "v"), -0.5);
  cr_assert (json_object_has_member (second, "v_pos"));
  cr_assert (JSON_NODE_HOLDS_OBJECT (attr (root, "sentiment")));
  cr_assert (JSON_NODE_HOLDS_OBJECT (attr (root, "v")));
  cr_assert (JSON_NODE_HOLDS_OBJECT (attr (root, "v_entity_sentiment")));
  g_unlink (lexicon);
  json_node_unref (root);
  g_free (out);
  g_free (set);
  g_free (lexicon);
}

Test (aliases, two_entity_taggers_with_different_options)
{
  char *out = run_ok (NLP_NAMES ("-p", "tokenize,sentence,entity,ner=entity",
                                 "--set", "ner.types=LOC"));
  JsonNode *root = nlp_test_parse_json (out);
  guint n = n_rows (root, "ner");

  cr_assert_gt (n_rows (root, "entity"), n);
  cr_assert_geq (n, 1);
  for (guint i = 0; i < n; i++)
    cr_assert_str_eq (json_object_get_string_member (row (root, "ner", i), "label"), "LOC");
  cr_assert (JSON_NODE_HOLDS_ARRAY (attr (root, "entities")));
  cr_assert (JSON_NODE_HOLDS_ARRAY (attr (root, "ner_entities")));
  json_node_unref (root);
  g_free (out);
}

Test (aliases, sentiment_scores_an_aliased_entity_layer)
{
  char *out = run_ok (NLP_NAMES ("-p", "tokenize,sentence,ner=entity,sentiment",
                                 "--set", "sentiment.entities=ner"));
  JsonNode *root = nlp_test_parse_json (out);
  JsonObject *scores = json_node_get_object (attr (root, "entity_sentiment"));

  cr_assert (json_object_has_member (scores, "Angela Merkel"));
  json_node_unref (root);
  g_free (out);
}

#define ALL "tokenize,sentence,stem,porter=stem,entity,ner=entity,sentiment,v=sentiment"

Test (writers, tsv_shows_the_instances_columns)
{
  char *out = run_ok (NLP_NAMES ("-p", ALL, "-f", "tsv"));

  cr_assert_not_null (strstr (out, "# columns = token norm kind stem porter entity ner\n"),
                      "%s", out);
  cr_assert_not_null (strstr (out, "Paris\tparis\tword\tpari\tpari\tB-LOC\tB-LOC\n"), "%s", out);
  g_free (out);
}

Test (writers, text_shows_the_instances_layers_and_attributes)
{
  char *out = run_ok (NLP_NAMES ("-p", ALL, "-f", "text"));

  cr_assert_not_null (strstr (out, "\nLayer ner ("), "%s", out);
  cr_assert_not_null (strstr (out, "\nner_entities: [{\"name\":"), "%s", out);
  cr_assert_not_null (strstr (out, "\nv: {\"compound\":"), "%s", out);
  cr_assert_not_null (strstr (out, "\nv_entity_sentiment: {"), "%s", out);
  g_free (out);
}

Test (writers, html_shows_the_instances_layers_and_attributes)
{
  char *out = run_ok (NLP_NAMES ("-p", ALL, "-f", "html"));

  cr_assert_not_null (strstr (out, "Layer ner ("), "%s", out);
  cr_assert_not_null (strstr (out, ">ner_entities<"), "%s", out);
  cr_assert_not_null (strstr (out, ">v_entity_sentiment<"), "%s", out);
  g_free (out);
}

Test (writers, json_shows_every_instance)
{
  char *out = run_ok (NLP_NAMES ("-p", ALL));
  JsonNode *root = nlp_test_parse_json (out);
  JsonObject *first = row (root, "token", 0);

  cr_assert (json_object_has_member (first, "stem") && json_object_has_member (first, "porter"));
  cr_assert_gt (n_rows (root, "ner"), 0);
  cr_assert (json_object_has_member (row (root, "sentence", 0), "v"));
  json_node_unref (root);
  g_free (out);
}

Test (aliases, pos_and_lemma_under_aliases)
{
  char *out = run_ok (NLP_NAMES ("-p", "tokenize,sentence,pos,tagger=pos,lemma,l2=lemma"));
  JsonNode *root = nlp_test_parse_json (out);
  JsonObject *first;

  /* the aliased tagger's words are a layer of its own */
  cr_assert_eq (n_rows (root, "tagger_word"), n_rows (root, "word"));
  cr_assert (json_object_has_member (row (root, "tagger_word", 0), "upos"));
  first = row (root, "word", 0);
  cr_assert_str_eq (json_object_get_string_member (first, "lemma"),
                    json_object_get_string_member (first, "l2"));
  json_node_unref (root);
  g_free (out);
}
