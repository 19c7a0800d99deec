/* test-badinput.c — the bad-input matrix of docs/robustness.md.
 *
 * Each row runs the built nlpipe on a good document, the bad input and
 * another good document, and checks the exit code, the one-line message on
 * stderr, and that both good documents are written: one bad input never
 * costs another document.  Big inputs are made here, at test time.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "badinput.h"

TestSuite (badinput, .init = badinput_setup, .fini = badinput_teardown, .timeout = 120);

/* (transfer full) the texts of @layer's rows in output document @d
 * (offsets are code points). */
static GPtrArray *
span_texts (JsonObject *d, const char *layer)
{
  const char *text = json_object_get_string_member (d, "text");
  JsonArray *rows = json_object_get_array_member (json_object_get_object_member (d, "layers"),
                                                  layer);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *s = g_utf8_offset_to_pointer (text, json_object_get_int_member (row, "start"));
      const char *e = g_utf8_offset_to_pointer (text, json_object_get_int_member (row, "end"));
      g_ptr_array_add (out, g_strndup (s, e - s));
    }
  return out;
}

static gboolean
has_text (GPtrArray *texts, const char *want)
{
  for (guint i = 0; i < texts->len; i++)
    if (strcmp (texts->pdata[i], want) == 0)
      return TRUE;
  return FALSE;
}

/* ---- empty and blank ---------------------------------------------------- */

Test (badinput, empty_file_is_an_empty_document)
{
  char *bad = put ("empty.txt", "", 0);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 0, NULL);
  cr_assert_eq (r->docs->len, 3);
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 1), "text"), "");
  result_free (r);
  g_free (bad);
}

Test (badinput, whitespace_only_has_no_tokens)
{
  char *bad = put ("blank.txt", " \t\n\r\n  \n", -1);
  Result *r = sandwich (NULL, bad);
  GPtrArray *tokens;

  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 0, NULL);
  cr_assert_eq (r->docs->len, 3);
  tokens = span_texts (doc_at (r, 1), "token");
  cr_assert_eq (tokens->len, 0);
  g_ptr_array_unref (tokens);
  result_free (r);
  g_free (bad);
}

/* ---- encodings ---------------------------------------------------------- */

Test (badinput, invalid_utf8_is_rejected_by_default)
{
  char *bad = put ("latin1.txt", "First line.\ncaf\xe9 cr\xe8me\n", -1);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "latin1.txt: invalid UTF-8 at line 2 (byte offset 15); "
                 "convert it to UTF-8 or use --invalid-utf8=replace");
  cr_assert_eq (r->docs->len, 2);
  result_free (r);
  g_free (bad);
}

Test (badinput, invalid_utf8_replaced_on_request)
{
  char *bad = put ("latin1.txt", "caf\xe9 cr\xe8me br\xfbl\xe9" "e.", -1);
  const char *opts[] = { "--invalid-utf8=replace", NULL };
  Result *r = sandwich (opts, bad);

  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 1, "warning: ");
  cr_assert (strstr (r->run->err, "replaced 4 invalid UTF-8 sequences with U+FFFD"),
             "%s", r->run->err);
  cr_assert_eq (r->docs->len, 3);
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 1), "text"),
                    "caf\xef\xbf\xbd cr\xef\xbf\xbdme br\xef\xbf\xbdl\xef\xbf\xbd" "e.");
  result_free (r);
  g_free (bad);
}

Test (badinput, nul_bytes)
{
  char *bad = put ("nul.txt", "one\0two\0", 8);
  const char *replace[] = { "--invalid-utf8=replace", NULL };
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "nul.txt: NUL byte (binary data?) at line 1 (byte offset 3)");
  cr_assert_eq (r->docs->len, 2);
  result_free (r);

  r = sandwich (replace, bad);
  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 1, "replaced 2 invalid UTF-8 sequences");
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 1), "text"),
                    "one\xef\xbf\xbdtwo\xef\xbf\xbd");
  result_free (r);
  g_free (bad);
}

Test (badinput, binary_png)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 10,
    'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d,
    0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82
  };
  char *bad = put ("pixel.png", png, sizeof png);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "pixel.png: invalid UTF-8 at line 1 (byte offset 0)");
  cr_assert_eq (r->docs->len, 2);
  result_free (r);
  g_free (bad);
}

Test (badinput, byte_order_mark_is_dropped)
{
  char *bad = put ("bom.txt", "\xef\xbb\xbfHello from Paris.", -1);
  char *jsonl = put ("bom.jsonl", "\xef\xbb\xbf{\"id\":\"b1\",\"text\":\"After a BOM.\"}\n", -1);
  Result *r = sandwich (NULL, bad);
  GPtrArray *tokens = span_texts (doc_at (r, 1), "token");

  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 0, NULL);
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 1), "text"), "Hello from Paris.");
  cr_assert_str_eq (tokens->pdata[0], "Hello");
  g_ptr_array_unref (tokens);
  result_free (r);

  r = sandwich (NULL, jsonl);          /* the first record is not lost */
  cr_assert_eq (r->run->status, 0, "%s", r->run->err);
  cr_assert_str_eq (doc_id (r, 1), "b1");
  result_free (r);
  g_free (bad);
  g_free (jsonl);
}

Test (badinput, crlf_and_cr_line_endings)
{
  const char *texts[] = { "Title line\r\n\r\nFirst sentence here. Second one!\r\nThird line.",
                          "Title line\r\rFirst sentence here. Second one!\rThird line." };
  for (guint i = 0; i < 2; i++)
    {
      char *bad = put (i ? "cr.txt" : "crlf.txt", texts[i], -1);
      Result *r = sandwich (NULL, bad);
      GPtrArray *sentences = span_texts (doc_at (r, 1), "sentence");
      GPtrArray *tokens = span_texts (doc_at (r, 1), "token");

      cr_assert_eq (r->run->status, 0);
      assert_stderr (r->run, 0, NULL);
      cr_assert_eq (sentences->len, 4, "%s: %u sentences", bad, sentences->len);
      cr_assert (has_text (sentences, "Title line"));
      cr_assert (has_text (sentences, "Third line."));
      for (guint t = 0; t < tokens->len; t++)
        cr_assert (strpbrk (tokens->pdata[t], "\r\n") == NULL, "token with a line end");
      g_ptr_array_unref (sentences);
      g_ptr_array_unref (tokens);
      result_free (r);
      g_free (bad);
    }
}

/* ---- sizes -------------------------------------------------------------- */

/* 100 MB with no line end.  tokenize,sentence only, and no output: the
 * default chain and the JSON of 20 million tokens would take most of a
 * minute; the reader and the line-free splitter are what this row tests. */
Test (badinput, hundred_megabyte_single_line)
{
  static const char unit[] = "The quick brown fox jumps over the lazy dog near Anchorage. ";
  gsize size = 100u << 20;
  GString *big = g_string_sized_new (size);
  char *before = put ("good-before.txt", GOOD_BEFORE, -1);
  char *after = put ("good-after.txt", GOOD_AFTER, -1);
  char *bad;
  NlpTestRun *run;

  while (big->len + sizeof unit - 1 <= size)
    g_string_append_len (big, unit, sizeof unit - 1);
  bad = put ("line.txt", big->str, (gssize) big->len);
  g_string_free (big, TRUE);
  run = nlp_test_run (NULL, "-p", "tokenize,sentence", "-f", "none", before, bad, after, NULL);
  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert (strstr (run->err, "3 documents read, 3 written, 0 failed"), "%s", run->err);
  nlp_test_run_free (run);
  g_free (before);
  g_free (after);
  g_free (bad);
}

Test (badinput, one_megabyte_token)
{
  GString *text = g_string_new ("Before the token. ");
  Result *r;
  char *bad;
  GPtrArray *tokens;
  gsize longest = 0;

  for (guint i = 0; i < (1u << 20); i++)
    g_string_append_c (text, 'x');
  g_string_append (text, " after it.");
  bad = put ("token.txt", text->str, (gssize) text->len);
  r = sandwich (NULL, bad);
  cr_assert_eq (r->run->status, 0, "%s", r->run->err);
  tokens = span_texts (doc_at (r, 1), "token");
  for (guint i = 0; i < tokens->len; i++)
    longest = MAX (longest, strlen (tokens->pdata[i]));
  cr_assert_eq (longest, 1u << 20);
  g_ptr_array_unref (tokens);
  result_free (r);
  g_string_free (text, TRUE);
  g_free (bad);
}

Test (badinput, million_punctuation_characters)
{
  static const char marks[] = "!?.,;:-\"()";
  GString *text = g_string_sized_new (1000000);
  Result *r;
  char *bad;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, marks[i % (sizeof marks - 1)]);
  bad = put ("punct.txt", text->str, (gssize) text->len);
  r = sandwich (NULL, bad);
  cr_assert_eq (r->run->status, 0, "%s", r->run->err);
  cr_assert_eq (r->docs->len, 3);
  result_free (r);
  g_string_free (text, TRUE);
  g_free (bad);
}

Test (badinput, max_doc_bytes)
{
  char *long_text = g_strnfill (101, 'a');
  char *bad = put ("long.txt", long_text, -1);
  const char *opts[] = { "--max-doc-bytes=100", NULL };
  char *record = g_strdup_printf ("{\"id\":\"short\",\"text\":\"Short.\"}\n"
                                  "{\"id\":\"long\",\"text\":\"%s\"}\n", long_text);
  char *jsonl = put ("long.jsonl", record, -1);
  Result *r = sandwich (opts, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "long.txt: document is 101 bytes, over the --max-doc-bytes "
                 "limit of 100; raise the limit or split the document");
  cr_assert_eq (r->docs->len, 2);
  result_free (r);

  r = sandwich (opts, jsonl);
  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "long.jsonl:2: document is 101 bytes");
  cr_assert_eq (r->docs->len, 3);
  cr_assert_str_eq (doc_id (r, 1), "short");
  result_free (r);
  g_free (bad);
  g_free (jsonl);
  g_free (record);
  g_free (long_text);
}

/* ---- scripts ------------------------------------------------------------ */

#define SCRIPTS "Москва — столица России. Он сказал: «Да!»\n" \
  "القاهرة هي عاصمة مصر. قال الرئيس إن الاتفاق مهم.\n" \
  "東京は日本の首都です。今日は晴れ！北京欢迎你。"

Test (badinput, cyrillic_arabic_cjk)
{
  char *bad = put ("scripts.txt", SCRIPTS, -1);
  Result *r = sandwich (NULL, bad);
  GPtrArray *sentences = span_texts (doc_at (r, 1), "sentence");
  GPtrArray *tokens = span_texts (doc_at (r, 1), "token");
  const char *words[] = { "Москва", "России", "сказал", "القاهرة", "مصر", "الاتفاق", NULL };
  const char *whole[] = { "Москва — столица России.", "Он сказал: «Да!»",
                          "القاهرة هي عاصمة مصر.", "قال الرئيس إن الاتفاق مهم.", NULL };

  cr_assert_eq (r->run->status, 0, "%s", r->run->err);
  for (guint i = 0; words[i]; i++)
    cr_assert (has_text (tokens, words[i]), "no token %s", words[i]);
  for (guint i = 0; whole[i]; i++)
    cr_assert (has_text (sentences, whole[i]), "no sentence %s", whole[i]);
  /* CJK has no spaces: whatever the segmentation, punctuation stands alone
   * and no token runs across it */
  cr_assert (has_text (tokens, "。") && has_text (tokens, "！"));
  for (guint i = 0; i < tokens->len; i++)
    cr_assert (strcmp (tokens->pdata[i], "。") == 0 || !strstr (tokens->pdata[i], "。"),
               "token %s", (char *) tokens->pdata[i]);
  g_ptr_array_unref (sentences);
  g_ptr_array_unref (tokens);
  result_free (r);
  g_free (bad);
}

/* CJK full stops (U+3002) and fullwidth marks (U+FF01) end sentences with
 * no space after them. */
Test (badinput, cjk_sentences)
{
  char *bad = put ("cjk.txt", "東京は日本の首都です。今日は晴れ！北京欢迎你。", -1);
  Result *r = sandwich (NULL, bad);
  GPtrArray *sentences = span_texts (doc_at (r, 1), "sentence");

  cr_assert_eq (sentences->len, 3);
  cr_assert (has_text (sentences, "今日は晴れ！"));
  g_ptr_array_unref (sentences);
  result_free (r);
  g_free (bad);
}

/* ---- paths -------------------------------------------------------------- */

Test (badinput, nonexistent_path)
{
  char *bad = g_build_filename (scratch, "no-such-file.txt", NULL);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "no-such-file.txt");
  cr_assert (strstr (r->run->err, "no such file or directory; check the path"), "%s",
             r->run->err);
  cr_assert_eq (r->docs->len, 2);
  result_free (r);
  g_free (bad);
}

Test (badinput, symlink_loop_in_a_directory)
{
  char *dir = g_build_filename (scratch, "tree", NULL);
  char *sub = g_build_filename (dir, "sub", NULL);
  char *up = g_build_filename (sub, "up", NULL);
  char *a, *b;
  Result *r;

  cr_assert_eq (g_mkdir_with_parents (sub, 0755), 0);
  a = put ("tree/a.txt", "Alpha text.", -1);
  b = put ("tree/sub/b.txt", "Beta text.", -1);
  cr_assert_eq (symlink ("..", up), 0);          /* tree/sub/up -> tree */
  r = sandwich (NULL, dir);
  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "up: directory already read (a symbolic-link loop?); skipped");
  cr_assert_eq (r->docs->len, 4, "each file once: %s", r->run->out);
  cr_assert_str_eq (doc_id (r, 1), a);
  cr_assert_str_eq (doc_id (r, 2), b);
  result_free (r);
  g_free (a);
  g_free (b);
  g_free (up);
  g_free (sub);
  g_free (dir);
}

/* chmod 000 does not stop root (CI runs as root): then a dangling
 * symbolic link stands for the file that cannot be opened. */
Test (badinput, unreadable_file)
{
  char *dir = g_build_filename (scratch, "locked", NULL);
  char *bad = g_build_filename (dir, "secret.txt", NULL);
  Result *r;

  cr_assert_eq (g_mkdir (dir, 0755), 0);
  if (geteuid () == 0)
    cr_assert_eq (symlink ("/nonexistent/target.txt", bad), 0);
  else
    {
      g_free (put ("locked/secret.txt", "Nobody may read this.", -1));
      cr_assert_eq (g_chmod (bad, 0), 0);
    }
  r = sandwich (NULL, dir);
  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "secret.txt");
  cr_assert (strstr (r->run->err, geteuid () == 0 ? "no such file or directory; check the path"
                     : "Permission denied"), "%s", r->run->err);
  cr_assert_eq (r->docs->len, 2);
  result_free (r);
  g_free (bad);
  g_free (dir);
}

/* A FIFO met in a directory walk used to block nlpipe for ever. */
Test (badinput, fifo_in_a_directory)
{
  char *dir = g_build_filename (scratch, "special", NULL);
  char *fifo = g_build_filename (dir, "pipe", NULL);
  Result *r;

  cr_assert_eq (g_mkdir (dir, 0755), 0);
  cr_assert_eq (mkfifo (fifo, 0644), 0, "%s", g_strerror (errno));
  g_free (put ("special/text.txt", "Read me.", -1));
  r = sandwich (NULL, dir);
  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 1, "pipe: not a regular file (a FIFO, socket or device); "
                 "skipped; name it on the command line to read it");
  cr_assert_eq (r->docs->len, 3);
  result_free (r);
  g_free (fifo);
  g_free (dir);
}

/* ---- JSON Lines --------------------------------------------------------- */

Test (badinput, broken_json_lines)
{
  char *bad = put ("broken.jsonl",
                   "{\"id\":\"j1\",\"text\":\"First record.\"}\n"
                   "{\"id\":\"j2\",\"text\":\n"
                   "\"just a string\"\n"
                   "{\"id\":\"j4\",\"text\":42}\n"
                   "{\"id\":\"j5\"}\n"
                   "\n"
                   "{\"id\":\"j7\",\"text\":\"Last record.\"}\n", -1);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 4, "broken.jsonl:2: not valid JSON");
  cr_assert (strstr (r->run->err, "broken.jsonl:3: a JSON Lines record must be an object"));
  cr_assert (strstr (r->run->err, "broken.jsonl:4: \"text\" is not a string"));
  cr_assert (strstr (r->run->err, "broken.jsonl:5: no \"text\" member"));
  cr_assert_eq (r->docs->len, 4);
  cr_assert_str_eq (doc_id (r, 1), "j1");
  cr_assert_str_eq (doc_id (r, 2), "j7");
  result_free (r);
  g_free (bad);
}

/* Ids are the user's: a duplicate is kept and written in its place (the
 * output is in input order), not warned about — remembering every id of
 * an endless stream would break the bounded-memory promise. */
Test (badinput, duplicate_ids_are_kept)
{
  char *bad = put ("dup.jsonl", "{\"id\":\"same\",\"text\":\"One.\"}\n"
                   "{\"id\":\"same\",\"text\":\"Two.\"}\n", -1);
  Result *r = sandwich (NULL, bad);

  cr_assert_eq (r->run->status, 0);
  assert_stderr (r->run, 0, NULL);
  cr_assert_eq (r->docs->len, 4);
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 1), "text"), "One.");
  cr_assert_str_eq (json_object_get_string_member (doc_at (r, 2), "text"), "Two.");
  result_free (r);
  g_free (bad);
}
