/* test-sentence-corpus.c — every case of the tests/fixtures/sentences/ files
 * through tokenize,sentence; each failure is reported with its file and
 * case name.
 *
 * Case format (see tests/fixtures/sentences/README):
 *
 *   === NAME [OPTION=VALUE ...]     options of the sentence stage
 *   input, one or more lines        (the last line break is not input)
 *   ---
 *   expected sentence, one per line (compared with white space runs as
 *   one space, as `nlpipe -f sentences` prints them)
 */
#include <string.h>
#include "nlp-test.h"

typedef struct {
  char  *name;
  char **options;    /* "sentence.OPTION=VALUE" */
  char  *input;
  GPtrArray *expected;
} Case;

static void
case_free (Case *c)
{
  g_free (c->name);
  g_strfreev (c->options);
  g_free (c->input);
  g_ptr_array_unref (c->expected);
  g_free (c);
}

/* (transfer full) @s with each white space run as one space, trimmed. */
static char *
squeeze (const char *s, gsize len)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* (transfer full) the cases of one fixture file, a GPtrArray of Case. */
static GPtrArray *
read_cases (const char *file)
{
  char *path = g_build_filename (NLP_TEST_SRCDIR, "tests", "fixtures", "sentences", file, NULL);
  char *text = nlp_test_read (path);
  char **lines = g_strsplit (text, "\n", -1);
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  Case *c = NULL;
  GString *input = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      if (g_str_has_prefix (line, "=== "))
        {
          char **words = g_strsplit (line + 4, " ", -1);
          guint n = g_strv_length (words);
          c = g_new0 (Case, 1);
          c->name = g_strdup (words[0]);
          c->options = g_new0 (char *, n);
          for (guint j = 1; j < n; j++)
            c->options[j - 1] = g_strdup_printf ("sentence.%s", words[j]);
          c->expected = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (cases, c);
          input = g_string_new (NULL);
          g_strfreev (words);
        }
      else if (c != NULL && input != NULL && strcmp (line, "---") == 0)
        {
          if (input->len > 0)
            g_string_truncate (input, input->len - 1);   /* the last '\n' */
          c->input = g_string_free (input, FALSE);
          input = NULL;
        }
      else if (input != NULL)
        g_string_append_printf (input, "%s\n", line);
      else if (c != NULL && line[0] != '\0')
        g_ptr_array_add (c->expected, squeeze (line, strlen (line)));
    }
  cr_assert_null (input, "%s: case '%s' has no '---' line", file, c ? c->name : "?");
  g_strfreev (lines);
  g_free (text);
  g_free (path);
  return cases;
}

static NlpDocument *
run_case (const Case *c)
{
  NlpChainSpec *spec = nlp_chain_spec_new ();
  NlpRegistry *registry = nlp_registry_new ();
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  NlpDocument *doc;
  GError *error = NULL;

  cr_assert (nlp_chain_spec_set_stages (spec, "tokenize,sentence", &error));
  for (guint i = 0; c->options[i] != NULL; i++)
    cr_assert (nlp_chain_spec_parse_set (spec, c->options[i], &error),
               "case '%s': %s", c->name, error->message);
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "?");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker);
  doc = nlp_document_new (c->name, c->input, -1, &error);
  cr_assert_not_null (doc, "case '%s': %s", c->name, error ? error->message : "?");
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error));
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_registry_free (registry);
  nlp_chain_spec_free (spec);
  return doc;
}

static char *
join (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "\n    %s", (const char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
check_file (const char *file)
{
  GPtrArray *cases = read_cases (file);

  cr_assert_gt (cases->len, 0, "%s has no case", file);
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      NlpDocument *doc = run_case (c);
      NlpLayer *layer = nlp_document_get_layer (doc, "sentence");
      GPtrArray *got = g_ptr_array_new_with_free_func (g_free);
      gboolean same;

      for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
        {
          gsize len;
          const char *s = nlp_layer_get_text (layer, r, &len);
          g_ptr_array_add (got, squeeze (s, len));
        }
      same = got->len == c->expected->len;
      for (guint r = 0; same && r < got->len; r++)
        same = strcmp (got->pdata[r], c->expected->pdata[r]) == 0;
      if (!same)
        {
          char *g = join (got), *e = join (c->expected);
          cr_expect (same, "%s: case '%s'\n  got:%s\n  expected:%s", file, c->name, g, e);
          g_free (g);
          g_free (e);
        }
      g_ptr_array_unref (got);
      nlp_document_free (doc);
    }
  g_ptr_array_unref (cases);
}

static const char *const files[] = {
  "abbreviations.txt", "numbers.txt", "punctuation.txt", "lists.txt",
  "layout.txt", "web.txt", "news.txt", "scripts.txt", NULL
};

Test (corpus, abbreviations) { check_file ("abbreviations.txt"); }
Test (corpus, numbers) { check_file ("numbers.txt"); }
Test (corpus, punctuation) { check_file ("punctuation.txt"); }
Test (corpus, lists) { check_file ("lists.txt"); }
Test (corpus, layout) { check_file ("layout.txt"); }
Test (corpus, web) { check_file ("web.txt"); }
Test (corpus, scripts) { check_file ("scripts.txt"); }
Test (corpus, news) { check_file ("news.txt"); }

/* Every fixture file is run above, and together they hold 200+ cases. */
Test (corpus, all_files_listed_and_200_cases)
{
  char *dir = g_build_filename (NLP_TEST_SRCDIR, "tests", "fixtures", "sentences", NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint total = 0;

  cr_assert_not_null (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      cr_expect (g_strv_contains (files, name), "%s is not listed in test-sentence-corpus.c", name);
  for (guint i = 0; files[i] != NULL; i++)
    {
      GPtrArray *cases = read_cases (files[i]);
      total += cases->len;
      g_ptr_array_unref (cases);
    }
  cr_expect_geq (total, 200, "only %u cases", total);
  g_dir_close (d);
  g_free (dir);
}
