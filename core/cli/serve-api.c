/* serve-api.c — nlpipe serve's routes.
 *
 * One early handler sees every request as soon as its headers are in and
 * refuses what it can before a byte of the body is read (wrong Host,
 * body over --max-body, unknown path, wrong method; for annotate also
 * the format, the media type and a full queue); one handler answers the
 * rest once the body is in.  Request bodies are never accumulated by
 * libsoup: annotate collects its own, up to the limit, and every other
 * route ignores it.
 *
 *   GET  /                  the web page (serve-page.c)
 *   POST /v1/annotate       serve-annotate.c
 *   GET  /v1/stages         `nlpipe list --json` of the loaded chain
 *   GET  /v1/stages/NAME    `nlpipe info --json` of one of its stages
 *   GET  /v1/health         ready (200) or shutting down (503)
 */
#include <string.h>
#include "cli-serve.h"

#define ANNOTATE "/v1/annotate"
#define STAGES   "/v1/stages"
#define HEALTH   "/v1/health"

static gboolean
is_stage_path (const char *path)
{
  return g_str_has_prefix (path, STAGES "/") && path[sizeof STAGES] != '\0'
         && strchr (path + sizeof STAGES, '/') == NULL;
}

static gboolean
is_get_route (const char *path)
{
  return strcmp (path, STAGES) == 0 || strcmp (path, HEALTH) == 0 || is_stage_path (path)
         || serve_page_has (path);
}

static JsonNode *
chain_node (const NlpPipeline *pipeline)
{
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < nlp_pipeline_get_n_stages (pipeline); i++)
    json_array_add_string_element (arr, nlp_pipeline_get_instance_name (pipeline, i));
  json_node_take_array (node, arr);
  return node;
}

static void
health (ServeRequest *r)
{
  Serve *serve = r->serve;
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (o, "status", serve->draining ? "shutting_down" : "ready");
  json_object_set_string_member (o, "version", NLP_VERSION);
  json_object_set_member (o, "chain", chain_node (serve->pipeline));
  json_object_set_int_member (o, "jobs", nlp_processor_get_jobs (serve->processor));
  json_object_set_int_member (o, "active", serve->active);
  json_object_set_int_member (o, "max_queue", serve->max_queue);
  json_object_set_int_member (o, "connections", serve->connections);
  json_node_take_object (node, o);
  if (serve->draining)
    soup_message_headers_replace (soup_server_message_get_response_headers (r->msg),
                                  "Retry-After", "1");
  serve_reply_json (r->msg, serve->draining ? SOUP_STATUS_SERVICE_UNAVAILABLE : SOUP_STATUS_OK,
                    node);
}

/* (transfer full) a stage's `info --json` object (nlp-describe.h), with
 * "instance": its name in the chain. */
static JsonNode *
info_node (const NlpPipeline *pipeline, guint i)
{
  char *json = nlp_stage_describe_json (nlp_pipeline_get_stage (pipeline, i));
  JsonNode *node = json_from_string (json, NULL);

  json_object_set_string_member (json_node_get_object (node), "instance",
                                 nlp_pipeline_get_instance_name (pipeline, i));
  g_free (json);
  return node;
}

/* `list --json`'s entry for a stage is the start of its `info --json`
 * object: name, version, summary, file. */
static JsonNode *
list_entry (const NlpPipeline *pipeline, guint i)
{
  static const char *const members[] = { "name", "version", "summary", "file", "instance" };
  JsonNode *info = info_node (pipeline, i), *entry = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    json_object_set_member (o, members[m], json_node_copy (
      json_object_get_member (json_node_get_object (info), members[m])));
  json_node_take_object (entry, o);
  json_node_unref (info);
  return entry;
}

static void
stages (ServeRequest *r)
{
  const NlpPipeline *pipeline = r->serve->pipeline;
  JsonArray *arr = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < nlp_pipeline_get_n_stages (pipeline); i++)
    json_array_add_element (arr, list_entry (pipeline, i));
  json_node_take_array (node, arr);
  serve_reply_json (r->msg, SOUP_STATUS_OK, node);
}

/* /v1/stages/NAME: an instance of the chain (its alias, or the stage's
 * name); never a stage the chain did not load. */
static void
stage_info (ServeRequest *r)
{
  const NlpPipeline *pipeline = r->serve->pipeline;
  const char *name = r->path + sizeof STAGES;
  char *names;

  for (guint i = 0; i < nlp_pipeline_get_n_stages (pipeline); i++)
    if (strcmp (nlp_pipeline_get_instance_name (pipeline, i), name) == 0)
      {
        serve_reply_json (r->msg, SOUP_STATUS_OK, info_node (pipeline, i));
        return;
      }
  {
    GPtrArray *list = g_ptr_array_new ();
    for (guint i = 0; i < nlp_pipeline_get_n_stages (pipeline); i++)
      g_ptr_array_add (list, (gpointer) nlp_pipeline_get_instance_name (pipeline, i));
    g_ptr_array_add (list, NULL);
    names = g_strjoinv (", ", (char **) list->pdata);
    g_ptr_array_unref (list);
  }
  serve_reply_error (r->msg, SOUP_STATUS_NOT_FOUND, "unknown_stage", NULL,
                     "the chain has no stage '%s'; its stages: %s", name, names);
  g_free (names);
}

static void
not_found (ServeRequest *r)
{
  serve_reply_error (r->msg, SOUP_STATUS_NOT_FOUND, "not_found", NULL,
                     "nothing at %s; the API is POST " ANNOTATE ", GET " STAGES
                     ", GET " STAGES "/NAME, GET " HEALTH " (docs/serve.md)", r->path);
}

static void
early (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
       gpointer data)
{
  Serve *serve = data;
  ServeRequest r = { serve, msg, path, query };
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = 0;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  serve_common_headers (serve, msg);
  if (!serve_check_host (serve, msg))
    return;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > serve->max_body)
    {
      /* the body is not wanted: read and dropped, or never sent by a
       * client that asked first (Expect: 100-continue) */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      serve_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large", NULL,
                         "the body is %" G_GOFFSET_FORMAT " bytes, over this server's "
                         "--max-body of %" G_GSIZE_FORMAT "; split the batch or ask "
                         "the server's operator to raise the limit", length, serve->max_body);
      return;
    }
  if (strcmp (path, ANNOTATE) == 0)
    {
      if (serve_check_method (msg, "POST"))
        serve_annotate_early (&r);
    }
  else if (is_get_route (path))
    serve_check_method (msg, "GET, HEAD");
  else
    not_found (&r);
}

static void
handle (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
        gpointer data)
{
  ServeRequest r = { data, msg, path, query };

  if (strcmp (path, ANNOTATE) == 0)
    serve_annotate (&r);
  else if (strcmp (path, HEALTH) == 0)
    health (&r);
  else if (strcmp (path, STAGES) == 0)
    stages (&r);
  else if (is_stage_path (path))
    stage_info (&r);
  else if (!serve_page (&r))
    not_found (&r);
}

void
serve_api_install (Serve *serve)
{
  soup_server_add_early_handler (serve->soup, NULL, early, serve, NULL);
  soup_server_add_handler (serve->soup, NULL, handle, serve, NULL);
}
