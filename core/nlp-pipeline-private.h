/* nlp-pipeline-private.h — pipeline internals for the runner and the CLI. */
#ifndef NLP_PIPELINE_PRIVATE_H
#define NLP_PIPELINE_PRIVATE_H

#include "nlp-pipeline.h"

/* Turns per-stage timing on (before workers are made). */
void          nlp__pipeline_set_profile (NlpPipeline *pipeline, gboolean profile);
/* (transfer none) microseconds spent in each stage by this worker. */
const gint64 *nlp__pipeline_worker_get_usec (const NlpPipelineWorker *worker);
/* (transfer none) the data directory in effect for instance @i. */
const char   *nlp__pipeline_get_data_dir (const NlpPipeline *pipeline, guint i);

#endif
