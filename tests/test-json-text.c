/* test-json-text.c — JSON attributes built as text (nlp-json-text.h): the
 * text is what the JSON writer writes for the same value as a JsonNode,
 * the tree is parsed on demand, and misuse is refused. */
#include <string.h>
#include "nlp-test.h"

/* The JSON writer's output for a document with one attribute "a". */
static char *
written (NlpDocument *doc)
{
  NlpWriterOptions options = { 0 };
  NlpWriter *writer;
  GString *out = g_string_new (NULL);
  GError *error = NULL;

  writer = nlp_writer_new ("json", &options, &error);
  cr_assert_not_null (writer, "%s", error ? error->message : "?");
  nlp_writer_format (writer, doc, out);
  nlp_writer_free (writer);
  return g_string_free (out, FALSE);
}

static NlpDocument *
new_doc (void)
{
  NlpDocument *doc = nlp_document_new ("d1", "Putin met Biden.", -1, NULL);
  cr_assert_not_null (doc);
  return doc;
}

/* A value with every kind of member: nested containers, strings that
 * need escaping, integers, doubles (short, long, negative, tiny), bools,
 * null. */
static void
build (NlpJsonText *j)
{
  nlp_json_text_begin_object (j);
  nlp_json_text_key (j, "name");
  nlp_json_text_string (j, "Sergey \"S.\" Lavrov\n\t\\ Зеленский 😀", -1);
  nlp_json_text_key (j, "count");
  nlp_json_text_int (j, -42);
  nlp_json_text_key (j, "big");
  nlp_json_text_int (j, G_MAXINT64);
  nlp_json_text_key (j, "scores");
  nlp_json_text_begin_array (j);
  nlp_json_text_double (j, 0.4404);
  nlp_json_text_double (j, -0.1);
  nlp_json_text_double (j, 1.0 / 3.0);
  nlp_json_text_double (j, 1e-300);
  nlp_json_text_double (j, 0.0);
  nlp_json_text_end_array (j);
  nlp_json_text_key (j, "empty");
  nlp_json_text_begin_object (j);
  nlp_json_text_end_object (j);
  nlp_json_text_key (j, "none");
  nlp_json_text_begin_array (j);
  nlp_json_text_end_array (j);
  nlp_json_text_key (j, "yes");
  nlp_json_text_bool (j, TRUE);
  nlp_json_text_key (j, "no");
  nlp_json_text_bool (j, FALSE);
  nlp_json_text_key (j, "nothing");
  nlp_json_text_null (j);
  nlp_json_text_key (j, "prefix");
  nlp_json_text_string (j, "abcdef", 3);
  nlp_json_text_end_object (j);
}

/* The same value as a json-glib tree. */
static JsonNode *
build_node (void)
{
  JsonObject *o = json_object_new ();
  JsonArray *a = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (o, "name", "Sergey \"S.\" Lavrov\n\t\\ Зеленский 😀");
  json_object_set_int_member (o, "count", -42);
  json_object_set_int_member (o, "big", G_MAXINT64);
  json_array_add_double_element (a, 0.4404);
  json_array_add_double_element (a, -0.1);
  json_array_add_double_element (a, 1.0 / 3.0);
  json_array_add_double_element (a, 1e-300);
  json_array_add_double_element (a, 0.0);
  json_object_set_array_member (o, "scores", a);
  json_object_set_object_member (o, "empty", json_object_new ());
  json_object_set_array_member (o, "none", json_array_new ());
  json_object_set_boolean_member (o, "yes", TRUE);
  json_object_set_boolean_member (o, "no", FALSE);
  json_object_set_null_member (o, "nothing");
  json_object_set_string_member (o, "prefix", "abc");
  json_node_take_object (node, o);
  return node;
}

Test (json_text, writes_what_the_json_writer_writes_for_the_same_tree)
{
  NlpDocument *as_text = new_doc (), *as_node = new_doc ();
  NlpJsonText *j = nlp_json_text_new ();
  char *a, *b;

  build (j);
  nlp_document_set_json_text (as_text, "a", j);
  nlp_document_set_json (as_node, "a", build_node ());
  a = written (as_text);
  b = written (as_node);
  cr_assert_str_eq (a, b);
  cr_assert_not_null (strstr (a, "\"attributes\":{\"a\":{\"name\":\"Sergey \\\"S.\\\""));
  g_free (a);
  g_free (b);
  nlp_json_text_free (j);
  nlp_document_free (as_text);
  nlp_document_free (as_node);
}

Test (json_text, the_tree_is_parsed_on_demand_and_kept)
{
  NlpDocument *doc = new_doc ();
  NlpJsonText *j = nlp_json_text_new ();
  JsonNode *node;
  JsonObject *o;

  build (j);
  nlp_document_set_json_text (doc, "a", j);
  /* the document has its own copy: the builder can be reused at once */
  nlp_json_text_reset (j);
  nlp_json_text_int (j, 7);
  cr_assert_eq (nlp_document_get_attr_type (doc, 0), NLP_VALUE_JSON);
  node = nlp_document_get_attr_json (doc, 0);
  cr_assert_not_null (node);
  cr_assert_eq (nlp_document_get_attr_json (doc, 0), node, "parsed once, then kept");
  o = json_node_get_object (node);
  cr_assert_eq (json_object_get_int_member (o, "count"), -42);
  cr_assert_eq (json_object_get_int_member (o, "big"), G_MAXINT64);
  cr_assert_str_eq (json_object_get_string_member (o, "prefix"), "abc");
  cr_assert_eq (json_array_get_length (json_object_get_array_member (o, "scores")), 5);
  cr_assert_float_eq (json_array_get_double_element (json_object_get_array_member (o, "scores"), 0),
                      0.4404, 1e-15);
  cr_assert (json_object_get_boolean_member (o, "yes"));
  cr_assert (json_object_get_null_member (o, "nothing"));
  nlp_json_text_free (j);
  nlp_document_free (doc);
}

Test (json_text, replacing_a_text_attribute_and_resetting_a_builder)
{
  NlpDocument *doc = new_doc ();
  NlpJsonText *j = nlp_json_text_new ();
  gsize len;

  nlp_json_text_begin_array (j);
  nlp_json_text_int (j, 1);
  nlp_json_text_int (j, 2);
  nlp_json_text_end_array (j);
  cr_assert_str_eq (nlp_json_text_get (j, &len), "[1,2]");
  cr_assert_eq (len, 5);
  nlp_document_set_json_text (doc, "x", j);
  nlp_document_set_int (doc, "x", 3);
  cr_assert_eq (nlp_document_get_n_attrs (doc), 1);
  cr_assert_eq (nlp_document_get_attr_type (doc, 0), NLP_VALUE_INT);
  nlp_json_text_reset (j);
  nlp_json_text_string (j, "top-level string", -1);
  nlp_document_set_json_text (doc, "x", j);
  cr_assert_str_eq (json_node_get_string (nlp_document_get_attr_json (doc, 0)),
                    "top-level string");
  nlp_json_text_free (j);
  nlp_document_free (doc);
}

/* Each misuse: one critical, and no value to set until a reset. */
static void
check_misuse (void (*misuse) (NlpJsonText *j))
{
  NlpJsonText *j = nlp_json_text_new ();

  nlp_test_count_criticals ();
  misuse (j);
  cr_assert_eq (nlp_test_n_criticals (), 1);
  cr_assert_null (nlp_json_text_get (j, NULL));
  nlp_json_text_reset (j);
  nlp_json_text_int (j, 1);
  cr_assert_str_eq (nlp_json_text_get (j, NULL), "1", "usable again after a reset");
  nlp_json_text_free (j);
}

static void value_without_key (NlpJsonText *j)
{
  nlp_json_text_begin_object (j);
  nlp_json_text_int (j, 1);
  nlp_json_text_end_object (j);
}

static void key_in_array (NlpJsonText *j)
{
  nlp_json_text_begin_array (j);
  nlp_json_text_key (j, "k");
}

static void two_keys (NlpJsonText *j)
{
  nlp_json_text_begin_object (j);
  nlp_json_text_key (j, "a");
  nlp_json_text_key (j, "b");
}

static void key_without_value (NlpJsonText *j)
{
  nlp_json_text_begin_object (j);
  nlp_json_text_key (j, "a");
  nlp_json_text_end_object (j);
}

static void wrong_end (NlpJsonText *j)
{
  nlp_json_text_begin_array (j);
  nlp_json_text_end_object (j);
}

static void two_values (NlpJsonText *j)
{
  nlp_json_text_int (j, 1);
  nlp_json_text_int (j, 2);
}

static void unclosed (NlpJsonText *j)
{
  nlp_json_text_begin_array (j);
  nlp_json_text_int (j, 1);
  /* not a misuse yet, but not a value either */
  cr_assert_null (nlp_json_text_get (j, NULL));
  nlp_json_text_end_object (j);
}

Test (json_text, misuse_is_reported_and_leaves_no_value)
{
  check_misuse (value_without_key);
  check_misuse (key_in_array);
  check_misuse (two_keys);
  check_misuse (key_without_value);
  check_misuse (wrong_end);
  check_misuse (two_values);
  check_misuse (unclosed);
}
