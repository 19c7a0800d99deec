/* runfail — a test stage for the runner: fails on demand, and is slow on
 * demand so that workers finish out of order.
 *
 *   text contains "FAIL"  -> process() fails with a message naming the byte
 *   text contains "SLOW"  -> sleeps 20 ms first (another worker overtakes)
 *   otherwise             -> sets doc.chars, the text's length in bytes
 *
 * It is built only for `make check` (tests/runner.mk) and loaded with
 * --plugin-path BUILD/tests/stages.
 */
#include <string.h>
#include "nlpipe-stage.h"

static gboolean
runfail_process (gpointer data, NlpDocument *doc, GError **error)
{
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  const char *hit;

  if (strstr (text, "SLOW") != NULL)
    g_usleep (20000);
  hit = strstr (text, "FAIL");
  if (hit != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "asked to fail at byte %" G_GSIZE_FORMAT, (gsize) (hit - text));
      return FALSE;
    }
  nlp_document_set_int (doc, "chars", (gint64) len);
  return TRUE;
}

NLP_STAGE_DEFINE (runfail,
  .version = "1.0",
  .summary = "Test stage: fails on FAIL, sleeps on SLOW, sets doc.chars",
  .provides = NLP_NAMES ("doc.chars"),
  .process = runfail_process);
