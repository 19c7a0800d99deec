/* serve-load.c — load for nlpipe serve: N clients, each on one
 * keep-alive connection, POST the lines of a JSON Lines file to
 * /v1/annotate (application/json, one document per request) as fast as
 * the server answers, and the latency of every request is kept.
 *
 * usage: serve-load URL FILE [--clients N] [--requests M] [--only K]
 *   URL   http://127.0.0.1:PORT (loopback only: it refuses other hosts)
 *   FILE  JSON Lines, one {"id": ..., "text": ...} per line
 *   --clients N   concurrent connections (default 8)
 *   --requests M  requests in all (default: one per line of FILE)
 *   --only K      send line K (from 0) every time (one article's latency)
 * prints one line:
 *   requests=M docs_per_s=D p50_ms=A p99_ms=B max_ms=C errors=E wall_s=W cpu_s=T
 * (cpu_s: this client's own CPU time, user + system)
 * A small client on purpose (plain sockets, no HTTP library): on a
 * machine of two cores it shares them with the server.  Built and run by
 * bench/bench-serve.sh.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <glib.h>

typedef struct {
  struct sockaddr_in addr;
  GPtrArray *lines;            /* request bodies */
  guint      requests;
  gint       only;             /* -1: every line in turn */
  gint       next;             /* atomic: requests handed out */
  gint       errors;           /* atomic */
  double    *latency_ms;       /* one per request */
} Load;

static gboolean
send_all (int fd, const char *p, gsize n)
{
  while (n > 0)
    {
      ssize_t w = send (fd, p, n, MSG_NOSIGNAL);
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        return FALSE;
      p += w;
      n -= (gsize) w;
    }
  return TRUE;
}

/* Reads one answer (headers, then Content-Length bytes); its status,
 * or 0 when the connection failed. */
static guint
read_answer (int fd, GString *buf)
{
  char chunk[65536];
  char *end;
  gsize head, length;
  guint status;
  const char *cl;

  g_string_truncate (buf, 0);
  while ((end = strstr (buf->str, "\r\n\r\n")) == NULL)
    {
      ssize_t r = recv (fd, chunk, sizeof chunk, 0);
      if (r <= 0)
        return 0;
      g_string_append_len (buf, chunk, r);
    }
  head = (gsize) (end - buf->str) + 4;
  if (sscanf (buf->str, "HTTP/1.1 %u", &status) != 1)
    return 0;
  cl = g_strstr_len (buf->str, (gssize) head, "\r\nContent-Length: ");
  if (cl == NULL)
    return 0;                  /* single answers always have a length */
  length = (gsize) g_ascii_strtoull (cl + strlen ("\r\nContent-Length: "), NULL, 10);
  while (buf->len < head + length)
    {
      ssize_t r = recv (fd, chunk, sizeof chunk, 0);
      if (r <= 0)
        return 0;
      g_string_append_len (buf, chunk, r);
    }
  return status;
}

static int
dial (const Load *load)
{
  int fd = socket (AF_INET, SOCK_STREAM, 0), one = 1;

  if (fd < 0 || connect (fd, (const struct sockaddr *) &load->addr, sizeof load->addr) != 0)
    {
      g_printerr ("serve-load: cannot connect: %s\n", g_strerror (errno));
      exit (1);
    }
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

static gpointer
client (gpointer data)
{
  Load *load = data;
  int fd = dial (load);
  GString *buf = g_string_sized_new (1 << 16);
  guint i;

  while ((i = (guint) g_atomic_int_add (&load->next, 1)) < load->requests)
    {
      const char *body = g_ptr_array_index (load->lines,
                                            load->only >= 0 ? (guint) load->only
                                                            : i % load->lines->len);
      char head[256];
      int n = g_snprintf (head, sizeof head, "POST /v1/annotate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                          strlen (body));
      gint64 t0 = g_get_monotonic_time ();
      guint status = 0;

      if (send_all (fd, head, (gsize) n) && send_all (fd, body, strlen (body)))
        status = read_answer (fd, buf);
      load->latency_ms[i] = (double) (g_get_monotonic_time () - t0) / 1000.0;
      if (status != 200)
        {
          g_atomic_int_inc (&load->errors);
          if (status == 0)
            {
              close (fd);
              fd = dial (load);
            }
        }
    }
  close (fd);
  g_string_free (buf, TRUE);
  return NULL;
}

static int
by_value (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (const double *sorted, guint n, double p)
{
  guint k = (guint) (p * (n - 1) + 0.5);

  return sorted[MIN (k, n - 1)];
}

int
main (int argc, char **argv)
{
  Load load = { .only = -1 };
  guint clients = 8;
  char *contents = NULL, **lines;
  guint port = 0;
  GThread **threads;
  gint64 t0;
  double wall;

  if (argc < 3 || sscanf (argv[1], "http://127.0.0.1:%u", &port) != 1 || port == 0
      || port > 65535)
    {
      g_printerr ("usage: serve-load http://127.0.0.1:PORT FILE.jsonl [--clients N] "
                  "[--requests M] [--only K]  (loopback only)\n");
      return 2;
    }
  for (int i = 3; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--clients") == 0)
        clients = (guint) atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--requests") == 0)
        load.requests = (guint) atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--only") == 0)
        load.only = atoi (argv[i + 1]);
    }
  if (!g_file_get_contents (argv[2], &contents, NULL, NULL))
    {
      g_printerr ("serve-load: cannot read %s\n", argv[2]);
      return 1;
    }
  load.lines = g_ptr_array_new ();
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      g_ptr_array_add (load.lines, lines[i]);
  if (load.lines->len == 0 || clients == 0 || (load.only >= 0 && (guint) load.only >= load.lines->len))
    {
      g_printerr ("serve-load: nothing to send\n");
      return 1;
    }
  if (load.requests == 0)
    load.requests = load.lines->len;
  load.latency_ms = g_new0 (double, load.requests);
  load.addr.sin_family = AF_INET;
  load.addr.sin_port = htons ((guint16) port);
  load.addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);

  threads = g_new (GThread *, clients);
  t0 = g_get_monotonic_time ();
  for (guint c = 0; c < clients; c++)
    threads[c] = g_thread_new ("client", client, &load);
  for (guint c = 0; c < clients; c++)
    g_thread_join (threads[c]);
  wall = (double) (g_get_monotonic_time () - t0) / 1e6;

  qsort (load.latency_ms, load.requests, sizeof (double), by_value);
  {
    struct rusage ru;
    getrusage (RUSAGE_SELF, &ru);
    printf ("requests=%u docs_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d "
            "wall_s=%.3f cpu_s=%.3f\n", load.requests, load.requests / wall,
            percentile (load.latency_ms, load.requests, 0.50),
            percentile (load.latency_ms, load.requests, 0.99),
            load.latency_ms[load.requests - 1], load.errors, wall,
            ru.ru_utime.tv_sec + ru.ru_stime.tv_sec
            + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
  }
  g_free (threads);
  g_free (load.latency_ms);
  g_ptr_array_unref (load.lines);
  g_strfreev (lines);
  g_free (contents);
  return load.errors > 0;
}
