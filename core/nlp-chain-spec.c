/* nlp-chain-spec.c — what the user asked for: stages, aliases, options,
 * from -p, a config file and --set (later calls override earlier ones). */
#include <string.h>
#include "nlp-chain-spec.h"
#include "nlp-chain-spec-private.h"
#include "nlp-error.h"
#include "nlp-names-private.h"
#include "nlp-utf8-quote-private.h"

static void
item_free (NlpChainItem *item)
{
  g_free (item->instance);
  g_free (item->stage);
  g_free (item);
}

static void
setting_free (NlpChainSetting *s)
{
  g_free (s->instance);
  g_free (s->option);
  g_free (s->value);
  g_free (s->origin);
  g_free (s);
}

NlpChainSpec *
nlp_chain_spec_new (void)
{
  NlpChainSpec *spec = g_new0 (NlpChainSpec, 1);

  spec->ref = 1;
  spec->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  spec->settings = g_ptr_array_new_with_free_func ((GDestroyNotify) setting_free);
  spec->plugin_path = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (spec->plugin_path, NULL);
  return spec;
}

NlpChainSpec *
nlp_chain_spec_ref (NlpChainSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  g_atomic_int_inc (&spec->ref);
  return spec;
}

void
nlp_chain_spec_free (NlpChainSpec *spec)
{
  nlp_chain_spec_unref (spec);
}

void
nlp_chain_spec_unref (NlpChainSpec *spec)
{
  if (spec == NULL || !g_atomic_int_dec_and_test (&spec->ref))
    return;
  g_ptr_array_unref (spec->items);
  g_ptr_array_unref (spec->settings);
  g_ptr_array_unref (spec->plugin_path);
  g_free (spec->stages);
  g_free (spec);
}

gboolean
nlp_chain_spec_set_stages (NlpChainSpec *spec, const char *chain, GError **error)
{
  char **parts = g_strsplit (chain, ",", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gboolean ok = TRUE;

  for (guint i = 0; parts[i] != NULL && ok; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *eq = strchr (part, '=');
      NlpChainItem *item = g_new0 (NlpChainItem, 1);

      if (eq != NULL)
        {
          *eq = '\0';
          item->instance = g_strdup (g_strstrip (part));
          item->stage = g_strdup (g_strstrip (eq + 1));
        }
      else
        {
          item->instance = g_strdup (part);
          item->stage = g_strdup (part);
        }
      g_ptr_array_add (items, item);
      if (*item->stage == '\0')
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                       "empty stage name in chain '%s': write stages as "
                       "a,b,c (or alias=stage)", chain);
          ok = FALSE;
        }
      else if (!nlp__valid_stage_name (item->instance))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                       "'%s' in chain '%s' is not a valid name: names match "
                       "[a-z][a-z0-9_]*", item->instance, chain);
          ok = FALSE;
        }
      for (guint j = 0; ok && j + 1 < items->len; j++)
        if (strcmp (((NlpChainItem *) items->pdata[j])->instance, item->instance) == 0)
          {
            g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                         "'%s' appears twice in chain '%s': give the second "
                         "an alias, e.g. %s2=%s", item->instance, chain,
                         item->instance, item->stage);
            ok = FALSE;
          }
    }
  g_strfreev (parts);
  if (ok && items->len == 0)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE, "the chain is empty");
      ok = FALSE;
    }
  if (!ok)
    {
      g_ptr_array_unref (items);
      return FALSE;
    }
  g_ptr_array_unref (spec->items);
  spec->items = items;
  g_free (spec->stages);
  spec->stages = g_strdup (chain);
  return TRUE;
}

const char *
nlp_chain_spec_get_stages (const NlpChainSpec *spec)
{
  return spec->stages;
}

static void
add_setting (NlpChainSpec *spec, const char *instance, const char *option,
             const char *value, const char *origin, gboolean strict)
{
  NlpChainSetting *s = g_new0 (NlpChainSetting, 1);

  s->instance = g_strdup (instance);
  s->option = g_strdup (option);
  s->value = g_strdup (value);
  s->origin = g_strdup (origin);
  s->strict = strict;
  g_ptr_array_add (spec->settings, s);
}

gboolean
nlp_chain_spec_set_option (NlpChainSpec *spec, const char *instance,
                           const char *option, const char *value, GError **error)
{
  add_setting (spec, instance, option, value, "--set", TRUE);
  return TRUE;
}

gboolean
nlp_chain_spec_parse_set (NlpChainSpec *spec, const char *assignment, GError **error)
{
  const char *dot = strchr (assignment, '.');
  const char *eq = strchr (assignment, '=');
  char *instance, *option;

  if (dot == NULL || eq == NULL || dot > eq || dot == assignment || eq == dot + 1)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "--set '%s': expected STAGE.OPTION=VALUE, "
                   "e.g. --set stem.language=french", assignment);
      return FALSE;
    }
  instance = g_strndup (assignment, (gsize) (dot - assignment));
  option = g_strndup (dot + 1, (gsize) (eq - dot - 1));
  add_setting (spec, instance, option, eq + 1, "--set", TRUE);
  g_free (instance);
  g_free (option);
  return TRUE;
}

gboolean
nlp_chain_spec_load_file (NlpChainSpec *spec, const char *path, GError **error)
{
  GKeyFile *kf = g_key_file_new ();
  GError *local = NULL;
  char **groups;
  gboolean ok = TRUE;

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local))
    {
      /* GKeyFile may quote a line that is not UTF-8 */
      char *shown = g_utf8_make_valid (local->message, -1);
      gint code = local->domain == G_FILE_ERROR ? NLP_ERROR_IO : NLP_ERROR_USAGE;
      if (local->domain == G_FILE_ERROR && local->code == G_FILE_ERROR_NOENT)
        g_set_error (error, NLP_ERROR, code,
                     "config %s: no such file or directory; check the path", path);
      else
        g_set_error (error, NLP_ERROR, code, "config %s: %s", path, shown);
      g_free (shown);
      g_error_free (local);
      g_key_file_free (kf);
      return FALSE;
    }
  groups = g_key_file_get_groups (kf, NULL);
  for (guint g = 0; groups[g] != NULL && ok; g++)
    {
      char **keys = g_key_file_get_keys (kf, groups[g], NULL, NULL);
      gboolean is_pipeline = strcmp (groups[g], "pipeline") == 0;

      for (guint k = 0; keys != NULL && keys[k] != NULL && ok; k++)
        {
          char *value = g_key_file_get_string (kf, groups[g], keys[k], NULL);
          char *origin = g_strdup_printf ("%s [%s] %s", path, groups[g], keys[k]);

          if (value == NULL)
            value = g_key_file_get_value (kf, groups[g], keys[k], NULL);
          /* GKeyFile lets bytes that are not UTF-8 through in names */
          if (!g_utf8_validate (groups[g], -1, NULL) || !g_utf8_validate (keys[k], -1, NULL)
              || value == NULL || !g_utf8_validate (value, -1, NULL))
            {
              char *shown = g_utf8_make_valid (origin, -1);
              g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                           "config %s: not valid UTF-8; save the file as UTF-8", shown);
              g_free (shown);
              ok = FALSE;
            }
          else if (is_pipeline && strcmp (keys[k], "stages") == 0)
            {
              ok = nlp_chain_spec_set_stages (spec, value, &local);
              if (!ok)
                {
                  g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE, "config %s: %s",
                               path, local->message);
                  g_clear_error (&local);
                }
            }
          else if (is_pipeline && strcmp (keys[k], "plugin-path") == 0)
            {
              char **dirs = g_strsplit_set (value, ":;", -1);
              g_ptr_array_remove_index (spec->plugin_path, spec->plugin_path->len - 1);
              for (guint i = 0; dirs[i]; i++)
                if (*g_strstrip (dirs[i]))
                  {
                    /* relative entries are relative to the config file */
                    char *base = g_path_get_dirname (path);
                    char *dir = g_path_is_absolute (dirs[i]) ? g_strdup (dirs[i])
                      : g_build_filename (base, dirs[i], NULL);
                    g_ptr_array_add (spec->plugin_path, dir);
                    g_free (base);
                  }
              g_ptr_array_add (spec->plugin_path, NULL);
              g_strfreev (dirs);
            }
          else if (is_pipeline && strcmp (keys[k], "language-mismatch") == 0)
            {
              ok = nlp_language_mismatch_from_string (value, &spec->language_mismatch);
              if (!ok)
                {
                  char *shown = nlp__utf8_quote (value, NLP_QUOTE_MAX);
                  g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                               "config %s: language-mismatch '%s': expected one of: "
                               "warn, run, fail", path, shown);
                  g_free (shown);
                }
            }
          else if (is_pipeline)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                           "config %s: unknown key '%s' in [pipeline]; "
                           "known keys: stages, plugin-path, language-mismatch", path, keys[k]);
              ok = FALSE;
            }
          else
            add_setting (spec, groups[g], keys[k], value, origin, FALSE);
          g_free (origin);
          g_free (value);
        }
      g_strfreev (keys);
    }
  g_strfreev (groups);
  g_key_file_free (kf);
  return ok;
}

const char *const *
nlp_chain_spec_get_plugin_path (const NlpChainSpec *spec)
{
  return (const char *const *) spec->plugin_path->pdata;
}

void
nlp_chain_spec_set_language_mismatch (NlpChainSpec *spec, NlpLanguageMismatch policy)
{
  g_return_if_fail (policy <= NLP_LANGUAGE_MISMATCH_FAIL);
  spec->language_mismatch = policy;
}

NlpLanguageMismatch
nlp_chain_spec_get_language_mismatch (const NlpChainSpec *spec)
{
  return spec->language_mismatch;
}

gboolean
nlp_language_mismatch_from_string (const char *text, NlpLanguageMismatch *policy)
{
  static const char *const names[] = { "warn", "run", "fail" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *policy = (NlpLanguageMismatch) i;
        return TRUE;
      }
  return FALSE;
}
