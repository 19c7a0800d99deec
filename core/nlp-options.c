/* nlp-options.c — stage options: one table declares, parses, validates and
 * documents them (see nlp-options.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-options.h"
#include "nlp-error.h"
#include "nlp-utf8-quote-private.h"

typedef struct {
  const NlpOptionSpec *spec;
  char    *text;
  union {
    gboolean b;
    gint64   i;
    double   d;
  } v;
} NlpOptionValue;

struct _NlpOptions {
  char   *stage;
  GArray *values;              /* NlpOptionValue, in spec order */
};

const char *
nlp_option_type_to_string (NlpOptionType type)
{
  switch (type)
    {
    case NLP_OPTION_BOOL:   return "bool";
    case NLP_OPTION_INT:    return "int";
    case NLP_OPTION_DOUBLE: return "double";
    case NLP_OPTION_STRING: return "string";
    case NLP_OPTION_CHOICE: return "choice";
    case NLP_OPTION_PATH:   return "path";
    default:                return NULL;
    }
}

const char *const *
nlp_option_spec_get_choices (const NlpOptionSpec *spec)
{
  if (spec->list_choices != NULL)
    return spec->list_choices ();
  return spec->choices;
}

const NlpOptionSpec *
nlp_option_specs_lookup (const NlpOptionSpec *specs, const char *name)
{
  for (guint i = 0; specs != NULL && specs[i].name != NULL; i++)
    if (strcmp (specs[i].name, name) == 0)
      return &specs[i];
  return NULL;
}

char *
nlp_option_spec_describe_allowed (const NlpOptionSpec *spec)
{
  const char *const *choices;

  switch (spec->type)
    {
    case NLP_OPTION_BOOL:
      return g_strdup ("true or false");
    case NLP_OPTION_INT:
      if (spec->min < spec->max)
        return g_strdup_printf ("an integer from %.0f to %.0f", spec->min, spec->max);
      return g_strdup ("an integer");
    case NLP_OPTION_DOUBLE:
      if (spec->min < spec->max)
        return g_strdup_printf ("a number from %g to %g", spec->min, spec->max);
      return g_strdup ("a number");
    case NLP_OPTION_CHOICE:
      choices = nlp_option_spec_get_choices (spec);
      if (choices != NULL)
        {
          char *list = g_strjoinv (", ", (char **) choices);
          char *s = g_strdup_printf ("one of: %s", list);
          g_free (list);
          return s;
        }
      return g_strdup ("one of no choices");
    case NLP_OPTION_PATH:
      return g_strdup ("a readable file (or empty for none)");
    case NLP_OPTION_STRING:
    default:
      /* a string option may list the items of its comma-separated list */
      choices = nlp_option_spec_get_choices (spec);
      if (choices != NULL)
        {
          char *list = g_strjoinv (", ", (char **) choices);
          char *s = g_strdup_printf ("a comma-separated list of: %s", list);
          g_free (list);
          return s;
        }
      return g_strdup ("any text");
    }
}

static gboolean
parse_bool (const char *text, gboolean *out)
{
  static const char *const yes[] = { "true", "yes", "on", "1", NULL };
  static const char *const no[] = { "false", "no", "off", "0", NULL };

  for (guint i = 0; yes[i]; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return (*out = TRUE), TRUE;
  for (guint i = 0; no[i]; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return (*out = FALSE), TRUE;
  return FALSE;
}

/* Opening is the test that counts: the stage will open it with the
 * effective ids, which access () does not use. */
static gboolean
readable_file (const char *path)
{
  int fd;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

/* Parses @text for @spec into @value; returns FALSE when not allowed.
 * @check_path: PATH options must name a readable file. */
static gboolean
parse_value (const NlpOptionSpec *spec, const char *text, NlpOptionValue *value,
             gboolean check_path)
{
  char *end = NULL;
  const char *const *choices;

  switch (spec->type)
    {
    case NLP_OPTION_BOOL:
      return parse_bool (text, &value->v.b);
    case NLP_OPTION_INT:
      errno = 0;
      value->v.i = g_ascii_strtoll (text, &end, 10);
      if (*text == '\0' || *end != '\0' || errno != 0)
        return FALSE;
      return !(spec->min < spec->max)
             || (value->v.i >= spec->min && value->v.i <= spec->max);
    case NLP_OPTION_DOUBLE:
      errno = 0;
      value->v.d = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0' || errno != 0 || !isfinite (value->v.d))
        return FALSE;
      return !(spec->min < spec->max)
             || (value->v.d >= spec->min && value->v.d <= spec->max);
    case NLP_OPTION_CHOICE:
      choices = nlp_option_spec_get_choices (spec);
      for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
        if (strcmp (choices[i], text) == 0)
          return TRUE;
      return FALSE;
    case NLP_OPTION_PATH:
      return !check_path || *text == '\0'
             || readable_file (text);
    case NLP_OPTION_STRING:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
valid_option_name (const char *name)
{
  if (!g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

gboolean
nlp_option_specs_validate (const char *stage, const NlpOptionSpec *specs,
                           GError **error)
{
  for (guint i = 0; specs != NULL && specs[i].name != NULL; i++)
    {
      const NlpOptionSpec *s = &specs[i];
      NlpOptionValue scratch = { 0 };
      const char *problem = NULL;

      if (!valid_option_name (s->name))
        problem = "its name is not of the form [a-z][a-z0-9_-]*";
      else if (nlp_option_type_to_string (s->type) == NULL)
        problem = "its type is unknown";
      else if (s->default_value == NULL)
        problem = "it has no default value";
      else if (s->help == NULL)
        problem = "it has no help text";
      else if (s->type == NLP_OPTION_CHOICE && nlp_option_spec_get_choices (s) == NULL)
        problem = "it is a choice with no choices";
      else if (!parse_value (s, s->default_value, &scratch, FALSE))
        problem = "its default value is not one of its allowed values";
      else if (nlp_option_specs_lookup (specs, s->name) != s)
        problem = "it is declared twice";
      if (problem != NULL)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                       "stage '%s' declares a malformed option '%s': %s; "
                       "fix the stage's option table", stage,
                       s->name ? s->name : "(null)", problem);
          return FALSE;
        }
    }
  return TRUE;
}

NlpOptions *
nlp_options_new (const char *stage, const NlpOptionSpec *specs)
{
  NlpOptions *options = g_new0 (NlpOptions, 1);

  options->stage = g_strdup (stage);
  options->values = g_array_new (FALSE, TRUE, sizeof (NlpOptionValue));
  for (guint i = 0; specs != NULL && specs[i].name != NULL; i++)
    {
      NlpOptionValue value = { .spec = &specs[i] };
      /* defaults were checked by nlp_option_specs_validate */
      parse_value (&specs[i], specs[i].default_value, &value, FALSE);
      value.text = g_strdup (specs[i].default_value);
      g_array_append_val (options->values, value);
    }
  return options;
}

void
nlp_options_free (NlpOptions *options)
{
  if (options == NULL)
    return;
  for (guint i = 0; i < options->values->len; i++)
    g_free (g_array_index (options->values, NlpOptionValue, i).text);
  g_array_unref (options->values);
  g_free (options->stage);
  g_free (options);
}

static NlpOptionValue *
find_value (const NlpOptions *options, const char *name)
{
  for (guint i = 0; i < options->values->len; i++)
    {
      NlpOptionValue *v = &g_array_index (options->values, NlpOptionValue, i);
      if (strcmp (v->spec->name, name) == 0)
        return v;
    }
  return NULL;
}

gboolean
nlp_options_set (NlpOptions *options, const char *name, const char *text,
                 GError **error)
{
  NlpOptionValue *value = find_value (options, name);
  NlpOptionValue parsed;

  if (value == NULL)
    {
      GString *valid = g_string_new (NULL);
      for (guint i = 0; i < options->values->len; i++)
        g_string_append_printf (valid, "%s%s", i ? ", " : "",
                                g_array_index (options->values, NlpOptionValue, i).spec->name);
      g_set_error (error, NLP_ERROR, NLP_ERROR_OPTION,
                   "stage '%s' has no option '%s'; valid options: %s",
                   options->stage, name, valid->len ? valid->str : "(none)");
      g_string_free (valid, TRUE);
      return FALSE;
    }
  parsed = *value;
  if (!parse_value (value->spec, text, &parsed, TRUE))
    {
      char *allowed = nlp_option_spec_describe_allowed (value->spec);
      char *shown = nlp__utf8_quote (text, NLP_QUOTE_MAX);
      if (value->spec->type == NLP_OPTION_PATH)
        g_set_error (error, NLP_ERROR, NLP_ERROR_OPTION,
                     "%s.%s: cannot read file '%s'; give %s",
                     options->stage, name, shown, allowed);
      else
        g_set_error (error, NLP_ERROR, NLP_ERROR_OPTION,
                     "%s.%s: bad value '%s'; expected %s",
                     options->stage, name, shown, allowed);
      g_free (shown);
      g_free (allowed);
      return FALSE;
    }
  g_free (value->text);
  *value = parsed;
  value->text = g_strdup (text);
  return TRUE;
}

const char *
nlp_options_get_text (const NlpOptions *options, const char *name)
{
  NlpOptionValue *v = find_value (options, name);
  g_return_val_if_fail (v != NULL, NULL);
  return v->text;
}

#define GET_TYPED(options, name, t1, t2, field, fallback)                 \
  NlpOptionValue *v = find_value ((options), (name));                     \
  g_return_val_if_fail (v != NULL, fallback);                             \
  g_return_val_if_fail (v->spec->type == (t1) || v->spec->type == (t2),   \
                        fallback);                                        \
  return v->field

gboolean
nlp_options_get_bool (const NlpOptions *options, const char *name)
{
  GET_TYPED (options, name, NLP_OPTION_BOOL, NLP_OPTION_BOOL, v.b, FALSE);
}

gint64
nlp_options_get_int (const NlpOptions *options, const char *name)
{
  GET_TYPED (options, name, NLP_OPTION_INT, NLP_OPTION_INT, v.i, 0);
}

double
nlp_options_get_double (const NlpOptions *options, const char *name)
{
  GET_TYPED (options, name, NLP_OPTION_DOUBLE, NLP_OPTION_DOUBLE, v.d, 0.0);
}

const char *
nlp_options_get_string (const NlpOptions *options, const char *name)
{
  NlpOptionValue *v = find_value (options, name);
  g_return_val_if_fail (v != NULL, NULL);
  g_return_val_if_fail (v->spec->type == NLP_OPTION_STRING
                        || v->spec->type == NLP_OPTION_CHOICE
                        || v->spec->type == NLP_OPTION_PATH, NULL);
  return v->text;
}
