/* nlp-describe.c — stages described as JSON, from their descriptors and
 * option tables (the same source of truth the core validates against):
 * what `nlpipe list --json` and `nlpipe info --json` print, for any
 * program (the server's /v1/stages, Python's nlpipe.info()). */
#include <json-glib/json-glib.h>
#include "nlp-describe.h"

static JsonNode *
strv_node (const char *const *v)
{
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; v && v[i]; i++)
    json_array_add_string_element (arr, v[i]);
  json_node_take_array (node, arr);
  return node;
}

static char *
to_text (JsonNode *node)
{
  char *s = json_to_string (node, TRUE);
  json_node_unref (node);
  return s;
}

static void
set_nullable (JsonObject *o, const char *name, const char *value)
{
  if (value)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

static JsonNode *
option_node (const NlpOptionSpec *spec)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  char *allowed = nlp_option_spec_describe_allowed (spec);

  json_object_set_string_member (o, "name", spec->name);
  json_object_set_string_member (o, "type", nlp_option_type_to_string (spec->type));
  json_object_set_string_member (o, "default", spec->default_value);
  json_object_set_string_member (o, "help", spec->help);
  json_object_set_string_member (o, "allowed", allowed);
  if (spec->type == NLP_OPTION_CHOICE)
    json_object_set_member (o, "choices", strv_node (nlp_option_spec_get_choices (spec)));
  if ((spec->type == NLP_OPTION_INT || spec->type == NLP_OPTION_DOUBLE) && spec->min < spec->max)
    {
      json_object_set_double_member (o, "min", spec->min);
      json_object_set_double_member (o, "max", spec->max);
    }
  g_free (allowed);
  json_node_take_object (node, o);
  return node;
}

char *
nlp_stage_describe_json (const NlpStage *stage)
{
  const NlpStageInfo *info = nlp_stage_get_info (stage);
  JsonObject *o = json_object_new ();
  JsonArray *opts = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  char *abi = g_strdup_printf ("%u.%u", info->abi_major, info->abi_minor);

  json_object_set_string_member (o, "name", info->name);
  json_object_set_string_member (o, "version", info->version);
  json_object_set_string_member (o, "summary", info->summary);
  json_object_set_string_member (o, "file", nlp_stage_get_path (stage));
  json_object_set_string_member (o, "abi", abi);
  json_object_set_string_member (o, "data_dir", nlp_stage_get_data_dir (stage));
  json_object_set_member (o, "requires", strv_node (info->requires));
  json_object_set_member (o, "provides", strv_node (info->provides));
  json_object_set_member (o, "modifies", strv_node (info->modifies));
  json_object_set_member (o, "languages", info->languages ? strv_node (info->languages)
                                                          : json_node_init_null (json_node_alloc ()));
  set_nullable (o, "licence", info->licence);
  set_nullable (o, "author", info->author);
  set_nullable (o, "homepage", info->homepage);
  for (guint i = 0; info->options && info->options[i].name; i++)
    json_array_add_element (opts, option_node (&info->options[i]));
  json_object_set_array_member (o, "options", opts);
  json_node_take_object (node, o);
  g_free (abi);
  return to_text (node);
}

char *
nlp_registry_describe_json (NlpRegistry *registry, guint *n_broken)
{
  char **names = nlp_registry_list (registry);
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  guint broken = 0;

  for (guint i = 0; names[i]; i++)
    {
      GError *error = NULL;
      NlpStage *stage = nlp_registry_load (registry, names[i], &error);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "name", names[i]);
      if (stage != NULL)
        {
          const NlpStageInfo *info = nlp_stage_get_info (stage);
          json_object_set_string_member (o, "version", info->version);
          json_object_set_string_member (o, "summary", info->summary);
          json_object_set_string_member (o, "file", nlp_stage_get_path (stage));
        }
      else
        {
          json_object_set_string_member (o, "error", error->message);
          broken++;
          g_error_free (error);
        }
      json_array_add_object_element (arr, o);
    }
  g_strfreev (names);
  if (n_broken)
    *n_broken = broken;
  json_node_take_array (node, arr);
  return to_text (node);
}
