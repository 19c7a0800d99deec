/* test-badinput-output.c — the output rows of the bad-input matrix
 * (docs/robustness.md): an output that is an input, output inside an
 * input tree, -o onto special files and links, modes, clashing names,
 * a full device, signals and stages that end the process.
 *
 * Each test runs the built nlpipe and checks the exit code, the one-line
 * message, what is on disk afterwards and the summary's counts.  Devices
 * are never touched in /dev: as root a device node is made in the scratch
 * directory; /dev/full is only ever written through a symbolic link in it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "scratch-dir.h"

static char *scratch;           /* a fresh directory per test */

static void
setup (void)
{
  /* the crashing stages must not leave core files behind */
  struct rlimit none = { 0, 0 };
  setrlimit (RLIMIT_CORE, &none);
  scratch = nlp_test_tmpdir_new ();
}

static void
teardown (void)
{
  nlp_test_tmpdir_remove (scratch);
}

TestSuite (badoutput, .init = setup, .fini = teardown, .timeout = 120);

/* (transfer full) @name in the scratch directory. */
static char *
at (const char *name)
{
  return g_build_filename (scratch, name, NULL);
}

/* (transfer full) the path of a new file @name (its folders made) holding
 * @text. */
static char *
put (const char *name, const char *text)
{
  char *path = at (name);
  char *dir = g_path_get_dirname (path);

  cr_assert_eq (g_mkdir_with_parents (dir, 0755), 0);
  cr_assert (g_file_set_contents (path, text, -1, NULL), "cannot write %s", path);
  g_free (dir);
  return path;
}

static char *
plugin_dir (void)
{
  return g_build_filename (NLP_TEST_BUILDDIR, "tests", "stages", NULL);
}

/* stderr holds exactly @n lines, each "nlpipe: ...", and one of them
 * contains @needle. */
static void
assert_stderr (NlpTestRun *r, guint n, const char *needle)
{
  char **lines = g_strsplit (r->err, "\n", -1);
  guint count = *r->err ? g_strv_length (lines) - 1 : 0;

  cr_assert_eq (count, n, "expected %u stderr lines, got: %s", n, r->err);
  for (guint i = 0; i < count; i++)
    cr_assert (g_str_has_prefix (lines[i], "nlpipe: "), "stray stderr line: %s", lines[i]);
  cr_assert (strstr (r->err, needle) != NULL, "no '%s' on stderr: %s", needle, r->err);
  g_strfreev (lines);
}

static void
assert_contents (const char *path, const char *want)
{
  char *got = nlp_test_read (path);

  cr_assert_str_eq (got, want, "%s changed", path);
  g_free (got);
}

/* The hidden temporary files (".NAME.XXXXXX") left in the scratch
 * directory. */
static guint
n_temp_files (void)
{
  GDir *dir = g_dir_open (scratch, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += name[0] == '.';
  g_dir_close (dir);
  return n;
}

/* ---- row 4: the output is an input --------------------------------------- */

Test (badoutput, output_dir_is_the_input_dir)
{
  char *a = put ("j/a.txt", "Alpha went to Paris.");
  char *b = put ("j/b.jsonl", "{\"id\":\"b1\",\"text\":\"Beta.\"}\n");
  char *j = at ("j");
  char *j_slash = g_strconcat (j, "/", NULL);
  char *want = g_strdup_printf ("-o %s is also the input directory %s: the outputs would "
                                "be written among the inputs and could replace them; "
                                "choose another directory", j_slash, j);
  char *a_json = at ("j/a.json");
  NlpTestRun *r = nlp_test_run (NULL, "-o", j_slash, j, NULL);

  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, want);
  assert_contents (b, "{\"id\":\"b1\",\"text\":\"Beta.\"}\n");
  cr_assert (!g_file_test (a_json, G_FILE_TEST_EXISTS), "something was written");
  nlp_test_run_free (r);

  /* -f text: j/a.txt would become j/a.txt */
  r = nlp_test_run (NULL, "-f", "text", "-o", j_slash, j, NULL);
  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, "is also the input directory");
  assert_contents (a, "Alpha went to Paris.");
  nlp_test_run_free (r);
  g_free (a);
  g_free (b);
  g_free (j);
  g_free (j_slash);
  g_free (want);
  g_free (a_json);
}

Test (badoutput, output_file_is_the_input)
{
  char *in = put ("in.txt", "Nobody may replace this text.");
  char *dotted = at ("./in.txt");
  char *hard = at ("hard.txt");
  char *want = g_strdup_printf ("-o %s is also the input %s: it would be replaced by the "
                                "output; write the output elsewhere", in, in);
  NlpTestRun *r = nlp_test_run (NULL, "-o", in, in, NULL);

  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, want);
  assert_contents (in, "Nobody may replace this text.");
  nlp_test_run_free (r);

  /* another name for it, and a hard link: the same file */
  cr_assert_eq (link (in, hard), 0, "%s", g_strerror (errno));
  r = nlp_test_run (NULL, "-o", dotted, in, NULL);
  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, "is also the input");
  nlp_test_run_free (r);
  r = nlp_test_run (NULL, "-o", hard, in, NULL);
  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, "is also the input");
  assert_contents (in, "Nobody may replace this text.");
  nlp_test_run_free (r);
  g_free (in);
  g_free (dotted);
  g_free (hard);
  g_free (want);
}

/* -f text -o DIR on a named file whose output is that very file */
Test (badoutput, output_in_dir_would_replace_a_named_input)
{
  char *in = put ("c/a.txt", "Keep me.");
  char *c = at ("c");
  NlpTestRun *r = nlp_test_run (NULL, "-f", "text", "-o", c, in, NULL);
  char *want = g_strdup_printf ("-o %s: the output %s would replace the input %s; "
                                "choose another directory", c, in, in);

  cr_assert_eq (r->status, 2, "%s", r->err);
  assert_stderr (r, 1, want);
  assert_contents (in, "Keep me.");
  nlp_test_run_free (r);
  g_free (in);
  g_free (c);
  g_free (want);
}

/* -f text -o P/ P/c: P/c/c/a.txt would be written to P/c/a.txt, another
 * input; only that document fails */
Test (badoutput, output_dir_above_an_input_dir)
{
  char *top = put ("P/c/a.txt", "Top.");
  char *deep = put ("P/c/c/a.txt", "Deep.");
  char *p = at ("P/");
  char *c = at ("P/c");
  char *want = g_strdup_printf ("document '%s': its output %sc/a.txt would be inside an "
                                "input directory (and could replace an input); choose an "
                                "output directory outside the inputs", deep, p);
  NlpTestRun *r = nlp_test_run (NULL, "-f", "text", "-o", p, c, NULL);

  cr_assert_eq (r->status, 1, "%s", r->err);
  assert_stderr (r, 2, want);
  cr_assert (strstr (r->err, " read, 1 written, 1 failed"), "%s", r->err);
  assert_contents (top, "Top.");
  nlp_test_run_free (r);
  g_free (top);
  g_free (deep);
  g_free (p);
  g_free (c);
  g_free (want);
}

/* ---- row 5: the output inside the input tree is never read ---------------- */

Test (badoutput, output_dir_inside_the_input_tree)
{
  char *a = put ("c/a.txt", "Alpha went to Paris.");
  char *b = put ("c/b.txt", "Beta stayed in Rome.");
  char *c = at ("c");
  char *zz = at ("c/zz/");
  char *nested = at ("c/zz/zz");
  char *out_a = at ("c/zz/a.json");

  cr_assert_eq (g_mkdir (zz, 0755), 0);
  for (int i = 0; i < 2; i++)
    {
      /* the second run finds the first one's outputs in c/zz */
      NlpTestRun *r = nlp_test_run (NULL, "-o", zz, c, NULL);
      cr_assert_eq (r->status, 0, "%s", r->err);
      assert_stderr (r, 1, " read, 2 written, 0 failed");
      cr_assert (strstr (r->err, ": 2 document"), "run %d: %s", i, r->err);
      nlp_test_run_free (r);
    }
  cr_assert (g_file_test (out_a, G_FILE_TEST_IS_REGULAR));
  cr_assert (!g_file_test (nested, G_FILE_TEST_EXISTS), "outputs were read back");
  g_free (a);
  g_free (b);
  g_free (c);
  g_free (zz);
  g_free (nested);
  g_free (out_a);
}

Test (badoutput, output_file_inside_the_input_tree)
{
  char *a = put ("c/a.txt", "Alpha went to Paris.");
  char *c = at ("c");
  char *all = at ("c/all.json");

  for (int i = 0; i < 2; i++)
    {
      NlpTestRun *r = nlp_test_run (NULL, "-o", all, c, NULL);
      cr_assert_eq (r->status, 0, "%s", r->err);
      cr_assert (strstr (r->err, ": 1 document"), "run %d read its output: %s", i, r->err);
      nlp_test_run_free (r);
    }
  g_free (a);
  g_free (c);
  g_free (all);
}

/* nlpipe c > c/all.json: the shell made the output inside the input tree */
Test (badoutput, stdout_file_inside_the_input_tree)
{
  char *a = put ("c/a.txt", "Alpha went to Paris.");
  char *c = at ("c");
  char *all = at ("c/all.json");
  char *prog = g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL);
  const char *argv[] = { "/bin/sh", "-c", "exec \"$0\" -q \"$1\" > \"$1/all.json\"",
                         prog, c, NULL };
  char *got, **lines;
  int status;

  for (int i = 0; i < 2; i++)
    {
      cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, NULL));
      cr_assert_eq (status, 0);
    }
  got = nlp_test_read (all);
  lines = g_strsplit (got, "\n", -1);
  cr_assert_eq (g_strv_length (lines), 2, "the output was read as input: %s", got);
  g_strfreev (lines);
  g_free (got);
  g_free (a);
  g_free (c);
  g_free (all);
  g_free (prog);
}

/* ---- row 6: devices, FIFOs and symbolic links ----------------------------- */

Test (badoutput, symlink_target_is_written_and_the_link_kept)
{
  char *in = put ("in.txt", "Linked output.");
  char *target = put ("target.json", "old");
  char *link_path = at ("link.json");
  char *dangling = at ("dangling.json");
  char *fresh = at ("fresh.json");
  char *got;
  NlpTestRun *r;

  cr_assert_eq (symlink ("target.json", link_path), 0);
  cr_assert_eq (symlink ("fresh.json", dangling), 0);
  r = nlp_test_run (NULL, "-q", "-o", link_path, in, NULL);
  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_assert (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK), "the link was replaced");
  got = nlp_test_read (target);
  cr_assert (strstr (got, "\"Linked output.\""), "target not written: %s", got);
  g_free (got);
  nlp_test_run_free (r);

  r = nlp_test_run (NULL, "-q", "-o", dangling, in, NULL);
  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_assert (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK), "the link was replaced");
  cr_assert (g_file_test (fresh, G_FILE_TEST_IS_REGULAR), "the link's target was not made");
  nlp_test_run_free (r);
  g_free (in);
  g_free (target);
  g_free (link_path);
  g_free (dangling);
  g_free (fresh);
}

Test (badoutput, fifo_is_written_through)
{
  char *in = put ("in.txt", "Through the pipe.");
  char *fifo = at ("pipe");
  char buf[65536];
  gssize n;
  struct stat st;
  int fd;
  NlpTestRun *r;

  cr_assert_eq (mkfifo (fifo, 0644), 0, "%s", g_strerror (errno));
  /* a reader is there (non-blocking), so nlpipe's open does not wait and
   * the small output fits the pipe's buffer */
  fd = open (fifo, O_RDONLY | O_NONBLOCK);
  cr_assert_geq (fd, 0);
  r = nlp_test_run (NULL, "-q", "-o", fifo, in, NULL);
  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_assert_eq (stat (fifo, &st), 0);
  cr_assert (S_ISFIFO (st.st_mode), "the FIFO was replaced by a regular file");
  n = read (fd, buf, sizeof buf - 1);
  cr_assert_gt (n, 0, "nothing came through the FIFO");
  buf[n] = '\0';
  cr_assert (strstr (buf, "\"Through the pipe.\""), "%s", buf);
  close (fd);
  nlp_test_run_free (r);
  g_free (in);
  g_free (fifo);
}

/* As root a null device made in the scratch directory (never /dev/null
 * itself); otherwise /dev/null, which a user cannot replace anyway. */
Test (badoutput, device_is_written_through)
{
  char *in = put ("in.txt", "Into the void.");
  char *dev = geteuid () == 0 ? at ("null") : g_strdup ("/dev/null");
  struct stat st;
  NlpTestRun *r;

  if (geteuid () == 0 && mknod (dev, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_free (in);
      g_free (dev);
      cr_skip_test ("cannot make a device node here (%s)", g_strerror (errno));
    }
  r = nlp_test_run (NULL, "-q", "-o", dev, in, NULL);
  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_assert_eq (stat (dev, &st), 0);
  cr_assert (S_ISCHR (st.st_mode), "%s is no longer a device", dev);
  cr_assert_eq (n_temp_files (), 0);
  nlp_test_run_free (r);
  g_free (in);
  g_free (dev);
}

/* ---- row 7: an existing file keeps its mode (and owner) ------------------- */

Test (badoutput, replaced_file_keeps_mode_and_owner)
{
  char *in = put ("in.txt", "Private output.");
  char *out = put ("p.json", "old\n");
  gboolean root = geteuid () == 0;
  struct stat st;
  NlpTestRun *r;

  cr_assert_eq (g_chmod (out, 0600), 0);
  if (root)
    cr_assert_eq (chown (out, 1234, 5678), 0);
  r = nlp_test_run (NULL, "-q", "-o", out, in, NULL);
  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_assert_eq (stat (out, &st), 0);
  cr_assert_eq (st.st_mode & 07777, 0600, "mode %o", st.st_mode & 07777);
  if (root)
    {
      cr_assert_eq (st.st_uid, 1234);
      cr_assert_eq (st.st_gid, 5678);
    }
  cr_assert_neq (st.st_size, 4, "not replaced");
  nlp_test_run_free (r);
  g_free (in);
  g_free (out);
}

/* ---- row 8: a file and a folder that map to one output name --------------- */

Test (badoutput, file_and_folder_clash)
{
  char *a = put ("d/a.txt", "Alpha went to Paris.");
  char *b = put ("d/a.json/b.txt", "Beta stayed in Rome.");
  char *c = put ("d/c.txt", "Gamma flew to Oslo.");
  char *d = at ("d");
  char *out = at ("out/");
  char *want = g_strdup_printf ("document '%s': cannot write %sa.json: a directory of that "
                                "name is there (another input's output?); rename one of "
                                "them", a, out);
  char *out_b = at ("out/a.json/b.json");
  char *out_c = at ("out/c.json");
  NlpTestRun *r = nlp_test_run (NULL, "-o", out, d, NULL);

  cr_assert_eq (r->status, 1, "%s", r->err);
  assert_stderr (r, 2, want);
  cr_assert (strstr (r->err, " read, 2 written, 1 failed"), "%s", r->err);
  cr_assert (g_file_test (out_b, G_FILE_TEST_IS_REGULAR));
  cr_assert (g_file_test (out_c, G_FILE_TEST_IS_REGULAR));
  nlp_test_run_free (r);
  g_free (a);
  g_free (b);
  g_free (c);
  g_free (d);
  g_free (out);
  g_free (want);
  g_free (out_b);
  g_free (out_c);
}

/* the other order: the file's output is there before the folder's */
Test (badoutput, folder_and_file_clash)
{
  char *a = put ("e/a.md", "Alpha went to Paris.");
  char *b = put ("e/a.txt/b.txt", "Beta stayed in Rome.");
  char *e = at ("e");
  char *out = at ("out/");
  char *out_a = at ("out/a.txt");
  NlpTestRun *r = nlp_test_run (NULL, "-f", "text", "-o", out, e, NULL);

  cr_assert_eq (r->status, 1, "%s", r->err);
  assert_stderr (r, 2, "cannot write");
  cr_assert (strstr (r->err, "a file stands where its directory would be"), "%s", r->err);
  cr_assert (strstr (r->err, " read, 1 written, 1 failed"), "%s", r->err);
  cr_assert (g_file_test (out_a, G_FILE_TEST_IS_REGULAR));
  nlp_test_run_free (r);
  g_free (a);
  g_free (b);
  g_free (e);
  g_free (out);
  g_free (out_a);
}

/* ---- row 9: an output that fails at the end is not counted written -------- */

/* /dev/full, reached through a link in the scratch directory: the small
 * output sits in the stream's buffer, so the failure comes when the file
 * is completed. */
Test (badoutput, full_output_file_counts_nothing_written)
{
  char *in = put ("in.txt", "Lost to a full disk.");
  char *full = at ("full.json");
  char *want = g_strdup_printf ("cannot write %s: No space left on device", full);
  NlpTestRun *r;

  cr_assert_eq (symlink ("/dev/full", full), 0);
  r = nlp_test_run (NULL, "-o", full, in, NULL);
  cr_assert_eq (r->status, 1, "%s", r->err);
  cr_assert (strstr (r->err, want), "%s", r->err);
  cr_assert (strstr (r->err, " read, 0 written, 1 failed"), "%s", r->err);
  cr_assert (g_file_test (full, G_FILE_TEST_IS_SYMLINK));
  cr_assert_eq (n_temp_files (), 0);
  nlp_test_run_free (r);
  g_free (in);
  g_free (full);
  g_free (want);
}

Test (badoutput, full_output_dir_file_counts_nothing_written)
{
  char *a = put ("a.txt", "Lost to a full disk.");
  char *b = put ("b.txt", "Never processed.");
  char *out = at ("out/");
  char *full = at ("out/a.json");
  NlpTestRun *r;

  cr_assert_eq (g_mkdir (out, 0755), 0);
  cr_assert_eq (symlink ("/dev/full", full), 0);
  r = nlp_test_run (NULL, "-o", out, a, b, NULL);
  cr_assert_eq (r->status, 1, "%s", r->err);
  cr_assert (strstr (r->err, "No space left on device"), "%s", r->err);
  cr_assert (strstr (r->err, ", 0 written"), "%s", r->err);
  nlp_test_run_free (r);
  g_free (a);
  g_free (b);
  g_free (out);
  g_free (full);
}

/* ---- row 13: signals remove the temporary file ---------------------------- */

static void
signal_during_run (int sig)
{
  char *good = put ("good.txt", "A good document.");
  char *boom = put ("boom.txt", "This one says BOOM and hangs.");
  char *out = put ("out.json", "old\n");
  char *plugins = plugin_dir ();
  char *prog = g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL);
  const char *argv[] = { prog, "-q", "-j", "2", "--plugin-path", plugins,
                         "-p", "tokenize,misbehave", "--set", "misbehave.how=hang",
                         "-o", out, good, boom, NULL };
  GError *error = NULL;
  GSubprocess *proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                         | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

  cr_assert_not_null (proc, "%s", error ? error->message : "");
  /* the temporary file is made once the handlers are in place */
  while (n_temp_files () == 0)
    g_usleep (10000);
  g_subprocess_send_signal (proc, sig);
  cr_assert (g_subprocess_wait (proc, NULL, NULL));
  cr_assert (g_subprocess_get_if_signaled (proc), "exited instead of dying by the signal");
  cr_assert_eq (g_subprocess_get_term_sig (proc), sig);
  cr_assert_eq (n_temp_files (), 0, "the temporary file was left");
  assert_contents (out, "old\n");
  g_object_unref (proc);
  g_free (good);
  g_free (boom);
  g_free (out);
  g_free (plugins);
  g_free (prog);
}

Test (badoutput, sigint_removes_the_temporary_file)  { signal_during_run (SIGINT); }
Test (badoutput, sigterm_removes_the_temporary_file) { signal_during_run (SIGTERM); }
Test (badoutput, sighup_removes_the_temporary_file)  { signal_during_run (SIGHUP); }

/* ---- row 14: a stage that ends the process -------------------------------- */

static void
stage_ends_process (const char *how, int want_status, const char *want_what)
{
  char *good = put ("good.txt", "A good document.");
  char *boom = put ("boom.txt", "This one says BOOM.");
  char *out = at ("out.json");
  char *plugins = plugin_dir ();
  char *set = g_strdup_printf ("misbehave.how=%s", how);
  char *want = g_strdup_printf ("nlpipe: stage 'misbehave' %s on document '%s'; ",
                                want_what, boom);
  NlpTestRun *r = nlp_test_run (NULL, "-q", "-j", "2", "--plugin-path", plugins,
                                "-p", "tokenize,misbehave", "--set", set, "-o", out,
                                good, boom, NULL);

  /* g_error traps where GLib breaks into a debugger, aborts elsewhere */
  if (strcmp (how, "gerror") == 0 && r->status == 128 + SIGABRT)
    {
      g_free (want);
      want = g_strdup_printf ("nlpipe: stage 'misbehave' aborted (SIGABRT) on document "
                              "'%s'; ", boom);
      want_status = 128 + SIGABRT;
    }
  cr_assert_eq (r->status, want_status, "%s: status %d: %s", how, r->status, r->err);
  cr_assert (strstr (r->err, want), "%s: no '%s' on stderr: %s", how, want, r->err);
  cr_assert_eq (n_temp_files (), 0, "%s: the temporary file was left", how);
  cr_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  nlp_test_run_free (r);
  g_free (good);
  g_free (boom);
  g_free (out);
  g_free (plugins);
  g_free (set);
  g_free (want);
}

Test (badoutput, stage_calls_exit)
{
  stage_ends_process ("exit", 4, "called exit(7)");
}

Test (badoutput, stage_aborts)
{
  stage_ends_process ("abort", 128 + SIGABRT, "aborted (SIGABRT)");
}

Test (badoutput, stage_segfaults)
{
  stage_ends_process ("segv", 128 + SIGSEGV, "crashed (SIGSEGV, invalid memory access)");
}

/* the handler runs on the worker's alternate signal stack */
Test (badoutput, stage_overflows_its_stack)
{
  stage_ends_process ("overflow", 128 + SIGSEGV, "crashed (SIGSEGV, invalid memory access)");
}

Test (badoutput, stage_calls_g_error)
{
  stage_ends_process ("gerror", 128 + SIGTRAP,
                      "stopped the process (SIGTRAP: g_error or a breakpoint)");
}
