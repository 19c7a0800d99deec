/* test-cli.c — the nlpipe command's errors, config files and basics,
 * through real runs of the built binary.  Every error is one line naming
 * the thing and the fix, with a documented exit code. */
#include <string.h>
#include <glib/gstdio.h>
#include "nlp-test.h"

static char *tmpdir;

static void
setup (void)
{
  tmpdir = g_dir_make_tmp ("nlpipe-cli-XXXXXX", NULL);
  cr_assert_not_null (tmpdir);
}

static void
teardown (void)
{
  char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
  cr_assert_eq (system (cmd), 0);
  g_free (cmd);
  g_free (tmpdir);
}

TestSuite (cli, .init = setup, .fini = teardown);

static char *
write_file (const char *name, const char *content, gssize len)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  cr_assert (g_file_set_contents (path, content, len, NULL));
  return path;
}

static guint
count_lines (const char *s, const char *prefix)
{
  guint n = 0;
  for (const char *p = s; p && *p; p = strchr (p, '\n') ? strchr (p, '\n') + 1 : NULL)
    if (*p && g_str_has_prefix (p, prefix))
      n++;
  return n;
}

Test (cli, version_and_help)
{
  NlpTestRun *v = nlp_test_run (NULL, "--version", NULL);
  NlpTestRun *h = nlp_test_run (NULL, "--help", NULL);

  cr_expect_eq (v->status, 0);
  cr_expect (g_str_has_prefix (v->out, "nlpipe " NLP_VERSION), "%s", v->out);
  cr_expect_eq (h->status, 0);
  cr_expect (strstr (h->out, "--set") && strstr (h->out, "--stages")
             && strstr (h->out, "nlpipe info"), "%s", h->out);
  nlp_test_run_free (v);
  nlp_test_run_free (h);
}

Test (cli, unknown_stage_lists_installed_and_nearest)
{
  NlpTestRun *r = nlp_test_run ("x", "-p", "tokenize,stemm", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "no stage named 'stemm'"), "%s", r->err);
  cr_expect (strstr (r->err, "did you mean 'stem'?"), "%s", r->err);
  cr_expect (strstr (r->err, "installed stages: ") && strstr (r->err, "sentence"), "%s", r->err);
  cr_expect_eq (count_lines (r->err, "nlpipe: "), 1, "%s", r->err);
  cr_expect_str_empty (r->out);
  nlp_test_run_free (r);
}

Test (cli, unknown_option_lists_valid_ones)
{
  NlpTestRun *r = nlp_test_run ("x", "-p", "tokenize,stem", "--set", "stem.lang=french", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "stage 'stem' has no option 'lang'; valid options: language"),
             "%s", r->err);
  nlp_test_run_free (r);
}

Test (cli, bad_option_value_says_what_is_allowed)
{
  NlpTestRun *r = nlp_test_run ("x", "-p", "tokenize,stem", "--set", "stem.language=klingon", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "stem.language: bad value 'klingon'; expected one of:"), "%s", r->err);
  cr_expect (strstr (r->err, "french") && strstr (r->err, "porter"), "%s", r->err);
  nlp_test_run_free (r);
}

Test (cli, malformed_set_argument)
{
  NlpTestRun *r = nlp_test_run ("x", "--set", "stemlanguage", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "expected STAGE.OPTION=VALUE"), "%s", r->err);
  nlp_test_run_free (r);
}

Test (cli, unmet_requirement_names_stage_layer_and_providers)
{
  NlpTestRun *r = nlp_test_run ("x", "-p", "stem", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "stage 'stem' requires 'token', which no earlier stage provides; "
                              "installed stages that provide it: tokenize"), "%s", r->err);
  nlp_test_run_free (r);
}

Test (cli, provider_later_in_chain)
{
  NlpTestRun *r = nlp_test_run ("x", "-p", "stem,tokenize", NULL);

  cr_expect_eq (r->status, 2);
  cr_expect (strstr (r->err, "'tokenize' provides it but comes later: move it before 'stem'"),
             "%s", r->err);
  nlp_test_run_free (r);
}

Test (cli, missing_file_fails_alone)
{
  char *good = write_file ("good.txt", "A good document. It has two sentences.", -1);
  char *missing = g_build_filename (tmpdir, "missing.txt", NULL);
  NlpTestRun *r = nlp_test_run (NULL, "-p", "tokenize,sentence", missing, good, NULL);

  cr_expect_eq (r->status, 1);
  cr_expect (strstr (r->err, "missing.txt") != NULL, "%s", r->err);
  cr_expect (strstr (r->err, "2 documents read, 1 written, 1 failed"), "%s", r->err);
  cr_expect_eq (count_lines (r->out, "{"), 1, "the good document must be written: %s", r->out);
  cr_expect (strstr (r->out, "good.txt") != NULL);
  nlp_test_run_free (r);
  g_free (good);
  g_free (missing);
}

Test (cli, invalid_utf8_names_file_and_line)
{
  char *bad = write_file ("bad.txt", "first line\nsecond \xff line\n", -1);
  char *good = write_file ("good.txt", "Fine.", -1);
  NlpTestRun *r = nlp_test_run (NULL, "-p", "tokenize", bad, good, NULL);
  NlpTestRun *fixed = nlp_test_run (NULL, "-p", "tokenize", "--invalid-utf8=replace", bad, NULL);

  cr_expect_eq (r->status, 1);
  cr_expect (strstr (r->err, "bad.txt: invalid UTF-8 at line 2"), "%s", r->err);
  cr_expect (strstr (r->err, "--invalid-utf8=replace"), "%s", r->err);
  cr_expect_eq (count_lines (r->out, "{"), 1);
  cr_expect_eq (fixed->status, 0, "%s", fixed->err);
  cr_expect (strstr (fixed->err, "warning: ") && strstr (fixed->err, "U+FFFD"), "%s", fixed->err);
  cr_expect (strstr (fixed->out, "second \xEF\xBF\xBD line"), "%s", fixed->out);
  nlp_test_run_free (r);
  nlp_test_run_free (fixed);
  g_free (bad);
  g_free (good);
}

static const char *
first_stem (const char *json, const char *norm)
{
  static char stem[64];
  JsonNode *root = nlp_test_parse_json (json);
  JsonArray *tokens = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (root), "layers"), "token");

  stem[0] = '\0';
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      JsonObject *t = json_array_get_object_element (tokens, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (t, "norm", ""), norm) == 0)
        {
          g_strlcpy (stem, json_object_get_string_member_with_default (t, "stem", ""), sizeof stem);
          break;
        }
    }
  json_node_unref (root);
  return stem;
}

Test (cli, config_file_means_the_same_as_flags)
{
  char *conf = write_file ("chain.conf",
                           "[pipeline]\nstages = tokenize,stem\n\n[stem]\nlanguage = porter\n", -1);
  NlpTestRun *c = nlp_test_run ("generously", "-q", "-c", conf, NULL);
  NlpTestRun *f = nlp_test_run ("generously", "-q", "-p", "tokenize,stem",
                                "--set", "stem.language=porter", NULL);
  NlpTestRun *o = nlp_test_run ("generously", "-q", "-c", conf,
                                "--set", "stem.language=english", NULL);

  cr_expect_eq (c->status, 0, "%s", c->err);
  cr_expect_str_eq (c->out, f->out);
  cr_expect_str_eq (first_stem (c->out, "generously"), "gener");
  /* the command line wins over the config file */
  cr_expect_str_eq (first_stem (o->out, "generously"), "generous");
  nlp_test_run_free (c);
  nlp_test_run_free (f);
  nlp_test_run_free (o);
  g_free (conf);
}

Test (cli, config_file_errors_name_the_file)
{
  char *conf = write_file ("bad.conf", "[pipeline]\nstagez = tokenize\n", -1);
  char *broken = write_file ("broken.conf", "this is not a key file\n", -1);
  char *badopt = write_file ("badopt.conf", "[pipeline]\nstages=tokenize,stem\n[stem]\nlanguage=xx\n", -1);
  NlpTestRun *a = nlp_test_run ("x", "-c", conf, NULL);
  NlpTestRun *b = nlp_test_run ("x", "-c", broken, NULL);
  NlpTestRun *c = nlp_test_run ("x", "-c", badopt, NULL);

  cr_expect_eq (a->status, 2);
  cr_expect (strstr (a->err, "bad.conf: unknown key 'stagez' in [pipeline]"), "%s", a->err);
  cr_expect_eq (b->status, 2);
  cr_expect (strstr (b->err, "broken.conf"), "%s", b->err);
  cr_expect_eq (c->status, 2);
  cr_expect (strstr (c->err, "badopt.conf [stem] language: stem.language: bad value 'xx'"),
             "%s", c->err);
  nlp_test_run_free (a);
  nlp_test_run_free (b);
  nlp_test_run_free (c);
  g_free (conf);
  g_free (broken);
  g_free (badopt);
}

Test (cli, output_file_is_written_atomically)
{
  char *out = g_build_filename (tmpdir, "out.json", NULL);
  NlpTestRun *r = nlp_test_run ("Some text.", "-q", "-p", "tokenize", "-o", out, NULL);
  GDir *dir;
  const char *name;
  guint files = 0;

  cr_expect_eq (r->status, 0, "%s", r->err);
  cr_expect (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    files++;
  g_dir_close (dir);
  cr_expect_eq (files, 1, "a temporary file was left behind");
  nlp_test_run_free (r);
  g_free (out);
}

Test (cli, stdin_is_one_document)
{
  NlpTestRun *r = nlp_test_run ("One. Two.\n\nThree.", "-q", "-p", "tokenize,sentence", NULL);
  JsonNode *root;
  JsonArray *sentences;

  cr_assert_eq (r->status, 0, "%s", r->err);
  cr_expect_eq (count_lines (r->out, "{"), 1);
  root = nlp_test_parse_json (r->out);
  sentences = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (root), "layers"), "sentence");
  cr_expect_eq (json_array_get_length (sentences), 3);
  cr_expect_str_eq (json_object_get_string_member (json_node_get_object (root), "id"), "stdin");
  json_node_unref (root);
  nlp_test_run_free (r);
}

Test (cli, list_and_check)
{
  NlpTestRun *l = nlp_test_run (NULL, "list", NULL);
  NlpTestRun *c = nlp_test_run (NULL, "check", NULL);

  cr_expect_eq (l->status, 0, "%s", l->err);
  cr_expect (g_str_has_prefix (l->out, "entity ") || strstr (l->out, "\nentity "), "%s", l->out);
  cr_expect (strstr (l->out, "\ntokenize ") != NULL, "%s", l->out);
  cr_expect_eq (c->status, 0, "%s", c->err);
  cr_expect (strstr (c->out, "chain OK: 6 stages"), "%s", c->out);   /* the default chain */
  nlp_test_run_free (l);
  nlp_test_run_free (c);
}

Test (cli, error_lines_stay_one_line)
{
  /* an id with a line break and an escape character, in a failing document */
  const char *input = "{\"id\": \"two\\nlines\\u001b[31m\", \"text\": \"FAIL here\"}\n"
                      "{\"id\": \"ok\", \"text\": \"Fine.\"}\n";
  NlpTestRun *r = nlp_test_run (input, "-q", "--input-format=jsonl",
                                "--plugin-path", NLP_TEST_BUILDDIR "/tests/stages",
                                "-p", "testtok,failer", NULL);

  cr_expect_eq (r->status, 1, "%s", r->err);
  cr_expect_eq (count_lines (r->err, ""), 1, "one line per failure:\n%s", r->err);
  cr_expect (strstr (r->err, "document 'two\\nlines\\x1b[31m'") != NULL, "%s", r->err);
  cr_expect (strchr (r->err, '\033') == NULL, "an escape reached the terminal");
  cr_expect_eq (count_lines (r->out, "{"), 1);
  nlp_test_run_free (r);
}
