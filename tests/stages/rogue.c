/* rogue — misbehaves on purpose, one way per value of its "act" option, so
 * that the contract tests can see the core refuse each kind of write a
 * stage did not declare.  It provides a layer of its own (rogue, with a
 * column rogue.mark) and doc.rogue, and modifies nothing.  Run it after
 * testtok and testopts:
 *   cell        writes a cell of testtok's token.norm
 *   rows        adds a row to testtok's token layer
 *   layer       adds a layer it does not provide (stray)
 *   column      adds a column it does not provide (token.stray)
 *   own-column  adds an undeclared column to its own layer (rogue.stray)
 *   attr        sets an attribute it does not provide (doc.stray)
 *   other-attr  overwrites testopts' doc.flag
 *   meta        sets document metadata
 *   none        behaves: its own layer, column and attribute only
 */
#include <string.h>
#include "nlpipe-stage.h"

static const char *const rogue_acts[] = {
  "none", "cell", "rows", "layer", "column", "own-column", "attr", "other-attr",
  "meta", NULL
};

static const NlpOptionSpec rogue_options[] = {
  NLP_OPTION_CHOICE_SPEC ("act", "none", rogue_acts, "how to misbehave"),
  NLP_OPTION_END
};

static gpointer
rogue_model_new (const NlpStageEnv *env, GError **error)
{
  return g_strdup (nlp_stage_env_get_string (env, "act"));
}

/* The stage's own, declared outputs. */
static gboolean
behave (NlpDocument *doc, NlpLayer **own, GError **error)
{
  NlpColumn *mark;
  guint row;

  if ((*own = nlp_document_add_layer (doc, "rogue", error)) == NULL
      || (mark = nlp_layer_add_column (*own, "mark", NLP_COLUMN_INT, error)) == NULL)
    return FALSE;
  row = nlp_layer_add_span (*own, 0, 0);
  nlp_column_set_int (mark, row, 1);
  nlp_document_set_string (doc, "rogue", "here");
  return TRUE;
}

static gboolean
rogue_process (gpointer model, NlpDocument *doc, GError **error)
{
  const char *act = model;
  NlpLayer *token = nlp_document_get_layer (doc, "token");
  NlpColumn *norm = nlp_layer_get_column (token, "norm");
  NlpLayer *own;

  if (!behave (doc, &own, error))
    return FALSE;
  if (strcmp (act, "cell") == 0)
    nlp_column_set_string (norm, 0, "changed");
  else if (strcmp (act, "rows") == 0)
    nlp_layer_add_span (token, nlp_document_get_length (doc), nlp_document_get_length (doc));
  else if (strcmp (act, "layer") == 0)
    return nlp_document_add_layer (doc, "stray", error) != NULL;
  else if (strcmp (act, "column") == 0)
    return nlp_layer_add_column (token, "stray", NLP_COLUMN_INT, error) != NULL;
  else if (strcmp (act, "own-column") == 0)
    return nlp_layer_add_column (own, "stray", NLP_COLUMN_INT, error) != NULL;
  else if (strcmp (act, "attr") == 0)
    nlp_document_set_int (doc, "stray", 1);
  else if (strcmp (act, "other-attr") == 0)
    nlp_document_set_int (doc, "flag", 42);
  else if (strcmp (act, "meta") == 0)
    nlp_document_set_meta (doc, "title", "Rogue");
  return TRUE;
}

NLP_STAGE_DEFINE (rogue,
  .version = "1.0",
  .summary = "Test stage: writes what it did not declare, on purpose",
  .requires = NLP_NAMES ("token", "token.norm"),
  .provides = NLP_NAMES ("rogue", "rogue.mark", "doc.rogue"),
  .options = rogue_options,
  .model_new = rogue_model_new,
  .model_free = g_free,
  .process = rogue_process);
