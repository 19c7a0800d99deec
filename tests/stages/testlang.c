/* testlang — sets doc.lang from its "lang" option (default "fr"), and
 * doc.lang_score from "score" when it is given (0 to 1), as the lang stage
 * would after detecting a language: for the tests of stages that declare
 * the languages they understand. */
#include "nlpipe-stage.h"

static const NlpOptionSpec testlang_options[] = {
  NLP_OPTION_STRING_SPEC ("lang", "fr", "the language to claim"),
  NLP_OPTION_DOUBLE_SPEC ("score", "-1", -1, 1, "its confidence (below 0: no doc.lang_score)"),
  NLP_OPTION_END
};

typedef struct {
  char *lang;
  double score;
} TestLang;

static gpointer
testlang_model_new (const NlpStageEnv *env, GError **error)
{
  TestLang *m = g_new (TestLang, 1);

  m->lang = g_strdup (nlp_stage_env_get_string (env, "lang"));
  m->score = nlp_stage_env_get_double (env, "score");
  return m;
}

static void
testlang_model_free (gpointer model)
{
  TestLang *m = model;

  g_free (m->lang);
  g_free (m);
}

static gboolean
testlang_process (gpointer model, NlpDocument *doc, GError **error)
{
  TestLang *m = model;

  nlp_document_set_string (doc, "lang", m->lang);
  if (m->score >= 0)
    nlp_document_set_double (doc, "lang_score", m->score);
  return TRUE;
}

NLP_STAGE_DEFINE (testlang,
  .version = "1.0",
  .summary = "Test stage: claims the document's language",
  .provides = NLP_NAMES ("doc.lang", "doc.lang_score"),
  .options = testlang_options,
  .model_new = testlang_model_new,
  .model_free = testlang_model_free,
  .process = testlang_process);
