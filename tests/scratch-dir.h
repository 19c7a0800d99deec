/* scratch-dir.h — scratch directories for the core tests, removed with
 * everything in them so that make check leaves nothing in /tmp. */
#ifndef NLP_TEST_SCRATCH_DIR_H
#define NLP_TEST_SCRATCH_DIR_H

#include <criterion/criterion.h>
#include <glib.h>
#include <glib/gstdio.h>

/* (transfer full) a new empty directory (mode 0755: readable by others,
 * for the tests that drop privileges). */
static inline char *
nlp_test_tmpdir_new (void)
{
  char *dir = g_dir_make_tmp ("nlpipe-test-XXXXXX", NULL);

  cr_assert_not_null (dir, "cannot make a scratch directory");
  g_chmod (dir, 0755);
  return dir;
}

/* Removes @dir and its contents, and frees the string. */
static inline void
nlp_test_tmpdir_remove (char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  if (dir != NULL)
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                  | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (dir);
}

#endif
