/* nlp-test.c — helpers shared by the Criterion tests. */
#include <string.h>
#include <stdarg.h>
#include <sys/wait.h>
#include "nlp-test.h"

NlpTestRun *
nlp_test_runv (const char *input, const char *const *argv, const char *const *env)
{
  NlpTestRun *run = g_new0 (NlpTestRun, 1);
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  char **envp = g_get_environ ();
  GError *error = NULL;
  GSubprocessLauncher *launcher;
  GSubprocess *proc;
  GBytes *in = NULL, *out = NULL, *err = NULL;

  g_ptr_array_add (args, g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL));
  for (guint i = 0; argv != NULL && argv[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      char **kv = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, kv[0], kv[1] ? kv[1] : "", TRUE);
      g_strfreev (kv);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  cr_assert_not_null (proc, "cannot run nlpipe: %s", error ? error->message : "?");
  /* g_subprocess_communicate needs a buffer for a piped stdin: NULL input
   * is an empty one */
  in = g_bytes_new (input ? input : "", input ? strlen (input) : 0);
  cr_assert (g_subprocess_communicate (proc, in, NULL, &out, &err, &error),
             "communicate: %s", error ? error->message : "?");
  run->out = g_bytes_get_size (out)
    ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : g_strdup ("");
  run->err = g_bytes_get_size (err)
    ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");
  if (g_subprocess_get_if_exited (proc))
    run->status = g_subprocess_get_exit_status (proc);
  else
    run->status = 128 + g_subprocess_get_term_sig (proc);

  g_bytes_unref (in);
  g_bytes_unref (out);
  g_bytes_unref (err);
  g_object_unref (proc);
  g_object_unref (launcher);
  g_strfreev (envp);
  g_ptr_array_unref (args);
  return run;
}

NlpTestRun *
nlp_test_run (const char *input, const char *first_arg, ...)
{
  GPtrArray *argv = g_ptr_array_new ();
  NlpTestRun *run;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  run = nlp_test_runv (input, (const char *const *) argv->pdata, NULL);
  g_ptr_array_unref (argv);
  return run;
}

void
nlp_test_run_free (NlpTestRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

char *
nlp_test_fixture (const char *name)
{
  return g_build_filename (NLP_TEST_SRCDIR, "tests", "fixtures", name, NULL);
}

char *
nlp_test_article (const char *name)
{
  return g_build_filename (NLP_TEST_SRCDIR, "examples", "articles", name, NULL);
}

char *
nlp_test_read (const char *path)
{
  char *text = NULL;
  GError *error = NULL;

  cr_assert (g_file_get_contents (path, &text, NULL, &error),
             "cannot read %s: %s", path, error ? error->message : "?");
  return text;
}

char *
nlp_test_find_chromium (void)
{
  const char *env = g_getenv ("NLP_CHROMIUM");
  const char *names[] = { "chromium", "chromium-browser", "google-chrome", NULL };

  if (env != NULL && *env)
    return g_strdup (env);
  for (guint i = 0; names[i]; i++)
    {
      char *p = g_find_program_in_path (names[i]);
      if (p != NULL)
        return p;
    }
  return NULL;
}

JsonNode *
nlp_test_parse_json (const char *text)
{
  GError *error = NULL;
  JsonNode *node = json_from_string (text, &error);

  cr_assert_not_null (node, "invalid JSON (%s): %.200s",
                      error ? error->message : "empty", text);
  return node;
}

NlpDocument *
nlp_test_chain (const char *chain, const char *text)
{
  return nlp_test_chain_with (chain, NULL, text);
}

/* Builds @chain with @sets; (transfer full) the pipeline, or NULL with
 * @error set. */
static NlpPipeline *
build_chain (NlpRegistry *registry, NlpChainSpec *spec, const char *chain,
             const char *const *sets, GError **error)
{
  cr_assert (nlp_chain_spec_set_stages (spec, chain, error), "chain %s: %s", chain,
             (*error)->message);
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    cr_assert (nlp_chain_spec_parse_set (spec, sets[i], error), "%s: %s", sets[i],
               (*error)->message);
  return nlp_pipeline_new (registry, spec, error);
}

NlpDocument *
nlp_test_chain_with (const char *chain, const char *const *sets, const char *text)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  GError *error = NULL;
  NlpPipeline *pipeline = build_chain (registry, spec, chain, sets, &error);
  NlpPipelineWorker *worker;
  NlpDocument *doc;

  cr_assert_not_null (pipeline, "chain %s: %s", chain, error ? error->message : "?");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker, "chain %s: %s", chain, error ? error->message : "?");
  doc = nlp_document_new ("text", text, -1, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error),
             "chain %s failed: %s", chain, error ? error->message : "?");
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return doc;
}

char *
nlp_test_chain_error (const char *chain, const char *const *sets)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  GError *error = NULL;
  NlpPipeline *pipeline = build_chain (registry, spec, chain, sets, &error);
  char *message = pipeline == NULL ? g_strdup (error->message) : NULL;

  g_clear_error (&error);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return message;
}

char **
nlp_test_span_texts (NlpDocument *doc, const char *name)
{
  NlpLayer *layer = nlp_document_get_layer (doc, name);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; layer != NULL && i < nlp_layer_get_n_rows (layer); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, i, &len);
      g_ptr_array_add (out, g_strndup (t, len));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
nlp_test_has_span (NlpDocument *doc, const char *name, const char *text,
                   const char *column, const char *value)
{
  NlpLayer *layer = nlp_document_get_layer (doc, name);
  NlpColumn *col;

  if (layer == NULL)
    return FALSE;
  col = column ? nlp_layer_get_column (layer, column) : NULL;
  for (guint i = 0; i < nlp_layer_get_n_rows (layer); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (layer, i, &len);
      if (len != strlen (text) || memcmp (t, text, len) != 0)
        continue;
      if (column == NULL)
        return TRUE;
      if (col != NULL && g_strcmp0 (nlp_column_get_string (col, i), value) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint n_criticals;

static void
count_critical (const char *domain, GLogLevelFlags level, const char *message,
                gpointer data)
{
  n_criticals++;
}

void
nlp_test_count_criticals (void)
{
  n_criticals = 0;
  g_log_set_handler (NULL, G_LOG_LEVEL_CRITICAL, count_critical, NULL);
}

guint
nlp_test_n_criticals (void)
{
  return n_criticals;
}
