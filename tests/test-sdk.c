/* test-sdk.c — what a stage author relies on, through the built nlpipe:
 * introspection (list, info, check, with --json) printed from the stage
 * descriptors, and aliases (one stage twice in a chain, each instance
 * naming its outputs after itself). */
#include <string.h>
#include "nlp-test.h"

static JsonObject *
run_json_object (NlpTestRun *run)
{
  cr_assert_eq (run->status, 0, "exit %d: %s", run->status, run->err);
  return json_node_get_object (nlp_test_parse_json (run->out));
}

static gboolean
array_has_string (JsonArray *arr, const char *s)
{
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    if (g_strcmp0 (json_array_get_string_element (arr, i), s) == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
find_by (JsonArray *arr, const char *member, const char *value)
{
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, member, NULL), value) == 0)
        return o;
    }
  return NULL;
}

Test (list, json_lists_the_shipped_stages)
{
  NlpTestRun *run = nlp_test_run (NULL, "list", "--json", NULL);
  JsonArray *arr;

  cr_assert_eq (run->status, 0, "%s", run->err);
  arr = json_node_get_array (nlp_test_parse_json (run->out));
  for (const char *const *name = (const char *const[]) { "tokenize", "sentence", "stem", NULL };
       *name; name++)
    {
      JsonObject *o = find_by (arr, "name", *name);
      cr_assert_not_null (o, "%s missing from list --json", *name);
      cr_assert_str_eq (json_object_get_string_member (o, "version"), "1.0");
      cr_assert_gt (strlen (json_object_get_string_member (o, "summary")), 10);
      cr_assert (g_str_has_prefix (json_object_get_string_member (o, "file"), NLP_TEST_BUILDDIR),
                 "the uninstalled nlpipe lists the build tree's stages");
    }
  nlp_test_run_free (run);
}

Test (list, text_one_line_per_stage)
{
  NlpTestRun *run = nlp_test_run (NULL, "list", NULL);

  cr_assert_eq (run->status, 0);
  cr_assert_not_null (strstr (run->out, "\nstem         1.0    Snowball stems"), "%s", run->out);
  nlp_test_run_free (run);
}

Test (info, json_describes_stem_from_its_descriptor)
{
  NlpTestRun *run = nlp_test_run (NULL, "info", "--json", "stem", NULL);
  JsonObject *o = run_json_object (run), *lang;

  cr_assert_str_eq (json_object_get_string_member (o, "name"), "stem");
  cr_assert_str_eq (json_object_get_string_member (o, "abi"), "1.1");
  cr_assert (g_str_has_suffix (json_object_get_string_member (o, "file"), "/plugins/stem.la"));
  cr_assert (array_has_string (json_object_get_array_member (o, "requires"), "token.norm"));
  cr_assert (array_has_string (json_object_get_array_member (o, "provides"), "token.stem"));
  cr_assert (json_object_has_member (o, "data_dir"));
  lang = find_by (json_object_get_array_member (o, "options"), "name", "language");
  cr_assert_not_null (lang);
  cr_assert_str_eq (json_object_get_string_member (lang, "type"), "choice");
  cr_assert_str_eq (json_object_get_string_member (lang, "default"), "auto");
  cr_assert (array_has_string (json_object_get_array_member (lang, "choices"), "porter"),
             "run-time choices (list_choices) are listed");
  cr_assert (array_has_string (json_object_get_array_member (lang, "choices"), "auto"));
  nlp_test_run_free (run);
}

Test (info, text_shows_options_and_how_to_set_them)
{
  NlpTestRun *run = nlp_test_run (NULL, "info", "stem", NULL);

  cr_assert_eq (run->status, 0);
  cr_assert_not_null (strstr (run->out, "--set stem.OPTION=VALUE"), "%s", run->out);
  cr_assert_not_null (strstr (run->out, "language"));
  cr_assert_not_null (strstr (run->out, "default: auto"));
  cr_assert_not_null (strstr (run->out, "datadir"));
  nlp_test_run_free (run);
}

Test (info, unknown_stage_lists_installed_ones)
{
  NlpTestRun *run = nlp_test_run (NULL, "info", "stemmer", NULL);

  cr_assert_neq (run->status, 0);
  cr_assert_not_null (strstr (run->err, "'stemmer'"), "%s", run->err);
  cr_assert_not_null (strstr (run->err, "stem"), "%s", run->err);
  nlp_test_run_free (run);
}

Test (check, json_requires_provides_and_unused)
{
  NlpTestRun *run = nlp_test_run (NULL, "check", "--json", "-p", "tokenize,sentence,stem", NULL);
  JsonObject *o = run_json_object (run);
  JsonArray *stages = json_object_get_array_member (o, "stages");
  JsonObject *tok = find_by (stages, "instance", "tokenize");
  JsonObject *stem = find_by (stages, "instance", "stem");

  cr_assert (json_object_get_boolean_member (o, "ok"));
  cr_assert_eq (json_array_get_length (stages), 3);
  cr_assert (array_has_string (json_object_get_array_member (stem, "requires"), "token"));
  cr_assert (array_has_string (json_object_get_array_member (stem, "unused"), "token.stem"),
             "nothing after stem uses its column");
  cr_assert (!array_has_string (json_object_get_array_member (tok, "unused"), "token"),
             "stem uses the token layer");
  nlp_test_run_free (run);
}

Test (check, text_flags_outputs_nothing_uses)
{
  NlpTestRun *run = nlp_test_run (NULL, "check", "-p", "tokenize,sentence,stem", NULL);

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_not_null (strstr (run->out, "3. stem\n   requires: token, token.norm, token.kind\n"
                                        "   provides: token.stem\n"
                                        "   used by no later stage (output only): token.stem\n"),
                      "%s", run->out);
  cr_assert_not_null (strstr (run->out, "chain OK: 3 stages"));
  nlp_test_run_free (run);
}

Test (check, missing_requirement_names_the_provider)
{
  NlpTestRun *run = nlp_test_run (NULL, "check", "-p", "stem", NULL);

  cr_assert_eq (run->status, 2);
  cr_assert_not_null (strstr (run->err, "stage 'stem' requires 'token'"), "%s", run->err);
  cr_assert_not_null (strstr (run->err, "tokenize"), "%s", run->err);
  nlp_test_run_free (run);
}

/* "Generously" is where Porter and Porter2 (english) disagree. */
#define ALIAS_TEXT "Generously hopeful talks."

Test (alias, same_stage_twice_adds_two_columns)
{
  NlpTestRun *run = nlp_test_run (ALIAS_TEXT, "-q", "-p", "tokenize,sentence,stem,snow=stem",
                                  "--set", "snow.language=porter", "-f", "json", NULL);
  JsonObject *doc = run_json_object (run);
  JsonArray *tokens = json_object_get_array_member (json_object_get_object_member (doc, "layers"),
                                                    "token");
  JsonObject *first = json_array_get_object_element (tokens, 0);

  cr_assert_str_eq (json_object_get_string_member (first, "stem"), "generous");
  cr_assert_str_eq (json_object_get_string_member (first, "snow"), "gener");
  nlp_test_run_free (run);
}

Test (alias, text_writer_needs_no_change)
{
  NlpTestRun *run = nlp_test_run (ALIAS_TEXT, "-q", "-p", "tokenize,sentence,stem,snow=stem",
                                  "--set", "snow.language=porter", "-f", "text", NULL);

  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_not_null (strstr (run->out, "Generously hopeful talks."), "%s", run->out);
  nlp_test_run_free (run);
}

Test (alias, alone_provides_its_own_name)
{
  NlpTestRun *run = nlp_test_run (NULL, "check", "--json", "-p", "tokenize,snow=stem", NULL);
  JsonObject *snow = find_by (json_object_get_array_member (run_json_object (run), "stages"),
                              "instance", "snow");

  cr_assert_str_eq (json_object_get_string_member (snow, "stage"), "stem");
  cr_assert (array_has_string (json_object_get_array_member (snow, "provides"), "token.snow"));
  cr_assert (!array_has_string (json_object_get_array_member (snow, "provides"), "token.stem"));
  nlp_test_run_free (run);

  /* and the core's after-process check accepts the renamed column */
  run = nlp_test_run (ALIAS_TEXT, "-q", "-p", "tokenize,snow=stem", "-f", "json", NULL);
  cr_assert_eq (run->status, 0, "%s", run->err);
  cr_assert_not_null (strstr (run->out, "\"snow\":\"gener"), "%s", run->out);
  nlp_test_run_free (run);
}

Test (alias, options_go_to_one_instance_only)
{
  NlpTestRun *run = nlp_test_run (NULL, "check", "-p", "tokenize,stem,snow=stem",
                                  "--set", "snow.language=klingon", NULL);

  cr_assert_eq (run->status, 2);
  cr_assert_not_null (strstr (run->err, "snow"), "%s", run->err);
  cr_assert_null (strstr (run->err, "stem.language"), "%s", run->err);
  nlp_test_run_free (run);
}
