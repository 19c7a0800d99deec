/* test-writers-read.c — the formats people read (text, html), on
 * documents built by hand (writer-doc.c). */
#include <string.h>
#include "writer-doc.h"

static const WdEntity summit_entities[] = {
  { "Vladimir Putin", "PER", "Vladimir Putin" },
  { "Donald Trump", "PER", "Donald Trump" },
  { "Anchorage", "LOC", NULL },
  { "Putin", "PER", "Vladimir Putin", 1 },
  { NULL, NULL, NULL, 0 },
};

static const char summit[] =
  "Vladimir Putin met Donald Trump in Anchorage on a fine day.\n"
  "Putin said the talks failed badly.\n"
  "Nothing else.";

static const double summit_sentiment[] = { 0.2023, -0.5423, 0.0 };

/* The summit document with a doc.sentiment attribute as the sentiment stage
 * makes it; no doc.entities, so the writers count the entity layer. */
static NlpDocument *
summit_doc (void)
{
  NlpDocument *doc = wd_new ("summit", summit, summit_entities, summit_sentiment);

  nlp_document_set_json (doc, "sentiment", json_from_string (
      "{\"compound\":-0.1133,\"positive\":1,\"neutral\":1,\"negative\":1,\"sentences\":3}",
      NULL));
  return doc;
}

Test (text, sentences_entities_sentiment_summary)
{
  NlpDocument *doc = summit_doc ();
  char *out = wd_format ("text", NULL, doc);

  cr_assert_str_eq (out,
    "== summit ==\n"
    " 1. [Vladimir Putin|PER] met [Donald Trump|PER] in [Anchorage|LOC] on a fine day.  (+0.2023)\n"
    " 2. [Putin|PER] said the talks failed badly.  (-0.5423)\n"
    " 3. Nothing else.  (+0.0000)\n"
    "Entities (3): Vladimir Putin (PER) x2, Donald Trump (PER) x1, Anchorage (LOC) x1\n"
    "Sentiment: -0.1133 negative (1 positive, 1 neutral, 1 negative sentences)\n"
    "\n");
  cr_assert_null (strchr (out, '\033'), "no colour unless asked");
  g_free (out);
  nlp_document_free (doc);
}

Test (text, colour_when_asked)
{
  NlpDocument *doc = summit_doc ();
  NlpWriterOptions o = { .color = TRUE };
  char *out = wd_format ("text", &o, doc);

  cr_assert_not_null (strstr (out, "\033[1;34m[Vladimir Putin|PER]\033[0m"), "%s", out);
  cr_assert_not_null (strstr (out, "\033[31m(-0.5423)\033[0m"), "negative in red");
  cr_assert_not_null (strstr (out, "\033[32m(+0.2023)\033[0m"), "positive in green");
  g_free (out);
  nlp_document_free (doc);
}

Test (text, stage_summary_and_unknown_stages)
{
  NlpDocument *doc = summit_doc ();
  NlpLayer *phrases = nlp_document_add_layer (doc, "keyphrase", NULL);
  NlpColumn *score = nlp_layer_add_column (phrases, "score", NLP_COLUMN_DOUBLE, NULL);
  guint at = strstr (summit, "Anchorage") - summit;

  char *out;

  nlp_column_set_double (score, nlp_layer_add_span (phrases, at, at + 9), 0.75);
  nlp_document_set_json (doc, "entities", json_from_string (
      "[{\"name\":\"Donald Trump\",\"label\":\"PER\",\"count\":1},"
      "{\"name\":\"Vladimir Putin\",\"label\":\"PER\",\"count\":2}]", NULL));
  nlp_document_set_json (doc, "entity_sentiment", json_from_string (
      "{\"Vladimir Putin\":{\"compound\":-0.17}}", NULL));
  nlp_document_set_string (doc, "language", "en");
  out = wd_format ("text", NULL, doc);
  cr_assert_not_null (strstr (out, "\nEntities (2): Vladimir Putin (PER) x2 -0.17, "
                              "Donald Trump (PER) x1\n"), "%s", out);
  cr_assert_not_null (strstr (out, "\nlanguage: en\n"));
  cr_assert_not_null (strstr (out, "\nLayer keyphrase (1): \"Anchorage\" score=0.75\n"));
  cr_assert_null (strstr (out, "entity_sentiment"), "shown in the summary, not raw");
  g_free (out);
  nlp_document_free (doc);
}

Test (text, summary_lists_main_entities_only)
{
  GString *text = g_string_new (NULL);
  WdEntity entities[13] = { { NULL } };
  char *names[12];
  NlpDocument *doc;
  char *out;

  for (guint i = 0; i < 12; i++)
    {
      names[i] = g_strdup_printf ("Name%c", 'A' + i);
      g_string_append_printf (text, "%s came. ", names[i]);
      entities[i] = (WdEntity) { names[i], "PER", NULL };
    }
  doc = wd_new ("many", text->str, entities, NULL);
  out = wd_format ("text", NULL, doc);
  cr_assert_not_null (strstr (out, "\nEntities (12): NameA (PER) x1, "), "%s", out);
  cr_assert_not_null (strstr (out, ", NameJ (PER) x1, and 2 more\n"), "%s", out);
  cr_assert_null (strstr (out, "NameK (PER)"));
  g_free (out);
  nlp_document_free (doc);
  for (guint i = 0; i < 12; i++)
    g_free (names[i]);
  g_string_free (text, TRUE);
}

/* ---- html ------------------------------------------------------------ */

Test (html, page_with_marks_legend_tints_summary)
{
  NlpDocument *doc = summit_doc ();
  char *out = wd_format ("html", NULL, doc);
  const char *table;

  cr_assert (g_str_has_prefix (out, "<!DOCTYPE html>\n"));
  cr_assert (g_str_has_suffix (out, "</html>\n"));
  cr_assert_null (strstr (out, " style=\""), "classes only: a strict CSP allows no style attribute");
  cr_assert_eq (wd_count (out, "<mark class=\"e\""), 4, "one mark per mention");
  cr_assert_not_null (strstr (out, "<mark class=\"e\" id=\"d-summit-"), "%s", out);
  cr_assert_not_null (strstr (out, "-m0\" data-label=\"PER\" title=\"label=PER \xC2\xB7 source=rule "
                              "\xC2\xB7 canonical=Vladimir Putin\">Vladimir Putin<sub>PER</sub>"
                              "</mark>"), "%s", out);
  cr_assert_eq (wd_count (out, "<span class=\"s"), 3 + 2, "three sentences, two legend tints");
  cr_assert_not_null (strstr (out, "<span class=\"s n3\" id=\"d-summit-"), "-0.54: third red");
  cr_assert_not_null (strstr (out, "-s1\" data-sentiment=\"-0.5423\""), "%s", out);
  cr_assert_not_null (strstr (out, "<span class=\"s\" id=\"d-summit-"), "neutral: no tint");
  /* legend: each type once, with its meaning */
  cr_assert_eq (wd_count (out, ">person<sub>PER</sub>"), 1);
  cr_assert_eq (wd_count (out, ">location<sub>LOC</sub>"), 1);
  /* summary: sentiment, one chart bar per sentence, the entity table */
  cr_assert_not_null (strstr (out, "<b>Sentiment:</b> <span class=\"neg\">-0.1133 negative</span>"));
  cr_assert_eq (wd_count (out, "<rect class=\""), 3);
  cr_assert_not_null (strstr (out, "<rect class=\"neg\" x=\"1.1\" y=\"1.000\" width=\"0.8\" "
                              "height=\"0.542\"><title>sentence 2: -0.5423</title>"), "%s", out);
  table = strstr (out, "<caption>Entities (3), most mentioned first</caption>");
  cr_assert_not_null (table, "%s", out);
  /* Vladimir Putin: mentioned twice (rows 0 and 3), both linked */
  cr_assert_not_null (strstr (table, "<tr class=\"t0\"><td><a href=\"#d-summit-"));
  cr_assert_not_null (strstr (table, "-m0\">Vladimir Putin</a></td>"), "%s", table);
  cr_assert_not_null (strstr (table, "<td class=\"n\">2</td>"));
  cr_assert_not_null (strstr (table, "-m3\" aria-label=\"Vladimir Putin, mention 2\">2</a>"));
  /* filters: all, PER (2 entities), LOC (1) */
  cr_assert_not_null (strstr (out, "all types (3)</label>"));
  cr_assert_not_null (strstr (out, "class=\"f0\"><label for=\"d-summit-"));
  cr_assert_not_null (strstr (out, ">PER (2)</label>"));
  cr_assert_not_null (strstr (out, ">LOC (1)</label>"));
  cr_assert_not_null (strstr (out, "<tr class=\"t1\">"), "Anchorage in the LOC rows");
  /* attributes as tables, not one-line JSON */
  cr_assert_not_null (strstr (out, "<details class=\"attribute\"><summary>sentiment</summary>"
                              "<div class=\"scroll\"><table class=\"json\"><tbody>\n<tr><th>"
                              "compound</th><td>-0.1133</td></tr>"), "%s", out);
  /* self-contained */
  cr_assert_null (strstr (out, "http://"));
  cr_assert_null (strstr (out, "https://"));
  cr_assert_null (strstr (out, "<script"));
  g_free (out);
  nlp_document_free (doc);
}

Test (html, the_headline_titles_the_page)
{
  NlpDocument *doc = wd_new ("notes/article.txt",
                             "  Mayor opens the  bridge\n\nThe mayor of Riga opened it.", NULL, NULL);
  NlpDocument *given = wd_new ("r:1", "first line\nsecond", NULL, NULL);
  NlpDocument *long_line;
  GString *big = g_string_new (NULL);
  char *out, *out_long, *out_given;

  for (guint i = 0; i < 30; i++)
    g_string_append (big, "A long first paragraph with no line break. ");
  long_line = wd_new ("long.txt", big->str, NULL, NULL);
  nlp_document_set_extra (given, json_from_string ("{\"title\": \"Given <title>\"}", NULL));
  out = wd_format ("html", NULL, doc);
  out_long = wd_format ("html", NULL, long_line);
  out_given = wd_format ("html", NULL, given);
  cr_assert_not_null (strstr (out, "<title>Mayor opens the bridge</title>"), "%s", out);
  cr_assert_not_null (strstr (out, "<header><h2>Mayor opens the bridge</h2>\n<p class=\"meta\">"
                              "id: notes/article.txt"), "%s", out);
  cr_assert_not_null (strstr (out_long, "<title>long.txt</title>"), "no headline: the id");
  cr_assert_not_null (strstr (out_given, "<title>Given &lt;title&gt;</title>"), "%s", out_given);
  g_free (out);
  g_free (out_long);
  g_free (out_given);
  g_string_free (big, TRUE);
  nlp_document_free (doc);
  nlp_document_free (long_line);
  nlp_document_free (given);
}

Test (html, all_text_is_escaped)
{
  static const WdEntity entities[] = {
    { "Jane O'Neil", "PER\"><img src=x onerror=alert(3)>", NULL },
    { NULL, NULL, NULL },
  };
  char *path = nlp_test_fixture ("writers/hostile.txt");
  char *text = nlp_test_read (path);
  NlpDocument *doc = wd_new ("id\"><script>alert(4)</script>", text, entities, NULL);
  NlpLayer *other = nlp_document_add_layer (doc, "x<y", NULL);
  NlpColumn *col = nlp_layer_add_column (other, "a\"b", NLP_COLUMN_STRING, NULL);
  char *out;

  nlp_column_set_string (col, nlp_layer_add_span (other, 6, 14), "</td><script>");
  nlp_document_set_meta (doc, "title", "<title>'quoted'</title>");
  nlp_document_set_string (doc, "note</summary><script>", "</code><script>");
  nlp_document_set_error (doc, "x<script>", "y</p><script>");
  out = wd_format ("html", NULL, doc);
  cr_assert_null (strstr (out, "<script"), "%s", out);
  cr_assert_null (strstr (out, "<img"));
  cr_assert_null (strstr (out, "<b>bold"));
  cr_assert_null (strstr (out, "</article></main>"));
  cr_assert_null (strstr (out, "\" onmouseover"));
  cr_assert_not_null (strstr (out, "Mayor &lt;script&gt;document.title=&quot;pwned&quot;"
                              "&lt;/script&gt; "));
  cr_assert_not_null (strstr (out, "Ampersands &amp;amp; entities &amp;lt; stay literal."));
  cr_assert_not_null (strstr (out, "x=&#39; and"));
  cr_assert_eq (wd_count (out, "<mark class=\"e "), 1, "an unknown label: a spare colour class");
  cr_assert_eq (wd_count (out, "<article"), 1);
  cr_assert_eq (wd_count (out, "</article>"), 1);
  g_free (out);
  nlp_document_free (doc);
  g_free (text);
  g_free (path);
}

Test (html, several_documents_one_page)
{
  NlpDocument *docs[2] = { summit_doc (), wd_new ("second", "Just text.", NULL, NULL) };
  char *out = wd_format_docs ("html", NULL, docs, 2);

  cr_assert_eq (wd_count (out, "<!DOCTYPE"), 1);
  cr_assert_eq (wd_count (out, "<article class=\"doc\""), 2);
  cr_assert_eq (wd_count (out, "</html>"), 1);
  cr_assert_not_null (strstr (out, "<h2>Just text.</h2>"));
  /* a table of contents after the articles (shown first), in their order */
  cr_assert_not_null (strstr (out, "<nav class=\"toc\" aria-label=\"Articles\"><h2>2 articles"
                              "</h2><ol>\n<li><a href=\"#d-summit-"), "%s", out);
  cr_assert_not_null (strstr (out, "\">Just text.</a></li>\n</ol></nav>\n</main>"));
  cr_assert_eq (wd_count (out, "<title>"), 1 + 3, "the page's, one per chart bar");
  cr_assert_not_null (strstr (out, "<title>Vladimir Putin met Donald Trump in Anchorage on a "
                              "fine day.</title>\n<style>"), "the first article's headline");
  g_free (out);
  nlp_document_free (docs[1]);
  nlp_document_free (docs[0]);
}
