/* atomic-file.h — output files that appear whole or not at all (-o FILE
 * and each file of -o DIR).
 *
 * A regular file (or a new one) is written under a hidden temporary name
 * beside it and renamed into place at the end; an existing file's mode and
 * owner (where the user may set it) carry over to the new one.  A
 * symbolic link is followed: its target is replaced, the link kept.  A
 * device, FIFO or socket is written through: opened and written in place,
 * never replaced (so -o /dev/null discards, even as root).  Temporary
 * files are removed if the process dies by a signal (cli-guard.h).
 */
#ifndef CLI_ATOMIC_FILE_H
#define CLI_ATOMIC_FILE_H

#include <stdio.h>
#include <glib.h>

typedef struct {
  FILE *stream;                /* write here */
  char *path;                  /* the file it becomes (a link's target) */
  char *tmp_path;              /* its temporary name; NULL: written through */
  int   guard_slot;
} CliAtomicFile;

/* (transfer full) a file to write that becomes @path; NULL with errno set
 * when it cannot be made. */
CliAtomicFile *cli_atomic_open   (const char *path);
/* Completes @file (closes it, renames it into place) and frees it.  FALSE
 * with errno set (and the temporary file removed) when that fails. */
gboolean       cli_atomic_commit (CliAtomicFile *file);
/* Abandons @file (its temporary file removed) and frees it; NULL is
 * ignored. */
void           cli_atomic_abort  (CliAtomicFile *file);

#endif
