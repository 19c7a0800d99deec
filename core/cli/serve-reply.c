/* serve-reply.c — what every answer of nlpipe serve shares: JSON errors,
 * common headers, the method and Host checks. */
#include <string.h>
#include <json-glib/json-glib.h>
#include "cli-serve.h"

char *
serve_error_json (const char *code, const char *stage, const char *message)
{
  JsonBuilder *b = json_builder_new ();
  JsonNode *root;
  char *text, *line;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  if (stage != NULL)
    {
      json_builder_set_member_name (b, "stage");
      json_builder_add_string_value (b, stage);
    }
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  line = g_strconcat (text, "\n", NULL);
  g_free (text);
  json_node_unref (root);
  g_object_unref (b);
  return line;
}

/* Answers @msg with @status and the JSON text @body (transfer full). */
static void
reply (SoupServerMessage *msg, guint status, char *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

void
serve_reply_error (SoupServerMessage *msg, guint status, const char *code,
                   const char *stage, const char *format, ...)
{
  va_list args;
  char *message, *valid;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* messages may quote what the client sent */
  valid = g_utf8_make_valid (message, -1);
  reply (msg, status, serve_error_json (code, stage, valid));
  g_free (valid);
  g_free (message);
}

void
serve_reply_json (SoupServerMessage *msg, guint status, JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  reply (msg, status, g_strconcat (text, "\n", NULL));
  g_free (text);
  json_node_unref (node);
}

void
serve_common_headers (Serve *serve, SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (h, "Referrer-Policy", "no-referrer");
  if (soup_message_headers_get_one (h, "Cache-Control") == NULL)
    soup_message_headers_replace (h, "Cache-Control", "no-store");
  if (serve->draining)
    soup_message_headers_replace (h, "Connection", "close");
}

gboolean
serve_check_method (SoupServerMessage *msg, const char *allowed)
{
  const char *method = soup_server_message_get_method (msg);
  char **names = g_strsplit (allowed, ", ", -1);
  gboolean ok = g_strv_contains ((const char *const *) names, method);

  g_strfreev (names);
  if (ok)
    return TRUE;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Allow", allowed);
  serve_reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", NULL,
                     "%s is not allowed on %s; use %s", method,
                     g_uri_get_path (soup_server_message_get_uri (msg)), allowed);
  return FALSE;
}

/* The host part of a Host header value: "[::1]:8080" -> "::1",
 * "localhost:8080" -> "localhost".  (transfer full) */
static char *
host_name (const char *value)
{
  const char *colon;

  if (value[0] == '[')
    {
      const char *end = strchr (value, ']');
      return end ? g_strndup (value + 1, end - value - 1) : g_strdup (value);
    }
  colon = strrchr (value, ':');
  return colon ? g_strndup (value, colon - value) : g_strdup (value);
}

gboolean
serve_check_host (Serve *serve, SoupServerMessage *msg)
{
  const char *value = soup_message_headers_get_one (
    soup_server_message_get_request_headers (msg), "Host");
  char *name;
  GInetAddress *addr;
  gboolean ok;

  if (!serve->check_host || value == NULL)
    return TRUE;               /* HTTP/1.0 clients may send none */
  name = host_name (value);
  addr = g_inet_address_new_from_string (name);
  ok = (addr != NULL && g_inet_address_get_is_loopback (addr))
       || g_ascii_strcasecmp (name, "localhost") == 0
       || (serve->allow_hosts
           && g_strv_contains ((const char *const *) serve->allow_hosts, name));
  if (!ok)
    serve_reply_error (msg, SOUP_STATUS_MISDIRECTED_REQUEST, "host_not_allowed", NULL,
                       "Host '%s' is not this server's name; a server listening on "
                       "loopback answers only to localhost and loopback addresses "
                       "(start it with --allow-host %s if a proxy forwards that name)",
                       value, name);
  g_clear_object (&addr);
  g_free (name);
  return ok;
}
