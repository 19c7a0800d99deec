/* badinput.c — see badinput.h. */
#include <string.h>
#include <glib/gstdio.h>
#include "badinput.h"

char *scratch;                  /* a fresh directory per test */

void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && g_file_test (path, G_FILE_TEST_IS_DIR)
      && (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
          g_free (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
badinput_setup (void)
{
  scratch = g_dir_make_tmp ("nlpipe-badinput-XXXXXX", NULL);
  cr_assert_not_null (scratch);
}

void
badinput_teardown (void)
{
  remove_tree (scratch);
  g_free (scratch);
}

/* (transfer full) the path of a new file @name in the scratch directory
 * holding @len bytes of @data (-1: a string). */
char *
put (const char *name, const void *data, gssize len)
{
  char *path = g_build_filename (scratch, name, NULL);
  GError *error = NULL;

  cr_assert (g_file_set_contents (path, data, len, &error), "%s", error ? error->message : "");
  return path;
}

void
result_free (Result *r)
{
  nlp_test_run_free (r->run);
  g_ptr_array_unref (r->docs);
  g_free (r);
}

JsonObject *
doc_at (Result *r, guint i)
{
  return json_node_get_object (r->docs->pdata[i]);
}

const char *
doc_id (Result *r, guint i)
{
  return json_object_get_string_member (doc_at (r, i), "id");
}

/* Runs nlpipe -q with @opts (NULL-terminated, may be NULL) on @inputs
 * (NULL-terminated) and parses its JSON Lines output. */
Result *
run_on (const char *const *opts, const char *const *inputs)
{
  GPtrArray *argv = g_ptr_array_new ();
  Result *r = g_new0 (Result, 1);
  char **lines;

  g_ptr_array_add (argv, (gpointer) "-q");
  for (guint i = 0; opts && opts[i]; i++)
    g_ptr_array_add (argv, (gpointer) opts[i]);
  for (guint i = 0; inputs[i]; i++)
    g_ptr_array_add (argv, (gpointer) inputs[i]);
  g_ptr_array_add (argv, NULL);
  r->run = nlp_test_runv (NULL, (const char *const *) argv->pdata, NULL);
  g_ptr_array_unref (argv);
  r->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  lines = g_strsplit (r->run->out, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    g_ptr_array_add (r->docs, nlp_test_parse_json (lines[i]));
  g_strfreev (lines);
  return r;
}

/* The row: GOOD_BEFORE, @bad, GOOD_AFTER; both good documents must come
 * out, first and last, whatever happened to @bad. */
Result *
sandwich (const char *const *opts, const char *bad)
{
  char *before = put ("good-before.txt", GOOD_BEFORE, -1);
  char *after = put ("good-after.txt", GOOD_AFTER, -1);
  const char *inputs[] = { before, bad, after, NULL };
  Result *r = run_on (opts, inputs);

  cr_assert_geq (r->docs->len, 2, "good documents lost; stderr: %s", r->run->err);
  cr_assert_str_eq (doc_id (r, 0), before);
  cr_assert_str_eq (doc_id (r, r->docs->len - 1), after);
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 0), "text"), GOOD_BEFORE);
  g_free (before);
  g_free (after);
  return r;
}

/* stderr holds exactly @n lines, each "nlpipe: ...", and one of them
 * contains @needle (when not NULL). */
void
assert_stderr (NlpTestRun *run, guint n, const char *needle)
{
  char **lines = g_strsplit (run->err, "\n", -1);
  guint count = *run->err ? g_strv_length (lines) - 1 : 0;   /* ends in \n */
  gboolean found = needle == NULL;

  cr_assert_eq (count, n, "expected %u stderr lines, got: %s", n, run->err);
  for (guint i = 0; i < count; i++)
    {
      cr_assert (g_str_has_prefix (lines[i], "nlpipe: "), "stray stderr line: %s", lines[i]);
      found = found || strstr (lines[i], needle) != NULL;
    }
  cr_assert (found, "no '%s' on stderr: %s", needle, run->err);
  g_strfreev (lines);
}

