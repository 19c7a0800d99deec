/* nlp-pipeline.h — a validated chain of stage instances.
 *
 * A chain is described by an NlpChainSpec (nlp-chain-spec.h).  Building the
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
#include "nlp-chain-spec.h"

G_BEGIN_DECLS

typedef struct _NlpPipeline NlpPipeline;
typedef struct _NlpPipelineWorker NlpPipelineWorker;

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
/* (transfer full) @chain ("tokenize,sentence,..."; NULL: the default
 * chain) with default options, its stages found on the default search
 * path: the short way for programs that need nothing more. */
NlpPipeline  *nlp_pipeline_new_from_string (const char *chain, GError **error);
/* Pipelines are reference-counted (a processor holds one on its
 * pipeline); the last unref frees the stages' models.
 * nlp_pipeline_free() is nlp_pipeline_unref(). */
NlpPipeline  *nlp_pipeline_ref   (NlpPipeline *pipeline);
void          nlp_pipeline_unref (NlpPipeline *pipeline);
void          nlp_pipeline_free  (NlpPipeline *pipeline);

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

/* Runs every stage on @doc, from any thread: the pipeline keeps a worker
 * for each thread that is using it at once (made on first need, reused).
 * Errors as nlp_pipeline_worker_process; the document keeps what the
 * stages before the failing one made. */
gboolean      nlp_pipeline_process (NlpPipeline *pipeline, NlpDocument *doc,
                                    const char **failed_stage, GError **error);
/* (transfer full) a new document of @text (@len bytes, or -1 up to its
 * NUL) processed by every stage, or NULL: NLP_ERROR_ENCODING for text
 * that is not UTF-8, or the failing stage's error, its message prefixed
 * "stage 'NAME': ". */
NlpDocument  *nlp_pipeline_process_text (NlpPipeline *pipeline, const char *id,
                                         const char *text, gssize len, GError **error);

/* Convenience for tests and small programs: builds @chain with default
 * options on a default registry and runs it on @text.  (transfer full). */
NlpDocument  *nlp_pipeline_run_text (const char *chain, const char *text,
                                     GError **error);

G_END_DECLS

#endif
