/* cli-report.h — what the nlpipe command shows on stderr while it runs:
 * one line per failed document or warning (control characters escaped, so
 * an id or file name can neither split a line nor reach the terminal as an
 * escape sequence), a progress line, the per-stage profile and the
 * closing summary.  The library reports these as NlpRunEvents; this is
 * the command's rendering of them. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include "nlpipe.h"

typedef struct {
  gboolean progress;           /* draw the progress line */
  gboolean progress_shown;
  gboolean profile_started;
  gint64   start_us;
  gint64   last_progress_us;
} CliReport;

/* Starts the clock; @progress draws a progress line (a terminal). */
void cli_report_init    (CliReport *report, gboolean progress);
/* An NlpRunEventFunc; @user_data is the CliReport. */
void cli_report_event   (const NlpRunEvent *event, gpointer user_data);
/* Clears the progress line, if one is shown. */
void cli_report_finish  (CliReport *report);
/* "nlpipe: N documents read, N written, N failed; S s, R MB/s". */
void cli_report_summary (const NlpRunStats *stats);
/* Prints "nlpipe: KIND MESSAGE" as one line, escaping control characters. */
void cli_print_line     (const char *kind, const char *message);

#endif
