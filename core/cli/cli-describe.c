/* cli-describe.c — stages as JSON, for `list --json`, `info --json` and
 * nlpipe serve's /v1/stages. */
#include "cli-describe.h"

JsonNode *
cli_describe_strv (const char *const *v)
{
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; v && v[i]; i++)
    json_array_add_string_element (arr, v[i]);
  json_node_take_array (node, arr);
  return node;
}

JsonNode *
cli_describe_list_entry (const char *name, NlpStage *stage, const GError *error)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (o, "name", name);
  if (stage != NULL)
    {
      const NlpStageInfo *info = nlp_stage_get_info (stage);
      json_object_set_string_member (o, "version", info->version);
      json_object_set_string_member (o, "summary", info->summary);
      json_object_set_string_member (o, "file", nlp_stage_get_path (stage));
    }
  else
    json_object_set_string_member (o, "error", error ? error->message : "cannot load");
  json_node_take_object (node, o);
  return node;
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
    json_object_set_member (o, "choices", cli_describe_strv (nlp_option_spec_get_choices (spec)));
  if ((spec->type == NLP_OPTION_INT || spec->type == NLP_OPTION_DOUBLE) && spec->min < spec->max)
    {
      json_object_set_double_member (o, "min", spec->min);
      json_object_set_double_member (o, "max", spec->max);
    }
  g_free (allowed);
  json_node_take_object (node, o);
  return node;
}

/* A string member, or null when the stage does not say. */
static void
set_optional (JsonObject *o, const char *name, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

JsonNode *
cli_describe_info (NlpStage *stage)
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
  json_object_set_member (o, "requires", cli_describe_strv (info->requires));
  json_object_set_member (o, "provides", cli_describe_strv (info->provides));
  json_object_set_member (o, "modifies", cli_describe_strv (info->modifies));
  json_object_set_member (o, "languages", info->languages ? cli_describe_strv (info->languages)
                                                          : json_node_init_null (json_node_alloc ()));
  set_optional (o, "licence", info->licence);
  set_optional (o, "author", info->author);
  set_optional (o, "homepage", info->homepage);
  for (guint i = 0; info->options && info->options[i].name; i++)
    json_array_add_element (opts, option_node (&info->options[i]));
  json_object_set_array_member (o, "options", opts);
  json_node_take_object (node, o);
  g_free (abi);
  return node;
}
