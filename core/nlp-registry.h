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

/**
 * NlpRegistry:
 *
 * Finds, lists and loads stages on a search path.
 */
typedef struct _NlpRegistry NlpRegistry;
/**
 * NlpStage:
 *
 * A loaded stage: its validated descriptor, file and data directory.  It
 * belongs to its registry.
 */
typedef struct _NlpStage NlpStage;

/**
 * nlp_registry_new:
 *
 * A registry with the default search path: NLPIPE_PLUGIN_PATH, then the
 * installed plugin directory (or the build tree's, for the uninstalled
 * nlpipe).  Registries are reference-counted; a pipeline holds one on its
 * registry.
 *
 * Returns: (transfer full): the registry
 */
NlpRegistry *nlp_registry_new      (void);
/**
 * nlp_registry_ref:
 * @registry: a registry
 *
 * Returns: (transfer full): @registry
 */
NlpRegistry *nlp_registry_ref      (NlpRegistry *registry);
/**
 * nlp_registry_unref:
 * @registry: (nullable) (transfer full): a registry
 *
 * Drops a reference; the last one unloads nothing (stages stay resident)
 * but frees the registry.
 */
void         nlp_registry_unref    (NlpRegistry *registry);
/**
 * nlp_registry_free: (skip)
 * @registry: (nullable) (transfer full): a registry
 *
 * The same as nlp_registry_unref().
 */
void         nlp_registry_free     (NlpRegistry *registry);
/**
 * nlp_registry_prepend_path:
 * @registry: a registry
 * @dir: a directory
 *
 * Puts @dir first on the search path (what --plugin-path does).
 */
void         nlp_registry_prepend_path (NlpRegistry *registry, const char *dir);
/**
 * nlp_registry_add_config_path:
 * @registry: a registry
 * @dir: a directory
 *
 * Inserts @dir after the program's and the environment's directories
 * (where a config file's plugin-path entries belong).
 */
void         nlp_registry_add_config_path (NlpRegistry *registry, const char *dir);
/**
 * nlp_registry_get_path:
 * @registry: a registry
 *
 * Returns: (transfer none) (array zero-terminated=1): the search
 *   directories, in order
 */
const char *const *nlp_registry_get_path (NlpRegistry *registry);

/**
 * nlp_registry_load:
 * @registry: a registry
 * @name: a stage name
 * @error: return location for a #GError, or %NULL
 *
 * The stage called @name, loaded on first use (on the calling thread:
 * call it before any worker starts).  Errors: %NLP_ERROR_UNKNOWN_STAGE
 * (no such file: the message lists the installed stages and the nearest
 * name), %NLP_ERROR_LOAD (the file exists but the dynamic loader failed,
 * e.g. an unresolved symbol), %NLP_ERROR_ABI (the descriptor was refused:
 * wrong ABI, short struct, name mismatch, missing fields, malformed names
 * or option specs).
 *
 * Returns: (transfer none): the stage, or %NULL with @error set
 */
NlpStage    *nlp_registry_load     (NlpRegistry *registry, const char *name,
                                    GError **error);
/**
 * nlp_registry_list:
 * @registry: a registry
 *
 * Returns: (transfer full) (array zero-terminated=1): the sorted names of
 *   the stage files on the search path (the first of each name wins)
 */
char       **nlp_registry_list     (NlpRegistry *registry);
/**
 * nlp_registry_find_providers:
 * @registry: a registry
 * @name: a name (LAYER, LAYER.COLUMN or doc.NAME)
 *
 * Returns: (transfer full) (array zero-terminated=1): the names of the
 *   stages on the search path (each loaded) that provide @name
 */
char       **nlp_registry_find_providers (NlpRegistry *registry, const char *name);

/**
 * nlp_stage_get_info:
 * @stage: a stage
 *
 * Returns: (transfer none): its validated descriptor (a private,
 *   full-size copy)
 */
const NlpStageInfo *nlp_stage_get_info (const NlpStage *stage);
/**
 * nlp_stage_get_name:
 * @stage: a stage
 *
 * Returns: (transfer none): its name
 */
const char  *nlp_stage_get_name     (const NlpStage *stage);
/**
 * nlp_stage_get_path:
 * @stage: a stage
 *
 * Returns: (transfer none): the file it was loaded from
 */
const char  *nlp_stage_get_path     (const NlpStage *stage);
/**
 * nlp_stage_get_data_dir:
 * @stage: a stage
 *
 * Returns: (transfer none): its data directory (see nlpipe-stage.h)
 */
const char  *nlp_stage_get_data_dir (const NlpStage *stage);

G_END_DECLS

#endif
