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

typedef struct _NlpProcessor NlpProcessor;

/* Called on a worker thread with each document given to
 * nlp_processor_submit(): @doc (transfer full) is processed, or carries
 * its error record when @error (transfer none) says a stage failed. */
typedef void (*NlpProcessorFunc) (NlpDocument *doc, const GError *error,
                                  gpointer user_data);

/* (transfer full) a processor with @jobs worker threads (0: one per
 * core), or NULL when a stage cannot make its per-thread state (the
 * error is the stage's, NLP_ERROR_DATA). */
NlpProcessor *nlp_processor_new   (NlpPipeline *pipeline, guint jobs, GError **error);
NlpProcessor *nlp_processor_ref   (NlpProcessor *processor);
/* Dropping the last reference waits for the documents being processed
 * and frees those never popped. */
void          nlp_processor_unref (NlpProcessor *processor);

guint         nlp_processor_get_jobs (const NlpProcessor *processor);

/* Queues @doc (transfer full) for processing; returns at once. */
void          nlp_processor_push  (NlpProcessor *processor, NlpDocument *doc);
/* (transfer full) the next document in push order once it is processed,
 * waiting for it; NULL when every pushed document has been popped. */
NlpDocument  *nlp_processor_pop   (NlpProcessor *processor);
/* Documents pushed and not popped yet. */
guint         nlp_processor_get_pending (NlpProcessor *processor);

/* Queues @doc (transfer full) and calls @func with it on the worker
 * thread that processed it; @destroy (may be NULL) frees @user_data
 * after that call. */
void          nlp_processor_submit (NlpProcessor *processor, NlpDocument *doc,
                                    NlpProcessorFunc func, gpointer user_data,
                                    GDestroyNotify destroy);

G_END_DECLS

#endif
