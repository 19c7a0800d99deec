/* atomic-file.c — see atomic-file.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "atomic-file.h"
#include "cli-guard.h"

/* (transfer full) @path with its symbolic links followed to the file they
 * name (which may not exist yet); NULL with errno set for a loop. */
static char *
follow_links (const char *path)
{
  char *cur = g_strdup (path);

  for (int depth = 0; depth < 40; depth++)
    {
      struct stat st;
      char *target, *dir;

      if (lstat (cur, &st) != 0 || !S_ISLNK (st.st_mode))
        return cur;
      target = g_file_read_link (cur, NULL);
      if (target == NULL)
        return cur;
      if (!g_path_is_absolute (target))
        {
          dir = g_path_get_dirname (cur);
          g_free (cur);
          cur = g_build_filename (dir, target, NULL);
          g_free (dir);
          g_free (target);
        }
      else
        {
          g_free (cur);
          cur = target;
        }
    }
  g_free (cur);
  errno = ELOOP;
  return NULL;
}

static CliAtomicFile *
file_new (FILE *stream, char *path, char *tmp_path, int guard_slot)
{
  CliAtomicFile *file = g_new0 (CliAtomicFile, 1);

  file->stream = stream;
  file->path = path;
  file->tmp_path = tmp_path;
  file->guard_slot = guard_slot;
  return file;
}

/* A new hidden file beside @dir/@base, "DIR/.BASE.XXXXXX" with six random
 * characters, created with O_EXCL.  Its name is given to the guard before
 * it exists, so that a signal at any moment leaves no file behind (the
 * guard unlinks a name that may not exist yet).  Returns the descriptor,
 * or -1 with errno set; *@tmp_path (transfer full) and *@slot are set when
 * it succeeds. */
static int
create_temp (const char *dir, const char *base, char **tmp_path, int *slot)
{
  static const char chars[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  for (int attempt = 0; attempt < 100; attempt++)
    {
      char *name = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      char *x = name + strlen (name) - 6;
      int fd, saved;

      for (int i = 0; i < 6; i++)
        x[i] = chars[g_random_int_range (0, (gint32) sizeof chars - 1)];
      *slot = cli_guard_track (name);
      fd = open (name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0)
        {
          *tmp_path = name;
          return fd;
        }
      saved = errno;
      cli_guard_forget (*slot);
      g_free (name);
      errno = saved;
      if (saved != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

static void
file_free (CliAtomicFile *file)
{
  cli_guard_forget (file->guard_slot);
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
}

/* A device, FIFO or socket: written in place (a FIFO waits for a reader). */
static CliAtomicFile *
open_through (char *path)
{
  int fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  FILE *f = fd >= 0 ? fdopen (fd, "w") : NULL;

  if (f == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_free (path);
      errno = saved;
      return NULL;
    }
  return file_new (f, path, NULL, -1);
}

CliAtomicFile *
cli_atomic_open (const char *name)
{
  char *path = follow_links (name);
  char *dir, *base, *tmpl = NULL;
  struct stat st;
  gboolean exists;
  int fd, slot = -1;
  FILE *f;

  /* a special file is opened by the name given: /dev/stdout's link to a
   * pipe names no file that could be followed */
  if (stat (name, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      g_free (path);
      return open_through (g_strdup (name));
    }
  if (path == NULL)
    return NULL;
  exists = stat (path, &st) == 0;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* 0666: the umask applies, as for any file the user writes */
  fd = create_temp (dir, base, &tmpl, &slot);
  g_free (dir);
  g_free (base);
  if (fd >= 0 && exists)
    {
      /* the replacement keeps the file's mode, and its owner where allowed */
      if (fchown (fd, st.st_uid, st.st_gid) != 0 && fchown (fd, (uid_t) -1, st.st_gid) != 0)
        {
          /* not the user's to give: the new file is theirs */
        }
      if (fchmod (fd, st.st_mode & 07777) != 0)
        {
          /* the umask's mode, as for a new file */
        }
    }
  f = fd >= 0 ? fdopen (fd, "w") : NULL;
  if (f == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmpl);
          cli_guard_forget (slot);
        }
      g_free (tmpl);
      g_free (path);
      errno = saved;
      return NULL;
    }
  return file_new (f, path, tmpl, slot);
}

gboolean
cli_atomic_commit (CliAtomicFile *file)
{
  gboolean ok = fclose (file->stream) == 0;

  if (ok && file->tmp_path != NULL)
    ok = g_rename (file->tmp_path, file->path) == 0;
  if (!ok && file->tmp_path != NULL)
    {
      int saved = errno;
      g_unlink (file->tmp_path);
      errno = saved;
    }
  {
    int saved = errno;
    file_free (file);
    errno = saved;
  }
  return ok;
}

void
cli_atomic_abort (CliAtomicFile *file)
{
  if (file == NULL)
    return;
  fclose (file->stream);
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  file_free (file);
}
