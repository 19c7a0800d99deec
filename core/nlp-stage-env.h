/* nlp-stage-env.h — what a stage's model_new sees of its configuration:
 * its instance name, its data directory, its parsed options. */
#ifndef NLP_STAGE_ENV_H
#define NLP_STAGE_ENV_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NlpStageEnv NlpStageEnv;

/* The instance name in the chain (the stage name, or its alias). */
const char  *nlp_stage_env_get_name     (const NlpStageEnv *env);
/* The stage's data directory (installed, source tree, or the "datadir"
 * option); (transfer none). */
const char  *nlp_stage_env_get_data_dir (const NlpStageEnv *env);
/* (transfer full) the path of @file in the data directory, or NULL with
 * NLP_ERROR_DATA naming the full path when it does not exist. */
char        *nlp_stage_env_find_data    (const NlpStageEnv *env,
                                         const char *file, GError **error);
/* Parsed option values (already validated against the spec).  Asking for
 * an option the stage did not declare is a programmer error. */
gboolean     nlp_stage_env_get_bool   (const NlpStageEnv *env, const char *name);
gint64       nlp_stage_env_get_int    (const NlpStageEnv *env, const char *name);
double       nlp_stage_env_get_double (const NlpStageEnv *env, const char *name);
/* (transfer none) for STRING, CHOICE and PATH options. */
const char  *nlp_stage_env_get_string (const NlpStageEnv *env, const char *name);

G_END_DECLS

#endif
