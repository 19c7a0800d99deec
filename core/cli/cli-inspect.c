/* cli-inspect.c — `nlpipe list`, `nlpipe info STAGE`, `nlpipe check`:
 * introspection printed from the same descriptors and option tables the
 * core validates against (one source of truth, as gst-inspect does). */
#include <string.h>
#include <json-glib/json-glib.h>
#include "cli-private.h"

typedef struct {
  gboolean json;
  gboolean probe;
  char   **plugin_paths;
  char    *stages;
  char    *config;
  char   **sets;
  char   **rest;
} InspectArgs;

static void
inspect_args_clear (InspectArgs *a)
{
  g_strfreev (a->plugin_paths);
  g_free (a->stages);
  g_free (a->config);
  g_strfreev (a->sets);
  g_strfreev (a->rest);
}

/* Parses the common options; returns FALSE (and the exit code in *status)
 * on a usage error. */
static gboolean
parse_args (int argc, char **argv, const char *params, const char *summary,
            gboolean with_chain, InspectArgs *a, int *status)
{
  GOptionEntry common[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print JSON", NULL },
    { "plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->plugin_paths,
      "Search DIR for stages first (repeatable)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->rest, NULL, NULL },
    { NULL }
  };
  GOptionEntry chain[] = {
    { "stages", 'p', 0, G_OPTION_ARG_STRING, &a->stages, "The chain to check", "STAGES" },
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &a->config, "Config file", "FILE" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->sets, "Stage option", "STAGE.OPTION=VALUE" },
    { "probe", 0, 0, G_OPTION_ARG_NONE, &a->probe,
      "Also load every model and run a short probe document through the chain", NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new (params);
  GError *error = NULL;
  gboolean ok;

  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, common, NULL);
  if (with_chain)
    g_option_context_add_main_entries (ctx, chain, NULL);
  ok = g_option_context_parse (ctx, &argc, &argv, &error);
  g_option_context_free (ctx);
  if (!ok)
    {
      g_printerr ("nlpipe %s: %s; see nlpipe %s --help\n", argv[0], error->message, argv[0]);
      g_error_free (error);
      *status = NLP_EXIT_USAGE;
    }
  return ok;
}

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

static void
print_json (JsonNode *node)
{
  char *s = json_to_string (node, TRUE);
  g_print ("%s\n", s);
  g_free (s);
  json_node_unref (node);
}

static char *
join_names (const char *const *v)
{
  return v && v[0] ? g_strjoinv (", ", (char **) v) : g_strdup ("-");
}

int
nlp__cli_list (int argc, char **argv)
{
  InspectArgs a = { 0 };
  int status = NLP_EXIT_OK;
  NlpRegistry *registry;
  char **names;

  if (!parse_args (argc, argv, "", "Lists the installed stages.", FALSE, &a, &status))
    {
      inspect_args_clear (&a);
      return status;
    }
  registry = nlp_registry_new ();
  nlp__cli_setup_registry (registry, a.plugin_paths, NULL);
  if (a.json)
    {
      guint broken;
      char *json = nlp_registry_describe_json (registry, &broken);
      g_print ("%s\n", json);
      g_free (json);
      if (broken > 0)
        status = NLP_EXIT_LOAD;
    }
  else
    {
      names = nlp_registry_list (registry);
      for (guint i = 0; names[i]; i++)
        {
          GError *error = NULL;
          NlpStage *stage = nlp_registry_load (registry, names[i], &error);

          if (stage != NULL)
            {
              const NlpStageInfo *info = nlp_stage_get_info (stage);
              g_print ("%-12s %-6s %s\n", names[i], info->version, info->summary);
            }
          else
            {
              g_print ("%-12s %-6s (cannot load: %s)\n", names[i], "?", error->message);
              status = NLP_EXIT_LOAD;
              g_error_free (error);
            }
        }
      g_strfreev (names);
    }
  nlp_registry_free (registry);
  inspect_args_clear (&a);
  return status;
}

int
nlp__cli_info (int argc, char **argv)
{
  InspectArgs a = { 0 };
  int status = NLP_EXIT_OK;
  NlpRegistry *registry;
  NlpStage *stage;
  GError *error = NULL;
  const NlpStageInfo *info;

  if (!parse_args (argc, argv, "STAGE", "Describes an installed stage.", FALSE, &a, &status))
    {
      inspect_args_clear (&a);
      return status;
    }
  if (a.rest == NULL || a.rest[0] == NULL || a.rest[1] != NULL)
    {
      g_printerr ("nlpipe info: give exactly one stage name; see nlpipe list\n");
      inspect_args_clear (&a);
      return NLP_EXIT_USAGE;
    }
  registry = nlp_registry_new ();
  nlp__cli_setup_registry (registry, a.plugin_paths, NULL);
  stage = nlp_registry_load (registry, a.rest[0], &error);
  if (stage == NULL)
    {
      status = nlp__cli_fail (error);
      nlp_registry_free (registry);
      inspect_args_clear (&a);
      return status;
    }
  info = nlp_stage_get_info (stage);
  if (a.json)
    {
      char *json = nlp_stage_describe_json (stage);
      g_print ("%s\n", json);
      g_free (json);
    }
  else
    {
      char *req = join_names (info->requires), *prov = join_names (info->provides);
      char *langs = info->languages ? g_strjoinv (", ", (char **) info->languages)
                                    : g_strdup ("any");
      g_print ("%s %s — %s\n\n", info->name, info->version, info->summary);
      g_print ("  licence:   %s\n", info->licence ? info->licence : "(not stated)");
      g_print ("  author:    %s\n", info->author ? info->author : "(not stated)");
      g_print ("  homepage:  %s\n", info->homepage ? info->homepage : "(not stated)");
      g_print ("  languages: %s\n", langs);
      g_print ("  file:      %s\n", nlp_stage_get_path (stage));
      g_print ("  ABI:       %u.%u\n", info->abi_major, info->abi_minor);
      g_free (langs);
      g_print ("  data:      %s\n", nlp_stage_get_data_dir (stage));
      g_print ("  requires:  %s\n", req);
      g_print ("  provides:  %s\n", prov);
      if (info->modifies && info->modifies[0])
        {
          char *mod = join_names (info->modifies);
          g_print ("  modifies:  %s\n", mod);
          g_free (mod);
        }
      g_print ("\n  options (--set %s.OPTION=VALUE):\n", info->name);
      for (guint i = 0; info->options && info->options[i].name; i++)
        {
          const NlpOptionSpec *s = &info->options[i];
          char *allowed = nlp_option_spec_describe_allowed (s);
          g_print ("    %-16s %-7s default: %s\n", s->name,
                   nlp_option_type_to_string (s->type),
                   *s->default_value ? s->default_value : "\"\"");
          g_print ("        %s; %s\n", s->help, allowed);
          g_free (allowed);
        }
      g_print ("    %-16s %-7s default: %s\n", "datadir", "path", nlp_stage_get_data_dir (stage));
      g_print ("        where the stage finds its data (every stage has it); a directory\n");
      g_free (req);
      g_free (prov);
    }
  nlp_registry_free (registry);
  inspect_args_clear (&a);
  return status;
}

/* (transfer full) the names instance @i provides that no later instance
 * requires: fine for the last stages (the writer shows them), worth knowing
 * for the others. */
static GPtrArray *
unused_outputs (const NlpPipeline *pipeline, guint i)
{
  const char *const *provides = nlp_pipeline_get_provides (pipeline, i);
  GPtrArray *unused = g_ptr_array_new ();
  guint n = nlp_pipeline_get_n_stages (pipeline);

  for (guint p = 0; provides[p]; p++)
    {
      gboolean used = FALSE;
      for (guint j = i + 1; j < n && !used; j++)
        {
          const NlpStageInfo *later = nlp_stage_get_info (nlp_pipeline_get_stage (pipeline, j));
          used = later->requires && g_strv_contains (later->requires, provides[p]);
        }
      if (!used)
        g_ptr_array_add (unused, (gpointer) provides[p]);
    }
  g_ptr_array_add (unused, NULL);
  return unused;
}

static void
print_check (const NlpPipeline *pipeline, gboolean json)
{
  guint n = nlp_pipeline_get_n_stages (pipeline);
  JsonArray *arr = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < n; i++)
    {
      const NlpStageInfo *info = nlp_stage_get_info (nlp_pipeline_get_stage (pipeline, i));
      const char *inst = nlp_pipeline_get_instance_name (pipeline, i);
      const char *const *provides = nlp_pipeline_get_provides (pipeline, i);
      GPtrArray *unused = unused_outputs (pipeline, i);
      const char *const *unused_v = (const char *const *) unused->pdata;
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "instance", inst);
      json_object_set_string_member (o, "stage", info->name);
      json_object_set_member (o, "requires", strv_node (info->requires));
      json_object_set_member (o, "provides", strv_node (provides));
      json_object_set_member (o, "unused", strv_node (unused_v));
      json_array_add_object_element (arr, o);
      if (!json)
        {
          char *req = join_names (info->requires), *prov = join_names (provides);
          g_print ("%u. %s%s%s\n   requires: %s\n   provides: %s\n", i + 1, inst,
                   strcmp (inst, info->name) ? " = " : "",
                   strcmp (inst, info->name) ? info->name : "", req, prov);
          if (unused_v[0])
            {
              char *list = join_names (unused_v);
              g_print ("   used by no later stage (output only): %s\n", list);
              g_free (list);
            }
          g_free (req);
          g_free (prov);
        }
      g_ptr_array_unref (unused);
    }
  if (!json)
    {
      g_print ("chain OK: %u stages\n", n);
      json_array_unref (arr);
      return;
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  json_object_set_boolean_member (json_node_get_object (node), "ok", TRUE);
  json_object_set_array_member (json_node_get_object (node), "stages", arr);
  print_json (node);
}

/* Runs a short document through @pipeline: a stage that writes what it
 * does not declare, or fails on plain text, is caught before any input. */
static gboolean
probe (NlpPipeline *pipeline, GError **error)
{
  static const char text[] =
    "The EU and NATO met in Oslo on Friday, 16 August 2024. Angela Merkel "
    "said the talks were good; shares of Acme Corp. rose 3% to $12.50.\n";
  GError *local = NULL;
  NlpDocument *doc = nlp_pipeline_process_text (pipeline, "probe", text, -1, &local);

  if (doc == NULL)
    {
      /* the chain is refused: a usage-level error (exit 2), not one document */
      g_set_error (error, NLP_ERROR, NLP_ERROR_CHAIN, "the probe document failed: %s",
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  nlp_document_unref (doc);
  return TRUE;
}

int
nlp__cli_check (int argc, char **argv)
{
  InspectArgs a = { 0 };
  int status = NLP_EXIT_OK;
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpRegistry *registry = NULL;
  NlpPipeline *pipeline = NULL;
  GError *error = NULL;

  if (!parse_args (argc, argv, "", "Validates a chain without running it.", TRUE, &a, &status))
    goto out;
  if ((a.config && !nlp_chain_spec_load_file (spec, a.config, &error))
      || (a.stages && !nlp_chain_spec_set_stages (spec, a.stages, &error)))
    {
      status = nlp__cli_fail (error);
      goto out;
    }
  for (guint i = 0; a.sets && a.sets[i]; i++)
    if (!nlp_chain_spec_parse_set (spec, a.sets[i], &error))
      {
        status = nlp__cli_fail (error);
        goto out;
      }
  registry = nlp_registry_new ();
  nlp__cli_setup_registry (registry, a.plugin_paths, spec);
  pipeline = a.probe ? nlp_pipeline_new (registry, spec, &error)
                     : nlp_pipeline_new_unloaded (registry, spec, &error);
  if (pipeline == NULL)
    {
      status = nlp__cli_fail (error);
      goto out;
    }
  if (a.probe && !probe (pipeline, &error))
    {
      status = nlp__cli_fail (error);
      goto out;
    }
  print_check (pipeline, a.json);
out:
  nlp_pipeline_free (pipeline);
  nlp_registry_free (registry);
  nlp_chain_spec_free (spec);
  inspect_args_clear (&a);
  return status;
}
