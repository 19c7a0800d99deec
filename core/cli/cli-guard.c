/* cli-guard.c — see cli-guard.h.  The handlers use write(2), unlink(2),
 * raise(3) and _exit(2) only, over fixed buffers. */
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "nlpipe.h"
#include "cli-guard.h"

#define MAX_TEMPS 8
#define MAX_ID    200            /* a document id is cut to this in the report */

static char temps[MAX_TEMPS][PATH_MAX];
static volatile sig_atomic_t temp_used[MAX_TEMPS];
static GMutex temps_lock;        /* between the threads that track and forget */

int
cli_guard_track (const char *path)
{
  int slot = -1;

  if (strlen (path) >= PATH_MAX)
    return -1;
  g_mutex_lock (&temps_lock);
  for (int i = 0; i < MAX_TEMPS && slot < 0; i++)
    if (!temp_used[i])
      {
        strcpy (temps[i], path);
        __atomic_thread_fence (__ATOMIC_SEQ_CST);
        temp_used[i] = 1;
        slot = i;
      }
  g_mutex_unlock (&temps_lock);
  return slot;
}

void
cli_guard_forget (int slot)
{
  if (slot < 0)
    return;
  g_mutex_lock (&temps_lock);
  temp_used[slot] = 0;
  g_mutex_unlock (&temps_lock);
}

static void
remove_temps (void)
{
  for (int i = 0; i < MAX_TEMPS; i++)
    if (temp_used[i])
      unlink (temps[i]);
}

/* ---- async-signal-safe output ------------------------------------------ */

typedef struct {
  char  buf[1024];
  gsize len;
} Line;

static void
put (Line *line, const char *s, gsize max)
{
  for (gsize i = 0; s[i] && i < max && line->len < sizeof line->buf - 1; i++)
    {
      unsigned char c = (unsigned char) s[i];
      line->buf[line->len++] = c < 0x20 || c == 0x7f ? '?' : (char) c;
    }
}

static void
put_int (Line *line, int n)
{
  char digits[16];
  int i = sizeof digits - 1;
  unsigned int u = n < 0 ? (unsigned int) -n : (unsigned int) n;

  digits[i] = '\0';
  do
    digits[--i] = (char) ('0' + u % 10);
  while ((u /= 10) > 0 && i > 1);
  if (n < 0)
    digits[--i] = '-';
  put (line, digits + i, sizeof digits);
}

/* "stage 'S' ... on document 'D'" or "... outside any stage", then @tail. */
static void
report (const char *what, const char *tail)
{
  Line line = { .len = 0 };
  const char *stage, *id;
  gsize off = 0;

  put (&line, "nlpipe: ", 16);
  if (nlp_pipeline_get_running (&stage, &id))
    {
      put (&line, "stage '", 16);
      put (&line, stage, 128);
      put (&line, "' ", 16);
      put (&line, what, 128);
      put (&line, " on document '", 16);
      put (&line, id ? id : "?", MAX_ID);
      put (&line, id && strlen (id) > MAX_ID ? "...'" : "'", 8);
    }
  else
    {
      put (&line, what, 128);
      put (&line, " outside any stage", 32);
    }
  put (&line, tail, 256);
  line.buf[line.len++] = '\n';
  while (off < line.len)
    {
      ssize_t n = write (STDERR_FILENO, line.buf + off, line.len - off);
      if (n <= 0)
        break;
      off += (gsize) n;
    }
}

/* ---- the handlers ------------------------------------------------------ */

static const char *
crash_name (int sig)
{
  switch (sig)
    {
    case SIGSEGV: return "crashed (SIGSEGV, invalid memory access)";
    case SIGBUS:  return "crashed (SIGBUS, bad memory access)";
    case SIGFPE:  return "crashed (SIGFPE, arithmetic error)";
    case SIGILL:  return "crashed (SIGILL, illegal instruction)";
    case SIGABRT: return "aborted (SIGABRT)";
    case SIGTRAP: return "stopped the process (SIGTRAP: g_error or a breakpoint)";
    default:      return "crashed";
    }
}

static void
on_crash (int sig)
{
  report (crash_name (sig), "; the run stopped, temporary output removed; "
          "report it to the stage's author");
  remove_temps ();
  /* SA_RESETHAND: the default action now ends the process by @sig */
  raise (sig);
}

static void
on_stop (int sig)
{
  remove_temps ();
  raise (sig);
}

#ifdef __GLIBC__
static void
on_exit_check (int status, void *data)
#else
static void
on_exit_check (void)
#endif
{
  Line what = { .len = 0 };

  if (!nlp_pipeline_get_running (NULL, NULL))
    return;
  put (&what, "called exit(", 16);
#ifdef __GLIBC__
  (void) data;
  put_int (&what, status);
#else
  put (&what, "...", 4);
#endif
  put (&what, ")", 2);
  what.buf[what.len] = '\0';
  report (what.buf, "; a stage must return an error instead; the run stopped, "
          "temporary output removed");
  remove_temps ();
  _exit (CLI_EXIT_STAGE_EXIT);
}

static void
handle (int sig, void (*handler) (int), int flags)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = flags;
  sigemptyset (&sa.sa_mask);
  sigaction (sig, &sa, NULL);
}

void
cli_guard_install (void)
{
  static const int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP };
  static const int stops[] = { SIGINT, SIGTERM, SIGHUP };
  static char main_stack[64 * 1024];
  stack_t ss = { .ss_sp = main_stack, .ss_size = sizeof main_stack };

  /* the handlers' library call, bound now rather than in a handler */
  nlp_pipeline_get_running (NULL, NULL);
  sigaltstack (&ss, NULL);     /* worker threads get theirs from nlp_run */
  for (guint i = 0; i < G_N_ELEMENTS (crashes); i++)
    handle (crashes[i], on_crash, SA_RESETHAND | SA_NODEFER | SA_ONSTACK);
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      struct sigaction old;
      /* an ignored signal (nohup) stays ignored */
      if (sigaction (stops[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      handle (stops[i], on_stop, SA_RESETHAND | SA_NODEFER);
    }
#ifdef __GLIBC__
  on_exit (on_exit_check, NULL);
#else
  atexit (on_exit_check);
#endif
}
