/* test-document.c — the annotated document: validated immutable text, id,
 * metadata, attributes, arena, reset and the error record. */
#include <string.h>
#include "nlp-test.h"

static NlpDocument *
new_doc (const char *text)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new ("d1", text, -1, &error);

  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  return doc;
}

Test (document, invalid_byte_is_an_encoding_error_naming_line_and_byte)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new ("d", "ok\nstill ok\ncaf\xe9!", -1, &error);

  cr_assert_null (doc);
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (error->message, "line 3 (byte offset 15)"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "UTF-8"), "%s", error->message);
  g_error_free (error);
}

Test (document, nul_byte_is_an_encoding_error_naming_line_and_byte)
{
  static const char text[] = "one\ntwo\0three";
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new ("d", text, sizeof text - 1, &error);

  cr_assert_null (doc);
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_not_null (strstr (error->message, "NUL byte at line 2 (byte offset 7)"),
                      "%s", error->message);
  g_error_free (error);
}

Test (document, new_take_refuses_and_frees_invalid_text)
{
  GError *error = NULL;
  char *text = g_strdup ("bad \xff text");

  cr_assert_null (nlp_document_new_take ("d", text, strlen (text), &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING));
  g_error_free (error);
}

Test (document, text_is_copied_so_the_caller_buffer_can_change)
{
  char buf[] = "Héllo wörld";
  NlpDocument *doc = new_doc (buf);
  gsize len;

  buf[0] = 'J';
  cr_assert_str_eq (nlp_document_get_text (doc, &len), "Héllo wörld");
  cr_assert_eq (len, strlen ("Héllo wörld"));
  cr_assert_eq (nlp_document_get_length (doc), len);
  nlp_document_free (doc);
}

Test (document, explicit_length_takes_a_prefix_and_terminates_it)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_document_new ("d", "abcdef", 3, &error);

  cr_assert_str_eq (nlp_document_get_text (doc, NULL), "abc");
  cr_assert_eq (nlp_document_get_length (doc), 3);
  nlp_document_free (doc);
}

Test (document, new_take_keeps_the_buffer_and_terminates_it)
{
  GError *error = NULL;
  char *text = g_malloc (6);
  NlpDocument *doc;

  memcpy (text, "hello?", 6);       /* not NUL-terminated: room for one more */
  doc = nlp_document_new_take ("d", text, 5, &error);
  cr_assert_not_null (doc);
  cr_assert_eq (nlp_document_get_text (doc, NULL), text);
  cr_assert_str_eq (nlp_document_get_text (doc, NULL), "hello");
  nlp_document_free (doc);
}

Test (document, id_is_kept_and_null_id_is_empty)
{
  GError *error = NULL;
  NlpDocument *a = nlp_document_new ("article-7", "x", -1, &error);
  NlpDocument *b = nlp_document_new (NULL, "x", -1, &error);

  cr_assert_str_eq (nlp_document_get_id (a), "article-7");
  cr_assert_str_eq (nlp_document_get_id (b), "");
  nlp_document_free (a);
  nlp_document_free (b);
}

Test (document, meta_keeps_insertion_order_and_replaces_in_place)
{
  NlpDocument *doc = new_doc ("text");
  const char *k, *v;

  nlp_document_set_meta (doc, "source", "a.txt");
  nlp_document_set_meta (doc, "title", "First");
  nlp_document_set_meta (doc, "line", "3");
  nlp_document_set_meta (doc, "title", "Second");
  cr_assert_eq (nlp_document_get_n_meta (doc), 3);
  nlp_document_get_meta_at (doc, 1, &k, &v);
  cr_assert_str_eq (k, "title");
  cr_assert_str_eq (v, "Second");
  nlp_document_get_meta_at (doc, 2, &k, &v);
  cr_assert_str_eq (k, "line");
  cr_assert_str_eq (nlp_document_get_meta (doc, "source"), "a.txt");
  cr_assert_null (nlp_document_get_meta (doc, "author"));
  nlp_document_free (doc);
}

Test (document, meta_value_is_copied)
{
  NlpDocument *doc = new_doc ("text");
  char value[] = "original";

  nlp_document_set_meta (doc, "k", value);
  value[0] = 'X';
  cr_assert_str_eq (nlp_document_get_meta (doc, "k"), "original");
  nlp_document_free (doc);
}

Test (document, attributes_of_every_type_in_set_order)
{
  NlpDocument *doc = new_doc ("text");
  JsonNode *json = nlp_test_parse_json ("{\"compound\": 0.5, \"labels\": [1, 2]}");
  JsonObject *obj;

  nlp_document_set_string (doc, "lang", "en");
  nlp_document_set_int (doc, "tokens", 42);
  nlp_document_set_double (doc, "score", -0.25);
  nlp_document_set_json (doc, "sentiment", json);
  cr_assert_eq (nlp_document_get_n_attrs (doc), 4);
  cr_assert_str_eq (nlp_document_get_attr_name (doc, 0), "lang");
  cr_assert_eq (nlp_document_get_attr_type (doc, 0), NLP_VALUE_STRING);
  cr_assert_str_eq (nlp_document_get_attr_string (doc, 0), "en");
  cr_assert_eq (nlp_document_get_attr_type (doc, 1), NLP_VALUE_INT);
  cr_assert_eq (nlp_document_get_attr_int (doc, 1), 42);
  cr_assert_eq (nlp_document_get_attr_type (doc, 2), NLP_VALUE_DOUBLE);
  cr_assert_float_eq (nlp_document_get_attr_double (doc, 2), -0.25, 1e-12);
  cr_assert_eq (nlp_document_get_attr_type (doc, 3), NLP_VALUE_JSON);
  obj = json_node_get_object (nlp_document_get_attr_json (doc, 3));
  cr_assert_float_eq (json_object_get_double_member (obj, "compound"), 0.5, 1e-12);
  cr_assert_eq (json_array_get_length (json_object_get_array_member (obj, "labels")), 2);
  cr_assert_eq (nlp_document_find_attr (doc, "score"), 2);
  cr_assert_eq (nlp_document_find_attr (doc, "missing"), -1);
  nlp_document_free (doc);
}

Test (document, setting_an_attribute_again_replaces_value_and_type)
{
  NlpDocument *doc = new_doc ("text");

  nlp_document_set_json (doc, "x", nlp_test_parse_json ("[1]"));
  nlp_document_set_int (doc, "y", 1);
  nlp_document_set_string (doc, "x", "now a string");
  cr_assert_eq (nlp_document_get_n_attrs (doc), 2);
  cr_assert_eq (nlp_document_find_attr (doc, "x"), 0);
  cr_assert_eq (nlp_document_get_attr_type (doc, 0), NLP_VALUE_STRING);
  cr_assert_str_eq (nlp_document_get_attr_string (doc, 0), "now a string");
  nlp_document_free (doc);
}

Test (document, extra_fields_are_replaced)
{
  NlpDocument *doc = new_doc ("text");

  cr_assert_null (nlp_document_get_extra (doc));
  nlp_document_set_extra (doc, nlp_test_parse_json ("{\"lang\": \"en\"}"));
  nlp_document_set_extra (doc, nlp_test_parse_json ("{\"lang\": \"fr\"}"));
  cr_assert_str_eq (json_object_get_string_member (
                      json_node_get_object (nlp_document_get_extra (doc)), "lang"), "fr");
  nlp_document_free (doc);
}

Test (document, layers_in_creation_order_and_names_unique)
{
  NlpDocument *doc = new_doc ("text");
  GError *error = NULL;
  NlpLayer *token = nlp_document_add_layer (doc, "token", &error);
  NlpLayer *sentence = nlp_document_add_layer (doc, "sentence", &error);

  cr_assert_null (nlp_document_add_layer (doc, "token", &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_FAILED));
  cr_assert_not_null (strstr (error->message, "'token'"), "%s", error->message);
  cr_assert_eq (nlp_document_get_n_layers (doc), 2);
  cr_assert_eq (nlp_document_get_layer_at (doc, 0), token);
  cr_assert_eq (nlp_document_get_layer_at (doc, 1), sentence);
  cr_assert_eq (nlp_document_get_layer (doc, "sentence"), sentence);
  cr_assert_null (nlp_document_get_layer (doc, "entity"));
  cr_assert_eq (nlp_layer_get_document (token), doc);
  g_error_free (error);
  nlp_document_free (doc);
}

Test (document, intern_copies_into_the_arena)
{
  NlpDocument *doc = new_doc ("text");
  char word[] = "stem";
  const char *copy = nlp_document_intern (doc, word);
  const char *part = nlp_document_intern_len (doc, "prefix-and-more", 6);

  cr_assert_neq (copy, word);
  word[0] = 'S';
  cr_assert_str_eq (copy, "stem");
  cr_assert_str_eq (part, "prefix");
  cr_assert_null (nlp_document_intern (doc, NULL));
  nlp_document_free (doc);
}

Test (document, reset_empties_everything_and_sets_new_text)
{
  NlpDocument *doc = new_doc ("first text");
  GError *error = NULL;

  nlp_document_add_layer (doc, "token", &error);
  nlp_document_set_meta (doc, "source", "a.txt");
  nlp_document_set_json (doc, "j", nlp_test_parse_json ("{}"));
  nlp_document_set_extra (doc, nlp_test_parse_json ("{\"a\": 1}"));
  nlp_document_set_error (doc, "stem", "boom");
  cr_assert (nlp_document_reset (doc, "d2", "second", -1, &error));
  cr_assert_str_eq (nlp_document_get_id (doc), "d2");
  cr_assert_str_eq (nlp_document_get_text (doc, NULL), "second");
  cr_assert_eq (nlp_document_get_length (doc), 6);
  cr_assert_eq (nlp_document_get_n_layers (doc), 0);
  cr_assert_eq (nlp_document_get_n_meta (doc), 0);
  cr_assert_eq (nlp_document_get_n_attrs (doc), 0);
  cr_assert_null (nlp_document_get_extra (doc));
  cr_assert_null (nlp_document_get_error (doc, NULL));
  /* the reused document works like a new one */
  cr_assert_not_null (nlp_document_add_layer (doc, "token", &error));
  nlp_document_free (doc);
}

Test (document, reset_with_invalid_text_fails_and_keeps_the_document)
{
  NlpDocument *doc = new_doc ("kept");
  GError *error = NULL;

  nlp_document_set_meta (doc, "source", "a.txt");
  cr_assert_not (nlp_document_reset (doc, "d2", "bad \xc3", -1, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING));
  cr_assert_str_eq (nlp_document_get_text (doc, NULL), "kept");
  cr_assert_str_eq (nlp_document_get_id (doc), "d1");
  cr_assert_str_eq (nlp_document_get_meta (doc, "source"), "a.txt");
  g_error_free (error);
  nlp_document_free (doc);
}

Test (document, error_record_names_stage_and_message)
{
  NlpDocument *doc = new_doc ("text");
  const char *stage = "unset";

  cr_assert_null (nlp_document_get_error (doc, &stage));
  cr_assert_null (stage);
  nlp_document_set_error (doc, "entity", "model file is corrupt");
  cr_assert_str_eq (nlp_document_get_error (doc, &stage), "model file is corrupt");
  cr_assert_str_eq (stage, "entity");
  nlp_document_free (doc);
}

Test (document, empty_text_is_a_valid_document)
{
  NlpDocument *doc = new_doc ("");

  cr_assert_eq (nlp_document_get_length (doc), 0);
  cr_assert_str_eq (nlp_document_get_text (doc, NULL), "");
  nlp_document_free (doc);
}
