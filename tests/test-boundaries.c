/* test-boundaries.c — the span properties of tokenize,sentence on inputs
 * nobody would write: random valid UTF-8, invalid UTF-8, a 10 MB line and
 * 10 MB of "a. a. a." (linear time: it completes; speed itself is measured
 * by bench/bench-boundaries.sh, never asserted here).  The same properties
 * are fuzzed by tests/fuzz/fuzz-tokenize.c. */
#include <string.h>
#include "nlp-test.h"

/* Tokens ordered, non-overlapping, on character boundaries, covering every
 * non-space character; sentences ordered, made of whole tokens, covering
 * every token. */
static void
check_properties (NlpDocument *doc)
{
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  NlpLayer *tok = nlp_document_get_layer (doc, "token");
  NlpLayer *sent = nlp_document_get_layer (doc, "sentence");
  guint nt = nlp_layer_get_n_rows (tok), ns = nlp_layer_get_n_rows (sent), next = 0;
  gsize pos = 0;

  for (guint i = 0; i < nt; i++)
    {
      guint a = nlp_layer_get_start (tok, i), b = nlp_layer_get_end (tok, i);
      cr_assert (a >= pos && a < b && b <= len, "token %u [%u,%u)", i, a, b);
      cr_assert ((text[a] & 0xC0) != 0x80 && (b == len || (text[b] & 0xC0) != 0x80));
      for (; pos < a; pos = g_utf8_next_char (text + pos) - text)
        {
          gunichar c = g_utf8_get_char (text + pos);
          cr_assert (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF,
                     "U+%04X at %" G_GSIZE_FORMAT " is in no token", c, pos);
        }
      pos = b;
    }
  for (guint i = 0; i < ns; i++)
    {
      guint first, count = nlp_layer_range (tok, nlp_layer_get_start (sent, i),
                                            nlp_layer_get_end (sent, i), &first);
      cr_assert (count > 0 && first == next, "sentence %u does not follow its predecessor", i);
      cr_assert_eq (nlp_layer_get_end (tok, first + count - 1), nlp_layer_get_end (sent, i));
      next = first + count;
    }
  cr_assert_eq (next, nt, "tokens outside every sentence");
}

static void
check_text (const char *text, gsize len)
{
  NlpDocument *doc;
  GError *error = NULL;
  char *copy = g_strndup (text, len);

  doc = nlp_pipeline_run_text ("tokenize,sentence", copy, &error);
  cr_assert_not_null (doc, "%s", error ? error->message : "?");
  check_properties (doc);
  nlp_document_free (doc);
  g_free (copy);
}

/* Random strings over an alphabet of the characters the rules care about. */
Test (boundaries, random_text_keeps_the_properties)
{
  static const char *const pieces[] = {
    "a", "Z", "1", "9", ".", ".", "?", "!", "'", "\"", "-", "@", "#", "&", ",", ":",
    "/", "(", ")", "[", " ", " ", "\n", "\n\n", "\t", "U.S.", "Mr", "http://x.y",
    "…", "—", "’", "“", "”", "é", "\u0301", "😀", "\u200d", "🏽", "🇺", "\ufe0f",
    "\u2029", "\u00a0", "\u200b", "•", "1.", "a)", "www.", ".com", "\r\n",
  };
  GRand *rand = g_rand_new_with_seed (20240817);

  for (guint round = 0; round < 300; round++)
    {
      GString *s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 200);
      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      check_text (s->str, s->len);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

Test (boundaries, invalid_utf8_is_refused_cleanly)
{
  GError *error = NULL;
  NlpDocument *doc = nlp_pipeline_run_text ("tokenize,sentence", "ok \xff\xfe bad", &error);

  cr_assert_null (doc);
  cr_assert_not_null (error);
  g_error_free (error);
}

Test (boundaries, ten_megabyte_line)
{
  gsize len = 10 * 1024 * 1024;
  char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    text[i] = "abc.def-ghi'jk@"[i % 15];
  text[len] = '\0';
  check_text (text, len);
  g_free (text);
}

Test (boundaries, ten_megabytes_of_a_dot_a)
{
  gsize len = 10 * 1024 * 1024;
  char *text = g_malloc (len + 1);
  NlpDocument *doc;

  for (gsize i = 0; i < len; i++)
    text[i] = "a. "[i % 3];
  text[len] = '\0';
  doc = nlp_pipeline_run_text ("tokenize,sentence", text, NULL);
  cr_assert_not_null (doc);
  /* "a." is an initial-like single letter: the splitter must still finish. */
  cr_expect_gt (nlp_layer_get_n_rows (nlp_document_get_layer (doc, "token")), len / 2);
  nlp_document_free (doc);
  g_free (text);
}
