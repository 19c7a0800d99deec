/* cli-guard.h — when the process dies under the command.
 *
 * SIGINT, SIGTERM and SIGHUP remove the temporary output files and end
 * the process by the same signal (the shell shows 130, 143, 129).  A
 * crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP: g_error) and a
 * stage calling exit() print one line naming the stage and the document
 * (nlp_pipeline_get_running), and remove the temporary files; a crash then
 * ends the process by its signal, exit() from a stage with status
 * CLI_EXIT_STAGE_EXIT.  Everything the handlers do is async-signal-safe.
 */
#ifndef CLI_GUARD_H
#define CLI_GUARD_H

#include <glib.h>

/* The exit status when a stage called exit() (docs/cli.md). */
#define CLI_EXIT_STAGE_EXIT 4

/* Installs the handlers; call once, before any thread is made. */
void cli_guard_install (void);
/* Remembers the temporary file @path, to be removed if the process dies;
 * returns its slot for cli_guard_forget (-1 when it cannot be kept: too
 * long, or too many at once). */
int  cli_guard_track   (const char *path);
/* Forgets slot @slot (-1: nothing). */
void cli_guard_forget  (int slot);

#endif
