/* test-seed.c — the default chain on the example article, through the
 * built nlpipe binary: what a first-time user sees must be right. */
#include <string.h>
#include "nlp-test.h"

static JsonObject *article;      /* the parsed JSON output */
static JsonNode *root;
static char *text_output;

static void
run_article (void)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  NlpTestRun *run = nlp_test_run (NULL, "-q", path, NULL);
  NlpTestRun *text = nlp_test_run (NULL, "-q", "-f", "text", path, NULL);

  cr_assert_eq (run->status, 0, "nlpipe failed (%d): %s", run->status, run->err);
  cr_assert_eq (text->status, 0, "nlpipe -f text failed: %s", text->err);
  root = nlp_test_parse_json (run->out);
  cr_assert (JSON_NODE_HOLDS_OBJECT (root));
  article = json_node_get_object (root);
  text_output = g_strdup (text->out);
  nlp_test_run_free (run);
  nlp_test_run_free (text);
  g_free (path);
}

static void
done (void)
{
  json_node_unref (root);
  g_free (text_output);
}

TestSuite (seed, .init = run_article, .fini = done);

/* The text of row @row of a JSON layer (code-point offsets). */
static char *
span_text (JsonObject *row)
{
  const char *text = json_object_get_string_member (article, "text");
  glong start = json_object_get_int_member (row, "start");
  glong end = json_object_get_int_member (row, "end");
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (text, end);
  return g_strndup (a, b - a);
}

static JsonArray *
layer (const char *name)
{
  JsonObject *layers = json_object_get_object_member (article, "layers");
  cr_assert (json_object_has_member (layers, name), "no '%s' layer in the output", name);
  return json_object_get_array_member (layers, name);
}

static gboolean
has_sentence (const char *want)
{
  JsonArray *sentences = layer ("sentence");
  for (guint i = 0; i < json_array_get_length (sentences); i++)
    {
      char *s = span_text (json_array_get_object_element (sentences, i));
      /* a bullet's marker may belong to its sentence */
      const char *body = g_str_has_prefix (s, "- ") ? s + 2 : s;
      gboolean match = strcmp (g_strstrip (s), want) == 0 || strcmp (body, want) == 0;
      g_free (s);
      if (match)
        return TRUE;
    }
  return FALSE;
}

Test (seed, headings_and_bullets_are_sentences)
{
  static const char *const want[] = {
    "Did Trump and Putin Make Significant Progress in Their Bilateral Meeting?",
    "Synopsis",
    "Key Takeaways",
    "Trump and Putin claim significant progress in their discussions.",
    "Future communication with NATO and Zelensky is planned.",
    "Focus on Ukraine's security is emphasized by both leaders.",
    "Negotiations were described as respectful and constructive.",
    "No specific agreements were announced following the summit.",
    "Neither Trump nor Putin entertained questions after their statements.",
    NULL
  };
  for (guint i = 0; want[i]; i++)
    cr_expect (has_sentence (want[i]), "missing sentence: %s", want[i]);
}

static gboolean
has_entity (const char *name, const char *label)
{
  JsonArray *entities = layer ("entity");
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *row = json_array_get_object_element (entities, i);
      char *s = span_text (row);
      gboolean match = strcmp (s, name) == 0
        && g_strcmp0 (json_object_get_string_member_with_default (row, "label", ""), label) == 0;
      g_free (s);
      if (match)
        return TRUE;
    }
  return FALSE;
}

Test (seed, people_places_and_organisations)
{
  static const char *const per[] = { "Trump", "Putin", "Zelensky", "Marco Rubio",
    "Steve Witkoff", "Sergey Lavrov", "Yuri Ushakov", "Andrei Belousov", NULL };
  static const char *const loc[] = { "Anchorage", "Alaska", "Ukraine", "Moscow", "Kyiv", NULL };
  static const char *const org[] = { "NATO", "CNN", NULL };

  for (guint i = 0; per[i]; i++)
    cr_expect (has_entity (per[i], "PER"), "%s is not tagged PER", per[i]);
  for (guint i = 0; loc[i]; i++)
    cr_expect (has_entity (loc[i], "LOC"), "%s is not tagged LOC", loc[i]);
  for (guint i = 0; org[i]; i++)
    cr_expect (has_entity (org[i], "ORG"), "%s is not tagged ORG", org[i]);
}

static const char *
stem_of (const char *word)
{
  JsonArray *tokens = layer ("token");
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      JsonObject *row = json_array_get_object_element (tokens, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (row, "norm", ""), word) == 0)
        return json_object_get_string_member_with_default (row, "stem", NULL);
    }
  return NULL;
}

Test (seed, snowball_stems)
{
  cr_expect_str_eq (stem_of ("discussions"), "discuss");
  cr_expect_str_eq (stem_of ("negotiations"), "negoti");
  cr_expect_str_eq (stem_of ("emphasized"), "emphas");
}

/* Sentiment compound of the sentence containing @needle. */
static double
sentiment_of (const char *needle)
{
  JsonArray *sentences = layer ("sentence");
  for (guint i = 0; i < json_array_get_length (sentences); i++)
    {
      JsonObject *row = json_array_get_object_element (sentences, i);
      char *s = span_text (row);
      gboolean match = strstr (s, needle) != NULL;
      g_free (s);
      if (match)
        {
          cr_assert (json_object_has_member (row, "sentiment"), "no sentence sentiment");
          return json_object_get_double_member (row, "sentiment");
        }
    }
  cr_assert_fail ("no sentence contains '%s'", needle);
  return 0;
}

Test (seed, sentence_sentiment)
{
  cr_expect_gt (sentiment_of ("mutually respectful environment"), 0.05);
  cr_expect_lt (sentiment_of ("a profound wound"), -0.05);
}

Test (seed, document_attributes)
{
  JsonObject *attrs = json_object_get_object_member (article, "attributes");
  cr_expect (json_object_has_member (attrs, "sentiment"), "no document sentiment");
  cr_expect (json_object_has_member (attrs, "entities"), "no entity summary");
  cr_expect_str_eq (json_object_get_string_member (article, "offsets"), "codepoint");
  cr_expect_str_eq (json_object_get_string_member (article, "id"),
                    json_object_get_string_member (json_object_get_object_member (article, "meta"),
                                                   "source"));
}

Test (seed, text_output_for_people)
{
  cr_expect (strstr (text_output, "[Trump|PER]") != NULL, "no [Trump|PER] in:\n%.400s", text_output);
  cr_expect (strstr (text_output, "[NATO|ORG]") != NULL);
  cr_expect (strstr (text_output, "Sentiment:") != NULL);
  cr_expect (strstr (text_output, "Entities") != NULL);
  cr_expect (strstr (text_output, "\033[") == NULL, "colour codes in non-terminal output");
}
