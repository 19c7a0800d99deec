/* atomic-file.h — output files that appear whole or not at all:
 * written under a hidden temporary name beside the target, renamed into
 * place at the end (-o FILE and -o DIR share it). */
#ifndef CLI_ATOMIC_FILE_H
#define CLI_ATOMIC_FILE_H

#include <stdio.h>
#include <glib.h>

/* (transfer full) a stream on a new temporary file ".BASE.XXXXXX" in
 * @path's directory (mode 0666 less the umask), its name in *@tmp_path;
 * NULL with errno set when it cannot be made. */
FILE     *cli_atomic_open   (const char *path, char **tmp_path);
/* Closes @f and renames @tmp_path to @path.  FALSE with errno set (and the
 * temporary file removed) when either fails. */
gboolean  cli_atomic_commit (FILE *f, const char *tmp_path, const char *path);
/* Closes @f and removes @tmp_path: the output is abandoned. */
void      cli_atomic_abort  (FILE *f, const char *tmp_path);

#endif
