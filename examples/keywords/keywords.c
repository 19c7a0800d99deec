/* keywords — the top keyphrases of each document, an out-of-tree nlpipe
 * stage (see docs/writing-stages.md in nlpipe, which walks through it).
 *
 * Candidates are the maximal runs of non-stopword word tokens inside one
 * sentence (RAKE: Rose et al., "Automatic keyword extraction from
 * individual documents", 2010).  Words are compared by stem, so "summit"
 * and "summits" count as one word and "peace talks" / "peace talk" as one
 * phrase.  Each stem gets a score from its frequency f (occurrences in
 * candidates) and degree d (sum of the lengths of the candidates it is in);
 * a phrase scores the sum of its stems' scores.
 *
 * Output, named after the instance (so that `top=keywords` in a chain
 * makes a layer "top" beside "keywords"):
 *   layer NAME: every occurrence of a top phrase; columns phrase (string,
 *     the normalised phrase), rank (int, 1 = best), score (double);
 *   doc.NAME: JSON array of {"phrase", "score", "count"} in rank order.
 */
#include <string.h>
#include <nlpipe-stage.h>

static const char *const scorings[] = { "degree", "frequency", "ratio", NULL };

static const NlpOptionSpec keywords_options[] = {
  NLP_OPTION_INT_SPEC ("count", "10", 1, 1000, "how many keyphrases to keep per document"),
  NLP_OPTION_INT_SPEC ("max-words", "4", 1, 16,
                       "longest phrase kept, in words (longer runs are dropped)"),
  NLP_OPTION_CHOICE_SPEC ("scoring", "degree", scorings,
                          "word score: degree d, frequency f, or ratio d/f (RAKE)"),
  NLP_OPTION_PATH_SPEC ("stopwords", "",
                        "stopword file, one word a line (default: stopwords.txt in the data directory)"),
  NLP_OPTION_END
};

/* Shared by every worker thread: read-only once made. */
typedef struct {
  char       *name;        /* instance name: the layer and attribute we add */
  GHashTable *stopwords;   /* case-folded word -> itself */
  guint       count;
  guint       max_words;
  int         scoring;     /* index into scorings */
} KeywordsModel;

typedef struct {
  guint first, n;          /* token rows */
  guint phrase;            /* index into the worker's phrases */
} Candidate;

typedef struct {
  const char *key;         /* stems joined by spaces (document arena) */
  const char *text;        /* norms joined by spaces (document arena) */
  guint       first;       /* first candidate: ties go to the earlier one */
  guint       count;
  guint       rank;        /* 0: not kept */
  double      score;
} Phrase;

typedef struct {
  guint freq, degree;
} WordStat;

/* Per-thread scratch, emptied and reused for each document. */
typedef struct {
  const KeywordsModel *model;
  GArray     *candidates;  /* Candidate */
  GArray     *phrases;     /* Phrase */
  GHashTable *phrase_index; /* key -> index + 1 */
  GHashTable *words;       /* stem -> WordStat * */
  GString    *key, *text;
  NlpJsonText *json;       /* the doc.keywords list */
} KeywordsWorker;

static gboolean
load_stopwords (KeywordsModel *model, const char *path, GError **error)
{
  char *contents;
  char **lines;

  if (!g_file_get_contents (path, &contents, NULL, error))
    {
      g_prefix_error (error, "%s: cannot read its stopwords (set %s.stopwords=FILE): ",
                      model->name, model->name);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *word = g_strstrip (lines[i]);
      if (*word && *word != '#')
        {
          char *folded = g_utf8_casefold (word, -1);
          g_hash_table_add (model->stopwords, folded);
        }
    }
  g_strfreev (lines);
  g_free (contents);
  return TRUE;
}

static void
keywords_model_free (gpointer data)
{
  KeywordsModel *model = data;

  g_free (model->name);
  g_hash_table_unref (model->stopwords);
  g_free (model);
}

static gpointer
keywords_model_new (const NlpStageEnv *env, GError **error)
{
  KeywordsModel *model = g_new0 (KeywordsModel, 1);
  const char *file = nlp_stage_env_get_string (env, "stopwords");
  const char *scoring = nlp_stage_env_get_string (env, "scoring");
  char *path = *file ? g_strdup (file) : nlp_stage_env_find_data (env, "stopwords.txt", error);

  model->name = g_strdup (nlp_stage_env_get_name (env));
  model->stopwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  model->count = (guint) nlp_stage_env_get_int (env, "count");
  model->max_words = (guint) nlp_stage_env_get_int (env, "max-words");
  for (model->scoring = 0; strcmp (scorings[model->scoring], scoring) != 0; model->scoring++)
    ;
  if (path == NULL || !load_stopwords (model, path, error))
    {
      g_free (path);
      keywords_model_free (model);
      return NULL;
    }
  g_free (path);
  return model;
}

static gpointer
keywords_worker_new (gpointer model, GError **error)
{
  KeywordsWorker *w = g_new0 (KeywordsWorker, 1);

  w->model = model;
  w->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  w->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  w->phrase_index = g_hash_table_new (g_str_hash, g_str_equal);
  w->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  w->key = g_string_new (NULL);
  w->text = g_string_new (NULL);
  w->json = nlp_json_text_new ();
  return w;
}

static void
keywords_worker_free (gpointer data)
{
  KeywordsWorker *w = data;

  g_array_unref (w->candidates);
  g_array_unref (w->phrases);
  g_hash_table_unref (w->phrase_index);
  g_hash_table_unref (w->words);
  g_string_free (w->key, TRUE);
  g_string_free (w->text, TRUE);
  nlp_json_text_free (w->json);
  g_free (w);
}

typedef struct {
  NlpDocument *doc;
  NlpColumn   *norm, *kind, *stem;
} Tokens;

static gboolean
is_content (const KeywordsModel *model, const Tokens *t, guint row)
{
  const char *norm = nlp_column_get_string (t->norm, row);

  return g_strcmp0 (nlp_column_get_string (t->kind, row), "word") == 0
         && nlp_column_is_set (t->stem, row) && norm != NULL
         && !g_hash_table_contains (model->stopwords, norm);
}

/* Records tokens [first, first + n) as a candidate phrase. */
static void
add_candidate (KeywordsWorker *w, const Tokens *t, guint first, guint n)
{
  Candidate c = { first, n, 0 };
  gpointer found;

  if (n == 0 || n > w->model->max_words)
    return;
  g_string_truncate (w->key, 0);
  g_string_truncate (w->text, 0);
  for (guint i = first; i < first + n; i++)
    {
      const char *stem = nlp_column_get_string (t->stem, i);
      WordStat *ws = g_hash_table_lookup (w->words, stem);

      if (ws == NULL)
        g_hash_table_insert (w->words, (gpointer) stem, ws = g_new0 (WordStat, 1));
      ws->freq++;
      ws->degree += n;
      g_string_append_printf (w->key, "%s%s", i > first ? " " : "", stem);
      g_string_append_printf (w->text, "%s%s", i > first ? " " : "",
                              nlp_column_get_string (t->norm, i));
    }
  found = g_hash_table_lookup (w->phrase_index, w->key->str);
  if (found == NULL)
    {
      Phrase p = { nlp_document_intern (t->doc, w->key->str),
                   nlp_document_intern (t->doc, w->text->str),
                   w->candidates->len, 0, 0, 0.0 };
      g_array_append_val (w->phrases, p);
      found = GUINT_TO_POINTER (w->phrases->len);
      g_hash_table_insert (w->phrase_index, (gpointer) p.key, found);
    }
  c.phrase = GPOINTER_TO_UINT (found) - 1;
  g_array_index (w->phrases, Phrase, c.phrase).count++;
  g_array_append_val (w->candidates, c);
}

static void
find_candidates (KeywordsWorker *w, const Tokens *t, NlpLayer *tokens, NlpLayer *sentences)
{
  for (guint s = 0; s < nlp_layer_get_n_rows (sentences); s++)
    {
      guint first, n = nlp_layer_range (tokens, nlp_layer_get_start (sentences, s),
                                        nlp_layer_get_end (sentences, s), &first);
      guint run = first;

      for (guint i = first; i < first + n; i++)
        if (!is_content (w->model, t, i))
          {
            add_candidate (w, t, run, i - run);
            run = i + 1;
          }
      add_candidate (w, t, run, first + n - run);
    }
}

static double
word_score (const KeywordsModel *model, const WordStat *ws)
{
  switch (model->scoring)
    {
    case 0: return ws->degree;
    case 1: return ws->freq;
    default: return (double) ws->degree / ws->freq;
    }
}

static gint
by_score (gconstpointer a, gconstpointer b)
{
  const Phrase *x = *(const Phrase *const *) a, *y = *(const Phrase *const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Scores every phrase and sets the rank of the best model->count;
 * (transfer container) the ranked phrases, best first. */
static GPtrArray *
rank_phrases (KeywordsWorker *w)
{
  GPtrArray *order = g_ptr_array_sized_new (w->phrases->len);

  for (guint i = 0; i < w->phrases->len; i++)
    {
      Phrase *p = &g_array_index (w->phrases, Phrase, i);
      char **stems = g_strsplit (p->key, " ", -1);

      for (guint j = 0; stems[j]; j++)
        p->score += word_score (w->model, g_hash_table_lookup (w->words, stems[j]));
      g_strfreev (stems);
      g_ptr_array_add (order, p);
    }
  g_ptr_array_sort (order, by_score);
  if (order->len > w->model->count)
    g_ptr_array_set_size (order, w->model->count);
  for (guint i = 0; i < order->len; i++)
    ((Phrase *) order->pdata[i])->rank = i + 1;
  return order;
}

static gboolean
keywords_process (gpointer data, NlpDocument *doc, GError **error)
{
  KeywordsWorker *w = data;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  Tokens t = { doc, nlp_layer_get_column (tokens, "norm"),
               nlp_layer_get_column (tokens, "kind"), nlp_layer_get_column (tokens, "stem") };
  NlpLayer *out;
  NlpColumn *phrase, *rank, *score;
  NlpJsonText *j = w->json;
  GPtrArray *order;

  /* Always create the outputs, even for an empty document: the core checks
   * after process() that everything in .provides exists. */
  if ((out = nlp_document_add_layer (doc, "keywords", error)) == NULL
      || (phrase = nlp_layer_add_column (out, "phrase", NLP_COLUMN_STRING, error)) == NULL
      || (rank = nlp_layer_add_column (out, "rank", NLP_COLUMN_INT, error)) == NULL
      || (score = nlp_layer_add_column (out, "score", NLP_COLUMN_DOUBLE, error)) == NULL)
    return FALSE;

  g_array_set_size (w->candidates, 0);
  g_array_set_size (w->phrases, 0);
  g_hash_table_remove_all (w->phrase_index);
  g_hash_table_remove_all (w->words);
  find_candidates (w, &t, tokens, sentences);
  order = rank_phrases (w);

  for (guint i = 0; i < w->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (w->candidates, Candidate, i);
      const Phrase *p = &g_array_index (w->phrases, Phrase, c->phrase);
      guint row;

      if (p->rank == 0)
        continue;
      row = nlp_layer_add_span (out, nlp_layer_get_start (tokens, c->first),
                                nlp_layer_get_end (tokens, c->first + c->n - 1));
      nlp_column_set_string (phrase, row, p->text);
      nlp_column_set_int (rank, row, p->rank);
      nlp_column_set_double (score, row, p->score);
    }

  nlp_json_text_reset (j);
  nlp_json_text_begin_array (j);
  for (guint i = 0; i < order->len; i++)
    {
      const Phrase *p = order->pdata[i];
      nlp_json_text_begin_object (j);
      nlp_json_text_key (j, "phrase");
      nlp_json_text_string (j, p->text, -1);
      nlp_json_text_key (j, "score");
      nlp_json_text_double (j, p->score);
      nlp_json_text_key (j, "count");
      nlp_json_text_int (j, p->count);
      nlp_json_text_end_object (j);
    }
  nlp_json_text_end_array (j);
  nlp_document_set_json_text (doc, "keywords", j);
  g_ptr_array_unref (order);
  return TRUE;
}

NLP_STAGE_DEFINE (keywords,
  .version = "1.0",
  .summary = "Top keyphrases of each document (RAKE over stems)",
  .licence = "LGPL-2.1-or-later",
  .author = "The nlpipe developers",
  .languages = NLP_NAMES ("en"),        /* its stopword list is English */
  .requires = NLP_NAMES ("token", "token.norm", "token.kind", "token.stem", "sentence"),
  /* Under an alias (top=keywords) the core renames these for the
   * instance: layer "top", attribute doc.top. */
  .provides = NLP_NAMES ("keywords", "keywords.phrase", "keywords.rank",
                         "keywords.score", "doc.keywords"),
  .options = keywords_options,
  .model_new = keywords_model_new,
  .model_free = keywords_model_free,
  .worker_new = keywords_worker_new,
  .worker_free = keywords_worker_free,
  .process = keywords_process);
