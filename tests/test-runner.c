/* test-runner.c — many documents through the built nlpipe: input order at
 * -j 2, every document accounted for under each --on-error policy, JSON
 * Lines fields carried through, -o DIR, directories and stdin.
 *
 * The chain is the test stage tests/stages/runfail: it fails documents
 * containing "FAIL" and sleeps on "SLOW", so that a worker overtakes another
 * and the writer has to put the output back in order. */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

#define STAGES "--plugin-path", NLP_TEST_BUILDDIR "/tests/stages", "-p", "runfail"

/* Removes the scratch tree @path (a test's temporary directory). */
static void
rm_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR)
          && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_tree (child);
      else
        g_unlink (child);
      g_free (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/* JSON Lines with @n records "d0".."d(n-1)"; every @fail_every-th text
 * (0: none) contains FAIL, every 7th is SLOW. */
static char *
make_jsonl (guint n, guint fail_every)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "{\"id\": \"d%u\", \"text\": \"Document %u%s%s.\", "
                            "\"lang\": \"en\", \"n\": %u}\n", i, i,
                            i % 7 == 3 ? " is SLOW" : "",
                            fail_every && i % fail_every == fail_every - 1 ? " must FAIL" : "",
                            i);
  return g_string_free (s, FALSE);
}

/* The non-empty lines of @text.  (transfer full) */
static char **
lines_of (const char *text)
{
  char **all = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; all[i]; i++)
    if (all[i][0] != '\0')
      g_ptr_array_add (out, g_strdup (all[i]));
  g_ptr_array_add (out, NULL);
  g_strfreev (all);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* The id member of each JSON line of @text, in order.  (transfer full) */
static char **
ids_of (const char *text)
{
  char **lines = lines_of (text);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; lines[i]; i++)
    {
      JsonNode *node = nlp_test_parse_json (lines[i]);
      JsonObject *obj = json_node_get_object (node);
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (obj, "id")));
      json_node_unref (node);
    }
  g_ptr_array_add (ids, NULL);
  g_strfreev (lines);
  return (char **) g_ptr_array_free (ids, FALSE);
}

typedef struct {
  guint read, written, failed, skipped;
} Summary;

/* Parses the closing summary line on stderr; asserts it is there. */
static Summary
summary_of (const char *err)
{
  Summary s = { 0 };
  const char *line = strstr (err, " read, ");
  const char *stop;

  cr_assert_not_null (line, "no summary on stderr: %s", err);
  while (line > err && line[-1] != '\n')
    line--;
  /* "1 document read", "2 documents read" */
  cr_assert_eq (sscanf (line, "nlpipe: %u document%*[s ]read, %u written, %u failed",
                        &s.read, &s.written, &s.failed), 3, "summary: %s", line);
  stop = strstr (line, "not processed after the stop");
  if (stop != NULL)
    {
      while (stop > line && stop[-1] == ' ')
        stop--;
      while (stop > line && g_ascii_isdigit (stop[-1]))
        stop--;
      s.skipped = (guint) g_ascii_strtoull (stop, NULL, 10);
    }
  return s;
}

/* How many lines of @err report a failed document. */
static guint
count_reports (const char *err)
{
  char **lines = lines_of (err);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    n += strstr (lines[i], " read, ") == NULL
         && strstr (lines[i], "warning:") == NULL;
  g_strfreev (lines);
  return n;
}

Test (runner, many_tiny_documents_stay_in_input_order)
{
  char *input = make_jsonl (3000, 0);
  NlpTestRun *run = nlp_test_run (input, STAGES, "-j", "2", "--input-format=jsonl", NULL);
  char **ids = ids_of (run->out);

  cr_assert_eq (run->status, 0, "stderr: %s", run->err);
  cr_assert_eq (g_strv_length (ids), 3000);
  for (guint i = 0; i < 3000; i++)
    {
      char want[16];
      g_snprintf (want, sizeof want, "d%u", i);
      cr_assert_str_eq (ids[i], want, "line %u", i + 1);
    }
  g_strfreev (ids);
  nlp_test_run_free (run);
  g_free (input);
}

Test (runner, same_output_at_one_and_four_workers)
{
  char *input = make_jsonl (500, 0);
  NlpTestRun *one = nlp_test_run (input, STAGES, "-j1", "-q", "--input-format=jsonl", NULL);
  NlpTestRun *four = nlp_test_run (input, STAGES, "-j4", "-q", "--input-format=jsonl", NULL);

  cr_assert_eq (one->status, 0, "%s", one->err);
  cr_assert_eq (four->status, 0, "%s", four->err);
  cr_assert (one->err == NULL || *one->err == '\0', "%s", one->err);
  cr_assert (strlen (one->out) > 500 * 50);
  cr_assert_str_eq (one->out, four->out);
  nlp_test_run_free (one);
  nlp_test_run_free (four);
  g_free (input);
}

/* A stream with failing documents and broken records mixed in. */
static char *
make_mixed_stream (void)
{
  char *good = make_jsonl (200, 9);   /* 22 of them contain FAIL */
  char *input = g_strconcat (good,
                             "{\"id\": \"broken\", \"text\": \n"
                             "[1, 2]\n"
                             "{\"id\": \"notext\"}\n"
                             "\n"
                             "{\"id\": \"last\", \"text\": \"The last one.\"}\n", NULL);
  g_free (good);
  return input;
}

Test (runner, skip_accounts_for_every_document)
{
  char *input = make_mixed_stream ();
  NlpTestRun *run = nlp_test_run (input, STAGES, "-j", "2", "--input-format=jsonl",
                                  "--on-error=skip", NULL);
  Summary s = summary_of (run->err);
  char **ids = ids_of (run->out);

  /* 201 good-looking records + 3 broken ones (the blank line is none) */
  cr_assert_eq (s.read, 204, "%s", run->err);
  cr_assert_eq (s.failed, 22 + 3);
  cr_assert_eq (s.written, 204 - 25);
  cr_assert_eq (s.skipped, 0);
  cr_assert_eq (g_strv_length (ids), s.written);
  cr_assert_eq (count_reports (run->err), s.failed, "%s", run->err);
  cr_assert_str_eq (ids[g_strv_length (ids) - 1], "last");
  cr_assert_not_null (strstr (run->err, "document 'd8': stage 'runfail': asked to fail"));
  cr_assert_not_null (strstr (run->err, "stdin:202: a JSON Lines record must be an object"));
  cr_assert_eq (run->status, 1, "a failed document means exit status 1");
  for (guint i = 0; ids[i]; i++)
    cr_assert (strcmp (ids[i], "d8") != 0 && strcmp (ids[i], "d17") != 0);
  g_strfreev (ids);
  nlp_test_run_free (run);
  g_free (input);
}

Test (runner, mark_writes_failed_documents_with_an_error_record)
{
  char *input = make_jsonl (100, 10);
  NlpTestRun *run = nlp_test_run (input, STAGES, "-j", "2", "--input-format=jsonl",
                                  "--on-error=mark", NULL);
  Summary s = summary_of (run->err);
  char **lines = lines_of (run->out);
  guint marked = 0;

  cr_assert_eq (s.read, 100);
  cr_assert_eq (s.failed, 10);
  cr_assert_eq (g_strv_length (lines), 100, "every document is written");
  for (guint i = 0; lines[i]; i++)
    {
      JsonNode *node = nlp_test_parse_json (lines[i]);
      JsonObject *obj = json_node_get_object (node);
      if (json_object_has_member (obj, "error"))
        {
          JsonObject *err = json_object_get_object_member (obj, "error");
          cr_assert_eq (i % 10, 9, "line %u", i + 1);
          cr_assert_str_eq (json_object_get_string_member (err, "stage"), "runfail");
          cr_assert_not_null (strstr (json_object_get_string_member (err, "message"),
                                      "asked to fail"));
          marked++;
        }
      json_node_unref (node);
    }
  cr_assert_eq (marked, 10);
  g_strfreev (lines);
  nlp_test_run_free (run);
  g_free (input);
}

Test (runner, stop_writes_the_documents_before_the_failure_and_no_more)
{
  char *input = make_jsonl (2000, 0);
  char *bad = g_strconcat (input, "", NULL);
  char *at = strstr (bad, "\"Document 700.");
  NlpTestRun *run;
  Summary s;
  char **ids;

  memcpy (at + 1, "FAIL", 4);           /* "Document 700." -> "FAILment 700." */
  run = nlp_test_run (bad, STAGES, "-j", "2", "--input-format=jsonl",
                      "--on-error=stop", NULL);
  s = summary_of (run->err);
  ids = ids_of (run->out);
  cr_assert_eq (run->status, 1);
  cr_assert_eq (s.failed, 1);
  cr_assert_eq (s.written, 700, "%s", run->err);
  cr_assert_eq (g_strv_length (ids), 700);
  cr_assert_str_eq (ids[699], "d699");
  /* read = written + failed + not processed; reading stopped early */
  cr_assert_eq (s.read, s.written + s.failed + s.skipped, "%s", run->err);
  cr_assert (s.read < 2000, "the reader stops: %u read", s.read);
  g_strfreev (ids);
  nlp_test_run_free (run);
  g_free (bad);
  g_free (input);
}

Test (runner, json_lines_fields_are_carried_through)
{
  NlpTestRun *run = nlp_test_run ("{\"id\": 42, \"text\": \"Hello.\", \"url\": \"http://x\", "
                                  "\"tags\": [\"a\", \"b\"]}\n",
                                  STAGES, "--input-format=jsonl", NULL);
  JsonNode *node = nlp_test_parse_json (run->out);
  JsonObject *obj = json_node_get_object (node);
  JsonObject *extra = json_object_get_object_member (obj, "extra");

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_str_eq (json_object_get_string_member (obj, "id"), "42");
  cr_assert_str_eq (json_object_get_string_member (extra, "url"), "http://x");
  cr_assert_eq (json_array_get_length (json_object_get_array_member (extra, "tags")), 2);
  cr_assert_not (json_object_has_member (extra, "text"));
  json_node_unref (node);
  nlp_test_run_free (run);
}

Test (runner, plain_text_on_stdin_is_one_document)
{
  NlpTestRun *run = nlp_test_run ("First line.\n\n{\"id\": 1}\nLast line.\n", STAGES,
                                  "-f", "json", NULL);
  char **lines = lines_of (run->out);
  Summary s = summary_of (run->err);

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_eq (g_strv_length (lines), 1);
  cr_assert_eq (s.read, 1);
  cr_assert_not_null (strstr (run->out, "\"chars\":34"), "%s", run->out);
  g_strfreev (lines);
  nlp_test_run_free (run);
}

/* A small tree of inputs in a fresh temporary directory.  (transfer full) */
static char *
make_tree (void)
{
  char *root = g_dir_make_tmp ("nlp-runner-XXXXXX", NULL);
  const char *files[][2] = {
    { "in/b.txt", "Beta is second." },
    { "in/a.txt", "Alpha is first." },
    { "in/notes.md", "Not a text file." },
    { "in/sub/c.txt", "Gamma is in a folder." },
    { "in/sub/deeper/d.txt", "Delta is deeper." },
    { "in/.hidden.txt", "Never read." },
    { "in/news.jsonl", "{\"id\": \"n1\", \"text\": \"One.\"}\n{\"id\": \"n2\", \"text\": \"Two.\"}\n" },
  };

  cr_assert_not_null (root);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      char *path = g_build_filename (root, files[i][0], NULL);
      char *dir = g_path_get_dirname (path);
      cr_assert_eq (g_mkdir_with_parents (dir, 0755), 0);
      cr_assert (g_file_set_contents (path, files[i][1], -1, NULL));
      g_free (dir);
      g_free (path);
    }
  return root;
}

Test (runner, directories_are_read_recursively_sorted_and_filtered)
{
  char *root = make_tree ();
  char *in = g_build_filename (root, "in", NULL);
  NlpTestRun *run = nlp_test_run ("", STAGES, "--glob", "*.txt", in, NULL);
  char **ids = ids_of (run->out);
  const char *want[] = { "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt" };

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_eq (g_strv_length (ids), G_N_ELEMENTS (want), "%s", run->out);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    cr_assert (g_str_has_suffix (ids[i], want[i]), "%u: %s", i, ids[i]);
  g_strfreev (ids);
  nlp_test_run_free (run);
  g_free (in);
  rm_tree (root);
  g_free (root);
}

Test (runner, output_directory_mirrors_the_inputs)
{
  char *root = make_tree ();
  char *in = g_build_filename (root, "in", NULL);
  char *out = g_build_filename (root, "out/", NULL);
  NlpTestRun *run = nlp_test_run ("", STAGES, "-j", "2", "-o", out, in, NULL);
  const char *want[] = { "a.json", "b.json", "notes.json", "sub/c.json",
                         "sub/deeper/d.json", "news.jsonl" };
  char *path, *text;
  char **ids;
  GDir *dir;
  const char *name;

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_eq (summary_of (run->err).written, 7, "%s", run->err);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      path = g_build_filename (out, want[i], NULL);
      text = nlp_test_read (path);
      ids = ids_of (text);
      cr_assert_eq (g_strv_length (ids), g_str_has_suffix (want[i], ".jsonl") ? 2 : 1,
                    "%s", path);
      g_strfreev (ids);
      g_free (text);
      g_free (path);
    }
  /* no temporary file is left behind */
  dir = g_dir_open (out, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    cr_assert_neq (name[0], '.', "left behind: %s", name);
  g_dir_close (dir);
  path = g_build_filename (out, "news.jsonl", NULL);
  text = nlp_test_read (path);
  ids = ids_of (text);
  cr_assert_str_eq (ids[0], "n1");
  cr_assert_str_eq (ids[1], "n2");
  g_strfreev (ids);
  g_free (text);
  g_free (path);
  nlp_test_run_free (run);
  g_free (out);
  g_free (in);
  rm_tree (root);
  g_free (root);
}

Test (runner, output_directory_refuses_two_inputs_with_one_output_name)
{
  char *root = make_tree ();
  char *a = g_build_filename (root, "in", "a.txt", NULL);
  char *a_md = g_build_filename (root, "in", "sub", "a.md", NULL);
  char *out = g_build_filename (root, "out", NULL);
  NlpTestRun *run;
  char *path, *text;

  cr_assert (g_file_set_contents (a_md, "Another alpha.", -1, NULL));
  cr_assert_eq (g_mkdir (out, 0755), 0);          /* an existing directory */
  run = nlp_test_run ("", STAGES, "-f", "text", "-o", out, a, a_md, NULL);
  cr_assert_eq (run->status, 1, "%s", run->err);
  cr_assert_not_null (strstr (run->err, "a.txt is already written from another input"),
                      "%s", run->err);
  path = g_build_filename (out, "a.txt", NULL);
  text = nlp_test_read (path);
  cr_assert_not_null (strstr (text, "Alpha is first."), "the first one is kept: %s", text);
  cr_assert_null (strstr (text, "Another alpha"));
  g_free (text);
  g_free (path);
  nlp_test_run_free (run);
  g_free (out);
  g_free (a_md);
  g_free (a);
  rm_tree (root);
  g_free (root);
}

Test (runner, no_progress_when_stderr_is_not_a_terminal)
{
  char *input = make_jsonl (50, 0);
  NlpTestRun *plain = nlp_test_run (input, STAGES, "--input-format=jsonl", NULL);
  NlpTestRun *quiet = nlp_test_run (input, STAGES, "-q", "--input-format=jsonl", NULL);

  cr_assert_null (strchr (plain->err, '\r'), "%s", plain->err);
  cr_assert_not_null (strstr (plain->err, "50 documents read, 50 written, 0 failed"));
  cr_assert (quiet->err == NULL || *quiet->err == '\0', "%s", quiet->err);
  nlp_test_run_free (plain);
  nlp_test_run_free (quiet);
  g_free (input);
}

Test (runner, progress_shows_documents_and_eta_for_named_files)
{
  char *root = g_dir_make_tmp ("nlp-runner-XXXXXX", NULL);
  char *path = g_build_filename (root, "slow.jsonl", NULL);
  GString *input = g_string_new (NULL);
  NlpTestRun *run;

  /* 40 slow documents: 800 ms at one worker, past the 250 ms refresh */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (input, "{\"id\": \"s%u\", \"text\": \"SLOW %u\"}\n", i, i);
  cr_assert (g_file_set_contents (path, input->str, -1, NULL));
  run = nlp_test_run ("", STAGES, "-j", "1", "-f", "none", "--progress", path, NULL);
  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_not_null (strstr (run->err, "\r\033[Knlpipe: "), "%s", run->err);
  cr_assert_not_null (strstr (run->err, " documents, "), "%s", run->err);
  cr_assert_not_null (strstr (run->err, "ETA "), "%s", run->err);
  cr_assert_not_null (strstr (run->err, "40 documents read, 40 written"));
  g_string_free (input, TRUE);
  nlp_test_run_free (run);
  g_free (path);
  rm_tree (root);
  g_free (root);
}

Test (runner, progress_has_an_eta_for_a_directory_tree)
{
  char *root = g_dir_make_tmp ("nlp-runner-XXXXXX", NULL);
  NlpTestRun *run;

  /* 40 slow files in two folders: the total is the walk's, so an ETA */
  for (guint i = 0; i < 40; i++)
    {
      char *path = g_strdup_printf ("%s/%s/f%02u.txt", root, i % 2 ? "odd" : "even", i);
      char *dir = g_path_get_dirname (path);
      cr_assert_eq (g_mkdir_with_parents (dir, 0755), 0);
      cr_assert (g_file_set_contents (path, "A SLOW file.", -1, NULL));
      g_free (dir);
      g_free (path);
    }
  run = nlp_test_run ("", STAGES, "-j", "1", "-f", "none", "--progress", root, NULL);
  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_not_null (strstr (run->err, "%, ETA "), "%s", run->err);
  cr_assert_not_null (strstr (run->err, "40 documents read, 40 written"));
  nlp_test_run_free (run);
  rm_tree (root);
  g_free (root);
}
