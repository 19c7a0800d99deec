/* pos.c — (work in progress) the word layer. */
#include <string.h>
#include "nlpipe-stage.h"
#include "pos-words.h"

static gboolean
pos_process (gpointer data, NlpDocument *doc, GError **error)
{
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpColumn *kind = nlp_layer_get_column (tokens, "kind");
  NlpLayer *words = nlp_document_add_layer (doc, "word", error);
  NlpColumn *tok, *mwt;

  if (words == NULL)
    return FALSE;
  tok = nlp_layer_add_ref_column (words, "token", "token", error);
  mwt = tok ? nlp_layer_add_column (words, "mwt", NLP_COLUMN_INT, error) : NULL;
  if (mwt == NULL)
    return FALSE;
  for (guint t = 0; t < nlp_layer_get_n_rows (tokens); t++)
    {
      gsize len;
      const char *s = nlp_layer_get_text (tokens, t, &len);
      guint start = nlp_layer_get_start (tokens, t);
      PosWordSpan w[POS_MAX_WORDS];
      guint n = strcmp (nlp_column_get_string (kind, t), "word") == 0
                ? pos_words_split (s, len, w) : (w[0] = (PosWordSpan) { 0, (guint16) len, 0 }, 1);
      for (guint i = 0; i < n; i++)
        {
          guint row = nlp_layer_add_span (words, start + w[i].start, start + w[i].end);
          guint run = 0;
          nlp_column_set_ref (tok, row, t);
          if (w[i].mwt_next && (i == 0 || !w[i - 1].mwt_next))
            for (run = i; run < n && w[run].mwt_next; run++)
              ;
          nlp_column_set_int (mwt, row, run ? run - i + 1 : 0);
        }
    }
  return TRUE;
}

NLP_STAGE_DEFINE (pos,
  .version = "0.1",
  .summary = "UD words",
  .requires = NLP_NAMES ("token", "token.kind", "sentence"),
  .provides = NLP_NAMES ("word", "word.token", "word.mwt"),
  .process = pos_process);
