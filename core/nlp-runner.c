/* nlp-runner.c — reader -> N workers -> ordered output, bounded.
 *
 * Documents travel in batches (a few dozen, or a few hundred KB of text)
 * so that thread hand-offs cost little next to the stages even for
 * tweet-sized documents; a batch leaves the reader early whenever a worker
 * is idle, so a slow stream is not held back.  Every batch carries a
 * sequence number and the output thread puts them back in order.  At most
 * max_inflight batches exist at once: memory does not grow with the input.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "nlp-runner.h"
#include "nlp-pipeline-private.h"
#include "nlp-reader-private.h"
#include "nlp-json-out-private.h"
#include "nlp-writer-private.h"

#define BATCH_DOCS   32
#define BATCH_BYTES  (256 * 1024)
/* the writer flushes its stream after this long without a document, so a
 * slow stream's output is not held in the stdio buffer */
#define IDLE_FLUSH_US 100000
/* how often the writer hands free heap pages back to the system */
#define TRIM_US      1000000
/* each worker's alternate signal stack */
#define ALT_STACK_BYTES (64 * 1024)

typedef struct {
  NlpDocument *doc;            /* NULL once processed, or for a read failure */
  char        *id;             /* for messages */
  GString     *out;
  char        *message;        /* failure, or NULL */
  GError      *error;          /* the failure itself */
  const char  *stage;          /* the instance that failed (the pipeline's) */
  gboolean     marked;
  gboolean     unread;         /* doc stands for a line that could not be read */
  gboolean     language_skipped;  /* a stage did not run: its language */
  gsize        bytes;
  guint64      input_pos;      /* reader position after this document */
  guint64      item;           /* input item number, name and kind */
  char        *item_name;
  gboolean     item_is_stream;
} Job;

typedef struct {
  guint64    seq;
  GPtrArray *jobs;             /* Job * */
  gsize      bytes;
} Batch;

typedef struct {
  NlpPipeline       *pipeline;
  NlpWriter         *writer;
  const NlpRunOptions *options;
  GAsyncQueue       *work;
  GAsyncQueue       *done;
  /* in-flight bound, in batches */
  GMutex             lock;
  GCond              cond;
  guint              inflight;
  guint              max_inflight;
  gint               stop;     /* atomic: stop reading and processing */
  GMutex             event_lock;  /* events are never delivered concurrently */
  /* output thread state */
  FILE              *out;      /* the output stream, or NULL (output_func) */
  NlpWriterPage     *page;     /* the stream's page (header, footer) */
  NlpRunStats        stats;
  GError            *fatal;
  guint64            total_bytes;
  guint64            input_pos;
  gint64             start_us;
  gint64             last_trim_us;
} Run;

static Batch end_marker;

static void
job_free (gpointer data)
{
  Job *job = data;

  nlp_document_free (job->doc);
  if (job->out)
    g_string_free (job->out, TRUE);
  g_free (job->message);
  g_clear_error (&job->error);
  g_free (job->id);
  g_free (job->item_name);
  g_free (job);
}

static Batch *
batch_new (guint64 seq)
{
  Batch *batch = g_new0 (Batch, 1);
  batch->seq = seq;
  batch->jobs = g_ptr_array_new_full (BATCH_DOCS, job_free);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->jobs);
  g_free (batch);
}

typedef struct {
  Run               *run;
  NlpPipelineWorker *pw;
} Worker;

/* Formats @job's document into job->out.  Out of memory for the output
 * (the JSON text of a document is about 18 bytes per input byte) fails
 * that document alone: under mark an error record stands for it. */
static void
format_job (Run *run, Job *job)
{
  gsize guess = job->bytes <= (G_MAXSIZE - 256) / 8 ? job->bytes * 8 + 256 : G_MAXSIZE;
  char *message;

  job->out = nlp__out_try_new (guess);
  if (job->out != NULL)
    {
      nlp__out_arm (job->out);
      nlp_writer_format (run->writer, job->doc, job->out);
      if (!nlp__out_disarm (job->out))
        return;
      g_string_free (job->out, TRUE);
      job->out = NULL;
    }
  message = g_strdup_printf ("out of memory for its %s output (%" G_GSIZE_FORMAT
                             " bytes of text); free memory, split the document "
                             "or choose a smaller format",
                             nlp__writer_get_class (run->writer)->name, job->bytes);
  if (job->message == NULL)
    {
      job->message = g_strdup_printf ("document '%s': %s", job->id, message);
      job->error = g_error_new_literal (NLP_ERROR, NLP_ERROR_TOO_LARGE, job->message);
    }
  if (run->options->on_error == NLP_ON_ERROR_MARK)
    {
      /* the error record alone, with the document's id, and the stage's
       * error if one failed on it */
      NlpDocument *record = nlp_document_new (job->id, "", 0, NULL);
      const char *stage = NULL;
      const char *error = nlp_document_get_error (job->doc, &stage);

      nlp_document_set_error (record, error ? stage : NULL, error ? error : message);
      job->out = g_string_new (NULL);
      nlp_writer_format (run->writer, record, job->out);
      nlp_document_free (record);
      job->marked = TRUE;
    }
  g_free (message);
}

static void
process_job (Worker *w, Job *job)
{
  Run *run = w->run;
  GError *error = NULL;
  const char *stage = NULL;

  if (job->doc == NULL)
    return;                    /* a read failure: the writer reports it */
  if (job->unread)
    {
      /* under mark: only its error record, for the line it stands for */
      job->out = g_string_new (NULL);
      nlp_writer_format (run->writer, job->doc, job->out);
      g_clear_pointer (&job->doc, nlp_document_free);
      return;
    }
  if (!nlp_pipeline_worker_process (w->pw, job->doc, &stage, &error))
    {
      job->message = g_strdup_printf ("document '%s': stage '%s': %s", job->id,
                                      stage ? stage : "?", error->message);
      job->stage = stage;
      if (run->options->on_error == NLP_ON_ERROR_MARK)
        {
          nlp_document_set_error (job->doc, stage, error->message);
          job->marked = TRUE;
        }
      job->error = error;
    }
  for (guint i = 0; i < nlp_document_get_n_warnings (job->doc); i++)
    {
      const char *language;
      nlp_document_get_warning (job->doc, i, NULL, &language);
      job->language_skipped |= language != NULL;
    }
  if ((job->message == NULL || job->marked) && !nlp_writer_is_null (run->writer))
    format_job (run, job);
  /* the document is done with: free it here, in parallel */
  g_clear_pointer (&job->doc, nlp_document_free);
}

/* Gives the calling thread an alternate signal stack unless it has one,
 * so that a program's crash handler still runs (and can name the stage,
 * nlp_pipeline_get_running) when a stage overflows the thread's stack.
 * Returns the stack to free, or NULL. */
static gpointer
alt_stack_new (void)
{
  stack_t ss = { 0 }, old;

  if (sigaltstack (NULL, &old) != 0 || !(old.ss_flags & SS_DISABLE))
    return NULL;
  ss.ss_size = ALT_STACK_BYTES;
  ss.ss_sp = g_malloc (ss.ss_size);
  if (sigaltstack (&ss, NULL) != 0)
    g_clear_pointer (&ss.ss_sp, g_free);
  return ss.ss_sp;
}

static void
alt_stack_free (gpointer stack)
{
  stack_t ss = { .ss_flags = SS_DISABLE };

  if (stack == NULL)
    return;
  sigaltstack (&ss, NULL);
  g_free (stack);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;
  Batch *batch;
  gpointer stack = alt_stack_new ();

  while ((batch = g_async_queue_pop (run->work)) != &end_marker)
    {
      for (guint i = 0; i < batch->jobs->len; i++)
        if (!g_atomic_int_get (&run->stop))
          process_job (w, g_ptr_array_index (batch->jobs, i));
      g_async_queue_push (run->done, batch);
    }
  alt_stack_free (stack);
  return NULL;
}

static void
emit (Run *run, NlpRunEvent *event)
{
  if (run->options->event_func == NULL)
    return;
  event->stats = &run->stats;
  event->position = run->input_pos;
  event->total_bytes = run->total_bytes;
  g_mutex_lock (&run->event_lock);
  run->options->event_func (event, run->options->event_data);
  g_mutex_unlock (&run->event_lock);
}

static void
emit_failed (Run *run, const Job *job, const char *message, const GError *error)
{
  NlpRunEvent event = { .type = NLP_RUN_EVENT_FAILED, .message = message,
                        .id = job->id, .stage = job->stage, .error = error };
  emit (run, &event);
}

/* The stream could not be written: nothing more can be, so stop reading
 * and processing. */
static void
set_fatal_errno (Run *run)
{
  if (run->fatal == NULL)
    g_set_error (&run->fatal, NLP_ERROR, NLP_ERROR_IO, "cannot write the output: %s",
                 g_strerror (errno));
  g_atomic_int_set (&run->stop, 1);
}

/* Writes @bytes to the stream (the header before a document, the
 * footer), unless it has already failed. */
static void
write_bytes (Run *run, GString *bytes)
{
  if (run->fatal == NULL && bytes->len > 0
      && fwrite (bytes->str, 1, bytes->len, run->out) != bytes->len)
    set_fatal_errno (run);
}

/* Hands @job's output over: to the caller's output function, or to the
 * stream.  REJECTED leaves the reason in *@error. */
static NlpOutputStatus
output_job (Run *run, Job *job, GError **error)
{
  const NlpRunOptions *options = run->options;
  NlpRunResult result = { 0 };
  NlpOutputStatus status;
  GError *local = NULL;

  if (run->fatal != NULL)
    return NLP_OUTPUT_FATAL;
  if (options->output_func == NULL)
    {
      GString *before = g_string_new (NULL);

      nlp_writer_page_add (run->page, job->out->str, job->out->len, before);
      write_bytes (run, before);
      g_string_free (before, TRUE);
      if (run->fatal != NULL)
        return NLP_OUTPUT_FATAL;
      if (job->out->len > 0 && fwrite (job->out->str, 1, job->out->len, run->out) != job->out->len)
        {
          set_fatal_errno (run);
          return NLP_OUTPUT_FATAL;
        }
      return NLP_OUTPUT_WRITTEN;
    }
  result.id = job->id;
  result.item = job->item_name;
  result.item_number = job->item;
  result.item_is_stream = job->item_is_stream;
  result.output = job->out->str;
  result.output_len = job->out->len;
  result.marked = job->marked;
  status = options->output_func (&result, options->output_data, &local);
  if (status == NLP_OUTPUT_FATAL)
    {
      if (local == NULL)
        g_set_error_literal (&local, NLP_ERROR, NLP_ERROR_IO, "the output failed");
      if (run->fatal == NULL)
        run->fatal = local;
      else
        g_error_free (local);
      g_atomic_int_set (&run->stop, 1);
    }
  else if (status == NLP_OUTPUT_REJECTED)
    {
      if (local == NULL)
        g_set_error (&local, NLP_ERROR, NLP_ERROR_IO, "document '%s': the output refused it",
                     job->id);
      g_propagate_error (error, local);
    }
  else
    g_clear_error (&local);
  return status;
}

/* Documents are allocated by the reader, annotated and formatted by the
 * workers and their output freed by the output thread: with glibc's
 * per-thread arenas the freed memory stays mapped and, fragmented by the
 * odd large document, peak RSS creeps up over a long stream.  Returning
 * free pages once a second keeps it flat, for a few milliseconds of one
 * thread. */
static void
trim_heap (Run *run)
{
#ifdef __GLIBC__
  gint64 now = g_get_monotonic_time ();

  if (now - run->last_trim_us < TRIM_US)
    return;
  run->last_trim_us = now;
  malloc_trim (0);
#endif
}

/* Stops the run after a document failed under --on-error=stop. */
static void
maybe_stop (Run *run, gboolean *stopped)
{
  if (run->options->on_error == NLP_ON_ERROR_STOP)
    {
      *stopped = TRUE;
      g_atomic_int_set (&run->stop, 1);
    }
}

/* Accounts for one document, in input order, and outputs it. */
static void
finish_job (Run *run, Job *job, gboolean *stopped)
{
  GError *rejected = NULL;
  NlpOutputStatus status;

  run->stats.read++;
  run->input_pos = job->input_pos;
  if (*stopped || job->doc != NULL)
    {
      /* after a stop (or a fatal write error): read, never processed */
      run->stats.skipped++;
      *stopped = TRUE;
      return;
    }
  if (job->language_skipped)
    run->stats.language_skipped++;
  if (job->message != NULL)
    {
      /* a failed document: written with its error record under mark */
      status = job->marked && job->out != NULL ? output_job (run, job, &rejected)
                                                : NLP_OUTPUT_REJECTED;
      run->stats.failed++;
      if (status == NLP_OUTPUT_WRITTEN)
        run->stats.marked++;
      if (rejected != NULL)
        emit_failed (run, job, rejected->message, rejected);
      else
        emit_failed (run, job, job->message, job->error);
      g_clear_error (&rejected);
      maybe_stop (run, stopped);
      return;
    }
  status = job->out != NULL ? output_job (run, job, &rejected) : NLP_OUTPUT_WRITTEN;
  switch (status)
    {
    case NLP_OUTPUT_WRITTEN:
      run->stats.written++;
      run->stats.bytes += job->bytes;
      break;
    case NLP_OUTPUT_REJECTED:
      run->stats.failed++;
      emit_failed (run, job, rejected->message, rejected);
      g_clear_error (&rejected);
      maybe_stop (run, stopped);
      break;
    case NLP_OUTPUT_FATAL:
      run->stats.skipped++;
      *stopped = TRUE;
      break;
    }
}

static gpointer
output_thread (gpointer data)
{
  Run *run = data;
  GHashTable *pending = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint64 next = 0;
  gboolean stopped = FALSE;
  Batch *batch;

  for (;;)
    {
      batch = g_async_queue_timeout_pop (run->done, IDLE_FLUSH_US);
      if (batch == NULL)
        {
          /* idle: let a slow stream's reader see what is done so far */
          if (run->out != NULL && run->fatal == NULL && fflush (run->out) != 0)
            set_fatal_errno (run);
          batch = g_async_queue_pop (run->done);
        }
      if (batch == &end_marker)
        break;
      g_hash_table_insert (pending, &batch->seq, batch);
      while ((batch = g_hash_table_lookup (pending, &next)) != NULL)
        {
          NlpRunEvent progress = { .type = NLP_RUN_EVENT_PROGRESS };

          g_hash_table_remove (pending, &next);
          next++;
          for (guint i = 0; i < batch->jobs->len; i++)
            finish_job (run, g_ptr_array_index (batch->jobs, i), &stopped);
          emit (run, &progress);
          batch_free (batch);
          trim_heap (run);
          g_mutex_lock (&run->lock);
          run->inflight--;
          g_cond_signal (&run->cond);
          g_mutex_unlock (&run->lock);
        }
    }
  g_hash_table_unref (pending);
  return NULL;
}

/* Hands @batch to the workers, waiting while too many are in flight. */
static void
submit (Run *run, Batch *batch)
{
  g_mutex_lock (&run->lock);
  while (run->inflight >= run->max_inflight)
    g_cond_wait (&run->cond, &run->lock);
  run->inflight++;
  g_mutex_unlock (&run->lock);
  g_async_queue_push (run->work, batch);
}

/* A JSON Lines line the reader refused, under mark: an error record
 * stands for it, id FILE:LINE, no text, no stage (the shape nlpipe
 * serve answers a bad batch line with), so that the output has one line
 * for each input line. */
static void
mark_unread (Job *job, const char *location)
{
  job->doc = nlp_document_new (location ? location : "?", "", 0, NULL);
  nlp_document_set_error (job->doc, NULL, job->message);
  job->id = g_strdup (location);
  job->unread = TRUE;
  job->marked = TRUE;
}

/* Reads every document into batches until the end or a stop. */
static void
read_all (Run *run, NlpReader *reader)
{
  guint64 seq = 0;
  Batch *batch = NULL;

  nlp__reader_set_blank_lines_fail (reader, run->options->on_error == NLP_ON_ERROR_MARK);

  while (!g_atomic_int_get (&run->stop))
    {
      NlpDocument *doc = NULL;
      char *warning = NULL;
      GError *local = NULL;
      const char *name;
      Job *job;

      if (!nlp_reader_next (reader, &doc, &warning, &local))
        break;
      if (warning != NULL)
        {
          NlpRunEvent event = { .type = NLP_RUN_EVENT_WARNING, .message = warning,
                                .id = doc ? nlp_document_get_id (doc) : NULL };
          emit (run, &event);
          g_free (warning);
        }
      job = g_new0 (Job, 1);
      job->input_pos = nlp_reader_get_input_position (reader);
      name = nlp_reader_get_item_name (reader, &job->item, &job->item_is_stream);
      job->item_name = g_strdup (name);
      if (doc == NULL)
        {
          job->message = g_strdup (local ? local->message : "unreadable input");
          job->error = g_steal_pointer (&local);
          if (run->options->on_error == NLP_ON_ERROR_MARK && job->item_is_stream
              && !nlp_writer_is_null (run->writer))
            mark_unread (job, nlp_reader_get_location (reader));
        }
      else
        {
          job->doc = doc;
          job->id = g_strdup (nlp_document_get_id (doc));
          job->bytes = nlp_document_get_length (doc);
        }
      g_clear_error (&local);
      if (batch == NULL)
        batch = batch_new (seq++);
      g_ptr_array_add (batch->jobs, job);
      batch->bytes += job->bytes;
      /* a full batch goes; so does a partial one when a worker waits */
      if (batch->jobs->len >= BATCH_DOCS || batch->bytes >= BATCH_BYTES
          || g_async_queue_length (run->work) < 0)
        submit (run, g_steal_pointer (&batch));
    }
  if (batch != NULL)
    submit (run, batch);
}

static void
emit_profile (Run *run, gint64 *usec)
{
  guint n = nlp_pipeline_get_n_stages (run->pipeline);

  for (guint i = 0; i < n; i++)
    {
      NlpRunEvent event = { .type = NLP_RUN_EVENT_PROFILE,
                            .stage = nlp_pipeline_get_instance_name (run->pipeline, i),
                            .seconds = usec[i] / 1e6 };
      emit (run, &event);
    }
}

static void
free_workers (Worker *workers, guint n)
{
  for (guint i = 0; i < n; i++)
    nlp_pipeline_worker_free (workers[i].pw);
  g_free (workers);
}

gboolean
nlp_run (NlpPipeline *pipeline, NlpReader *reader, NlpWriter *writer, FILE *out,
         const NlpRunOptions *options, NlpRunStats *stats, GError **error)
{
  Run run = { 0 };
  NlpRunOptions defaults = { 0 };
  GThread **threads, *othread;
  Worker *workers;
  guint jobs;
  gint64 *usec;
  guint nstages = nlp_pipeline_get_n_stages (pipeline);

  if (options == NULL)
    options = &defaults;
  g_return_val_if_fail (out != NULL || options->output_func != NULL, FALSE);
  if (stats)
    memset (stats, 0, sizeof *stats);
  jobs = options->jobs ? options->jobs : g_get_num_processors ();
  nlp__pipeline_set_profile (pipeline, options->profile);
  workers = g_new0 (Worker, jobs);
  for (guint i = 0; i < jobs; i++)
    {
      workers[i].run = &run;
      workers[i].pw = nlp_pipeline_worker_new (pipeline, error);
      if (workers[i].pw == NULL)
        {
          free_workers (workers, i);
          return FALSE;
        }
    }

  run.pipeline = pipeline;
  run.writer = writer;
  run.options = options;
  run.out = options->output_func ? NULL : out;
  run.work = g_async_queue_new ();
  run.done = g_async_queue_new ();
  g_mutex_init (&run.lock);
  g_mutex_init (&run.event_lock);
  g_cond_init (&run.cond);
  /* enough batches to keep every worker busy while the output catches up */
  run.max_inflight = jobs * 4 + 4;
  run.start_us = g_get_monotonic_time ();
  run.total_bytes = options->event_func ? nlp_reader_get_total_bytes (reader) : 0;

  if (run.out)
    run.page = nlp_writer_page_new (writer);
  othread = g_thread_new ("nlp-output", output_thread, &run);
  threads = g_new (GThread *, jobs);
  for (guint i = 0; i < jobs; i++)
    threads[i] = g_thread_new ("nlp-worker", worker_thread, &workers[i]);

  read_all (&run, reader);

  for (guint i = 0; i < jobs; i++)
    g_async_queue_push (run.work, &end_marker);
  for (guint i = 0; i < jobs; i++)
    g_thread_join (threads[i]);
  g_async_queue_push (run.done, &end_marker);
  g_thread_join (othread);

  if (run.out)
    {
      GString *end = g_string_new (NULL);

      nlp_writer_page_end (run.page, end);
      write_bytes (&run, end);
      g_string_free (end, TRUE);
      nlp_writer_page_free (run.page);
      if (run.fatal == NULL && fflush (run.out) != 0)
        set_fatal_errno (&run);
    }
  run.stats.seconds = (g_get_monotonic_time () - run.start_us) / 1e6;

  usec = g_new0 (gint64, nstages);
  for (guint i = 0; i < jobs; i++)
    {
      const gint64 *u = nlp__pipeline_worker_get_usec (workers[i].pw);
      for (guint s = 0; s < nstages; s++)
        usec[s] += u[s];
    }
  free_workers (workers, jobs);
  if (options->profile)
    emit_profile (&run, usec);
  if (stats)
    *stats = run.stats;

  g_free (usec);
  g_free (threads);
  g_async_queue_unref (run.work);
  g_async_queue_unref (run.done);
  g_mutex_clear (&run.lock);
  g_mutex_clear (&run.event_lock);
  g_cond_clear (&run.cond);
  if (run.fatal)
    {
      g_propagate_error (error, run.fatal);
      return FALSE;
    }
  return TRUE;
}
