/* replay.c — a fuzz target as a Criterion test: it runs the target on its
 * seed corpus (tests/fuzz/corpus/TARGET) and on every input that once made
 * it crash (tests/fuzz/regress/TARGET), built by the ordinary compiler, so
 * each `make check` (and the sanitizer build) keeps past crashes fixed.
 * FUZZ_TARGET names the target; its .c is linked in beside this file. */
#define _GNU_SOURCE              /* memfd_create, before any libc header */
#include <criterion/criterion.h>
#include "fuzz-util.h"

#ifndef FUZZ_TARGET
#error "define FUZZ_TARGET"
#endif

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Runs every file of tests/fuzz/KIND/FUZZ_TARGET; returns how many. */
static guint
replay_dir (const char *kind)
{
  char *dir = g_build_filename (NLP_TEST_SRCDIR, "tests", "fuzz", kind, FUZZ_TARGET, NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n;
  int argc = 1;
  char *args[] = { "replay-" FUZZ_TARGET, NULL }, **argv = args;

  LLVMFuzzerInitialize (&argc, &argv);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  if (d != NULL)
    g_dir_close (d);
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      char *data;
      gsize len;

      cr_assert (g_file_get_contents (names->pdata[i], &data, &len, NULL),
                 "cannot read %s", (char *) names->pdata[i]);
      /* named first: if the input crashes, the log says which */
      fprintf (stderr, "replay %s\n", (char *) names->pdata[i]);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
      g_free (data);
    }
  n = names->len;
  g_ptr_array_unref (names);
  g_free (dir);
  return n;
}

Test (replay, seeds)
{
  cr_assert_gt (replay_dir ("corpus"), 0, "no seeds in tests/fuzz/corpus/" FUZZ_TARGET);
}

Test (replay, past_crashes)
{
  if (replay_dir ("regress") == 0)
    cr_skip_test ("no crash found so far for " FUZZ_TARGET);
}
