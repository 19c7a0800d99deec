/* cli-run.c — `nlpipe [OPTIONS] [FILE|DIR|-]...`: run a chain. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli-private.h"
#include "cli-chain.h"
#include "cli-output.h"
#include "cli-report.h"
#include "cli-guard.h"
#include "cli-overlap.h"
#include "atomic-file.h"

typedef struct {
  CliChainArgs chain;
  char    *format;
  char    *output;
  char    *input_format;
  char    *glob;
  char    *on_error;
  char    *invalid_utf8;
  gint64   max_doc_bytes;
  gboolean pretty;
  gboolean byte_offsets;
  char    *columns;
  gboolean profile;
  gboolean quiet;
  gboolean progress;
  gboolean version;
  char   **inputs;
  char   **argv;               /* the command line, as parsed */
} RunArgs;

static void
run_args_clear (RunArgs *a)
{
  cli_chain_args_clear (&a->chain);
  g_free (a->format);
  g_free (a->output);
  g_free (a->input_format);
  g_free (a->glob);
  g_free (a->on_error);
  g_free (a->invalid_utf8);
  g_free (a->columns);
  g_strfreev (a->inputs);
  g_strfreev (a->argv);
}

static gboolean
parse_choice (const char *flag, const char *value, const char *const *names,
              int *out, GError **error)
{
  for (int i = 0; names[i]; i++)
    if (strcmp (value, names[i]) == 0)
      return (*out = i), TRUE;
  {
    char *list = g_strjoinv (", ", (char **) names);
    g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                 "%s '%s': expected one of: %s", flag, value, list);
    g_free (list);
  }
  return FALSE;
}

/* -o DIR: the extension of each output file for @format, or @format
 * itself (the caller adds the dot). */
static const char *
output_extension (const char *format)
{
  static const char *const map[][2] = {
    { "json", "json" }, { "text", "txt" }, { "tsv", "tsv" }, { "html", "html" },
    { "sentences", "txt" }, { "conllu", "conllu" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (format, map[i][0]) == 0)
      return map[i][1];
  return format;               /* other formats: ".FORMAT" */
}

/* TRUE when -o names a directory: an existing one, or a path ending in
 * '/' (created as needed). */
static gboolean
is_output_dir (const char *output)
{
  return output != NULL && strcmp (output, "-") != 0
         && (g_str_has_suffix (output, G_DIR_SEPARATOR_S)
             || g_file_test (output, G_FILE_TEST_IS_DIR));
}

/* Whether standard output is a regular file (which a walk could meet). */
static gboolean
stdout_is_file (void)
{
  struct stat st;

  return fstat (STDOUT_FILENO, &st) == 0 && S_ISREG (st.st_mode);
}

/* The runner's "cannot write the output: REASON" names the -o file. */
static void
name_output_error (GError *error, const char *name, const CliAtomicFile *file)
{
  static const char prefix[] = "cannot write the output: ";
  char *message;

  if (!g_error_matches (error, NLP_ERROR, NLP_ERROR_IO)
      || !g_str_has_prefix (error->message, prefix))
    return;
  message = g_strdup_printf ("cannot write %s: %s; %s", name,
                             error->message + strlen (prefix),
                             file->tmp_path ? "the file is unchanged" : "the output is incomplete");
  g_free (error->message);
  error->message = message;
}

/* @n documents counted written did not reach their file after all. */
static void
lose_documents (NlpRunStats *stats, guint64 n)
{
  n = MIN (n, stats->written);
  stats->written -= n;
  stats->failed += n;
  if (stats->written == 0)
    stats->bytes = 0;
}

int
nlp__cli_run (int argc, char **argv)
{
  RunArgs a = { .max_doc_bytes = 0 };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format,
      "Output format: json (default), text, tsv, html, sentences, conllu, none", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
      "Write to FILE (atomically: a temporary file renamed at the end), or, when "
      "OUT is a directory or ends with '/', one file per input file under it "
      "with mirrored names", "OUT" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &a.input_format,
      "auto (default: .jsonl/.ndjson are JSON Lines), text, jsonl", "FORMAT" },
    { "glob", 0, 0, G_OPTION_ARG_STRING, &a.glob,
      "Only read files matching PATTERN inside directories (e.g. '*.txt')", "PATTERN" },
    { "on-error", 0, 0, G_OPTION_ARG_STRING, &a.on_error,
      "When a document fails: skip (default: report it, go on), stop, mark (write it with an error record)", "POLICY" },
    { "invalid-utf8", 0, 0, G_OPTION_ARG_STRING, &a.invalid_utf8,
      "reject (default: the document fails) or replace (U+FFFD, with a warning)", "POLICY" },
    { "max-doc-bytes", 0, 0, G_OPTION_ARG_INT64, &a.max_doc_bytes,
      "Fail documents larger than N bytes (default: no limit)", "N" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &a.pretty, "Indent JSON output", NULL },
    { "byte-offsets", 0, 0, G_OPTION_ARG_NONE, &a.byte_offsets,
      "JSON and tsv offsets in bytes instead of code points", NULL },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &a.columns,
      "tsv columns, e.g. token,stem,entity (default: token, every token column, entity)", "LIST" },
    { "profile", 0, 0, G_OPTION_ARG_NONE, &a.profile,
      "Print the time spent in each stage on stderr", NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &a.progress,
      "Show progress on stderr even when it is not a terminal", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet,
      "No progress and no summary line on stderr", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.inputs, NULL, "[FILE|DIR|-]..." },
    { NULL }
  };
  static const char *const on_error_names[] = { "skip", "stop", "mark", NULL };
  static const char *const input_names[] = { "auto", "text", "jsonl", NULL };
  static const char *const utf8_names[] = { "reject", "replace", NULL };
  GOptionContext *ctx = g_option_context_new (NULL);
  GError *error = NULL;
  NlpRegistry *registry = NULL;
  NlpPipeline *pipeline = NULL;
  NlpWriter *writer = NULL;
  NlpReader *reader = NULL;
  NlpReaderOptions ropts = { 0 };
  NlpWriterOptions wopts = { 0 };
  NlpRunOptions opts = { 0 };
  NlpRunStats stats = { 0 };
  CliReport report;
  CliOutputDir *out_dir = NULL;
  GError *close_error = NULL;
  gboolean ran;
  CliAtomicFile *file = NULL;
  int on_error = 0, input_format = 0, utf8 = 0;
  int status = NLP_EXIT_OK;
  gboolean to_dir;
  char *ext = NULL;

  g_option_context_set_summary (ctx,
    "Runs a chain of NLP stages over text files, directories, JSON Lines or stdin.\n\n"
    "Commands:\n"
    "  nlpipe list [--json]          installed stages\n"
    "  nlpipe info [--json] STAGE    a stage's version, requires/provides and options\n"
    "  nlpipe check [-p STAGES]      validate a chain without running it");
  g_option_context_set_description (ctx,
    "Exit status: 0 ok; 1 a document failed (the others were written); 2 usage,\n"
    "option or chain error; 3 a stage could not be loaded or created; 4 a stage\n"
    "called exit().  SIGINT, SIGTERM, SIGHUP or a crash: the temporary output is\n"
    "removed and nlpipe dies by the signal (130, 143, 129; 139 ...).\n"
    "Documentation: docs/cli.md, docs/formats.md, man nlpipe.");
  cli_chain_add_entries (ctx, &a.chain);
  g_option_context_add_main_entries (ctx, entries, NULL);
  a.argv = cli_split_short_values (argc, argv, "pcfoj");
  if (!g_option_context_parse_strv (ctx, &a.argv, &error))
    {
      g_printerr ("nlpipe: %s; see nlpipe --help\n", error->message);
      g_error_free (error);
      g_option_context_free (ctx);
      run_args_clear (&a);
      return NLP_EXIT_USAGE;
    }
  g_option_context_free (ctx);
  /* before a stage is loaded or a thread made: a signal or a crash from
   * here on removes the temporary files and names the stage */
  cli_guard_install ();
  if (a.version)
    {
      g_print ("nlpipe %s (stage ABI %d.%d)\n", NLP_VERSION, NLP_ABI_MAJOR, NLP_ABI_MINOR);
      run_args_clear (&a);
      return NLP_EXIT_OK;
    }

  if ((a.on_error && !parse_choice ("--on-error", a.on_error, on_error_names, &on_error, &error))
      || (a.input_format && !parse_choice ("--input-format", a.input_format, input_names,
                                           &input_format, &error))
      || (a.invalid_utf8 && !parse_choice ("--invalid-utf8", a.invalid_utf8, utf8_names,
                                           &utf8, &error)))
    goto fail;
  if (a.max_doc_bytes < 0)
    {
      g_set_error (&error, NLP_ERROR, NLP_ERROR_USAGE,
                   "--max-doc-bytes must not be negative");
      goto fail;
    }

  wopts.pretty = a.pretty;
  wopts.byte_offsets = a.byte_offsets;
  wopts.columns = a.columns;
  /* https://no-color.org: NO_COLOR set and not empty disables colour */
  wopts.color = a.output == NULL && isatty (STDOUT_FILENO)
                && (g_getenv ("NO_COLOR") == NULL || *g_getenv ("NO_COLOR") == '\0');
  writer = nlp_writer_new (a.format ? a.format : "json", &wopts, &error);
  if (writer == NULL)
    goto fail;

  pipeline = cli_chain_load (&a.chain, &registry, &error);
  if (pipeline == NULL)
    goto fail;
  {
    char **provided = nlp_pipeline_list_provides (pipeline);
    gboolean ok = nlp_writer_check (writer, (const char *const *) provided, &error);
    g_strfreev (provided);
    if (!ok)
      goto fail;
  }

  to_dir = is_output_dir (a.output);
  if (to_dir)
    {
      const char *format = a.format ? a.format : "json";
      /* made now, so that a walk of the inputs can pass over it */
      if (g_mkdir_with_parents (a.output, 0777) != 0)
        {
          g_set_error (&error, NLP_ERROR, NLP_ERROR_IO, "cannot make the directory %s: %s",
                       a.output, g_strerror (errno));
          goto fail;
        }
      ext = g_strconcat (".", output_extension (format), NULL);
      /* a JSON Lines input keeps its name: its output is JSON Lines too */
      out_dir = cli_output_dir_new (a.output, writer, ext,
                                    strcmp (format, "json") == 0 ? ".jsonl" : ext);
    }
  if (!cli_overlap_check (a.output, out_dir, (const char *const *) a.inputs, &error))
    goto fail;
  if (out_dir != NULL)
    cli_output_dir_watch_inputs (out_dir, (const char *const *) a.inputs);
  if (a.output != NULL && strcmp (a.output, "-") != 0 && !to_dir)
    {
      file = cli_atomic_open (a.output);
      if (file == NULL)
        {
          g_set_error (&error, NLP_ERROR, NLP_ERROR_IO, "cannot write %s: %s",
                       a.output, g_strerror (errno));
          goto fail;
        }
    }

  ropts.format = (NlpInputFormat) input_format;
  ropts.encoding = (NlpEncodingPolicy) utf8;
  ropts.glob = a.glob;
  ropts.max_doc_bytes = (gsize) a.max_doc_bytes;
  reader = nlp_reader_new ((const char *const *) a.inputs, &ropts);
  /* the output is never read back as an input (inside an input directory;
   * "nlpipe dir > dir/all.json": standard output by its device name) */
  if (to_dir || file != NULL || stdout_is_file ())
    nlp_reader_skip (reader, to_dir ? a.output : file != NULL ? file->path : "/dev/stdout");

  opts.jobs = (guint) a.chain.jobs;
  opts.on_error = (NlpOnError) on_error;
  opts.profile = a.profile;
  opts.event_func = cli_report_event;
  opts.event_data = &report;
  cli_report_init (&report, !a.quiet && (a.progress || isatty (STDERR_FILENO)));
  if (to_dir)
    {
      opts.output_func = cli_output_dir_write;
      opts.output_data = out_dir;
    }
  ran = nlp_run (pipeline, reader, writer, to_dir ? NULL : file ? file->stream : stdout,
                 &opts, &stats, &error);
  if (!ran && file != NULL)
    name_output_error (error, a.output, file);
  /* the output files are completed before the summary, which counts what
   * they hold: documents in a file that could not be kept are lost */
  if (out_dir != NULL)
    {
      if (ran && !cli_output_dir_close (out_dir, &close_error))
        ran = FALSE;
      lose_documents (&stats, cli_output_dir_get_lost (out_dir));
    }
  else if (file != NULL)
    {
      gboolean ok = ran && cli_atomic_commit (g_steal_pointer (&file));
      if (ran && !ok)
        {
          g_set_error (&close_error, NLP_ERROR, NLP_ERROR_IO, "cannot write %s: %s; "
                       "the file is unchanged", a.output, g_strerror (errno));
          ran = FALSE;
        }
      if (!ok)
        lose_documents (&stats, stats.written);
    }
  cli_report_finish (&report);
  if (!a.quiet)
    cli_report_summary (&stats);
  if (close_error != NULL)
    g_propagate_error (&error, close_error);
  if (!ran)
    goto fail;
  status = stats.failed > 0 ? NLP_EXIT_DOCUMENT : NLP_EXIT_OK;
  goto done;

fail:
  status = nlp__cli_fail (error);
done:
  cli_atomic_abort (file);
  g_free (ext);
  cli_output_dir_free (out_dir);
  nlp_reader_free (reader);
  nlp_pipeline_free (pipeline);
  nlp_registry_free (registry);
  nlp_writer_free (writer);
  run_args_clear (&a);
  return status;
}
