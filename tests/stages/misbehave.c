/* misbehave — a stage that ends the process in the worst ways a stage
 * can: on a document whose text contains the option "word" (default
 * BOOM), process() does what "how" says — exit (exit(7)), abort, segv (a
 * write through a null pointer), overflow (recursion until the stack
 * overflows), gerror (g_error), hang (sleeps until the
 * process is killed: for the signal tests).  Other documents get
 * doc.misbehave = "ok".  For tests/test-badinput-output.c. */
#include <stdlib.h>
#include <string.h>
#include "nlpipe-stage.h"

static const char *const misbehave_ways[] = { "exit", "abort", "segv", "overflow", "gerror",
                                               "hang", NULL };

static const NlpOptionSpec misbehave_options[] = {
  NLP_OPTION_STRING_SPEC ("word", "BOOM", "misbehave on documents containing this"),
  NLP_OPTION_CHOICE_SPEC ("how", "segv", misbehave_ways, "what to do then"),
  NLP_OPTION_END
};

typedef struct {
  char *word;
  char *how;
} Misbehave;

static gpointer
misbehave_model_new (const NlpStageEnv *env, GError **error)
{
  Misbehave *m = g_new0 (Misbehave, 1);

  m->word = g_strdup (nlp_stage_env_get_string (env, "word"));
  m->how = g_strdup (nlp_stage_env_get_string (env, "how"));
  return m;
}

static void
misbehave_model_free (gpointer data)
{
  Misbehave *m = data;

  g_free (m->word);
  g_free (m->how);
  g_free (m);
}

/* an address no process maps (the first page), which the compiler cannot
 * know: not NULL, so that UBSan lets the store fault instead of reporting
 * a null store */
static int *volatile nowhere = (int *) 64;
static volatile int sink;

/* 1 KiB of stack per level, @depth levels: far more than any stack */
static int
recurse (volatile char *above, long depth)
{
  volatile char frame[1024];

  frame[0] = above ? above[0] : 1;
  frame[sizeof frame - 1] = 0;
  if (depth == 0)
    return frame[0];
  return recurse (frame, depth - 1) + frame[sizeof frame - 1];
}

static gboolean
misbehave_process (gpointer model, NlpDocument *doc, GError **error)
{
  const Misbehave *m = model;

  if (*m->word && strstr (nlp_document_get_text (doc, NULL), m->word) != NULL)
    {
      if (strcmp (m->how, "exit") == 0)
        exit (7);
      if (strcmp (m->how, "abort") == 0)
        abort ();
      if (strcmp (m->how, "segv") == 0)
        *nowhere = 1;
      if (strcmp (m->how, "overflow") == 0)
        sink = recurse (NULL, G_MAXLONG);
      if (strcmp (m->how, "gerror") == 0)
        g_error ("misbehave: g_error on purpose");
      if (strcmp (m->how, "hang") == 0)
        for (;;)
          g_usleep (G_USEC_PER_SEC);
    }
  nlp_document_set_string (doc, "misbehave", "ok");
  return TRUE;
}

NLP_STAGE_DEFINE (misbehave,
  .version = "1.0",
  .summary = "Test stage: exits, aborts, crashes or hangs on documents containing BOOM",
  .provides = NLP_NAMES ("doc.misbehave"),
  .options = misbehave_options,
  .model_new = misbehave_model_new,
  .model_free = misbehave_model_free,
  .process = misbehave_process);
