/* cli-report.c — the command's stderr while a chain runs (cli-report.h). */
#include <stdio.h>
#include <string.h>
#include "cli-report.h"

#define PROGRAM "nlpipe"
/* the progress line is redrawn at most this often */
#define PROGRESS_US 250000

void
cli_report_init (CliReport *report, gboolean progress)
{
  *report = (CliReport) { .progress = progress, .start_us = g_get_monotonic_time () };
}

void
cli_print_line (const char *kind, const char *message)
{
  GString *line = g_string_sized_new (strlen (message) + 16);

  for (const char *p = message; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c == '\n')
        g_string_append (line, "\\n");
      else if (c == '\r')
        g_string_append (line, "\\r");
      else if (c == '\t')
        g_string_append (line, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (line, "\\x%02x", c);
      else
        g_string_append_c (line, (char) c);
    }
  fprintf (stderr, PROGRAM ": %s%s\n", kind, line->str);
  g_string_free (line, TRUE);
}

static void
clear_progress (CliReport *report)
{
  if (report->progress_shown)
    fputs ("\r\033[K", stderr);
}

static void
show_progress (CliReport *report, const NlpRunEvent *event)
{
  gint64 now = g_get_monotonic_time ();
  double secs = (now - report->start_us) / 1e6;
  double mb = event->stats->bytes / 1e6;
  char eta[64] = "";

  if (now - report->last_progress_us < PROGRESS_US)
    return;
  report->last_progress_us = now;
  if (event->total_bytes > 0 && event->position > 0)
    {
      double left = secs * ((double) event->total_bytes / event->position - 1.0);
      g_snprintf (eta, sizeof eta, ", %.0f%%, ETA %.0f s",
                  100.0 * event->position / event->total_bytes, left > 0 ? left : 0);
    }
  fprintf (stderr, "\r\033[K" PROGRAM ": %" G_GUINT64_FORMAT " documents, %.1f MB, %.1f MB/s%s",
           event->stats->read, mb, secs > 0 ? mb / secs : 0.0, eta);
  fflush (stderr);
  report->progress_shown = TRUE;
}

static void
show_profile (CliReport *report, const NlpRunEvent *event)
{
  double mb = event->stats->bytes / 1e6;

  if (!report->profile_started)
    {
      cli_report_finish (report);
      fputs (PROGRAM ": profile (CPU time in each stage, summed over workers):\n", stderr);
      report->profile_started = TRUE;
    }
  fprintf (stderr, "  %-12s %9.3f s  %9.1f MB/s\n", event->stage, event->seconds,
           event->seconds > 0 ? mb / event->seconds : 0.0);
}

void
cli_report_event (const NlpRunEvent *event, gpointer user_data)
{
  CliReport *report = user_data;

  switch (event->type)
    {
    case NLP_RUN_EVENT_FAILED:
      clear_progress (report);
      cli_print_line ("", event->message);
      break;
    case NLP_RUN_EVENT_WARNING:
      cli_print_line ("warning: ", event->message);
      break;
    case NLP_RUN_EVENT_PROGRESS:
      if (report->progress)
        show_progress (report, event);
      break;
    case NLP_RUN_EVENT_PROFILE:
      show_profile (report, event);
      break;
    }
}

void
cli_report_finish (CliReport *report)
{
  if (report->progress_shown)
    {
      fputs ("\r\033[K", stderr);
      report->progress_shown = FALSE;
    }
}

void
cli_report_summary (const NlpRunStats *st)
{
  double mb = st->bytes / 1e6;

  fprintf (stderr, PROGRAM ": %" G_GUINT64_FORMAT " document%s read, %" G_GUINT64_FORMAT
           " written, %" G_GUINT64_FORMAT " failed", st->read, st->read == 1 ? "" : "s",
           st->written, st->failed);
  if (st->marked)
    fprintf (stderr, " (%" G_GUINT64_FORMAT " written with an error record)", st->marked);
  if (st->skipped)
    fprintf (stderr, ", %" G_GUINT64_FORMAT " not processed after the stop", st->skipped);
  if (st->language_skipped)
    fprintf (stderr, ", %" G_GUINT64_FORMAT " with stages skipped for their language "
             "(see the warnings)", st->language_skipped);
  fprintf (stderr, "; %.2f s, %.1f MB/s\n", st->seconds,
           st->seconds > 0 ? mb / st->seconds : 0.0);
}
