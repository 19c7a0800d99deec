/* nlpipe-ner — train and evaluate the entity stage's tagger.
 *
 *   nlpipe-ner train --train FILE.bio [--train MORE.bio] [--dev DEV.bio]
 *                    [--epochs N] [--types PER,LOC,ORG] [--calibrate HELD-OUT.bio]
 *                    -o MODEL
 *   nlpipe-ner eval  [--model MODEL] [--types PER,LOC,ORG] [--reliability] FILE.bio
 *   nlpipe-ner eval  --chain [--set STAGE.OPTION=VALUE] FILE.bio
 *
 * eval prints conlleval figures (exact span and type).  --chain runs the
 * whole nlpipe chain on the detokenised sentences of FILE.bio, as a user's
 * raw text would go through it, and aligns its entities to the gold tokens.
 * See docs/training.md.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ner-train.h"
#include "ner-chain-eval.h"
#include "ner-calibrate.h"
#include "nlp-error.h"

static char *data_dir;
static char *types_arg;
static gint doc_sentences = 20;

static const char *
find_data_dir (void)
{
  static const char *const candidates[] = { NER_DATADIR, NER_SRCDATADIR };
  if (data_dir != NULL)
    return data_dir;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *path = g_build_filename (candidates[i], "gaz-loc.txt", NULL);
      gboolean ok = g_file_test (path, G_FILE_TEST_EXISTS);
      g_free (path);
      if (ok)
        return candidates[i];
    }
  return NER_DATADIR;
}

static GOptionEntry common_entries[] = {
  { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
    "Directory of the gazetteers (default: the entity stage's data)", "DIR" },
  { "types", 0, 0, G_OPTION_ARG_STRING, &types_arg,
    "Entity types to learn / score (default: all in the data)", "PER,LOC,ORG" },
  { "doc-sentences", 0, 0, G_OPTION_ARG_INT, &doc_sentences,
    "Sentences per document when the file has no -DOCSTART- (default 20)", "N" },
  { NULL }
};

static gboolean
load_corpus (NerCorpus *corpus, char **files, GError **error)
{
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (!ner_corpus_add_file (corpus, files[i], (guint) MAX (doc_sentences, 0), error))
      return FALSE;
  return TRUE;
}

static int
cmd_train (int argc, char **argv)
{
  char **train_files = NULL, *dev_file = NULL, *output = NULL, **calib_files = NULL;
  gint epochs = 12, bits = 20, seed = 1;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "train", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &train_files, "Training BIO file (repeatable)", "FILE" },
    { "dev", 0, 0, G_OPTION_ARG_FILENAME, &dev_file, "Dev BIO file: keeps the epoch with the best F1", "FILE" },
    { "calibrate", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &calib_files,
      "Held-out BIO file the entity confidences are fitted on (repeatable; default: none, "
      "temperature 1)", "FILE" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Maximum epochs (default 12)", "N" },
    { "bits", 0, 0, G_OPTION_ARG_INT, &bits, "Weight table of 2^N rows (default 20)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the document shuffling (default 1)", "SEED" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Model file to write", "MODEL" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress on stderr", NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("- train an entity model from BIO files");
  GError *error = NULL;
  NerCorpus *train = ner_corpus_new (), *dev = NULL, *calib = NULL;
  NerGazetteer *gaz = NULL;
  NerModel *model = NULL;
  char **types = NULL;
  int status = 1;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, common_entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out;
  if (train_files == NULL || output == NULL)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE,
                   "train needs --train FILE and -o MODEL (see --help)");
      goto out;
    }
  if (epochs < 1 || bits < 12 || bits > 24 || seed < 0)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE,
                   "--epochs must be >= 1, --bits in 12..24, --seed >= 0");
      goto out;
    }
  if (!load_corpus (train, train_files, &error))
    goto out;
  if (dev_file != NULL)
    {
      char *files[] = { dev_file, NULL };
      dev = ner_corpus_new ();
      if (!load_corpus (dev, files, &error))
        goto out;
    }
  if (calib_files != NULL)
    {
      calib = ner_corpus_new ();
      if (!load_corpus (calib, calib_files, &error))
        goto out;
    }
  gaz = ner_gazetteer_load_dir (find_data_dir (), &error);
  if (gaz == NULL)
    goto out;
  if (types_arg != NULL)
    types = g_strsplit (types_arg, ",", -1);
  {
    NerTrainOptions opts = { .epochs = (guint) epochs, .bits = (guint) bits,
                             .types = (const char *const *) types, .seed = (guint) seed,
                             .verbose = !quiet };
    if (!quiet)
      g_printerr ("training on %u tokens, %u sentences, %u documents\n",
                  ner_corpus_n_tokens (train), ner_corpus_n_sents (train),
                  ner_corpus_n_docs (train));
    model = ner_train (&opts, train, dev, gaz, &error);
  }
  if (model != NULL && calib != NULL)
    {
      guint n = ner_calibrate (model, gaz, calib, TRUE);
      if (!quiet)
        g_printerr ("confidence temperature %.3g, fitted on %u entities\n",
                    model->temperature, n);
    }
  if (model == NULL || !ner_model_save (model, output, &error))
    goto out;
  status = 0;

out:
  if (error != NULL)
    g_printerr ("nlpipe-ner train: %s\n", error->message);
  g_clear_error (&error);
  ner_model_free (model);
  ner_gazetteer_free (gaz);
  ner_corpus_free (train);
  ner_corpus_free (dev);
  ner_corpus_free (calib);
  g_strfreev (types);
  g_strfreev (train_files);
  g_free (dev_file);
  g_strfreev (calib_files);
  g_free (output);
  g_option_context_free (ctx);
  return status;
}

static int
cmd_eval (int argc, char **argv)
{
  char *model_path = NULL, *pred_path = NULL, **sets = NULL;
  gboolean chain = FALSE, no_doc = FALSE, reliability = FALSE;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "Model file (default: the shipped one)", "MODEL" },
    { "chain", 0, 0, G_OPTION_ARG_NONE, &chain, "Run the whole nlpipe chain on the raw sentences", NULL },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, "With --chain: a stage option", "STAGE.OPTION=VALUE" },
    { "no-doc-features", 0, 0, G_OPTION_ARG_NONE, &no_doc, "One pass only (no document features)", NULL },
    { "predictions", 0, 0, G_OPTION_ARG_FILENAME, &pred_path, "Write token, gold, predicted tags", "FILE" },
    { "reliability", 0, 0, G_OPTION_ARG_NONE, &reliability,
      "Also print how often entities are right by confidence (not with --chain)", NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("FILE.bio - score entities against a BIO file");
  GError *error = NULL;
  NerCorpus *corpus = ner_corpus_new ();
  NerGazetteer *gaz = NULL;
  NerModel *model = NULL;
  NerScore *score = NULL;
  char **types = NULL;
  FILE *pred = NULL;
  int status = 1;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, common_entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out;
  if (argc != 2)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE, "eval needs one BIO file (see --help)");
      goto out;
    }
  if (!load_corpus (corpus, (char *[]) { argv[1], NULL }, &error))
    goto out;
  if (pred_path != NULL && (pred = fopen (pred_path, "w")) == NULL)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_IO, "cannot write %s", pred_path);
      goto out;
    }
  if (types_arg != NULL)
    types = g_strsplit (types_arg, ",", -1);
  score = ner_score_new ((const char *const *) types);
  if (chain)
    {
      if (!ner_chain_evaluate (corpus, (const char *const *) sets, model_path, score,
                               pred, &error))
        goto out;
    }
  else
    {
      char *path = model_path != NULL ? g_strdup (model_path)
                                      : g_build_filename (find_data_dir (), "ner.model", NULL);
      model = ner_model_load (path, &error);
      g_free (path);
      if (model == NULL)
        goto out;
      gaz = ner_gazetteer_load_dir (find_data_dir (), &error);
      if (gaz == NULL)
        goto out;
      ner_evaluate (model, gaz, corpus, !no_doc, score, pred);
    }
  ner_score_print (score, stdout);
  if (reliability && model != NULL)
    ner_reliability_print (model, gaz, corpus, !no_doc, stdout);
  status = 0;

out:
  if (error != NULL)
    g_printerr ("nlpipe-ner eval: %s\n", error->message);
  g_clear_error (&error);
  if (pred != NULL)
    fclose (pred);
  ner_score_free (score);
  ner_model_free (model);
  ner_gazetteer_free (gaz);
  ner_corpus_free (corpus);
  g_strfreev (types);
  g_strfreev (sets);
  g_free (model_path);
  g_free (pred_path);
  g_option_context_free (ctx);
  return status;
}

int
main (int argc, char **argv)
{
  /* the locale's charset for g_print (UTF-8 names, not "?"); numbers
   * keep a decimal point */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  if (argc >= 2 && strcmp (argv[1], "train") == 0)
    return cmd_train (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "eval") == 0)
    return cmd_eval (argc - 1, argv + 1);
  g_printerr ("usage: nlpipe-ner train --train FILE.bio [--dev FILE.bio] [--epochs N]\n"
              "                        [--calibrate FILE.bio] -o MODEL\n"
              "       nlpipe-ner eval [--model MODEL | --chain] [--types PER,LOC,ORG] FILE.bio\n"
              "Run 'nlpipe-ner train --help' or 'nlpipe-ner eval --help' for every option.\n");
  return 2;
}
