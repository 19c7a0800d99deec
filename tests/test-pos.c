/* test-pos.c — the pos stage: UD words (contractions, hyphens, glued
 * abbreviations), tags on sentences written for the test, options, model
 * refusal, and nlpipe-pos train + eval end to end on a slice of EWT. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

#define CHAIN "tokenize,sentence,pos"

/* The words of @doc as "text/UPOS/XPOS" joined by spaces; (transfer full). */
static char *
tagged (NlpDocument *doc)
{
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *upos = nlp_layer_get_column (words, "upos");
  NlpColumn *xpos = nlp_layer_get_column (words, "xpos");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (words, i, &len);
      g_string_append_printf (out, "%s%.*s/%s/%s", i ? " " : "", (int) len, t,
                              nlp_column_get_string (upos, i), nlp_column_get_string (xpos, i));
    }
  return g_string_free (out, FALSE);
}

/* The words of @text as "text" or "text:MWT" (the mwt column when not 0),
 * joined by spaces; (transfer full). */
static char *
words_of (const char *text, const char *const *sets)
{
  NlpDocument *doc = nlp_test_chain_with (CHAIN, sets, text);
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *mwt = nlp_layer_get_column (words, "mwt");
  NlpColumn *token = nlp_layer_get_column (words, "token");
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  GString *out = g_string_new (NULL);

  cr_assert_not_null (mwt);
  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (words, i, &len);
      guint tok = nlp_column_get_ref (token, i);

      /* a word starts inside the token it names */
      cr_assert_geq (nlp_layer_get_start (words, i), nlp_layer_get_start (tokens, tok));
      cr_assert_lt (nlp_layer_get_start (words, i), nlp_layer_get_end (tokens, tok));
      g_string_append_printf (out, "%s%.*s", i ? " " : "", (int) len, t);
      if (nlp_column_get_int (mwt, i) != 0)
        g_string_append_printf (out, ":%d", (int) nlp_column_get_int (mwt, i));
    }
  nlp_document_free (doc);
  return g_string_free (out, FALSE);
}

Test (pos, contractions_are_multiword_tokens)
{
  char *w = words_of ("I don't think Trump’s aides can't go, and it's gonna rain. "
                      "We cannot wait; dont worry, Im sure.", NULL);

  cr_expect_str_eq (w, "I do:2 n't think Trump:2 ’s aides ca:2 n't go , and it:2 's gon:2 na "
                       "rain . We can:2 not wait ; do:2 nt worry , I:2 m sure .");
  g_free (w);
}

Test (pos, hyphens_split_unless_a_prefix_keeps_them)
{
  char *w = words_of ("A well-known e-mail from a non-profit 10-year-old, on 01-Feb-02, "
                      "call 713-853-3989.", NULL);

  cr_expect_str_eq (w, "A well - known e-mail from a non-profit 10 - year - old , on 01-Feb-02 "
                       ", call 713-853-3989 .");
  g_free (w);
}

Test (pos, glued_tokens_that_ud_writes_as_one_word)
{
  /* an abbreviation and its period unless the period ends the sentence,
   * file names, runs of one character, emoticons */
  char *w = words_of ("Dr. Smith sent Guaranty.doc to Mr. Jones :) ____ bye Inc.", NULL);

  cr_expect_str_eq (w, "Dr. Smith sent Guaranty.doc to Mr. Jones :) ____ bye Inc .");
  g_free (w);
}

Test (pos, split_off)
{
  static const char *const sets[] = { "pos.split=false", NULL };
  char *w = words_of ("I don't know well-known people.", sets);

  cr_expect_str_eq (w, "I don't know well-known people .");
  g_free (w);
}

Test (pos, tags_of_plain_sentences)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "The negotiations were running late. "
                                            "She has two dogs and a very old cat.");
  char *t = tagged (doc);

  cr_expect_str_eq (t, "The/DET/DT negotiations/NOUN/NNS were/AUX/VBD running/VERB/VBG "
                       "late/ADV/RB ./PUNCT/. She/PRON/PRP has/VERB/VBZ two/NUM/CD "
                       "dogs/NOUN/NNS and/CCONJ/CC a/DET/DT very/ADV/RB old/ADJ/JJ "
                       "cat/NOUN/NN ./PUNCT/.");
  g_free (t);
  nlp_document_free (doc);
}

Test (pos, auxiliaries_and_clitics_by_context)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "Google's results have been good, but it's "
                                            "not what I wanted.");
  char *t = tagged (doc);

  cr_expect (strstr (t, "Google/PROPN/NNP 's/PART/POS") != NULL, "%s", t);
  cr_expect (strstr (t, "have/AUX/VBP been/AUX/VBN") != NULL, "%s", t);
  cr_expect (strstr (t, "it/PRON/PRP 's/AUX/VBZ not/PART/RB") != NULL, "%s", t);
  g_free (t);
  nlp_document_free (doc);
}

/* The Penn tags of punctuation by the spaces around it: straight quotes
 * open or close, an unspaced hyphen is HYPH and a spaced one is not, a
 * run of periods is "." at the end of a sentence and "," inside it.  The
 * model alone tagged the closing quote of "best" as an opening one. */
static char *
punct_tags (const char *text)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, text);
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *upos = nlp_layer_get_column (words, "upos");
  NlpColumn *xpos = nlp_layer_get_column (words, "xpos");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    if (strcmp (nlp_column_get_string (upos, i), "PUNCT") == 0)
      {
        gsize len;
        const char *t = nlp_layer_get_text (words, i, &len);
        g_string_append_printf (out, "%s%.*s/%s", out->len ? " " : "", (int) len, t,
                                nlp_column_get_string (xpos, i));
      }
  nlp_document_free (doc);
  return g_string_free (out, FALSE);
}

Test (pos, punctuation_tags_follow_the_spaces)
{
  char *t = punct_tags ("It is a well-known plan - or not... The \"best\" one, the "
                        "\"last\" - so far ... is here.");

  cr_expect_str_eq (t, "-/HYPH -/, .../. \"/`` \"/'' ,/, \"/`` \"/'' -/, .../, ./.");
  g_free (t);
}

Test (pos, empty_document_has_an_empty_word_layer)
{
  NlpDocument *doc = nlp_test_chain (CHAIN, "");
  NlpLayer *words = nlp_document_get_layer (doc, "word");

  cr_assert_not_null (words);
  cr_expect_eq (nlp_layer_get_n_rows (words), 0);
  cr_expect_not_null (nlp_layer_get_column (words, "upos"));
  nlp_document_free (doc);
}

Test (pos, missing_and_corrupt_models_are_refused)
{
  static const char *const missing[] = { "pos.model=/nonexistent/pos.model", NULL };
  char *path = g_strdup_printf ("%s/nlpipe-%d-bad.model", g_get_tmp_dir (), (int) getpid ());
  const char *bad[] = { NULL, NULL };
  char *set, *err;

  err = nlp_test_chain_error (CHAIN, missing);
  cr_assert_not_null (err);
  cr_expect (strstr (err, "/nonexistent/pos.model") != NULL, "%s", err);
  g_free (err);

  cr_assert (g_file_set_contents (path, "NLPPOSM\0 not a model at all, just bytes", 40, NULL));
  set = g_strconcat ("pos.model=", path, NULL);
  bad[0] = set;
  err = nlp_test_chain_error (CHAIN, bad);
  cr_assert_not_null (err);
  cr_expect (strstr (err, path) != NULL && strstr (err, "nlpipe-pos train") != NULL, "%s", err);
  g_unlink (path);
  g_free (err);
  g_free (set);
  g_free (path);
}

/* ---- nlpipe-pos --------------------------------------------------------- */

static NlpTestRun *
run_tool (const char *const *args)
{
  GPtrArray *argv = g_ptr_array_new ();
  NlpTestRun *run = g_new0 (NlpTestRun, 1);
  GError *error = NULL;

  g_ptr_array_add (argv, (gpointer) NLP_TEST_BUILDDIR "/plugins/pos/nlpipe-pos");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &run->out, &run->err, &run->status, &error),
             "cannot run nlpipe-pos: %s", error ? error->message : "?");
  run->status = g_spawn_check_wait_status (run->status, NULL) ? 0 : 1;
  g_ptr_array_unref (argv);
  return run;
}

/* The UPOS accuracy that eval printed. */
static double
upos_of (const char *out)
{
  const char *at = strstr (out, "UPOS ");
  cr_assert_not_null (at, "%s", out);
  return g_ascii_strtod (at + 5, NULL);
}

Test (nlpipe_pos, train_eval_and_use_a_model)
{
  char *train = nlp_test_fixture ("pos/ewt-train-200.conllu");
  char *heldout = nlp_test_fixture ("pos/ewt-heldout-80.conllu");
  char *model = g_strdup_printf ("%s/nlpipe-%d-pos.model", g_get_tmp_dir (), (int) getpid ());
  const char *targs[] = { "train", "-q", "--epochs", "4", "--folds", "2", "--train", train,
                          "--dev", heldout, "-o", model, NULL };
  const char *eval_train[] = { "eval", "-m", model, train, NULL };
  const char *eval_held[] = { "eval", "-m", model, heldout, NULL };
  NlpTestRun *run = run_tool (targs);
  char *set = g_strconcat ("pos.model=", model, NULL);
  const char *sets[] = { set, NULL };
  NlpDocument *doc;
  double seen, unseen;

  cr_assert_eq (run->status, 0, "%s", run->err);
  nlp_test_run_free (run);
  run = run_tool (eval_train);
  cr_assert_eq (run->status, 0, "%s", run->err);
  seen = upos_of (run->out);
  nlp_test_run_free (run);
  run = run_tool (eval_held);
  cr_assert_eq (run->status, 0, "%s", run->err);
  unseen = upos_of (run->out);
  nlp_test_run_free (run);
  /* 3,000 words teach a lot, and the sentences it saw best of all */
  cr_expect_gt (seen, 97.0, "UPOS on its own training words: %.2f", seen);
  cr_expect_gt (unseen, 75.0, "UPOS on unseen words: %.2f", unseen);
  cr_expect_lt (unseen, seen);

  /* the stage loads it */
  doc = nlp_test_chain_with (CHAIN, sets, "The results were good.");
  cr_expect_eq (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "word")), 5);
  nlp_document_free (doc);
  g_unlink (model);
  g_free (set);
  g_free (model);
  g_free (train);
  g_free (heldout);
}

Test (nlpipe_pos, bad_training_file_names_its_line)
{
  char *path = g_strdup_printf ("%s/nlpipe-%d-bad.conllu", g_get_tmp_dir (), (int) getpid ());
  const char *args[] = { "train", "-q", "--train", path, "-o", "/dev/null", NULL };
  NlpTestRun *run;

  cr_assert (g_file_set_contents (path, "# text = a b\n1\ta\ta\tDET\tDT\n", -1, NULL));
  run = run_tool (args);
  cr_expect_neq (run->status, 0);
  cr_expect (strstr (run->err, "line 2") != NULL && strstr (run->err, "10 tab-separated") != NULL,
             "%s", run->err);
  nlp_test_run_free (run);
  g_unlink (path);
  g_free (path);
}
