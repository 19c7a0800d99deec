/* stem — Snowball stems (libstemmer) for word tokens: token.stem.
 *
 * language=auto (the default) stems each document in the language the
 * lang stage found (doc.lang), English when it is unknown; a language
 * libstemmer has no algorithm for keeps its words as they are (the norm).
 * An sb_stemmer is not thread-safe, so each worker thread owns one per
 * language it met; the model only holds the option.  News text is
 * Zipfian: a per-worker, per-language cache of word -> stem answers most
 * tokens without running the Snowball algorithm.
 */
#include <string.h>
#include <libstemmer.h>
#include "nlpipe-stage.h"

typedef struct {
  char *language;     /* a libstemmer algorithm, or "auto" */
} StemModel;

/* The cache, built for the CPU cache: News vocabulary is Zipfian, so
 * what matters is that the hot words' slots and records stay in L1/L2.
 * Slots are 8 bytes (a 32-bit hash and the record's offset) in a table
 * that doubles as it fills, and the records (lengths, word, stem) are
 * packed in one buffer in order of first sight, so the frequent words sit
 * together at its start.  A table of 32-byte entries sized for the worst
 * case (4 MiB) missed L2 on half the look-ups.  The cache starts over at
 * STEM_CACHE_MAX words, which bounds a worker's memory on endless input
 * while holding the vocabulary of typical news (the 2,225 BBC articles
 * use 32k distinct words). */
#define STEM_CACHE_MIN_BITS 12
#define STEM_CACHE_MAX_BITS 17
#define STEM_CACHE_MAX (1u << (STEM_CACHE_MAX_BITS - 1))
/* longer words are stemmed every time (no real word is this long) */
#define STEM_CACHE_MAX_WORD 1024

typedef struct {
  guint32 hash;                 /* 0: empty */
  guint32 record;               /* offset in records */
} StemSlot;

/* Followed by the word's bytes, then (unless same) the stem's. */
typedef struct {
  guint16 word_len;
  guint16 stem_len;
  guint32 same;                 /* the stem is the word itself */
} StemRecord;

/* One language's stemmer and cache. */
typedef struct {
  const char        *algorithm; /* libstemmer's name (static) */
  struct sb_stemmer *stemmer;
  StemSlot          *slots;
  guint              bits;      /* slots has 1 << bits entries */
  guint              used;
  char              *records;
  gsize              records_len;
  gsize              records_cap;
} StemCache;

/* libstemmer's algorithms: at most this many caches per worker */
#define STEM_MAX_LANGUAGES 48

typedef struct {
  const StemModel   *model;
  StemCache         *caches[STEM_MAX_LANGUAGES];
  guint              n_caches;
} StemWorker;

static inline guint64
load64 (const char *p)
{
  guint64 v;
  memcpy (&v, p, sizeof v);
  return v;
}

static inline guint32
load32 (const char *p)
{
  guint32 v;
  memcpy (&v, p, sizeof v);
  return v;
}

static inline guint64
mix (guint64 h)
{
  h *= 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

/* A hash of @s that reads it 8 bytes at a time (FNV-1a's byte loop was a
 * chain of multiplies per character); never 0, which marks an empty slot. */
static inline guint32
word_hash (const char *s, gsize len)
{
  guint64 h = 0xcbf29ce484222325ull ^ len;

  if (len >= 8)
    {
      const char *last = s + len - 8;
      for (; s < last; s += 8)
        h = mix (h ^ load64 (s));
      h = mix (h ^ load64 (last));      /* overlaps the previous chunk */
    }
  else if (len >= 4)
    h = mix (h ^ ((guint64) load32 (s) << 32 | load32 (s + len - 4)));
  else if (len > 0)
    h = mix (h ^ ((guint64) (guchar) s[0] << 16 | (guint64) (guchar) s[len / 2] << 8
                  | (guchar) s[len - 1]));
  h = mix (h);
  return (guint32) h | 1;
}

/* memcmp (a, b, len) == 0 for the short strings of words, with the loads
 * of word_hash instead of a library call per token. */
static inline gboolean
same_bytes (const char *a, const char *b, gsize len)
{
  if (len >= 8)
    {
      for (gsize i = 0; i + 8 < len; i += 8)
        if (load64 (a + i) != load64 (b + i))
          return FALSE;
      return load64 (a + len - 8) == load64 (b + len - 8);
    }
  if (len >= 4)
    return load32 (a) == load32 (b) && load32 (a + len - 4) == load32 (b + len - 4);
  /* three bytes or fewer: these positions cover them all */
  return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]);
}

static inline const StemRecord *
record_at (const StemCache *cache, guint32 offset)
{
  return (const StemRecord *) (gpointer) (cache->records + offset);
}

/* The slot of @word: its record, or the empty slot where it belongs.
 * The table index comes from the hash's top bits, so that growing the
 * table needs no word to be hashed again. */
static inline StemSlot *
cache_slot (StemCache *cache, const char *word, gsize len, guint32 h)
{
  guint mask = (1u << cache->bits) - 1, i = h >> (32 - cache->bits);

  for (;;)
    {
      StemSlot *slot = &cache->slots[i];
      const StemRecord *r;

      if (slot->hash == 0)
        return slot;
      r = record_at (cache, slot->record);
      if (slot->hash == h && r->word_len == len
          && same_bytes ((const char *) (r + 1), word, len))
        return slot;
      i = (i + 1) & mask;
    }
}

/* Zeroed by writing, not calloc: calloc's untouched pages map the shared
 * zero page on the first read, and the first write then costs a
 * copy-on-write fault with a TLB shoot-down across every cache's CPU. */
static StemSlot *
slots_new (guint bits)
{
  StemSlot *slots = g_new (StemSlot, (gsize) 1 << bits);
  memset (slots, 0, sizeof (StemSlot) << bits);
  return slots;
}

static void
cache_reset (StemCache *cache, guint bits)
{
  g_free (cache->slots);
  cache->slots = slots_new (bits);
  cache->bits = bits;
  cache->used = 0;
  cache->records_len = 0;
}

static void
cache_grow (StemCache *cache)
{
  StemSlot *old = cache->slots;
  guint n_old = 1u << cache->bits, bits = cache->bits + 1;
  guint mask = (1u << bits) - 1;

  cache->slots = slots_new (bits);
  cache->bits = bits;
  for (guint k = 0; k < n_old; k++)
    if (old[k].hash != 0)
      {
        guint i = old[k].hash >> (32 - bits);
        while (cache->slots[i].hash != 0)
          i = (i + 1) & mask;
        cache->slots[i] = old[k];
      }
  g_free (old);
}

/* Records the stem @out (@out_len bytes) of @word; returns its record. */
static const StemRecord *
cache_add (StemCache *cache, StemSlot *slot, const char *word, gsize len,
           guint32 h, const char *out, gsize out_len)
{
  gboolean same = out_len == len && memcmp (out, word, len) == 0;
  gsize size = sizeof (StemRecord) + len + (same ? 0 : out_len);
  StemRecord *r;

  size = (size + 3) & ~(gsize) 3;       /* records stay 4-byte aligned */
  if (cache->records_len + size > cache->records_cap)
    {
      cache->records_cap = MAX (cache->records_cap * 2, cache->records_len + size);
      cache->records = g_realloc (cache->records, cache->records_cap);
    }
  r = (StemRecord *) (gpointer) (cache->records + cache->records_len);
  r->word_len = (guint16) len;
  r->stem_len = (guint16) out_len;
  r->same = same;
  memcpy (r + 1, word, len);
  if (!same)
    memcpy ((char *) (r + 1) + len, out, out_len);
  slot->hash = h;
  slot->record = (guint32) cache->records_len;
  cache->records_len += size;
  return r;
}

/* "auto" and libstemmer's algorithms: built once (libstemmer's list is
 * static), leaked at exit like GLib's own once-data. */
static gpointer
build_choices (gpointer unused)
{
  const char **list = sb_stemmer_list ();
  guint n = 0;
  const char **choices;

  while (list[n] != NULL)
    n++;
  choices = g_new (const char *, n + 2);
  choices[0] = "auto";
  memcpy (choices + 1, list, (n + 1) * sizeof *list);
  return choices;
}

static const char *const *
stem_languages (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_choices, NULL);
}

static const NlpOptionSpec stem_options[] = {
  { .name = "language", .type = NLP_OPTION_CHOICE, .default_value = "auto",
    .help = "Snowball algorithm (every language libstemmer lists), or auto: "
            "each document's doc.lang (English when unknown)",
    .list_choices = stem_languages },
  NLP_OPTION_END
};

/* The algorithm for an ISO 639-1 code, NULL for a language libstemmer
 * has none for.  Croatian and Bosnian take the Serbian algorithm (one
 * morphology, written in Latin script), Malay the Indonesian one, and
 * Norwegian Nynorsk the Norwegian one (written for Bokmål). */
static const char *
algorithm_of (const char *lang)
{
  static const char *const map[][2] = {
    { "ar", "arabic" }, { "hy", "armenian" }, { "eu", "basque" },
    { "ca", "catalan" }, { "da", "danish" }, { "nl", "dutch" },
    { "en", "english" }, { "fi", "finnish" }, { "fr", "french" },
    { "de", "german" }, { "el", "greek" }, { "hi", "hindi" },
    { "hu", "hungarian" }, { "id", "indonesian" }, { "ms", "indonesian" },
    { "ga", "irish" }, { "it", "italian" }, { "lt", "lithuanian" },
    { "ne", "nepali" }, { "no", "norwegian" }, { "nb", "norwegian" },
    { "nn", "norwegian" }, { "pt", "portuguese" }, { "ro", "romanian" },
    { "ru", "russian" }, { "sr", "serbian" }, { "hr", "serbian" },
    { "bs", "serbian" }, { "es", "spanish" }, { "sv", "swedish" },
    { "ta", "tamil" }, { "tr", "turkish" }, { "yi", "yiddish" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i][0], lang) == 0)
      return map[i][1];
  return NULL;
}

static gpointer
stem_model_new (const NlpStageEnv *env, GError **error)
{
  StemModel *model = g_new0 (StemModel, 1);
  model->language = g_strdup (nlp_stage_env_get_string (env, "language"));
  return model;
}

static void
stem_model_free (gpointer data)
{
  StemModel *model = data;
  g_free (model->language);
  g_free (model);
}

static void
cache_free (StemCache *cache)
{
  sb_stemmer_delete (cache->stemmer);
  g_free (cache->slots);
  g_free (cache->records);
  g_free (cache);
}

/* (transfer full) a stemmer and an empty cache for @algorithm. */
static StemCache *
cache_new (const char *algorithm, GError **error)
{
  StemCache *cache = g_new0 (StemCache, 1);

  cache->algorithm = algorithm;
  cache->stemmer = sb_stemmer_new (algorithm, "UTF_8");
  if (cache->stemmer == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "stem: libstemmer has no UTF-8 stemmer for '%s'", algorithm);
      g_free (cache);
      return NULL;
    }
  cache_reset (cache, STEM_CACHE_MIN_BITS);
  return cache;
}

/* The worker's cache for @algorithm (a string of libstemmer's list or of
 * algorithm_of), made on first use. */
static StemCache *
cache_for (StemWorker *worker, const char *algorithm, GError **error)
{
  StemCache *cache;

  for (guint i = 0; i < worker->n_caches; i++)
    if (strcmp (worker->caches[i]->algorithm, algorithm) == 0)
      return worker->caches[i];
  if (worker->n_caches == STEM_MAX_LANGUAGES)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "stem: more than %d stemming languages in one worker",
                   STEM_MAX_LANGUAGES);
      return NULL;
    }
  cache = cache_new (algorithm, error);
  if (cache != NULL)
    worker->caches[worker->n_caches++] = cache;
  return cache;
}

static gpointer
stem_worker_new (gpointer data, GError **error)
{
  StemModel *model = data;
  StemWorker *worker = g_new0 (StemWorker, 1);
  const char *const *choices = stem_languages ();

  worker->model = model;
  /* a fixed algorithm is made now, so that a bad one fails the chain */
  for (guint i = 1; choices[i] != NULL; i++)
    if (strcmp (choices[i], model->language) == 0 && cache_for (worker, choices[i], error) == NULL)
      {
        g_free (worker);
        return NULL;
      }
  return worker;
}

static void
stem_worker_free (gpointer data)
{
  StemWorker *worker = data;

  for (guint i = 0; i < worker->n_caches; i++)
    cache_free (worker->caches[i]);
  g_free (worker);
}

/* Empties the cache, keeping its table size and record buffer. */
static void
cache_clear (StemCache *cache)
{
  memset (cache->slots, 0, sizeof (StemSlot) << cache->bits);
  cache->used = 0;
  cache->records_len = 0;
}

/* The algorithm for @doc: the option's, or under auto its doc.lang's
 * (English when it has none, or "und"); NULL: the words are their own
 * stems. */
static const char *
document_algorithm (const StemModel *model, NlpDocument *doc)
{
  gint a;
  const char *lang;

  if (strcmp (model->language, "auto") != 0)
    return model->language;
  a = nlp_document_find_attr (doc, "lang");
  if (a < 0 || nlp_document_get_attr_type (doc, a) != NLP_VALUE_STRING)
    return "english";
  lang = nlp_document_get_attr_string (doc, a);
  if (lang == NULL || strcmp (lang, "und") == 0)
    return "english";
  return algorithm_of (lang);
}

/* A word's kind: the kinds are usually one shared string, so compare
 * pointers first (only within a document, whose strings cannot move). */
static inline gboolean
is_word (NlpColumn *kind, guint i, const char **word_kind)
{
  const char *k = kind != NULL ? nlp_column_get_string (kind, i) : "word";

  if (k != *word_kind)
    {
      if (k == NULL || k[0] != 'w' || strcmp (k, "word") != 0)
        return FALSE;
      *word_kind = k;
    }
  return TRUE;
}

static const char *
word_norm (NlpDocument *doc, NlpLayer *tokens, NlpColumn *norm, guint i, gsize *len)
{
  const char *word = norm != NULL ? nlp_column_get_string (norm, i) : NULL;

  if (word == NULL)
    {
      const char *text = nlp_layer_get_text (tokens, i, len);
      return nlp_document_intern_len (doc, text, *len);
    }
  *len = strlen (word);
  return word;
}

static gboolean
stem_process (gpointer data, NlpDocument *doc, GError **error)
{
  StemWorker *w = data;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *norm = nlp_layer_get_column (tokens, "norm");
  NlpColumn *kind = nlp_layer_get_column (tokens, "kind");
  NlpColumn *stem;
  guint n = nlp_layer_get_n_rows (tokens);
  const char *word_kind = NULL;
  const char *algorithm = document_algorithm (w->model, doc);
  StemCache *cache = NULL;

  stem = nlp_layer_add_column (tokens, "stem", NLP_COLUMN_STRING, error);
  if (stem == NULL)
    return FALSE;
  if (algorithm != NULL && (cache = cache_for (w, algorithm, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *word;
      const sb_symbol *out;
      gsize len, out_len;
      guint32 h;
      StemSlot *slot;
      const StemRecord *r;

      /* Only words are stemmed: numbers, punctuation, URLs keep no stem. */
      if (!is_word (kind, i, &word_kind))
        continue;
      word = word_norm (doc, tokens, norm, i, &len);
      if (cache == NULL)
        {
          /* no algorithm for the language: the word is its stem */
          nlp_column_set_static_string (stem, i, word);
          continue;
        }
      h = word_hash (word, len);
      slot = len <= STEM_CACHE_MAX_WORD ? cache_slot (cache, word, len, h) : NULL;
      if (slot != NULL && slot->hash != 0)
        r = record_at (cache, slot->record);
      else
        {
          out = sb_stemmer_stem (cache->stemmer, (const sb_symbol *) word, (int) len);
          if (out == NULL)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                           "stem: out of memory stemming token %u", i);
              return FALSE;
            }
          out_len = (gsize) sb_stemmer_length (cache->stemmer);
          if (slot == NULL || out_len > G_MAXUINT16)
            {
              nlp_column_set_string_len (stem, i, (const char *) out, out_len);
              continue;
            }
          if (cache->used >= STEM_CACHE_MAX)
            cache_clear (cache);
          else if ((cache->used + 1) * 2 > 1u << cache->bits)
            cache_grow (cache);
          slot = cache_slot (cache, word, len, h);
          r = cache_add (cache, slot, word, len, h, (const char *) out, out_len);
          cache->used++;
        }
      if (r->same)
        /* most words are their own stem (72% of BBC's): share the norm,
         * which the document owns, instead of copying it */
        nlp_column_set_static_string (stem, i, word);
      else
        /* the cache may start over while this document still needs the
         * string: copy it into the document */
        nlp_column_set_string_len (stem, i, (const char *) (r + 1) + r->word_len,
                                   r->stem_len);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (stem,
  .version = "1.0",
  .summary = "Snowball stems of word tokens (libstemmer)",
  .licence = "LGPL-2.1-or-later",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/stem.md",
  .requires = NLP_NAMES ("token", "token.norm", "token.kind"),
  .provides = NLP_NAMES ("token.stem"),
  .options = stem_options,
  .model_new = stem_model_new,
  .model_free = stem_model_free,
  .worker_new = stem_worker_new,
  .worker_free = stem_worker_free,
  .process = stem_process);
