/* nlpipe-pos — train and evaluate the pos stage's tagger.
 *
 *   nlpipe-pos train --train FILE.conllu [--train MORE.conllu] [--dev DEV.conllu]
 *                    [--epochs N] [--seed N] -o MODEL
 *   nlpipe-pos eval  [--model MODEL] [--predictions FILE] FILE.conllu
 *
 * eval tags the gold words of FILE.conllu and prints UPOS, XPOS and
 * UPOS+XPOS accuracy.  Scoring from raw text (the tokenizer, the sentence
 * splitter and the word layer included) is nlpipe -f conllu and the
 * CoNLL 2018 scorer: see docs/stages/pos.md.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "pos-train.h"
#include "nlp-error.h"

static char *data_dir;
static char *lexicon_arg;

static GOptionEntry common_entries[] = {
  { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
    "Directory of the stage data (default: the pos stage's)", "DIR" },
  { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_arg,
    "Word classes (default: lexicon.tsv of the data directory; 'none' for none)", "FILE" },
  { NULL }
};

/* (transfer full) the path of @file in the stage's data directory: the
 * installed one, else the source tree's. */
static char *
data_file (const char *file)
{
  static const char *const candidates[] = { POS_DATADIR, POS_SRCDATADIR };

  if (data_dir != NULL)
    return g_build_filename (data_dir, file, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *path = g_build_filename (candidates[i], file, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  return g_build_filename (candidates[0], file, NULL);
}

/* The lexicon of --lexicon, or the stage's; *@lexicon stays NULL for
 * "none". */
static gboolean
load_lexicon (PosLexicon **lexicon, GError **error)
{
  char *path;

  *lexicon = NULL;
  if (g_strcmp0 (lexicon_arg, "none") == 0)
    return TRUE;
  path = lexicon_arg ? g_strdup (lexicon_arg) : data_file ("lexicon.tsv");
  *lexicon = pos_lexicon_load (path, error);
  g_free (path);
  return *lexicon != NULL;
}

static gboolean
load_files (PosCorpus *corpus, char **files, GError **error)
{
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (!pos_corpus_add_file (corpus, files[i], error))
      return FALSE;
  return TRUE;
}

/* pos_train @average times with seeds seed, seed + 1, ... and the mean
 * of their weights. */
static PosModel *
train_averaged (const PosTrainOptions *opts, guint average, const PosCorpus *train,
                const PosCorpus *dev, GError **error)
{
  PosModel **models = g_new0 (PosModel *, MAX (average, 1)), *mean = NULL;
  guint k;

  for (k = 0; k < MAX (average, 1); k++)
    {
      PosTrainOptions o = *opts;
      o.seed = opts->seed + k;
      if ((models[k] = pos_train (&o, train, dev, error)) == NULL)
        break;
    }
  if (k == MAX (average, 1))
    mean = k == 1 ? g_steal_pointer (&models[0]) : pos_model_mean (models, k);
  for (guint j = 0; j < MAX (average, 1); j++)
    pos_model_free (models[j]);
  g_free (models);
  return mean;
}

static int
cmd_train (int argc, char **argv)
{
  char **train_files = NULL, *dev_file = NULL, *output = NULL;
  gint epochs = 10, seed = 1, passes = 2, folds = 5, average = 1;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "train", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &train_files, "Training CoNLL-U file (repeatable)", "FILE" },
    { "dev", 0, 0, G_OPTION_ARG_FILENAME, &dev_file, "Dev CoNLL-U file: keeps the epoch with the best accuracy", "FILE" },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Passes over the training data (default 10)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the sentence shuffling (default 1)", "SEED" },
    { "passes", 0, 0, G_OPTION_ARG_INT, &passes, "1, or 2: a second pass that reads the first's labels of the next words (default 2)", "N" },
    { "average", 0, 0, G_OPTION_ARG_INT, &average, "Train N models (seeds SEED, SEED+1, ...) and keep the mean of their weights (default 1)", "N" },
    { "folds", 0, 0, G_OPTION_ARG_INT, &folds, "Cross-validation folds that give the second pass its training input (default 5)", "K" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Model file to write", "MODEL" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress on stderr", NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("- train a part-of-speech model from CoNLL-U files");
  GError *error = NULL;
  PosCorpus *train = pos_corpus_new (), *dev = NULL;
  PosModel *model = NULL;
  PosLexicon *lexicon = NULL;
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
  if (epochs < 1 || seed < 0 || passes < 1 || passes > 2 || folds < 2 || average < 1)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE,
                   "--epochs must be >= 1, --seed >= 0, --passes 1 or 2, --folds >= 2, "
                   "--average >= 1");
      goto out;
    }
  if (!load_files (train, train_files, &error) || !load_lexicon (&lexicon, &error))
    goto out;
  if (dev_file != NULL)
    {
      dev = pos_corpus_new ();
      if (!pos_corpus_add_file (dev, dev_file, &error))
        goto out;
    }
  {
    PosTrainOptions opts = { .epochs = (guint) epochs, .seed = (guint) seed,
                             .verbose = !quiet, .lexicon = lexicon };
    if (!quiet)
      g_printerr ("training on %u words in %u sentences\n", train->words->len,
                  pos_corpus_n_sentences (train));
    model = train_averaged (&opts, (guint) average, train, dev, &error);
    if (model != NULL && passes == 2)
      {
        /* the second pass learns from first-pass labels made the way the
         * stage will make them: by models that never saw the sentence */
        guint8 *first = g_new0 (guint8, MAX (train->words->len, 1));
        PosTrainOptions fold = opts;

        fold.n_folds = (guint) folds;
        fold.verbose = FALSE;
        for (guint k = 0; k < (guint) folds && error == NULL; k++)
          {
            PosModel *m;
            fold.fold = k;
            if (!quiet)
              g_printerr ("first-pass labels of fold %u of %d\n", k + 1, folds);
            if ((m = pos_train (&fold, train, dev, &error)) != NULL)
              pos_tag_corpus (m, lexicon, train, (guint) folds, k, first);
            pos_model_free (m);
          }
        if (error == NULL)
          {
            PosTrainOptions second = opts;
            second.first_labels = first;
            second.first_model = model;
            if (!quiet)
              g_printerr ("second pass\n");
            model->next = train_averaged (&second, (guint) average, train, dev, &error);
            if (model->next != NULL && dev != NULL)
              pos_tune_rescore (model, lexicon, dev, 0.0002, !quiet);
          }
        g_free (first);
        if (error != NULL)
          g_clear_pointer (&model, pos_model_free);
      }
  }
  if (model == NULL || !pos_model_save (model, output, &error))
    goto out;
  if (!quiet)
    g_printerr ("%s: %u labels, %u features, %u weights\n", output, model->n_labels,
                model->n_features, model->n_weights);
  status = 0;

out:
  if (error != NULL)
    g_printerr ("nlpipe-pos train: %s\n", error->message);
  g_clear_error (&error);
  pos_model_free (model);
  pos_lexicon_free (lexicon);
  pos_corpus_free (train);
  pos_corpus_free (dev);
  g_strfreev (train_files);
  g_free (dev_file);
  g_free (output);
  g_option_context_free (ctx);
  return status;
}

static int
cmd_eval (int argc, char **argv)
{
  char *model_path = NULL, *pred_path = NULL;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "Model file (default: the shipped one)", "MODEL" },
    { "predictions", 0, 0, G_OPTION_ARG_FILENAME, &pred_path, "Write FORM, gold and predicted tags", "FILE" },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("FILE.conllu - tag gold words and score UPOS and XPOS");
  GError *error = NULL;
  PosCorpus *corpus = pos_corpus_new ();
  PosModel *model = NULL;
  PosScore score = { 0 };
  PosLexicon *lexicon = NULL;
  FILE *pred = NULL;
  char *path = NULL;
  int status = 1;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, common_entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out;
  if (argc != 2)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE, "eval needs one CoNLL-U file (see --help)");
      goto out;
    }
  if (!pos_corpus_add_file (corpus, argv[1], &error))
    goto out;
  path = model_path ? g_strdup (model_path) : data_file ("pos.model");
  model = pos_model_load (path, &error);
  if (model == NULL || !load_lexicon (&lexicon, &error))
    goto out;
  if (pred_path != NULL && (pred = fopen (pred_path, "w")) == NULL)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_IO, "cannot write %s", pred_path);
      goto out;
    }
  pos_evaluate (model, lexicon, corpus, &score, pred);
  printf ("words %u  UPOS %.2f  XPOS %.2f  UPOS+XPOS %.2f\n", score.words,
          100.0 * score.upos / MAX (score.words, 1), 100.0 * score.xpos / MAX (score.words, 1),
          100.0 * score.both / MAX (score.words, 1));
  status = 0;

out:
  if (error != NULL)
    g_printerr ("nlpipe-pos eval: %s\n", error->message);
  g_clear_error (&error);
  if (pred != NULL)
    fclose (pred);
  pos_model_free (model);
  pos_lexicon_free (lexicon);
  pos_corpus_free (corpus);
  g_free (path);
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
  g_printerr ("usage: nlpipe-pos train --train FILE.conllu [--dev FILE.conllu] [--epochs N] -o MODEL\n"
              "       nlpipe-pos eval [--model MODEL] FILE.conllu\n"
              "Run 'nlpipe-pos train --help' or 'nlpipe-pos eval --help' for every option.\n");
  return 2;
}
