/* ner-gazetteer.c — open-addressing hash set of phrase hashes. */
#include <string.h>
#include "ner-gazetteer.h"
#include "ner-hash.h"
#include "ner-text.h"
#include "nlp-error.h"

#define MAX_PHRASE_WORDS 8

/* Bits of the filter of multi-word keys (32 KiB: a few thousand
 * phrases leave it sparse enough for about 1% false positives). */
#define PAIR_FILTER_BITS 18

struct _NerGazetteer {
  guint64 *keys;     /* 0 = empty slot */
  guint16 *values;
  guint    mask;     /* capacity - 1 */
  guint    size;
  /* One bit per key of two words or more: matching tries the next word
   * after every phrase prefix ("the", "new", "south"), and the answer is
   * nearly always no; this filter says so from L1/L2 instead of a miss
   * in the megabytes of the table.  No false negatives. */
  guint64 *pairs;
  /* keys waiting to be inserted: a file's lines are inserted a batch at
   * a time, the batch's slots asked for first, so that the cache misses
   * of a table of megabytes overlap instead of coming one by one */
  guint64 pend_key[64];
  guint16 pend_bits[64];
  guint   n_pend;
};

static inline guint
pair_bit (guint64 key)
{
  return (guint) (key >> (64 - PAIR_FILTER_BITS));
}

static inline gboolean
maybe_pair (const NerGazetteer *gaz, guint64 key)
{
  guint b = pair_bit (key);
  return (gaz->pairs[b >> 6] >> (b & 63)) & 1;
}

/* Zeroed by writing, not calloc: the table is read before it is written
 * (probing), and calloc's untouched pages would map the shared zero page
 * first and take a copy-on-write fault at the first write. */
static gpointer
zeroed (gsize size)
{
  gpointer p = g_malloc (size);
  memset (p, 0, size);
  return p;
}

NerGazetteer *
ner_gazetteer_new (void)
{
  NerGazetteer *gaz = g_new0 (NerGazetteer, 1);
  gaz->mask = 1023;
  gaz->keys = zeroed (sizeof (guint64) * (gaz->mask + 1));
  gaz->values = zeroed (sizeof (guint16) * (gaz->mask + 1));
  gaz->pairs = zeroed (sizeof (guint64) * (1u << PAIR_FILTER_BITS) / 64);
  return gaz;
}

void
ner_gazetteer_free (NerGazetteer *gaz)
{
  if (gaz == NULL)
    return;
  g_free (gaz->keys);
  g_free (gaz->values);
  g_free (gaz->pairs);
  g_free (gaz);
}

guint
ner_gazetteer_get_size (const NerGazetteer *gaz)
{
  return gaz->size;
}

static void insert (NerGazetteer *gaz, guint64 key, guint bits);

/* Makes room for @n more keys at once (a file's worth) instead of
 * doubling again and again while they arrive. */
static void
reserve (NerGazetteer *gaz, guint n)
{
  guint cap = gaz->mask + 1;
  while ((gaz->size + n) * 2 > cap)
    cap *= 2;
  if (cap > gaz->mask + 1)
    {
      guint64 *keys = gaz->keys;
      guint16 *values = gaz->values;
      guint old = gaz->mask + 1;

      gaz->mask = cap - 1;
      gaz->keys = zeroed (sizeof (guint64) * cap);
      gaz->values = zeroed (sizeof (guint16) * cap);
      gaz->size = 0;
      for (guint i = 0; i < old; i++)
        if (keys[i] != 0)
          insert (gaz, keys[i], values[i]);
      g_free (keys);
      g_free (values);
    }
}

static void
insert (NerGazetteer *gaz, guint64 key, guint bits)
{
  guint i;

  if (key == 0)
    key = 1;
  if ((gaz->size + 1) * 2 > gaz->mask + 1)
    reserve (gaz, 1);
  for (i = (guint) key & gaz->mask; gaz->keys[i] != 0; i = (i + 1) & gaz->mask)
    if (gaz->keys[i] == key)
      {
        gaz->values[i] |= bits;
        return;
      }
  gaz->keys[i] = key;
  gaz->values[i] = bits;
  gaz->size++;
}

static void
flush (NerGazetteer *gaz)
{
  for (guint k = 0; k < gaz->n_pend; k++)
    __builtin_prefetch (gaz->keys + ((guint) (gaz->pend_key[k] ? gaz->pend_key[k] : 1)
                                     & gaz->mask), 1);
  for (guint k = 0; k < gaz->n_pend; k++)
    insert (gaz, gaz->pend_key[k], gaz->pend_bits[k]);
  gaz->n_pend = 0;
}

static inline void
insert_later (NerGazetteer *gaz, guint64 key, guint bits)
{
  if (gaz->n_pend == G_N_ELEMENTS (gaz->pend_key))
    flush (gaz);
  gaz->pend_key[gaz->n_pend] = key;
  gaz->pend_bits[gaz->n_pend] = (guint16) bits;
  gaz->n_pend++;
}

guint
ner_gazetteer_lookup (const NerGazetteer *gaz, guint64 key)
{
  if (key == 0)
    key = 1;
  for (guint i = (guint) key & gaz->mask; gaz->keys[i] != 0; i = (i + 1) & gaz->mask)
    if (gaz->keys[i] == key)
      return gaz->values[i];
  return 0;
}

/* Adds the words of @phrase split at spaces and, when @split_hyphen, also
 * at hyphens (kept as words), as the tokenizers of the training data do. */
static void
add_words (NerGazetteer *gaz, const char *phrase, NerGazClass cls,
           gboolean split_hyphen)
{
  guint64 key = 0;
  guint n = 0;
  const char *p = phrase;

  while (*p != '\0' && n < MAX_PHRASE_WORDS)
    {
      const char *end;
      guint64 h;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = p;
      if (split_hyphen && *p == '-')
        end = p + 1;
      else
        while (*end != '\0' && *end != ' ' && !(split_hyphen && *end == '-'))
          end++;
      h = ner_text_lower_hash (p, (gsize) (end - p));
      if (n > 0)
        insert_later (gaz, key, NER_GAZ_PREFIX);
      if (n == 0)
        key = h;
      else
        {
          key = ner_hash_pair (key, h);
          gaz->pairs[pair_bit (key) >> 6] |= G_GUINT64_CONSTANT (1) << (pair_bit (key) & 63);
        }
      n++;
      p = end;
    }
  if (n > 0 && *p == '\0')
    insert_later (gaz, key, 1u << cls);
}

static void
add_phrase (NerGazetteer *gaz, const char *phrase, NerGazClass cls)
{
  add_words (gaz, phrase, cls, FALSE);
  if (strchr (phrase, '-') != NULL)
    add_words (gaz, phrase, cls, TRUE);
}

void
ner_gazetteer_add (NerGazetteer *gaz, const char *phrase, NerGazClass cls)
{
  add_phrase (gaz, phrase, cls);
  flush (gaz);
}

gboolean
ner_gazetteer_add_file (NerGazetteer *gaz, const char *path, NerGazClass cls,
                        GError **error)
{
  char *contents;
  char *line, *next;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "entity: cannot read gazetteer %s: %s", path, local->message);
      g_error_free (local);
      return FALSE;
    }
  {
    /* about one key per line, and as many again for the prefixes of
     * multi-word phrases */
    guint lines = 1;
    for (const char *c = contents; (c = strchr (c, '\n')) != NULL; c++)
      lines++;
    reserve (gaz, lines + lines / 2);
  }
  for (line = contents; line != NULL && *line != '\0'; line = next)
    {
      gsize len;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      len = strlen (line);
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (len > 0 && line[0] != '#')
        add_phrase (gaz, line, cls);
    }
  flush (gaz);
  g_free (contents);
  return TRUE;
}

static const struct {
  const char *file;
  NerGazClass cls;
} standard_files[] = {
  { "gaz-loc.txt", NER_GAZ_LOC },
  { "gaz-org.txt", NER_GAZ_ORG },
  { "gaz-person.txt", NER_GAZ_PERSON },
  { "gaz-first.txt", NER_GAZ_FIRST },
  { "gaz-last.txt", NER_GAZ_LAST },
  { "gaz-demonym.txt", NER_GAZ_DEMONYM },
  { "lex-lower.txt", NER_LEX_LOWER },
  { "lex-cap.txt", NER_LEX_CAP },
  { "lex-orgcue.txt", NER_LEX_ORGCUE },
};

NerGazetteer *
ner_gazetteer_load_dir (const char *dir, GError **error)
{
  NerGazetteer *gaz = ner_gazetteer_new ();

  for (guint i = 0; i < G_N_ELEMENTS (standard_files); i++)
    {
      char *path = g_build_filename (dir, standard_files[i].file, NULL);
      gboolean ok = ner_gazetteer_add_file (gaz, path, standard_files[i].cls, error);
      g_free (path);
      if (!ok)
        {
          ner_gazetteer_free (gaz);
          return NULL;
        }
    }
  return gaz;
}

void
ner_gazetteer_match (const NerGazetteer *gaz, const guint64 *words,
                     const guint16 *first, guint n, guint16 *b_bits, guint16 *i_bits)
{
  const guint phrase_mask = (1u << NER_GAZ_N_PHRASE) - 1;

  memset (b_bits, 0, n * sizeof *b_bits);
  memset (i_bits, 0, n * sizeof *i_bits);
  for (guint i = 0; i < n; i++)
    {
      guint64 key = words[i];
      guint len[NER_GAZ_N_PHRASE] = { 0 };
      guint bits;

      for (guint k = 0; k < MAX_PHRASE_WORDS && i + k < n; k++)
        {
          if (k > 0)
            key = ner_hash_pair (key, words[i + k]);
          if (k == 0)
            bits = first != NULL ? first[i] : ner_gazetteer_lookup (gaz, key);
          else
            bits = maybe_pair (gaz, key) ? ner_gazetteer_lookup (gaz, key) : 0;
          if (k == 0)
            b_bits[i] |= bits & ~phrase_mask & ~NER_GAZ_PREFIX;
          for (guint c = 0; c < NER_GAZ_N_PHRASE; c++)
            if (bits & (1u << c))
              len[c] = k + 1;
          if (!(bits & NER_GAZ_PREFIX))
            break;
        }
      for (guint c = 0; c < NER_GAZ_N_PHRASE; c++)
        if (len[c] > 0)
          {
            b_bits[i] |= 1u << c;
            for (guint k = 1; k < len[c]; k++)
              i_bits[i + k] |= 1u << c;
          }
    }
}
