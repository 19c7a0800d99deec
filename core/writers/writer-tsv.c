/* writer-tsv.c — CoNLL-style columns: one token per line, a blank line
 * after each sentence, "# doc = ID" and "# columns = ..." before each
 * document.  The last default columns are the tags of each labelled layer
 * (the entity layer ...) in BIO (IOB2), the layout the entity stage's
 * evaluation command reads.  docs/formats.md is
 * the reference.
 */
#include <string.h>
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "nlp-error.h"
#include "nlp-json-out-private.h"

/* What a column shows. */
typedef enum { COL_TOKEN, COL_START, COL_END, COL_LABELS, COL_TOKEN_COLUMN } ColKind;

typedef struct {
  ColKind          kind;
  const char      *name;     /* as printed in "# columns =" */
  const NlpColumn *column;   /* COL_TOKEN_COLUMN; NULL when the doc lacks it */
  NlpColumnType    type;     /* of column */
  const NlpLayer  *layer;    /* COL_LABELS: the labelled layer, or NULL */
  struct _Tag     *tags;     /* COL_LABELS: per token (owned) */
} Col;

/* A layer shown as BIO tags: one with a string "label" column (the
 * entity layer, or any stage's labelled spans), other than the tokens. */
static gboolean
is_labelled (const NlpLayer *layer)
{
  const NlpColumn *label = nlp_layer_get_column (layer, "label");

  return label != NULL && nlp_column_get_value_type (label) == NLP_COLUMN_STRING
         && strcmp (nlp_layer_get_name (layer), "token") != 0;
}

static ColKind
classify (const char *name, const NlpDocument *doc, const char **token_column)
{
  const NlpLayer *layer;

  *token_column = g_str_has_prefix (name, "token.") ? name + 6 : name;
  if (strcmp (name, "token") == 0)
    return COL_TOKEN;
  if (strcmp (name, "start") == 0)
    return COL_START;
  if (strcmp (name, "end") == 0)
    return COL_END;
  if (strcmp (name, "entity") == 0)
    return COL_LABELS;
  layer = doc ? nlp_document_get_layer (doc, name) : NULL;
  if (layer != NULL && is_labelled (layer))
    return COL_LABELS;
  return COL_TOKEN_COLUMN;
}

static gboolean
provided (const char *const *names, const char *layer, const char *column)
{
  char *full = column ? g_strconcat (layer, ".", column, NULL) : g_strdup (layer);
  gboolean found = g_strv_contains (names, full);

  g_free (full);
  return found;
}

/* Every name must be token, start, end, a labelled layer (one the chain
 * provides with a label column: entity ...), or a token column. */
static gboolean
tsv_check (const NlpWriterOptions *o, const char *const *names, GError **error)
{
  char **list;
  gboolean ok = TRUE;

  if (o->columns == NULL)
    return TRUE;
  list = g_strsplit (o->columns, ",", -1);
  for (guint i = 0; ok && list[i]; i++)
    {
      const char *name = g_strstrip (list[i]), *col;

      switch (classify (name, NULL, &col))
        {
        case COL_TOKEN_COLUMN:
          ok = (*col != '\0' && provided (names, "token", col))
               || provided (names, name, "label");
          break;
        case COL_LABELS:
          ok = provided (names, name, "label");
          break;
        default:
          ok = provided (names, "token", NULL);
        }
      if (!ok)
        g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                     "--columns '%s': no stage of the chain provides it; use token, "
                     "start, end, entity or a token column of the chain "
                     "(nlpipe info STAGE lists what a stage provides)", name);
    }
  g_strfreev (list);
  return ok;
}

/* The columns for @doc: the requested ones, or token, every token column,
 * then each labelled layer (entity ...) in document order. */
static GArray *
resolve_columns (const NlpWriterOptions *o, const NlpLayer *tokens,
                 const NlpDocument *doc, char ***names_out)
{
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (Col));
  char **names;

  if (o->columns != NULL)
    names = g_strsplit (o->columns, ",", -1);
  else
    {
      GPtrArray *list = g_ptr_array_new ();
      g_ptr_array_add (list, g_strdup ("token"));
      for (guint c = 0; tokens && c < nlp_layer_get_n_columns (tokens); c++)
        g_ptr_array_add (list, g_strdup (nlp_column_get_name (
                                 nlp_layer_get_column_at (tokens, c))));
      for (guint l = 0; l < nlp_document_get_n_layers (doc); l++)
        {
          const NlpLayer *layer = nlp_document_get_layer_at (doc, l);
          if (is_labelled (layer))
            g_ptr_array_add (list, g_strdup (nlp_layer_get_name (layer)));
        }
      g_ptr_array_add (list, NULL);
      names = (char **) g_ptr_array_free (list, FALSE);
    }
  for (guint i = 0; names[i]; i++)
    {
      Col col = { .name = g_strstrip (names[i]) };
      const char *token_column;

      col.kind = classify (col.name, doc, &token_column);
      if (col.kind == COL_LABELS)
        col.layer = nlp_document_get_layer (doc, col.name);
      if (col.kind == COL_TOKEN_COLUMN && tokens != NULL)
        col.column = nlp_layer_get_column (tokens, token_column);
      if (col.column != NULL)
        col.type = nlp_column_get_value_type (col.column);
      g_array_append_val (cols, col);
    }
  *names_out = names;
  return cols;
}

/* A token's BIO entity tag: "O" when label is NULL, else B- or I- and
 * the label (not copied: the entity layer's strings outlive the tags). */
typedef struct _Tag {
  const char *label;
  gboolean    begin;
} Tag;

/* Per token: its BIO entity tag (transfer full: @nt of them).
 * Entities are taken in start order and a token already tagged is never
 * retagged, so of nested or crossing mentions the first one wins.  A token
 * belongs to every entity it overlaps. */
static Tag *
bio_tags (const NlpLayer *tokens, const NlpLayer *entities)
{
  guint nt = nlp_layer_get_n_rows (tokens);
  Tag *tags = g_try_new0 (Tag, nt);
  NlpColumn *label = nlp_layer_get_column (entities, "label");

  if (tags == NULL)
    return NULL;

  for (guint e = 0; e < nlp_layer_get_n_rows (entities); e++)
    {
      guint es = nlp_layer_get_start (entities, e), ee = nlp_layer_get_end (entities, e);
      const char *lab = label ? nlp_column_get_string (label, e) : NULL;
      guint first = nlp_layer_find_covering (tokens, es), last;
      gboolean free_span = TRUE;

      if (first == NLP_NO_ROW)
        first = nlp_layer_lower_bound (tokens, es);
      for (last = first; last < nt && nlp_layer_get_start (tokens, last) < MAX (ee, es + 1);
           last++)
        free_span = free_span && tags[last].label == NULL;
      if (!free_span || last == first)
        continue;
      if (lab == NULL || *lab == '\0')
        lab = "ENT";
      for (guint t = first; t < last; t++)
        {
          tags[t].label = lab;
          tags[t].begin = t == first;
        }
    }
  return tags;
}

static void
append_tag (GString *out, const Tag *tag)
{
  gsize len;
  char *p;

  if (tag == NULL || tag->label == NULL)
    {
      g_string_append_c (out, 'O');
      return;
    }
  len = strlen (tag->label);
  p = nlp__out_reserve (out, 2 + len);
  p = nlp__put_mem (p, tag->begin ? "B-" : "I-", 2);
  nlp__out_commit (out, nlp__put_mem (p, tag->label, len));
}

/* A cell: tabs and line breaks would break the layout, so they become
 * spaces; an empty or missing value is "_" (as in CoNLL-U). */
static void
append_cell_text (GString *out, const char *s, gsize len)
{
  char *p;

  if (s == NULL || len == 0)
    {
      g_string_append_c (out, '_');
      return;
    }
  p = nlp__out_reserve (out, len);
  nlp__out_commit (out, nlp__put_flat (p, s, len));
}

static void
append_column_cell (GString *out, const Col *col, guint row)
{
  const NlpColumn *column = col->column;
  GString *tmp;

  if (column != NULL && col->type == NLP_COLUMN_STRING)
    {
      /* an unset string cell reads as NULL */
      const char *s = nlp_column_get_string (column, row);
      append_cell_text (out, s, s ? strlen (s) : 0);
      return;
    }
  if (column == NULL || !nlp_column_is_set (column, row))
    {
      g_string_append_c (out, '_');
      return;
    }
  tmp = g_string_new (NULL);
  nlp__json_append_cell (tmp, column, row);
  append_cell_text (out, strcmp (tmp->str, "null") ? tmp->str : NULL, tmp->len);
  g_string_free (tmp, TRUE);
}

/* Code point offsets of tokens, computed incrementally (tokens come in
 * start order). */
typedef struct {
  const char *text;
  gsize       byte;
  glong       cp;
} CpCursor;

static glong
cp_offset (CpCursor *cur, gsize byte)
{
  if (byte < cur->byte)
    cur->byte = 0, cur->cp = 0;
  cur->cp += g_utf8_strlen (cur->text + cur->byte, byte - cur->byte);
  cur->byte = byte;
  return cur->cp;
}

static void
tsv_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  char **names;
  GArray *cols = resolve_columns (o, tokens, doc, &names);
  guint nt = tokens ? nlp_layer_get_n_rows (tokens) : 0;
  guint ns = sentences ? nlp_layer_get_n_rows (sentences) : 0;
  guint s = 0, prev_sentence = NLP_NO_ROW;
  CpCursor cur = { nlp_document_get_text (doc, NULL), 0, 0 };

  g_string_append (out, "# doc = ");
  append_cell_text (out, nlp_document_get_id (doc), strlen (nlp_document_get_id (doc)));
  for (guint w = 0; w < nlp_document_get_n_warnings (doc); w++)
    {
      const char *stage, *message = nlp_document_get_warning (doc, w, &stage, NULL);
      g_string_append (out, "\n# warning = ");
      append_cell_text (out, stage, strlen (stage));
      g_string_append (out, ": ");
      append_cell_text (out, message, strlen (message));
    }
  g_string_append (out, "\n# columns =");
  for (guint c = 0; c < cols->len; c++)
    g_string_append_printf (out, " %s", g_array_index (cols, Col, c).name);
  g_string_append_c (out, '\n');
  for (guint c = 0; c < cols->len; c++)
    {
      Col *col = &g_array_index (cols, Col, c);
      if (col->kind == COL_LABELS && col->layer != NULL && tokens != NULL)
        {
          col->tags = bio_tags (tokens, col->layer);
          if (col->tags == NULL && nt > 0)
            {
              nlp__out_give_up (out);  /* out of memory: the document fails */
              nt = 0;
            }
        }
    }

  for (guint t = 0; t < nt; t++)
    {
      guint ts = nlp_layer_get_start (tokens, t), te = nlp_layer_get_end (tokens, t);
      guint sentence = NLP_NO_ROW;

      /* tokens and sentences are both in start order: walk them together */
      while (s < ns && nlp_layer_get_end (sentences, s) <= ts)
        s++;
      if (s < ns && nlp_layer_get_start (sentences, s) <= ts)
        sentence = s;
      if (t > 0 && sentence != prev_sentence)
        g_string_append_c (out, '\n');
      prev_sentence = sentence;

      for (guint c = 0; c < cols->len; c++)
        {
          const Col *col = &g_array_index (cols, Col, c);
          gsize len;
          const char *text;

          if (c)
            g_string_append_c (out, '\t');
          switch (col->kind)
            {
            case COL_TOKEN:
              text = nlp_layer_get_text (tokens, t, &len);
              append_cell_text (out, text, len);
              break;
            case COL_START:
            case COL_END:
              {
                guint b = col->kind == COL_START ? ts : te;
                nlp__json_append_int (out, o->byte_offsets ? (glong) b
                                                : cp_offset (&cur, b));
              }
              break;
            case COL_LABELS:
              append_tag (out, col->tags ? &col->tags[t] : NULL);
              break;
            case COL_TOKEN_COLUMN:
              append_column_cell (out, col, t);
              break;
            }
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  for (guint c = 0; c < cols->len; c++)
    g_free (g_array_index (cols, Col, c).tags);
  g_strfreev (names);
  g_array_free (cols, TRUE);
}

const NlpWriterClass nlp__writer_tsv = {
  .name = "tsv",
  .description = "CoNLL-style: one token per line, --columns, BIO entity tags",
  .format = tsv_format,
  .check = tsv_check,
};
