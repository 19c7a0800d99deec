/* nlp-paths.c — installed versus build-tree locations.
 *
 * The uninstalled nlpipe (and every test program) must find the stages in
 * the build tree and their data in the source tree with no setup, while the
 * installed one must never look there.  Where the running code lives
 * decides: a program inside this build tree, or any program (python3, gjs,
 * an embedding program) that loaded this build tree's libnlpipe, uses
 * build-tree paths.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "config.h"
#include "nlp-paths-private.h"

static gboolean
path_is_under (const char *path, const char *dir)
{
  gsize n = strlen (dir);
  return strncmp (path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

gboolean
nlp__is_uninstalled (void)
{
  static gsize once = 0;
  static gboolean uninstalled;

  if (g_once_init_enter (&once))
    {
      char *exe = g_file_read_link ("/proc/self/exe", NULL);
      char *build = realpath (NLP_BUILDDIR, NULL);
      /* an install whose prefix lies inside the build tree is installed */
      char *prefix = realpath (NLP_PREFIX, NULL);
      Dl_info self = { 0 };
      char *lib = dladdr ((void *) nlp__is_uninstalled, &self) && self.dli_fname
                  ? realpath (self.dli_fname, NULL) : NULL;

      uninstalled = build != NULL
                    && ((exe != NULL && path_is_under (exe, build)
                         && !(prefix != NULL && path_is_under (exe, prefix)))
                        || (lib != NULL && path_is_under (lib, build)
                            && !(prefix != NULL && path_is_under (lib, prefix))));
      g_free (exe);
      free (lib);
      free (build);
      free (prefix);
      g_once_init_leave (&once, 1);
    }
  return uninstalled;
}

const char *
nlp__default_plugin_dir (void)
{
  return nlp__is_uninstalled () ? NLP_BUILDDIR "/plugins" : NLP_PLUGINDIR;
}

char *
nlp__stage_data_dir (const char *name, const char *file)
{
  char *dir = g_path_get_dirname (file);
  char *real = realpath (dir, NULL);
  char *build = realpath (NLP_BUILDDIR "/plugins", NULL);
  char *result;

  if (real != NULL && build != NULL && strcmp (real, build) == 0)
    result = g_build_filename (NLP_SRCDIR, "plugins", name, "data", NULL);
  else
    {
      /* a stage next to its data (an out-of-tree build): DIR/NAME/data */
      char *local = g_build_filename (dir, name, "data", NULL);
      if (g_file_test (local, G_FILE_TEST_IS_DIR))
        result = local;
      else
        {
          g_free (local);
          result = g_build_filename (NLP_STAGEDATADIR, name, NULL);
        }
    }
  free (real);
  free (build);
  g_free (dir);
  return result;
}

char *
nlp__builtin_stage_data_dir (const char *name)
{
  if (nlp__is_uninstalled ())
    return g_build_filename (NLP_SRCDIR, "plugins", name, "data", NULL);
  return g_build_filename (NLP_STAGEDATADIR, name, NULL);
}
