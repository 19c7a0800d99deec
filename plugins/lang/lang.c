/* lang — the language of a document: doc.lang (ISO 639-1, "und" when it
 * cannot tell) and doc.lang_score (its confidence); with sentences=true
 * also the language of each sentence of the sentence layer, as
 * doc.lang_sentences.
 *
 * The detector is in lang-detect.c, its model in data/lang.model (made by
 * nlpipe-lang train, see docs/stages/lang.md).  The model is read-only
 * once loaded; a worker owns a detector (scratch and a memo of the words
 * it met) and a JSON builder.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "nlp-json-text.h"
#include "lang-detect.h"

typedef struct {
  LangModel        *model;
  LangDetectOptions options;
  gboolean          sentences;
} LangStageModel;

typedef struct {
  const LangStageModel *stage;
  LangDetector         *detector;
  NlpJsonText          *json;
} LangWorker;

static const NlpOptionSpec lang_options[] = {
  NLP_OPTION_PATH_SPEC ("model", "",
    "language model (default: the data directory's lang.model)"),
  NLP_OPTION_STRING_SPEC ("languages", "",
    "choose among these languages only, e.g. 'en,fr,de' (default: all the model knows)"),
  NLP_OPTION_INT_SPEC ("min-letters", G_STRINGIFY (LANG_DEFAULT_MIN_LETTERS), 1, 1000,
    "a text with fewer letters is und"),
  NLP_OPTION_DOUBLE_SPEC ("min-confidence", G_STRINGIFY (LANG_DEFAULT_MIN_CONFIDENCE), 0, 1,
    "a guess less sure than this is und"),
  NLP_OPTION_BOOL_SPEC ("sentences", "false",
    "also the language of each sentence (doc.lang_sentences; run after the sentence stage)"),
  NLP_OPTION_END
};

/* Sets the lanes of the comma-separated @list in *@allowed. */
static gboolean
parse_languages (const LangModel *model, const char *list, guint64 *allowed,
                 GError **error)
{
  char **codes = g_strsplit (list, ",", -1);
  gboolean ok = TRUE;

  *allowed = 0;
  for (guint i = 0; codes[i] != NULL && ok; i++)
    {
      const char *code = g_strstrip (codes[i]);
      guint64 lanes = code[0] ? lang_model_lanes_of (model, code) : 0;

      if (code[0] == '\0')
        continue;
      if (lanes == 0)
        {
          GString *known = g_string_new (NULL);
          for (guint l = 0; l < model->n_langs; l++)
            if (model->lang_of[l] == l)
              g_string_append_printf (known, "%s%s", known->len ? "," : "", model->langs[l]);
          g_set_error (error, NLP_ERROR, NLP_ERROR_OPTION,
                       "lang.languages: the model knows no language '%s' (it knows %s)",
                       code, known->str);
          g_string_free (known, TRUE);
          ok = FALSE;
        }
      *allowed |= lanes;
    }
  g_strfreev (codes);
  return ok;
}

static gpointer
lang_model_new_stage (const NlpStageEnv *env, GError **error)
{
  LangStageModel *m = g_new0 (LangStageModel, 1);
  const char *path = nlp_stage_env_get_string (env, "model");
  char *found = NULL;

  if (path == NULL || path[0] == '\0')
    path = found = nlp_stage_env_find_data (env, "lang.model", error);
  if (path != NULL)
    m->model = lang_model_load (path, error);
  g_free (found);
  if (m->model == NULL
      || !parse_languages (m->model, nlp_stage_env_get_string (env, "languages"),
                           &m->options.allowed, error))
    {
      lang_model_free (m->model);
      g_free (m);
      return NULL;
    }
  m->options.min_letters = (guint) nlp_stage_env_get_int (env, "min-letters");
  m->options.min_confidence = nlp_stage_env_get_double (env, "min-confidence");
  m->sentences = nlp_stage_env_get_bool (env, "sentences");
  return m;
}

static void
lang_model_free_stage (gpointer data)
{
  LangStageModel *m = data;

  lang_model_free (m->model);
  g_free (m);
}

static gpointer
lang_worker_new (gpointer data, GError **error)
{
  LangWorker *w = g_new0 (LangWorker, 1);

  w->stage = data;
  w->detector = lang_detector_new (w->stage->model);
  w->json = nlp_json_text_new ();
  return w;
}

static void
lang_worker_free (gpointer data)
{
  LangWorker *w = data;

  lang_detector_free (w->detector);
  nlp_json_text_free (w->json);
  g_free (w);
}

static const char *
code_of (const LangModel *model, const LangGuess *g)
{
  return g->lang >= 0 ? model->langs[g->lang] : "und";
}

/* The confidence to three decimals (the calibration is no finer), 0 for
 * und. */
static double
score_of (const LangGuess *g)
{
  return g->lang >= 0 ? (double) (gint) (g->confidence * 1000 + 0.5) / 1000 : 0.0;
}

/* A sentence leans towards its document's language by this many nats:
 * a quotation in another language must be clearly so to count. */
#define SENTENCE_PREFER_NATS 8.0

static gboolean
detect_sentences (LangWorker *w, NlpDocument *doc, const LangGuess *whole,
                  GError **error)
{
  const LangStageModel *m = w->stage;
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  LangDetectOptions o = m->options;

  if (sentences == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "lang: sentences=true needs the sentence layer: run the stage "
                   "after sentence (-p tokenize,sentence,lang), or twice "
                   "(-p lang,tokenize,sentence,bysentence=lang --set bysentence.sentences=true)");
      return FALSE;
    }
  if (whole->lang >= 0)
    {
      o.prefer = lang_model_lanes_of (m->model, m->model->langs[whole->lang]);
      o.prefer_nats = SENTENCE_PREFER_NATS;
    }
  nlp_json_text_reset (w->json);
  nlp_json_text_begin_array (w->json);
  for (guint i = 0; i < nlp_layer_get_n_rows (sentences); i++)
    {
      gsize n;
      const char *s = nlp_layer_get_text (sentences, i, &n);
      LangGuess g;

      lang_detector_guess (w->detector, &o, s, n, &g);
      nlp_json_text_begin_object (w->json);
      nlp_json_text_key (w->json, "lang");
      nlp_json_text_string (w->json, code_of (m->model, &g), -1);
      nlp_json_text_key (w->json, "score");
      nlp_json_text_double (w->json, score_of (&g));
      nlp_json_text_end_object (w->json);
    }
  nlp_json_text_end_array (w->json);
  nlp_document_set_json_text (doc, "lang_sentences", w->json);
  return TRUE;
}

static gboolean
lang_process (gpointer data, NlpDocument *doc, GError **error)
{
  LangWorker *w = data;
  const LangStageModel *m = w->stage;
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  LangGuess g;

  lang_detector_guess (w->detector, &m->options, text, len, &g);
  nlp_document_set_string (doc, "lang", code_of (m->model, &g));
  nlp_document_set_double (doc, "lang_score", score_of (&g));
  return !m->sentences || detect_sentences (w, doc, &g, error);
}

NLP_STAGE_DEFINE (lang,
  .version = "1.0",
  .summary = "Language of the document (doc.lang, ISO 639-1 or und) and, as an option, of each sentence",
  .licence = "LGPL-2.1-or-later AND CC-BY-SA-4.0",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/lang.md",
  .provides = NLP_NAMES ("doc.lang", "doc.lang_score", "doc.lang_sentences"),
  .options = lang_options,
  .model_new = lang_model_new_stage,
  .model_free = lang_model_free_stage,
  .worker_new = lang_worker_new,
  .worker_free = lang_worker_free,
  .process = lang_process);
