/* cli-private.h — the nlpipe command's subcommands (core/cli-*.c). */
#ifndef CLI_PRIVATE_H
#define CLI_PRIVATE_H

#include "nlpipe.h"

/* Exit codes of the nlpipe command (documented in docs/cli.md). */
typedef enum {
  NLP_EXIT_OK = 0,
  NLP_EXIT_DOCUMENT = 1,     /* at least one document failed; others done */
  NLP_EXIT_USAGE = 2,        /* usage, option or chain error: nothing run */
  NLP_EXIT_LOAD = 3,         /* a stage could not be loaded or created */
} NlpExit;

/* Prints every line of @error's message prefixed "nlpipe: " on stderr and
 * returns the exit code for its error code. */
int nlp__cli_fail (GError *error);
/* Maps an NLP_ERROR code to an exit code. */
int nlp__cli_exit_code (gint code);
/* Applies --plugin-path directories and a config file's plugin-path to
 * @registry (program entries first). */
void nlp__cli_setup_registry (NlpRegistry *registry, char **plugin_paths,
                              const NlpChainSpec *spec);

int nlp__cli_list  (int argc, char **argv);
int nlp__cli_info  (int argc, char **argv);
int nlp__cli_check (int argc, char **argv);
int nlp__cli_run   (int argc, char **argv);
int nlp__cli_serve (int argc, char **argv);

#endif
