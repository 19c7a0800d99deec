/* nlp-registry.h — finding, listing and loading stages.
 *
 * The search path, first match wins: directories given by the program
 * (--plugin-path), then NLPIPE_PLUGIN_PATH (colon-separated), then the
 * config file's [nlpipe] plugin-path, then the compiled-in plugin directory
 * (or the build tree's plugins/ when the running program is the uninstalled
 * one).  The current directory is never searched implicitly.
 *
 * All libltdl calls happen on the thread that calls these functions (the
 * main thread, before any worker starts).  Loaded modules stay resident
 * until the registry is freed.
 */
#ifndef NLP_REGISTRY_H
#define NLP_REGISTRY_H

#include "nlpipe-stage.h"

G_BEGIN_DECLS

typedef struct _NlpRegistry NlpRegistry;
typedef struct _NlpStage NlpStage;

/* (transfer full) a registry with the default search path.  Registries
 * are reference-counted (a pipeline holds one on its registry);
 * nlp_registry_free() is nlp_registry_unref(). */
NlpRegistry *nlp_registry_new      (void);
NlpRegistry *nlp_registry_ref      (NlpRegistry *registry);
void         nlp_registry_unref    (NlpRegistry *registry);
void         nlp_registry_free     (NlpRegistry *registry);
/* Puts @dir first on the search path (--plugin-path). */
void         nlp_registry_prepend_path (NlpRegistry *registry, const char *dir);
/* Inserts @dir after the program's and the environment's directories
 * (where config-file directories belong). */
void         nlp_registry_add_config_path (NlpRegistry *registry, const char *dir);
/* (transfer none) NULL-terminated list of the search directories. */
const char *const *nlp_registry_get_path (NlpRegistry *registry);

/* (transfer none) the stage called @name, loading it on first use.
 * Errors: NLP_ERROR_UNKNOWN_STAGE (no file: the message lists the installed
 * stages and the nearest name), NLP_ERROR_LOAD (the file exists but the
 * dynamic loader failed, e.g. an unresolved symbol), NLP_ERROR_ABI (the
 * descriptor was refused: wrong ABI, short struct, name mismatch, missing
 * fields, malformed option specs). */
NlpStage    *nlp_registry_load     (NlpRegistry *registry, const char *name,
                                    GError **error);
/* (transfer full) sorted names of the stage files on the search path
 * (first of each name wins); free with g_strfreev. */
char       **nlp_registry_list     (NlpRegistry *registry);
/* (transfer full) the names of the installed stages (loading each) whose
 * provides contain @name; free with g_strfreev. */
char       **nlp_registry_find_providers (NlpRegistry *registry, const char *name);

/* (transfer none) the validated descriptor (a private full-size copy). */
const NlpStageInfo *nlp_stage_get_info (const NlpStage *stage);
const char  *nlp_stage_get_name     (const NlpStage *stage);
/* (transfer none) the file it was loaded from. */
const char  *nlp_stage_get_path     (const NlpStage *stage);
/* (transfer none) its data directory (see nlpipe-stage.h). */
const char  *nlp_stage_get_data_dir (const NlpStage *stage);

G_END_DECLS

#endif
