/* atomic-file.c — see atomic-file.h. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "atomic-file.h"

FILE *
cli_atomic_open (const char *path, char **tmp_path)
{
  char *dir = g_path_get_dirname (path);
  char *base = g_path_get_basename (path);
  char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  /* 0666: the umask applies, as for any file the user writes */
  int fd = g_mkstemp_full (tmpl, O_RDWR, 0666);
  FILE *f = fd >= 0 ? fdopen (fd, "w") : NULL;

  g_free (dir);
  g_free (base);
  if (f == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmpl);
        }
      g_free (tmpl);
      errno = saved;
      return NULL;
    }
  *tmp_path = tmpl;
  return f;
}

gboolean
cli_atomic_commit (FILE *f, const char *tmp_path, const char *path)
{
  if (fclose (f) == 0 && g_rename (tmp_path, path) == 0)
    return TRUE;
  {
    int saved = errno;
    g_unlink (tmp_path);
    errno = saved;
  }
  return FALSE;
}

void
cli_atomic_abort (FILE *f, const char *tmp_path)
{
  fclose (f);
  g_unlink (tmp_path);
}
