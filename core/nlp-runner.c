/* nlp-runner.c — reader -> N workers -> ordered writer, bounded. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "nlp-runner.h"
#include "nlp-pipeline-private.h"

typedef struct {
  guint64      seq;
  NlpDocument *doc;
  char        *id;             /* for messages */
  GString     *out;
  char        *message;        /* failure, or NULL */
  gboolean     marked;
  gsize        bytes;
} Job;

typedef struct {
  NlpPipeline       *pipeline;
  NlpWriter         *writer;
  const NlpRunOptions *options;
  FILE              *out;
  GAsyncQueue       *work;
  GAsyncQueue       *done;
  /* in-flight bound */
  GMutex             lock;
  GCond              cond;
  guint              inflight;
  guint              max_inflight;
  gint               stop;     /* atomic: stop reading */
  /* writer thread state */
  NlpRunStats        stats;
  GError            *fatal;
  guint64            total_bytes;
  gint64             start_us;
  gint64             last_progress_us;
  gboolean           progress_shown;
} Run;

static Job end_marker;

static void
job_free (Job *job)
{
  nlp_document_free (job->doc);
  if (job->out)
    g_string_free (job->out, TRUE);
  g_free (job->message);
  g_free (job->id);
  g_free (job);
}

typedef struct {
  Run               *run;
  NlpPipelineWorker *pw;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;
  Job *job;

  while ((job = g_async_queue_pop (run->work)) != &end_marker)
    {
      GError *error = NULL;
      const char *stage = NULL;

      if (g_atomic_int_get (&run->stop))
        {
          g_async_queue_push (run->done, job);
          continue;
        }
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
          job->out = g_string_sized_new (4096);
          nlp_writer_format (run->writer, job->doc, job->out);
        }
      /* the document is done with: free it here, in parallel */
      g_clear_pointer (&job->doc, nlp_document_free);
      g_async_queue_push (run->done, job);
    }
  return NULL;
}

static void
write_bytes (Run *run, const char *data, gsize len)
{
  if (run->fatal != NULL || len == 0)
    return;
  if (fwrite (data, 1, len, run->out) != len)
    g_set_error (&run->fatal, NLP_ERROR, NLP_ERROR_IO,
                 "cannot write the output: %s", g_strerror (errno));
}

static void
show_progress (Run *run, gboolean final)
{
  gint64 now = g_get_monotonic_time ();
  double secs = (now - run->start_us) / 1e6;
  double mb = run->stats.bytes / 1e6;
  char eta[64] = "";

  if (!final && now - run->last_progress_us < 250000)
    return;
  run->last_progress_us = now;
  if (run->total_bytes > 0 && run->stats.bytes > 0 && !final)
    {
      double left = secs * ((double) run->total_bytes / run->stats.bytes - 1.0);
      g_snprintf (eta, sizeof eta, ", ETA %.0f s", left > 0 ? left : 0);
    }
  fprintf (stderr, "\r\033[K%s: %" G_GUINT64_FORMAT " documents, %.1f MB, %.1f MB/s%s",
           run->options->program, run->stats.read, mb, secs > 0 ? mb / secs : 0.0, eta);
  if (final)
    fputc ('\n', stderr);
  run->progress_shown = TRUE;
}

static void
report (Run *run, const char *message)
{
  if (run->progress_shown)
    fputs ("\r\033[K", stderr);
  fprintf (stderr, "%s: %s\n", run->options->program, message);
}

static gpointer
writer_thread (gpointer data)
{
  Run *run = data;
  GHashTable *pending = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint64 next = 0;
  gboolean stopped = FALSE;
  Job *job;

  while ((job = g_async_queue_pop (run->done)) != &end_marker)
    {
      g_hash_table_insert (pending, &job->seq, job);
      while ((job = g_hash_table_lookup (pending, &next)) != NULL)
        {
          g_hash_table_remove (pending, &next);
          next++;
          run->stats.read++;
          if (stopped)
            run->stats.skipped++;
          else if (job->message != NULL)
            {
              run->stats.failed++;
              report (run, job->message);
              if (job->marked)
                {
                  run->stats.marked++;
                  write_bytes (run, job->out->str, job->out->len);
                }
              if (run->options->on_error == NLP_ON_ERROR_STOP)
                {
                  stopped = TRUE;
                  g_atomic_int_set (&run->stop, 1);
                }
            }
          else
            {
              run->stats.written++;
              run->stats.bytes += job->bytes;
              if (job->out)
                write_bytes (run, job->out->str, job->out->len);
            }
          if (run->options->progress)
            show_progress (run, FALSE);
          job_free (job);
          g_mutex_lock (&run->lock);
          run->inflight--;
          g_cond_signal (&run->cond);
          g_mutex_unlock (&run->lock);
        }
    }
  g_hash_table_unref (pending);
  return NULL;
}

static void
submit (Run *run, Job *job, gboolean to_workers)
{
  g_mutex_lock (&run->lock);
  while (run->inflight >= run->max_inflight)
    g_cond_wait (&run->cond, &run->lock);
  run->inflight++;
  g_mutex_unlock (&run->lock);
  g_async_queue_push (to_workers ? run->work : run->done, job);
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

gboolean
nlp_run (NlpPipeline *pipeline, NlpReader *reader, NlpWriter *writer, FILE *out,
         const NlpRunOptions *options, NlpRunStats *stats, GError **error)
{
  Run run = { 0 };
  NlpRunOptions defaults = { 0 };
  GPtrArray *threads = g_ptr_array_new ();
  Worker *workers;
  GThread *wthread;
  GString *edge = g_string_new (NULL);
  guint64 seq = 0;
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
  jobs = options->jobs ? options->jobs : g_get_num_processors ();
  run.pipeline = pipeline;
  run.writer = writer;
  run.options = options;
  run.out = out;
  run.work = g_async_queue_new ();
  run.done = g_async_queue_new ();
  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);
  run.max_inflight = jobs * 8 + 8;
  run.start_us = g_get_monotonic_time ();
  run.total_bytes = options->progress ? nlp_reader_get_total_bytes (reader) : 0;

  nlp__pipeline_set_profile (pipeline, options->profile);
  workers = g_new0 (Worker, jobs);
  for (guint i = 0; i < jobs; i++)
    {
      workers[i].run = &run;
      workers[i].pw = nlp_pipeline_worker_new (pipeline, error);
      if (workers[i].pw == NULL)
        {
          for (guint j = 0; j < i; j++)
            nlp_pipeline_worker_free (workers[j].pw);
          g_free (workers);
          g_ptr_array_unref (threads);
          g_string_free (edge, TRUE);
          g_async_queue_unref (run.work);
          g_async_queue_unref (run.done);
          return FALSE;
        }
    }

  nlp_writer_header (writer, edge);
  write_bytes (&run, edge->str, edge->len);
  wthread = g_thread_new ("nlp-writer", writer_thread, &run);
  for (guint i = 0; i < jobs; i++)
    g_ptr_array_add (threads, g_thread_new ("nlp-worker", worker_thread, &workers[i]));

  while (!g_atomic_int_get (&run.stop))
    {
      NlpDocument *doc = NULL;
      char *warning = NULL;
      GError *local = NULL;
      Job *job;

      if (!nlp_reader_next (reader, &doc, &warning, &local))
        break;
      if (warning != NULL)
        {
          fprintf (stderr, "%s: warning: %s\n", options->program, warning);
          g_free (warning);
        }
      job = g_new0 (Job, 1);
      job->seq = seq++;
      if (doc == NULL)
        {
          job->message = g_strdup (local ? local->message : "unreadable input");
          g_clear_error (&local);
          submit (&run, job, FALSE);
          continue;
        }
      job->doc = doc;
      job->id = g_strdup (nlp_document_get_id (doc));
      job->bytes = nlp_document_get_length (doc);
      submit (&run, job, TRUE);
    }

  for (guint i = 0; i < jobs; i++)
    g_async_queue_push (run.work, &end_marker);
  for (guint i = 0; i < jobs; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_async_queue_push (run.done, &end_marker);
  g_thread_join (wthread);

  g_string_truncate (edge, 0);
  nlp_writer_footer (writer, edge);
  write_bytes (&run, edge->str, edge->len);
  if (fflush (out) != 0 && run.fatal == NULL)
    g_set_error (&run.fatal, NLP_ERROR, NLP_ERROR_IO, "cannot write the output: %s",
                 g_strerror (errno));
  run.stats.seconds = (g_get_monotonic_time () - run.start_us) / 1e6;

  usec = g_new0 (gint64, nstages);
  for (guint i = 0; i < jobs; i++)
    {
      const gint64 *u = nlp__pipeline_worker_get_usec (workers[i].pw);
      for (guint s = 0; s < nstages; s++)
        usec[s] += u[s];
      nlp_pipeline_worker_free (workers[i].pw);
    }
  if (options->progress && run.progress_shown)
    fputs ("\r\033[K", stderr);
  if (options->profile)
    print_profile (&run, usec);
  if (options->summary)
    {
      double mb = run.stats.bytes / 1e6;
      fprintf (stderr, "%s: %" G_GUINT64_FORMAT " documents read, %" G_GUINT64_FORMAT
               " written, %" G_GUINT64_FORMAT " failed", options->program,
               run.stats.read, run.stats.written, run.stats.failed);
      if (run.stats.marked)
        fprintf (stderr, " (%" G_GUINT64_FORMAT " written with an error record)",
                 run.stats.marked);
      if (run.stats.skipped)
        fprintf (stderr, ", %" G_GUINT64_FORMAT " not processed after the stop",
                 run.stats.skipped);
      fprintf (stderr, "; %.2f s, %.1f MB/s\n", run.stats.seconds,
               run.stats.seconds > 0 ? mb / run.stats.seconds : 0.0);
    }
  if (stats)
    *stats = run.stats;

  g_free (usec);
  g_free (workers);
  g_ptr_array_unref (threads);
  g_string_free (edge, TRUE);
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
