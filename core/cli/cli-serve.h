/* cli-serve.h — `nlpipe serve`: the state its files share.
 *
 *   cli-serve.c       options, start-up, the main loop, graceful shutdown
 *   serve-listen.c    the listening socket, connection limits and deadlines
 *   serve-reply.c     JSON errors and the headers every answer carries
 *   serve-api.c       the routes, checked before a body is read (early)
 *                     and answered after; /v1/health and /v1/stages
 *   serve-annotate.c  POST /v1/annotate: one document or a JSON Lines batch
 *   serve-page.c      GET /: the web page and its assets
 *
 * Everything runs on the main loop's thread but the stages and the
 * writers, which run on the NlpProcessor's workers; results come back
 * to the main loop through one queue (serve-annotate.c).
 */
#ifndef CLI_SERVE_H
#define CLI_SERVE_H

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include "nlpipe.h"

/* The formats a request may ask for (?format=), in this order. */
typedef enum {
  SERVE_FORMAT_JSON,
  SERVE_FORMAT_TEXT,
  SERVE_FORMAT_TSV,
  SERVE_FORMAT_HTML,
  SERVE_FORMAT_SENTENCES,
  SERVE_FORMAT_CONLLU,
  SERVE_N_FORMATS
} ServeFormat;

typedef struct {
  /* limits and policies, from the command line */
  gsize          max_body;          /* bytes of a request body */
  guint          max_queue;         /* annotate requests being served at once */
  guint          max_connections;
  guint          header_timeout;    /* seconds to send a request's headers */
  guint          body_timeout;      /* seconds to send its body */
  guint          idle_timeout;      /* seconds a connection may stay silent */
  guint          drain_seconds;     /* shutdown: how long requests may finish */
  char         **allow_hosts;       /* Host names accepted besides loopback ones */
  gboolean       check_host;        /* listening on loopback: check Host */
  NlpReaderOptions reader_options;

  /* what serves */
  NlpPipeline   *pipeline;
  NlpProcessor  *processor;
  NlpWriter     *writers[SERVE_N_FORMATS];
  SoupServer    *soup;
  GMainLoop     *loop;
  char          *url;               /* http://ADDR:PORT/ */

  /* what is going on */
  guint          active;            /* annotate requests admitted, not answered */
  guint          unfinished;        /* ... whose answer is not all written */
  guint          connections;
  gboolean       draining;          /* SIGINT/SIGTERM: no new request */
  guint64        served;            /* requests answered */
} Serve;

/* serve-listen.c */
/* Parses "ADDR:PORT" ("127.0.0.1:8080", "[::1]:0", "localhost:8080");
 * (transfer full) the address, or NULL with NLP_ERROR_USAGE. */
GSocketAddress *serve_parse_listen (const char *text, GError **error);
/* Listens on @address and hands connections to serve->soup; sets
 * serve->url (with the port the system chose for port 0). */
gboolean        serve_listen (Serve *serve, GSocketAddress *address, GError **error);
/* Stops accepting and closes every connection that has no request in
 * progress; the others close after their answer. */
void            serve_stop_accepting (Serve *serve);

/* serve-reply.c */
/* Answers @msg with the JSON error {"error": {"code", "message"}}
 * (plus "stage" when not NULL) and @status. */
void            serve_reply_error (SoupServerMessage *msg, guint status, const char *code,
                                   const char *stage, const char *format, ...)
                                   G_GNUC_PRINTF (5, 6);
/* (transfer full) the bytes of that error object and its newline. */
char           *serve_error_json (const char *code, const char *stage, const char *message);
/* Answers @msg with @status and the compact JSON of @node (transfer full). */
void            serve_reply_json (SoupServerMessage *msg, guint status, JsonNode *node);
/* Headers every answer carries (nosniff, no caching, Connection: close
 * while draining). */
void            serve_common_headers (Serve *serve, SoupServerMessage *msg);
/* FALSE (after answering 405 with Allow: @allowed) when @msg's method is
 * not one of @allowed ("GET", "GET, HEAD", "POST"). */
gboolean        serve_check_method (SoupServerMessage *msg, const char *allowed);
/* FALSE (after answering 421) when the Host header names neither a
 * loopback address nor an --allow-host name (DNS rebinding). */
gboolean        serve_check_host (Serve *serve, SoupServerMessage *msg);

/* The request being answered (serve-api.c dispatches to them). */
typedef struct {
  Serve             *serve;
  SoupServerMessage *msg;
  const char        *path;
  GHashTable        *query;     /* may be NULL */
} ServeRequest;

/* serve-api.c */
/* Routes every request: checks it when its headers are in (before its
 * body is read) and answers it when its body is in. */
void            serve_api_install (Serve *serve);

/* cli-serve.c */
/* An annotate request is done with (serve->unfinished was decremented):
 * while shutting down, quits the main loop when none is left. */
void            serve_request_done (Serve *serve);

/* serve-annotate.c: POST /v1/annotate */
/* Admits the request or answers it (400, 413, 415, 503) before its body
 * is read. */
void            serve_annotate_early (ServeRequest *r);
void            serve_annotate (ServeRequest *r);
/* The format named @name ("json" ...), or -1. */
int             serve_format_from_name (const char *name);
/* NULL-terminated, in ServeFormat order. */
extern const char *const serve_format_names[SERVE_N_FORMATS + 1];

/* serve-page.c: GET / and the page's assets; FALSE when @r->path is not
 * one of them. */
gboolean        serve_page (ServeRequest *r);
gboolean        serve_page_has (const char *path);

#endif
