/* test-writer-conllu.c — the conllu format on documents built by hand:
 * multiword tokens, words glued over several tokens, SpaceAfter=No,
 * empty columns, MISC attributes and their escapes, sentences and the
 * runs of tokens outside them; and through the nlpipe command. */
#include <string.h>
#include "writer-doc.h"

/* A document with tokens at the spans @tok (pairs of byte offsets, ended
 * by -1), one sentence per span of @sent (the same way, may be NULL). */
static NlpDocument *
doc_with (const char *text, const int *tok, const int *sent)
{
  NlpDocument *doc = nlp_document_new ("d1", text, -1, NULL);
  NlpLayer *tokens = nlp_document_add_layer (doc, "token", NULL);
  NlpColumn *kind = nlp_layer_add_column (tokens, "kind", NLP_COLUMN_STRING, NULL);

  for (guint i = 0; tok[i] >= 0; i += 2)
    nlp_column_set_string (kind, nlp_layer_add_span (tokens, tok[i], tok[i + 1]), "word");
  if (sent != NULL)
    {
      NlpLayer *sentences = nlp_document_add_layer (doc, "sentence", NULL);
      NlpColumn *score = nlp_layer_add_column (sentences, "sentiment", NLP_COLUMN_DOUBLE, NULL);
      for (guint i = 0; sent[i] >= 0; i += 2)
        nlp_column_set_double (score, nlp_layer_add_span (sentences, sent[i], sent[i + 1]),
                               0.5);
    }
  return doc;
}

typedef struct {
  int start, end, token, mwt;
  const char *upos, *xpos, *lemma;
} Word;

static void
add_words (NlpDocument *doc, const Word *w)
{
  NlpLayer *words = nlp_document_add_layer (doc, "word", NULL);
  NlpColumn *token = nlp_layer_add_ref_column (words, "token", "token", NULL);
  NlpColumn *mwt = nlp_layer_add_column (words, "mwt", NLP_COLUMN_INT, NULL);
  NlpColumn *upos = nlp_layer_add_column (words, "upos", NLP_COLUMN_STRING, NULL);
  NlpColumn *xpos = nlp_layer_add_column (words, "xpos", NLP_COLUMN_STRING, NULL);
  NlpColumn *lemma = nlp_layer_add_column (words, "lemma", NLP_COLUMN_STRING, NULL);

  for (guint i = 0; w[i].start >= 0; i++)
    {
      guint row = nlp_layer_add_span (words, w[i].start, w[i].end);
      nlp_column_set_ref (token, row, w[i].token);
      nlp_column_set_int (mwt, row, w[i].mwt);
      if (w[i].upos)
        nlp_column_set_string (upos, row, w[i].upos);
      if (w[i].xpos)
        nlp_column_set_string (xpos, row, w[i].xpos);
      if (w[i].lemma)
        nlp_column_set_string (lemma, row, w[i].lemma);
    }
}

/* The lines of @out that are not comments, as a vector. */
static char **
word_lines (const char *out)
{
  char **all = g_strsplit (out, "\n", -1);
  GPtrArray *keep = g_ptr_array_new ();

  for (char **l = all; *l; l++)
    if (**l != '#' && **l != '\0')
      g_ptr_array_add (keep, g_strdup (*l));
  g_ptr_array_add (keep, NULL);
  g_strfreev (all);
  return (char **) g_ptr_array_free (keep, FALSE);
}

Test (conllu, multiword_tokens_and_space_after)
{
  /*                    0123456789012345678 */
  const char *text = "I don't, Dr. Who.";
  const int tok[] = { 0, 1, 2, 7, 7, 8, 9, 11, 11, 12, 13, 16, 16, 17, -1 };
  const int sent[] = { 0, 17, -1 };
  const Word words[] = {
    { 0, 1, 0, 0, "PRON", "PRP", "I" },
    { 2, 4, 1, 2, "AUX", "VBP", "do" },
    { 4, 7, 1, 0, "PART", "RB", "not" },
    { 7, 8, 2, 0, "PUNCT", ",", "," },
    { 9, 12, 3, 0, "PROPN", "NNP", "Dr." },     /* one word over two tokens */
    { 13, 16, 5, 0, "PROPN", "NNP", NULL },      /* no lemma: "_" */
    { 16, 17, 6, 0, "PUNCT", ".", "." },
    { -1 },
  };
  NlpDocument *doc = doc_with (text, tok, sent);
  char *out, **lines;

  add_words (doc, words);
  out = wd_format ("conllu", NULL, doc);
  lines = word_lines (out);
  cr_assert (g_str_has_prefix (out, "# newdoc id = d1\n# sent_id = d1-1\n"
                                    "# text = I don't, Dr. Who.\n# sentiment = 0.5\n"), "%s", out);
  cr_assert_eq (g_strv_length (lines), 8, "%s", out);
  cr_expect_str_eq (lines[0], "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\tkind=word");
  cr_expect_str_eq (lines[1], "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|kind=word");
  cr_expect_str_eq (lines[2], "2\tdo\tdo\tAUX\tVBP\t_\t1\tdep\t_\t_");
  cr_expect_str_eq (lines[3], "3\tn't\tnot\tPART\tRB\t_\t1\tdep\t_\t_");
  cr_expect_str_eq (lines[4], "4\t,\t,\tPUNCT\t,\t_\t1\tdep\t_\tkind=word");
  cr_expect_str_eq (lines[5], "5\tDr.\tDr.\tPROPN\tNNP\t_\t1\tdep\t_\tkind=word");
  cr_expect_str_eq (lines[6], "6\tWho\t_\tPROPN\tNNP\t_\t1\tdep\t_\tSpaceAfter=No|kind=word");
  cr_expect_str_eq (lines[7], "7\t.\t.\tPUNCT\t.\t_\t1\tdep\t_\tkind=word");
  cr_expect (g_str_has_suffix (out, "kind=word\n\n"), "a blank line ends the sentence");
  g_strfreev (lines);
  g_free (out);
  nlp_document_free (doc);
}

Test (conllu, no_word_layer_and_tokens_outside_sentences)
{
  /*                    0123456789012 */
  const char *text = "Hi there\tyou|x";
  const int tok[] = { 0, 2, 3, 8, 9, 12, 12, 13, 13, 14, -1 };
  const int sent[] = { 0, 8, -1 };
  NlpDocument *doc = doc_with (text, tok, sent);
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *score = nlp_layer_add_column (tokens, "score", NLP_COLUMN_DOUBLE, NULL);
  char *out, **lines;

  nlp_column_set_double (score, 0, 1.5);
  nlp_column_set_string (nlp_layer_add_column (tokens, "note", NLP_COLUMN_STRING, NULL), 1,
                         "a|b c\\");
  out = wd_format ("conllu", NULL, doc);
  lines = word_lines (out);
  /* the sentence, then the tokens after it as a block of their own */
  cr_assert_eq (wd_count (out, "# sent_id = "), 2, "%s", out);
  cr_expect (strstr (out, "# sent_id = d1-2\n# text = you|x\n") != NULL, "%s", out);
  cr_assert_eq (g_strv_length (lines), 5, "%s", out);
  /* every token a word; no tags, no lemma: "_" */
  cr_expect_str_eq (lines[0], "1\tHi\t_\t_\t_\t_\t0\troot\t_\tkind=word|score=1.5");
  cr_expect_str_eq (lines[1], "2\tthere\t_\t_\t_\t_\t1\tdep\t_\tkind=word|note=a\\pb\\sc\\\\");
  /* the first word of a block is its root */
  cr_expect_str_eq (lines[2], "1\tyou\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No|kind=word");
  cr_expect_str_eq (lines[3], "2\t|\t_\t_\t_\t_\t1\tdep\t_\tSpaceAfter=No|kind=word");
  g_strfreev (lines);
  g_free (out);
  nlp_document_free (doc);
}

Test (conllu, entities_in_misc)
{
  const char *text = "Vladimir Putin met Trump.";
  static const WdEntity ents[] = { { "Vladimir Putin", "PER", NULL }, { "Trump", "PER", NULL },
                                   { NULL } };
  NlpDocument *doc = wd_new ("e", text, ents, NULL);
  char *out = wd_format ("conllu", NULL, doc);
  char **lines = word_lines (out);

  cr_assert_eq (g_strv_length (lines), 5, "%s", out);
  cr_expect (g_str_has_suffix (lines[0], "|entity=B-PER"), "%s", lines[0]);
  cr_expect (g_str_has_suffix (lines[1], "|entity=I-PER"), "%s", lines[1]);
  cr_expect (strstr (lines[2], "entity=") == NULL, "%s", lines[2]);
  cr_expect (strstr (lines[3], "SpaceAfter=No|norm=trump|kind=word|stem=trump|entity=B-PER")
             != NULL, "%s", lines[3]);
  g_strfreev (lines);
  g_free (out);
  nlp_document_free (doc);
}

Test (conllu, empty_document_writes_nothing)
{
  NlpDocument *doc = nlp_document_new ("e", "", 0, NULL);
  char *out;

  nlp_document_add_layer (doc, "token", NULL);
  out = wd_format ("conllu", NULL, doc);
  cr_expect_str_eq (out, "");
  g_free (out);
  nlp_document_free (doc);
}

/* Through the command: every word line has ten fields, IDs count from 1
 * in each sentence, and a range line is followed by its words. */
Test (conllu, command_output_is_well_formed)
{
  NlpTestRun *run = nlp_test_run ("I can't go. Trump's well-known aides didn't wait!\n\n"
                                  "Dr. Smith arrived at 5 p.m. yesterday.\n",
                                  "-p", "tokenize,sentence,pos,lemma", "-f", "conllu", NULL);
  char **lines;
  guint next = 1, range_end = 0, blocks = 0;

  cr_assert_eq (run->status, 0, "%s", run->err);
  lines = g_strsplit (run->out, "\n", -1);
  for (char **l = lines; *l; l++)
    {
      char **f;
      if (**l == '\0')
        {
          next = 1;
          continue;
        }
      if (**l == '#')
        {
          blocks += g_str_has_prefix (*l, "# sent_id = ");
          continue;
        }
      f = g_strsplit (*l, "\t", -1);
      cr_assert_eq (g_strv_length (f), 10, "%s", *l);
      if (strchr (f[0], '-'))
        {
          cr_expect_eq ((guint) atoi (f[0]), next, "%s", *l);
          range_end = (guint) atoi (strchr (f[0], '-') + 1);
          cr_expect_gt (range_end, next, "%s", *l);
        }
      else
        {
          cr_expect_eq ((guint) atoi (f[0]), next, "%s", *l);
          cr_expect_str_eq (f[6], next == 1 ? "0" : "1");
          cr_expect_neq (strcmp (f[3], "_"), 0, "pos gives every word a UPOS: %s", *l);
          cr_expect_neq (strcmp (f[2], "_"), 0, "lemma gives every word a lemma: %s", *l);
          next++;
        }
      g_strfreev (f);
    }
  cr_expect_eq (blocks, 3, "%s", run->out);
  cr_expect (strstr (run->out, "2-3\tcan't\t") != NULL, "%s", run->out);
  cr_expect (strstr (run->out, "\tca\tcan\tAUX\tMD\t") != NULL, "%s", run->out);
  cr_expect (strstr (run->out, "\tn't\tnot\tPART\tRB\t") != NULL, "%s", run->out);
  cr_expect (strstr (run->out, "\twell\t") != NULL && strstr (run->out, "\t-\t") != NULL,
             "well-known is three words: %s", run->out);
  cr_expect (strstr (run->out, "\tDr.\t") != NULL, "%s", run->out);
  g_strfreev (lines);
  nlp_test_run_free (run);
}
