/* testopts — one option of every type, copied into document attributes
 * named after the option (doc.flag ...; under an alias the core renames
 * them: doc.fast_flag), so tests see the values a stage instance really
 * got (defaults, config file, --set; two aliases of one stage). */
#include "nlpipe-stage.h"

static const char *const testopts_modes[] = { "fast", "exact", NULL };

static const NlpOptionSpec testopts_options[] = {
  NLP_OPTION_BOOL_SPEC ("flag", "false", "a flag"),
  NLP_OPTION_INT_SPEC ("count", "1", 0, 10, "a count from 0 to 10"),
  NLP_OPTION_DOUBLE_SPEC ("ratio", "0.5", 0, 1, "a ratio from 0 to 1"),
  NLP_OPTION_STRING_SPEC ("word", "none", "any word"),
  NLP_OPTION_CHOICE_SPEC ("mode", "fast", testopts_modes, "how to run"),
  NLP_OPTION_END
};

typedef struct {
  gboolean flag;
  gint64   count;
  double   ratio;
  char    *word;
  char    *mode;
} TestOpts;

static gpointer
testopts_model_new (const NlpStageEnv *env, GError **error)
{
  TestOpts *m = g_new0 (TestOpts, 1);

  m->flag = nlp_stage_env_get_bool (env, "flag");
  m->count = nlp_stage_env_get_int (env, "count");
  m->ratio = nlp_stage_env_get_double (env, "ratio");
  m->word = g_strdup (nlp_stage_env_get_string (env, "word"));
  m->mode = g_strdup (nlp_stage_env_get_string (env, "mode"));
  return m;
}

static void
testopts_model_free (gpointer data)
{
  TestOpts *m = data;

  g_free (m->word);
  g_free (m->mode);
  g_free (m);
}

static gboolean
testopts_process (gpointer model, NlpDocument *doc, GError **error)
{
  const TestOpts *m = model;

  nlp_document_set_int (doc, "flag", m->flag);
  nlp_document_set_int (doc, "count", m->count);
  nlp_document_set_double (doc, "ratio", m->ratio);
  nlp_document_set_string (doc, "word", m->word);
  nlp_document_set_string (doc, "mode", m->mode);
  return TRUE;
}

NLP_STAGE_DEFINE (testopts,
  .version = "1.0",
  .summary = "Test stage: copies its options into document attributes",
  .provides = NLP_NAMES ("doc.flag", "doc.count", "doc.ratio", "doc.word", "doc.mode"),
  .options = testopts_options,
  .model_new = testopts_model_new,
  .model_free = testopts_model_free,
  .process = testopts_process);
