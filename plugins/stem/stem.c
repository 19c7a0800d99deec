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

typedef struct {
  const StemModel   *model;
  struct sb_stemmer *stemmer;
  StemSlot          *slots;
  guint              bits;      /* slots has 1 << bits entries */
  guint              used;
  char              *records;
  gsize              records_len;
  gsize              records_cap;
  const char        *word_kind; /* the last kind string equal to "word" */
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
record_at (const StemWorker *worker, guint32 offset)
{
  return (const StemRecord *) (gpointer) (worker->records + offset);
}

/* The slot of @word: its record, or the empty slot where it belongs.
 * The table index comes from the hash's top bits, so that growing the
 * table needs no word to be hashed again. */
static inline StemSlot *
cache_slot (StemWorker *worker, const char *word, gsize len, guint32 h)
{
  guint mask = (1u << worker->bits) - 1, i = h >> (32 - worker->bits);

  for (;;)
    {
      StemSlot *slot = &worker->slots[i];
      const StemRecord *r;

      if (slot->hash == 0)
        return slot;
      r = record_at (worker, slot->record);
      if (slot->hash == h && r->word_len == len
          && same_bytes ((const char *) (r + 1), word, len))
        return slot;
      i = (i + 1) & mask;
    }
}

/* Zeroed by writing, not calloc: calloc's untouched pages map the shared
 * zero page on the first read, and the first write then costs a
 * copy-on-write fault with a TLB shoot-down across every worker's CPU. */
static StemSlot *
slots_new (guint bits)
{
  StemSlot *slots = g_new (StemSlot, (gsize) 1 << bits);
  memset (slots, 0, sizeof (StemSlot) << bits);
  return slots;
}

static void
cache_reset (StemWorker *worker, guint bits)
{
  g_free (worker->slots);
  worker->slots = slots_new (bits);
  worker->bits = bits;
  worker->used = 0;
  worker->records_len = 0;
}

static void
cache_grow (StemWorker *worker)
{
  StemSlot *old = worker->slots;
  guint n_old = 1u << worker->bits, bits = worker->bits + 1;
  guint mask = (1u << bits) - 1;

  worker->slots = slots_new (bits);
  worker->bits = bits;
  for (guint k = 0; k < n_old; k++)
    if (old[k].hash != 0)
      {
        guint i = old[k].hash >> (32 - bits);
        while (worker->slots[i].hash != 0)
          i = (i + 1) & mask;
        worker->slots[i] = old[k];
      }
  g_free (old);
}

/* Records the stem @out (@out_len bytes) of @word; returns its record. */
static const StemRecord *
cache_add (StemWorker *worker, StemSlot *slot, const char *word, gsize len,
           guint32 h, const char *out, gsize out_len)
{
  gboolean same = out_len == len && memcmp (out, word, len) == 0;
  gsize size = sizeof (StemRecord) + len + (same ? 0 : out_len);
  StemRecord *r;

  size = (size + 3) & ~(gsize) 3;       /* records stay 4-byte aligned */
  if (worker->records_len + size > worker->records_cap)
    {
      worker->records_cap = MAX (worker->records_cap * 2, worker->records_len + size);
      worker->records = g_realloc (worker->records, worker->records_cap);
    }
  r = (StemRecord *) (gpointer) (worker->records + worker->records_len);
  r->word_len = (guint16) len;
  r->stem_len = (guint16) out_len;
  r->same = same;
  memcpy (r + 1, word, len);
  if (!same)
    memcpy ((char *) (r + 1) + len, out, out_len);
  slot->hash = h;
  slot->record = (guint32) worker->records_len;
  worker->records_len += size;
  return r;
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
  return model;
}

static void
stem_model_free (gpointer data)
{
  StemModel *model = data;
  g_free (model->language);
  g_free (model);
}

static gpointer
stem_worker_new (gpointer data, GError **error)
{
  StemModel *model = data;
  StemWorker *worker = g_new0 (StemWorker, 1);

  worker->model = model;
  worker->stemmer = sb_stemmer_new (model->language, "UTF_8");
  if (worker->stemmer == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "stem: libstemmer has no UTF-8 stemmer for '%s'",
                   model->language);
      g_free (worker);
      return NULL;
    }
  cache_reset (worker, STEM_CACHE_MIN_BITS);
  return worker;
}

static void
stem_worker_free (gpointer data)
{
  StemWorker *worker = data;
  sb_stemmer_delete (worker->stemmer);
  g_free (worker->slots);
  g_free (worker->records);
  g_free (worker);
}

/* Empties the cache, keeping its table size and record buffer. */
static void
cache_clear (StemWorker *worker)
{
  memset (worker->slots, 0, sizeof (StemSlot) << worker->bits);
  worker->used = 0;
  worker->records_len = 0;
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
  /* The kinds are usually one shared string: compare pointers first.
   * Only within this document, whose strings cannot move or be freed. */
  const char *word_kind = NULL;

  stem = nlp_layer_add_column (tokens, "stem", NLP_COLUMN_STRING, error);
  if (stem == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *word, *k;
      const sb_symbol *out;
      gsize len, out_len;
      guint32 h;
      StemSlot *slot;
      const StemRecord *r;

      /* Only words are stemmed: numbers, punctuation, URLs keep no stem. */
      k = kind != NULL ? nlp_column_get_string (kind, i) : "word";
      if (k != word_kind)
        {
          if (k == NULL || k[0] != 'w' || strcmp (k, "word") != 0)
            continue;
          word_kind = k;
        }
      word = norm != NULL ? nlp_column_get_string (norm, i) : NULL;
      if (word == NULL)
        {
          const char *text = nlp_layer_get_text (tokens, i, &len);
          word = nlp_document_intern_len (doc, text, len);
        }
      else
        len = strlen (word);
      h = word_hash (word, len);
      slot = len <= STEM_CACHE_MAX_WORD ? cache_slot (worker, word, len, h) : NULL;
      if (slot != NULL && slot->hash != 0)
        r = record_at (worker, slot->record);
      else
        {
          out = sb_stemmer_stem (worker->stemmer, (const sb_symbol *) word, (int) len);
          if (out == NULL)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                           "stem: out of memory stemming token %u", i);
              return FALSE;
            }
          out_len = (gsize) sb_stemmer_length (worker->stemmer);
          if (slot == NULL || out_len > G_MAXUINT16)
            {
              nlp_column_set_string_len (stem, i, (const char *) out, out_len);
              continue;
            }
          if (worker->used >= STEM_CACHE_MAX)
            cache_clear (worker);
          else if ((worker->used + 1) * 2 > 1u << worker->bits)
            cache_grow (worker);
          slot = cache_slot (worker, word, len, h);
          r = cache_add (worker, slot, word, len, h, (const char *) out, out_len);
          worker->used++;
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
