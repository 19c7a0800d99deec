/* nlp-stage-env.h — what a stage's model_new sees of its configuration:
 * its instance name, its data directory, its parsed options. */
#ifndef NLP_STAGE_ENV_H
#define NLP_STAGE_ENV_H

#include <glib.h>

G_BEGIN_DECLS

/**
 * NlpStageEnv:
 *
 * What a stage's model_new() sees of its configuration, for C stages
 * (bindings skip these functions: a stage is a shared object).
 */
typedef struct _NlpStageEnv NlpStageEnv;

/**
 * nlp_stage_env_get_name: (skip)
 * @env: the stage environment
 *
 * The instance's name in the chain: the stage's name, or its alias.  For
 * messages; the stage's outputs keep their declared names (the core
 * renames them for an alias).
 *
 * Returns: (transfer none): the instance name
 */
const char  *nlp_stage_env_get_name     (const NlpStageEnv *env);
/**
 * nlp_stage_env_get_data_dir: (skip)
 * @env: the stage environment
 *
 * Returns: (transfer none): the stage's data directory: installed, the
 *   source tree's, or its "datadir" option
 */
const char  *nlp_stage_env_get_data_dir (const NlpStageEnv *env);
/**
 * nlp_stage_env_find_data: (skip)
 * @env: the stage environment
 * @file: a file name in the data directory
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full): the path of @file in the data directory, or
 *   %NULL with %NLP_ERROR_DATA (naming the full path and the fix) when it
 *   does not exist
 */
char        *nlp_stage_env_find_data    (const NlpStageEnv *env,
                                         const char *file, GError **error);
/**
 * nlp_stage_env_get_bool: (skip)
 * @env: the stage environment
 * @name: a BOOL option the stage declares
 *
 * Option values are parsed and validated before model_new() is called;
 * asking for an option the stage did not declare is a programmer error.
 *
 * Returns: its value
 */
gboolean     nlp_stage_env_get_bool   (const NlpStageEnv *env, const char *name);
/**
 * nlp_stage_env_get_int: (skip)
 * @env: the stage environment
 * @name: an INT option the stage declares
 *
 * Returns: its value
 */
gint64       nlp_stage_env_get_int    (const NlpStageEnv *env, const char *name);
/**
 * nlp_stage_env_get_double: (skip)
 * @env: the stage environment
 * @name: a DOUBLE option the stage declares
 *
 * Returns: its value
 */
double       nlp_stage_env_get_double (const NlpStageEnv *env, const char *name);
/**
 * nlp_stage_env_get_string: (skip)
 * @env: the stage environment
 * @name: a STRING, CHOICE or PATH option the stage declares
 *
 * Returns: (transfer none): its value
 */
const char  *nlp_stage_env_get_string (const NlpStageEnv *env, const char *name);

G_END_DECLS

#endif
