/* nlp-processor.h — documents in memory through a pipeline, on worker
 * threads.
 *
 * A processor starts @jobs threads, each with its own NlpPipelineWorker
 * (the stages' per-thread state) over the pipeline's shared read-only
 * models.  Documents go in and come back processed, in one of two ways:
 *
 *   - in order: nlp_processor_push() as many as you like, then
 *     nlp_processor_pop() returns them in the order they were pushed (a
 *     batch of articles, Python's Pipeline.pipe());
 *   - as they finish: nlp_processor_submit() with a callback that gets
 *     each document on the worker thread that processed it (a server).
 *
 * A document a stage failed on comes back too, with its error record set
 * (nlp_document_get_error() names the stage and the message); the stages
 * after the failing one did not run on it.
 *
 *   NlpProcessor *p = nlp_processor_new (pipeline, 4, &error);
 *   for (i = 0; i < n; i++)
 *     nlp_processor_push (p, nlp_document_new (ids[i], texts[i], -1, &error));
 *   while ((doc = nlp_processor_pop (p)) != NULL)
 *     { ...; nlp_document_unref (doc); }
 *   nlp_processor_unref (p);
 *
 * Push and pop are meant for one thread (the one that owns the batch);
 * submit may be called from any thread.  The processor holds a reference
 * on its pipeline.
 */
#ifndef NLP_PROCESSOR_H
#define NLP_PROCESSOR_H

#include "nlp-pipeline.h"

G_BEGIN_DECLS

/**
 * NlpProcessor:
 *
 * Worker threads that run a pipeline over documents in memory (see the
 * top of this header).  Reference-counted.
 */
typedef struct _NlpProcessor NlpProcessor;

/**
 * NlpProcessorFunc:
 * @doc: (transfer full): the processed document (with its error record
 *   when a stage failed)
 * @error: (nullable): the stage's error, or %NULL
 * @user_data: the data given to nlp_processor_submit()
 *
 * Called on a worker thread with each document given to
 * nlp_processor_submit().
 */
typedef void (*NlpProcessorFunc) (NlpDocument *doc, const GError *error,
                                  gpointer user_data);

/**
 * nlp_processor_new:
 * @pipeline: a pipeline with its models
 * @jobs: worker threads (0: one per core)
 * @error: return location for a #GError, or %NULL
 *
 * Starts @jobs threads, each with its own per-thread state of every stage.
 *
 * Returns: (transfer full): the processor, or %NULL when a stage cannot
 *   make its per-thread state (the stage's error, %NLP_ERROR_DATA)
 */
NlpProcessor *nlp_processor_new   (NlpPipeline *pipeline, guint jobs, GError **error);
/**
 * nlp_processor_ref:
 * @processor: a processor
 *
 * Returns: (transfer full): @processor
 */
NlpProcessor *nlp_processor_ref   (NlpProcessor *processor);
/**
 * nlp_processor_unref:
 * @processor: (nullable) (transfer full): a processor
 *
 * Drops a reference.  The last one waits for the documents being
 * processed (submitted ones get their callback) and frees those never
 * popped.
 */
void          nlp_processor_unref (NlpProcessor *processor);

/**
 * nlp_processor_get_jobs:
 * @processor: a processor
 *
 * Returns: its number of worker threads
 */
guint         nlp_processor_get_jobs (const NlpProcessor *processor);

/**
 * nlp_processor_push:
 * @processor: a processor
 * @doc: (transfer full): a document
 *
 * Queues @doc for processing and returns at once; nlp_processor_pop()
 * returns it, processed, in push order.
 */
void          nlp_processor_push  (NlpProcessor *processor, NlpDocument *doc);
/**
 * nlp_processor_push_text:
 * @processor: a processor
 * @id: (nullable): the new document's id
 * @text: (array length=len) (element-type guint8): its UTF-8 text (copied)
 * @len: its length in bytes, or -1 up to a NUL
 * @error: return location for a #GError, or %NULL
 *
 * nlp_processor_push() of a new document of @text.
 *
 * Returns: %FALSE, pushing nothing, with %NLP_ERROR_ENCODING when @text
 *   is not valid UTF-8
 */
gboolean      nlp_processor_push_text (NlpProcessor *processor, const char *id,
                                       const char *text, gssize len, GError **error);
/**
 * nlp_processor_pop:
 * @processor: a processor
 *
 * Waits for the next document in push order to be processed.  A document
 * a stage failed on comes back too, with its error record
 * (nlp_document_get_error()).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when every
 *   pushed document has been popped
 */
NlpDocument  *nlp_processor_pop   (NlpProcessor *processor);
/**
 * nlp_processor_get_pending:
 * @processor: a processor
 *
 * Returns: the number of documents pushed and not popped yet
 */
guint         nlp_processor_get_pending (NlpProcessor *processor);

/**
 * nlp_processor_submit:
 * @processor: a processor
 * @doc: (transfer full): a document
 * @func: (scope notified) (closure user_data) (destroy destroy): called
 *   with the processed document, on the worker thread that processed it
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data after that call
 *
 * Queues @doc; may be called from any thread.
 */
void          nlp_processor_submit (NlpProcessor *processor, NlpDocument *doc,
                                    NlpProcessorFunc func, gpointer user_data,
                                    GDestroyNotify destroy);

G_END_DECLS

#endif
