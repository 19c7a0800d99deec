/* nlp-stage-env.c — what a stage's model_new sees of its configuration. */
#include "nlp-stage-env-private.h"
#include "nlp-error.h"

const char *
nlp_stage_env_get_name (const NlpStageEnv *env)
{
  return env->name;
}

const char *
nlp_stage_env_get_data_dir (const NlpStageEnv *env)
{
  return env->data_dir;
}

char *
nlp_stage_env_find_data (const NlpStageEnv *env, const char *file, GError **error)
{
  char *path = g_build_filename (env->data_dir, file, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "stage '%s': data file %s is missing; reinstall nlpipe or "
                   "point --set %s.datadir=DIR at the stage's data",
                   env->name, path, env->name);
      g_free (path);
      return NULL;
    }
  return path;
}

gboolean
nlp_stage_env_get_bool (const NlpStageEnv *env, const char *name)
{
  return nlp_options_get_bool (env->options, name);
}

gint64
nlp_stage_env_get_int (const NlpStageEnv *env, const char *name)
{
  return nlp_options_get_int (env->options, name);
}

double
nlp_stage_env_get_double (const NlpStageEnv *env, const char *name)
{
  return nlp_options_get_double (env->options, name);
}

const char *
nlp_stage_env_get_string (const NlpStageEnv *env, const char *name)
{
  return nlp_options_get_string (env->options, name);
}
