/* cli-chain.h — the chain flags every command that runs documents takes
 * (-p, -c, --set, --plugin-path, -j, --language-mismatch): parsed the
 * same way and turned into a loaded pipeline the same way by `nlpipe` and
 * `nlpipe serve`. */
#ifndef CLI_CHAIN_H
#define CLI_CHAIN_H

#include "nlpipe.h"

typedef struct {
  char   *stages;
  char   *config;
  char  **sets;
  char  **plugin_paths;
  int     jobs;                 /* 0: one per core */
  char   *language_mismatch;
} CliChainArgs;

/* Adds the chain flags, writing into @args, to @ctx's main group. */
void          cli_chain_add_entries (GOptionContext *ctx, CliChainArgs *args);
void          cli_chain_args_clear  (CliChainArgs *args);

/* Checks -j and builds the chain: config, then -p, then --set (later
 * wins), --language-mismatch, the stage search path; creates every
 * stage's model.  (transfer full) the pipeline and, in *@registry
 * (transfer full), the registry it was loaded from (free it after the
 * pipeline); NULL with @error (NLP_ERROR: usage, chain, load or data). */
NlpPipeline  *cli_chain_load (const CliChainArgs *args, NlpRegistry **registry,
                              GError **error);

/* (transfer full) @argv (@argc entries) with "-X123" split into "-X"
 * "123" for each short option letter in @letters that takes a value
 * (GOption only reads "-X 123"); everything after "--" is kept as is. */
char        **cli_split_short_values (int argc, char **argv, const char *letters);

#endif
