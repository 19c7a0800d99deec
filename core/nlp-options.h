/* nlp-options.h — a stage's options: the NlpOptionSpec table it declares,
 * and option values parsed and validated against it.  The same table
 * drives parsing, validation and the help that `nlpipe info` prints.
 */
#ifndef NLP_OPTIONS_H
#define NLP_OPTIONS_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NLP_OPTION_BOOL,           /* true/false, yes/no, on/off, 1/0 */
  NLP_OPTION_INT,            /* 64-bit integer, optional [min, max] */
  NLP_OPTION_DOUBLE,         /* double, optional [min, max] */
  NLP_OPTION_STRING,         /* any string */
  NLP_OPTION_CHOICE,         /* one of choices (or list_choices ()) */
  NLP_OPTION_PATH,           /* a readable file; "" means none */
} NlpOptionType;

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
