/* nlp-describe.h — stages described as JSON: exactly what `nlpipe list
 * --json` and `nlpipe info --json` print (docs/cli.md shows the fields),
 * for programs that want it (a server's stage listing, a binding's
 * nlpipe.info()). */
#ifndef NLP_DESCRIBE_H
#define NLP_DESCRIBE_H

#include "nlp-registry.h"

G_BEGIN_DECLS

/**
 * nlp_stage_describe_json:
 * @stage: a stage
 *
 * Returns: (transfer full): @stage's descriptor and options as indented
 *   JSON (name, version, summary, file, abi, data_dir, requires, provides,
 *   modifies, languages, licence, author, homepage, options): what
 *   `nlpipe info --json` prints
 */
char *nlp_stage_describe_json    (const NlpStage *stage);
/**
 * nlp_registry_describe_json:
 * @registry: a registry
 * @n_broken: (out) (optional): how many stage files could not be loaded
 *
 * Returns: (transfer full): every stage on @registry's search path as an
 *   indented JSON array of {name, version, summary, file}, or {name,
 *   error} for a stage file that cannot be loaded: what `nlpipe list
 *   --json` prints
 */
char *nlp_registry_describe_json (NlpRegistry *registry, guint *n_broken);

G_END_DECLS

#endif
