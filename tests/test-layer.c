/* test-layer.c — standoff layers: ordered spans, binary-search look-ups,
 * typed columns and unset cells. */
#include <string.h>
#include "nlp-test.h"

/* "The cat sat.  It purred." with tokens at the words and the dot, leaving
 * gaps (spaces) between them. */
#define TEXT "The cat sat.  It purred."

static NlpDocument *doc;
static NlpLayer *token;

static void
setup (void)
{
  static const guint spans[][2] = {
    { 0, 3 }, { 4, 7 }, { 8, 11 }, { 11, 12 }, { 14, 16 }, { 17, 23 }, { 23, 24 }
  };
  GError *error = NULL;

  doc = nlp_document_new ("d", TEXT, -1, &error);
  token = nlp_document_add_layer (doc, "token", &error);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    cr_assert_eq (nlp_layer_add_span (token, spans[i][0], spans[i][1]), i);
}

static void
teardown (void)
{
  nlp_document_free (doc);
}

TestSuite (layer, .init = setup, .fini = teardown);

static char *
row_text (NlpLayer *layer, guint row)
{
  gsize len;
  const char *t = nlp_layer_get_text (layer, row, &len);
  return g_strndup (t, len);
}

Test (layer, rows_keep_append_order_and_spans)
{
  cr_assert_str_eq (nlp_layer_get_name (token), "token");
  cr_assert_eq (nlp_layer_get_n_rows (token), 7);
  cr_assert_eq (nlp_layer_get_start (token, 3), 11);
  cr_assert_eq (nlp_layer_get_end (token, 3), 12);
}

Test (layer, get_text_slices_the_document_text)
{
  const char *expect[] = { "The", "cat", "sat", ".", "It", "purred", "." };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      char *t = row_text (token, i);
      cr_assert_str_eq (t, expect[i], "row %u", i);
      g_free (t);
    }
  /* slices point into the text itself: no copy */
  cr_assert_eq (nlp_layer_get_text (token, 1, NULL),
                nlp_document_get_text (doc, NULL) + 4);
}

Test (layer, equal_starts_are_allowed_but_going_back_is_refused)
{
  NlpLayer *l = nlp_document_add_layer (doc, "nested", NULL);

  nlp_test_count_criticals ();
  cr_assert_eq (nlp_layer_add_span (l, 4, 11), 0);
  cr_assert_eq (nlp_layer_add_span (l, 4, 7), 1);
  cr_assert_eq (nlp_layer_add_span (l, 0, 3), NLP_NO_ROW);
  cr_assert_eq (nlp_layer_add_span (l, 5, 100), NLP_NO_ROW);   /* past the end */
  cr_assert_eq (nlp_layer_get_n_rows (l), 2);
  cr_assert_eq (nlp_test_n_criticals (), 2);
}

Test (layer, bulk_rows_follow_the_same_rules)
{
  NlpLayer *l = nlp_document_add_layer (doc, "bulk", NULL);
  const NlpSpan first[] = { { 0, 3 }, { 4, 7 } };
  const NlpSpan more[] = { { 8, 11 }, { 8, 12 }, { 14, 16 } };
  const NlpSpan back[] = { { 17, 23 }, { 1, 2 } };
  const NlpSpan past[] = { { 20, 99 } };
  const NlpSpan *view;
  guint n;

  nlp_test_count_criticals ();
  cr_assert_eq (nlp_layer_add_spans (l, first, 2), 0);
  cr_assert_eq (nlp_layer_add_span (l, 4, 11), 2);      /* equal start: fine */
  cr_assert_eq (nlp_layer_add_spans (l, more, 3), 3);
  /* a batch going back, or past the text, is refused whole */
  cr_assert_eq (nlp_layer_add_spans (l, back, 2), NLP_NO_ROW);
  cr_assert_eq (nlp_layer_add_spans (l, past, 1), NLP_NO_ROW);
  cr_assert_eq (nlp_test_n_criticals (), 2);
  view = nlp_layer_peek_spans (l, &n);
  cr_assert_eq (n, 6);
  cr_assert_eq (view[4].start, 8);
  cr_assert_eq (view[4].end, 12);
  cr_assert_eq (nlp_layer_lower_bound (l, 5), 3);
}

Test (layer, empty_span_at_the_end_of_the_text_is_allowed)
{
  NlpLayer *l = nlp_document_add_layer (doc, "marks", NULL);

  cr_assert_eq (nlp_layer_add_span (l, 24, 24), 0);
  cr_assert_eq (nlp_layer_get_text (l, 0, NULL)[0], '\0');
}

Test (layer, lower_bound_finds_the_first_row_at_or_after_an_offset)
{
  cr_assert_eq (nlp_layer_lower_bound (token, 0), 0);
  cr_assert_eq (nlp_layer_lower_bound (token, 1), 1);
  cr_assert_eq (nlp_layer_lower_bound (token, 4), 1);
  cr_assert_eq (nlp_layer_lower_bound (token, 11), 3);
  cr_assert_eq (nlp_layer_lower_bound (token, 12), 4);     /* in the gap */
  cr_assert_eq (nlp_layer_lower_bound (token, 23), 6);
  cr_assert_eq (nlp_layer_lower_bound (token, 24), 7);     /* past the last */
  cr_assert_eq (nlp_layer_lower_bound (token, 1000), 7);
}

Test (layer, find_covering_is_half_open_and_misses_gaps)
{
  cr_assert_eq (nlp_layer_find_covering (token, 0), 0);
  cr_assert_eq (nlp_layer_find_covering (token, 2), 0);
  cr_assert_eq (nlp_layer_find_covering (token, 3), NLP_NO_ROW);   /* end is exclusive */
  cr_assert_eq (nlp_layer_find_covering (token, 10), 2);
  cr_assert_eq (nlp_layer_find_covering (token, 11), 3);           /* adjacent rows */
  cr_assert_eq (nlp_layer_find_covering (token, 12), NLP_NO_ROW);
  cr_assert_eq (nlp_layer_find_covering (token, 13), NLP_NO_ROW);
  cr_assert_eq (nlp_layer_find_covering (token, 23), 6);
  cr_assert_eq (nlp_layer_find_covering (token, 24), NLP_NO_ROW);
}

Test (layer, range_gives_the_rows_inside_a_span)
{
  guint first = 99;

  /* the first sentence "The cat sat." */
  cr_assert_eq (nlp_layer_range (token, 0, 12, &first), 4);
  cr_assert_eq (first, 0);
  /* the second sentence "It purred." */
  cr_assert_eq (nlp_layer_range (token, 14, 24, &first), 3);
  cr_assert_eq (first, 4);
  /* a span over the gap only */
  cr_assert_eq (nlp_layer_range (token, 12, 14, &first), 0);
  cr_assert_eq (first, 4);
  /* empty and inverted spans hold nothing */
  cr_assert_eq (nlp_layer_range (token, 4, 4, &first), 0);
  cr_assert_eq (nlp_layer_range (token, 8, 4, &first), 0);
  cr_assert_eq (nlp_layer_range (token, 0, 24, NULL), 7);
}

Test (layer, lookups_on_an_empty_layer_find_nothing)
{
  NlpLayer *empty = nlp_document_add_layer (doc, "empty", NULL);
  guint first = 99;

  cr_assert_eq (nlp_layer_get_n_rows (empty), 0);
  cr_assert_eq (nlp_layer_lower_bound (empty, 0), 0);
  cr_assert_eq (nlp_layer_lower_bound (empty, 10), 0);
  cr_assert_eq (nlp_layer_find_covering (empty, 0), NLP_NO_ROW);
  cr_assert_eq (nlp_layer_range (empty, 0, 24, &first), 0);
  cr_assert_eq (first, 0);
}

Test (layer, lookups_on_a_large_layer_agree_with_a_linear_scan)
{
  GString *text = g_string_new (NULL);
  NlpDocument *big;
  NlpLayer *l;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, i % 3 ? "ab " : "abcd  ");
  big = nlp_document_new ("big", text->str, (gssize) text->len, NULL);
  l = nlp_document_add_layer (big, "token", NULL);
  for (guint i = 0; i < text->len;)
    {
      guint s = i;
      while (i < text->len && text->str[i] != ' ')
        i++;
      nlp_layer_add_span (l, s, i);
      while (i < text->len && text->str[i] == ' ')
        i++;
    }
  for (guint off = 0; off <= text->len; off++)
    {
      guint expect = NLP_NO_ROW;
      for (guint r = 0; r < nlp_layer_get_n_rows (l); r++)
        if (nlp_layer_get_start (l, r) <= off && off < nlp_layer_get_end (l, r))
          expect = r;
      cr_assert_eq (nlp_layer_find_covering (l, off), expect, "offset %u", off);
    }
  nlp_document_free (big);
  g_string_free (text, TRUE);
}

Test (layer, columns_of_every_type_hold_their_values)
{
  GError *error = NULL;
  NlpColumn *norm = nlp_layer_add_column (token, "norm", NLP_COLUMN_STRING, &error);
  NlpColumn *len = nlp_layer_add_column (token, "len", NLP_COLUMN_INT, &error);
  NlpColumn *score = nlp_layer_add_column (token, "score", NLP_COLUMN_DOUBLE, &error);

  nlp_column_set_string (norm, 0, "the");
  nlp_column_set_string_len (norm, 1, "catalogue", 3);
  nlp_column_set_int (len, 0, G_MININT64);
  nlp_column_set_int (len, 1, 3);
  nlp_column_set_double (score, 1, -0.75);
  cr_assert_str_eq (nlp_column_get_name (norm), "norm");
  cr_assert_eq (nlp_column_get_value_type (norm), NLP_COLUMN_STRING);
  cr_assert_eq (nlp_column_get_value_type (len), NLP_COLUMN_INT);
  cr_assert_eq (nlp_column_get_value_type (score), NLP_COLUMN_DOUBLE);
  cr_assert_str_eq (nlp_column_get_string (norm, 0), "the");
  cr_assert_str_eq (nlp_column_get_string (norm, 1), "cat");
  cr_assert_eq (nlp_column_get_int (len, 0), G_MININT64);
  cr_assert_eq (nlp_column_get_int (len, 1), 3);
  cr_assert_float_eq (nlp_column_get_double (score, 1), -0.75, 1e-12);
  cr_assert_eq (nlp_layer_get_n_columns (token), 3);
  cr_assert_eq (nlp_layer_get_column_at (token, 2), score);
  cr_assert_eq (nlp_layer_get_column (token, "len"), len);
  cr_assert_null (nlp_layer_get_column (token, "stem"));
}

Test (layer, string_cells_are_copied_into_the_arena)
{
  NlpColumn *norm = nlp_layer_add_column (token, "norm", NLP_COLUMN_STRING, NULL);
  char value[] = "the";

  nlp_column_set_string (norm, 0, value);
  value[0] = 'X';
  cr_assert_str_eq (nlp_column_get_string (norm, 0), "the");
}

Test (layer, ref_column_points_into_another_layer)
{
  GError *error = NULL;
  NlpLayer *sentence = nlp_document_add_layer (doc, "sentence", &error);
  NlpColumn *ref = nlp_layer_add_ref_column (token, "sentence", "sentence", &error);

  nlp_layer_add_span (sentence, 0, 12);
  nlp_layer_add_span (sentence, 14, 24);
  for (guint r = 0; r < 7; r++)
    if (r != 2)
      nlp_column_set_ref (ref, r, r < 4 ? 0 : 1);
  cr_assert_eq (nlp_column_get_value_type (ref), NLP_COLUMN_REF);
  cr_assert_str_eq (nlp_column_get_target (ref), "sentence");
  cr_assert_eq (nlp_column_get_ref (ref, 0), 0);
  cr_assert_eq (nlp_column_get_ref (ref, 5), 1);
  cr_assert_not (nlp_column_is_set (ref, 2));
  cr_assert_eq (nlp_column_get_ref (ref, 2), NLP_NO_ROW);
  cr_assert_null (nlp_column_get_target (nlp_layer_add_column (token, "x",
                                                               NLP_COLUMN_INT, NULL)));
}

Test (layer, cells_never_set_are_unset)
{
  NlpColumn *norm = nlp_layer_add_column (token, "norm", NLP_COLUMN_STRING, NULL);
  NlpColumn *len = nlp_layer_add_column (token, "len", NLP_COLUMN_INT, NULL);
  NlpColumn *score = nlp_layer_add_column (token, "score", NLP_COLUMN_DOUBLE, NULL);

  nlp_column_set_string (norm, 4, "it");
  nlp_column_set_int (len, 4, 0);            /* zero is a value, not unset */
  nlp_column_set_double (score, 4, 0.0);
  for (guint r = 0; r < 7; r++)
    {
      cr_assert_eq (nlp_column_is_set (norm, r), r == 4, "row %u", r);
      cr_assert_eq (nlp_column_is_set (len, r), r == 4, "row %u", r);
      cr_assert_eq (nlp_column_is_set (score, r), r == 4, "row %u", r);
    }
  cr_assert_null (nlp_column_get_string (norm, 6));
  cr_assert_eq (nlp_column_get_int (len, 6), 0);
  cr_assert_float_eq (nlp_column_get_double (score, 6), 0.0, 1e-12);
}

Test (layer, string_cell_set_to_null_is_unset)
{
  NlpColumn *norm = nlp_layer_add_column (token, "norm", NLP_COLUMN_STRING, NULL);

  nlp_column_set_string (norm, 1, "cat");
  nlp_column_set_string (norm, 1, NULL);
  cr_assert_not (nlp_column_is_set (norm, 1));
}

Test (layer, duplicate_column_is_an_error_naming_layer_and_column)
{
  GError *error = NULL;

  cr_assert_not_null (nlp_layer_add_column (token, "norm", NLP_COLUMN_STRING, &error));
  cr_assert_null (nlp_layer_add_column (token, "norm", NLP_COLUMN_INT, &error));
  cr_assert (g_error_matches (error, NLP_ERROR, NLP_ERROR_FAILED));
  cr_assert_not_null (strstr (error->message, "'token'"), "%s", error->message);
  cr_assert_not_null (strstr (error->message, "'norm'"), "%s", error->message);
  g_clear_error (&error);
  cr_assert_null (nlp_layer_add_ref_column (token, "norm", "sentence", &error));
  cr_assert_not_null (error);
  g_error_free (error);
  cr_assert_eq (nlp_layer_get_n_columns (token), 1);
}

Test (layer, rows_added_after_a_column_start_unset)
{
  NlpLayer *l = nlp_document_add_layer (doc, "late", NULL);
  NlpColumn *label = nlp_layer_add_column (l, "label", NLP_COLUMN_STRING, NULL);
  NlpColumn *count = nlp_layer_add_column (l, "count", NLP_COLUMN_INT, NULL);
  guint row;

  nlp_layer_add_span (l, 0, 3);
  nlp_column_set_string (label, 0, "DET");
  nlp_column_set_int (count, 0, 5);
  nlp_layer_add_span (l, 4, 7);
  row = nlp_layer_add_span (l, 8, 11);
  cr_assert_not (nlp_column_is_set (label, 1));
  cr_assert_not (nlp_column_is_set (count, row));
  nlp_column_set_int (count, row, 9);
  cr_assert_eq (nlp_column_get_int (count, 0), 5);
  cr_assert_eq (nlp_column_get_int (count, row), 9);
  cr_assert_not (nlp_column_is_set (count, 1));
}

Test (layer, setting_a_cell_past_the_last_row_is_refused)
{
  NlpColumn *len = nlp_layer_add_column (token, "len", NLP_COLUMN_INT, NULL);

  nlp_test_count_criticals ();
  nlp_column_set_int (len, 7, 1);             /* there are rows 0..6 */
  cr_assert_not (nlp_column_is_set (len, 7));
  cr_assert_eq (nlp_test_n_criticals (), 1);
}
