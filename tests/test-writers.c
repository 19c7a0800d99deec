/* test-writers.c — the formats tools consume (json, tsv, sentences),
 * on documents built by hand (writer-doc.c) from fixture articles with
 * accents, curly quotes, CJK, emoji and markup. */
#include <string.h>
#include "writer-doc.h"

static const WdEntity unicode_entities[] = {
  { "José Müller", "PER", NULL },
  { "Zürich", "LOC", NULL },
  { "東京", "LOC", NULL },
  { "São Paulo", "LOC", NULL },
  { "北京烤鸭", "MISC", NULL },
  { "Ångström", "ORG", NULL },
  { NULL, NULL, NULL },
};

static NlpDocument *
unicode_doc (void)
{
  char *path = nlp_test_fixture ("writers/unicode.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = wd_new ("unicode", text, unicode_entities, NULL);
  NlpLayer *phrases = nlp_document_add_layer (doc, "keyphrase", NULL);
  NlpColumn *score = nlp_layer_add_column (phrases, "score", NLP_COLUMN_DOUBLE, NULL);
  NlpColumn *rank = nlp_layer_add_column (phrases, "rank", NLP_COLUMN_INT, NULL);
  NlpColumn *ref = nlp_layer_add_ref_column (phrases, "sentence", "sentence", NULL);
  const char *t = nlp_document_get_text (doc, NULL);
  const char *emoji = strstr (t, "😀"), *family = strstr (t, "👩");
  guint row;

  /* a third-party layer: a stage the writers have never heard of */
  row = nlp_layer_add_span (phrases, emoji - t, emoji - t + strlen ("😀"));
  nlp_column_set_double (score, row, 0.1);
  nlp_column_set_int (rank, row, 2);
  nlp_column_set_ref (ref, row, 0);
  row = nlp_layer_add_span (phrases, family - t, family - t + strlen ("👩‍👩‍👧"));
  nlp_column_set_double (score, row, 0.4404);   /* rank and ref left unset */
  nlp_document_set_double (doc, "readability", 0.1);
  nlp_document_set_json (doc, "keywords",
                         json_from_string ("{\"top\":[\"café\",0.25],\"n\":3}", NULL));
  nlp_document_set_meta (doc, "title", "“Curly” <title>");
  g_free (text);
  g_free (path);
  return doc;
}

/* Checks that every row of every layer in the JSON output, sliced out of
 * the JSON "text" with the stated offset unit, is the text of the row in
 * the document.  Returns the number of rows checked. */
static guint
assert_spans_slice (NlpDocument *doc, JsonObject *root, gboolean bytes)
{
  const char *text = json_object_get_string_member (root, "text");
  JsonObject *layers = json_object_get_object_member (root, "layers");
  guint checked = 0;

  cr_assert_str_eq (text, nlp_document_get_text (doc, NULL));
  cr_assert_str_eq (json_object_get_string_member (root, "offsets"),
                    bytes ? "byte" : "codepoint");
  for (guint i = 0; i < nlp_document_get_n_layers (doc); i++)
    {
      NlpLayer *layer = nlp_document_get_layer_at (doc, i);
      JsonArray *rows = json_object_get_array_member (layers, nlp_layer_get_name (layer));

      cr_assert_eq (json_array_get_length (rows), nlp_layer_get_n_rows (layer));
      for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          gint64 start = json_object_get_int_member (row, "start");
          gint64 end = json_object_get_int_member (row, "end");
          gsize len;
          const char *want = nlp_layer_get_text (layer, r, &len);
          const char *from = bytes ? text + start : g_utf8_offset_to_pointer (text, start);
          const char *to = bytes ? text + end : g_utf8_offset_to_pointer (text, end);

          cr_assert_eq ((gsize) (to - from), len, "%s row %u: [%" G_GINT64_FORMAT ", %"
                        G_GINT64_FORMAT ") has the wrong length", nlp_layer_get_name (layer),
                        r, start, end);
          cr_assert (memcmp (from, want, len) == 0, "%s row %u: '%.*s' != '%.*s'",
                     nlp_layer_get_name (layer), r, (int) len, from, (int) len, want);
          checked++;
        }
    }
  return checked;
}

static JsonObject *
parse_object (const char *json, JsonNode **node)
{
  *node = nlp_test_parse_json (json);
  cr_assert (JSON_NODE_HOLDS_OBJECT (*node));
  return json_node_get_object (*node);
}

Test (json, codepoint_offsets_slice_the_text)
{
  NlpDocument *doc = unicode_doc ();
  char *out = wd_format ("json", NULL, doc);
  JsonNode *node;
  JsonObject *root = parse_object (out, &node);
  JsonArray *entities;

  cr_assert_eq (json_object_get_int_member (root, "nlpipe"), 1);
  {
    guint rows = assert_spans_slice (doc, root, FALSE);
    cr_assert_gt (rows, 60, "rows checked: %u", rows);
  }
  /* "José Müller" starts the text: 11 code points, 13 bytes */
  entities = json_object_get_array_member (json_object_get_object_member (root, "layers"),
                                           "entity");
  cr_assert_eq (json_object_get_int_member (json_array_get_object_element (entities, 0),
                                            "end"), 11);
  json_node_unref (node);
  g_free (out);
  nlp_document_free (doc);
}

Test (json, byte_offsets_on_request)
{
  NlpDocument *doc = unicode_doc ();
  NlpWriterOptions o = { .byte_offsets = TRUE };
  char *out = wd_format ("json", &o, doc);
  JsonNode *node;
  JsonObject *root = parse_object (out, &node);
  JsonArray *entities = json_object_get_array_member (
      json_object_get_object_member (root, "layers"), "entity");

  {
    guint rows = assert_spans_slice (doc, root, TRUE);
    cr_assert_gt (rows, 60, "rows checked: %u", rows);
  }
  cr_assert_eq (json_object_get_int_member (json_array_get_object_element (entities, 0),
                                            "end"), 13);
  json_node_unref (node);
  g_free (out);
  nlp_document_free (doc);
}

Test (json, third_party_layers_and_attributes_are_generic)
{
  NlpDocument *doc = unicode_doc ();
  char *out = wd_format ("json", NULL, doc);
  JsonNode *node;
  JsonObject *root = parse_object (out, &node);
  JsonArray *phrases = json_object_get_array_member (
      json_object_get_object_member (root, "layers"), "keyphrase");
  JsonObject *first = json_array_get_object_element (phrases, 0);
  JsonObject *second = json_array_get_object_element (phrases, 1);
  JsonObject *attrs = json_object_get_object_member (root, "attributes");

  cr_assert_eq (json_object_get_double_member (first, "score"), 0.1);
  cr_assert_eq (json_object_get_int_member (first, "rank"), 2);
  cr_assert_eq (json_object_get_int_member (first, "sentence"), 0);
  cr_assert (json_object_get_null_member (second, "rank"), "unset cells are null");
  cr_assert (json_object_get_null_member (second, "sentence"));
  cr_assert_eq (json_object_get_double_member (attrs, "readability"), 0.1);
  cr_assert_eq (json_object_get_int_member (json_object_get_object_member (attrs, "keywords"),
                                            "n"), 3);
  cr_assert_str_eq (json_object_get_string_member (
                        json_object_get_object_member (root, "meta"), "title"),
                    "“Curly” <title>");
  /* numbers read back exactly and print the shortest way */
  cr_assert (strstr (out, "\"score\":0.4404,") != NULL);
  cr_assert (strstr (out, "[\"café\",0.25]") != NULL, "attribute JSON: %s", out);
  cr_assert (strstr (out, "0.1000000") == NULL);
  json_node_unref (node);
  g_free (out);
  nlp_document_free (doc);
}

Test (json, one_line_per_document)
{
  NlpDocument *docs[2] = {
    unicode_doc (), wd_new ("second\n\"id\"", "Line one.\nLine two.", NULL, NULL),
  };
  char *out = wd_format_docs ("json", NULL, docs, 2);
  char **lines = g_strsplit (out, "\n", -1);

  cr_assert_eq (g_strv_length (lines), 3, "JSON Lines: two lines and a final newline");
  cr_assert_str_empty (lines[2]);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *node;
      JsonObject *root = parse_object (lines[i], &node);
      guint rows = assert_spans_slice (docs[i], root, FALSE);
      cr_assert_geq (rows, i ? 8u : 60u, "rows checked: %u", rows);
      json_node_unref (node);
      nlp_document_free (docs[i]);
    }
  g_strfreev (lines);
  g_free (out);
}

Test (json, pretty_is_the_same_value_indented)
{
  NlpDocument *doc = unicode_doc ();
  NlpWriterOptions o = { .pretty = TRUE };
  char *compact = wd_format ("json", NULL, doc);
  char *pretty = wd_format ("json", &o, doc);
  JsonNode *a = nlp_test_parse_json (compact), *b = nlp_test_parse_json (pretty);

  cr_assert (json_node_equal (a, b));
  cr_assert_gt (wd_count (pretty, "\n"), 100);
  cr_assert (strstr (pretty, "\n  \"offsets\": \"codepoint\",\n") != NULL);
  cr_assert (strstr (pretty, "\"score\": 0.4404,\n") != NULL, "%s", pretty);
  /* strings keep their escapes and brackets inside them stay put */
  cr_assert (strstr (pretty, "\"title\": \"“Curly” <title>\"") != NULL);
  json_node_unref (a);
  json_node_unref (b);
  g_free (compact);
  g_free (pretty);
  nlp_document_free (doc);
}

Test (json, error_record_and_escapes)
{
  NlpDocument *doc = wd_new ("tab\there", "Quote \" backslash \\ bell \a.", NULL, NULL);
  char *out;
  JsonNode *node;
  JsonObject *root, *err;

  nlp_document_set_error (doc, "entity", "model \"x\" failed");
  out = wd_format ("json", NULL, doc);
  root = parse_object (out, &node);
  err = json_object_get_object_member (root, "error");
  cr_assert_str_eq (json_object_get_string_member (root, "id"), "tab\there");
  cr_assert_str_eq (json_object_get_string_member (err, "stage"), "entity");
  cr_assert_str_eq (json_object_get_string_member (err, "message"), "model \"x\" failed");
  {
    guint rows = assert_spans_slice (doc, root, FALSE);
    cr_assert_eq (rows, 8, "7 tokens (the bell is one), 1 sentence");
  }
  json_node_unref (node);
  g_free (out);
  nlp_document_free (doc);
}

/* ---- tsv ------------------------------------------------------------- */

static const WdEntity summit_entities[] = {
  { "Vladimir Putin", "PER", NULL },
  { "Donald Trump", "PER", NULL },
  { "Anchorage", "LOC", NULL },
  { "Friday", "DATE", NULL },
  { NULL, NULL, NULL },
};

static const char summit[] =
  "Vladimir Putin met Donald Trump in Anchorage.\nTalks ended on Friday.";

Test (tsv, default_columns_sentences_and_bio)
{
  NlpDocument *doc = wd_new ("d1", summit, summit_entities, NULL);
  char *out = wd_format ("tsv", NULL, doc);

  cr_assert_str_eq (out,
    "# doc = d1\n"
    "# columns = token norm kind stem entity\n"
    "Vladimir\tvladimir\tword\tvladimir\tB-PER\n"
    "Putin\tputin\tword\tputin\tI-PER\n"
    "met\tmet\tword\tmet\tO\n"
    "Donald\tdonald\tword\tdonald\tB-PER\n"
    "Trump\ttrump\tword\ttrump\tI-PER\n"
    "in\tin\tword\tin\tO\n"
    "Anchorage\tanchorage\tword\tanchorage\tB-LOC\n"
    ".\t.\tpunct\t_\tO\n"
    "\n"
    "Talks\ttalks\tword\ttalk\tO\n"
    "ended\tended\tword\tended\tO\n"
    "on\ton\tword\ton\tO\n"
    "Friday\tfriday\tword\tfriday\tB-DATE\n"
    ".\t.\tpunct\t_\tO\n"
    "\n");
  g_free (out);
  nlp_document_free (doc);
}

Test (tsv, no_entity_layer_no_entity_column)
{
  NlpDocument *doc = wd_new ("d2", "Two words.", NULL, NULL);
  char *out = wd_format ("tsv", NULL, doc);

  cr_assert_str_eq (out, "# doc = d2\n# columns = token norm kind stem\n"
                    "Two\ttwo\tword\ttwo\nwords\twords\tword\tword\n.\t.\tpunct\t_\n\n");
  g_free (out);
  nlp_document_free (doc);
}

Test (tsv, chosen_columns_and_offsets)
{
  NlpDocument *doc = wd_new ("u", "Zürich “東京” 😀 ok", NULL, NULL);
  NlpWriterOptions o = { .columns = "token,start,end,token.kind,missing" };
  NlpWriterOptions ob = { .columns = "start,end", .byte_offsets = TRUE };
  char *out = wd_format ("tsv", &o, doc);
  char *bytes = wd_format ("tsv", &ob, doc);

  cr_assert_str_eq (out,
    "# doc = u\n# columns = token start end token.kind missing\n"
    "Zürich\t0\t6\tword\t_\n"
    "“\t7\t8\tpunct\t_\n"
    "東京\t8\t10\tword\t_\n"
    "”\t10\t11\tpunct\t_\n"
    "😀\t12\t13\tpunct\t_\n"
    "ok\t14\t16\tword\t_\n\n");
  cr_assert_str_eq (bytes,
    "# doc = u\n# columns = start end\n"
    "0\t7\n8\t11\n11\t17\n17\t20\n21\t25\n26\t28\n\n");
  g_free (bytes);
  g_free (out);
  nlp_document_free (doc);
}

Test (tsv, nested_partial_and_unlabelled_entities)
{
  static const WdEntity entities[] = {
    { "Bank of England", "ORG", NULL },
    { "England", "LOC", NULL },          /* nested: the outer mention wins */
    { "Lond", "LOC", NULL },             /* part of a token: tags the token */
    { "rates", NULL, NULL },             /* no label */
    { NULL, NULL, NULL },
  };
  NlpDocument *doc = wd_new ("n", "Bank of England raised rates in London.", entities, NULL);
  NlpWriterOptions o = { .columns = "token,entity" };
  char *out = wd_format ("tsv", &o, doc);

  cr_assert_str_eq (out, "# doc = n\n# columns = token entity\n"
                    "Bank\tB-ORG\nof\tI-ORG\nEngland\tI-ORG\nraised\tO\nrates\tB-ENT\n"
                    "in\tO\nLondon\tB-LOC\n.\tO\n\n");
  g_free (out);
  nlp_document_free (doc);
}

Test (tsv, cells_never_break_the_layout)
{
  NlpDocument *doc = wd_new ("id\twith\ttabs", "A b", NULL, NULL);
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *gloss = nlp_layer_add_column (tokens, "gloss", NLP_COLUMN_STRING, NULL);
  NlpColumn *weight = nlp_layer_add_column (tokens, "weight", NLP_COLUMN_DOUBLE, NULL);
  char *out;

  nlp_column_set_string (gloss, 0, "two\tlines\nhere");
  nlp_column_set_string (gloss, 1, "");
  nlp_column_set_double (weight, 0, 0.5);
  out = wd_format ("tsv", NULL, doc);
  cr_assert_str_eq (out, "# doc = id with tabs\n# columns = token norm kind stem gloss weight\n"
                    "A\ta\tword\ta\ttwo lines here\t0.5\n"
                    "b\tb\tword\tb\t_\t_\n\n");
  g_free (out);
  nlp_document_free (doc);
}

/* ---- sentences -------------------------------------------------------- */

Test (sentences, one_line_each_breaks_as_spaces)
{
  NlpDocument *doc = wd_new ("s", "x", NULL, NULL);
  const char *text = "First\tone\r\nacross lines.  Second\xE2\x80\xA8one\xC2\x85here.";
  NlpDocument *two = nlp_document_new ("t", text, -1, NULL);
  NlpLayer *sentences = nlp_document_add_layer (two, "sentence", NULL);
  NlpDocument *bare = nlp_document_new ("b", "No\nsentence layer.", -1, NULL);
  NlpDocument *empty = nlp_document_new ("e", "", 0, NULL);
  NlpWriter *writer = nlp_writer_new ("sentences", NULL, NULL);
  GString *out = g_string_new (NULL);

  nlp_layer_add_span (sentences, 0, strstr (text, ".  ") - text + 1);
  nlp_layer_add_span (sentences, strstr (text, "Second") - text, strlen (text));
  nlp_writer_format (writer, two, out);
  nlp_writer_format (writer, empty, out);
  nlp_writer_format (writer, bare, out);
  nlp_writer_format (writer, doc, out);
  cr_assert_str_eq (out->str, "First one  across lines.\nSecond one here.\n"
                    "No sentence layer.\nx\n");
  g_string_free (out, TRUE);
  nlp_writer_free (writer);
  nlp_document_free (empty);
  nlp_document_free (bare);
  nlp_document_free (two);
  nlp_document_free (doc);
}

Test (formats, listed_and_described)
{
  const char *const *names = nlp_writer_list_formats ();
  const char *want[] = { "json", "text", "tsv", "html", "sentences", "none" };

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      cr_assert (g_strv_contains (names, want[i]), "format %s is listed", want[i]);
      cr_assert_not_null (nlp_writer_describe (want[i]));
    }
}
