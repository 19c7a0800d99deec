/* cli-describe.h — stages as JSON: what `nlpipe list --json` and `nlpipe
 * info --json` print, and what `nlpipe serve` answers on /v1/stages, from
 * one place. */
#ifndef CLI_DESCRIBE_H
#define CLI_DESCRIBE_H

#include <json-glib/json-glib.h>
#include "nlpipe.h"

/* (transfer full) a `list --json` entry: name, version, summary, file;
 * or name and error when @stage is NULL (@error says why). */
JsonNode *cli_describe_list_entry (const char *name, NlpStage *stage,
                                   const GError *error);
/* (transfer full) the `info --json` object of @stage. */
JsonNode *cli_describe_info (NlpStage *stage);
/* (transfer full) a JSON array of @v (NULL: empty). */
JsonNode *cli_describe_strv (const char *const *v);

#endif
