/* sentence — the sentence layer, built from the token layer so that every
 * token lies inside exactly one sentence.
 *
 * The boundary rules are in splitter.c, the word lists in lexicon.c and
 * data/: the shipped ones for every text, and those of a language
 * (abbreviations.LANG.txt, starters.LANG.txt) for a text whose doc.lang
 * is LANG.  The model (lexicons, newline policy) is read-only once built;
 * a worker only holds reusable arrays.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "splitter.h"

typedef struct {
  const Splitter *splitter;
  GArray     *sentences;   /* SplitSpan: first and last token index */
  GByteArray *scratch;
} SentenceWorker;

static const char *const newline_choices[] = { "auto", "always", "never", NULL };

static const NlpOptionSpec sentence_options[] = {
  NLP_OPTION_CHOICE_SPEC ("newline", "auto", newline_choices,
    "single line breaks: auto (hard-wrapped text or not, per document), always or never end a sentence"),
  NLP_OPTION_PATH_SPEC ("abbreviations", "",
    "extra abbreviation file: 'WORD [title|number|general]' per line, added to the shipped list"),
  NLP_OPTION_END
};

static gboolean
load_data (Splitter *sp, const NlpStageEnv *env, const char *file,
           gboolean (*load) (Splitter *, const char *, GError **), GError **error)
{
  char *path = nlp_stage_env_find_data (env, file, error);
  gboolean ok = path != NULL && load (sp, path, error);

  g_free (path);
  return ok;
}

/* Loads abbreviations.LANG.txt (and starters.LANG.txt) of every language
 * the data directory has them for. */
static gboolean
load_languages (Splitter *sp, const NlpStageEnv *env, GError **error)
{
  const char *dir = nlp_stage_env_get_data_dir (env);
  GDir *d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;
  gboolean ok = TRUE;

  while (ok && d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      gsize n = strlen (name);
      char *code, *abbrevs, *starters, *starters_name;

      if (!g_str_has_prefix (name, "abbreviations.") || !g_str_has_suffix (name, ".txt")
          || n <= strlen ("abbreviations..txt"))
        continue;
      code = g_strndup (name + strlen ("abbreviations."), n - strlen ("abbreviations..txt"));
      abbrevs = g_build_filename (dir, name, NULL);
      starters_name = g_strdup_printf ("starters.%s.txt", code);
      starters = g_build_filename (dir, starters_name, NULL);
      ok = splitter_load_language (sp, code, abbrevs,
                                   g_file_test (starters, G_FILE_TEST_EXISTS) ? starters : NULL,
                                   error);
      g_free (starters);
      g_free (starters_name);
      g_free (abbrevs);
      g_free (code);
    }
  if (d != NULL)
    g_dir_close (d);
  return ok;
}

static gpointer
sentence_model_new (const NlpStageEnv *env, GError **error)
{
  const char *newline = nlp_stage_env_get_string (env, "newline");
  const char *extra = nlp_stage_env_get_string (env, "abbreviations");
  NewlinePolicy policy = g_str_equal (newline, "always") ? NEWLINE_ALWAYS
                         : g_str_equal (newline, "never") ? NEWLINE_NEVER
                         : NEWLINE_AUTO;
  Splitter *sp = splitter_new (policy);

  if (!load_data (sp, env, "abbreviations.txt", splitter_load_abbreviations, error)
      || !load_data (sp, env, "starters.txt", splitter_load_starters, error)
      || !load_languages (sp, env, error)
      || (extra != NULL && extra[0] != '\0'
          && !splitter_load_abbreviations (sp, extra, error)))
    {
      if (error != NULL && *error != NULL && (*error)->domain != NLP_ERROR)
        {
          GError *e = *error;
          *error = g_error_new (NLP_ERROR, NLP_ERROR_DATA, "sentence: %s", e->message);
          g_error_free (e);
        }
      splitter_free (sp);
      return NULL;
    }
  return sp;
}

static void
sentence_model_free (gpointer model)
{
  splitter_free (model);
}

static gpointer
sentence_worker_new (gpointer model, GError **error)
{
  SentenceWorker *worker = g_new0 (SentenceWorker, 1);

  worker->splitter = model;
  worker->sentences = g_array_new (FALSE, FALSE, sizeof (SplitSpan));
  worker->scratch = g_byte_array_new ();
  return worker;
}

static void
sentence_worker_free (gpointer data)
{
  SentenceWorker *worker = data;

  g_array_unref (worker->sentences);
  g_byte_array_unref (worker->scratch);
  g_free (worker);
}

/* doc.lang, as the lang stage sets it, or NULL. */
static const char *
document_language (NlpDocument *doc)
{
  gint a = nlp_document_find_attr (doc, "lang");

  return a >= 0 && nlp_document_get_attr_type (doc, a) == NLP_VALUE_STRING
         ? nlp_document_get_attr_string (doc, a) : NULL;
}

static gboolean
sentence_process (gpointer data, NlpDocument *doc, GError **error)
{
  SentenceWorker *worker = data;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  guint n = nlp_layer_get_n_rows (tokens);
  NlpLayer *layer;
  const SplitSpan *tok, *sent;
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);

  layer = nlp_document_add_layer (doc, "sentence", error);
  if (layer == NULL)
    return FALSE;
  /* SplitSpan and NlpSpan are both two guint32s: the token layer's own
   * spans are read in place */
  G_STATIC_ASSERT (sizeof (SplitSpan) == sizeof (NlpSpan));
  tok = (const SplitSpan *) (gconstpointer) nlp_layer_peek_spans (tokens, &n);
  g_array_set_size (worker->sentences, 0);
  splitter_split_language (worker->splitter, document_language (doc), text, len,
                           tok, n, worker->scratch, worker->sentences);
  sent = (const SplitSpan *) (gpointer) worker->sentences->data;
  for (guint i = 0; i < worker->sentences->len; i++)
    nlp_layer_add_span (layer, tok[sent[i].start].start, tok[sent[i].end].end);
  return TRUE;
}

NLP_STAGE_DEFINE (sentence,
  .version = "1.0",
  .summary = "Sentence spans from token boundaries (news abbreviations, lists, quotes, hard-wrapped text)",
  .licence = "LGPL-2.1-or-later",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/sentence.md",
  .requires = NLP_NAMES ("token"),
  .provides = NLP_NAMES ("sentence"),
  .options = sentence_options,
  .model_new = sentence_model_new,
  .model_free = sentence_model_free,
  .worker_new = sentence_worker_new,
  .worker_free = sentence_worker_free,
  .process = sentence_process);
