/* test-json-writer.c — the JSON output read back with json-glib: spans
 * slice the text exactly (code points by default, bytes on request),
 * strings are escaped, and every layer, column and attribute appears. */
#include <math.h>
#include <string.h>
#include "nlp-test.h"

/* Accents, curly quotes, CJK and an emoji outside the BMP (one code point,
 * four bytes, two UTF-16 units): byte, code-point and UTF-16 offsets all
 * differ after it. */
#define TEXT "Café “déjà vu” in 東京 😀 ok"
static const char *const words[] = {
  "Café", "“déjà", "vu”", "in", "東京", "😀", "ok", NULL
};

static NlpDocument *
new_doc (const char *id, const char *text)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new (id, text, -1, &error);

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  return doc;
}

/* A "word" layer with one row per space-separated word. */
static NlpLayer *
add_words (NlpDocument *doc)
{
  NlpLayer *layer = nlp_document_add_layer (doc, "word", NULL);
  const char *text = nlp_document_get_text (doc, NULL);
  const char *p = text;

  for (guint i = 0; words[i]; i++)
    {
      const char *hit = strstr (p, words[i]);
      cr_assert_not_null (hit, "%s", words[i]);
      nlp_layer_add_span (layer, (guint) (hit - text),
                          (guint) (hit - text + strlen (words[i])));
      p = hit + strlen (words[i]);
    }
  return layer;
}

/* Formats @doc: (transfer full) the parsed root object's node. */
static JsonNode *
write_json (NlpDocument *doc, gboolean byte_offsets, gboolean pretty)
{
  NlpWriterOptions options = { .byte_offsets = byte_offsets, .pretty = pretty };
  GError *error = NULL;
  NlpWriter *writer = nlp_writer_new ("json", &options, &error);
  GString *out = g_string_new (NULL);
  JsonNode *node;

  cr_assert_not_null (writer, "%s", error ? error->message : "?");
  nlp_writer_format (writer, doc, out);
  cr_assert (out->len > 0 && out->str[out->len - 1] == '\n', "one record per line");
  if (!pretty)
    cr_assert_null (memchr (out->str, '\n', out->len - 1), "compact output is one line");
  node = nlp_test_parse_json (out->str);
  cr_assert (JSON_NODE_HOLDS_OBJECT (node));
  g_string_free (out, TRUE);
  nlp_writer_free (writer);
  return node;
}

static JsonArray *
layer_rows (JsonNode *root, const char *layer)
{
  JsonObject *layers = json_object_get_object_member (json_node_get_object (root), "layers");

  cr_assert (json_object_has_member (layers, layer), "no layer %s", layer);
  return json_object_get_array_member (layers, layer);
}

Test (json_writer, codepoint_offsets_slice_the_text_exactly)
{
  NlpDocument *doc = new_doc ("d", TEXT);
  JsonNode *root;
  JsonObject *obj;
  JsonArray *rows;
  const char *text;

  add_words (doc);
  root = write_json (doc, FALSE, FALSE);
  obj = json_node_get_object (root);
  cr_assert_eq (json_object_get_int_member (obj, "nlpipe"), 1);
  cr_assert_str_eq (json_object_get_string_member (obj, "offsets"), "codepoint");
  text = json_object_get_string_member (obj, "text");
  cr_assert_str_eq (text, TEXT);
  rows = layer_rows (root, "word");
  cr_assert_eq (json_array_get_length (rows), 7);
  for (guint i = 0; words[i]; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      glong start = (glong) json_object_get_int_member (row, "start");
      glong end = (glong) json_object_get_int_member (row, "end");
      char *slice = g_utf8_substring (text, start, end);
      cr_assert_str_eq (slice, words[i], "row %u: [%ld, %ld)", i, start, end);
      g_free (slice);
    }
  /* the emoji is one code point and the text ends at code point 26 */
  cr_assert_eq (json_object_get_int_member (json_array_get_object_element (rows, 6), "end"),
                g_utf8_strlen (TEXT, -1));
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, byte_offsets_on_request)
{
  NlpDocument *doc = new_doc ("d", TEXT);
  NlpLayer *layer = add_words (doc);
  JsonNode *root = write_json (doc, TRUE, FALSE);
  JsonArray *rows = layer_rows (root, "word");

  cr_assert_str_eq (json_object_get_string_member (json_node_get_object (root), "offsets"), "byte");
  for (guint i = 0; words[i]; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      cr_assert_eq (json_object_get_int_member (row, "start"), nlp_layer_get_start (layer, i));
      cr_assert_eq (json_object_get_int_member (row, "end"), nlp_layer_get_end (layer, i));
      cr_assert_eq (strncmp (TEXT + json_object_get_int_member (row, "start"), words[i],
                             strlen (words[i])), 0);
    }
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, ascii_text_offsets_are_the_same_either_way)
{
  NlpDocument *doc = new_doc ("d", "plain ascii");
  NlpLayer *layer = nlp_document_add_layer (doc, "word", NULL);
  JsonNode *root;
  JsonObject *row;

  nlp_layer_add_span (layer, 6, 11);
  root = write_json (doc, FALSE, FALSE);
  row = json_array_get_object_element (layer_rows (root, "word"), 0);
  cr_assert_eq (json_object_get_int_member (row, "start"), 6);
  cr_assert_eq (json_object_get_int_member (row, "end"), 11);
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, control_characters_quotes_and_backslashes_are_escaped)
{
  static const char text[] = "tab\there \"quoted\" back\\slash\nnew line \x01\x1f bell\a end\r";
  NlpDocument *doc = new_doc ("id with \"quotes\"\t", text);
  JsonNode *root;
  JsonObject *obj;

  nlp_document_set_meta (doc, "title", "a \"title\"\nwith a break");
  root = write_json (doc, FALSE, FALSE);
  obj = json_node_get_object (root);
  cr_assert_str_eq (json_object_get_string_member (obj, "text"), text);
  cr_assert_str_eq (json_object_get_string_member (obj, "id"), "id with \"quotes\"\t");
  cr_assert_str_eq (json_object_get_string_member (
                      json_object_get_object_member (obj, "meta"), "title"),
                    "a \"title\"\nwith a break");
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, unknown_layers_columns_and_attributes_appear_generically)
{
  NlpDocument *doc = new_doc ("d", "Ünïcode keyphrase text");
  NlpLayer *kp = nlp_document_add_layer (doc, "keyphrase", NULL);
  NlpColumn *label = nlp_layer_add_column (kp, "label", NLP_COLUMN_STRING, NULL);
  NlpColumn *rank = nlp_layer_add_column (kp, "rank", NLP_COLUMN_INT, NULL);
  NlpColumn *score = nlp_layer_add_column (kp, "score", NLP_COLUMN_DOUBLE, NULL);
  NlpColumn *head = nlp_layer_add_ref_column (kp, "head", "keyphrase", NULL);
  JsonNode *root;
  JsonObject *obj, *row0, *row1, *attrs;

  nlp_layer_add_span (kp, 0, 9);
  nlp_layer_add_span (kp, 10, 19);
  nlp_column_set_string (label, 0, "TERM");
  nlp_column_set_int (rank, 0, -3);
  nlp_column_set_double (score, 0, 0.4404);
  nlp_column_set_ref (head, 1, 0);
  nlp_document_set_string (doc, "lang", "en");
  nlp_document_set_int (doc, "n", 9007199254740993);
  nlp_document_set_double (doc, "nan", NAN);
  nlp_document_set_json (doc, "summary", nlp_test_parse_json ("{\"a\": [1, \"b\"]}"));
  root = write_json (doc, FALSE, TRUE);
  obj = json_node_get_object (root);
  row0 = json_array_get_object_element (layer_rows (root, "keyphrase"), 0);
  row1 = json_array_get_object_element (layer_rows (root, "keyphrase"), 1);
  cr_assert_str_eq (json_object_get_string_member (row0, "label"), "TERM");
  cr_assert_eq (json_object_get_int_member (row0, "rank"), -3);
  cr_assert_float_eq (json_object_get_double_member (row0, "score"), 0.4404, 1e-15);
  /* unset cells are null, never absent */
  cr_assert (json_object_has_member (row0, "head"));
  cr_assert (json_object_get_null_member (row0, "head"));
  cr_assert (json_object_get_null_member (row1, "label"));
  cr_assert (json_object_get_null_member (row1, "rank"));
  cr_assert (json_object_get_null_member (row1, "score"));
  cr_assert_eq (json_object_get_int_member (row1, "head"), 0);
  /* code-point offsets: "Ünïcode " is 8 code points, 10 bytes */
  cr_assert_eq (json_object_get_int_member (row1, "start"), 8);
  attrs = json_object_get_object_member (obj, "attributes");
  cr_assert_str_eq (json_object_get_string_member (attrs, "lang"), "en");
  cr_assert_eq (json_object_get_int_member (attrs, "n"), 9007199254740993);
  cr_assert (json_object_get_null_member (attrs, "nan"));
  cr_assert_str_eq (json_array_get_string_element (json_object_get_array_member (
                      json_object_get_object_member (attrs, "summary"), "a"), 1), "b");
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, doubles_read_back_exactly)
{
  static const double values[] = { 0.1, 1.0 / 3.0, -2.5e-300, 1e21, 0.4404 };
  NlpDocument *doc = new_doc ("d", "x");
  JsonNode *root;
  JsonObject *attrs;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "v%u", i);
      nlp_document_set_double (doc, name, values[i]);
    }
  root = write_json (doc, FALSE, FALSE);
  attrs = json_object_get_object_member (json_node_get_object (root), "attributes");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "v%u", i);
      cr_assert_eq (json_object_get_double_member (attrs, name), values[i], "%s", name);
    }
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, meta_extra_and_error_record_are_written)
{
  NlpDocument *doc = new_doc ("doc-7", "text");
  JsonNode *root;
  JsonObject *obj, *err;

  nlp_document_set_meta (doc, "source", "in.jsonl");
  nlp_document_set_extra (doc, nlp_test_parse_json ("{\"lang\": \"en\", \"n\": 2}"));
  nlp_document_set_error (doc, "entity", "model missing");
  root = write_json (doc, FALSE, FALSE);
  obj = json_node_get_object (root);
  cr_assert_str_eq (json_object_get_string_member (obj, "id"), "doc-7");
  cr_assert_str_eq (json_object_get_string_member (json_object_get_object_member (obj, "meta"),
                                                   "source"), "in.jsonl");
  cr_assert_eq (json_object_get_int_member (json_object_get_object_member (obj, "extra"), "n"), 2);
  err = json_object_get_object_member (obj, "error");
  cr_assert_str_eq (json_object_get_string_member (err, "stage"), "entity");
  cr_assert_str_eq (json_object_get_string_member (err, "message"), "model missing");
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, a_plain_document_has_no_extra_or_error)
{
  NlpDocument *doc = new_doc ("d", "");
  JsonNode *root = write_json (doc, FALSE, FALSE);
  JsonObject *obj = json_node_get_object (root);

  cr_assert_str_eq (json_object_get_string_member (obj, "text"), "");
  cr_assert_eq (json_object_get_size (json_object_get_object_member (obj, "layers")), 0);
  cr_assert_not (json_object_has_member (obj, "extra"));
  cr_assert_not (json_object_has_member (obj, "error"));
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, layers_keep_their_creation_order)
{
  NlpDocument *doc = new_doc ("d", "a b");
  JsonNode *root;
  GList *names;

  nlp_document_add_layer (doc, "token", NULL);
  nlp_document_add_layer (doc, "sentence", NULL);
  nlp_document_add_layer (doc, "entity", NULL);
  root = write_json (doc, FALSE, FALSE);
  names = json_object_get_members (json_object_get_object_member (
                                     json_node_get_object (root), "layers"));
  cr_assert_str_eq (g_list_nth_data (names, 0), "token");
  cr_assert_str_eq (g_list_nth_data (names, 1), "sentence");
  cr_assert_str_eq (g_list_nth_data (names, 2), "entity");
  g_list_free (names);
  json_node_unref (root);
  nlp_document_free (doc);
}

Test (json_writer, unknown_format_lists_the_known_ones)
{
  GError *error = NULL;

  cr_assert_null (nlp_writer_new ("yaml", NULL, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_USAGE));
  cr_assert_not_null (strstr (error->message, "'yaml'"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "json"), "%s", error->message);
  g_error_free (error);
}
