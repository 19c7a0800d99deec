/* test-reader.c — files, directories and JSON Lines to documents; bad
 * items are reported and reading goes on. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "scratch-dir.h"

static char *tmpdir;

static void
setup (void)
{
  tmpdir = nlp_test_tmpdir_new ();
}

static void
teardown (void)
{
  nlp_test_tmpdir_remove (tmpdir);
}

TestSuite (reader, .init = setup, .fini = teardown);

/* Writes @len bytes (-1: a string) to @name under the scratch directory,
 * making parent directories: (transfer full) the path. */
static char *
put (const char *name, const char *contents, gssize len)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  char *dir = g_path_get_dirname (path);

  cr_assert_eq (g_mkdir_with_parents (dir, 0755), 0);
  cr_assert (g_file_set_contents (path, contents, len, NULL));
  g_free (dir);
  return path;
}

typedef struct {
  GPtrArray *docs;             /* NlpDocument * */
  GPtrArray *errors;           /* GError * */
  GPtrArray *warnings;         /* char * */
} Items;

/* Reads everything @inputs give with @options: documents, errors and
 * warnings in order. */
static Items
read_reader (NlpReader *reader)
{
  Items items = {
    g_ptr_array_new_with_free_func ((GDestroyNotify) nlp_document_free),
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  NlpDocument *doc;
  char *warning = NULL;
  GError *error = NULL;

  for (guint guard = 0; nlp_reader_next (reader, &doc, &warning, &error); guard++)
    {
      cr_assert_lt (guard, 1000, "the reader does not stop");
      cr_assert ((doc != NULL) != (error != NULL), "a document or an error");
      if (doc)
        g_ptr_array_add (items.docs, doc);
      if (error)
        g_ptr_array_add (items.errors, error);
      if (warning)
        g_ptr_array_add (items.warnings, warning);
      error = NULL;
      warning = NULL;
    }
  nlp_reader_free (reader);
  return items;
}

static Items
read_all (const char *const *inputs, const NlpReaderOptions *options)
{
  return read_reader (nlp_reader_new (inputs, options));
}

static void
items_free (Items *items)
{
  g_ptr_array_unref (items->docs);
  g_ptr_array_unref (items->errors);
  g_ptr_array_unref (items->warnings);
}

#define DOC(items, i) ((NlpDocument *) g_ptr_array_index ((items).docs, (i)))
#define ERR(items, i) ((GError *) g_ptr_array_index ((items).errors, (i)))
#define TEXT(items, i) nlp_document_get_text (DOC (items, i), NULL)

Test (reader, a_text_file_is_one_document_named_by_its_path)
{
  char *path = put ("a.txt", "Hello.\nSecond line.\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.docs->len, 1);
  cr_assert_eq (items.errors->len, 0);
  cr_assert_str_eq (TEXT (items, 0), "Hello.\nSecond line.\n");
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 0)), path);
  cr_assert_str_eq (nlp_document_get_meta (DOC (items, 0), "source"), path);
  items_free (&items);
  g_free (path);
}

Test (reader, inputs_are_read_in_the_order_given)
{
  char *b = put ("b.txt", "B", -1), *a = put ("a.txt", "A", -1);
  const char *inputs[] = { b, a, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.docs->len, 2);
  cr_assert_str_eq (TEXT (items, 0), "B");
  cr_assert_str_eq (TEXT (items, 1), "A");
  items_free (&items);
  g_free (a);
  g_free (b);
}

Test (reader, directories_are_walked_recursively_sorted_and_filtered)
{
  const char *inputs[] = { tmpdir, NULL };
  NlpReaderOptions options = { .glob = "*.txt" };
  Items items;

  g_free (put ("b.txt", "b", -1));
  g_free (put ("a.txt", "a", -1));
  g_free (put ("notes.md", "skipped by the glob", -1));
  g_free (put ("sub/c.txt", "c", -1));
  g_free (put ("sub/deeper/d.txt", "d", -1));
  g_free (put ("z.txt", "z", -1));
  g_free (put (".hidden.txt", "hidden", -1));
  g_free (put (".git/config.txt", "hidden directory", -1));
  items = read_all (inputs, &options);
  cr_assert_eq (items.errors->len, 0);
  cr_assert_eq (items.docs->len, 5);
  cr_assert_str_eq (TEXT (items, 0), "a");
  cr_assert_str_eq (TEXT (items, 1), "b");
  cr_assert_str_eq (TEXT (items, 2), "c");
  cr_assert_str_eq (TEXT (items, 3), "d");
  cr_assert_str_eq (TEXT (items, 4), "z");
  items_free (&items);
}

Test (reader, without_a_glob_every_visible_file_is_read)
{
  const char *inputs[] = { tmpdir, NULL };
  Items items;

  g_free (put ("a.txt", "a", -1));
  g_free (put ("notes.md", "md", -1));
  g_free (put (".hidden", "hidden", -1));
  items = read_all (inputs, NULL);
  cr_assert_eq (items.docs->len, 2);
  cr_assert_str_eq (TEXT (items, 1), "md");
  items_free (&items);
}

Test (reader, a_symlink_loop_is_reported_once_and_reading_goes_on)
{
  const char *inputs[] = { tmpdir, NULL };
  char *loop = g_build_filename (tmpdir, "sub", "loop", NULL);
  Items items;

  g_free (put ("a.txt", "a", -1));
  g_free (put ("sub/b.txt", "b", -1));
  cr_assert_eq (symlink ("..", loop), 0);
  items = read_all (inputs, NULL);
  cr_assert_eq (items.docs->len, 2);
  cr_assert_eq (items.errors->len, 1);
  cr_assert_not_null (strstr (ERR (items, 0)->message, "loop"), "%s", ERR (items, 0)->message);
  cr_assert_not_null (strstr (ERR (items, 0)->message, loop), "%s", ERR (items, 0)->message);
  items_free (&items);
  g_free (loop);
}

Test (reader, a_missing_file_is_an_error_and_the_next_input_is_read)
{
  char *missing = g_build_filename (tmpdir, "missing.txt", NULL);
  char *ok = put ("ok.txt", "fine", -1);
  const char *inputs[] = { missing, ok, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_IO));
  cr_assert_not_null (strstr (ERR (items, 0)->message, missing), "%s", ERR (items, 0)->message);
  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (TEXT (items, 0), "fine");
  items_free (&items);
  g_free (missing);
  g_free (ok);
}

Test (reader, a_byte_order_mark_is_stripped)
{
  char *path = put ("bom.txt", "\xEF\xBB\xBFText after a BOM", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_str_eq (TEXT (items, 0), "Text after a BOM");
  items_free (&items);
  g_free (path);
}

Test (reader, invalid_utf8_is_rejected_with_line_and_byte)
{
  char *bad = put ("latin1.txt", "ok\ncaf\xe9 au lait\n", -1);
  char *good = put ("utf8.txt", "café", -1);
  const char *inputs[] = { bad, good, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (ERR (items, 0)->message, bad), "%s", ERR (items, 0)->message);
  cr_assert_not_null (strstr (ERR (items, 0)->message, "line 2 (byte offset 6)"), "%s",
                      ERR (items, 0)->message);
  cr_assert_not_null (strstr (ERR (items, 0)->message, "--invalid-utf8=replace"), "%s",
                      ERR (items, 0)->message);
  cr_assert_eq (items.docs->len, 1);
  items_free (&items);
  g_free (bad);
  g_free (good);
}

Test (reader, invalid_utf8_is_replaced_with_a_warning_on_request)
{
  char *bad = put ("latin1.txt", "caf\xe9 cr\xe8me \xc3\x28!", -1);
  const char *inputs[] = { bad, NULL };
  NlpReaderOptions options = { .encoding = NLP_ENCODING_REPLACE };
  Items items = read_all (inputs, &options);

  cr_assert_eq (items.errors->len, 0);
  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (TEXT (items, 0), "caf\uFFFD cr\uFFFDme \uFFFD(!");
  cr_assert_eq (items.warnings->len, 1);
  cr_assert_not_null (strstr (g_ptr_array_index (items.warnings, 0),
                              "replaced 3 invalid UTF-8 sequences"), "%s",
                      (char *) g_ptr_array_index (items.warnings, 0));
  items_free (&items);
  g_free (bad);
}

Test (reader, a_nul_byte_is_rejected)
{
  char *bin = put ("binary.dat", "abc\0def", 7);
  const char *inputs[] = { bin, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (ERR (items, 0)->message, "NUL"), "%s", ERR (items, 0)->message);
  items_free (&items);
  g_free (bin);
}

Test (reader, documents_over_max_doc_bytes_fail_and_the_rest_go_on)
{
  char *big = put ("big.txt", "0123456789abcdef", -1);
  char *small = put ("small.txt", "0123456789", -1);
  const char *inputs[] = { big, small, NULL };
  NlpReaderOptions options = { .max_doc_bytes = 10 };
  Items items = read_all (inputs, &options);

  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_TOO_LARGE));
  cr_assert_not_null (strstr (ERR (items, 0)->message, "16 bytes"), "%s", ERR (items, 0)->message);
  cr_assert_not_null (strstr (ERR (items, 0)->message, "--max-doc-bytes"), "%s",
                      ERR (items, 0)->message);
  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (TEXT (items, 0), "0123456789");
  items_free (&items);
  g_free (big);
  g_free (small);
}

Test (reader, bytes_read_and_total_bytes_are_counted)
{
  char *a = put ("a.txt", "12345", -1), *b = put ("b.txt", "123", -1);
  const char *inputs[] = { a, b, NULL };
  NlpReader *reader = nlp_reader_new (inputs, NULL);
  NlpDocument *doc;

  cr_assert_eq (nlp_reader_get_total_bytes (reader), 8);
  cr_assert (nlp_reader_next (reader, &doc, NULL, NULL));
  cr_assert_eq (nlp_reader_get_bytes_read (reader), 5);
  nlp_document_free (doc);
  nlp_reader_free (reader);
  g_free (a);
  g_free (b);
}

/* ---- JSON Lines ---------------------------------------------------------- */

Test (reader, jsonl_ids_may_be_strings_numbers_or_missing)
{
  char *path = put ("in.jsonl",
                    "{\"id\": \"a1\", \"text\": \"first\"}\n"
                    "{\"id\": 42, \"text\": \"second\"}\n"
                    "{\"text\": \"third\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);
  char *where = g_strdup_printf ("%s:3", path);

  cr_assert_eq (items.docs->len, 3);
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 0)), "a1");
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 1)), "42");
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 2)), where);
  cr_assert_str_eq (TEXT (items, 1), "second");
  cr_assert_str_eq (nlp_document_get_meta (DOC (items, 0), "source"), path);
  items_free (&items);
  g_free (where);
  g_free (path);
}

Test (reader, jsonl_extra_fields_are_kept)
{
  char *path = put ("in.ndjson",
                    "{\"id\": \"a\", \"lang\": \"en\", \"text\": \"x\", "
                    "\"tags\": [\"news\"], \"n\": 3}\n"
                    "{\"id\": \"b\", \"text\": \"y\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);
  JsonObject *extra;

  cr_assert_eq (items.docs->len, 2);
  extra = json_node_get_object (nlp_document_get_extra (DOC (items, 0)));
  cr_assert_eq (json_object_get_size (extra), 3);
  cr_assert_str_eq (json_object_get_string_member (extra, "lang"), "en");
  cr_assert_eq (json_object_get_int_member (extra, "n"), 3);
  cr_assert_str_eq (json_array_get_string_element (
                      json_object_get_array_member (extra, "tags"), 0), "news");
  cr_assert_null (nlp_document_get_extra (DOC (items, 1)));
  items_free (&items);
  g_free (path);
}

Test (reader, jsonl_bad_lines_name_file_and_line_and_reading_goes_on)
{
  char *path = put ("in.jsonl",
                    "{\"id\": \"a\", \"text\": \"ok\"}\n"
                    "\n"
                    "{\"id\": \"b\", \"text\": \n"
                    "{\"id\": \"c\", \"text\": 5}\n"
                    "{\"id\": \"d\"}\n"
                    "[\"not\", \"an object\"]\n"
                    "   \n"
                    "{\"id\": \"e\", \"text\": \"still read\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);
  static const struct { guint line; const char *what; } expect[] = {
    { 3, "not valid JSON" },
    { 4, "\"text\" is not a string" },
    { 5, "no \"text\" member" },
    { 6, "must be an object" },
  };

  cr_assert_eq (items.docs->len, 2);
  cr_assert_str_eq (TEXT (items, 1), "still read");
  cr_assert_eq (items.errors->len, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      char *where = g_strdup_printf ("%s:%u:", path, expect[i].line);
      GError *e = ERR (items, i);
      cr_assert (g_error_matches (e, NLP_ERROR, NLP_ERROR_INPUT), "%s", e->message);
      cr_assert (g_str_has_prefix (e->message, where), "%s does not start %s", e->message, where);
      cr_assert_not_null (strstr (e->message, expect[i].what), "%s", e->message);
      g_free (where);
    }
  items_free (&items);
  g_free (path);
}

Test (reader, jsonl_text_escapes_are_decoded)
{
  char *path = put ("in.jsonl",
                    "{\"id\": \"u\", \"text\": \"caf\\u00e9 \\\"q\\\"\\n\\ud83d\\ude00\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (TEXT (items, 0), "café \"q\"\n\U0001F600");
  items_free (&items);
  g_free (path);
}

Test (reader, jsonl_format_can_be_forced_for_any_name)
{
  char *path = put ("records.txt", "{\"id\": \"r\", \"text\": \"forced\"}\n", -1);
  const char *inputs[] = { path, NULL };
  NlpReaderOptions options = { .format = NLP_INPUT_JSONL };
  Items items = read_all (inputs, &options);

  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 0)), "r");
  items_free (&items);
  g_free (path);
}

Test (reader, jsonl_with_a_byte_order_mark_reads_its_first_record)
{
  char *path = put ("bom.jsonl", "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);

  cr_assert_eq (items.errors->len, 0, "%s",
                items.errors->len ? ERR (items, 0)->message : "");
  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 0)), "a");
  items_free (&items);
  g_free (path);
}

Test (reader, jsonl_invalid_utf8_line_is_rejected_with_its_line)
{
  char *path = put ("in.jsonl",
                    "{\"id\": \"a\", \"text\": \"ok\"}\n"
                    "{\"id\": \"b\", \"text\": \"caf\xe9\"}\n", -1);
  const char *inputs[] = { path, NULL };
  Items items = read_all (inputs, NULL);
  char *where = g_strdup_printf ("%s:2", path);

  cr_assert_eq (items.docs->len, 1);
  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (ERR (items, 0)->message, where), "%s", ERR (items, 0)->message);
  items_free (&items);
  g_free (where);
  g_free (path);
}

Test (reader, jsonl_text_over_max_doc_bytes_fails)
{
  char *path = put ("in.jsonl", "{\"id\": \"a\", \"text\": \"0123456789ab\"}\n"
                                "{\"id\": \"b\", \"text\": \"short\"}\n", -1);
  const char *inputs[] = { path, NULL };
  NlpReaderOptions options = { .max_doc_bytes = 10 };
  Items items = read_all (inputs, &options);

  cr_assert_eq (items.errors->len, 1);
  cr_assert (g_error_matches (ERR (items, 0), NLP_ERROR, NLP_ERROR_TOO_LARGE));
  cr_assert_eq (items.docs->len, 1);
  cr_assert_str_eq (nlp_document_get_id (DOC (items, 0)), "b");
  items_free (&items);
  g_free (path);
}

/* "\u0000" would end json-glib's C string and cut the text short without a
 * word: it follows the NUL-byte policy instead.  An escaped backslash
 * before "u0000" is ordinary text. */
Test (reader, jsonl_nul_escape_is_rejected_or_replaced_never_cut)
{
  char *path = put ("in.jsonl",
                    "{\"id\": \"a\", \"text\": \"before\\u0000after\"}\n"
                    "{\"id\": \"b\", \"text\": \"x\\\\u0000y\"}\n", -1);
  const char *inputs[] = { path, NULL };
  NlpReaderOptions replace = { .encoding = NLP_ENCODING_REPLACE };
  Items rejected = read_all (inputs, NULL);
  Items replaced = read_all (inputs, &replace);

  cr_assert_eq (rejected.errors->len, 1);
  cr_assert (g_error_matches (ERR (rejected, 0), NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (ERR (rejected, 0)->message, "\\u0000"), "%s",
                      ERR (rejected, 0)->message);
  cr_assert_eq (rejected.docs->len, 1);
  cr_assert_str_eq (TEXT (rejected, 0), "x\\u0000y");

  cr_assert_eq (replaced.errors->len, 0);
  cr_assert_eq (replaced.docs->len, 2);
  cr_assert_str_eq (TEXT (replaced, 0), "before\xEF\xBF\xBD" "after");
  cr_assert_eq (replaced.warnings->len, 1);
  cr_assert_not_null (strstr (g_ptr_array_index (replaced.warnings, 0), "U+FFFD"));
  items_free (&rejected);
  items_free (&replaced);
  g_free (path);
}

/* ---- in memory ---------------------------------------------------------- */

/* The same JSON Lines read from a file and from memory: the same
 * documents (ids, texts, extra members), the same errors with the same
 * line numbers; only the name differs, and it is never opened. */
Test (reader, bytes_are_read_as_a_file_of_that_name_would_be)
{
  static const char jsonl[] =
    "{\"id\": \"a\", \"text\": \"Putin met Trump.\", \"desk\": \"world\"}\n"
    "\n"
    "{\"id\": \"b\", \"text\": \n"
    "{\"text\": \"no id\"}\n"
    "{\"id\": 7, \"text\": \"bad \xff byte\"}\n"
    "{\"id\": \"e\", \"text\": \"last\"}";
  char *path = put ("batch.jsonl", jsonl, -1);
  const char *inputs[] = { path, NULL };
  NlpReaderOptions opts = { .format = NLP_INPUT_JSONL };
  GBytes *bytes = g_bytes_new_static (jsonl, strlen (jsonl));
  Items file = read_all (inputs, &opts);
  /* a name that is an existing file: its contents must not be read */
  Items mem = read_reader (nlp_reader_new_for_bytes (bytes, path, &opts));

  cr_assert_eq (file.docs->len, 3);
  cr_assert_eq (mem.docs->len, file.docs->len);
  cr_assert_eq (mem.errors->len, 2);
  cr_assert_eq (mem.errors->len, file.errors->len);
  for (guint i = 0; i < file.docs->len; i++)
    {
      NlpWriter *json = nlp_writer_new ("json", NULL, NULL);
      GString *a = g_string_new (NULL), *b = g_string_new (NULL);
      nlp_writer_format (json, DOC (file, i), a);
      nlp_writer_format (json, DOC (mem, i), b);
      cr_assert_str_eq (b->str, a->str, "id, text, meta and extra alike");
      g_string_free (a, TRUE);
      g_string_free (b, TRUE);
      nlp_writer_free (json);
    }
  cr_assert_str_eq (nlp_document_get_id (DOC (mem, 1)),
                    g_strdup_printf ("%s:4", path));
  for (guint i = 0; i < file.errors->len; i++)
    {
      cr_assert_str_eq (ERR (mem, i)->message, ERR (file, i)->message);
      cr_assert_eq (ERR (mem, i)->code, ERR (file, i)->code);
    }
  cr_assert (g_str_has_prefix (ERR (mem, 1)->message, g_strdup_printf ("%s:5:", path)));
  items_free (&file);
  items_free (&mem);
  g_bytes_unref (bytes);
  g_free (path);
}

Test (reader, bytes_as_text_are_one_document_named_as_given)
{
  static const char text[] = "\xEF\xBB\xBFHello.\nSecond line.\n";
  GBytes *bytes = g_bytes_new_static (text, strlen (text));
  GBytes *bad = g_bytes_new_static ("ok \xC3", 4);
  NlpReaderOptions big = { .max_doc_bytes = 8 };
  Items ok = read_reader (nlp_reader_new_for_bytes (bytes, "request", NULL));
  Items invalid = read_reader (nlp_reader_new_for_bytes (bad, "request", NULL));
  Items over = read_reader (nlp_reader_new_for_bytes (bytes, "request", &big));
  GBytes *empty = g_bytes_new_static ("", 0);
  NlpReaderOptions jsonl = { .format = NLP_INPUT_JSONL };
  Items none = read_reader (nlp_reader_new_for_bytes (empty, "request", &jsonl));

  cr_assert_eq (ok.docs->len, 1);
  cr_assert_str_eq (TEXT (ok, 0), "Hello.\nSecond line.\n", "the byte-order mark is dropped");
  cr_assert_str_eq (nlp_document_get_id (DOC (ok, 0)), "request");
  cr_assert_str_eq (nlp_document_get_meta (DOC (ok, 0), "source"), "request");
  cr_assert_eq (invalid.docs->len, 0);
  cr_assert_eq (invalid.errors->len, 1);
  cr_assert (g_error_matches (ERR (invalid, 0), NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert (g_str_has_prefix (ERR (invalid, 0)->message, "request: invalid UTF-8 at line 1"),
             "%s", ERR (invalid, 0)->message);
  cr_assert_eq (over.errors->len, 1);
  cr_assert (g_error_matches (ERR (over, 0), NLP_ERROR, NLP_ERROR_TOO_LARGE));
  cr_assert_eq (none.docs->len + none.errors->len, 0, "an empty batch holds nothing");
  items_free (&ok);
  items_free (&invalid);
  items_free (&over);
  items_free (&none);
  g_bytes_unref (bytes);
  g_bytes_unref (bad);
  g_bytes_unref (empty);
}
