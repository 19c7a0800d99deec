/* test-badinput-jsonl.c — the JSON Lines rows of the bad-input matrix
 * (docs/robustness.md, issue 15): line ends, several values on a line,
 * deep nesting, ids past 64 bits or of the wrong type, one output line
 * per input line under --on-error=mark, and names that are not UTF-8.
 * Each runs the built nlpipe, as test-badinput.c does. */
#include <string.h>
#include <glib/gstdio.h>
#include "badinput.h"

TestSuite (badinput_jsonl, .init = badinput_setup, .fini = badinput_teardown,
           .timeout = 120);

#define OK_RECORD "{\"id\":\"ok\",\"text\":\"Still read.\"}\n"

/* The ids of the documents of @r between the two good ones. */
static char *
middle_ids (Result *r)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 1; i + 1 < r->docs->len; i++)
    g_string_append_printf (ids, "%s%s", i > 1 ? "," : "", doc_id (r, i));
  return g_string_free (ids, FALSE);
}

static void
assert_ids (const char *name, const char *data, const char *want)
{
  char *bad = put (name, data, -1);
  Result *r = sandwich (NULL, bad);
  char *ids = middle_ids (r);

  cr_assert_eq (r->run->status, 0, "stderr: %s", r->run->err);
  cr_assert_str_eq (ids, want, "%s: stderr: %s", name, r->run->err);
  g_free (ids);
  result_free (r);
  g_free (bad);
}

/* ---- row 1: line ends, several values on a line ------------------------- */

Test (badinput_jsonl, cr_crlf_and_lf_line_ends)
{
  assert_ids ("cr.jsonl", "{\"id\":\"a\",\"text\":\"1\"}\r{\"id\":\"b\",\"text\":\"2\"}\r"
              "{\"id\":\"c\",\"text\":\"3\"}\r", "a,b,c");
  assert_ids ("crlf.jsonl", "{\"id\":\"a\",\"text\":\"1\"}\r\n{\"id\":\"b\",\"text\":\"2\"}\r\n"
              "{\"id\":\"c\",\"text\":\"3\"}", "a,b,c");
  assert_ids ("mixed.jsonl", "{\"id\":\"a\",\"text\":\"1\",\"k\":1}\r{\"id\":\"b\",\"text\":\"2\"}\n"
              "{\"id\":\"c\",\"text\":\"3\"}\r\n{\"id\":\"d\",\"text\":\"4\"}", "a,b,c,d");
}

/* A lone CR ends a line: the record after it is on line 2. */
Test (badinput_jsonl, cr_lines_are_counted)
{
  char *bad = put ("crn.jsonl", "{\"text\":\"1\"}\r{\"text\":\"2\"}\r\n{\"text\":\"3\"}\r", -1);
  Result *r = sandwich (NULL, bad);
  char *ids = middle_ids (r), *want;

  want = g_strdup_printf ("%s:1,%s:2,%s:3", bad, bad, bad);
  cr_assert_str_eq (ids, want);
  g_free (want);
  g_free (ids);
  result_free (r);
  g_free (bad);
}

Test (badinput_jsonl, several_values_on_a_line_are_errors)
{
  char *bad = put ("several.jsonl",
                   "{\"id\":\"a\",\"text\":\"1\"}{\"id\":\"b\",\"text\":\"2\"}\n"
                   "{\"text\":\"a\"} {\"text\":\"b\"}\n"
                   "{\"id\":\"c\",\"text\":\"3\",\"k\":2}[1]\n"
                   "{\"id\":\"d\",\"text\":\"4\"} 7\n"
                   OK_RECORD, -1);
  Result *r = sandwich (NULL, bad);
  char *ids = middle_ids (r);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 4, "several.jsonl:1: more than one JSON value on the line "
                 "(the second begins at column 22); put each record on a line of its own");
  cr_assert (strstr (r->run->err, "several.jsonl:2: more than one JSON value"));
  cr_assert (strstr (r->run->err, "several.jsonl:3: more than one JSON value"));
  cr_assert (strstr (r->run->err, "several.jsonl:4: more than one JSON value"));
  cr_assert_str_eq (ids, "ok");
  g_free (ids);
  result_free (r);
  g_free (bad);
}

/* ---- row 2: nesting ----------------------------------------------------- */

static char *
nested (const char *before, guint depth, const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

Test (badinput_jsonl, deep_nesting_fails_the_record_only)
{
  GString *data = g_string_new (NULL);
  char *deep_line = g_strnfill (100000, '[');
  char *deep_field = nested ("{\"id\":\"x\",\"text\":\"t\",\"k\":", 100000, "}");
  char *at_limit = nested ("{\"id\":\"limit\",\"text\":\"t\",\"k\":", 511, "}");
  char *bad;
  Result *r;
  char *ids;

  g_string_append_printf (data, "%s\n%s\n%s\n" OK_RECORD, deep_line, deep_field, at_limit);
  bad = put ("deep.jsonl", data->str, -1);
  r = sandwich (NULL, bad);
  ids = middle_ids (r);
  cr_assert_eq (r->run->status, 1, "exit %d: %s", r->run->status, r->run->err);
  assert_stderr (r->run, 2, "deep.jsonl:1: JSON nested deeper than 512 levels; nlpipe "
                 "reads records nested up to 512 deep: flatten the record");
  cr_assert (strstr (r->run->err, "deep.jsonl:2: JSON nested deeper than 512 levels"));
  cr_assert_str_eq (ids, "limit,ok");
  g_free (ids);
  result_free (r);
  g_free (bad);
  g_free (deep_line);
  g_free (deep_field);
  g_free (at_limit);
  g_string_free (data, TRUE);
}

/* ---- row 3: ids --------------------------------------------------------- */

#define BIG "123456789012345678901234567890"
#define PAST "9223372036854775808"

/* Past 64 bits an integer id is kept as written, by the fast path (id and
 * text only) and the general one (other members) alike, in every writer that shows ids (sentences shows none). */
Test (badinput_jsonl, ids_past_64_bits_are_kept_as_written)
{
  const char *formats[] = { "json", "tsv", "text", "conllu", "html" };
  char *in = put ("big.jsonl", "{\"id\":" BIG ",\"text\":\"One.\"}\n"
                  "{\"id\":" PAST ",\"text\":\"Two.\",\"k\":[1]}\n"
                  "{\"id\":-" PAST "1,\"text\":\"Three.\"}\n"
                  "{\"id\":-" BIG ",\"text\":\"Four.\",\"k\":1}\n", -1);

  assert_ids ("big2.jsonl", "{\"id\":" BIG ",\"text\":\"One.\"}\n"
              "{\"id\":" PAST ",\"text\":\"Two.\",\"k\":[1]}\n"
              "{\"id\":-" PAST "1,\"text\":\"Three.\"}\n"
              "{\"id\":-" BIG ",\"text\":\"Four.\",\"k\":1}\n",
              BIG "," PAST ",-" PAST "1,-" BIG);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      NlpTestRun *run = nlp_test_run (NULL, "-q", "-f", formats[i], in, NULL);
      cr_assert_eq (run->status, 0, "%s: %s", formats[i], run->err);
      cr_assert (strstr (run->out, BIG), "%s lost the id " BIG, formats[i]);
      cr_assert (strstr (run->out, PAST), "%s lost the id " PAST, formats[i]);
      cr_assert (strstr (run->out, "-" BIG), "%s lost the id -" BIG, formats[i]);
      nlp_test_run_free (run);
    }
  g_free (in);
}

Test (badinput_jsonl, ids_of_other_types_are_errors)
{
  char *bad = put ("types.jsonl", "{\"id\":true,\"text\":\"a\"}\n"
                   "{\"id\":null,\"text\":\"a\"}\n"
                   "{\"id\":1.0,\"text\":\"a\"}\n"
                   "{\"id\":[1],\"text\":\"a\"}\n"
                   "{\"id\":{\"n\":1},\"text\":\"a\"}\n"
                   "{\"id\":2e3,\"text\":\"a\"}\n"
                   OK_RECORD, -1);
  Result *r = sandwich (NULL, bad);
  char *ids = middle_ids (r);

  cr_assert_eq (r->run->status, 1);
  assert_stderr (r->run, 6, "types.jsonl:1: \"id\" is true; an id must be a string or an "
                 "integer, such as \"a1\" or 17 (or leave it out: the id is then FILE:LINE)");
  cr_assert (strstr (r->run->err, "types.jsonl:2: \"id\" is null;"));
  cr_assert (strstr (r->run->err, "types.jsonl:3: \"id\" is a number with a fraction or an exponent;"));
  cr_assert (strstr (r->run->err, "types.jsonl:4: \"id\" is an array;"));
  cr_assert (strstr (r->run->err, "types.jsonl:5: \"id\" is an object;"));
  cr_assert (strstr (r->run->err, "types.jsonl:6: \"id\" is a number with"));
  cr_assert_str_eq (ids, "ok");
  g_free (ids);
  result_free (r);
  g_free (bad);
}

/* ---- row 10: one output line per input line under mark ------------------ */

Test (badinput_jsonl, mark_writes_one_line_per_input_line)
{
  const char *input = "{\"id\":\"a\",\"text\":\"one\"}\n"
                      "not json\n"
                      "\n"
                      "   \n"
                      "{\"id\":true,\"text\":\"x\"}\n"
                      "{\"text\":\"a\"}{\"text\":\"b\"}\r\n"
                      "{\"id\":\"g\",\"text\":\"seven\"}\r"
                      "{\"id\":\"h\",\"text\":\"eight\"}";
  const char *want[] = { "a", "stdin:2", "stdin:3", "stdin:4", "stdin:5", "stdin:6", "g", "h" };
  NlpTestRun *run = nlp_test_run (input, "-q", "--input-format=jsonl", "--on-error=mark",
                                  NULL);
  char **lines = g_strsplit (run->out, "\n", -1);

  cr_assert_eq (run->status, 1, "%s", run->err);
  cr_assert_eq (g_strv_length (lines), G_N_ELEMENTS (want) + 1, "%s", run->out);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      JsonNode *node = nlp_test_parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);
      cr_assert_str_eq (json_object_get_string_member (o, "id"), want[i]);
      /* the unreadable ones carry the reader's message */
      cr_assert_eq (json_object_has_member (o, "error"), strchr (want[i], ':') != NULL);
      if (json_object_has_member (o, "error"))
        cr_assert (g_str_has_prefix (json_object_get_string_member (
                     json_object_get_object_member (o, "error"), "message"), want[i]));
      json_node_unref (node);
    }
  cr_assert (strstr (run->err, "stdin:3: blank line: no record"), "%s", run->err);
  g_strfreev (lines);
  nlp_test_run_free (run);
}

/* Without mark blank lines separate nothing, as before. */
Test (badinput_jsonl, blank_lines_are_skipped_without_mark)
{
  assert_ids ("blank.jsonl", "{\"id\":\"a\",\"text\":\"1\"}\n\n  \r\n{\"id\":\"b\",\"text\":\"2\"}\n",
              "a,b");
}

/* ---- row 11: names that are not UTF-8 ----------------------------------- */

Test (badinput_jsonl, file_names_that_are_not_utf8)
{
  const char *formats[] = { "json", "tsv", "text", "conllu", "html" };
  char *dir = g_build_filename (scratch, "d", NULL);
  char *file = g_build_filename (dir, "b\xffn.txt", NULL);
  char *jsonl = g_build_filename (dir, "r\xfe.jsonl", NULL);

  cr_assert_eq (g_mkdir (dir, 0755), 0);
  cr_assert (g_file_set_contents (file, "Hello there.", -1, NULL));
  cr_assert (g_file_set_contents (jsonl, "{\"text\":\"Hi.\"}\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      NlpTestRun *run = nlp_test_run (NULL, "-q", "-f", formats[i], dir, NULL);
      cr_assert_eq (run->status, 0, "%s: %s", formats[i], run->err);
      cr_assert (g_utf8_validate (run->out, -1, NULL), "%s output is not UTF-8", formats[i]);
      /* each byte that is not UTF-8 is shown as U+FFFD */
      cr_assert (strstr (run->out, "b\xef\xbf\xbdn.txt"), "%s: %s", formats[i], run->out);
      cr_assert (strstr (run->out, "r\xef\xbf\xbd.jsonl:1"), "%s: %s", formats[i], run->out);
      nlp_test_run_free (run);
    }
  g_free (file);
  g_free (jsonl);
  g_free (dir);
}

/* A stage's string cell that is not UTF-8 is that stage's error on that
 * document (named, with the cell); the other documents are written. */
Test (badinput_jsonl, a_stage_string_that_is_not_utf8_fails_the_stage)
{
  char *plugins = g_build_filename (NLP_TEST_BUILDDIR, "tests", "stages", NULL);
  const char *argv[] = { "-q", "--plugin-path", plugins, "-p", "tokenize,badutf8",
                         "--input-format=jsonl", "-", NULL };
  NlpTestRun *run = nlp_test_runv ("{\"id\":\"a\",\"text\":\"fine\"}\n"
                                   "{\"id\":\"b\",\"text\":\"this is BAD\"}\n"
                                   "{\"id\":\"c\",\"text\":\"fine too\"}\n", argv, NULL);

  cr_assert_eq (run->status, 1, "%s", run->err);
  cr_assert_str_eq (run->err, "nlpipe: document 'b': stage 'badutf8': column 'token.raw' "
                    "row 2 is not valid UTF-8 (a bug in the stage: every string it writes "
                    "must be UTF-8)\n");
  cr_assert (g_utf8_validate (run->out, -1, NULL));
  cr_assert (strstr (run->out, "\"id\":\"a\"") && strstr (run->out, "\"id\":\"c\""));
  cr_assert_null (strstr (run->out, "\"id\":\"b\""));
  nlp_test_run_free (run);
  g_free (plugins);
}
