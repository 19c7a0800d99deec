/* cli-overlap.h — the output never replaces an input.
 *
 * Before anything is read or written, the command refuses an output that
 * is one of its inputs: -o FILE naming an input file (another name for
 * it, a hard link, "./x" for "x"), -o DIR naming an input directory or a
 * folder where an input file's output would replace that file, standard
 * output redirected onto an input file.  Files are compared by device and
 * inode, never by name.
 */
#ifndef CLI_OVERLAP_H
#define CLI_OVERLAP_H

#include "nlpipe.h"
#include "cli-output.h"

/* FALSE with @error (NLP_ERROR_USAGE, naming both paths) when the output
 * — @output (a file; NULL or "-": standard output), or @out_dir when not
 * NULL (its directory @output must exist) — is one of @inputs (NULL or
 * empty: standard input). */
gboolean cli_overlap_check (const char *output, const CliOutputDir *out_dir,
                            const char *const *inputs, GError **error);

#endif
