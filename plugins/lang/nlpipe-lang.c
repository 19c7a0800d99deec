/* nlpipe-lang — train, evaluate and run the lang stage's detector.
 *
 *   nlpipe-lang train --corpus DIR [--languages fr,de,...] [--bits N]
 *                     [--orders 1,4,w] -o MODEL
 *   nlpipe-lang eval  [--model MODEL] [--groups es,pt,ca,gl;da,no,sv] TEST.tsv
 *   nlpipe-lang detect [--model MODEL] [--tsv] [FILE ...]
 *
 * TEST.tsv has LANG<TAB>SET<TAB>SENTENCE lines (make-corpus.py writes
 * one).  eval prints accuracy by length band, per language, confusion
 * tables for groups of close languages, and the detector's speed on one
 * thread.  detect prints CODE<TAB>CONFIDENCE per input line (or per
 * sentence column of a TSV).  See docs/stages/lang.md.
 */
#include "config.h"
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lang-detect.h"
#include "lang-train.h"
#include "lang-features.h"
#include "nlp-error.h"

static char *model_path;
static gint min_letters = LANG_DEFAULT_MIN_LETTERS;
static double min_confidence = LANG_DEFAULT_MIN_CONFIDENCE;

static const char *
default_model (void)
{
  static const char *const candidates[] = { LANG_DATADIR, LANG_SRCDATADIR };

  if (model_path != NULL)
    return model_path;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *path = g_build_filename (candidates[i], "lang.model", NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return model_path = path;
      g_free (path);
    }
  return model_path = g_build_filename (LANG_DATADIR, "lang.model", NULL);
}

static GOptionEntry model_entries[] = {
  { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path,
    "Model file (default: the lang stage's lang.model)", "MODEL" },
  { "min-letters", 0, 0, G_OPTION_ARG_INT, &min_letters,
    "Fewer letters than this: und (default " G_STRINGIFY (LANG_DEFAULT_MIN_LETTERS) ", as the stage)", "N" },
  { "min-confidence", 0, 0, G_OPTION_ARG_DOUBLE, &min_confidence,
    "A best guess less sure than this: und (default " G_STRINGIFY (LANG_DEFAULT_MIN_CONFIDENCE) ", as the stage)", "X" },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("nlpipe-lang: %s\n", error->message);
  g_error_free (error);
  return 1;
}

static gboolean
parse_orders (const char *s, guint *orders, GError **error)
{
  char **parts = g_strsplit (s, ",", -1);
  gboolean ok = TRUE;

  *orders = 0;
  for (guint i = 0; parts[i] && ok; i++)
    {
      guint64 k = LANG_WORD_FEATURE;
      if (strcmp (g_strstrip (parts[i]), "w") != 0)
        ok = g_ascii_string_to_unsigned (parts[i], 10, 1, LANG_MAX_ORDER, &k, NULL);
      *orders |= 1u << k;
    }
  g_strfreev (parts);
  if (!ok)
    g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                 "--orders takes n-gram lengths 1 to 5 and w (the whole word), separated by commas (1,3,5,w)");
  return ok;
}

static int
cmd_train (int argc, char **argv)
{
  LangTrainOptions o;
  g_autofree char *corpus = NULL, *languages = NULL, *orders = NULL, *output = NULL;
  g_autofree char *word_shares = NULL;
  char **codes = NULL;
  gint bits = 16, seed = 1, epochs, word_sentences;
  double alpha, word_power, word_share, clip, holdout, rate;
  gboolean quiet = FALSE;
  GError *error = NULL;
  GOptionContext *ctx;
  LangModel *m;
  int rc = 0;

  lang_train_options_init (&o);
  alpha = o.alpha, word_power = o.word_power, word_share = o.word_share;
  clip = o.clip_nats, holdout = o.holdout;
  epochs = (gint) o.epochs, rate = o.rate, word_sentences = (gint) o.word_sentences;
  {
    GOptionEntry entries[] = {
      { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus, "Folder of LANG.txt and LANG.words files", "DIR" },
      { "languages", 0, 0, G_OPTION_ARG_STRING, &languages, "Languages to learn (default: every file of DIR)", "fr,de,..." },
      { "bits", 0, 0, G_OPTION_ARG_INT, &bits, "Tables of 2^N rows, half that for scripts of 16 lanes or fewer (default 16)", "N" },
      { "orders", 0, 0, G_OPTION_ARG_STRING, &orders, "N-gram lengths and w, the whole word (default 1,4,w)", "LIST" },
      { "alpha", 0, 0, G_OPTION_ARG_DOUBLE, &alpha, "Smoothing counts per row (default 0.2)", "X" },
      { "word-power", 0, 0, G_OPTION_ARG_DOUBLE, &word_power, "A listed word counts COUNT^X (default 1)", "X" },
      { "word-share", 0, 0, G_OPTION_ARG_DOUBLE, &word_share, "Word lists' share of a language (default 0.95)", "X" },
      { "word-shares", 0, 0, G_OPTION_ARG_STRING, &word_shares, "Word shares of some lanes", "LANE=X,..." },
      { "clip", 0, 0, G_OPTION_ARG_DOUBLE, &clip, "Largest penalty in nats (default 10)", "X" },
      { "holdout", 0, 0, G_OPTION_ARG_DOUBLE, &holdout, "Share of sentences held out to calibrate (default 0.05)", "X" },
      { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the held-out draw and of the refinement (default 1)", "N" },
      { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, "Refinement passes after naive Bayes (default 0)", "N" },
      { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, "The refinement's learning rate (default 0.02)", "X" },
      { "word-sentences", 0, 0, G_OPTION_ARG_INT, &word_sentences, "Sentences drawn from each word list for the refinement (default 3000)", "N" },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Model file to write", "MODEL" },
      { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress on stderr", NULL },
      { NULL }
    };
    ctx = g_option_context_new ("- train a language model from a corpus folder");
    g_option_context_add_main_entries (ctx, entries, NULL);
    if (!g_option_context_parse (ctx, &argc, &argv, &error))
      return fail (error);
    g_option_context_free (ctx);
  }
  if (corpus == NULL || output == NULL)
    {
      g_printerr ("nlpipe-lang train: --corpus DIR and -o MODEL are required\n");
      return 2;
    }
  if (orders != NULL && !parse_orders (orders, &o.orders, &error))
    return fail (error);
  if (languages != NULL)
    codes = g_strsplit (languages, ",", -1);
  o.corpus = corpus;
  o.word_shares = word_shares;
  o.languages = (const char *const *) codes;
  o.bits = (guint) bits;
  o.alpha = alpha, o.word_power = word_power, o.word_share = word_share;
  o.clip_nats = clip, o.holdout = holdout;
  o.seed = (guint) seed;
  o.epochs = (guint) MAX (epochs, 0);
  o.rate = rate;
  o.word_sentences = (guint) MAX (word_sentences, 0);
  o.verbose = !quiet;
  m = lang_train (&o, &error);
  if (m == NULL || !lang_model_save (m, output, &error))
    rc = fail (error);
  else if (!quiet)
    g_printerr ("nlpipe-lang: wrote %s (%u lanes, %.1f MB of tables)\n", output,
                m->n_langs, (double) lang_model_table_bytes (m) / 1e6);
  lang_model_free (m);
  g_strfreev (codes);
  return rc;
}

typedef struct {
  char *lang;        /* the right answer, or answers: "hr|sr" */
  char *set;         /* "flores", "tatoeba.bs" */
  const char *truth; /* the language of the text: the set's ".bs", or lang */
  char *text;
  gsize len;
  glong chars;
} Sample;

/* Is @pred one of the answers of @expected ("hr|sr")? */
static gboolean
is_right (const char *expected, const char *pred)
{
  gsize n = strlen (pred);

  for (const char *p = expected; ; p++)
    {
      if (strncmp (p, pred, n) == 0 && (p[n] == '\0' || p[n] == '|'))
        return TRUE;
      p = strchr (p, '|');
      if (p == NULL)
        return FALSE;
    }
}

static GPtrArray *
read_tsv (const char *path, GError **error)
{
  char *contents;
  GPtrArray *samples;
  char **lines;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  samples = g_ptr_array_new ();
  lines = g_strsplit (contents, "\n", -1);
  g_free (contents);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **f;
      Sample *s;
      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (f) != 3 || !g_utf8_validate (f[2], -1, NULL))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                       "%s:%u: expected LANG<TAB>SET<TAB>SENTENCE in UTF-8", path, i + 1);
          g_strfreev (f);
          g_strfreev (lines);
          g_ptr_array_unref (samples);
          return NULL;
        }
      s = g_new0 (Sample, 1);
      s->lang = f[0], s->set = f[1], s->text = f[2];
      s->truth = strchr (s->set, '.') ? strchr (s->set, '.') + 1 : s->lang;
      g_free (f);
      s->len = strlen (s->text);
      s->chars = g_utf8_strlen (s->text, -1);
      g_ptr_array_add (samples, s);
    }
  g_strfreev (lines);
  return samples;
}

static const char *
band_of (glong chars)
{
  return chars < 20 ? "< 20" : chars < 40 ? "20-40" : ">= 40";
}

static const char *
guess_code (const LangModel *m, const LangGuess *g)
{
  return g->lang >= 0 ? m->langs[g->lang] : "und";
}

static void
print_confusion (const LangModel *m, GPtrArray *samples, const char **pred,
                 const char *group)
{
  char **langs = g_strsplit (group, ",", -1);
  guint n = g_strv_length (langs);

  printf ("\nconfusion %s (rows: true language, columns: detected; sentences >= 20 characters)\n%-6s", group, "");
  for (guint j = 0; j < n; j++)
    printf ("%7s", langs[j]);
  printf ("%7s %7s\n", "other", "right%");
  for (guint i = 0; i < n; i++)
    {
      guint *cnt = g_new0 (guint, n + 1), total = 0, right = 0;
      printf ("%-6s", langs[i]);
      for (guint k = 0; k < samples->len; k++)
        {
          Sample *s = g_ptr_array_index (samples, k);
          gboolean hit = FALSE;
          if (strcmp (s->truth, langs[i]) != 0 || s->chars < 20)
            continue;
          total++;
          right += is_right (s->lang, pred[k]);
          for (guint j = 0; j < n && !hit; j++)
            if (strcmp (pred[k], langs[j]) == 0)
              cnt[j]++, hit = TRUE;
          if (!hit)
            cnt[n]++;
        }
      for (guint j = 0; j <= n; j++)
        printf ("%7u", cnt[j]);
      printf (" %7.2f\n", total ? 100.0 * right / total : 0.0);
      g_free (cnt);
    }
  g_strfreev (langs);
}

/* CPU time of this thread: on a shared machine, wall time also counts
 * the other programs that ran. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
cmd_eval (int argc, char **argv)
{
  char *groups = NULL, *only = NULL;
  gint runs = 5;
  gboolean per_language = FALSE;
  GOptionEntry entries[] = {
    { "groups", 0, 0, G_OPTION_ARG_STRING, &groups,
      "Confusion tables, e.g. 'es,pt,ca,gl;da,no,sv'", "GROUPS" },
    { "languages", 0, 0, G_OPTION_ARG_STRING, &only,
      "Choose among these languages only", "fr,de,..." },
    { "per-language", 0, 0, G_OPTION_ARG_NONE, &per_language, "Accuracy of every language", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs, best kept (default 5)", "N" },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("TEST.tsv - accuracy and speed of a model");
  GError *error = NULL;
  LangModel *m;
  LangDetector *d;
  LangDetectOptions opt = { 0 };
  GPtrArray *samples;
  const char **pred;
  double best = G_MAXDOUBLE;
  gsize bytes = 0, *at;
  GString *stream;
  static const char *const bands[] = { "< 20", "20-40", ">= 40" };

  g_option_context_add_main_entries (ctx, model_entries, NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return fail (error);
  g_option_context_free (ctx);
  if (argc != 2)
    {
      g_printerr ("nlpipe-lang eval: give one TEST.tsv\n");
      return 2;
    }
  m = lang_model_load (default_model (), &error);
  if (m == NULL)
    return fail (error);
  samples = read_tsv (argv[1], &error);
  if (samples == NULL)
    {
      lang_model_free (m);
      return fail (error);
    }
  opt.min_letters = (guint) MAX (min_letters, 0);
  opt.min_confidence = min_confidence;
  if (only != NULL)
    {
      char **c = g_strsplit (only, ",", -1);
      for (guint i = 0; c[i]; i++)
        {
          guint64 lanes = lang_model_lanes_of (m, c[i]);
          if (lanes == 0)
            {
              g_printerr ("nlpipe-lang: the model has no language '%s'\n", c[i]);
              return 2;
            }
          opt.allowed |= lanes;
        }
      g_strfreev (c);
    }
  d = lang_detector_new (m);
  pred = g_new0 (const char *, samples->len);
  /* the sentences one after another, as a file of documents is read */
  stream = g_string_new (NULL);
  at = g_new (gsize, samples->len + 1);
  for (guint i = 0; i < samples->len; i++)
    {
      Sample *s = g_ptr_array_index (samples, i);
      at[i] = stream->len;
      g_string_append_len (stream, s->text, (gssize) s->len);
    }
  at[samples->len] = bytes = stream->len;
  for (gint r = 0; r < MAX (runs, 1); r++)
    {
      double t, t0 = cpu_seconds ();
      for (guint i = 0; i < samples->len; i++)
        {
          LangGuess g;
          lang_detector_guess (d, &opt, stream->str + at[i], at[i + 1] - at[i], &g);
          pred[i] = guess_code (m, &g);
        }
      t = cpu_seconds () - t0;
      best = MIN (best, t);
    }
  g_string_free (stream, TRUE);
  g_free (at);

  printf ("model %s: %u lanes, %.1f MB\n", default_model (),
          m->n_langs, (double) m->file_size / 1e6);
  printf ("%-8s %9s %9s %9s\n", "band", "sentences", "right", "accuracy");
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      guint n = 0, right = 0;
      for (guint i = 0; i < samples->len; i++)
        {
          Sample *s = g_ptr_array_index (samples, i);
          if (strcmp (band_of (s->chars), bands[b]) != 0)
            continue;
          n++;
          right += is_right (s->lang, pred[i]);
        }
      printf ("%-8s %9u %9u %8.2f%%\n", bands[b], n, right, n ? 100.0 * right / n : 0.0);
    }
  if (per_language)
    {
      printf ("\n%-6s %8s %8s  %s\n", "lang", "20-40 %", ">=40 %", "most confused with (>= 20 characters)");
      for (guint l = 0; l < m->n_langs; l++)
        {
          guint n[2] = { 0 }, right[2] = { 0 };
          if (m->lang_of[l] != l)
            continue;
          GHashTable *wrong = g_hash_table_new (g_str_hash, g_str_equal);
          GString *worst = g_string_new (NULL);
          for (guint i = 0; i < samples->len; i++)
            {
              Sample *s = g_ptr_array_index (samples, i);
              int b;
              if (strcmp (s->truth, m->langs[l]) != 0 || s->chars < 20)
                continue;
              b = s->chars >= 40;
              n[b]++;
              if (is_right (s->lang, pred[i]))
                right[b]++;
              else
                g_hash_table_insert (wrong, (gpointer) pred[i],
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (wrong, pred[i])) + 1));
            }
          {
            GHashTableIter it;
            gpointer k, v;
            for (guint rep = 0; rep < 3; rep++)
              {
                const char *bk = NULL;
                guint bv = 0;
                g_hash_table_iter_init (&it, wrong);
                while (g_hash_table_iter_next (&it, &k, &v))
                  if (GPOINTER_TO_UINT (v) > bv)
                    bk = k, bv = GPOINTER_TO_UINT (v);
                if (bk == NULL)
                  break;
                g_string_append_printf (worst, " %s:%u", bk, bv);
                g_hash_table_remove (wrong, bk);
              }
          }
          if (n[0] + n[1] > 0)
            printf ("%-6s %8.2f %8.2f %s\n", m->langs[l],
                    n[0] ? 100.0 * right[0] / n[0] : 0.0,
                    n[1] ? 100.0 * right[1] / n[1] : 0.0, worst->str);
          g_string_free (worst, TRUE);
          g_hash_table_unref (wrong);
        }
    }
  if (groups != NULL)
    {
      char **g = g_strsplit (groups, ";", -1);
      for (guint i = 0; g[i]; i++)
        print_confusion (m, samples, pred, g[i]);
      g_strfreev (g);
    }
  printf ("\nspeed: %u sentences, %.2f MB in %.4f s: %.1f MB/s, %.0f sentences/s (CPU time of one thread, best of %d)\n",
          samples->len, (double) bytes / 1e6, best, (double) bytes / best / 1e6,
          samples->len / best, MAX (runs, 1));
  lang_detector_free (d);
  lang_model_free (m);
  return 0;
}

static int
cmd_detect (int argc, char **argv)
{
  gboolean tsv = FALSE;
  GOptionEntry entries[] = {
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "Input is LANG<TAB>SET<TAB>SENTENCE: detect the third column", NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new ("[FILE ...] - the language of every line");
  GError *error = NULL;
  LangModel *m;
  LangDetector *d;
  LangDetectOptions opt = { 0 };
  GString *line = g_string_new (NULL);
  gint64 busy = 0;
  gsize bytes = 0, lines = 0;

  g_option_context_add_main_entries (ctx, model_entries, NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return fail (error);
  g_option_context_free (ctx);
  m = lang_model_load (default_model (), &error);
  if (m == NULL)
    return fail (error);
  opt.min_letters = (guint) MAX (min_letters, 0);
  opt.min_confidence = min_confidence;
  d = lang_detector_new (m);
  for (int f = 1; f < MAX (argc, 2); f++)
    {
      FILE *in = argc > 1 && strcmp (argv[f], "-") != 0 ? fopen (argv[f], "r") : stdin;
      int c;
      if (in == NULL)
        {
          g_printerr ("nlpipe-lang: cannot open %s\n", argv[f]);
          return 1;
        }
      do
        {
          const char *text;
          LangGuess g;
          gint64 t0;
          g_string_truncate (line, 0);
          while ((c = getc (in)) != EOF && c != '\n')
            g_string_append_c (line, (char) c);
          if (c == EOF && line->len == 0)
            break;
          text = line->str;
          if (tsv)
            {
              const char *t = strchr (text, '\t');
              t = t ? strchr (t + 1, '\t') : NULL;
              text = t ? t + 1 : "";
            }
          t0 = g_get_monotonic_time ();
          lang_detector_guess (d, &opt, text, strlen (text), &g);
          busy += g_get_monotonic_time () - t0;
          bytes += strlen (text);
          lines++;
          printf ("%s\t%.3f\n", guess_code (m, &g), g.confidence);
        }
      while (c != EOF);
      if (in != stdin)
        fclose (in);
    }
  if (busy > 0)
    g_printerr ("nlpipe-lang: %" G_GSIZE_FORMAT " lines, %.2f MB, detection %.4f s: %.1f MB/s\n",
                lines, (double) bytes / 1e6, (double) busy / 1e6, (double) bytes / (double) busy);
  g_string_free (line, TRUE);
  lang_detector_free (d);
  lang_model_free (m);
  return 0;
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
  if (argc >= 2 && strcmp (argv[1], "detect") == 0)
    return cmd_detect (argc - 1, argv + 1);
  g_printerr ("usage: nlpipe-lang train --corpus DIR -o MODEL\n"
              "       nlpipe-lang eval [--model MODEL] TEST.tsv\n"
              "       nlpipe-lang detect [--model MODEL] [FILE ...]\n"
              "see docs/stages/lang.md\n");
  return 2;
}
