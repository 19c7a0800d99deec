/* nlp-options.h — stage option values, parsed and validated against the
 * NlpOptionSpec table a stage declares.  The same table drives parsing,
 * validation and the help that `nlpipe info` prints.
 */
#ifndef NLP_OPTIONS_H
#define NLP_OPTIONS_H

#include "nlpipe-stage.h"

G_BEGIN_DECLS

typedef struct _NlpOptions NlpOptions;

/* Checks a stage's option table for authoring mistakes (bad names, unknown
 * types, defaults that do not parse, choices missing, duplicate names).
 * @stage names the stage in the message. */
gboolean     nlp_option_specs_validate (const char *stage,
                                        const NlpOptionSpec *specs,
                                        GError **error);
/* (transfer none) the spec of @name, or NULL. */
const NlpOptionSpec *nlp_option_specs_lookup (const NlpOptionSpec *specs,
                                              const char *name);
/* (transfer none) "bool", "int", "double", "string", "choice", "path". */
const char  *nlp_option_type_to_string (NlpOptionType type);
/* (transfer full) a human description of the allowed values:
 * "an integer from 1 to 10", "one of: porter, english, ...". */
char        *nlp_option_spec_describe_allowed (const NlpOptionSpec *spec);
/* (transfer none) the choices of a CHOICE option (static or listed). */
const char *const *nlp_option_spec_get_choices (const NlpOptionSpec *spec);

/* (transfer full) options holding every declared default. */
NlpOptions  *nlp_options_new   (const char *stage, const NlpOptionSpec *specs);
void         nlp_options_free  (NlpOptions *options);
/* Sets @name from its textual @value.  Fails with NLP_ERROR_OPTION and a
 * message naming the stage, the option and what is allowed (or, for an
 * unknown name, the valid names). */
gboolean     nlp_options_set   (NlpOptions *options, const char *name,
                                const char *value, GError **error);
/* (transfer none) the textual value of @name (set or default). */
const char  *nlp_options_get_text (const NlpOptions *options, const char *name);

gboolean     nlp_options_get_bool   (const NlpOptions *options, const char *name);
gint64       nlp_options_get_int    (const NlpOptions *options, const char *name);
double       nlp_options_get_double (const NlpOptions *options, const char *name);
const char  *nlp_options_get_string (const NlpOptions *options, const char *name);

G_END_DECLS

#endif
