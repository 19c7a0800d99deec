/* test-sentiment — the VADER scorer against the reference's own outputs,
 * and the sentiment stage on real articles. */
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "nlp-test.h"
#include "vader.h"

/* ---- the scorer -------------------------------------------------------- */

#define DATA_DIR NLP_TEST_SRCDIR "/plugins/sentiment/data"
#define DOMAIN_LEXICON "summit\t2.5\t0.5\t[2, 3]\ncrash\t0.5\n"

/* (transfer full) the path of a new temporary file holding @contents. */
static char *
temp_file (const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), "nlpipe-sentiment-XXXXXX", NULL);
  int fd = g_mkstemp (path);

  cr_assert_geq (fd, 0, "cannot create %s", path);
  close (fd);
  cr_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static VaderLexicon *
load_lexicon (const char *domain)
{
  GError *error = NULL;
  VaderLexicon *lex = vader_lexicon_load_dir (DATA_DIR, domain, &error);

  cr_assert_not_null (lex, "cannot load the VADER data: %s", error ? error->message : "?");
  return lex;
}

static char *
score_text (const VaderLexicon *lex, const char *text, VaderFlags flags)
{
  VaderScratch *sc = vader_scratch_new ();
  VaderScores s;
  char buf[64];

  vader_score (lex, sc, text, strlen (text), flags, &s);
  vader_scratch_free (sc);
  return g_strdup (vader_scores_format (&s, buf));
}

static gint
column (char **header, const char *name)
{
  for (gint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  cr_assert_fail ("no column %s in the fixture header", name);
  return -1;
}

/* Every row of a reference fixture must print exactly its reference
 * scores; the message lists the first rows that do not. */
static void
check_fixture (const char *name, const char *prefix, const char *text_col,
               guint min_rows)
{
  char *path = nlp_test_fixture (name);
  char *contents = nlp_test_read (path);
  char **lines = g_strsplit (contents, "\n", -1);
  char **header = g_strsplit (lines[0], "\t", -1);
  char *names[4] = {
    g_strconcat (prefix, "neg", NULL), g_strconcat (prefix, "neu", NULL),
    g_strconcat (prefix, "pos", NULL), g_strconcat (prefix, "compound", NULL),
  };
  gint cols[4], tcol = column (header, text_col);
  VaderLexicon *lex = load_lexicon (NULL);
  VaderScratch *sc = vader_scratch_new ();
  GString *diffs = g_string_new (NULL);
  guint rows = 0, bad = 0;

  for (guint i = 0; i < 4; i++)
    cols[i] = column (header, names[i]);
  for (guint l = 1; lines[l] != NULL; l++)
    {
      char **f;
      char got[64], *want;
      VaderScores s;

      if (lines[l][0] == '\0')
        continue;
      f = g_strsplit (lines[l], "\t", -1);
      cr_assert_gt (g_strv_length (f), (guint) tcol, "%s:%u: too few fields", name, l + 1);
      vader_score (lex, sc, f[tcol], strlen (f[tcol]), VADER_FLAG_NONE, &s);
      vader_scores_format (&s, got);
      want = g_strjoin ("\t", f[cols[0]], f[cols[1]], f[cols[2]], f[cols[3]], NULL);
      rows++;
      if (strcmp (got, want) != 0 && bad++ < 5)
        g_string_append_printf (diffs, "\n  line %u: got %s want %s: %s",
                                l + 1, got, want, f[tcol]);
      g_free (want);
      g_strfreev (f);
    }
  cr_assert_geq (rows, min_rows, "%s has %u rows, expected at least %u", name, rows, min_rows);
  cr_assert_eq (bad, 0, "%s: %u of %u rows differ from the reference:%s",
                name, bad, rows, diffs->str);

  g_string_free (diffs, TRUE);
  vader_scratch_free (sc);
  vader_lexicon_free (lex);
  for (guint i = 0; i < 4; i++)
    g_free (names[i]);
  g_strfreev (header);
  g_strfreev (lines);
  g_free (contents);
  g_free (path);
}

Test (vader, parity_sample)
{
  check_fixture ("sentiment/parity-sample.tsv", "", "text", 2000);
}

Test (vader, quirk_cases)
{
  check_fixture ("sentiment/quirk_cases.tsv", "ref_", "sentence", 63);
}

Test (vader, lexicon_size)
{
  VaderLexicon *lex = load_lexicon (NULL);

  /* 7,520 lines, 7,506 distinct keys: a repeated key is loaded once. */
  cr_assert_eq (vader_lexicon_get_size (lex), 7506);
  vader_lexicon_free (lex);
}

Test (vader, python_string_semantics)
{
  static const char *const cases[][2] = {
    /* U+00A0 separates words for str.split(); U+200B does not, so "good"
     * is not a word of its own there. */
    { "a good\xc2\xa0movie", "0.000\t0.408\t0.592\t0.4404" },
    { "a good\xe2\x80\x8bmovie", "0.000\t1.000\t0.000\t0.0000" },
    /* No words at all: every score is 0, even neu. */
    { "", "0.000\t0.000\t0.000\t0.0000" },
    { " \t\n\xe3\x80\x80", "0.000\t0.000\t0.000\t0.0000" },
    /* Circled capitals are upper case for str.isupper() (not for
     * g_unichar_isupper): every token is upper, so no caps boost... */
    { "\xe2\x92\xb7\xe2\x92\xbe\xe2\x92\xbc GOOD", "0.000\t0.256\t0.744\t0.4404" },
    /* ... while a lower-case word beside GOOD gives it one. */
    { "big GOOD", "0.000\t0.216\t0.784\t0.5622" },
  };
  VaderLexicon *lex = load_lexicon (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *got = score_text (lex, cases[i][0], VADER_FLAG_NONE);
      cr_expect_str_eq (got, cases[i][1], "case %u: \"%s\"", i, cases[i][0]);
      g_free (got);
    }
  vader_lexicon_free (lex);
}

Test (vader, emoji_scored_as_their_descriptions)
{
  /* An emoji is replaced by its description, with one space before it
   * unless one is there already; U+1F51B's description "ON! arrow" brings
   * a '!' that the emphasis must count. */
  static const char *const cases[][2] = {
    { "Great news \xf0\x9f\x94\x9b", "Great news ON! arrow" },
    { "Great news\xf0\x9f\x94\x9b today", "Great news ON! arrow today" },
    { "bad\xf0\x9f\x98\x80\xf0\x9f\x98\x80", "bad grinning face grinning face" },
  };
  VaderLexicon *lex = load_lexicon (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *got = score_text (lex, cases[i][0], VADER_FLAG_NONE);
      char *want = score_text (lex, cases[i][1], VADER_FLAG_NONE);
      cr_expect_str_eq (got, want, "case %u: \"%s\"", i, cases[i][0]);
      g_free (got);
      g_free (want);
    }
  vader_lexicon_free (lex);
}

Test (vader, never_negative_zero)
{
  VaderScores s = { .neg = 0.0, .neu = 1.0, .pos = 0.0, .compound = -0.00004 };
  char buf[64];

  cr_assert_str_eq (vader_scores_format (&s, buf), "0.000\t1.000\t0.000\t0.0000");
  vader_scores_round (&s);
  cr_assert (!signbit (s.compound));
}

Test (vader, round_half_even_on_binary_value)
{
  /* 0.0625 is exact in binary: a true tie, rounded to even (0.062);
   * 0.0005 lies just above its decimal, so it rounds up. */
  VaderScores s = { .neg = 0.0625, .neu = 0.0005, .pos = 0.0, .compound = 0.00005 };
  char buf[64];

  cr_assert_str_eq (vader_scores_format (&s, buf), "0.062\t0.001\t0.000\t0.0001");
}

Test (vader, fix_but_is_an_option)
{
  VaderLexicon *lex = load_lexicon (NULL);
  /* "adventures" (1.4) is halved to 0.7 before "but"; "adopt" (0.7) then
   * finds that equal earlier value and halves it again instead of being
   * raised by half itself. */
  const char *text = "Some adventures, but we adopt them.";
  char *quirk = score_text (lex, text, VADER_FLAG_NONE);
  char *fixed = score_text (lex, text, VADER_FLAG_FIX_BUT);

  cr_assert_str_eq (quirk, "0.000\t0.567\t0.433\t0.2617");
  cr_assert_str_eq (fixed, "0.000\t0.516\t0.484\t0.4118");
  g_free (quirk);
  g_free (fixed);
  vader_lexicon_free (lex);
}

Test (vader, domain_lexicon_overrides)
{
  char *path = temp_file (DOMAIN_LEXICON);
  VaderLexicon *base = load_lexicon (NULL), *domain = load_lexicon (path);
  char *before, *after;

  before = score_text (base, "The summit ended in a crash.", VADER_FLAG_NONE);
  after = score_text (domain, "The summit ended in a crash.", VADER_FLAG_NONE);
  cr_assert_str_eq (before, "0.351\t0.649\t0.000\t-0.4019");
  cr_assert_str_eq (after, "0.000\t0.444\t0.556\t0.6124");
  cr_assert_eq (vader_lexicon_get_size (domain), 7507);

  g_free (before);
  g_free (after);
  vader_lexicon_free (base);
  vader_lexicon_free (domain);
  g_unlink (path);
  g_free (path);
}

Test (vader, bad_lexicon_line_is_named)
{
  char *path = temp_file ("good\t1.0\nbad\tterrible\n");
  GError *error = NULL;
  char *where;

  cr_assert_null (vader_lexicon_load_dir (DATA_DIR, path, &error));
  where = g_strdup_printf ("%s:2:", path);
  cr_assert_not_null (strstr (error->message, where), "message: %s", error->message);
  cr_assert_eq (error->code, NLP_ERROR_DATA);
  g_clear_error (&error);
  cr_assert_null (vader_lexicon_load_dir ("/nonexistent", NULL, &error));
  cr_assert_not_null (strstr (error->message, "/nonexistent/vader_lexicon.txt"),
                      "message: %s", error->message);
  g_error_free (error);
  g_unlink (path);
  g_free (where);
  g_free (path);
}

/* ---- the stage ---------------------------------------------------------- */

#define CHAIN "tokenize,sentence,sentiment"

static NlpDocument *
article_doc (void)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain (CHAIN, text);

  g_free (text);
  g_free (path);
  return doc;
}

/* The row of the sentence containing @needle. */
static guint
sentence_with (NlpDocument *doc, const char *needle)
{
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");

  for (guint i = 0; i < nlp_layer_get_n_rows (sentences); i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (sentences, i, &len);
      if (g_strstr_len (t, len, needle) != NULL)
        return i;
    }
  cr_assert_fail ("no sentence contains \"%s\"", needle);
  return 0;
}

static double
sentence_double (NlpDocument *doc, guint row, const char *column)
{
  NlpColumn *col = nlp_layer_get_column (nlp_document_get_layer (doc, "sentence"), column);

  cr_assert_not_null (col, "no sentence.%s column", column);
  cr_assert (nlp_column_is_set (col, row), "sentence.%s unset at row %u", column, row);
  return nlp_column_get_double (col, row);
}

static JsonObject *
doc_object (NlpDocument *doc, const char *name)
{
  gint i = nlp_document_find_attr (doc, name);

  cr_assert_geq (i, 0, "no doc.%s attribute", name);
  cr_assert_eq (nlp_document_get_attr_type (doc, i), NLP_VALUE_JSON);
  return json_node_get_object (nlp_document_get_attr_json (doc, i));
}

Test (stage, article_positive_and_negative_sentences)
{
  NlpDocument *doc = article_doc ();
  double respectful = sentence_double (doc, sentence_with (doc, "mutually respectful environment"),
                                       "sentiment");
  double wound = sentence_double (doc, sentence_with (doc, "a profound wound"), "sentiment");

  cr_assert_geq (respectful, 0.05, "the 'respectful, constructive' sentence scored %.4f", respectful);
  cr_assert_leq (wound, -0.05, "the 'tragedy ... profound wound' sentence scored %.4f", wound);
  nlp_document_free (doc);
}

Test (stage, columns_are_the_rounded_scores)
{
  NlpDocument *doc = article_doc ();
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  VaderLexicon *lex = load_lexicon (NULL);
  VaderScratch *sc = vader_scratch_new ();
  guint n = nlp_layer_get_n_rows (sentences);

  cr_assert_gt (n, 10);
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (sentences, i, &len);
      VaderScores s;

      vader_score (lex, sc, t, len, VADER_FLAG_NONE, &s);
      vader_scores_round (&s);
      cr_assert_eq (sentence_double (doc, i, "sentiment"), s.compound, "sentence %u", i);
      cr_assert_eq (sentence_double (doc, i, "sentiment_pos"), s.pos, "sentence %u", i);
      cr_assert_eq (sentence_double (doc, i, "sentiment_neu"), s.neu, "sentence %u", i);
      cr_assert_eq (sentence_double (doc, i, "sentiment_neg"), s.neg, "sentence %u", i);
    }
  vader_scratch_free (sc);
  vader_lexicon_free (lex);
  nlp_document_free (doc);
}

Test (stage, document_summary)
{
  NlpDocument *doc = article_doc ();
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  JsonObject *o = doc_object (doc, "sentiment");
  guint n = nlp_layer_get_n_rows (sentences), pos = 0, neg = 0;
  double sum = 0;
  char want[32], got[32];

  for (guint i = 0; i < n; i++)
    {
      double c = sentence_double (doc, i, "sentiment");
      sum += c;
      pos += c >= 0.05;
      neg += c <= -0.05;
    }
  cr_assert_eq (json_object_get_int_member (o, "sentences"), n);
  cr_assert_eq (json_object_get_int_member (o, "positive"), pos);
  cr_assert_eq (json_object_get_int_member (o, "negative"), neg);
  cr_assert_eq (json_object_get_int_member (o, "neutral"), n - pos - neg);
  cr_assert_gt (pos, 0);
  cr_assert_gt (neg, 0);
  g_snprintf (want, sizeof want, "%.4f", sum / n);
  g_snprintf (got, sizeof got, "%.4f", json_object_get_double_member (o, "compound"));
  cr_assert_str_eq (got, want);
  cr_assert (!json_object_has_member (o, "document"));
  cr_assert_lt (nlp_document_find_attr (doc, "entity_sentiment"), 0,
                "no entity layer, so no entity_sentiment");
  nlp_document_free (doc);
}

/* Runs CHAIN on @text with an entity layer added beforehand, as an entity
 * stage would: @spans holds (mention, label, canonical) triples. */
static NlpDocument *
run_with_entities (const char *text, const char *const *spans)
{
  NlpRegistry *registry = nlp_registry_new ();
  NlpChainSpec *spec = nlp_chain_spec_new ();
  GError *error = NULL;
  NlpPipeline *pipeline;
  NlpPipelineWorker *worker;
  NlpDocument *doc = nlp_document_new ("entities", text, -1, &error);
  NlpLayer *entity = nlp_document_add_layer (doc, "entity", &error);
  NlpColumn *label = nlp_layer_add_column (entity, "label", NLP_COLUMN_STRING, &error);
  NlpColumn *canonical = nlp_layer_add_column (entity, "canonical", NLP_COLUMN_STRING, &error);
  const char *from = text;

  for (guint i = 0; spans[i] != NULL; i += 3)
    {
      const char *at = strstr (from, spans[i]);
      guint row;

      cr_assert_not_null (at, "no mention \"%s\" in the text", spans[i]);
      row = nlp_layer_add_span (entity, at - text, at - text + strlen (spans[i]));
      nlp_column_set_string (label, row, spans[i + 1]);
      if (spans[i + 2] != NULL && *spans[i + 2] != '\0')
        nlp_column_set_string (canonical, row, spans[i + 2]);
      from = at + 1;
    }
  cr_assert (nlp_chain_spec_set_stages (spec, CHAIN, &error));
  pipeline = nlp_pipeline_new (registry, spec, &error);
  cr_assert_not_null (pipeline, "%s", error ? error->message : "?");
  worker = nlp_pipeline_worker_new (pipeline, &error);
  cr_assert_not_null (worker, "%s", error ? error->message : "?");
  cr_assert (nlp_pipeline_worker_process (worker, doc, NULL, &error),
             "%s", error ? error->message : "?");
  nlp_pipeline_worker_free (worker);
  nlp_pipeline_free (pipeline);
  nlp_chain_spec_free (spec);
  nlp_registry_free (registry);
  return doc;
}

Test (stage, entity_sentiment_by_canonical_name)
{
  /* Two sentences mention Maria Lopez (once as "Lopez"), one of them
   * twice; Harbor Bank only appears in the negative one; "noon" is a
   * rule-type mention, left out by default. */
  const char *text =
    "Maria Lopez praised the wonderful new library and thanked the volunteers. "
    "Lopez said the closure of Harbor Bank was a terrible, painful loss for Lopez and the town. "
    "The meeting ended at noon.";
  const char *const spans[] = {
    "Maria Lopez", "PER", "Maria Lopez",
    "Lopez", "PER", "Maria Lopez",
    "Harbor Bank", "ORG", "",
    "Lopez", "PER", "Maria Lopez",
    "noon", "DATE", "",
    NULL
  };
  NlpDocument *doc = run_with_entities (text, spans);
  JsonObject *all = doc_object (doc, "entity_sentiment");
  JsonObject *lopez = json_object_get_object_member (all, "Maria Lopez");
  JsonObject *bank = json_object_get_object_member (all, "Harbor Bank");
  double first = sentence_double (doc, sentence_with (doc, "wonderful"), "sentiment");
  double second = sentence_double (doc, sentence_with (doc, "terrible"), "sentiment");
  char want[32], got[32];

  cr_assert_eq (json_object_get_size (all), 2, "keys are canonical names (or the mention)");
  cr_assert (!json_object_has_member (all, "noon"), "DATE is not in the default entity-labels");
  cr_assert_not_null (lopez);
  cr_assert_not_null (bank, "an entity without canonical is keyed by its mention");
  cr_assert_gt (first, 0.05);
  cr_assert_lt (second, -0.05);
  cr_assert_str_eq (json_object_get_string_member (lopez, "label"), "PER");
  cr_assert_eq (json_object_get_int_member (lopez, "sentences"), 2);
  g_snprintf (want, sizeof want, "%.4f", (first + second) / 2);
  g_snprintf (got, sizeof got, "%.4f", json_object_get_double_member (lopez, "compound"));
  cr_assert_str_eq (got, want);
  cr_assert_str_eq (json_object_get_string_member (bank, "label"), "ORG");
  cr_assert_eq (json_object_get_int_member (bank, "sentences"), 1);
  cr_assert_eq (json_object_get_double_member (bank, "compound"), second);
  cr_assert_str_eq (json_object_get_string_member (bank, "polarity"), "negative");
  nlp_document_free (doc);
}

Test (stage, entity_sentiment_on_the_article)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = nlp_test_chain (NLP_DEFAULT_CHAIN, text);
  JsonObject *all = doc_object (doc, "entity_sentiment");
  JsonObject *putin = json_object_get_object_member (all, "Vladimir Putin");
  GList *names = json_object_get_members (all);

  cr_assert_not_null (putin, "Putin is the article's second most mentioned person");
  cr_assert_str_eq (json_object_get_string_member (putin, "label"), "PER");
  cr_assert_geq (json_object_get_int_member (putin, "sentences"), 10);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *label = json_object_get_string_member (
        json_object_get_object_member (all, l->data), "label");
      cr_assert (g_strv_contains (NLP_NAMES ("PER", "LOC", "ORG", "MISC"), label),
                 "%s has label %s, not a default entity-labels one", (char *) l->data, label);
    }
  g_list_free (names);
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

/* ---- through the command line (options, output formats) --------------- */

static JsonObject *
cli_sentiment (NlpTestRun *run)
{
  JsonNode *node;
  JsonObject *attrs;

  cr_assert_eq (run->status, 0, "nlpipe failed: %s", run->err);
  node = nlp_test_parse_json (run->out);
  attrs = json_object_get_object_member (json_node_get_object (node), "attributes");
  cr_assert_not_null (attrs, "no attributes in %s", run->out);
  return json_object_ref (json_object_get_object_member (attrs, "sentiment"));
}

Test (cli, thresholds_and_whole_document)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  NlpTestRun *plain = nlp_test_run ("", "-p", CHAIN, "-f", "json", path, NULL);
  NlpTestRun *strict = nlp_test_run ("", "-p", CHAIN, "-f", "json",
                                     "--set", "sentiment.positive-threshold=0.6",
                                     "--set", "sentiment.whole-document=true", path, NULL);
  JsonObject *a = cli_sentiment (plain), *b = cli_sentiment (strict), *whole;

  cr_assert_lt (json_object_get_int_member (b, "positive"),
                json_object_get_int_member (a, "positive"));
  cr_assert_gt (json_object_get_int_member (b, "neutral"),
                json_object_get_int_member (a, "neutral"));
  cr_assert_eq (json_object_get_int_member (b, "negative"),
                json_object_get_int_member (a, "negative"));
  cr_assert (!json_object_has_member (a, "document"));
  whole = json_object_get_object_member (b, "document");
  cr_assert_not_null (whole, "whole-document adds doc.sentiment.document");
  cr_assert (json_object_has_member (whole, "compound"));
  cr_assert_gt (json_object_get_double_member (whole, "neu"), 0.5);

  json_object_unref (a);
  json_object_unref (b);
  nlp_test_run_free (plain);
  nlp_test_run_free (strict);
  g_free (path);
}

Test (cli, text_output_shows_sentiment)
{
  NlpTestRun *run = nlp_test_run ("What a wonderful, happy day. The war was a horrible tragedy.\n",
                                  "-p", CHAIN, "-f", "text", "-", NULL);

  cr_assert_eq (run->status, 0, "nlpipe failed: %s", run->err);
  cr_assert_not_null (strstr (run->out, "(+0.8126)"), "output: %s", run->out);
  cr_assert_not_null (strstr (run->out, "(-0.9153)"), "output: %s", run->out);
  cr_assert_not_null (strstr (run->out, "1 positive, 0 neutral, 1 negative"), "output: %s", run->out);
  nlp_test_run_free (run);
}

Test (cli, domain_lexicon_option)
{
  const char *text = "The summit ended in a crash.\n";
  char *path = temp_file (DOMAIN_LEXICON), *set = g_strconcat ("sentiment.domain-lexicon=", path, NULL);
  NlpTestRun *plain = nlp_test_run (text, "-p", CHAIN, "-f", "json", "-", NULL);
  NlpTestRun *domain = nlp_test_run (text, "-p", CHAIN, "-f", "json", "--set", set, "-", NULL);
  JsonObject *a = cli_sentiment (plain), *b = cli_sentiment (domain);

  cr_assert_eq (json_object_get_double_member (a, "compound"), -0.4019);
  cr_assert_eq (json_object_get_double_member (b, "compound"), 0.6124);
  json_object_unref (a);
  json_object_unref (b);
  nlp_test_run_free (plain);
  nlp_test_run_free (domain);
  g_unlink (path);
  g_free (set);
  g_free (path);
}

Test (cli, missing_lexicon_is_named)
{
  NlpTestRun *run = nlp_test_run ("Fine.\n", "-p", CHAIN, "--set",
                                  "sentiment.lexicon=/nonexistent/lexicon.txt", "-", NULL);

  cr_assert_neq (run->status, 0);
  cr_assert_not_null (strstr (run->err, "/nonexistent/lexicon.txt"), "stderr: %s", run->err);
  nlp_test_run_free (run);
}
