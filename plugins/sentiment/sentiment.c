/* sentiment — VADER scores for each sentence, the document and each entity.
 *
 * The scoring itself is plugins/sentiment/vader.c; this file is the stage
 * glue.  The lexicon is loaded once per process (the model) and shared
 * read-only; each worker thread owns the scorer's scratch buffers and the
 * table that gathers per-entity sentiment, so a document costs no
 * per-token allocation.
 *
 * Sentence values are stored rounded as the reference prints them (3
 * decimals for the shares, 4 for compound), so they equal what a VADER user
 * sees; the document and entity means are taken over those values.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "vader.h"

typedef struct {
  VaderLexicon *lex;
  VaderFlags    flags;
  double        positive;       /* thresholds on compound */
  double        negative;
  gboolean      whole_document;
  char        **entity_labels;  /* labels scored per entity; NULL: all */
  char         *entity_layer;   /* the entity layer it reads ("entity") */
} SentimentModel;

typedef struct {
  const char *label;            /* entity label of the first mention */
  double      sum;              /* of the compounds of its sentences */
  guint       sentences;
  guint       last_sentence;    /* counts each sentence once */
} EntityTally;

typedef struct {
  const SentimentModel *model;
  VaderScratch *scratch;
  GArray       *compounds;      /* per sentence of the current document */
  GHashTable   *entities;       /* name (arena string) -> EntityTally */
  GPtrArray    *order;          /* names in order of first mention */
  NlpJsonText  *json;           /* the document attributes, as text */
} SentimentWorker;

static const NlpOptionSpec sentiment_options[] = {
  NLP_OPTION_PATH_SPEC ("lexicon", "",
                        "lexicon replacing vader_lexicon.txt (same format: WORD TAB MEAN ...)"),
  NLP_OPTION_PATH_SPEC ("domain-lexicon", "",
                        "domain lexicon in the same format, added over the VADER lexicon (its entries win)"),
  NLP_OPTION_DOUBLE_SPEC ("positive-threshold", "0.05", 0.0, 1.0,
                          "a compound at or above this is positive"),
  NLP_OPTION_DOUBLE_SPEC ("negative-threshold", "-0.05", -1.0, 0.0,
                          "a compound at or below this is negative"),
  NLP_OPTION_BOOL_SPEC ("whole-document", "false",
                        "also score the whole text as one (doc.sentiment.document)"),
  NLP_OPTION_STRING_SPEC ("entity-labels", "PER,LOC,ORG,MISC",
                          "entity labels that get entity_sentiment (comma-separated; empty: all)"),
  NLP_OPTION_STRING_SPEC ("entities", "entity",
                          "the layer of entities that get entity_sentiment (an entity stage's "
                          "instance name, e.g. ner for ner=entity)"),
  NLP_OPTION_BOOL_SPEC ("fix-but", "false",
                        "fix VADER's 'but' quirk (changes 12 of 15,795 reference sentences)"),
  NLP_OPTION_END
};

static void
sentiment_model_free (gpointer data)
{
  SentimentModel *model = data;

  if (model == NULL)
    return;
  vader_lexicon_free (model->lex);
  g_strfreev (model->entity_labels);
  g_free (model->entity_layer);
  g_free (model);
}

static gpointer
sentiment_model_new (const NlpStageEnv *env, GError **error)
{
  static const char *const names[] = {
    "vader_lexicon.txt", "emoji_utf8_lexicon.txt", "boosters.tsv",
    "negations.txt", "special-cases.tsv",
  };
  SentimentModel *model = g_new0 (SentimentModel, 1);
  char *files[G_N_ELEMENTS (names)] = { NULL };
  const char *lexicon = nlp_stage_env_get_string (env, "lexicon");
  const char *labels;
  VaderPaths paths;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (names); i++)
    {
      if (i == 0 && lexicon != NULL && *lexicon != '\0')
        files[i] = g_strdup (lexicon);
      else
        ok = (files[i] = nlp_stage_env_find_data (env, names[i], error)) != NULL;
    }
  if (ok)
    {
      paths = (VaderPaths) { files[0], files[1], files[2], files[3], files[4],
                             nlp_stage_env_get_string (env, "domain-lexicon") };
      model->lex = vader_lexicon_load (&paths, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_free (files[i]);
  if (model->lex == NULL)
    {
      sentiment_model_free (model);
      return NULL;
    }
  model->flags = nlp_stage_env_get_bool (env, "fix-but") ? VADER_FLAG_FIX_BUT
                                                          : VADER_FLAG_NONE;
  model->positive = nlp_stage_env_get_double (env, "positive-threshold");
  model->negative = nlp_stage_env_get_double (env, "negative-threshold");
  model->whole_document = nlp_stage_env_get_bool (env, "whole-document");
  model->entity_layer = g_strdup (nlp_stage_env_get_string (env, "entities"));
  labels = nlp_stage_env_get_string (env, "entity-labels");
  if (labels != NULL && *labels != '\0')
    {
      model->entity_labels = g_strsplit (labels, ",", -1);
      for (guint i = 0; model->entity_labels[i] != NULL; i++)
        g_strstrip (model->entity_labels[i]);
    }
  return model;
}

static gpointer
sentiment_worker_new (gpointer data, GError **error)
{
  SentimentWorker *worker = g_new0 (SentimentWorker, 1);

  worker->model = data;
  worker->scratch = vader_scratch_new ();
  worker->compounds = g_array_new (FALSE, FALSE, sizeof (double));
  worker->entities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  worker->order = g_ptr_array_new ();
  worker->json = nlp_json_text_new ();
  return worker;
}

static void
sentiment_worker_free (gpointer data)
{
  SentimentWorker *worker = data;

  vader_scratch_free (worker->scratch);
  g_array_free (worker->compounds, TRUE);
  g_hash_table_unref (worker->entities);
  g_ptr_array_free (worker->order, TRUE);
  nlp_json_text_free (worker->json);
  g_free (worker);
}

enum { POSITIVE, NEUTRAL, NEGATIVE };
static const char *const polarity_names[] = { "positive", "neutral", "negative" };

static guint
polarity (const SentimentModel *model, double compound)
{
  if (compound >= model->positive)
    return POSITIVE;
  if (compound <= model->negative)
    return NEGATIVE;
  return NEUTRAL;
}

/* The mean rounded as the reference rounds a compound. */
static double
mean_compound (double sum, guint n)
{
  VaderScores s = { .compound = n ? sum / n : 0.0 };

  vader_scores_round (&s);
  return s.compound;
}

static void
scores_object (NlpJsonText *j, const VaderScores *s)
{
  nlp_json_text_begin_object (j);
  nlp_json_text_key (j, "compound");
  nlp_json_text_double (j, s->compound);
  nlp_json_text_key (j, "pos");
  nlp_json_text_double (j, s->pos);
  nlp_json_text_key (j, "neu");
  nlp_json_text_double (j, s->neu);
  nlp_json_text_key (j, "neg");
  nlp_json_text_double (j, s->neg);
  nlp_json_text_end_object (j);
}

static gboolean
score_sentences (SentimentWorker *worker, NlpDocument *doc, NlpLayer *sentences,
                 GError **error)
{
  const SentimentModel *model = worker->model;
  NlpColumn *cols[4];
  static const char *const names[4] = {
    "sentiment", "sentiment_pos", "sentiment_neu", "sentiment_neg",
  };
  guint n = nlp_layer_get_n_rows (sentences), counts[3] = { 0, 0, 0 };
  double sum = 0;
  NlpJsonText *j = worker->json;

  for (guint c = 0; c < 4; c++)
    if ((cols[c] = nlp_layer_add_column (sentences, names[c], NLP_COLUMN_DOUBLE,
                                         error)) == NULL)
      return FALSE;
  g_array_set_size (worker->compounds, n);
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *text = nlp_layer_get_text (sentences, i, &len);
      VaderScores s;

      vader_score (model->lex, worker->scratch, text, len, model->flags, &s);
      vader_scores_round (&s);
      nlp_column_set_double (cols[0], i, s.compound);
      nlp_column_set_double (cols[1], i, s.pos);
      nlp_column_set_double (cols[2], i, s.neu);
      nlp_column_set_double (cols[3], i, s.neg);
      g_array_index (worker->compounds, double, i) = s.compound;
      sum += s.compound;
      counts[polarity (model, s.compound)]++;
    }

  nlp_json_text_reset (j);
  nlp_json_text_begin_object (j);
  nlp_json_text_key (j, "compound");
  nlp_json_text_double (j, mean_compound (sum, n));
  for (guint p = POSITIVE; p <= NEGATIVE; p++)
    {
      nlp_json_text_key (j, polarity_names[p]);
      nlp_json_text_int (j, counts[p]);
    }
  nlp_json_text_key (j, "sentences");
  nlp_json_text_int (j, n);
  if (model->whole_document)
    {
      gsize len;
      const char *text = nlp_document_get_text (doc, &len);
      VaderScores s;

      vader_score (model->lex, worker->scratch, text, len, model->flags, &s);
      vader_scores_round (&s);
      nlp_json_text_key (j, "document");
      scores_object (j, &s);
    }
  nlp_json_text_end_object (j);
  nlp_document_set_json_text (doc, "sentiment", j);
  return TRUE;
}

/* entity_sentiment: each entity (by canonical name) gets the mean compound
 * of the sentences that mention it.  Rule types (DATE, MONEY ...) are left
 * out by default: "eight minutes" has no opinion to report. */
static void
score_entities (SentimentWorker *worker, NlpDocument *doc, NlpLayer *sentences,
                NlpLayer *entities)
{
  NlpColumn *canonical = nlp_layer_get_column (entities, "canonical");
  NlpColumn *label = nlp_layer_get_column (entities, "label");
  guint n = nlp_layer_get_n_rows (entities);
  NlpJsonText *j = worker->json;

  for (guint e = 0; e < n; e++)
    {
      guint s = nlp_layer_find_covering (sentences, nlp_layer_get_start (entities, e));
      const char *name = canonical ? nlp_column_get_string (canonical, e) : NULL;
      const char *lab = label ? nlp_column_get_string (label, e) : NULL;
      const SentimentModel *model = worker->model;
      EntityTally *tally;

      if (s == NLP_NO_ROW
          || (model->entity_labels != NULL
              && (lab == NULL || !g_strv_contains ((const char *const *) model->entity_labels, lab))))
        continue;
      if (name == NULL || *name == '\0')
        {
          gsize len;
          const char *text = nlp_layer_get_text (entities, e, &len);
          name = nlp_document_intern_len (doc, text, len);
        }
      tally = g_hash_table_lookup (worker->entities, name);
      if (tally == NULL)
        {
          tally = g_new0 (EntityTally, 1);
          tally->label = lab;
          tally->last_sentence = NLP_NO_ROW;
          g_hash_table_insert (worker->entities, (gpointer) name, tally);
          g_ptr_array_add (worker->order, (gpointer) name);
        }
      if (tally->last_sentence == s)
        continue;
      tally->last_sentence = s;
      tally->sum += g_array_index (worker->compounds, double, s);
      tally->sentences++;
    }

  nlp_json_text_reset (j);
  nlp_json_text_begin_object (j);
  for (guint i = 0; i < worker->order->len; i++)
    {
      const char *name = g_ptr_array_index (worker->order, i);
      EntityTally *tally = g_hash_table_lookup (worker->entities, name);
      double mean = mean_compound (tally->sum, tally->sentences);

      /* names are distinct (the table above): one member each */
      nlp_json_text_key (j, name);
      nlp_json_text_begin_object (j);
      if (tally->label != NULL)
        {
          nlp_json_text_key (j, "label");
          nlp_json_text_string (j, tally->label, -1);
        }
      nlp_json_text_key (j, "compound");
      nlp_json_text_double (j, mean);
      nlp_json_text_key (j, "sentences");
      nlp_json_text_int (j, tally->sentences);
      nlp_json_text_key (j, "polarity");
      nlp_json_text_string (j, polarity_names[polarity (worker->model, mean)], -1);
      nlp_json_text_end_object (j);
    }
  nlp_json_text_end_object (j);
  g_hash_table_remove_all (worker->entities);
  g_ptr_array_set_size (worker->order, 0);
  nlp_document_set_json_text (doc, "entity_sentiment", j);
}

static gboolean
sentiment_process (gpointer data, NlpDocument *doc, GError **error)
{
  SentimentWorker *worker = data;
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  NlpLayer *entities = nlp_document_get_layer (doc, worker->model->entity_layer);

  if (!score_sentences (worker, doc, sentences, error))
    return FALSE;
  if (entities != NULL)
    score_entities (worker, doc, sentences, entities);
  return TRUE;
}

NLP_STAGE_DEFINE (sentiment,
  .version = "1.0",
  .summary = "VADER sentiment of sentences, the document and each entity",
  .licence = "LGPL-2.1-or-later AND MIT",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/sentiment.md",
  .languages = NLP_NAMES ("en"),
  .requires = NLP_NAMES ("sentence"),
  .provides = NLP_NAMES ("sentence.sentiment", "sentence.sentiment_pos",
                         "sentence.sentiment_neu", "sentence.sentiment_neg",
                         "doc.sentiment", "doc.entity_sentiment"),
  .options = sentiment_options,
  .model_new = sentiment_model_new,
  .model_free = sentiment_model_free,
  .worker_new = sentiment_worker_new,
  .worker_free = sentiment_worker_free,
  .process = sentiment_process);
