/* nlp-runner.c — reader -> N workers -> ordered writer, bounded.
 *
 * Documents travel in batches (a few dozen, or a few hundred KB of text)
 * so that thread hand-offs cost little next to the stages even for
 * tweet-sized documents; a batch leaves the reader early whenever a worker
 * is idle, so a slow stream is not held back.  Every batch carries a
 * sequence number and the writer puts them back in order.  At most
 * max_inflight batches exist at once: memory does not grow with the input.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "nlp-runner.h"
#include "nlp-atomic-file-private.h"
#include "nlp-pipeline-private.h"

#define BATCH_DOCS   32
#define BATCH_BYTES  (256 * 1024)
/* the writer flushes its stream after this long without a document, so a
 * slow stream's output is not held in the stdio buffer */
#define IDLE_FLUSH_US 100000
/* how often the writer hands free heap pages back to the system */
#define TRIM_US      1000000

typedef struct {
  NlpDocument *doc;            /* NULL once processed, or for a read failure */
  char        *id;             /* for messages */
  GString     *out;
  char        *message;        /* failure, or NULL */
  gboolean     marked;
  gsize        bytes;
  guint64      input_pos;      /* reader position after this document */
  guint64      item;           /* input item (-o DIR: one output file each) */
  char        *dest;           /* -o DIR: the output file, or NULL */
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
  /* writer thread state */
  FILE              *stream;   /* the single output stream, or NULL (-o DIR) */
  FILE              *out;      /* where documents go now */
  char              *out_tmp;  /* -o DIR: the file being written ... */
  char              *out_path; /* ... and the name it gets when complete */
  guint64            out_item;
  GHashTable        *dests;    /* -o DIR: output files written so far */
  NlpRunStats        stats;
  GError            *fatal;
  guint64            total_bytes;
  guint64            input_pos;
  gint64             start_us;
  gint64             last_progress_us;
  gint64             last_trim_us;
  gboolean           progress_shown;
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
  g_free (job->id);
  g_free (job->dest);
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

static void
process_job (Worker *w, Job *job)
{
  Run *run = w->run;
  GError *error = NULL;
  const char *stage = NULL;

  if (job->doc == NULL)
    return;                    /* a read failure: the writer reports it */
  if (!nlp_pipeline_worker_process (w->pw, job->doc, &stage, &error))
    {
      job->message = g_strdup_printf ("document '%s': stage '%s': %s", job->id,
                                      stage ? stage : "?", error->message);
      if (run->options->on_error == NLP_ON_ERROR_MARK)
        {
          nlp_document_set_error (job->doc, stage, error->message);
          job->marked = TRUE;
        }
      g_error_free (error);
    }
  if ((job->message == NULL || job->marked) && !nlp_writer_is_null (run->writer))
    {
      job->out = g_string_sized_new (job->bytes * 8 + 256);
      nlp_writer_format (run->writer, job->doc, job->out);
    }
  /* the document is done with: free it here, in parallel */
  g_clear_pointer (&job->doc, nlp_document_free);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;
  Batch *batch;

  while ((batch = g_async_queue_pop (run->work)) != &end_marker)
    {
      for (guint i = 0; i < batch->jobs->len; i++)
        if (!g_atomic_int_get (&run->stop))
          process_job (w, g_ptr_array_index (batch->jobs, i));
      g_async_queue_push (run->done, batch);
    }
  return NULL;
}

static void
set_fatal (Run *run, const char *what, const char *path)
{
  if (run->fatal == NULL)
    g_set_error (&run->fatal, NLP_ERROR, NLP_ERROR_IO, "cannot write %s: %s",
                 path ? path : what, g_strerror (errno));
  /* nothing more can be written: stop reading and processing */
  g_atomic_int_set (&run->stop, 1);
}

static gboolean
write_bytes (Run *run, const char *data, gsize len)
{
  if (run->fatal != NULL)
    return FALSE;
  if (len > 0 && fwrite (data, 1, len, run->out) != len)
    {
      set_fatal (run, "the output", run->out_path);
      return FALSE;
    }
  return TRUE;
}

static void
write_edge (Run *run, gboolean header)
{
  GString *edge = g_string_new (NULL);

  if (header)
    nlp_writer_header (run->writer, edge);
  else
    nlp_writer_footer (run->writer, edge);
  write_bytes (run, edge->str, edge->len);
  g_string_free (edge, TRUE);
}

/* -o DIR: completes the current output file (footer, then the rename that
 * makes it appear whole), or removes it after a failure. */
static void
close_dest (Run *run)
{
  if (run->out_tmp == NULL)
    return;
  if (run->fatal == NULL)
    write_edge (run, FALSE);
  if (run->fatal != NULL)
    nlp__atomic_abort (run->out, run->out_tmp);
  else if (!nlp__atomic_commit (run->out, run->out_tmp, run->out_path))
    set_fatal (run, "the output", run->out_path);
  run->out = NULL;
  g_clear_pointer (&run->out_tmp, g_free);
  g_clear_pointer (&run->out_path, g_free);
}

/* Two input items map to one output file (a.txt and a.md -> a.json):
 * the second one's documents fail rather than overwrite the first's. */
static gboolean
clash (Job *job)
{
  g_free (job->message);
  job->message = g_strdup_printf ("document '%s': %s is already written from "
                                  "another input with the same name; rename one "
                                  "of them", job->id, job->dest);
  job->marked = FALSE;
  return FALSE;
}

/* -o DIR: makes @job's output file current, opening it under a temporary
 * name.  Returns FALSE after a fatal error, or with job->message set when
 * the file clashes with an earlier one. */
static gboolean
open_dest (Run *run, Job *job)
{
  char *dir;

  if (job->item == run->out_item)
    {
      if (run->out == NULL && run->fatal == NULL)
        return clash (job);
      return run->fatal == NULL;
    }
  close_dest (run);
  run->out_item = job->item;
  if (run->fatal != NULL)
    return FALSE;
  if (!g_hash_table_add (run->dests, g_strdup (job->dest)))
    return clash (job);
  dir = g_path_get_dirname (job->dest);
  if (g_mkdir_with_parents (dir, 0777) != 0
      || (run->out = nlp__atomic_open (job->dest, &run->out_tmp)) == NULL)
    {
      set_fatal (run, "the output", job->dest);
      g_free (dir);
      return FALSE;
    }
  g_free (dir);
  run->out_path = g_strdup (job->dest);
  write_edge (run, TRUE);
  return run->fatal == NULL;
}

static void
show_progress (Run *run)
{
  gint64 now = g_get_monotonic_time ();
  double secs = (now - run->start_us) / 1e6;
  double mb = run->stats.bytes / 1e6;
  char eta[64] = "";

  if (now - run->last_progress_us < 250000)
    return;
  run->last_progress_us = now;
  if (run->total_bytes > 0 && run->input_pos > 0)
    {
      double left = secs * ((double) run->total_bytes / run->input_pos - 1.0);
      g_snprintf (eta, sizeof eta, ", %.0f%%, ETA %.0f s",
                  100.0 * run->input_pos / run->total_bytes, left > 0 ? left : 0);
    }
  fprintf (stderr, "\r\033[K%s: %" G_GUINT64_FORMAT " documents, %.1f MB, %.1f MB/s%s",
           run->options->program, run->stats.read, mb, secs > 0 ? mb / secs : 0.0, eta);
  fflush (stderr);
  run->progress_shown = TRUE;
}

/* One line per problem, whatever the message quotes: an id or a file name
 * with a line break (JSON Lines "a\nb", a file called so) must not split
 * it, nor may an escape sequence reach the terminal. */
static void
print_line (const char *program, const char *kind, const char *message)
{
  GString *line = g_string_sized_new (strlen (message) + 16);

  for (const char *p = message; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c == '\n')
        g_string_append (line, "\\n");
      else if (c == '\r')
        g_string_append (line, "\\r");
      else if (c == '\t')
        g_string_append (line, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (line, "\\x%02x", c);
      else
        g_string_append_c (line, (char) c);
    }
  fprintf (stderr, "%s: %s%s\n", program, kind, line->str);
  g_string_free (line, TRUE);
}

static void
report (Run *run, const char *message)
{
  if (run->progress_shown)
    fputs ("\r\033[K", stderr);
  print_line (run->options->program, "", message);
}

/* Documents are allocated by the reader, annotated and formatted by the
 * workers and their output freed by the writer: with glibc's per-thread
 * arenas the freed memory stays mapped and, fragmented by the odd large
 * document, peak RSS creeps up over a long stream.  Returning free pages
 * once a second keeps it flat, for a few milliseconds of one thread. */
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

/* Accounts for one document, in input order, and writes it. */
static void
finish_job (Run *run, Job *job, gboolean *stopped)
{
  run->stats.read++;
  run->input_pos = job->input_pos;
  if (*stopped || job->doc != NULL)
    {
      /* after a stop (or a fatal write error): read, never processed */
      run->stats.skipped++;
      *stopped = TRUE;
      return;
    }
  if (job->out != NULL && job->dest != NULL && !open_dest (run, job)
      && run->fatal != NULL)
    {
      run->stats.skipped++;
      *stopped = TRUE;
      return;
    }
  if (job->message != NULL)
    {
      run->stats.failed++;
      report (run, job->message);
      if (job->marked && job->out != NULL && write_bytes (run, job->out->str, job->out->len))
        run->stats.marked++;
      if (run->options->on_error == NLP_ON_ERROR_STOP)
        {
          *stopped = TRUE;
          g_atomic_int_set (&run->stop, 1);
        }
      return;
    }
  if (job->out == NULL || write_bytes (run, job->out->str, job->out->len))
    {
      run->stats.written++;
      run->stats.bytes += job->bytes;
    }
  else
    {
      run->stats.skipped++;
      *stopped = TRUE;
    }
}

static gpointer
writer_thread (gpointer data)
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
            set_fatal (run, "the output", run->out_path);
          batch = g_async_queue_pop (run->done);
        }
      if (batch == &end_marker)
        break;
      g_hash_table_insert (pending, &batch->seq, batch);
      while ((batch = g_hash_table_lookup (pending, &next)) != NULL)
        {
          g_hash_table_remove (pending, &next);
          next++;
          for (guint i = 0; i < batch->jobs->len; i++)
            finish_job (run, g_ptr_array_index (batch->jobs, i), &stopped);
          if (run->options->progress)
            show_progress (run);
          batch_free (batch);
          trim_heap (run);
          g_mutex_lock (&run->lock);
          run->inflight--;
          g_cond_signal (&run->cond);
          g_mutex_unlock (&run->lock);
        }
    }
  close_dest (run);
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

/* (transfer full) -o DIR: the output file for input item @name. */
static char *
dest_path (const NlpRunOptions *options, const char *name, gboolean is_stream)
{
  const char *ext = is_stream && options->output_stream_ext ? options->output_stream_ext
                    : options->output_ext ? options->output_ext : "";
  const char *slash = strrchr (name, G_DIR_SEPARATOR);
  const char *base = slash ? slash + 1 : name;
  const char *dot = strrchr (base, '.');
  gsize stem = dot && dot > base ? (gsize) (dot - name) : strlen (name);
  char *file = g_strdup_printf ("%.*s%s", (int) stem, name, ext);
  char *path = g_build_filename (options->output_dir, file, NULL);

  g_free (file);
  return path;
}

/* Reads every document into batches until the end or a stop. */
static void
read_all (Run *run, NlpReader *reader)
{
  const NlpRunOptions *options = run->options;
  guint64 seq = 0;
  Batch *batch = NULL;

  while (!g_atomic_int_get (&run->stop))
    {
      NlpDocument *doc = NULL;
      char *warning = NULL;
      GError *local = NULL;
      Job *job;

      if (!nlp_reader_next (reader, &doc, &warning, &local))
        break;
      if (warning != NULL)
        {
          print_line (options->program, "warning: ", warning);
          g_free (warning);
        }
      job = g_new0 (Job, 1);
      job->input_pos = nlp_reader_get_input_position (reader);
      if (doc == NULL)
        job->message = g_strdup (local ? local->message : "unreadable input");
      else
        {
          job->doc = doc;
          job->id = g_strdup (nlp_document_get_id (doc));
          job->bytes = nlp_document_get_length (doc);
          if (options->output_dir != NULL)
            {
              gboolean is_stream;
              const char *name = nlp_reader_get_item_name (reader, &job->item, &is_stream);
              job->dest = dest_path (options, name, is_stream);
            }
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
print_profile (Run *run, gint64 *usec)
{
  guint n = nlp_pipeline_get_n_stages (run->pipeline);
  double mb = run->stats.bytes / 1e6;

  fprintf (stderr, "%s: profile (CPU time in each stage, summed over workers):\n",
           run->options->program);
  for (guint i = 0; i < n; i++)
    {
      double s = usec[i] / 1e6;
      fprintf (stderr, "  %-12s %9.3f s  %9.1f MB/s\n",
               nlp_pipeline_get_instance_name (run->pipeline, i), s,
               s > 0 ? mb / s : 0.0);
    }
}

static void
print_summary (Run *run)
{
  const NlpRunStats *st = &run->stats;
  double mb = st->bytes / 1e6;

  fprintf (stderr, "%s: %" G_GUINT64_FORMAT " documents read, %" G_GUINT64_FORMAT
           " written, %" G_GUINT64_FORMAT " failed", run->options->program,
           st->read, st->written, st->failed);
  if (st->marked)
    fprintf (stderr, " (%" G_GUINT64_FORMAT " written with an error record)", st->marked);
  if (st->skipped)
    fprintf (stderr, ", %" G_GUINT64_FORMAT " not processed after the stop", st->skipped);
  fprintf (stderr, "; %.2f s, %.1f MB/s\n", st->seconds,
           st->seconds > 0 ? mb / st->seconds : 0.0);
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
  GThread **threads, *wthread;
  Worker *workers;
  guint jobs;
  gint64 *usec;
  guint nstages = nlp_pipeline_get_n_stages (pipeline);

  if (options == NULL)
    options = &defaults;
  if (options->program == NULL)
    {
      defaults = *options;
      defaults.program = "nlpipe";
      options = &defaults;
    }
  g_return_val_if_fail (out != NULL || options->output_dir != NULL, FALSE);
  jobs = options->jobs ? options->jobs : g_get_num_processors ();
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
  run.stream = options->output_dir ? NULL : out;
  run.out = run.stream;
  run.out_item = G_MAXUINT64;
  run.dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.work = g_async_queue_new ();
  run.done = g_async_queue_new ();
  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);
  /* enough batches to keep every worker busy while the writer catches up */
  run.max_inflight = jobs * 4 + 4;
  run.start_us = g_get_monotonic_time ();
  run.total_bytes = options->progress ? nlp_reader_get_total_bytes (reader) : 0;
  nlp__pipeline_set_profile (pipeline, options->profile);

  if (run.stream)
    write_edge (&run, TRUE);
  wthread = g_thread_new ("nlp-writer", writer_thread, &run);
  threads = g_new (GThread *, jobs);
  for (guint i = 0; i < jobs; i++)
    threads[i] = g_thread_new ("nlp-worker", worker_thread, &workers[i]);

  read_all (&run, reader);

  for (guint i = 0; i < jobs; i++)
    g_async_queue_push (run.work, &end_marker);
  for (guint i = 0; i < jobs; i++)
    g_thread_join (threads[i]);
  g_async_queue_push (run.done, &end_marker);
  g_thread_join (wthread);

  if (run.stream)
    {
      run.out = run.stream;
      write_edge (&run, FALSE);
      if (run.fatal == NULL && fflush (run.stream) != 0)
        set_fatal (&run, "the output", NULL);
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
  if (options->progress && run.progress_shown)
    fputs ("\r\033[K", stderr);
  if (options->profile)
    print_profile (&run, usec);
  if (options->summary)
    print_summary (&run);
  if (stats)
    *stats = run.stats;

  g_free (usec);
  g_free (threads);
  g_hash_table_unref (run.dests);
  g_async_queue_unref (run.work);
  g_async_queue_unref (run.done);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);
  if (run.fatal)
    {
      g_propagate_error (error, run.fatal);
      return FALSE;
    }
  return TRUE;
}
