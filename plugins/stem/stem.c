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

/* The cache: open addressing over a power-of-two table, compared by a
 * 64-bit hash and the length before any byte (GHashTable's string hash and
 * strcmp were a third of the stage's time).  It starts over when half
 * full, which bounds a worker's memory on endless input while holding the
 * vocabulary of typical news. */
#define STEM_CACHE_SLOTS (1u << 17)

typedef struct {
  guint64     hash;             /* 0: empty */
  const char *word;             /* in strings */
  const char *stem;
  guint32     word_len;
  guint32     stem_len;
} StemEntry;

typedef struct {
  const StemModel   *model;
  struct sb_stemmer *stemmer;
  StemEntry         *slots;
  guint              used;
  GStringChunk      *strings;
} StemWorker;

/* FNV-1a, never 0 (0 marks an empty slot). */
static inline guint64
word_hash (const char *s, gsize len)
{
  guint64 h = 0xcbf29ce484222325ull;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 0x100000001b3ull;
  return h | 1;
}

/* The slot of @word: its entry, or the empty slot where it belongs. */
static inline StemEntry *
cache_slot (StemWorker *worker, const char *word, gsize len, guint64 h)
{
  guint mask = STEM_CACHE_SLOTS - 1, i = (guint) (h >> 20) & mask;

  for (;;)
    {
      StemEntry *e = &worker->slots[i];
      if (e->hash == 0
          || (e->hash == h && e->word_len == len && memcmp (e->word, word, len) == 0))
        return e;
      i = (i + 1) & mask;
    }
}

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
  worker->slots = g_new0 (StemEntry, STEM_CACHE_SLOTS);
  worker->strings = g_string_chunk_new (1 << 16);
  if (worker->stemmer == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "stem: libstemmer has no UTF-8 stemmer for '%s'",
                   model->language);
      g_free (worker->slots);
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
  g_free (worker->slots);
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
      const char *word, *k;
      const sb_symbol *out;
      gsize len;
      guint64 h;
      StemEntry *e;

      /* Only words are stemmed: numbers, punctuation, URLs keep no stem. */
      k = kind != NULL ? nlp_column_get_string (kind, i) : "word";
      if (k == NULL || k[0] != 'w' || strcmp (k, "word") != 0)
        continue;
      word = norm != NULL ? nlp_column_get_string (norm, i) : NULL;
      if (word == NULL)
        {
          const char *text = nlp_layer_get_text (tokens, i, &len);
          word = nlp_document_intern_len (doc, text, len);
        }
      else
        len = strlen (word);
      h = word_hash (word, len);
      e = cache_slot (worker, word, len, h);
      if (e->hash == 0)
        {
          out = sb_stemmer_stem (worker->stemmer, (const sb_symbol *) word, (int) len);
          if (out == NULL)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                           "stem: out of memory stemming token %u", i);
              return FALSE;
            }
          if (worker->used >= STEM_CACHE_SLOTS / 2)
            {
              memset (worker->slots, 0, STEM_CACHE_SLOTS * sizeof (StemEntry));
              g_string_chunk_clear (worker->strings);
              worker->used = 0;
              e = cache_slot (worker, word, len, h);
            }
          e->hash = h;
          e->word = g_string_chunk_insert_len (worker->strings, word, (gssize) len);
          e->word_len = (guint32) len;
          e->stem_len = (guint32) sb_stemmer_length (worker->stemmer);
          e->stem = g_string_chunk_insert_len (worker->strings, (const char *) out,
                                               e->stem_len);
          worker->used++;
        }
      /* the cache may start over while this document still needs the
       * string: copy it into the document */
      nlp_column_set_string_len (stem, i, e->stem, e->stem_len);
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
