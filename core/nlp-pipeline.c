/* nlp-pipeline.c — building, validating and running a chain of stages.
 *
 * Validation reports every problem of a chain at once, one per line, before
 * any model is created or any document read (GStreamer's parser does the
 * same for missing elements).
 */
#include <string.h>
#include "nlp-pipeline.h"
#include "nlp-chain-spec-private.h"
#include "nlp-stage-env-private.h"
#include "nlp-pipeline-private.h"
#include "nlp-access-private.h"
#include "nlp-document-private.h"

typedef struct {
  char       *instance;
  NlpStage   *stage;
  NlpOptions *options;
  char       *data_dir;
  NlpAccess  *access;           /* what it may touch, its names for what it provides */
  const char *const *provides;  /* the access's: info->provides as this instance names them */
  /* the layers and columns among them, split once for check_provides:
   * check_layer[i] with column check_column[i] ("" for the layer itself) */
  char      **check_layer;
  char      **check_column;
  gpointer    model;
  gboolean    has_model;
  GArray     *depends;          /* guint: the earlier instances whose provides it requires */
  char       *languages;        /* "en, fr": its languages, for messages; NULL: any */
} NlpInstance;

struct _NlpPipeline {
  gint         ref;
  NlpRegistry *registry;        /* a reference */
  GPtrArray   *instances;       /* NlpInstance * */
  /* nlp_pipeline_process: workers not in use, for any thread */
  GMutex       idle_lock;
  GPtrArray   *idle;            /* NlpPipelineWorker * */
  gboolean     profile;
  NlpLanguageMismatch language_mismatch;
};

struct _NlpPipelineWorker {
  NlpPipeline *pipeline;
  gpointer    *workers;         /* per instance */
  gint64      *usec;            /* per instance, when profiling */
  gboolean    *skipped;         /* per instance: not run on this document */
};

static void
instance_free (NlpInstance *inst)
{
  if (inst->has_model && inst->stage && nlp_stage_get_info (inst->stage)->model_free)
    nlp_stage_get_info (inst->stage)->model_free (inst->model);
  nlp_options_free (inst->options);
  g_free (inst->data_dir);
  nlp__access_free (inst->access);
  if (inst->depends)
    g_array_unref (inst->depends);
  g_free (inst->languages);
  g_strfreev (inst->check_layer);
  g_strfreev (inst->check_column);
  g_free (inst->instance);
  g_free (inst);
}

NlpPipeline *
nlp_pipeline_ref (NlpPipeline *pipeline)
{
  g_return_val_if_fail (pipeline != NULL, NULL);
  g_atomic_int_inc (&pipeline->ref);
  return pipeline;
}

void
nlp_pipeline_free (NlpPipeline *pipeline)
{
  nlp_pipeline_unref (pipeline);
}

void
nlp_pipeline_unref (NlpPipeline *pipeline)
{
  if (pipeline == NULL || !g_atomic_int_dec_and_test (&pipeline->ref))
    return;
  for (guint i = 0; i < pipeline->idle->len; i++)
    nlp_pipeline_worker_free (g_ptr_array_index (pipeline->idle, i));
  g_ptr_array_unref (pipeline->idle);
  g_mutex_clear (&pipeline->idle_lock);
  /* models are freed in reverse order of creation */
  for (guint i = pipeline->instances->len; i > 0; i--)
    instance_free (g_ptr_array_index (pipeline->instances, i - 1));
  g_ptr_array_free (pipeline->instances, TRUE);
  nlp_registry_unref (pipeline->registry);
  g_free (pipeline);
}

static NlpInstance *
find_instance (NlpPipeline *pipeline, const char *name)
{
  for (guint i = 0; i < pipeline->instances->len; i++)
    {
      NlpInstance *inst = g_ptr_array_index (pipeline->instances, i);
      if (strcmp (inst->instance, name) == 0)
        return inst;
    }
  return NULL;
}

/* Appends a problem to @problems, keeping the code of the first one. */
static void
add_problem (GString *problems, gint *code, gint new_code, const char *msg)
{
  if (problems->len)
    g_string_append_c (problems, '\n');
  g_string_append (problems, msg);
  if (*code < 0)
    *code = new_code;
}

/* The layer part of a name ("token" of "token.stem"), or NULL for a
 * document attribute: (transfer full). */
static char *
layer_of (const char *name)
{
  const char *dot = strchr (name, '.');

  if (g_str_has_prefix (name, "doc."))
    return NULL;
  return dot ? g_strndup (name, (gsize) (dot - name)) : g_strdup (name);
}

/* What @inst writes must be its own or declared: a name another instance
 * already provides would be refused on the first document, a column on a
 * layer no earlier stage makes could not be added (unless the stage
 * requires it: that check says so already), and modifies must name
 * something that exists by then.  @provided maps the names of the earlier
 * instances to the instance that provides each. */
static void
check_writes (const NlpInstance *inst, GHashTable *provided, GString *problems,
              gint *code)
{
  const char *const *modifies = nlp__access_get_modifies (inst->access);
  const char *const *requires = nlp_stage_get_info (inst->stage)->requires;

  for (guint p = 0; inst->provides[p]; p++)
    {
      const char *name = inst->provides[p];
      const char *other = g_hash_table_lookup (provided, name);
      char *layer = layer_of (name), *msg = NULL;

      if (other != NULL)
        msg = g_strdup_printf ("stage '%s' would add '%s', which '%s' already provides; "
                               "run one of them under another name (ALIAS=STAGE)",
                               inst->instance, name, other);
      else if (layer != NULL && strcmp (layer, name) != 0
               && !g_strv_contains (inst->provides, layer)
               && !g_hash_table_contains (provided, layer)
               && !(requires && g_strv_contains (requires, layer)))
        msg = g_strdup_printf ("stage '%s' adds '%s', but no earlier stage provides the "
                               "layer '%s'; put a stage that provides it first",
                               inst->instance, name, layer);
      if (msg != NULL)
        add_problem (problems, code, NLP_ERROR_CHAIN, msg);
      g_free (msg);
      g_free (layer);
    }
  for (guint m = 0; modifies[m]; m++)
    if (!g_hash_table_contains (provided, modifies[m]))
      {
        char *msg = g_strdup_printf ("stage '%s' modifies '%s', which no earlier stage "
                                     "provides", inst->instance, modifies[m]);
        add_problem (problems, code, NLP_ERROR_CHAIN, msg);
        g_free (msg);
      }
}

static void
check_requirements (NlpPipeline *pipeline, GString *problems, gint *code)
{
  GHashTable *provided = g_hash_table_new (g_str_hash, g_str_equal);
  /* name -> the index of the instance that provides it */
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < pipeline->instances->len; i++)
    {
      NlpInstance *inst = g_ptr_array_index (pipeline->instances, i);
      const NlpStageInfo *info;

      if (inst->stage == NULL)
        continue;
      info = nlp_stage_get_info (inst->stage);
      inst->depends = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint r = 0; info->requires && info->requires[r]; r++)
        {
          const char *need = info->requires[r];
          GString *msg;
          char **providers;
          const char *later = NULL;

          if (g_hash_table_contains (provided, need))
            {
              guint by = GPOINTER_TO_UINT (g_hash_table_lookup (index, need));
              g_array_append_val (inst->depends, by);
              continue;
            }
          for (guint j = i + 1; j < pipeline->instances->len && !later; j++)
            {
              NlpInstance *other = g_ptr_array_index (pipeline->instances, j);
              if (other->provides && g_strv_contains (other->provides, need))
                later = other->instance;
            }
          msg = g_string_new (NULL);
          g_string_printf (msg, "stage '%s' requires '%s', which no earlier stage provides",
                           inst->instance, need);
          if (later)
            g_string_append_printf (msg, "; '%s' provides it but comes later: move it before '%s'",
                                    later, inst->instance);
          else
            {
              providers = nlp_registry_find_providers (pipeline->registry, need);
              if (providers[0])
                {
                  char *list = g_strjoinv (", ", providers);
                  g_string_append_printf (msg, "; installed stages that provide it: %s", list);
                  g_free (list);
                }
              else
                g_string_append (msg, "; no installed stage provides it");
              g_strfreev (providers);
            }
          add_problem (problems, code, NLP_ERROR_CHAIN, msg->str);
          g_string_free (msg, TRUE);
        }
      check_writes (inst, provided, problems, code);
      for (guint p = 0; inst->provides[p]; p++)
        if (!g_hash_table_contains (provided, inst->provides[p]))
          {
            g_hash_table_insert (provided, (gpointer) inst->provides[p], inst->instance);
            g_hash_table_insert (index, (gpointer) inst->provides[p], GUINT_TO_POINTER (i));
          }
    }
  g_hash_table_unref (provided);
  g_hash_table_unref (index);
}

/* Splits @inst's provides into what check_provides looks for; document
 * attributes are left out: they may legitimately be absent. */
static void
split_checks (NlpInstance *inst)
{
  GPtrArray *layers = g_ptr_array_new (), *columns = g_ptr_array_new ();

  for (guint p = 0; inst->provides[p]; p++)
    {
      const char *name = inst->provides[p];
      const char *dot = strchr (name, '.');

      if (g_str_has_prefix (name, "doc."))
        continue;
      g_ptr_array_add (layers, dot ? g_strndup (name, (gsize) (dot - name)) : g_strdup (name));
      g_ptr_array_add (columns, g_strdup (dot ? dot + 1 : ""));
    }
  g_ptr_array_add (layers, NULL);
  g_ptr_array_add (columns, NULL);
  inst->check_layer = (char **) g_ptr_array_free (layers, FALSE);
  inst->check_column = (char **) g_ptr_array_free (columns, FALSE);
}

static gboolean
apply_settings (NlpPipeline *pipeline, const NlpChainSpec *spec,
                GString *problems, gint *code)
{
  for (guint i = 0; i < spec->settings->len; i++)
    {
      NlpChainSetting *s = g_ptr_array_index (spec->settings, i);
      NlpInstance *inst = find_instance (pipeline, s->instance);
      GError *local = NULL;
      char *msg;

      if (inst == NULL)
        {
          if (s->strict)
            {
              msg = g_strdup_printf ("%s %s.%s=%s: '%s' is not in the chain (%s)",
                                     s->origin, s->instance, s->option, s->value,
                                     s->instance, spec->stages ? spec->stages : NLP_DEFAULT_CHAIN);
              add_problem (problems, code, NLP_ERROR_OPTION, msg);
              g_free (msg);
            }
          continue;
        }
      if (inst->stage == NULL)
        continue;
      if (strcmp (s->option, "datadir") == 0)
        {
          g_free (inst->data_dir);
          inst->data_dir = g_strdup (s->value);
          continue;
        }
      if (!nlp_options_set (inst->options, s->option, s->value, &local))
        {
          /* the message names the instance; add where it came from */
          if (strcmp (s->origin, "--set") == 0)
            add_problem (problems, code, NLP_ERROR_OPTION, local->message);
          else
            {
              msg = g_strdup_printf ("%s: %s", s->origin, local->message);
              add_problem (problems, code, NLP_ERROR_OPTION, msg);
              g_free (msg);
            }
          g_error_free (local);
        }
    }
  return TRUE;
}

static NlpPipeline *
pipeline_build (NlpRegistry *registry, const NlpChainSpec *spec,
                gboolean create_models, GError **error)
{
  NlpPipeline *pipeline = g_new0 (NlpPipeline, 1);
  NlpChainSpec *fallback = NULL;
  GString *problems = g_string_new (NULL);
  gint code = -1;
  GPtrArray *items = spec->items;

  pipeline->ref = 1;
  pipeline->registry = nlp_registry_ref (registry);
  pipeline->instances = g_ptr_array_new ();
  pipeline->idle = g_ptr_array_new ();
  g_mutex_init (&pipeline->idle_lock);
  pipeline->language_mismatch = nlp_chain_spec_get_language_mismatch (spec);
  if (items->len == 0)
    {
      fallback = nlp_chain_spec_new ();
      nlp_chain_spec_set_stages (fallback, NLP_DEFAULT_CHAIN, NULL);
      items = fallback->items;
    }

  for (guint i = 0; i < items->len; i++)
    {
      NlpChainItem *item = g_ptr_array_index (items, i);
      NlpInstance *inst = g_new0 (NlpInstance, 1);
      GError *local = NULL;

      inst->instance = g_strdup (item->instance);
      inst->stage = nlp_registry_load (registry, item->stage, &local);
      if (inst->stage == NULL)
        {
          add_problem (problems, &code, local->code, local->message);
          g_error_free (local);
        }
      else
        {
          const NlpStageInfo *info = nlp_stage_get_info (inst->stage);
          inst->options = nlp_options_new (inst->instance, info->options);
          inst->data_dir = g_strdup (nlp_stage_get_data_dir (inst->stage));
          inst->access = nlp__access_new (info->name, inst->instance, info->provides,
                                          info->modifies, &local);
          if (inst->access == NULL)
            {
              add_problem (problems, &code, local->code, local->message);
              g_clear_error (&local);
              inst->stage = NULL;
            }
          else
            {
              inst->provides = nlp__access_get_provides (inst->access);
              split_checks (inst);
              if (info->languages != NULL)
                inst->languages = g_strjoinv (", ", (char **) info->languages);
            }
        }
      g_ptr_array_add (pipeline->instances, inst);
    }
  apply_settings (pipeline, spec, problems, &code);
  check_requirements (pipeline, problems, &code);

  for (guint i = 0; create_models && code < 0 && i < pipeline->instances->len; i++)
    {
      NlpInstance *inst = g_ptr_array_index (pipeline->instances, i);
      const NlpStageInfo *info = nlp_stage_get_info (inst->stage);
      NlpStageEnv env = { inst->instance, inst->data_dir, inst->options };
      GError *local = NULL;

      if (info->model_new == NULL)
        {
          inst->has_model = TRUE;
          continue;
        }
      inst->model = info->model_new (&env, &local);
      if (inst->model == NULL && local != NULL)
        {
          /* nlp_stage_env_find_data already says "stage 'NAME': ..." */
          char *named = g_strdup_printf ("stage '%s'", inst->instance);
          char *msg = g_str_has_prefix (local->message, inst->instance)
                      || g_str_has_prefix (local->message, named)
            ? g_strdup (local->message)
            : g_strdup_printf ("%s: %s", named, local->message);
          g_free (named);
          add_problem (problems, &code, NLP_ERROR_DATA, msg);
          g_free (msg);
          g_error_free (local);
        }
      else
        inst->has_model = TRUE;
    }

  nlp_chain_spec_free (fallback);
  if (code >= 0)
    {
      g_set_error_literal (error, NLP_ERROR, code, problems->str);
      g_string_free (problems, TRUE);
      nlp_pipeline_free (pipeline);
      return NULL;
    }
  g_string_free (problems, TRUE);
  return pipeline;
}

NlpPipeline *
nlp_pipeline_new (NlpRegistry *registry, const NlpChainSpec *spec, GError **error)
{
  return pipeline_build (registry, spec, TRUE, error);
}

NlpPipeline *
nlp_pipeline_new_unloaded (NlpRegistry *registry, const NlpChainSpec *spec,
                           GError **error)
{
  return pipeline_build (registry, spec, FALSE, error);
}

guint
nlp_pipeline_get_n_stages (const NlpPipeline *pipeline)
{
  return pipeline->instances->len;
}

#define INST(p, i) ((NlpInstance *) g_ptr_array_index ((p)->instances, (i)))

const char *
nlp_pipeline_get_instance_name (const NlpPipeline *pipeline, guint i)
{
  g_return_val_if_fail (i < pipeline->instances->len, NULL);
  return INST (pipeline, i)->instance;
}

NlpStage *
nlp_pipeline_get_stage (const NlpPipeline *pipeline, guint i)
{
  g_return_val_if_fail (i < pipeline->instances->len, NULL);
  return INST (pipeline, i)->stage;
}

const NlpOptions *
nlp_pipeline_get_options (const NlpPipeline *pipeline, guint i)
{
  g_return_val_if_fail (i < pipeline->instances->len, NULL);
  return INST (pipeline, i)->options;
}

const char *
nlp__pipeline_get_data_dir (const NlpPipeline *pipeline, guint i)
{
  return INST (pipeline, i)->data_dir;
}

const char *const *
nlp_pipeline_get_provides (const NlpPipeline *pipeline, guint i)
{
  return INST (pipeline, i)->provides;
}

gboolean
nlp_pipeline_provides (const NlpPipeline *pipeline, const char *name)
{
  for (guint i = 0; i < pipeline->instances->len; i++)
    {
      if (g_strv_contains (INST (pipeline, i)->provides, name))
        return TRUE;
    }
  return FALSE;
}

char **
nlp_pipeline_list_provides (const NlpPipeline *pipeline)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < pipeline->instances->len; i++)
    for (const char *const *p = INST (pipeline, i)->provides; p && *p; p++)
      g_ptr_array_add (all, g_strdup (*p));
  g_ptr_array_add (all, NULL);
  return (char **) g_ptr_array_free (all, FALSE);
}

void
nlp__pipeline_set_profile (NlpPipeline *pipeline, gboolean profile)
{
  pipeline->profile = profile;
}

NlpPipelineWorker *
nlp_pipeline_worker_new (NlpPipeline *pipeline, GError **error)
{
  NlpPipelineWorker *worker = g_new0 (NlpPipelineWorker, 1);
  guint n = pipeline->instances->len;

  worker->pipeline = pipeline;
  worker->workers = g_new0 (gpointer, n);
  worker->usec = g_new0 (gint64, n);
  worker->skipped = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      NlpInstance *inst = INST (pipeline, i);
      const NlpStageInfo *info = nlp_stage_get_info (inst->stage);
      GError *local = NULL;

      if (info->worker_new == NULL)
        {
          worker->workers[i] = inst->model;
          continue;
        }
      worker->workers[i] = info->worker_new (inst->model, &local);
      if (worker->workers[i] == NULL && local != NULL)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "stage '%s': %s",
                       inst->instance, local->message);
          g_error_free (local);
          /* free what was made so far */
          for (guint j = 0; j < i; j++)
            {
              const NlpStageInfo *ij = nlp_stage_get_info (INST (pipeline, j)->stage);
              if (ij->worker_new && ij->worker_free)
                ij->worker_free (worker->workers[j]);
            }
          g_free (worker->workers);
          g_free (worker->usec);
          g_free (worker->skipped);
          g_free (worker);
          return NULL;
        }
    }
  return worker;
}

void
nlp_pipeline_worker_free (NlpPipelineWorker *worker)
{
  if (worker == NULL)
    return;
  for (guint i = 0; i < worker->pipeline->instances->len; i++)
    {
      const NlpStageInfo *info = nlp_stage_get_info (INST (worker->pipeline, i)->stage);
      if (info->worker_new && info->worker_free)
        info->worker_free (worker->workers[i]);
    }
  g_free (worker->workers);
  g_free (worker->usec);
  g_free (worker->skipped);
  g_free (worker);
}

const gint64 *
nlp__pipeline_worker_get_usec (const NlpPipelineWorker *worker)
{
  return worker->usec;
}

/* A stage that says it provides a layer or column must have made it: a
 * broken third-party stage is caught on the first document, not by a
 * confused user of its output. */
static gboolean
check_provides (const NlpInstance *inst, NlpDocument *doc, GError **error)
{
  for (guint p = 0; inst->check_layer[p]; p++)
    {
      NlpLayer *layer = nlp_document_get_layer (doc, inst->check_layer[p]);
      const char *column = inst->check_column[p];

      if (layer == NULL || (*column && nlp_layer_get_column (layer, column) == NULL))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                       "declares that it provides '%s%s%s' but did not add it "
                       "(a bug in the stage)",
                       inst->check_layer[p], *column ? "." : "", column);
          return FALSE;
        }
    }
  return TRUE;
}

/* The document's language when it is known well enough to skip a stage
 * for it (doc.lang, "und" aside, with doc.lang_score, when there is one, at
 * least NLP_LANGUAGE_SURE_SCORE): its primary subtag ("pt" of "pt-BR") in
 * @buf, or NULL.  A short text made mostly of names ("Angela Merkel met
 * Emmanuel Macron in Paris.", 0.39 Dutch) keeps its guess in doc.lang, but
 * costs no stage its run. */
static const char *
document_language (const NlpDocument *doc, char *buf, gsize size)
{
  gint i = nlp_document_find_attr (doc, "lang");
  gint s = nlp_document_find_attr (doc, "lang_score");
  const char *lang;
  gsize n;

  if (i < 0 || nlp_document_get_attr_type (doc, (guint) i) != NLP_VALUE_STRING)
    return NULL;
  if (s >= 0 && nlp_document_get_attr_type (doc, (guint) s) == NLP_VALUE_DOUBLE
      && nlp_document_get_attr_double (doc, (guint) s) < NLP_LANGUAGE_SURE_SCORE)
    return NULL;
  lang = nlp_document_get_attr_string (doc, (guint) i);
  n = strcspn (lang, "-_");
  if (n == 0 || n >= size || strncmp (lang, "und", n) == 0)
    return NULL;
  memcpy (buf, lang, n);
  buf[n] = '\0';
  return buf;
}

/* Whether instance @i runs on @doc: FALSE (with a warning) when it does
 * not understand the document's language, or needs what a stage skipped
 * on it would have made; FALSE with @error under the fail policy. */
static gboolean
should_run (NlpPipelineWorker *worker, guint i, NlpDocument *doc, gboolean *failed,
            GError **error)
{
  NlpPipeline *pipeline = worker->pipeline;
  NlpInstance *inst = INST (pipeline, i);
  const char *const *languages = nlp_stage_get_info (inst->stage)->languages;
  char buf[16], *msg;
  const char *lang;

  *failed = FALSE;
  for (guint d = 0; d < inst->depends->len; d++)
    {
      guint by = g_array_index (inst->depends, guint, d);
      if (worker->skipped[by])
        {
          msg = g_strdup_printf ("not run: it needs what '%s' makes, and '%s' did not run "
                                 "on this document", INST (pipeline, by)->instance,
                                 INST (pipeline, by)->instance);
          nlp__document_warn (doc, inst->instance, NULL, msg);
          g_free (msg);
          return FALSE;
        }
    }
  if (languages == NULL || pipeline->language_mismatch == NLP_LANGUAGE_MISMATCH_RUN
      || (lang = document_language (doc, buf, sizeof buf)) == NULL
      || g_strv_contains (languages, lang))
    return TRUE;
  if (pipeline->language_mismatch == NLP_LANGUAGE_MISMATCH_FAIL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "the document is in '%s' and the stage understands %s only "
                   "(--language-mismatch=fail)", lang, inst->languages);
      *failed = TRUE;
      return FALSE;
    }
  msg = g_strdup_printf ("not run: the document is in '%s', and the stage understands "
                         "%s only", lang, inst->languages);
  nlp__document_warn (doc, inst->instance, lang, msg);
  g_free (msg);
  return FALSE;
}

gboolean
nlp_pipeline_worker_process (NlpPipelineWorker *worker, NlpDocument *doc,
                             const char **failed_stage, GError **error)
{
  NlpPipeline *pipeline = worker->pipeline;

  /* the stages' cells may point into their models: the document keeps
   * the pipeline (and its models) alive as long as it lives */
  if (G_UNLIKELY (!nlp__document_holds (doc, pipeline)))
    nlp__document_hold (doc, nlp_pipeline_ref (pipeline), (GDestroyNotify) nlp_pipeline_unref);
  memset (worker->skipped, 0, pipeline->instances->len * sizeof (gboolean));
  for (guint i = 0; i < pipeline->instances->len; i++)
    {
      NlpInstance *inst = INST (pipeline, i);
      const NlpStageInfo *info = nlp_stage_get_info (inst->stage);
      GError *local = NULL;
      gint64 t0;
      char *refused;
      gboolean ok, failed;

      if (!should_run (worker, i, doc, &failed, &local))
        {
          if (failed)
            {
              if (failed_stage)
                *failed_stage = inst->instance;
              g_propagate_error (error, local);
              return FALSE;
            }
          worker->skipped[i] = TRUE;
          continue;
        }
      t0 = pipeline->profile ? g_get_monotonic_time () : 0;

      nlp__document_set_access (doc, inst->access);
      ok = info->process (worker->workers[i], doc, &local);
      nlp__document_set_access (doc, NULL);
      if (pipeline->profile)
        worker->usec[i] += g_get_monotonic_time () - t0;
      /* a refused write fails the stage, whatever it returned */
      if ((refused = nlp__document_take_violation (doc)) != NULL)
        {
          g_clear_error (&local);
          g_set_error_literal (&local, NLP_ERROR, NLP_ERROR_STAGE, refused);
          g_free (refused);
          ok = FALSE;
        }
      if (ok)
        ok = check_provides (inst, doc, &local);
      if (!ok)
        {
          if (failed_stage)
            *failed_stage = inst->instance;
          g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE, "%s",
                       local ? local->message : "the stage failed without saying why");
          g_clear_error (&local);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
nlp_pipeline_process (NlpPipeline *pipeline, NlpDocument *doc, const char **failed_stage,
                      GError **error)
{
  NlpPipelineWorker *worker = NULL;
  gboolean ok;

  g_mutex_lock (&pipeline->idle_lock);
  if (pipeline->idle->len > 0)
    worker = g_ptr_array_steal_index_fast (pipeline->idle, pipeline->idle->len - 1);
  g_mutex_unlock (&pipeline->idle_lock);
  if (worker == NULL && (worker = nlp_pipeline_worker_new (pipeline, error)) == NULL)
    return FALSE;
  ok = nlp_pipeline_worker_process (worker, doc, failed_stage, error);
  g_mutex_lock (&pipeline->idle_lock);
  g_ptr_array_add (pipeline->idle, worker);
  g_mutex_unlock (&pipeline->idle_lock);
  return ok;
}

NlpDocument *
nlp_pipeline_process_text (NlpPipeline *pipeline, const char *id, const char *text,
                           gssize len, GError **error)
{
  NlpDocument *doc = nlp_document_new (id, text, len, error);
  const char *stage = NULL;
  GError *local = NULL;

  if (doc == NULL)
    return NULL;
  if (!nlp_pipeline_process (pipeline, doc, &stage, &local))
    {
      g_set_error (error, local->domain, local->code, "stage '%s': %s", stage ? stage : "?",
                   local->message);
      g_error_free (local);
      nlp_document_unref (doc);
      return NULL;
    }
  return doc;
}

NlpPipeline *
nlp_pipeline_new_from_string (const char *chain, GError **error)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline = NULL;

  if (nlp_chain_spec_set_stages (spec, chain ? chain : NLP_DEFAULT_CHAIN, error))
    pipeline = nlp_pipeline_new (registry, spec, error);
  nlp_chain_spec_free (spec);
  nlp_registry_unref (registry);
  return pipeline;
}

NlpDocument *
nlp_pipeline_run_text (const char *chain, const char *text, GError **error)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpPipeline *pipeline = NULL;
  NlpPipelineWorker *worker = NULL;
  NlpDocument *doc = NULL;

  if (!nlp_chain_spec_set_stages (spec, chain, error))
    goto out;
  pipeline = nlp_pipeline_new (registry, spec, error);
  if (pipeline == NULL)
    goto out;
  worker = nlp_pipeline_worker_new (pipeline, error);
  if (worker == NULL)
    goto out;
  doc = nlp_document_new ("text", text, -1, error);
  if (doc != NULL && !nlp_pipeline_worker_process (worker, doc, NULL, error))
    g_clear_pointer (&doc, nlp_document_free);
out:
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return doc;
}
