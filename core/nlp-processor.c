/* nlp-processor.c — documents in memory on worker threads (see
 * nlp-processor.h).  One queue feeds every worker; ordered documents wait
 * in a table keyed by their push number until pop asks for them. */
#include "nlp-processor.h"
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* how often pop hands free heap pages back to the system (see trim) */
#define TRIM_US 1000000

typedef struct {
  NlpDocument     *doc;
  guint64          seq;          /* push order (ordered tasks) */
  gboolean         ordered;
  NlpProcessorFunc func;         /* submitted tasks */
  gpointer         data;
  GDestroyNotify   destroy;
} Task;

struct _NlpProcessor {
  gint                ref;
  NlpPipeline        *pipeline;
  guint               jobs;
  GThread           **threads;
  NlpPipelineWorker **workers;
  GAsyncQueue        *queue;     /* Task *, or &stop */
  GMutex              lock;      /* guards done, next_push, next_pop */
  GCond               cond;
  GHashTable         *done;      /* seq -> Task *: processed, not popped */
  guint64             next_push, next_pop;
  gint64              last_trim_us;
};

typedef struct {
  NlpProcessor      *processor;
  NlpPipelineWorker *worker;
} Worker;

static Task stop;

static void
run_task (NlpPipelineWorker *worker, Task *task, GError **error)
{
  const char *stage = NULL;

  if (!nlp_pipeline_worker_process (worker, task->doc, &stage, error))
    nlp_document_set_error (task->doc, stage, (*error)->message);
}

static gpointer
worker_thread (gpointer data)
{
  NlpProcessor *p = ((Worker *) data)->processor;
  NlpPipelineWorker *worker = ((Worker *) data)->worker;
  Task *task;

  g_free (data);
  while ((task = g_async_queue_pop (p->queue)) != &stop)
    {
      GError *error = NULL;

      run_task (worker, task, &error);
      if (task->ordered)
        {
          g_mutex_lock (&p->lock);
          g_hash_table_insert (p->done, &task->seq, task);
          g_cond_broadcast (&p->cond);
          g_mutex_unlock (&p->lock);
        }
      else
        {
          task->func (task->doc, error, task->data);
          if (task->destroy)
            task->destroy (task->data);
          g_free (task);
        }
      g_clear_error (&error);
    }
  return NULL;
}

static void
task_free (gpointer data)
{
  Task *task = data;

  nlp_document_unref (task->doc);
  g_free (task);
}

NlpProcessor *
nlp_processor_new (NlpPipeline *pipeline, guint jobs, GError **error)
{
  NlpProcessor *p;

  g_return_val_if_fail (pipeline != NULL, NULL);
  p = g_new0 (NlpProcessor, 1);
  p->ref = 1;
  p->jobs = jobs ? jobs : g_get_num_processors ();
  p->workers = g_new0 (NlpPipelineWorker *, p->jobs);
  for (guint i = 0; i < p->jobs; i++)
    if ((p->workers[i] = nlp_pipeline_worker_new (pipeline, error)) == NULL)
      {
        for (guint j = 0; j < i; j++)
          nlp_pipeline_worker_free (p->workers[j]);
        g_free (p->workers);
        g_free (p);
        return NULL;
      }
  p->pipeline = nlp_pipeline_ref (pipeline);
  p->queue = g_async_queue_new ();
  g_mutex_init (&p->lock);
  g_cond_init (&p->cond);
  p->done = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, task_free);
  p->threads = g_new (GThread *, p->jobs);
  for (guint i = 0; i < p->jobs; i++)
    {
      Worker *w = g_new (Worker, 1);
      w->processor = p;
      w->worker = p->workers[i];
      p->threads[i] = g_thread_new ("nlp-processor", worker_thread, w);
    }
  return p;
}

NlpProcessor *
nlp_processor_ref (NlpProcessor *processor)
{
  g_return_val_if_fail (processor != NULL, NULL);
  g_atomic_int_inc (&processor->ref);
  return processor;
}

void
nlp_processor_unref (NlpProcessor *p)
{
  if (p == NULL || !g_atomic_int_dec_and_test (&p->ref))
    return;
  for (guint i = 0; i < p->jobs; i++)
    g_async_queue_push (p->queue, &stop);
  for (guint i = 0; i < p->jobs; i++)
    g_thread_join (p->threads[i]);
  for (guint i = 0; i < p->jobs; i++)
    nlp_pipeline_worker_free (p->workers[i]);
  g_hash_table_unref (p->done);
  g_async_queue_unref (p->queue);
  g_mutex_clear (&p->lock);
  g_cond_clear (&p->cond);
  nlp_pipeline_unref (p->pipeline);
  g_free (p->threads);
  g_free (p->workers);
  g_free (p);
}

guint
nlp_processor_get_jobs (const NlpProcessor *processor)
{
  return processor->jobs;
}

void
nlp_processor_push (NlpProcessor *p, NlpDocument *doc)
{
  Task *task;

  g_return_if_fail (p != NULL && doc != NULL);
  task = g_new0 (Task, 1);
  task->doc = doc;
  task->ordered = TRUE;
  g_mutex_lock (&p->lock);
  task->seq = p->next_push++;
  g_mutex_unlock (&p->lock);
  g_async_queue_push (p->queue, task);
}

gboolean
nlp_processor_push_text (NlpProcessor *p, const char *id, const char *text, gssize len,
                         GError **error)
{
  NlpDocument *doc = nlp_document_new (id, text, len, error);

  if (doc == NULL)
    return FALSE;
  nlp_processor_push (p, doc);
  return TRUE;
}

/* Documents are made by the caller's thread, annotated on the workers'
 * and freed by the caller again: with glibc's per-thread arenas the freed
 * memory stays mapped and RSS creeps up over a long stream (as in the
 * runner).  Returning free pages once a second keeps it flat. */
static void
trim (NlpProcessor *p)
{
#ifdef __GLIBC__
  gint64 now = g_get_monotonic_time ();

  if (now - p->last_trim_us < TRIM_US)
    return;
  p->last_trim_us = now;
  malloc_trim (0);
#endif
}

NlpDocument *
nlp_processor_pop (NlpProcessor *p)
{
  Task *task;
  NlpDocument *doc;

  trim (p);
  g_return_val_if_fail (p != NULL, NULL);
  g_mutex_lock (&p->lock);
  if (p->next_pop == p->next_push)
    {
      g_mutex_unlock (&p->lock);
      return NULL;
    }
  while ((task = g_hash_table_lookup (p->done, &p->next_pop)) == NULL)
    g_cond_wait (&p->cond, &p->lock);
  g_hash_table_steal (p->done, &p->next_pop);
  p->next_pop++;
  g_mutex_unlock (&p->lock);
  doc = task->doc;
  g_free (task);
  return doc;
}

guint
nlp_processor_get_pending (NlpProcessor *p)
{
  guint n;

  g_mutex_lock (&p->lock);
  n = (guint) (p->next_push - p->next_pop);
  g_mutex_unlock (&p->lock);
  return n;
}

void
nlp_processor_submit (NlpProcessor *p, NlpDocument *doc, NlpProcessorFunc func,
                      gpointer user_data, GDestroyNotify destroy)
{
  Task *task;

  g_return_if_fail (p != NULL && doc != NULL && func != NULL);
  task = g_new0 (Task, 1);
  task->doc = doc;
  task->func = func;
  task->data = user_data;
  task->destroy = destroy;
  g_async_queue_push (p->queue, task);
}
