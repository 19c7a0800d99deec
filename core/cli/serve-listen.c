/* serve-listen.c — the listening socket and every connection's limits.
 *
 * libsoup accepts the connections on a socket nlpipe serve made (so that
 * it can stop accepting without dropping requests in progress), and
 * tells of each new one with the request-started signal of its first
 * message.  nlpipe serve then bounds what a client controls:
 *
 *   - how many connections: --max-connections (one more is shut down);
 *   - a silent connection: every wait for the client (to read from it or
 *     to write to it) ends after --idle-timeout seconds (a GSocket
 *     timeout), which also ends idle keep-alive connections;
 *   - a slow request: its headers must arrive within --header-timeout
 *     seconds of its start, its body within --body-timeout of its
 *     headers, however slowly they trickle (a deadline per connection).
 *
 * A connection past a limit is shut down; libsoup then lets it go.
 */
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "cli-serve.h"

typedef struct {
  Serve             *serve;
  GSocket           *socket;    /* weak: libsoup owns it */
  guint              deadline;  /* source id, or 0 */
  gboolean           busy;      /* a request's headers are in, its answer is not out */
} ServeConn;

/* GSocket * -> ServeConn *, main thread only */
static GHashTable *live_conns;
static GSocket    *listen_socket;

GSocketAddress *
serve_parse_listen (const char *text, GError **error)
{
  const char *colon = strrchr (text, ':');
  char *host = NULL, *end = NULL;
  GInetAddress *addr = NULL;
  guint64 port;
  GSocketAddress *result = NULL;

  if (colon == NULL || colon == text || colon[1] == '\0')
    goto bad;
  port = g_ascii_strtoull (colon + 1, &end, 10);
  if (*end != '\0' || port > 65535)
    goto bad;
  if (text[0] == '[' && colon[-1] == ']')
    host = g_strndup (text + 1, colon - text - 2);
  else
    host = g_strndup (text, colon - text);
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    addr = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else if ((addr = g_inet_address_new_from_string (host)) == NULL
           || (strchr (host, ':') != NULL) != (text[0] == '['))
    goto bad;
  result = g_inet_socket_address_new (addr, (guint16) port);
  g_object_unref (addr);
  g_free (host);
  return result;
bad:
  g_clear_object (&addr);
  g_free (host);
  g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
               "--listen '%s': expected ADDRESS:PORT with a numeric address, e.g. "
               "127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080 (port 0: any free port)", text);
  return NULL;
}

static void
disarm (ServeConn *c)
{
  if (c->deadline != 0)
    {
      g_source_remove (c->deadline);
      c->deadline = 0;
    }
}

/* Ends the connection: libsoup sees it close and lets it go. */
static void
hang_up (ServeConn *c)
{
  disarm (c);
  g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
}

static gboolean
deadline_passed (gpointer data)
{
  ServeConn *c = data;

  c->deadline = 0;
  hang_up (c);
  return G_SOURCE_REMOVE;
}

static void
arm (ServeConn *c, guint seconds)
{
  disarm (c);
  if (seconds > 0)
    c->deadline = g_timeout_add_seconds (seconds, deadline_passed, c);
}

/* libsoup has let the connection go. */
static void
conn_gone (gpointer data, GObject *where_the_object_was)
{
  ServeConn *c = data;

  disarm (c);
  c->serve->connections--;
  g_hash_table_remove (live_conns, where_the_object_was);
  g_free (c);
}

static ServeConn *
conn_of (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  return socket ? g_hash_table_lookup (live_conns, socket) : NULL;
}

/* The first message of a connection: libsoup has just accepted it. */
static ServeConn *
conn_new (Serve *serve, GSocket *socket)
{
  ServeConn *c = g_new0 (ServeConn, 1);

  c->serve = serve;
  c->socket = socket;
  g_object_weak_ref (G_OBJECT (socket), conn_gone, c);
  g_hash_table_insert (live_conns, socket, c);
  serve->connections++;
  g_socket_set_timeout (socket, serve->idle_timeout);
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  return c;
}

static void
got_headers (SoupServerMessage *msg, gpointer data)
{
  ServeConn *c = conn_of (msg);

  if (c == NULL)
    return;
  c->busy = TRUE;
  arm (c, c->serve->body_timeout);
}

static void
got_body (SoupServerMessage *msg, gpointer data)
{
  ServeConn *c = conn_of (msg);

  if (c != NULL)
    disarm (c);
}

static void
request_started (SoupServer *soup, SoupServerMessage *msg, gpointer data)
{
  Serve *serve = data;
  GSocket *socket = soup_server_message_get_socket (msg);
  ServeConn *c;

  if (socket == NULL)
    return;
  if ((c = g_hash_table_lookup (live_conns, socket)) == NULL)
    {
      c = conn_new (serve, socket);
      if (serve->draining || serve->connections > serve->max_connections)
        {
          /* over the limit: closed at once, the client may retry */
          hang_up (c);
          return;
        }
    }
  arm (c, c->serve->header_timeout);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers), NULL);
  g_signal_connect (msg, "got-body", G_CALLBACK (got_body), NULL);
}

static void
request_done (SoupServer *soup, SoupServerMessage *msg, gpointer data)
{
  ServeConn *c = conn_of (msg);

  if (c == NULL)
    return;
  disarm (c);
  c->busy = FALSE;
  c->serve->served++;
  if (c->serve->draining)
    hang_up (c);
}

gboolean
serve_listen (Serve *serve, GSocketAddress *address, GError **error)
{
  GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  GSocketAddress *effective = NULL;
  GError *local = NULL;
  char *host;

  live_conns = g_hash_table_new (NULL, NULL);
  listen_socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                G_SOCKET_PROTOCOL_TCP, &local);
  if (listen_socket != NULL)
    g_socket_set_listen_backlog (listen_socket, 128);
  if (listen_socket == NULL || !g_socket_bind (listen_socket, address, TRUE, &local)
      || !g_socket_listen (listen_socket, &local)
      || (effective = g_socket_get_local_address (listen_socket, &local)) == NULL
      || !soup_server_listen_socket (serve->soup, listen_socket, 0, &local))
    {
      char *where = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO,
                   "cannot listen on %s: %s; choose another --listen address or port",
                   where, local->message);
      g_free (where);
      g_error_free (local);
      g_clear_object (&effective);
      return FALSE;
    }
  g_signal_connect (serve->soup, "request-started", G_CALLBACK (request_started), serve);
  g_signal_connect (serve->soup, "request-finished", G_CALLBACK (request_done), serve);
  g_signal_connect (serve->soup, "request-aborted", G_CALLBACK (request_done), serve);
  host = g_inet_address_to_string (inet);
  serve->url = g_strdup_printf (strchr (host, ':') ? "http://[%s]:%u/" : "http://%s:%u/", host,
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  /* loopback only: a page elsewhere must not reach it through its own
   * name (DNS rebinding) */
  serve->check_host = g_inet_address_get_is_loopback (inet);
  g_free (host);
  g_object_unref (effective);
  return TRUE;
}

void
serve_stop_accepting (Serve *serve)
{
  GHashTableIter iter;
  gpointer value;

  /* libsoup's accept fails and it stops watching; new connections are
   * refused (the socket itself is closed at exit) */
  g_socket_shutdown (listen_socket, TRUE, TRUE, NULL);
  g_hash_table_iter_init (&iter, live_conns);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((ServeConn *) value)->busy)
      hang_up (value);
}
