/* shout.c — marks words written in capitals (NATO, EU): token.shout is 1
 * for a word with at least min-letters letters and no lower-case one, 0
 * for any other word, and unset for what is not a word (punctuation,
 * numbers, URLs ...). */
#include <nlpipe-stage.h>

static const NlpOptionSpec shout_options[] = {
  NLP_OPTION_INT_SPEC ("min-letters", "2", 1, 100,
                       "shortest word that counts as shouting"),
  NLP_OPTION_END
};

/* Shared by every worker thread; never written after model_new. */
typedef struct {
  gint64 min_letters;
} ShoutModel;

static gpointer
shout_model_new (const NlpStageEnv *env, G_GNUC_UNUSED GError **error)
{
  ShoutModel *model = g_new0 (ShoutModel, 1);

  model->min_letters = nlp_stage_env_get_int (env, "min-letters");
  return model;
}

static gboolean
is_shouted (const char *text, gsize len, gint64 min_letters)
{
  gint64 letters = 0;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isupper (c);
    }
  return letters >= min_letters;
}

static gboolean
shout_process (gpointer data, NlpDocument *doc, GError **error)
{
  const ShoutModel *model = data;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *kind = nlp_layer_get_column (tokens, "kind");
  /* "shout" as declared in provides; under an alias the core renames it */
  NlpColumn *shout = nlp_layer_add_column (tokens, "shout", NLP_COLUMN_INT, error);

  if (shout == NULL)
    return FALSE;
  for (guint i = 0; i < nlp_layer_get_n_rows (tokens); i++)
    if (g_strcmp0 (nlp_column_get_string (kind, i), "word") == 0)
      {
        gsize len;
        const char *text = nlp_layer_get_text (tokens, i, &len);
        nlp_column_set_int (shout, i, is_shouted (text, len, model->min_letters));
      }
  return TRUE;
}

NLP_STAGE_DEFINE (shout,
  .version    = "1.0",
  .summary    = "Marks words written in capitals",
  .licence    = "LGPL-2.1-or-later",
  .author     = "The nlpipe developers",
  .requires   = NLP_NAMES ("token", "token.kind"),
  .provides   = NLP_NAMES ("token.shout"),
  .options    = shout_options,
  .model_new  = shout_model_new,
  .model_free = g_free,
  .process    = shout_process);
