/* nlp-names-private.h — the names of the stage contract: stage and
 * instance names, and the names a stage lists in requires, provides and
 * modifies ("LAYER", "LAYER.COLUMN", "doc.NAME"). */
#ifndef NLP_NAMES_PRIVATE_H
#define NLP_NAMES_PRIVATE_H

#include <glib.h>

/* TRUE when @name matches [a-z][a-z0-9_]* (stage and instance names). */
gboolean nlp__valid_stage_name (const char *name);

#endif
