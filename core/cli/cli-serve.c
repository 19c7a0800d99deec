/* cli-serve.c — `nlpipe serve`: the chain as a local HTTP service.
 *
 * Loads the chain once (the same flags as the run command), starts the
 * workers, listens (127.0.0.1:8080 unless told otherwise) and answers
 * requests until SIGINT or SIGTERM; then stops accepting, lets the
 * requests in progress finish (for at most --drain-seconds) and exits 0.
 * docs/serve.md is the API.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>
#include "cli-private.h"
#include "cli-chain.h"
#include "cli-serve.h"

typedef struct {
  CliChainArgs chain;
  char    *listen;
  char    *max_body;
  int      max_queue;
  int      max_connections;
  int      header_timeout;
  int      body_timeout;
  int      idle_timeout;
  int      drain_seconds;
  gint64   max_doc_bytes;
  char    *invalid_utf8;
  char   **allow_hosts;
  gboolean quiet;
  char   **rest;
} ServeArgs;

static void
serve_args_clear (ServeArgs *a)
{
  cli_chain_args_clear (&a->chain);
  g_free (a->listen);
  g_free (a->max_body);
  g_free (a->invalid_utf8);
  g_strfreev (a->allow_hosts);
  g_strfreev (a->rest);
}

/* "16M", "512k", "1048576" (binary multiples) -> bytes. */
static gboolean
parse_size (const char *flag, const char *text, gsize *out, GError **error)
{
  char *end = NULL;
  guint64 n = g_ascii_strtoull (text, &end, 10);
  guint64 unit = 1;

  if (end != text)
    switch (g_ascii_toupper (*end))
      {
      case 'K': unit = 1 << 10; end++; break;
      case 'M': unit = 1 << 20; end++; break;
      case 'G': unit = 1 << 30; end++; break;
      default: break;
      }
  if (end != text && g_ascii_toupper (*end) == 'B')
    end++;
  if (end == text || *end != '\0' || n == 0 || n > G_MAXSIZE / unit)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "%s '%s': expected a size in bytes, e.g. 16M, 512k or 1048576", flag, text);
      return FALSE;
    }
  *out = (gsize) (n * unit);
  return TRUE;
}

static gboolean
check_range (const char *flag, int value, int min, int max, GError **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE, "%s %d: expected a number from %d to %d",
               flag, value, min, max);
  return FALSE;
}

static Serve *the_serve;        /* for the signal and drain callbacks */
static gboolean cut_short;      /* the drain ended with requests unfinished */

static gboolean
drain_over (gpointer data)
{
  Serve *serve = data;

  if (serve->unfinished > 0)
    {
      g_printerr ("nlpipe serve: --drain-seconds %u over with %u request%s unfinished; "
                  "stopping\n", serve->drain_seconds, serve->unfinished,
                  serve->unfinished == 1 ? "" : "s");
      cut_short = TRUE;
    }
  g_main_loop_quit (serve->loop);
  return G_SOURCE_REMOVE;
}

void
serve_request_done (Serve *serve)
{
  if (serve->draining && serve->unfinished == 0)
    g_main_loop_quit (serve->loop);
}

static gboolean
on_signal (gpointer data)
{
  Serve *serve = the_serve;

  if (serve->draining)
    {
      /* a second signal: stop now */
      cut_short = serve->unfinished > 0;
      g_main_loop_quit (serve->loop);
      return G_SOURCE_CONTINUE;
    }
  g_printerr ("nlpipe serve: %s: finishing %u request%s in progress, accepting no more\n",
              (const char *) data, serve->unfinished, serve->unfinished == 1 ? "" : "s");
  serve->draining = TRUE;
  serve_stop_accepting (serve);
  if (serve->unfinished == 0)
    g_main_loop_quit (serve->loop);
  else
    g_timeout_add (serve->drain_seconds * 1000, drain_over, serve);
  return G_SOURCE_CONTINUE;
}

static gboolean
make_writers (Serve *serve, GError **error)
{
  char **provided = nlp_pipeline_list_provides (serve->pipeline);
  gboolean ok = TRUE;

  for (int f = 0; f < SERVE_N_FORMATS && ok; f++)
    {
      serve->writers[f] = nlp_writer_new (serve_format_names[f], NULL, error);
      ok = serve->writers[f] != NULL
           && nlp_writer_check (serve->writers[f], (const char *const *) provided, error);
    }
  g_strfreev (provided);
  return ok;
}

/* Checks the flags and fills @serve's limits. */
static gboolean
configure (const ServeArgs *a, Serve *serve, GError **error)
{
  static const char *const utf8_names[] = { "reject", "replace", NULL };

  if (a->rest != NULL && a->rest[0] != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                   "nlpipe serve reads no files ('%s'); clients send documents to "
                   "POST /v1/annotate", a->rest[0]);
      return FALSE;
    }
  if (!parse_size ("--max-body", a->max_body ? a->max_body : "16M", &serve->max_body, error)
      || !check_range ("--max-queue", a->max_queue, 1, 100000, error)
      || !check_range ("--max-connections", a->max_connections, 1, 100000, error)
      || !check_range ("--header-timeout", a->header_timeout, 1, 3600, error)
      || !check_range ("--body-timeout", a->body_timeout, 1, 3600, error)
      || !check_range ("--idle-timeout", a->idle_timeout, 1, 3600, error)
      || !check_range ("--drain-seconds", a->drain_seconds, 0, 3600, error))
    return FALSE;
  if (a->max_doc_bytes < 0)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE, "--max-doc-bytes must not be negative");
      return FALSE;
    }
  serve->reader_options.max_doc_bytes = (gsize) a->max_doc_bytes;
  if (a->invalid_utf8 != NULL)
    {
      if (strcmp (a->invalid_utf8, utf8_names[0]) != 0
          && strcmp (a->invalid_utf8, utf8_names[1]) != 0)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                       "--invalid-utf8 '%s': expected one of: reject, replace", a->invalid_utf8);
          return FALSE;
        }
      serve->reader_options.encoding = strcmp (a->invalid_utf8, "replace") == 0
                                       ? NLP_ENCODING_REPLACE : NLP_ENCODING_REJECT;
    }
  serve->max_queue = (guint) a->max_queue;
  serve->max_connections = (guint) a->max_connections;
  serve->header_timeout = (guint) a->header_timeout;
  serve->body_timeout = (guint) a->body_timeout;
  serve->idle_timeout = (guint) a->idle_timeout;
  serve->drain_seconds = (guint) a->drain_seconds;
  serve->allow_hosts = a->allow_hosts;
  return TRUE;
}

int
nlp__cli_serve (int argc, char **argv)
{
  ServeArgs a = { .max_queue = 64, .max_connections = 256, .header_timeout = 10,
                  .body_timeout = 60, .idle_timeout = 30, .drain_seconds = 10 };
  const GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &a.listen,
      "Address and port to listen on (default: 127.0.0.1:8080, this machine only; "
      "port 0: any free port, printed)", "ADDR:PORT" },
    { "max-body", 0, 0, G_OPTION_ARG_STRING, &a.max_body,
      "Largest request body (default: 16M); more is refused with 413", "BYTES" },
    { "max-queue", 0, 0, G_OPTION_ARG_INT, &a.max_queue,
      "Annotate requests served at once (default: 64); more get 503 with Retry-After", "N" },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &a.max_connections,
      "Open connections (default: 256); more are closed at once", "N" },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &a.header_timeout,
      "Seconds a client has to send a request's headers (default: 10)", "S" },
    { "body-timeout", 0, 0, G_OPTION_ARG_INT, &a.body_timeout,
      "Seconds a client has to send a request's body (default: 60)", "S" },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &a.idle_timeout,
      "Seconds a connection may stay silent, or not read its answer (default: 30)", "S" },
    { "drain-seconds", 0, 0, G_OPTION_ARG_INT, &a.drain_seconds,
      "On SIGINT/SIGTERM, how long requests in progress may take to finish (default: 10)", "S" },
    { "max-doc-bytes", 0, 0, G_OPTION_ARG_INT64, &a.max_doc_bytes,
      "Refuse documents larger than N bytes (default: only --max-body)", "N" },
    { "invalid-utf8", 0, 0, G_OPTION_ARG_STRING, &a.invalid_utf8,
      "reject (default: 400) or replace (U+FFFD)", "POLICY" },
    { "allow-host", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.allow_hosts,
      "A Host name to answer besides localhost and loopback addresses, e.g. the name "
      "a proxy forwards (repeatable)", "NAME" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet,
      "No start and stop lines on stderr", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.rest, NULL, NULL },
    { NULL }
  };
  GOptionContext *ctx = g_option_context_new (NULL);
  char **args;
  Serve serve = { 0 };
  NlpRegistry *registry = NULL;
  GSocketAddress *address = NULL;
  GError *error = NULL;
  int status = NLP_EXIT_OK;

  g_option_context_set_summary (ctx,
    "Serves the chain over HTTP: POST /v1/annotate (text, JSON or JSON Lines), "
    "GET /v1/stages, GET /v1/health, and a web page at /.");
  g_option_context_set_description (ctx,
    "Stops on SIGINT or SIGTERM after the requests in progress (exit status 0).\n"
    "Exit status: 2 usage, option or chain error; 3 a stage could not be loaded;\n"
    "1 the address cannot be listened on.  Documentation: docs/serve.md.");
  cli_chain_add_entries (ctx, &a.chain);
  g_option_context_add_main_entries (ctx, entries, NULL);
  args = cli_split_short_values (argc, argv, "pcjl");
  if (!g_option_context_parse_strv (ctx, &args, &error))
    {
      g_printerr ("nlpipe serve: %s; see nlpipe serve --help\n", error->message);
      g_error_free (error);
      g_option_context_free (ctx);
      g_strfreev (args);
      serve_args_clear (&a);
      return NLP_EXIT_USAGE;
    }
  g_option_context_free (ctx);
  g_strfreev (args);

  if (!configure (&a, &serve, &error)
      || (address = serve_parse_listen (a.listen ? a.listen : "127.0.0.1:8080", &error)) == NULL
      || (serve.pipeline = cli_chain_load (&a.chain, &registry, &error)) == NULL
      || !make_writers (&serve, &error)
      || (serve.processor = nlp_processor_new (serve.pipeline, (guint) a.chain.jobs,
                                               &error)) == NULL)
    goto fail;
  serve.soup = soup_server_new ("server-header", "nlpipe/" NLP_VERSION " ", NULL);
  serve_api_install (&serve);
  if (!serve_listen (&serve, address, &error))
    goto fail;
  serve.loop = g_main_loop_new (NULL, FALSE);
  the_serve = &serve;
  g_unix_signal_add_full (G_PRIORITY_HIGH, SIGINT, on_signal, (gpointer) "SIGINT", NULL);
  g_unix_signal_add_full (G_PRIORITY_HIGH, SIGTERM, on_signal, (gpointer) "SIGTERM", NULL);
  /* the one line a program starting the server reads */
  g_print ("listening on %s\n", serve.url);
  fflush (stdout);
  if (!a.quiet)
    g_printerr ("nlpipe serve: %u stage%s, %u worker%s; page at %s, API at %sv1/\n",
                nlp_pipeline_get_n_stages (serve.pipeline),
                nlp_pipeline_get_n_stages (serve.pipeline) == 1 ? "" : "s",
                nlp_processor_get_jobs (serve.processor),
                nlp_processor_get_jobs (serve.processor) == 1 ? "" : "s", serve.url, serve.url);
  g_main_loop_run (serve.loop);
  if (!a.quiet)
    g_printerr ("nlpipe serve: stopped after %" G_GUINT64_FORMAT " request%s\n", serve.served,
                serve.served == 1 ? "" : "s");
  goto done;

fail:
  /* chain and option errors as the run command's; a busy address: 1 */
  status = nlp__cli_fail (error);
done:
  /* after an unfinished drain the workers may still hold documents:
   * the process ends now, without waiting for them (or running exit
   * handlers under their feet) */
  if (cut_short)
    {
      fflush (stdout);
      fflush (stderr);
      _exit (status);
    }
  g_clear_pointer (&serve.processor, nlp_processor_unref);
  for (int f = 0; f < SERVE_N_FORMATS; f++)
    nlp_writer_free (serve.writers[f]);
  g_clear_object (&serve.soup);
  nlp_pipeline_free (serve.pipeline);
  nlp_registry_free (registry);
  g_clear_pointer (&serve.loop, g_main_loop_unref);
  g_clear_object (&address);
  g_free (serve.url);
  serve.allow_hosts = NULL;
  serve_args_clear (&a);
  return status;
}
