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

/**
 * NlpPipeline:
 *
 * A validated chain of stage instances with their models: read-only once
 * built, shared by any number of threads.  Reference-counted.
 */
typedef struct _NlpPipeline NlpPipeline;
/**
 * NlpPipelineWorker:
 *
 * One thread's state for every stage of a pipeline (C programs that run
 * their own threads; bindings use nlp_pipeline_process() or
 * #NlpProcessor).
 */
typedef struct _NlpPipelineWorker NlpPipelineWorker;

/**
 * nlp_pipeline_new:
 * @registry: where the stages are found
 * @spec: the chain
 * @error: return location for a #GError, or %NULL
 *
 * Loads every stage, parses its options, checks that every requirement is
 * provided by an earlier stage and that no two stages would write one
 * name, then creates every model: all before any document.  Every problem
 * of the chain is reported at once, one per line.  Error codes: those of
 * nlp_registry_load(), %NLP_ERROR_OPTION, %NLP_ERROR_CHAIN, and
 * %NLP_ERROR_DATA (or any code a model_new returns).
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
NlpPipeline  *nlp_pipeline_new  (NlpRegistry *registry, const NlpChainSpec *spec,
                                 GError **error);
/**
 * nlp_pipeline_new_unloaded:
 * @registry: where the stages are found
 * @spec: the chain
 * @error: return location for a #GError, or %NULL
 *
 * Like nlp_pipeline_new(), but stops after validation: no model is made,
 * and the pipeline cannot process documents (`nlpipe check`).
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
NlpPipeline  *nlp_pipeline_new_unloaded (NlpRegistry *registry,
                                         const NlpChainSpec *spec, GError **error);
/**
 * nlp_pipeline_new_from_string:
 * @chain: (nullable): "tokenize,sentence,..." (%NULL: the default chain)
 * @error: return location for a #GError, or %NULL
 *
 * @chain with default options, its stages found on the default search
 * path: the short way for programs that need nothing more.
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
NlpPipeline  *nlp_pipeline_new_from_string (const char *chain, GError **error);
/**
 * nlp_pipeline_ref:
 * @pipeline: a pipeline
 *
 * Pipelines are reference-counted: a processor holds one on its pipeline,
 * and so does every document it processed (cells may point into the
 * stages' models).
 *
 * Returns: (transfer full): @pipeline
 */
NlpPipeline  *nlp_pipeline_ref   (NlpPipeline *pipeline);
/**
 * nlp_pipeline_unref:
 * @pipeline: (nullable) (transfer full): a pipeline
 *
 * Drops a reference; the last frees the models.
 */
void          nlp_pipeline_unref (NlpPipeline *pipeline);
/**
 * nlp_pipeline_free: (skip)
 * @pipeline: (nullable) (transfer full): a pipeline
 *
 * The same as nlp_pipeline_unref().
 */
void          nlp_pipeline_free  (NlpPipeline *pipeline);

/**
 * nlp_pipeline_get_n_stages:
 * @pipeline: a pipeline
 *
 * Returns: the number of stage instances
 */
guint         nlp_pipeline_get_n_stages (const NlpPipeline *pipeline);
/**
 * nlp_pipeline_get_instance_name:
 * @pipeline: a pipeline
 * @i: an instance index
 *
 * Returns: (transfer none): instance @i's name (its alias, or the stage's)
 */
const char   *nlp_pipeline_get_instance_name (const NlpPipeline *pipeline, guint i);
/**
 * nlp_pipeline_get_stage:
 * @pipeline: a pipeline
 * @i: an instance index
 *
 * Returns: (transfer none): the stage instance @i runs
 */
NlpStage     *nlp_pipeline_get_stage   (const NlpPipeline *pipeline, guint i);
/**
 * nlp_pipeline_get_options:
 * @pipeline: a pipeline
 * @i: an instance index
 *
 * Returns: (transfer none): instance @i's option values
 */
const NlpOptions *nlp_pipeline_get_options (const NlpPipeline *pipeline, guint i);
/**
 * nlp_pipeline_get_provides:
 * @pipeline: a pipeline
 * @i: an instance index
 *
 * Returns: (transfer none) (array zero-terminated=1): what instance @i
 *   provides, as the instance names it (under an alias, renamed)
 */
const char *const *nlp_pipeline_get_provides (const NlpPipeline *pipeline, guint i);
/**
 * nlp_pipeline_provides:
 * @pipeline: a pipeline
 * @name: a name (LAYER, LAYER.COLUMN or doc.NAME)
 *
 * Returns: whether some instance provides @name
 */
gboolean      nlp_pipeline_provides (const NlpPipeline *pipeline, const char *name);
/**
 * nlp_pipeline_list_provides:
 * @pipeline: a pipeline
 *
 * Returns: (transfer full) (array zero-terminated=1): every name the
 *   chain provides, in chain order, as each instance names it
 */
char        **nlp_pipeline_list_provides (const NlpPipeline *pipeline);

/**
 * nlp_pipeline_worker_new: (skip)
 * @pipeline: a pipeline with its models
 * @error: return location for a #GError, or %NULL
 *
 * One thread's state for every stage (each stage's worker_new).
 *
 * Returns: (transfer full): the worker, or %NULL with the failing stage's
 *   error (%NLP_ERROR_DATA)
 */
NlpPipelineWorker *nlp_pipeline_worker_new  (NlpPipeline *pipeline, GError **error);
/**
 * nlp_pipeline_worker_free: (skip)
 * @worker: (nullable): a worker
 *
 * Frees @worker.
 */
void               nlp_pipeline_worker_free (NlpPipelineWorker *worker);
/**
 * nlp_pipeline_worker_process: (skip)
 * @worker: a worker, used by one thread at a time
 * @doc: a document
 * @failed_stage: (out) (optional) (transfer none): the instance that
 *   failed
 * @error: return location for a #GError, or %NULL
 *
 * Runs every stage on @doc in order, under the stage contract and the
 * language policy.  On failure @error has %NLP_ERROR_STAGE and the
 * stage's own message; the stages before the failing one keep their work.
 *
 * Returns: %TRUE when every stage succeeded (or was skipped for the
 *   document's language)
 */
gboolean      nlp_pipeline_worker_process (NlpPipelineWorker *worker, NlpDocument *doc,
                                           const char **failed_stage, GError **error);

/**
 * nlp_pipeline_get_running: (skip)
 * @stage: (out) (optional) (transfer none) (nullable): the instance whose
 *   process() the calling thread is in, or %NULL
 * @doc_id: (out) (optional) (transfer none) (nullable): the id of the
 *   document it is processing, or %NULL
 *
 * What the calling thread is running, for a crash report: a program's
 * handler of SIGSEGV or SIGABRT (which runs on the thread that crashed),
 * or its atexit() handler when a stage calls exit(), can name the stage
 * and the document.  Async-signal-safe: it reads two thread-local
 * pointers; the strings stay valid while the stage runs.
 *
 * Returns: %TRUE when the calling thread is inside a stage's process()
 */
gboolean      nlp_pipeline_get_running (const char **stage, const char **doc_id);

/**
 * nlp_pipeline_process:
 * @pipeline: a pipeline
 * @doc: a document
 * @failed_stage: (out) (optional) (transfer none) (nullable): the
 *   instance that failed
 * @error: return location for a #GError, or %NULL
 *
 * Runs every stage on @doc, from any thread: the pipeline keeps a worker
 * for each thread using it at once (made on first need, then reused).
 * Errors as nlp_pipeline_worker_process().
 *
 * Returns: %TRUE when every stage succeeded
 */
gboolean      nlp_pipeline_process (NlpPipeline *pipeline, NlpDocument *doc,
                                    const char **failed_stage, GError **error);
/**
 * nlp_pipeline_process_text:
 * @pipeline: a pipeline
 * @id: (nullable): the new document's id
 * @text: (array length=len) (element-type guint8): UTF-8 text
 * @len: its length in bytes, or -1 up to a NUL
 * @error: return location for a #GError, or %NULL
 *
 * A new document of @text, processed by every stage.  Errors:
 * %NLP_ERROR_ENCODING for text that is not UTF-8, or the failing stage's
 * error, its message prefixed "stage 'NAME': ".
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
NlpDocument  *nlp_pipeline_process_text (NlpPipeline *pipeline, const char *id,
                                         const char *text, gssize len, GError **error);

/**
 * nlp_pipeline_run_text:
 * @chain: (nullable): a chain (%NULL: the default)
 * @text: UTF-8 text, NUL-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Builds @chain with default options on a default registry and runs it on
 * the text, for tests and small programs that need one document.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
NlpDocument  *nlp_pipeline_run_text (const char *chain, const char *text,
                                     GError **error);

G_END_DECLS

#endif
