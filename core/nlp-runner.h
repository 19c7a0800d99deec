/* nlp-runner.h — running a pipeline over a stream of documents.
 *
 * The calling thread reads; N worker threads each run the whole chain on
 * one document at a time and format its output; one output thread hands
 * the outputs over in input order.  Queues are bounded, so memory stays
 * flat however long the input.  Every document read is accounted for in
 * NlpRunStats: written, failed (with an event saying why) or skipped after
 * a stop.
 *
 * The runner never prints.  What a terminal would show (failures,
 * warnings, progress, the per-stage profile) reaches the caller through
 * an NlpRunEventFunc, and where the output goes is the caller's choice: a
 * stream, or an NlpRunOutputFunc that receives each document's bytes (the
 * nlpipe command uses it to write one file per input under -o DIR).
 */
#ifndef NLP_RUNNER_H
#define NLP_RUNNER_H

#include <stdio.h>
#include "nlp-pipeline.h"
#include "nlp-reader.h"
#include "nlp-writer.h"

G_BEGIN_DECLS

/**
 * NlpOnError:
 * @NLP_ON_ERROR_SKIP: report the document (an event) and go on
 * @NLP_ON_ERROR_STOP: report it and stop reading
 * @NLP_ON_ERROR_MARK: output it with its error record and go on
 *
 * What the runner does when a document fails.
 */
typedef enum {
  NLP_ON_ERROR_SKIP,           /* report the document (an event), go on */
  NLP_ON_ERROR_STOP,           /* report it and stop reading */
  NLP_ON_ERROR_MARK,           /* output it with an error record, go on */
} NlpOnError;

/**
 * NlpRunStats:
 * @read: documents read (and input items that failed)
 * @written: documents output without error
 * @failed: documents (or input items) that failed
 * @marked: failed ones output with an error record
 * @skipped: read but not processed after a stop
 * @bytes: text bytes of the written documents
 * @seconds: wall time of the run
 * @language_skipped: processed documents on which a stage did not run (not
 *   a language it understands)
 *
 * What a run did: read = written + failed + skipped.
 */
typedef struct {
  guint64 read;                /* documents read (and input items that failed) */
  guint64 written;             /* documents output without error */
  guint64 failed;              /* documents (or input items) that failed */
  guint64 marked;              /* failed ones output with an error record */
  guint64 skipped;             /* read but not processed after a stop */
  guint64 bytes;               /* text bytes of the written documents */
  double  seconds;             /* wall time of the run */
  guint64 language_skipped;    /* processed documents on which a stage did not
                                  run: not a language it understands */
} NlpRunStats;

/**
 * NlpRunResult:
 * @id: the document's id
 * @item: its input item, as nlp_reader_get_item_name() names it
 * @item_number: changes with every new input item (from 1)
 * @item_is_stream: the item holds many documents (JSON Lines, stdin)
 * @output: the formatted document
 * @output_len: its length in bytes
 * @marked: a failed document output with its error record
 *
 * One processed document, handed to an #NlpRunOutputFunc in input order.
 * Every pointer is valid during the call only.
 */
typedef struct {
  const char *id;              /* the document's id */
  const char *item;            /* its input item, as nlp_reader_get_item_name () names it */
  guint64     item_number;     /* changes with every new input item (from 1) */
  gboolean    item_is_stream;  /* the item holds many documents (JSON Lines, stdin) */
  const char *output;          /* the formatted document */
  gsize       output_len;
  gboolean    marked;          /* a failed document written with its error record */
  /*< private >*/
  gpointer    _reserved[4];
} NlpRunResult;

/**
 * NlpOutputStatus:
 * @NLP_OUTPUT_WRITTEN: the document is out
 * @NLP_OUTPUT_REJECTED: this document fails (the error says why); go on
 * @NLP_OUTPUT_FATAL: nothing more can be written: stop the run
 *
 * What an #NlpRunOutputFunc did with a document.
 */
typedef enum {
  NLP_OUTPUT_WRITTEN,          /* the document is out */
  NLP_OUTPUT_REJECTED,         /* this document fails (the error says why); go on */
  NLP_OUTPUT_FATAL,            /* nothing more can be written: stop the run */
} NlpOutputStatus;

/**
 * NlpRunOutputFunc:
 * @result: the document's output
 * @user_data: the options' output_data
 * @error: set it for %NLP_OUTPUT_REJECTED and %NLP_OUTPUT_FATAL
 *
 * Receives each document's formatted output, in input order, on the
 * runner's output thread.
 *
 * Returns: what became of it
 */
typedef NlpOutputStatus (*NlpRunOutputFunc) (const NlpRunResult *result,
                                             gpointer user_data, GError **error);

/**
 * NlpRunEventType:
 * @NLP_RUN_EVENT_FAILED: a document or input item failed: message, id,
 *   stage, error
 * @NLP_RUN_EVENT_WARNING: a non-fatal note about a document: message
 * @NLP_RUN_EVENT_PROGRESS: after each batch: stats, position, total_bytes
 * @NLP_RUN_EVENT_PROFILE: once per stage at the end (when profiling):
 *   stage, seconds (CPU summed over workers)
 *
 * The kinds of #NlpRunEvent.
 */
typedef enum {
  NLP_RUN_EVENT_FAILED,        /* a document or input item failed: message */
  NLP_RUN_EVENT_WARNING,       /* a non-fatal note about a document: message */
  NLP_RUN_EVENT_PROGRESS,      /* after each batch: stats, position, total_bytes */
  NLP_RUN_EVENT_PROFILE,       /* once per stage at the end (options->profile):
                                  stage, seconds (CPU summed over workers) */
} NlpRunEventType;

/**
 * NlpRunEvent:
 * @type: what happened
 * @message: FAILED and WARNING: one line naming the document or the input
 *   ("document 'a1': stage 'entity': ...", "notes.jsonl:3: not valid JSON
 *   ..."); it may quote user data verbatim (ids, file names): escape it
 *   before showing it on a terminal
 * @id: FAILED: the document's id, or %NULL for unreadable input
 * @stage: FAILED: the instance that failed, or %NULL; PROFILE: the instance
 * @error: FAILED: the error itself (the stage's own message)
 * @seconds: PROFILE: the instance's CPU time
 * @stats: the counts so far (final for PROFILE)
 * @position: input bytes consumed so far
 * @total_bytes: the size of the named inputs, 0 when unknown
 *
 * What the runner reports instead of printing.
 */
typedef struct {
  NlpRunEventType    type;
  /* FAILED and WARNING: one line naming the document or the input
   * ("document 'a1': stage 'entity': ...", "notes.jsonl:3: not valid JSON
   * ...").  It may quote user data verbatim (ids, file names): escape it
   * before showing it on a terminal. */
  const char        *message;
  const char        *id;       /* FAILED: the document's id, or NULL for unreadable input */
  const char        *stage;    /* FAILED: the instance that failed, or NULL; PROFILE: the instance */
  const GError      *error;    /* FAILED: the error itself (the stage's own message) */
  double             seconds;  /* PROFILE */
  const NlpRunStats *stats;    /* the counts so far (final for PROFILE) */
  guint64            position; /* input bytes consumed so far */
  guint64            total_bytes;  /* size of the named inputs, 0 when unknown */
  /*< private >*/
  gpointer           _reserved[4];
} NlpRunEvent;

/**
 * NlpRunEventFunc:
 * @event: the event
 * @user_data: the options' event_data
 *
 * Called for every event; never from two threads at once (a lock is held
 * around it), from the calling thread (WARNING) or the output thread.
 */
typedef void (*NlpRunEventFunc) (const NlpRunEvent *event, gpointer user_data);

/**
 * NlpRunOptions:
 * @jobs: worker threads (0: one per core)
 * @on_error: what happens when a document fails
 * @profile: measure each stage's CPU time (PROFILE events at the end)
 * @event_func: (nullable): receives the events (%NULL: they are dropped)
 * @event_data: its user data
 * @output_func: (nullable): when set, documents go to it instead of the
 *   stream given to nlp_run() (which may then be %NULL); the header and
 *   footer are its to write
 * @output_data: its user data
 *
 * A run's options; zero-initialise it, then set what you need.
 */
typedef struct {
  guint            jobs;       /* worker threads; 0: one per core */
  NlpOnError       on_error;
  gboolean         profile;    /* per-stage CPU time: PROFILE events at the end */
  NlpRunEventFunc  event_func; /* or NULL: events are dropped */
  gpointer         event_data;
  /* When set, documents go to @output_func instead of the stream given
   * to nlp_run (which may then be NULL); header and footer are the
   * callback's to write (nlp_writer_header/footer). */
  NlpRunOutputFunc output_func;
  gpointer         output_data;
  /*< private >*/
  gpointer         _reserved[4];
} NlpRunOptions;

/**
 * nlp_run: (skip)
 * @pipeline: a pipeline
 * @reader: where the documents come from
 * @writer: their format
 * @out: (nullable): the stream they go to (header, documents, footer), or
 *   %NULL with options->output_func
 * @options: (nullable): the run's options (%NULL: the defaults)
 * @stats: (out caller-allocates) (optional): what the run did, filled in
 *   either case
 * @error: return location for a #GError, or %NULL
 *
 * Runs @pipeline over @reader's documents on worker threads, in input
 * order, with flat memory.  Failed documents are counted in @stats and
 * reported as events.  (Bindings use #NlpProcessor: a FILE stream does
 * not cross into them.)
 *
 * Returns: %FALSE with @error only for failures that stop the whole run
 *   (the output cannot be written, a worker cannot be created)
 */
gboolean nlp_run (NlpPipeline *pipeline, NlpReader *reader, NlpWriter *writer,
                  FILE *out, const NlpRunOptions *options, NlpRunStats *stats,
                  GError **error);

G_END_DECLS

#endif
