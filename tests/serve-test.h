/* serve-test.h — a running `nlpipe serve` for the tests and clients to
 * talk to it: libsoup for HTTP, GLib sockets where a test must misbehave
 * (trickle headers, hang up mid-answer). */
#ifndef SERVE_TEST_H
#define SERVE_TEST_H

#include <libsoup/soup.h>
#include "nlp-test.h"

typedef struct {
  GSubprocess *proc;
  char        *url;             /* http://127.0.0.1:PORT/ */
  guint16      port;
  char        *dir;             /* scratch directory (stderr is in it) */
  char        *err_path;
} StServer;

/* Starts the built nlpipe serve on 127.0.0.1 port 0 with the
 * NULL-terminated extra arguments, and waits for its "listening on"
 * line.  (transfer full) */
StServer *st_start (const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
StServer *st_startv (const char *const *args);
/* A GSpawnChildSetupFunc: the child is killed when the test's process
 * ends, as it does on a failed assertion (no server or browser is left
 * running). */
void      st_die_with_parent (gpointer data);
/* Sends @signum (0: none) and waits for the process: its exit status
 * (or 128 + the signal that killed it).  Asserts it ends within
 * @seconds. */
int       st_stop (StServer *s, int signum, guint seconds);
/* (transfer full) what the server wrote on stderr so far. */
char     *st_stderr (StServer *s);
/* Stops it (SIGKILL) if it runs, removes its directory. */
void      st_free (StServer *s);

typedef struct {
  guint               status;
  char               *body;     /* NUL-terminated */
  gsize               len;
  SoupMessageHeaders *headers;  /* the response's */
} StReply;

/* One request on @session (NULL: a new one); @type NULL sends no body. */
StReply  *st_send (SoupSession *session, StServer *s, const char *method, const char *path,
                   const char *type, const char *body, gssize len);
StReply  *st_get  (StServer *s, const char *path);
StReply  *st_post (StServer *s, const char *path, const char *type, const char *body,
                   gssize len);
void      st_reply_free (StReply *r);
/* Asserts @r is a JSON error with @status and @code; (transfer none)
 * its message. */
const char *st_assert_error (StReply *r, guint status, const char *code);

/* Runs the built nlpipe (not serve) with @argv in directory @dir and
 * asserts it exits 0.  (transfer full) its stdout. */
char     *st_command (const char *dir, const char *const *argv);
/* The same for a run that exits with @status (1: a document failed). */
char     *st_command_status (const char *dir, const char *const *argv, int status);
/* Writes @contents to @dir/@name.  (transfer full) the path. */
char     *st_put (const char *dir, const char *name, const char *contents);

/* A raw connection to the server; asserts it connects. */
GSocketConnection *st_connect (StServer *s);
/* Reads from @conn until the peer closes it or @limit bytes; (transfer
 * full) what was read (NUL-terminated) and in *@closed whether the
 * peer closed it (not a read timeout of @seconds). */
char     *st_read_all (GSocketConnection *conn, gsize limit, guint seconds, gboolean *closed);

#endif
