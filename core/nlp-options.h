/* nlp-options.h — a stage's options: the NlpOptionSpec table it declares,
 * and option values parsed and validated against it.  The same table
 * drives parsing, validation and the help that `nlpipe info` prints.
 */
#ifndef NLP_OPTIONS_H
#define NLP_OPTIONS_H

#include <glib.h>

G_BEGIN_DECLS

/**
 * NlpOptionType:
 * @NLP_OPTION_BOOL: true/false, yes/no, on/off, 1/0
 * @NLP_OPTION_INT: a 64-bit integer, optionally within [min, max]
 * @NLP_OPTION_DOUBLE: a double, optionally within [min, max]
 * @NLP_OPTION_STRING: any string
 * @NLP_OPTION_CHOICE: one of the spec's choices (or of list_choices())
 * @NLP_OPTION_PATH: a readable file; "" means none
 *
 * The type of a stage option.
 */
typedef enum {
  NLP_OPTION_BOOL,           /* true/false, yes/no, on/off, 1/0 */
  NLP_OPTION_INT,            /* 64-bit integer, optional [min, max] */
  NLP_OPTION_DOUBLE,         /* double, optional [min, max] */
  NLP_OPTION_STRING,         /* any string */
  NLP_OPTION_CHOICE,         /* one of choices (or list_choices ()) */
  NLP_OPTION_PATH,           /* a readable file; "" means none */
} NlpOptionType;

/**
 * NlpOptionSpec:
 * @name: the option's name, [a-z][a-z0-9-]*
 * @type: its type
 * @default_value: its default, as a user would write it
 * @help: one line for `nlpipe info`
 * @choices: (array zero-terminated=1): for %NLP_OPTION_CHOICE, the choices;
 *   for %NLP_OPTION_STRING, optionally the items its comma-separated list
 *   may hold (shown by `nlpipe info`, checked by the stage)
 * @min: for INT and DOUBLE, the smallest value (enforced when @min < @max)
 * @max: the largest value
 * @list_choices: (skip): for %NLP_OPTION_CHOICE options whose choices are
 *   only known at run time (the languages a library supports): returns
 *   them, NULL-terminated (transfer none)
 *
 * One option of a stage's option table (end the table with
 * %NLP_OPTION_END).  The same table parses --set values, validates them
 * and prints `nlpipe info`.
 */
typedef struct {
  const char         *name;           /* [a-z][a-z0-9-]* */
  NlpOptionType       type;
  const char         *default_value;  /* as the user would write it */
  const char         *help;           /* one line, for nlpipe info */
  const char *const  *choices;        /* NLP_OPTION_CHOICE: NULL-terminated */
  double              min, max;       /* INT/DOUBLE: enforced when min < max */
  /* NLP_OPTION_CHOICE with choices only known at run time (e.g. the
   * languages a library supports): (transfer none) NULL-terminated. */
  const char *const *(*list_choices) (void);
  /*< private >*/
  gpointer            _reserved[2];
} NlpOptionSpec;

/* Helpers for option tables (terminate the table with NLP_OPTION_END). */
#define NLP_OPTION_BOOL_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_BOOL, .default_value = (def), .help = (h) }
#define NLP_OPTION_INT_SPEC(n, def, lo, hi, h) \
  { .name = (n), .type = NLP_OPTION_INT, .default_value = (def), .help = (h), \
    .min = (lo), .max = (hi) }
#define NLP_OPTION_DOUBLE_SPEC(n, def, lo, hi, h) \
  { .name = (n), .type = NLP_OPTION_DOUBLE, .default_value = (def), .help = (h), \
    .min = (lo), .max = (hi) }
#define NLP_OPTION_STRING_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_STRING, .default_value = (def), .help = (h) }
#define NLP_OPTION_PATH_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_PATH, .default_value = (def), .help = (h) }
#define NLP_OPTION_CHOICE_SPEC(n, def, ch, h) \
  { .name = (n), .type = NLP_OPTION_CHOICE, .default_value = (def), .help = (h), \
    .choices = (ch) }
#define NLP_OPTION_END { .name = NULL }


/**
 * NlpOptions:
 *
 * The option values of one stage instance, parsed and validated against
 * its option table.
 */
typedef struct _NlpOptions NlpOptions;

/**
 * nlp_option_specs_validate:
 * @stage: the stage's name, for the message
 * @specs: (array zero-terminated=1) (nullable): an option table
 * @error: return location for a #GError, or %NULL
 *
 * Checks a stage's option table for authoring mistakes: bad names,
 * unknown types, defaults that do not parse, choices missing, duplicate
 * names.  The registry does it when it loads a stage.
 *
 * Returns: %TRUE when the table is well formed
 */
gboolean     nlp_option_specs_validate (const char *stage,
                                        const NlpOptionSpec *specs,
                                        GError **error);
/**
 * nlp_option_specs_lookup: (skip)
 * @specs: (nullable): an option table
 * @name: an option name
 *
 * Returns: (transfer none) (nullable): the spec of @name, or %NULL
 */
const NlpOptionSpec *nlp_option_specs_lookup (const NlpOptionSpec *specs,
                                              const char *name);
/**
 * nlp_option_type_to_string:
 * @type: an option type
 *
 * Returns: (transfer none): "bool", "int", "double", "string", "choice"
 *   or "path"
 */
const char  *nlp_option_type_to_string (NlpOptionType type);
/**
 * nlp_option_spec_describe_allowed:
 * @spec: an option spec
 *
 * Returns: (transfer full): a description of the allowed values for
 *   people ("an integer from 1 to 10", "one of: porter, english, ...")
 */
char        *nlp_option_spec_describe_allowed (const NlpOptionSpec *spec);
/**
 * nlp_option_spec_get_choices:
 * @spec: a %NLP_OPTION_CHOICE spec
 *
 * Returns: (transfer none) (array zero-terminated=1): its choices, static
 *   or listed at run time
 */
const char *const *nlp_option_spec_get_choices (const NlpOptionSpec *spec);

/**
 * nlp_options_new: (skip)
 * @stage: the instance's name, for messages
 * @specs: (nullable): its option table
 *
 * Returns: (transfer full): options holding every declared default
 */
NlpOptions  *nlp_options_new   (const char *stage, const NlpOptionSpec *specs);
/**
 * nlp_options_free: (skip)
 * @options: (nullable): options
 *
 * Frees @options.
 */
void         nlp_options_free  (NlpOptions *options);
/**
 * nlp_options_set: (skip)
 * @options: options
 * @name: an option name
 * @value: its value as text
 * @error: return location for a #GError, or %NULL
 *
 * Sets @name from its textual @value.  Fails with %NLP_ERROR_OPTION and a
 * message naming the stage, the option and what is allowed (or, for an
 * unknown name, the valid names).
 *
 * Returns: %TRUE when the value was accepted
 */
gboolean     nlp_options_set   (NlpOptions *options, const char *name,
                                const char *value, GError **error);
/**
 * nlp_options_get_text:
 * @options: options
 * @name: a declared option
 *
 * Returns: (transfer none): the option's value as text (set or default)
 */
const char  *nlp_options_get_text (const NlpOptions *options, const char *name);
/**
 * nlp_options_get_bool:
 * @options: options
 * @name: a declared BOOL option
 *
 * Returns: its value
 */
gboolean     nlp_options_get_bool   (const NlpOptions *options, const char *name);
/**
 * nlp_options_get_int:
 * @options: options
 * @name: a declared INT option
 *
 * Returns: its value
 */
gint64       nlp_options_get_int    (const NlpOptions *options, const char *name);
/**
 * nlp_options_get_double:
 * @options: options
 * @name: a declared DOUBLE option
 *
 * Returns: its value
 */
double       nlp_options_get_double (const NlpOptions *options, const char *name);
/**
 * nlp_options_get_string:
 * @options: options
 * @name: a declared STRING, CHOICE or PATH option
 *
 * Returns: (transfer none): its value
 */
const char  *nlp_options_get_string (const NlpOptions *options, const char *name);

G_END_DECLS

#endif
