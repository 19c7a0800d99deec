/* lemma — the UD lemma of every word of the word layer: word.lemma
 * ("negotiations" -> "negotiation", "was" -> "be", "better" as an
 * adjective -> "good", "'s" -> "be" or "'s" by tag).
 *
 * The tables and rules are lemma-rules.c; this file reads the pos stage's
 * word layer and writes the column.  The tables are loaded once and
 * shared read-only.
 * docs/stages/lemma.md is the user's page.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "lemma-rules.h"

typedef struct {
  char *buf;                   /* scratch: the lemma of one word */
  gsize cap;
  const Lemmatizer *lz;
} LemmaWorker;

static gpointer
lemma_model_new (const NlpStageEnv *env, GError **error)
{
  char *exceptions = nlp_stage_env_find_data (env, "exceptions.tsv", error);
  char *bases = exceptions ? nlp_stage_env_find_data (env, "bases.tsv", error) : NULL;
  char *names = bases ? nlp_stage_env_find_data (env, "names.txt", error) : NULL;
  Lemmatizer *lz = names ? lemmatizer_load (exceptions, bases, names, error) : NULL;

  g_free (exceptions);
  g_free (bases);
  g_free (names);
  return lz;
}

static void
lemma_model_free (gpointer data)
{
  lemmatizer_free (data);
}

static gpointer
lemma_worker_new (gpointer model, GError **error)
{
  LemmaWorker *w = g_new0 (LemmaWorker, 1);

  w->lz = model;
  w->cap = 256;
  w->buf = g_malloc (w->cap);
  return w;
}

static void
lemma_worker_free (gpointer data)
{
  LemmaWorker *w = data;

  g_free (w->buf);
  g_free (w);
}

/* "'s" or "’s" */
static gboolean
is_s (const char *text, gsize len)
{
  return (len == 2 && memcmp (text, "'s", 2) == 0) || (len == 4 && memcmp (text, "\xe2\x80\x99s", 4) == 0);
}

/* Whether the word after word @i, or the one after an adverb there, is
 * a participle that makes "'s" "has" ("it's been", "he's got", "she's
 * never had"): EWT lemmatises that "'s" as "have", the others as "be". */
static gboolean
has_perfect (NlpLayer *words, NlpColumn *xpos, guint i)
{
  static const char *const participles[] = { "been", "got", "gotten", "had", NULL };
  guint n = nlp_layer_get_n_rows (words);

  for (guint j = i + 1; j < n && j <= i + 2; j++)
    {
      const char *tag = nlp_column_get_string (xpos, j);
      gsize len;
      const char *text = nlp_layer_get_text (words, j, &len);

      if (g_strcmp0 (tag, "RB") == 0)
        continue;
      for (guint p = 0; participles[p] != NULL; p++)
        if (len == strlen (participles[p]) && g_ascii_strncasecmp (text, participles[p], len) == 0)
          return TRUE;
      return FALSE;
    }
  return FALSE;
}

static gboolean
lemma_process (gpointer data, NlpDocument *doc, GError **error)
{
  LemmaWorker *w = data;
  NlpLayer *words = nlp_document_get_layer (doc, "word");
  NlpColumn *upos = nlp_layer_get_column (words, "upos");
  NlpColumn *xpos = nlp_layer_get_column (words, "xpos");
  NlpColumn *lemma = nlp_layer_add_column (words, "lemma", NLP_COLUMN_STRING, error);

  if (lemma == NULL)
    return FALSE;
  for (guint i = 0; i < nlp_layer_get_n_rows (words); i++)
    {
      gsize len, n;
      const char *text = nlp_layer_get_text (words, i, &len);
      const char *l;

      if (2 * len + 8 > w->cap)
        {
          w->cap = 2 * len + 8;
          w->buf = g_realloc (w->buf, w->cap);
        }
      l = lemmatizer_lemma (w->lz, text, len, nlp_column_get_string (upos, i),
                            nlp_column_get_string (xpos, i), w->buf, &n);
      if (n == 2 && strcmp (l, "be") == 0 && is_s (text, len) && has_perfect (words, xpos, i))
        l = "have", n = 4;
      /* copied: the tables end with the pipeline, which a program may
       * free before its documents */
      nlp_column_set_string_len (lemma, i, l, n);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (lemma,
  .version     = "1.0",
  .summary     = "UD lemmas of the word layer (was -> be, better/JJR -> good) from EWT and "
                 "WordNet; EWT test 97.0 from raw text (docs/stages/lemma.md)",
  .licence     = "LGPL-2.1-or-later AND CC-BY-SA-4.0 AND LicenseRef-WordNet",
  .author      = "The nlpipe developers",
  .homepage    = "file://" NLP_DOCDIR "/stages/lemma.md",
  .languages   = NLP_NAMES ("en"),
  .requires    = NLP_NAMES ("word", "word.upos", "word.xpos"),
  .provides    = NLP_NAMES ("word.lemma"),
  .model_new   = lemma_model_new,
  .model_free  = lemma_model_free,
  .worker_new  = lemma_worker_new,
  .worker_free = lemma_worker_free,
  .process     = lemma_process);
