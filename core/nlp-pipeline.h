/* nlp-pipeline.h — a validated chain of stage instances.
 *
 * A chain is described by an NlpChainSpec (stage names, optional aliases,
 * options) that comes from -p, a config file and --set.  Building the
 * pipeline loads every stage, parses options, checks that each requirement
 * is provided by an earlier stage, and then creates each stage's shared
 * model — all before any document is read.
 *
 * To run documents, each thread creates its own NlpPipelineWorker (it owns
 * the stages' per-thread worker state).  The pipeline itself is read-only
 * once built and may be shared by any number of workers.
 */
#ifndef NLP_PIPELINE_H
#define NLP_PIPELINE_H

#include "nlpipe-stage.h"
#include "nlp-registry.h"
#include "nlp-options.h"

G_BEGIN_DECLS

/* The default chain. */
#define NLP_DEFAULT_CHAIN "tokenize,sentence,stem,entity,sentiment"

typedef struct _NlpChainSpec NlpChainSpec;
typedef struct _NlpPipeline NlpPipeline;
typedef struct _NlpPipelineWorker NlpPipelineWorker;

/* ---- chain specs -------------------------------------------------------- */

/* (transfer full) an empty spec. */
NlpChainSpec *nlp_chain_spec_new   (void);
void          nlp_chain_spec_free  (NlpChainSpec *spec);
/* Replaces the stage list with @chain: "a,b,c" where each item is STAGE or
 * ALIAS=STAGE (the same stage twice under two names).  Options already set
 * for instance names that remain are kept. */
gboolean      nlp_chain_spec_set_stages (NlpChainSpec *spec, const char *chain,
                                         GError **error);
/* Records INSTANCE.OPTION=VALUE (validated when the pipeline is built). */
gboolean      nlp_chain_spec_set_option (NlpChainSpec *spec, const char *instance,
                                         const char *option, const char *value,
                                         GError **error);
/* Parses "INSTANCE.OPTION=VALUE" (a --set argument). */
gboolean      nlp_chain_spec_parse_set  (NlpChainSpec *spec, const char *assignment,
                                         GError **error);
/* Reads a GKeyFile config: [pipeline] stages=..., plugin-path=...; and a
 * group per instance whose keys are options.  Later calls and --set
 * override it.  Errors name the file (and the group/key). */
gboolean      nlp_chain_spec_load_file  (NlpChainSpec *spec, const char *path,
                                         GError **error);
/* (transfer none) NULL-terminated plugin-path entries of the config file. */
const char *const *nlp_chain_spec_get_plugin_path (const NlpChainSpec *spec);
/* (transfer none) the stage list as given, or NULL when never set. */
const char   *nlp_chain_spec_get_stages (const NlpChainSpec *spec);

/* ---- pipelines ---------------------------------------------------------- */

/* (transfer full) a validated pipeline with every model created, or NULL.
 * Every problem of the chain is reported at once in one message per line.
 * Error codes: those of nlp_registry_load, NLP_ERROR_OPTION,
 * NLP_ERROR_CHAIN, and NLP_ERROR_DATA / any code a model_new returns. */
NlpPipeline  *nlp_pipeline_new  (NlpRegistry *registry, const NlpChainSpec *spec,
                                 GError **error);
/* Same as nlp_pipeline_new but stops after validation: no model is created
 * (for `nlpipe check`). */
NlpPipeline  *nlp_pipeline_new_unloaded (NlpRegistry *registry,
                                         const NlpChainSpec *spec, GError **error);
void          nlp_pipeline_free (NlpPipeline *pipeline);

guint         nlp_pipeline_get_n_stages (const NlpPipeline *pipeline);
/* (transfer none) */
const char   *nlp_pipeline_get_instance_name (const NlpPipeline *pipeline, guint i);
NlpStage     *nlp_pipeline_get_stage   (const NlpPipeline *pipeline, guint i);
const NlpOptions *nlp_pipeline_get_options (const NlpPipeline *pipeline, guint i);
/* (transfer none) NULL-terminated: what instance @i provides, as the
 * instance names it (under an alias, renamed: see nlpipe-stage.h). */
const char *const *nlp_pipeline_get_provides (const NlpPipeline *pipeline, guint i);
/* TRUE when some stage of the chain provides @name. */
gboolean      nlp_pipeline_provides (const NlpPipeline *pipeline, const char *name);
/* (transfer full) every name the chain's stages provide, in chain order,
 * as each instance names them; free with g_strfreev. */
char        **nlp_pipeline_list_provides (const NlpPipeline *pipeline);

/* (transfer full) per-thread state for every stage. */
NlpPipelineWorker *nlp_pipeline_worker_new  (NlpPipeline *pipeline, GError **error);
void               nlp_pipeline_worker_free (NlpPipelineWorker *worker);
/* Runs every stage on @doc in order.  On failure @error is set with
 * NLP_ERROR_STAGE and the stage's own message, and *@failed_stage (may be
 * NULL) names the instance. */
gboolean      nlp_pipeline_worker_process (NlpPipelineWorker *worker, NlpDocument *doc,
                                           const char **failed_stage, GError **error);

/* Convenience for tests and small programs: builds @chain with default
 * options on a default registry and runs it on @text.  (transfer full). */
NlpDocument  *nlp_pipeline_run_text (const char *chain, const char *text,
                                     GError **error);

G_END_DECLS

#endif
