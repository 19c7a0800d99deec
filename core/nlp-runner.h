/* nlp-runner.h — running a pipeline over a stream of documents.
 *
 * The calling thread reads; N worker threads each run the whole chain on
 * one document at a time and format its output; one writer thread writes
 * the outputs in input order.  Queues are bounded, so memory stays flat
 * however long the input.  Every document read is accounted for: written,
 * or reported on stderr as failed (one line naming the document).
 */
#ifndef NLP_RUNNER_H
#define NLP_RUNNER_H

#include <stdio.h>
#include "nlp-pipeline.h"
#include "nlp-reader.h"
#include "nlp-writer.h"

G_BEGIN_DECLS

typedef enum {
  NLP_ON_ERROR_SKIP,           /* report the document on stderr, go on */
  NLP_ON_ERROR_STOP,           /* report it and stop reading */
  NLP_ON_ERROR_MARK,           /* write it with an error record, go on */
} NlpOnError;

typedef struct {
  guint       jobs;            /* worker threads; 0: one per core */
  NlpOnError  on_error;
  gboolean    profile;         /* per-stage time on stderr at the end */
  gboolean    progress;        /* a progress line on stderr */
  gboolean    summary;         /* the closing summary line on stderr */
  const char *program;         /* prefix of stderr lines ("nlpipe") */
  /* When set, @out is unused: each input item (file, JSON Lines stream,
   * stdin) is written to its own file under @output_dir, named as
   * nlp_reader_get_item_name says with its extension replaced by
   * @output_ext (@output_stream_ext for an item of many documents, when
   * set).  Each file is written under a hidden temporary name and renamed
   * when complete. */
  const char *output_dir;
  const char *output_ext;      /* ".json" */
  const char *output_stream_ext;  /* ".jsonl", or NULL */
  gpointer    _reserved[3];
} NlpRunOptions;

typedef struct {
  guint64 read;                /* documents read (and input items that failed) */
  guint64 written;             /* documents written without error */
  guint64 failed;              /* documents (or input items) that failed */
  guint64 marked;              /* failed ones written with an error record */
  guint64 skipped;             /* read but not processed after a stop */
  guint64 bytes;               /* text bytes processed */
  double  seconds;
} NlpRunStats;

/* Runs @pipeline over @reader's documents, writing @writer's output to
 * @out (or to files under options->output_dir).  Returns FALSE with @error only for failures that stop the whole
 * run (the output cannot be written, a worker cannot be created); failed
 * documents are counted in @stats (may be NULL) and reported on stderr. */
gboolean nlp_run (NlpPipeline *pipeline, NlpReader *reader, NlpWriter *writer,
                  FILE *out, const NlpRunOptions *options, NlpRunStats *stats,
                  GError **error);

G_END_DECLS

#endif
