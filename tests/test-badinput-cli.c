/* test-badinput-cli.c — bad input from a new user and from memory
 * (docs/robustness.md, "Memory and the command line"): each test runs the
 * built programs and checks the exit code and the one-line message. */
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

static char *scratch;

static void
setup (void)
{
  scratch = g_dir_make_tmp ("nlpipe-badcli-XXXXXX", NULL);
  cr_assert_not_null (scratch);
}

static void
teardown (void)
{
  char *cmd = g_strdup_printf ("rm -rf '%s'", scratch);
  cr_assert_eq (system (cmd), 0);
  g_free (cmd);
  g_free (scratch);
}

TestSuite (badcli, .init = setup, .fini = teardown, .timeout = 180);

static char *
put (const char *name, const char *text)
{
  char *path = g_build_filename (scratch, name, NULL);
  cr_assert (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Runs @script with sh -c in the scratch directory; $N is the built
 * nlpipe, $B the build directory. */
static NlpTestRun *
run_sh (const char *script)
{
  char *nlpipe = g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL);
  char *full = g_strdup_printf ("cd '%s' && N='%s' B='%s' && %s", scratch, nlpipe,
                                NLP_TEST_BUILDDIR, script);
  const char *argv[] = { "/bin/sh", "-c", full, NULL };
  GSubprocess *proc;
  GError *error = NULL;
  NlpTestRun *run = g_new0 (NlpTestRun, 1);

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  cr_assert_not_null (proc, "%s", error ? error->message : "");
  cr_assert (g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error),
             "%s", error ? error->message : "");
  run->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc)
                                                  : 128 + g_subprocess_get_term_sig (proc);
  g_object_unref (proc);
  g_free (full);
  g_free (nlpipe);
  return run;
}

/* stderr is exactly one line holding @want */
static void
assert_one_line (const NlpTestRun *run, const char *want)
{
  cr_assert_not_null (strstr (run->err, want), "want '%s' in: %s", want, run->err);
}

/* -- memory ---------------------------------------------------------------- */

/* The memory tests limit the address space (ulimit -v): a sanitizer's
 * shadow memory cannot live within it, so they are skipped there; one
 * malloc arena keeps the address space of the threads the same on every
 * machine. */
#define LIMIT(kb) "export MALLOC_ARENA_MAX=1 && ulimit -v " #kb " && "

static void
skip_under_sanitizers (void)
{
#if defined(__SANITIZE_ADDRESS__)
  cr_skip_test ("the address-space limit leaves no room for ASan's shadow memory");
#else
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    cr_skip_test ("the address-space limit leaves no room for ASan's shadow memory");
#endif
}

/* 300 MB on stdin under a 250 MB address-space limit: the reader stops
 * keeping bytes at the limit and fails the document; it does not abort. */
Test (badcli, max_doc_bytes_bounds_the_reader)
{
  NlpTestRun *r;

  skip_under_sanitizers ();
  r = run_sh (LIMIT (250000) "head -c 300000000 /dev/zero | tr '\\0' a"
                          " | \"$N\" --max-doc-bytes 1000000 -p tokenize -j 1 -f none -");
  cr_assert_eq (r->status, 1, "status %d: %s", r->status, r->err);
  assert_one_line (r, "nlpipe: stdin: document is 300000000 bytes, over the --max-doc-bytes "
                      "limit of 1000000");
  nlp_test_run_free (r);
}

/* A JSON Lines line of 300 MB under a 250 MB limit: getline(3) could not
 * hold it and its failure looked like the end of the stream, so the good
 * record after it was silently lost.  With --max-doc-bytes the line is
 * read and dropped past 6 times the limit plus 1 MiB; without, it fails
 * as out of memory.  The record after it is written either way. */
static void
long_line_fails_alone (const char *flags, const char *want)
{
  NlpTestRun *r;
  char *cmd;

  skip_under_sanitizers ();
  cmd = g_strdup_printf (LIMIT (250000) "{ echo '{\"id\":\"a\",\"text\":\"First.\"}';"
                         " printf '{\"id\":\"big\",\"text\":\"';"
                         " head -c 300000000 /dev/zero | tr '\\0' a; echo '\"}';"
                         " echo '{\"id\":\"c\",\"text\":\"Last.\"}'; }"
                         " | \"$N\" %s -p tokenize -j 1 -f text --input-format=jsonl -", flags);
  r = run_sh (cmd);
  cr_assert_eq (r->status, 1, "status %d: %s", r->status, r->err);
  assert_one_line (r, want);
  cr_assert_not_null (strstr (r->out, "First."), "%s", r->out);
  cr_assert_not_null (strstr (r->out, "Last."), "%s", r->out);
  cr_assert_not_null (strstr (r->err, "3 documents read, 2 written, 1 failed"), "%s", r->err);
  nlp_test_run_free (r);
  g_free (cmd);
}

Test (badcli, max_doc_bytes_bounds_a_json_lines_line)
{
  long_line_fails_alone ("--max-doc-bytes 1000000",
                         "nlpipe: stdin:2: the record is 300000023 bytes, over what "
                         "--max-doc-bytes 1000000 allows for a line");
}

Test (badcli, a_json_lines_line_that_does_not_fit_fails_alone)
{
  long_line_fails_alone ("", "nlpipe: stdin:2: the record is 300000023 bytes, more than "
                             "fits in memory; split the document or set --max-doc-bytes");
}

/* Documents that cannot be allocated fail alone, the next one is written:
 * a 3 GB (sparse) file under a 400 MB limit, and a 60 MB file of 30
 * million one-letter words, whose tokens do not fit (GLib aborted the run
 * with exit 133). */
Test (badcli, allocation_failure_fails_one_document)
{
  char *big = g_build_filename (scratch, "big.txt", NULL);
  int fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  NlpTestRun *r;

  skip_under_sanitizers ();
  cr_assert (fd >= 0);
  cr_assert_eq (ftruncate (fd, (off_t) 3 << 30), 0);
  close (fd);
  g_free (put ("small.txt", "Hello from Geneva."));
  {
    GString *words = g_string_sized_new (60000001);
    while (words->len < 60000000)
      g_string_append (words, "a ");
    g_free (put ("words.txt", words->str));
    g_string_free (words, TRUE);
  }
  r = run_sh (LIMIT (400000) "\"$N\" -p tokenize -j 1 -f text big.txt words.txt small.txt");
  cr_assert_eq (r->status, 1, "status %d: %s", r->status, r->err);
  assert_one_line (r, "big.txt: out of memory: no room for the document");
  assert_one_line (r, "nlpipe: document 'words.txt': stage 'tokenize': out of memory for the "
                      "tokens of 60000000 bytes of text; free memory or split the document\n");
  cr_assert_not_null (strstr (r->out, "Hello from Geneva."), "%s", r->out);
  cr_assert_not_null (strstr (r->err, "3 documents read, 1 written, 2 failed"), "%s", r->err);
  nlp_test_run_free (r);
  g_free (big);
}

/* A document whose output does not fit: 5 million one-letter words
 * (tokenize needs ~240 MB of peak RSS for them, their JSON is 294 MB)
 * under a 410 MB address-space limit (here tokenize fits from 380 MB,
 * the outputs of every format from 450 MB, JSON's from 700 MB).  The writer's buffer could not grow and GLib aborted the run
 * (exit 133); now that document fails in every format, the next one is
 * written, and under mark an error record with its id stands for it. */
static void
put_words (void)
{
  GString *words = g_string_sized_new (10000001);

  while (words->len < 10000000)
    g_string_append (words, "a ");
  g_free (put ("words.txt", words->str));
  g_free (put ("small.txt", "Hello from Geneva."));
  g_string_free (words, TRUE);
}

Test (badcli, output_that_does_not_fit_fails_one_document)
{
  static const char *const formats[] = { "json", "tsv", "text", "conllu", "html", "sentences" };

  skip_under_sanitizers ();
  put_words ();
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      char *cmd = g_strdup_printf (LIMIT (410000) "\"$N\" -p tokenize -j 1 -f %s words.txt "
                                   "small.txt", formats[i]);
      char *want = g_strdup_printf ("nlpipe: document 'words.txt': out of memory for its %s "
                                    "output (10000000 bytes of text); free memory, split the "
                                    "document or choose a smaller format\n", formats[i]);
      NlpTestRun *r = run_sh (cmd);

      cr_assert_eq (r->status, 1, "%s: status %d: %s", formats[i], r->status, r->err);
      assert_one_line (r, want);
      cr_assert_not_null (strstr (r->out, "Geneva"), "%s: %s", formats[i], r->out);
      cr_assert_not_null (strstr (r->err, "2 documents read, 1 written, 1 failed"), "%s: %s",
                          formats[i], r->err);
      nlp_test_run_free (r);
      g_free (want);
      g_free (cmd);
    }
}

Test (badcli, output_that_does_not_fit_is_an_error_record_under_mark)
{
  NlpTestRun *r;
  char **lines;

  skip_under_sanitizers ();
  put_words ();
  r = run_sh (LIMIT (450000) "\"$N\" -p tokenize -j 1 --on-error=mark words.txt small.txt");
  cr_assert_eq (r->status, 1, "status %d: %s", r->status, r->err);
  lines = g_strsplit (r->out, "\n", -1);
  cr_assert_eq (g_strv_length (lines), 3, "%s", r->out);
  cr_assert_not_null (strstr (lines[0], "\"id\":\"words.txt\""), "%s", lines[0]);
  cr_assert_not_null (strstr (lines[0], "\"error\":{\"stage\":\"\",\"message\":\"out of "
                                        "memory for its json output"), "%s", lines[0]);
  cr_assert_not_null (strstr (lines[1], "Geneva"), "%s", lines[1]);
  cr_assert_not_null (strstr (r->err, "2 documents read, 1 written, 1 failed (1 written with "
                                      "an error record)"), "%s", r->err);
  g_strfreev (lines);
  nlp_test_run_free (r);
}

/* One word of 150 MB under a 250 MB limit: its norm (a lower-cased copy
 * in the document's arena) cannot be had.  The arena's g_malloc aborted
 * the run (exit 133); now tokenize fails on that document. */
Test (badcli, a_string_cell_that_does_not_fit_fails_one_document)
{
  NlpTestRun *r;

  skip_under_sanitizers ();
  g_free (put ("small.txt", "Hello from Geneva."));
  r = run_sh (LIMIT (250000) "head -c 150000000 /dev/zero | tr '\\0' A > word.txt && "
                             "\"$N\" -p tokenize -j 1 -f text word.txt small.txt");
  cr_assert_eq (r->status, 1, "status %d: %s", r->status, r->err);
  assert_one_line (r, "nlpipe: document 'word.txt': stage 'tokenize': ran out of memory for a "
                      "string of 150000000 bytes in column 'token.norm'; free memory or split "
                      "the document\n");
  cr_assert_not_null (strstr (r->out, "Hello from Geneva."), "%s", r->out);
  cr_assert_not_null (strstr (r->err, "2 documents read, 1 written, 1 failed"), "%s", r->err);
  nlp_test_run_free (r);
}

/* A 4 MB document through the default chain in 300 MB of address space
 * (the entity stage alone took ~100 bytes per input byte before it tagged
 * in windows). */
Test (badcli, a_large_document_fits_the_default_chain)
{
  char *article = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (article);
  GString *doc = g_string_new (NULL);
  NlpTestRun *r;

  skip_under_sanitizers ();
  while (doc->len < 4000000)
    g_string_append (doc, text);
  g_free (put ("large.txt", doc->str));
  r = run_sh (LIMIT (300000) "\"$N\" -j 1 -f none large.txt");
  cr_assert_eq (r->status, 0, "status %d: %s", r->status, r->err);
  assert_one_line (r, "1 document read, 1 written, 0 failed");
  nlp_test_run_free (r);
  g_string_free (doc, TRUE);
  g_free (text);
  g_free (article);
}

/* -- what a new user hit ----------------------------------------------------- */

Test (badcli, missing_config_is_a_usage_error)
{
  NlpTestRun *r = run_sh ("echo hi > x && \"$N\" -c nosuch.conf x");
  cr_assert_eq (r->status, 2, "%d %s", r->status, r->err);
  assert_one_line (r, "nlpipe: config nosuch.conf: no such file or directory; check the path\n");
  nlp_test_run_free (r);
}

Test (badcli, unknown_entity_type_is_an_option_error)
{
  NlpTestRun *r = run_sh ("echo hi > x && \"$N\" --set entity.types=PERS x");
  NlpTestRun *info = run_sh ("\"$N\" info entity");
  cr_assert_eq (r->status, 2, "%d %s", r->status, r->err);
  assert_one_line (r, "unknown type 'PERS' in types=PERS; valid types: all or PER,");
  cr_assert_not_null (strstr (info->out, "a comma-separated list of: all, PER, LOC, ORG"),
                      "%s", info->out);
  nlp_test_run_free (r);
  nlp_test_run_free (info);
}

Test (badcli, missing_file_says_check_the_path)
{
  NlpTestRun *r = run_sh ("\"$N\" -p tokenize nosuch.txt");
  cr_assert_eq (r->status, 1);
  assert_one_line (r, "nlpipe: nosuch.txt: no such file or directory; check the path\n");
  cr_assert_null (strstr (r->err, "Failed to open"), "%s", r->err);
  nlp_test_run_free (r);
}

Test (badcli, jobs_zero_is_one_per_core)
{
  NlpTestRun *help = run_sh ("\"$N\" --help");
  NlpTestRun *r = run_sh ("echo Hello. > x && \"$N\" -p tokenize -j 0 -f none x");
  cr_assert_not_null (strstr (help->out, "(0, the default: one per core)"), "%s", help->out);
  cr_assert_eq (r->status, 0, "%s", r->err);
  nlp_test_run_free (help);
  nlp_test_run_free (r);
}

Test (badcli, a_mistyped_command_is_suggested)
{
  NlpTestRun *r = run_sh ("\"$N\" lst");
  cr_assert_eq (r->status, 2, "%d %s", r->status, r->err);
  cr_assert_str_eq (r->err, "nlpipe: no file 'lst'; did you mean 'nlpipe list'?\n");
  nlp_test_run_free (r);
  /* an existing file of that name is read */
  r = run_sh ("echo Hello. > lst && \"$N\" -p tokenize -f none lst");
  cr_assert_eq (r->status, 0, "%s", r->err);
  nlp_test_run_free (r);
}

Test (badcli, options_before_the_command)
{
  NlpTestRun *r = run_sh ("\"$N\" -q info tokenize");
  cr_assert_eq (r->status, 0, "%d %s", r->status, r->err);
  cr_assert (g_str_has_prefix (r->out, "tokenize "), "%s", r->out);
  nlp_test_run_free (r);
}

Test (badcli, helper_programs_print_utf8)
{
  NlpTestRun *r = run_sh ("LC_ALL=C.UTF-8 \"$B/plugins/entity/nlpipe-ner\" eval nosuch-\xc3\xa9.conll;"
                          "LC_ALL=C.UTF-8 \"$B/plugins/pos/nlpipe-pos\" eval nosuch-\xc3\xa9.conll;"
                          "LC_ALL=C.UTF-8 \"$B/plugins/lang/nlpipe-lang\" eval nosuch-\xc3\xa9.txt");
  gchar **lines = g_strsplit (r->err, "\n", -1);
  guint n = 0;
  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      {
        cr_assert_not_null (strstr (lines[i], "nosuch-\xc3\xa9"), "%s", lines[i]);
        n++;
      }
  cr_assert_eq (n, 3, "%s", r->err);
  g_strfreev (lines);
  nlp_test_run_free (r);
}

Test (badcli, one_document_is_singular)
{
  NlpTestRun *r = run_sh ("echo Hello. > x && \"$N\" -p tokenize -f none x");
  assert_one_line (r, "nlpipe: 1 document read, 1 written, 0 failed;");
  nlp_test_run_free (r);
}

Test (badcli, positions_say_byte_offset)
{
  NlpTestRun *r = run_sh ("printf 'ab\\n\\377' > bad.txt && \"$N\" -p tokenize bad.txt");
  cr_assert_eq (r->status, 1);
  assert_one_line (r, "bad.txt: invalid UTF-8 at line 2 (byte offset 3);");
  nlp_test_run_free (r);
}

Test (badcli, a_huge_config_value_is_cut)
{
  GString *conf = g_string_new ("[pipeline]\nstages=tokenize,sentence,entity\n[entity]\nmin-score=");
  NlpTestRun *r;
  for (guint i = 0; i < 5000000; i++)
    g_string_append_c (conf, 'a');
  g_string_append (conf, "\\nmore\n");
  g_free (put ("big.conf", conf->str));
  r = run_sh ("echo Hello. > x && \"$N\" -c big.conf x");
  cr_assert_eq (r->status, 2);
  cr_assert_lt (strlen (r->err), 300, "%zu bytes", strlen (r->err));
  cr_assert_eq (strchr (r->err, '\n'), r->err + strlen (r->err) - 1, "one line: %s", r->err);
  assert_one_line (r, "bad value 'aaaaaaaaaa");
  assert_one_line (r, "a\xe2\x80\xa6'; expected a number from 0 to 1");
  nlp_test_run_free (r);
  g_string_free (conf, TRUE);
}

Test (badcli, a_folder_or_dangling_link_named_like_a_stage)
{
  NlpTestRun *r = run_sh ("mkdir -p pl/x.so && ln -s /nonexistent pl/y.so && echo Hi > t"
                          " && \"$N\" --plugin-path pl -p x t; \"$N\" --plugin-path pl -p y t");
  assert_one_line (r, "no stage named 'x': pl/x.so is a directory, not a stage module");
  assert_one_line (r, "no stage named 'y': pl/y.so is a symbolic link to nothing");
  cr_assert_null (strstr (r->err, "did you mean"), "%s", r->err);
  nlp_test_run_free (r);
}
