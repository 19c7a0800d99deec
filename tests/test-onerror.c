/* test-onerror.c — a stage that fails on one document (tests/stages/failer
 * fails on texts containing FAIL) behind the default chain: the --on-error
 * policy holds and every other document is written, in input order, with
 * any number of worker threads. */
#include <string.h>
#include "nlp-test.h"

#define CHAIN NLP_DEFAULT_CHAIN ",failer"
#define N_DOCS 40

/* A JSON Lines stream of N_DOCS records; every seventh says FAIL. */
static char *
stream (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < N_DOCS; i++)
    g_string_append_printf (s, "{\"id\":\"d%02u\",\"text\":\"%s Trump met Putin in "
                            "Anchorage on Friday.\"}\n", i, i % 7 == 3 ? "FAIL:" : "Good:");
  return g_string_free (s, FALSE);
}

static NlpTestRun *
run_policy (const char *policy, const char *jobs)
{
  char *input = stream ();
  char *plugins = g_build_filename (NLP_TEST_BUILDDIR, "tests", "stages", NULL);
  char *on_error = g_strdup_printf ("--on-error=%s", policy);
  const char *argv[] = { "-q", "--plugin-path", plugins, "-p", CHAIN, "-j", jobs,
                         "--input-format=jsonl", on_error, "-", NULL };
  NlpTestRun *run = nlp_test_runv (input, argv, NULL);

  g_free (input);
  g_free (plugins);
  g_free (on_error);
  return run;
}

/* The ids written, in order, as one string "d00 d01 ...". */
static char *
ids_of (const char *out, guint *n_errors)
{
  char **lines = g_strsplit (out, "\n", -1);
  GString *ids = g_string_new (NULL);

  *n_errors = 0;
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      JsonNode *node = nlp_test_parse_json (lines[i]);
      JsonObject *doc = json_node_get_object (node);
      g_string_append_printf (ids, "%s%s", ids->len ? " " : "",
                              json_object_get_string_member (doc, "id"));
      *n_errors += json_object_has_member (doc, "error");
      json_node_unref (node);
    }
  g_strfreev (lines);
  return g_string_free (ids, FALSE);
}

static char *
expected_ids (gboolean with_failed)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < N_DOCS; i++)
    if (with_failed || i % 7 != 3)
      g_string_append_printf (ids, "%sd%02u", ids->len ? " " : "", i);
  return g_string_free (ids, FALSE);
}

static guint
count_lines (const char *s, const char *needle)
{
  guint n = 0;
  for (const char *p = s; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

Test (onerror, skip_writes_every_other_document)
{
  const char *jobs[] = { "1", "2", "4" };
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      NlpTestRun *run = run_policy ("skip", jobs[j]);
      guint errors;
      char *ids = ids_of (run->out, &errors);
      char *want = expected_ids (FALSE);

      cr_assert_eq (run->status, 1, "-j %s: %s", jobs[j], run->err);
      cr_assert_str_eq (ids, want, "-j %s", jobs[j]);
      cr_assert_eq (count_lines (run->err, "stage 'failer'"), 6, "%s", run->err);
      cr_assert (strstr (run->err, "nlpipe: document 'd03': stage 'failer': "), "%s", run->err);
      g_free (ids);
      g_free (want);
      nlp_test_run_free (run);
    }
}

Test (onerror, mark_writes_failed_documents_with_an_error)
{
  NlpTestRun *run = run_policy ("mark", "2");
  guint errors;
  char *ids = ids_of (run->out, &errors);
  char *want = expected_ids (TRUE);

  cr_assert_eq (run->status, 1);
  cr_assert_str_eq (ids, want);
  cr_assert_eq (errors, 6);
  g_free (ids);
  g_free (want);
  nlp_test_run_free (run);
}

Test (onerror, stop_writes_what_came_before)
{
  NlpTestRun *run = run_policy ("stop", "2");
  guint errors;
  char *ids = ids_of (run->out, &errors);

  cr_assert_eq (run->status, 1);
  cr_assert_str_eq (ids, "d00 d01 d02");
  cr_assert_eq (count_lines (run->err, "stage 'failer'"), 1, "%s", run->err);
  g_free (ids);
  nlp_test_run_free (run);
}
