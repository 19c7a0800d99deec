/* pos — Universal Dependencies words with their part of speech: the
 * `word` layer (the UD words of each token: "don't" is "do" + "n't"),
 * with columns token, mwt, upos (the 17 UD tags) and xpos (Penn Treebank).
 *
 * Word segmentation is pos-words.c, the tagger pos-tagger.c (a greedy
 * averaged perceptron over joint (UPOS, XPOS) labels, trained by
 * nlpipe-pos).  The model, the lexicon and the abbreviations are loaded
 * once and shared read-only; each worker owns its tagger's memos and its
 * arrays, so a document costs no allocation per word.
 * docs/stages/pos.md is the user's page.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "pos-lexicon.h"
#include "pos-model.h"
#include "pos-punct.h"
#include "pos-tagger.h"
#include "pos-words.h"

static const NlpOptionSpec pos_options[] = {
  NLP_OPTION_PATH_SPEC ("model", "", "tagger model from nlpipe-pos train (default: the stage's pos.model)"),
  NLP_OPTION_PATH_SPEC ("lexicon", "", "word classes the model was trained with (default: the stage's lexicon.tsv)"),
  NLP_OPTION_BOOL_SPEC ("split", "true", "split tokens into UD words (don't -> do n't, well-known -> well - known)"),
  NLP_OPTION_END
};

/* The tags of UD English (UPOS, Penn XPOS with EWT's additions) as string
 * literals: cells can point at them without a copy, and they outlive
 * every document (the model's copies end with the pipeline, which a
 * program may free before its documents). */
static const char *const known_tags[] = {
  "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
  "PUNCT", "SCONJ", "SYM", "VERB", "X",
  "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
  "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
  "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
  "VBZ", "WDT", "WP", "WP$", "WRB", "XX", "``",
};

static const char *
literal_of (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_tags); i++)
    if (strcmp (known_tags[i], tag) == 0)
      return known_tags[i];
  return NULL;
}

typedef struct {
  PosModel   *model;
  /* per label: its tags as literals, or NULL (then cells get a copy) */
  const char *upos[POS_MAX_LABELS], *xpos[POS_MAX_LABELS];
  PosLexicon *lexicon;
  GHashTable *abbrevs;         /* abbreviations written with their period */
  gboolean    split;
  PosPunct    punct;
} PosStage;

typedef struct {
  const PosStage *stage;
  PosTagger *tagger;
  GArray    *spans;            /* NlpSpan: the words of the document */
  GArray    *token;            /* guint: each word's token */
  GArray    *mwt;              /* gint: the mwt column */
  GArray    *text;             /* const char *: each word's bytes ... */
  GArray    *len;              /* guint32: ... and length */
  GArray    *label;            /* guint8 */
  GArray    *space;            /* guint8: a space after the word (a sentence's) */
} PosWorker;

/* (transfer full) the lines of @path that are not comments, as a set. */
static GHashTable *
load_abbrevs (const char *path, GError **error)
{
  char *data, **lines;
  GHashTable *set;

  if (!g_file_get_contents (path, &data, NULL, error))
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (data, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      g_strstrip (*l);
      if (**l != '\0' && **l != '#')
        g_hash_table_add (set, g_strdup (*l));
    }
  g_strfreev (lines);
  g_free (data);
  return set;
}

static void
pos_model_free_cb (gpointer data)
{
  PosStage *s = data;

  if (s == NULL)
    return;
  pos_model_free (s->model);
  pos_lexicon_free (s->lexicon);
  if (s->abbrevs)
    g_hash_table_unref (s->abbrevs);
  g_free (s);
}

/* The path of option @option, or of @file in the data directory. */
static char *
data_path (const NlpStageEnv *env, const char *option, const char *file, GError **error)
{
  const char *set = nlp_stage_env_get_string (env, option);

  return set != NULL && *set != '\0' ? g_strdup (set) : nlp_stage_env_find_data (env, file, error);
}

static gpointer
pos_model_new_cb (const NlpStageEnv *env, GError **error)
{
  PosStage *s = g_new0 (PosStage, 1);
  char *path;

  s->split = nlp_stage_env_get_bool (env, "split");
  if ((path = data_path (env, "model", "pos.model", error)) == NULL)
    goto fail;
  s->model = pos_model_load (path, error);
  g_free (path);
  for (guint l = 0; s->model != NULL && l < s->model->n_labels; l++)
    {
      s->upos[l] = literal_of (s->model->upos[l]);
      s->xpos[l] = literal_of (s->model->xpos[l]);
    }
  if (s->model == NULL || (path = data_path (env, "lexicon", "lexicon.tsv", error)) == NULL)
    goto fail;
  pos_punct_init (&s->punct, s->model);
  s->lexicon = pos_lexicon_load (path, error);
  g_free (path);
  if (s->lexicon == NULL || (path = nlp_stage_env_find_data (env, "abbreviations.txt", error)) == NULL)
    goto fail;
  s->abbrevs = load_abbrevs (path, error);
  g_free (path);
  if (s->abbrevs == NULL)
    goto fail;
  return s;

fail:
  pos_model_free_cb (s);
  return NULL;
}

static gpointer
pos_worker_new (gpointer data, GError **error)
{
  PosWorker *w = g_new0 (PosWorker, 1);
  const PosStage *s = data;

  w->stage = s;
  w->tagger = pos_tagger_new (s->model, s->lexicon);
  w->spans = g_array_new (FALSE, FALSE, sizeof (NlpSpan));
  w->token = g_array_new (FALSE, FALSE, sizeof (guint));
  w->mwt = g_array_new (FALSE, FALSE, sizeof (gint));
  w->text = g_array_new (FALSE, FALSE, sizeof (const char *));
  w->len = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->label = g_array_new (FALSE, FALSE, sizeof (guint8));
  w->space = g_array_new (FALSE, FALSE, sizeof (guint8));
  return w;
}

static void
pos_worker_free (gpointer data)
{
  PosWorker *w = data;

  pos_tagger_free (w->tagger);
  g_array_unref (w->spans);
  g_array_unref (w->token);
  g_array_unref (w->mwt);
  g_array_unref (w->text);
  g_array_unref (w->len);
  g_array_unref (w->label);
  g_array_unref (w->space);
  g_free (w);
}

static void
add_word (PosWorker *w, const char *text, guint start, guint end, guint token, gint mwt)
{
  NlpSpan span = { start, end };
  const char *p = text + start;
  guint32 len = end - start;

  g_array_append_val (w->spans, span);
  g_array_append_val (w->token, token);
  g_array_append_val (w->mwt, mwt);
  g_array_append_val (w->text, p);
  g_array_append_val (w->len, len);
}

/* The words of tokens [@t0, @t1) (one sentence, or a run of tokens
 * outside every sentence), appended to the worker's arrays. */
static void
segment_words (PosWorker *w, const char *text, const NlpSpan *tok, guint t0, guint t1,
               const NlpColumn *kind)
{
  const char *word_kind = NULL;

  for (guint t = t0; t < t1;)
    {
      guint glue = pos_words_glue (text, tok + t0, t - t0, t1 - t0, w->stage->abbrevs);
      const char *k;
      PosWordSpan parts[POS_MAX_WORDS];
      guint n;

      if (glue > 1)
        {
          add_word (w, text, tok[t].start, tok[t + glue - 1].end, t, 0);
          t += glue;
          continue;
        }
      /* the tokenizer's kind strings are static: one strcmp per string */
      k = kind ? nlp_column_get_string (kind, t) : NULL;
      if (k != NULL && k != word_kind && strcmp (k, "word") == 0)
        word_kind = k;
      if (!w->stage->split || k == NULL || k != word_kind)
        {
          add_word (w, text, tok[t].start, tok[t].end, t, 0);
          t++;
          continue;
        }
      n = pos_words_split (text + tok[t].start, tok[t].end - tok[t].start, parts);
      for (guint i = 0; i < n; i++)
        {
          gint mwt = 0;
          if (parts[i].mwt_next && (i == 0 || !parts[i - 1].mwt_next))
            for (guint j = i; j < n && parts[j].mwt_next; j++)
              mwt = (gint) (j - i + 2);
          add_word (w, text, tok[t].start + parts[i].start, tok[t].start + parts[i].end, t, mwt);
        }
      t++;
    }
}

/* Tags the words [@a, @b) of the worker's arrays as one sentence. */
static void
tag_words (PosWorker *w, guint a, guint b)
{
  const PosWordInfo *info;
  const NlpSpan *spans;
  guint8 *space;

  if (b <= a)
    return;
  info = pos_tagger_prepare (w->tagger, &g_array_index (w->text, const char *, a),
                             &g_array_index (w->len, guint32, a), b - a);
  pos_tagger_tag (w->tagger, info, b - a, &g_array_index (w->label, guint8, a));
  /* quotes, hyphens and periods by the spaces around them */
  spans = &g_array_index (w->spans, NlpSpan, a);
  g_array_set_size (w->space, b - a);
  space = (guint8 *) (gpointer) w->space->data;
  for (guint i = 0; i + 1 < b - a; i++)
    space[i] = spans[i + 1].start > spans[i].end;
  space[b - a - 1] = TRUE;
  pos_punct_fix (&w->stage->punct, &g_array_index (w->text, const char *, a),
                 &g_array_index (w->len, guint32, a), space, b - a,
                 &g_array_index (w->label, guint8, a));
}

/* Cuts the document into sentences and the runs of tokens between them,
 * and makes and tags the words of each. */
static void
document_words (PosWorker *w, const char *text, const NlpLayer *tokens,
                const NlpLayer *sentences, const NlpColumn *kind)
{
  guint nt, ns = sentences ? nlp_layer_get_n_rows (sentences) : 0, t = 0;
  const NlpSpan *tok = nlp_layer_peek_spans (tokens, &nt);

  g_array_set_size (w->spans, 0);
  g_array_set_size (w->token, 0);
  g_array_set_size (w->mwt, 0);
  g_array_set_size (w->text, 0);
  g_array_set_size (w->len, 0);
  for (guint s = 0; s <= ns && t < nt; s++)
    {
      guint first = nt, count = 0, a;

      if (s < ns)
        count = nlp_layer_range (tokens, nlp_layer_get_start (sentences, s),
                                 nlp_layer_get_end (sentences, s), &first);
      if (count == 0)
        first = s < ns ? nlp_layer_lower_bound (tokens, nlp_layer_get_start (sentences, s)) : nt;
      /* tokens before this sentence that no sentence holds */
      if (first > t)
        {
          a = w->spans->len;
          segment_words (w, text, tok, t, first, kind);
          g_array_set_size (w->label, w->spans->len);
          tag_words (w, a, w->spans->len);
        }
      a = w->spans->len;
      segment_words (w, text, tok, first, first + count, kind);
      g_array_set_size (w->label, w->spans->len);
      tag_words (w, a, w->spans->len);
      t = MAX (t, first + count);
    }
}

static gboolean
pos_process (gpointer data, NlpDocument *doc, GError **error)
{
  PosWorker *w = data;
  const PosStage *s = w->stage;
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpLayer *words = nlp_document_add_layer (doc, "word", error);
  NlpColumn *token, *mwt, *upos, *xpos;
  guint first;

  if (words == NULL
      || (token = nlp_layer_add_ref_column (words, "token", "token", error)) == NULL
      || (mwt = nlp_layer_add_column (words, "mwt", NLP_COLUMN_INT, error)) == NULL
      || (upos = nlp_layer_add_column (words, "upos", NLP_COLUMN_STRING, error)) == NULL
      || (xpos = nlp_layer_add_column (words, "xpos", NLP_COLUMN_STRING, error)) == NULL)
    return FALSE;
  document_words (w, nlp_document_get_text (doc, NULL), tokens,
                  nlp_document_get_layer (doc, "sentence"),
                  nlp_layer_get_column (tokens, "kind"));
  first = nlp_layer_add_spans (words, (const NlpSpan *) (gpointer) w->spans->data,
                               w->spans->len);
  for (guint i = 0; i < w->spans->len; i++)
    {
      guint8 l = g_array_index (w->label, guint8, i);
      nlp_column_set_ref (token, first + i, g_array_index (w->token, guint, i));
      nlp_column_set_int (mwt, first + i, g_array_index (w->mwt, gint, i));
      if (s->upos[l] != NULL)
        nlp_column_set_static_string (upos, first + i, s->upos[l]);
      else
        nlp_column_set_string (upos, first + i, s->model->upos[l]);
      if (s->xpos[l] != NULL)
        nlp_column_set_static_string (xpos, first + i, s->xpos[l]);
      else
        nlp_column_set_string (xpos, first + i, s->model->xpos[l]);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (pos,
  .version    = "1.0",
  .summary    = "UD words (don't -> do n't) with UPOS (17 UD tags) and Penn Treebank XPOS; "
                "EWT test UPOS 95.25 from raw text, 96.05 on gold words (docs/stages/pos.md)",
  .licence     = "LGPL-2.1-or-later AND CC-BY-SA-4.0",
  .author      = "The nlpipe developers",
  .homepage    = "file://" NLP_DOCDIR "/stages/pos.md",
  .languages   = NLP_NAMES ("en"),
  .requires   = NLP_NAMES ("token", "token.kind", "sentence"),
  .provides   = NLP_NAMES ("word", "word.token", "word.mwt", "word.upos", "word.xpos"),
  .options    = pos_options,
  .model_new  = pos_model_new_cb,
  .model_free = pos_model_free_cb,
  .worker_new = pos_worker_new,
  .worker_free = pos_worker_free,
  .process    = pos_process);
