/* nlp-names-private.h — the names of the stage contract: stage and
 * instance names, and the names a stage lists in requires, provides and
 * modifies ("LAYER", "LAYER.COLUMN", "doc.NAME"), and how an alias renames
 * what a stage provides (docs/writing-stages.md states the rule). */
#ifndef NLP_NAMES_PRIVATE_H
#define NLP_NAMES_PRIVATE_H

#include <glib.h>

typedef enum {
  NLP_NAME_LAYER,              /* "token" */
  NLP_NAME_COLUMN,             /* "token.stem" */
  NLP_NAME_ATTR,               /* "doc.sentiment" */
} NlpNameKind;

/* TRUE when @name matches [a-z][a-z0-9_]* (stage, instance, layer,
 * column and attribute names alike). */
gboolean nlp__valid_stage_name (const char *name);

/* Splits @name into its kind and parts: (transfer full) *@first is the
 * layer (LAYER, COLUMN) or the attribute (ATTR), *@second the column
 * (COLUMN) or NULL.  FALSE for a malformed name ("", "Token", "a.b.c",
 * "doc", "doc.x.y"). */
gboolean nlp__split_name (const char *name, NlpNameKind *kind, char **first,
                          char **second);

/* (transfer full) what instance @alias of stage @stage calls the part
 * @part of a name it provides: @part itself when @alias is @stage;
 * otherwise @alias for @stage, @alias_REST for @stage_REST, and
 * @alias_@part for anything else ("entity" as "ner": "entity" -> "ner",
 * "entities" -> "ner_entities"; "sentiment" as "v": "sentiment_pos" ->
 * "v_pos"). */
char    *nlp__alias_part (const char *part, const char *stage, const char *alias);

#endif
