/* test-entity.c — the entity stage on real text: the example article,
 * rules, options, overrides, canonical names, the summary attribute, model
 * refusal, and nlpipe-ner train + eval end to end. */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include <unistd.h>

/* (transfer full) a scratch path unique to this test process: the suite
 * runs tests in parallel, and other builds may run it at the same time. */
static char *
unique_tmp (const char *name)
{
  char *base = g_strdup_printf ("nlpipe-%d-%s", (int) getpid (), name);
  char *path = g_build_filename (g_get_tmp_dir (), base, NULL);
  g_free (base);
  return path;
}

#define CHAIN "tokenize,sentence,entity"

static NlpDocument *
run_with (const char *text, const char *const *sets)
{
  return nlp_test_chain_with (CHAIN, sets, text);
}

/* The error of building the chain with @sets (NULL when it builds). */
static char *
build_error (const char *const *sets)
{
  return nlp_test_chain_error (CHAIN, sets);
}

static void
assert_entity (NlpDocument *doc, const char *text, const char *label)
{
  cr_assert (nlp_test_has_span (doc, "entity", text, "label", label),
             "'%s' not found as %s", text, label);
}

/* ---- the example article ------------------------------------------------ */

Test (entity, seed_article)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain ("tokenize,sentence,stem,entity,sentiment", text);
  const char *per[] = { "Trump", "Putin", "Zelensky", "Marco Rubio", "Steve Witkoff",
                        "Sergey Lavrov", "Yuri Ushakov", "Andrei Belousov",
                        "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky" };
  const char *loc[] = { "Anchorage", "Alaska", "Ukraine", "Moscow", "Kyiv", "Russia" };
  const char *org[] = { "NATO", "CNN" };

  for (guint i = 0; i < G_N_ELEMENTS (per); i++)
    assert_entity (doc, per[i], "PER");
  for (guint i = 0; i < G_N_ELEMENTS (loc); i++)
    assert_entity (doc, loc[i], "LOC");
  for (guint i = 0; i < G_N_ELEMENTS (org); i++)
    assert_entity (doc, org[i], "ORG");
  /* no name is cut from its possessive or its hyphenated neighbour */
  cr_assert_not (nlp_test_has_span (doc, "entity", "Ukraine's", NULL, NULL));
  assert_entity (doc, "Aug 16", "DATE");
  assert_entity (doc, "Friday", "DATE");
  assert_entity (doc, "2022", "DATE");
  assert_entity (doc, "three hours", "DURATION");
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

/* ---- rules and options ---------------------------------------------------- */

static const char *const rules_text =
  "Shares of Northwind rose 3.5% on Friday, and the company said on Aug 16 "
  "that it would spend $1.2 billion over three hours of talks in 2022.\n\n"
  "Profit was 5 mln dlrs, up 7 pct, the report said last week. "
  "Its rival paid £6bn; the hall is 5m tall.";

Test (entity, rules)
{
  NlpDocument *doc = run_with (rules_text, NULL);
  assert_entity (doc, "3.5%", "PERCENT");
  assert_entity (doc, "7 pct", "PERCENT");
  assert_entity (doc, "$1.2 billion", "MONEY");
  assert_entity (doc, "5 mln dlrs", "MONEY");
  assert_entity (doc, "£6bn", "MONEY");
  cr_assert_not (nlp_test_has_span (doc, "entity", "5m", NULL, NULL), "a length is not money");
  assert_entity (doc, "Friday", "DATE");
  assert_entity (doc, "Aug 16", "DATE");
  assert_entity (doc, "2022", "DATE");
  assert_entity (doc, "three hours", "DURATION");
  assert_entity (doc, "last week", "DATE");
  cr_assert (nlp_test_has_span (doc, "entity", "2022", "source", "rule"));
  nlp_document_free (doc);
}

Test (entity, may_is_not_always_a_date)
{
  NlpDocument *doc = run_with ("Officials may meet in May. They said it may rain.", NULL);
  char **spans = nlp_test_span_texts (doc, "entity");
  assert_entity (doc, "May", "DATE");
  cr_assert_eq (g_strv_length (spans), 1, "only the month is a date");
  g_strfreev (spans);
  nlp_document_free (doc);
}

Test (entity, types_option)
{
  NlpDocument *doc = run_with (rules_text, NLP_NAMES ("entity.types=MONEY,PER"));
  NlpLayer *layer = nlp_document_get_layer (doc, "entity");
  NlpColumn *label = nlp_layer_get_column (layer, "label");
  assert_entity (doc, "$1.2 billion", "MONEY");
  for (guint i = 0; i < nlp_layer_get_n_rows (layer); i++)
    cr_assert (g_strcmp0 (nlp_column_get_string (label, i), "MONEY") == 0
               || g_strcmp0 (nlp_column_get_string (label, i), "PER") == 0,
               "type %s emitted", nlp_column_get_string (label, i));
  nlp_document_free (doc);
}

Test (entity, unknown_type_is_refused)
{
  char *message = build_error (NLP_NAMES ("entity.types=PER,PLANET"));
  cr_assert_not_null (message);
  cr_assert (strstr (message, "PLANET") != NULL && strstr (message, "MONEY") != NULL,
             "message: %s", message);
  g_free (message);
}

/* ---- overrides, canonical names, the summary ------------------------------ */

Test (entity, user_overrides)
{
  char *tsv = nlp_test_fixture ("entity/overrides.tsv");
  char *set = g_strdup_printf ("entity.overrides=%s", tsv);
  NlpDocument *doc = run_with ("Acme Widgets hired staff in Little Rock on Tuesday. "
                               "Globex did not.", (const char *const[]) { set, NULL });
  assert_entity (doc, "Acme Widgets", "ORG");
  assert_entity (doc, "Little Rock", "LOC");
  assert_entity (doc, "Globex", "ORG");
  cr_assert (nlp_test_has_span (doc, "entity", "Acme Widgets", "source", "user"));
  /* label O removes what the rules found */
  cr_assert_not (nlp_test_has_span (doc, "entity", "Tuesday", NULL, NULL));
  nlp_document_free (doc);
  g_free (set);
  g_free (tsv);
}

Test (entity, bad_overrides_name_the_line)
{
  char *path = unique_tmp ("nlpipe-test-overrides.tsv");
  char *set = g_strdup_printf ("entity.overrides=%s", path);
  char *message;
  cr_assert (g_file_set_contents (path, "Acme\tORG\nno label here\n", -1, NULL));
  message = build_error ((const char *const[]) { set, NULL });
  cr_assert_not_null (message);
  cr_assert (strstr (message, path) != NULL && strstr (message, ":2:") != NULL,
             "message: %s", message);
  g_unlink (path);
  g_free (message);
  g_free (set);
  g_free (path);
}

static const char *
canonical_of (NlpDocument *doc, const char *text)
{
  NlpLayer *layer = nlp_document_get_layer (doc, "entity");
  NlpColumn *canon = nlp_layer_get_column (layer, "canonical");
  for (guint i = 0; i < nlp_layer_get_n_rows (layer); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, i, &len);
      if (len == strlen (text) && memcmp (t, text, len) == 0)
        return nlp_column_get_string (canon, i);
    }
  return NULL;
}

Test (entity, canonical_and_summary)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain ("tokenize,sentence,entity", text);
  gint at = nlp_document_find_attr (doc, "entities");
  JsonArray *list;
  gboolean found_trump = FALSE;

  cr_assert_str_eq (canonical_of (doc, "Trump"), "Donald Trump");
  cr_assert_str_eq (canonical_of (doc, "Putin"), "Vladimir Putin");
  cr_assert_str_eq (canonical_of (doc, "Marco Rubio"), "Marco Rubio");
  cr_assert_geq (at, 0, "no doc.entities");
  list = json_node_get_array (nlp_document_get_attr_json (doc, (guint) at));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      if (g_strcmp0 (json_object_get_string_member (o, "name"), "Donald Trump") == 0)
        {
          cr_assert_str_eq (json_object_get_string_member (o, "label"), "PER");
          /* every "Trump" and "Donald Trump" of the article */
          cr_assert_geq (json_object_get_int_member (o, "count"), 20);
          found_trump = TRUE;
        }
      /* most mentioned first */
      if (i > 0)
        cr_assert_geq (json_object_get_int_member (json_array_get_object_element (list, i - 1), "count"),
                       json_object_get_int_member (o, "count"));
    }
  cr_assert (found_trump);
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

/* Leading titles leave person spans whatever comes before them, and two
 * place names side by side are two places. */
Test (entity, titles_and_adjacent_places)
{
  NlpDocument *doc = nlp_test_chain (CHAIN,
    "Treasury Secretary Janet Yellen met bankers in New York on Monday.\n"
    "Relief flights from Pakistan Karachi and from Malaysia Penang landed.\n");
  assert_entity (doc, "Janet Yellen", "PER");
  cr_assert_not (nlp_test_has_span (doc, "entity", "Treasury Secretary Janet Yellen", NULL, NULL));
  cr_assert_not (nlp_test_has_span (doc, "entity", "Secretary Janet Yellen", NULL, NULL));
  assert_entity (doc, "New York", "LOC");
  assert_entity (doc, "Pakistan", "LOC");
  assert_entity (doc, "Karachi", "LOC");
  assert_entity (doc, "Malaysia", "LOC");
  assert_entity (doc, "Penang", "LOC");
  nlp_document_free (doc);
}

/* A long document with tens of thousands of mentions: canonical names and
 * the summary group them in one pass (a pairwise comparison would take
 * minutes here), and every mention is counted. */
Test (entity, many_mentions_are_grouped)
{
  const guint n = 20000;
  GString *text = g_string_new (NULL);
  NlpDocument *doc;
  JsonArray *list;
  gint at;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    g_string_append (text, i % 2 ? "Maria Lopez flew to Chicago.\n"
                                  : "Lopez flew to Chicago again.\n");
  doc = nlp_test_chain (CHAIN, text->str);
  at = nlp_document_find_attr (doc, "entities");
  cr_assert_geq (at, 0);
  list = json_node_get_array (nlp_document_get_attr_json (doc, (guint) at));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      const char *name = json_object_get_string_member (o, "name");
      if (g_strcmp0 (name, "Maria Lopez") == 0 || g_strcmp0 (name, "Chicago") == 0)
        {
          cr_assert_eq (json_object_get_int_member (o, "count"), n, "%s", name);
          total++;
        }
    }
  cr_assert_eq (total, 2);
  cr_assert_str_eq (canonical_of (doc, "Lopez"), "Maria Lopez");
  nlp_document_free (doc);
  g_string_free (text, TRUE);
}

/* ---- models ---------------------------------------------------------------- */

static void
assert_model_refused (const char *fixture, const char *why)
{
  char *model = nlp_test_fixture (fixture);
  char *set = g_strdup_printf ("entity.model=%s", model);
  char *message = build_error ((const char *const[]) { set, NULL });
  cr_assert_not_null (message, "%s was accepted", fixture);
  cr_assert (strstr (message, model) != NULL, "path not named: %s", message);
  cr_assert (strstr (message, why) != NULL, "message: %s", message);
  g_free (message);
  g_free (set);
  g_free (model);
}

Test (entity, truncated_model_is_refused)
{
  assert_model_refused ("entity/truncated.model", "truncated");
}

Test (entity, foreign_file_is_refused)
{
  assert_model_refused ("entity/garbage.model", "not an nlpipe entity model");
}

/* Runs nlpipe-ner with @args; returns its stdout, asserts exit 0; its
 * stderr goes to @err_out when not NULL. */
static char *
run_ner_err (const char *const *args, char **err_out)
{
  GPtrArray *argv = g_ptr_array_new ();
  char *out = NULL, *err = NULL;
  int status;
  GError *error = NULL;

  g_ptr_array_add (argv, (gpointer) NLP_TEST_BUILDDIR "/plugins/entity/nlpipe-ner");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, &err, &status, &error), "%s", error ? error->message : "");
  cr_assert (g_spawn_check_wait_status (status, NULL), "nlpipe-ner failed: %s", err);
  g_ptr_array_free (argv, TRUE);
  if (err_out != NULL)
    *err_out = err;
  else
    g_free (err);
  return out;
}

static char *
run_ner (const char *const *args)
{
  return run_ner_err (args, NULL);
}

/* A gold file without document marks is one document when it has fewer
 * sentences than --doc-sentences: all of it is scored and trained on
 * (the first document used to be dropped, so this file scored "gold: 0"). */
Test (entity, first_document_is_read)
{
  char *bio = nlp_test_fixture ("entity/one-doc.bio");
  char *model = unique_tmp ("nlpipe-test-one-doc.model");
  char *out, *err = NULL;

  out = run_ner (NLP_NAMES ("eval", "--types", "PER,LOC,ORG", bio));
  cr_assert (strstr (out, "gold: 4.") != NULL, "%s", out);
  g_free (out);
  out = run_ner (NLP_NAMES ("eval", "--chain", "--types", "PER,LOC,ORG", bio));
  cr_assert (strstr (out, "gold: 4.") != NULL, "%s", out);
  g_free (out);
  /* two files: each keeps its first sentences */
  out = run_ner (NLP_NAMES ("eval", "--types", "PER,LOC,ORG", "--doc-sentences", "2",
                            bio));
  cr_assert (strstr (out, "gold: 4.") != NULL, "%s", out);
  g_free (out);
  g_free (run_ner_err (NLP_NAMES ("train", "--train", bio, "--train", bio, "--epochs", "1",
                                  "--bits", "14", "-o", model), &err));
  cr_assert (strstr (err, "training on 30 tokens, 6 sentences, 2 documents") != NULL,
             "%s", err);
  g_unlink (model);
  g_free (err);
  g_free (model);
  g_free (bio);
}

Test (entity, train_and_evaluate)
{
  char *bio = nlp_test_fixture ("entity/tiny.bio");
  char *model = unique_tmp ("nlpipe-test-tiny.model");
  char *out, *chain_out, *set, *line;
  NlpDocument *doc;

  g_free (run_ner (NLP_NAMES ("train", "-q", "--train", bio, "--dev", bio,
                              "--epochs", "5", "--bits", "16", "-o", model)));
  out = run_ner (NLP_NAMES ("eval", "--model", model, bio));
  /* a tagger fits its own small training set */
  line = strstr (out, "overall");
  cr_assert_not_null (line, "%s", out);
  cr_assert (strstr (line, "FB1: 100.00") != NULL || strstr (line, "FB1:  9") != NULL,
             "%s", out);
  cr_assert (strstr (out, "PER") && strstr (out, "LOC") && strstr (out, "ORG"), "%s", out);

  /* the retrained model in the stage, and the whole chain in eval --chain */
  set = g_strdup_printf ("entity.model=%s", model);
  doc = run_with ("Clara Weiss met Omar Haddad in Cairo.", (const char *const[]) { set, NULL });
  assert_entity (doc, "Cairo", "LOC");
  chain_out = run_ner (NLP_NAMES ("eval", "--chain", "--model", model, "--types",
                                  "PER,LOC,ORG", bio));
  cr_assert (strstr (chain_out, "overall") != NULL, "%s", chain_out);
  nlp_document_free (doc);
  g_unlink (model);
  g_free (chain_out);
  g_free (set);
  g_free (out);
  g_free (model);
  g_free (bio);
}

/* "found: N phrases; correct: C" of nlpipe-ner eval */
static void
found_correct (const char *out, guint *found, guint *correct)
{
  cr_assert_eq (sscanf (out, "found: %u phrases; correct: %u;", found, correct), 2, "%s", out);
}

/* Entities below entity.min-score are dropped: on sentences written for
 * the test (tests/fixtures/entity/confidence.bio, made-up names of
 * companies, clubs and people), a higher threshold keeps fewer entities,
 * and a larger share of them is right. */
Test (entity, min_score_trades_recall_for_precision)
{
  char *bio = nlp_test_fixture ("entity/confidence.bio");
  guint found[2], correct[2];
  const char *sets[] = { "entity.min-score=0", "entity.min-score=0.5" };

  for (guint k = 0; k < 2; k++)
    {
      char *out = run_ner (NLP_NAMES ("eval", "--chain", "--types", "PER,LOC,ORG", "--set",
                                      sets[k], bio));
      found_correct (out, &found[k], &correct[k]);
      g_free (out);
    }
  cr_assert_gt (found[0], 0);
  cr_assert_lt (found[1], found[0], "fewer entities at 0.5: %u vs %u", found[1], found[0]);
  cr_assert_gt (found[1], 0, "a threshold of 0.5 keeps the confident ones");
  /* precision: correct / found, compared without division */
  cr_assert_gt ((double) correct[1] / found[1], (double) correct[0] / found[0],
                "precision %u/%u at 0.5 vs %u/%u at 0", correct[1], found[1], correct[0],
                found[0]);
  g_free (bio);
}

/* nlpipe -f tsv writes the layout nlpipe-ner eval reads: a corrected TSV
 * of a user's own articles is a gold file.  The entity column is found by
 * its "# columns" header wherever it stands. */
Test (entity, eval_reads_nlpipe_tsv)
{
  char *article = nlp_test_article ("anchorage-summit.txt");
  char *path = unique_tmp ("nlpipe-test-gold.tsv");
  static const char *const layouts[] = { "token,stem,entity", "entity,token", NULL };

  for (guint i = 0; layouts[i]; i++)
    {
      NlpTestRun *tsv = nlp_test_run (NULL, "-q", "-f", "tsv", "--columns", layouts[i],
                                      article, NULL);
      char *out;

      cr_assert_eq (tsv->status, 0, "%s", tsv->err);
      cr_assert (g_str_has_prefix (tsv->out, "# doc = "), "%.80s", tsv->out);
      cr_assert (g_file_set_contents (path, tsv->out, -1, NULL));
      out = run_ner (NLP_NAMES ("eval", "--types", "PER,LOC,ORG", path));
      /* the same model on its own output: every gold mention is found */
      cr_expect (strstr (out, "overall") != NULL, "%s", out);
      cr_expect (strstr (out, "ORG") != NULL && strstr (out, "PER") != NULL, "%s", out);
      g_free (out);
      nlp_test_run_free (tsv);
    }
  g_unlink (path);
  g_free (path);
  g_free (article);
}
