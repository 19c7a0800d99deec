/* cli-output.h — `-o DIR`: one output file per input item, mirrored names.
 *
 * Each input item (a text file, a JSON Lines stream, stdin) is written to
 * its own file under DIR, named as nlp_reader_get_item_name() names the
 * item with its extension replaced ("sub/a.txt" -> "DIR/sub/a.json"; a
 * stream gets the stream extension).  Each file is written under a hidden
 * temporary name and renamed when complete, so it appears whole or not at
 * all.  Two items that map to one file (or one to a file, the other to
 * a folder of that name): the second one's documents fail rather than
 * overwrite the first's.
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include "nlpipe.h"

typedef struct _CliOutputDir CliOutputDir;

/* (transfer full) a fan-out under @dir; @ext (".json") for single-document
 * items, @stream_ext (".jsonl", or NULL for @ext) for streams. */
CliOutputDir   *cli_output_dir_new   (const char *dir, NlpWriter *writer,
                                      const char *ext, const char *stream_ext);
/* An NlpRunOutputFunc; @user_data is the CliOutputDir. */
NlpOutputStatus cli_output_dir_write (const NlpRunResult *result, gpointer user_data,
                                      GError **error);
/* Completes the file being written (footer, rename).  FALSE with @error
 * when it cannot be. */
gboolean        cli_output_dir_close (CliOutputDir *out, GError **error);
/* (transfer full) the output file of input item @name (as
 * nlp_reader_get_item_name names it). */
char           *cli_output_dir_dest  (const CliOutputDir *out, const char *name,
                                      gboolean is_stream);
/* Refuses the documents whose output would land inside one of @inputs
 * (the directories among them that lie below the output directory):
 * "nlpipe -o P/ P/c" with P/c/c/a.txt would otherwise write P/c/a.json,
 * an input's name.  Call it once, before the run. */
void            cli_output_dir_watch_inputs (CliOutputDir *out, const char *const *inputs);
/* Documents that were counted written but whose file was not kept (its
 * completion failed, or it is being abandoned). */
guint64         cli_output_dir_get_lost (const CliOutputDir *out);
/* Abandons the file being written (after a fatal error) and frees @out. */
void            cli_output_dir_free  (CliOutputDir *out);

#endif
