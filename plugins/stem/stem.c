/* stem — Snowball stems (libstemmer) for word tokens: token.stem.
 *
 * The sb_stemmer is not thread-safe, so each worker thread owns one; the
 * model only holds the validated language name.  News text is Zipfian: a
 * per-worker cache of word -> stem answers most tokens without running the
 * Snowball algorithm.
 */
#include <string.h>
#include <libstemmer.h>
#include "nlpipe-stage.h"

typedef struct {
  char *language;
  char *column;       /* the instance name: "stem", or its alias */
} StemModel;

/* Entries kept before the cache starts over: bounds a worker's memory on
 * endless input while holding the vocabulary of typical news. */
#define STEM_CACHE_MAX 200000

typedef struct {
  const StemModel   *model;
  struct sb_stemmer *stemmer;
  GHashTable        *cache;     /* word -> stem, both in strings */
  GStringChunk      *strings;
} StemWorker;

static const char *const *
stem_languages (void)
{
  return (const char *const *) sb_stemmer_list ();
}

static const NlpOptionSpec stem_options[] = {
  { .name = "language", .type = NLP_OPTION_CHOICE, .default_value = "english",
    .help = "Snowball algorithm (every language libstemmer lists)",
    .list_choices = stem_languages },
  NLP_OPTION_END
};

static gpointer
stem_model_new (const NlpStageEnv *env, GError **error)
{
  StemModel *model = g_new0 (StemModel, 1);
  model->language = g_strdup (nlp_stage_env_get_string (env, "language"));
  model->column = g_strdup (nlp_stage_env_get_name (env));
  return model;
}

static void
stem_model_free (gpointer data)
{
  StemModel *model = data;
  g_free (model->language);
  g_free (model->column);
  g_free (model);
}

static gpointer
stem_worker_new (gpointer data, GError **error)
{
  StemModel *model = data;
  StemWorker *worker = g_new0 (StemWorker, 1);

  worker->model = model;
  worker->stemmer = sb_stemmer_new (model->language, "UTF_8");
  worker->cache = g_hash_table_new (g_str_hash, g_str_equal);
  worker->strings = g_string_chunk_new (1 << 16);
  if (worker->stemmer == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "stem: libstemmer has no UTF-8 stemmer for '%s'",
                   model->language);
      g_hash_table_unref (worker->cache);
      g_string_chunk_free (worker->strings);
      g_free (worker);
      return NULL;
    }
  return worker;
}

static void
stem_worker_free (gpointer data)
{
  StemWorker *worker = data;
  sb_stemmer_delete (worker->stemmer);
  g_hash_table_unref (worker->cache);
  g_string_chunk_free (worker->strings);
  g_free (worker);
}

static gboolean
stem_process (gpointer data, NlpDocument *doc, GError **error)
{
  StemWorker *worker = data;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *norm = nlp_layer_get_column (tokens, "norm");
  NlpColumn *kind = nlp_layer_get_column (tokens, "kind");
  NlpColumn *stem;
  guint n = nlp_layer_get_n_rows (tokens);

  stem = nlp_layer_add_column (tokens, worker->model->column, NLP_COLUMN_STRING, error);
  if (stem == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *word, *cached;
      const sb_symbol *out;

      /* Only words are stemmed: numbers, punctuation, URLs keep no stem. */
      if (kind != NULL && g_strcmp0 (nlp_column_get_string (kind, i), "word") != 0)
        continue;
      word = norm != NULL ? nlp_column_get_string (norm, i) : NULL;
      if (word == NULL)
        {
          gsize len;
          const char *text = nlp_layer_get_text (tokens, i, &len);
          word = nlp_document_intern_len (doc, text, len);
        }
      cached = g_hash_table_lookup (worker->cache, word);
      if (cached == NULL)
        {
          out = sb_stemmer_stem (worker->stemmer, (const sb_symbol *) word,
                                 (int) strlen (word));
          if (out == NULL)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                           "stem: out of memory stemming token %u", i);
              return FALSE;
            }
          if (g_hash_table_size (worker->cache) >= STEM_CACHE_MAX)
            {
              g_hash_table_remove_all (worker->cache);
              g_string_chunk_clear (worker->strings);
            }
          cached = g_string_chunk_insert_len (worker->strings, (const char *) out,
                                              sb_stemmer_length (worker->stemmer));
          g_hash_table_insert (worker->cache,
                               g_string_chunk_insert (worker->strings, word),
                               (gpointer) cached);
        }
      /* the cache may start over while this document still needs the
       * string: copy it into the document */
      nlp_column_set_string (stem, i, cached);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (stem,
  .version = "1.0",
  .summary = "Snowball stems of word tokens (libstemmer)",
  .requires = NLP_NAMES ("token", "token.norm", "token.kind"),
  .provides = NLP_NAMES ("token.stem"),
  .options = stem_options,
  .model_new = stem_model_new,
  .model_free = stem_model_free,
  .worker_new = stem_worker_new,
  .worker_free = stem_worker_free,
  .process = stem_process);
