/* badutf8 — needs `token`: adds token.raw, the token's text, except that
 * a token "BAD" gets the bytes "B\xffD", which are not UTF-8: a broken
 * third-party stage, for the test that such a cell fails the stage on
 * that document (tests/test-badinput-jsonl.c). */
#include <string.h>
#include "nlpipe-stage.h"

static gboolean
badutf8_process (gpointer worker, NlpDocument *doc, GError **error)
{
  NlpLayer *token = nlp_document_get_layer (doc, "token");
  NlpColumn *raw = nlp_layer_add_column (token, "raw", NLP_COLUMN_STRING, error);

  if (raw == NULL)
    return FALSE;
  for (guint r = 0; r < nlp_layer_get_n_rows (token); r++)
    {
      gsize len;
      const char *t = nlp_layer_get_text (token, r, &len);
      if (len == 3 && memcmp (t, "BAD", 3) == 0)
        nlp_column_set_string (raw, r, "B\xff" "D");
      else
        nlp_column_set_string_len (raw, r, t, len);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (badutf8,
  .version = "1.0",
  .summary = "Test stage: writes a string that is not UTF-8 for the token BAD",
  .requires = NLP_NAMES ("token"),
  .provides = NLP_NAMES ("token.raw"),
  .process = badutf8_process);
