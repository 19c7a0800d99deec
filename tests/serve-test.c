/* serve-test.c — see serve-test.h. */
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>
#include <sys/wait.h>
#include "serve-test.h"
#include "scratch-dir.h"

void
st_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

StServer *
st_startv (const char *const *args)
{
  StServer *s = g_new0 (StServer, 1);
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  GDataInputStream *out;
  GError *error = NULL;
  char *line;

  s->dir = nlp_test_tmpdir_new ();
  s->err_path = g_build_filename (s->dir, "serve.err", NULL);
  g_ptr_array_add (argv, g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL));
  g_ptr_array_add (argv, g_strdup ("serve"));
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup ("127.0.0.1:0"));
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_stderr_file_path (launcher, s->err_path);
  /* a failed assertion ends the test's process: the server goes with it */
  g_subprocess_launcher_set_child_setup (launcher, st_die_with_parent, NULL, NULL);
  s->proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  cr_assert_not_null (s->proc, "cannot start nlpipe serve: %s", error ? error->message : "?");
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (s->proc));
  line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  if (line == NULL || !g_str_has_prefix (line, "listening on http://127.0.0.1:"))
    {
      char *err = st_stderr (s);
      cr_assert_fail ("nlpipe serve did not start (%s); stderr: %s", line ? line : "no line", err);
    }
  s->url = g_strdup (line + strlen ("listening on "));
  s->port = (guint16) g_ascii_strtoull (s->url + strlen ("http://127.0.0.1:"), NULL, 10);
  cr_assert_gt (s->port, 0, "port 0 is replaced by the port chosen: %s", s->url);
  g_free (line);
  g_object_unref (out);
  g_object_unref (launcher);
  g_ptr_array_unref (argv);
  return s;
}

StServer *
st_start (const char *first_arg, ...)
{
  GPtrArray *args = g_ptr_array_new ();
  StServer *s;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  s = st_startv ((const char *const *) args->pdata);
  g_ptr_array_unref (args);
  return s;
}

char *
st_stderr (StServer *s)
{
  char *text = NULL;

  if (!g_file_get_contents (s->err_path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

static void
waited (GObject *proc, GAsyncResult *res, gpointer data)
{
  *(gboolean *) data = TRUE;
}

int
st_stop (StServer *s, int signum, guint seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gboolean done = FALSE;

  if (signum != 0)
    g_subprocess_send_signal (s->proc, signum);
  /* waiting with a bound: a server that never stops fails the test */
  g_subprocess_wait_async (s->proc, NULL, waited, &done);
  while (!done && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  if (!done)
    {
      char *err = st_stderr (s);
      g_subprocess_force_exit (s->proc);
      cr_assert_fail ("nlpipe serve did not stop within %u s of signal %d; stderr: %s",
                      seconds, signum, err);
    }
  if (g_subprocess_get_if_exited (s->proc))
    return g_subprocess_get_exit_status (s->proc);
  return 128 + g_subprocess_get_term_sig (s->proc);
}

void
st_free (StServer *s)
{
  if (s == NULL)
    return;
  if (g_subprocess_get_identifier (s->proc) != NULL)
    {
      g_subprocess_force_exit (s->proc);
      g_subprocess_wait (s->proc, NULL, NULL);
    }
  g_object_unref (s->proc);
  nlp_test_tmpdir_remove (s->dir);
  g_free (s->err_path);
  g_free (s->url);
  g_free (s);
}

StReply *
st_send (SoupSession *session, StServer *s, const char *method, const char *path,
         const char *type, const char *body, gssize len)
{
  char *url = g_strconcat (s->url, path[0] == '/' ? path + 1 : path, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupSession *own = session ? NULL : soup_session_new ();
  StReply *r = g_new0 (StReply, 1);
  GError *error = NULL;
  GBytes *bytes;

  cr_assert_not_null (msg, "bad URL %s", url);
  if (type != NULL)
    {
      GBytes *b = g_bytes_new (body, len < 0 ? strlen (body) : (gsize) len);
      soup_message_set_request_body_from_bytes (msg, type, b);
      g_bytes_unref (b);
    }
  bytes = soup_session_send_and_read (session ? session : own, msg, NULL, &error);
  cr_assert_not_null (bytes, "%s %s: %s", method, url, error ? error->message : "?");
  r->status = soup_message_get_status (msg);
  r->len = g_bytes_get_size (bytes);
  r->body = g_strndup (g_bytes_get_data (bytes, NULL), r->len);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  g_bytes_unref (bytes);
  g_object_unref (msg);
  g_clear_object (&own);
  g_free (url);
  return r;
}

StReply *
st_get (StServer *s, const char *path)
{
  return st_send (NULL, s, "GET", path, NULL, NULL, 0);
}

StReply *
st_post (StServer *s, const char *path, const char *type, const char *body, gssize len)
{
  return st_send (NULL, s, "POST", path, type, body, len);
}

void
st_reply_free (StReply *r)
{
  if (r == NULL)
    return;
  g_free (r->body);
  soup_message_headers_unref (r->headers);
  g_free (r);
}

const char *
st_assert_error (StReply *r, guint status, const char *code)
{
  JsonNode *node;
  JsonObject *error;
  static char *message;         /* kept for the caller until the next call */

  cr_assert_eq (r->status, status, "status %u, expected %u: %s", r->status, status, r->body);
  cr_assert_str_eq (soup_message_headers_get_content_type (r->headers, NULL),
                    "application/json");
  cr_assert (g_str_has_suffix (r->body, "}\n"), "one JSON line: %s", r->body);
  node = nlp_test_parse_json (r->body);
  error = json_object_get_object_member (json_node_get_object (node), "error");
  cr_assert_not_null (error, "%s", r->body);
  cr_assert_str_eq (json_object_get_string_member (error, "code"), code, "%s", r->body);
  g_free (message);
  message = g_strdup (json_object_get_string_member (error, "message"));
  cr_assert (message != NULL && *message, "%s", r->body);
  cr_assert_null (strchr (message, '\n'), "one line");
  json_node_unref (node);
  return message;
}

char *
st_command (const char *dir, const char *const *argv)
{
  return st_command_status (dir, argv, 0);
}

char *
st_command_status (const char *dir, const char *const *argv, int expect)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  char *out = NULL, *err = NULL;
  int status = 0;
  GError *error = NULL;

  g_ptr_array_add (args, g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL));
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);
  cr_assert (g_spawn_sync (dir, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, &err, &status, &error),
             "cannot run nlpipe: %s", error ? error->message : "?");
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == expect,
             "nlpipe exited with %d, not %d: %s", WEXITSTATUS (status), expect, err);
  g_free (err);
  g_ptr_array_unref (args);
  return out;
}

char *
st_put (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  cr_assert (g_file_set_contents (path, contents, -1, NULL), "cannot write %s", path);
  return path;
}

GSocketConnection *
st_connect (StServer *s)
{
  GSocketClient *client = g_socket_client_new ();
  GError *error = NULL;
  GSocketConnection *conn = g_socket_client_connect_to_host (client, "127.0.0.1", s->port,
                                                             NULL, &error);

  cr_assert_not_null (conn, "connect to port %u: %s", s->port, error ? error->message : "?");
  g_object_unref (client);
  return conn;
}

char *
st_read_all (GSocketConnection *conn, gsize limit, guint seconds, gboolean *closed)
{
  GSocket *socket = g_socket_connection_get_socket (conn);
  GString *got = g_string_new (NULL);
  char buf[65536];

  g_socket_set_timeout (socket, seconds);
  *closed = FALSE;
  while (got->len < limit)
    {
      GError *error = NULL;
      gssize n = g_socket_receive (socket, buf, MIN (sizeof buf, limit - got->len), NULL, &error);
      if (n == 0 || (n < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)))
        *closed = TRUE;        /* an orderly close, or a reset */
      g_clear_error (&error);
      if (n <= 0)
        break;
      g_string_append_len (got, buf, n);
    }
  return g_string_free (got, FALSE);
}
