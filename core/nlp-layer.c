/* nlp-layer.c — standoff annotation tables (see nlp-layer.h).
 *
 * Spans and column cells are stored as arrays (struct of arrays), so a
 * layer of a million tokens costs a handful of allocations.  Strings live in
 * the document arena.
 */
#include <string.h>
#include "nlp-layer-private.h"
#include "nlp-document-private.h"
#include "nlp-access-private.h"
#include "nlp-error.h"

NlpLayer *
nlp__layer_new (NlpDocument *doc, const char *name)
{
  NlpLayer *layer = g_new0 (NlpLayer, 1);

  layer->name = g_strdup (name);
  layer->doc = doc;
  layer->arena = nlp__document_get_arena (doc);
  layer->text_len = nlp_document_get_length (doc);
  layer->columns = g_ptr_array_new ();
  layer->running = nlp__document_access_slot (doc);
  layer->owner = *layer->running;
  return layer;
}

/* "stage 'tokenize'", or "the program" for what no stage made. */
static const char *
maker (const NlpAccess *owner, char **buf)
{
  if (owner == NULL)
    return "the program";
  return *buf = g_strdup_printf ("stage '%s'", nlp__access_get_instance (owner));
}

/* The running stage may add rows to @layer: its own, or one it modifies. */
static gboolean
may_add_rows (NlpLayer *layer)
{
  const NlpAccess *running = *layer->running;
  char *buf = NULL;

  if (G_LIKELY (running == layer->owner) || running == NULL
      || nlp__access_modifies_layer (running, layer->name))
    return TRUE;
  nlp__document_refuse (layer->doc, "adds rows to layer '%s', which %s made; list it in "
                        "modifies to change it", layer->name, maker (layer->owner, &buf));
  g_free (buf);
  return FALSE;
}

/* The slow path of may_write: the running stage did not make @column. */
static gboolean
may_write_slow (NlpColumn *column)
{
  const NlpAccess *running = *column->running;
  char *buf = NULL;

  if (running == NULL)
    return TRUE;               /* the program itself, between stages */
  if (nlp__access_modifies_column (running, column->layer->name, column->name))
    {
      column->allowed = running;
      return TRUE;
    }
  nlp__document_refuse (column->layer->doc, "writes column '%s.%s', which %s made; list it "
                        "in modifies to change it", column->layer->name, column->name,
                        maker (column->owner, &buf));
  g_free (buf);
  return FALSE;
}

/* The running stage may write cells of @column: one compare when it made
 * it (every stage's hot loop). */
static inline gboolean
may_write (NlpColumn *column)
{
  const NlpAccess *running = *column->running;

  return G_LIKELY (running == column->owner || running == column->allowed)
         || may_write_slow (column);
}

static void
column_free (NlpColumn *column)
{
  g_free (column->name);
  g_free (column->target);
  g_free (column->cells);
  g_free (column->set);
  g_free (column);
}

void
nlp__layer_free (NlpLayer *layer)
{
  if (layer == NULL)
    return;
  for (guint i = 0; i < layer->columns->len; i++)
    column_free (g_ptr_array_index (layer->columns, i));
  g_ptr_array_unref (layer->columns);
  g_free (layer->spans);
  g_free (layer->name);
  g_free (layer);
}

const char *
nlp_layer_get_name (const NlpLayer *layer)
{
  g_return_val_if_fail (layer != NULL, NULL);
  return layer->name;
}

NlpDocument *
nlp_layer_get_document (const NlpLayer *layer)
{
  g_return_val_if_fail (layer != NULL, NULL);
  return layer->doc;
}

guint
nlp_layer_get_n_rows (const NlpLayer *layer)
{
  return layer != NULL ? layer->n_rows : 0;
}

guint
nlp_layer_add_span (NlpLayer *layer, guint start, guint end)
{
  g_return_val_if_fail (layer != NULL, NLP_NO_ROW);
  g_return_val_if_fail (start <= end, NLP_NO_ROW);
  g_return_val_if_fail (end <= layer->text_len, NLP_NO_ROW);
  g_return_val_if_fail (layer->n_rows == 0
                        || layer->spans[layer->n_rows - 1].start <= start, NLP_NO_ROW);
  if (G_UNLIKELY (!may_add_rows (layer)))
    return NLP_NO_ROW;
  if (G_UNLIKELY (layer->n_rows == layer->cap_rows))
    {
      nlp_layer_reserve (layer, MAX (64u, layer->cap_rows * 2));
      if (layer->n_rows == layer->cap_rows)
        return NLP_NO_ROW;     /* out of memory: refused (nlp_layer_reserve) */
    }
  layer->spans[layer->n_rows].start = start;
  layer->spans[layer->n_rows].end = end;
  return layer->n_rows++;
}

guint
nlp_layer_add_spans (NlpLayer *layer, const NlpSpan *spans, guint n)
{
  guint32 prev;

  g_return_val_if_fail (layer != NULL && (spans != NULL || n == 0), NLP_NO_ROW);
  if (n == 0)
    return layer->n_rows;     /* (memcpy from or to NULL is undefined) */
  if (G_UNLIKELY (!may_add_rows (layer)))
    return NLP_NO_ROW;
  prev = layer->n_rows ? layer->spans[layer->n_rows - 1].start : 0;
  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (spans[i].start >= prev && spans[i].start <= spans[i].end
                            && spans[i].end <= layer->text_len, NLP_NO_ROW);
      prev = spans[i].start;
    }
  if (layer->n_rows + n > layer->cap_rows)
    {
      nlp_layer_reserve (layer, MAX (layer->n_rows + n, layer->cap_rows * 2));
      if (layer->n_rows + n > layer->cap_rows)
        return NLP_NO_ROW;
    }
  memcpy (layer->spans + layer->n_rows, spans, (gsize) n * sizeof (NlpSpan));
  layer->n_rows += n;
  return layer->n_rows - n;
}

void
nlp_layer_reserve (NlpLayer *layer, guint n_rows)
{
  g_return_if_fail (layer != NULL);
  if (n_rows > layer->cap_rows && !nlp__document_refused (layer->doc))
    {
      /* a document too big for memory fails, not the run: the refusal
       * fails the stage on this document */
      NlpSpan *spans = g_try_renew (NlpSpan, layer->spans, n_rows);
      if (G_UNLIKELY (spans == NULL))
        {
          nlp__document_refuse (layer->doc, "ran out of memory for %u rows of layer '%s'; "
                                "free memory or split the document", n_rows, layer->name);
          return;
        }
      layer->spans = spans;
      layer->cap_rows = n_rows;
    }
}

guint
nlp_layer_get_start (const NlpLayer *layer, guint row)
{
  g_return_val_if_fail (layer != NULL && row < layer->n_rows, 0);
  return layer->spans[row].start;
}

guint
nlp_layer_get_end (const NlpLayer *layer, guint row)
{
  g_return_val_if_fail (layer != NULL && row < layer->n_rows, 0);
  return layer->spans[row].end;
}

const char *
nlp_layer_get_text (const NlpLayer *layer, guint row, gsize *len)
{
  const NlpSpan *span;
  const char *text;

  g_return_val_if_fail (layer != NULL && row < layer->n_rows, NULL);
  span = &layer->spans[row];
  text = nlp_document_get_text (layer->doc, NULL);
  if (len)
    *len = span->end - span->start;
  return text + span->start;
}

const NlpSpan *
nlp_layer_peek_spans (const NlpLayer *layer, guint *n_rows)
{
  g_return_val_if_fail (layer != NULL, NULL);
  if (n_rows)
    *n_rows = layer->n_rows;
  return layer->spans;
}

guint
nlp_layer_lower_bound (const NlpLayer *layer, guint offset)
{
  const NlpSpan *spans = layer->spans;
  guint lo = 0, hi = layer->n_rows;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (spans[mid].start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
nlp_layer_find_covering (const NlpLayer *layer, guint offset)
{
  const NlpSpan *spans;
  guint i;

  g_return_val_if_fail (layer != NULL, NLP_NO_ROW);
  spans = layer->spans;
  /* first row starting after offset, then step back one */
  i = nlp_layer_lower_bound (layer, offset + 1);
  if (i == 0)
    return NLP_NO_ROW;
  i--;
  return offset < spans[i].end ? i : NLP_NO_ROW;
}

guint
nlp_layer_range (const NlpLayer *layer, guint start, guint end, guint *first)
{
  guint a, b;

  g_return_val_if_fail (layer != NULL, 0);
  a = nlp_layer_lower_bound (layer, start);
  b = end > start ? nlp_layer_lower_bound (layer, end) : a;
  if (first)
    *first = a;
  return b - a;
}

static NlpColumn *
column_new (NlpLayer *layer, const char *name, NlpColumnType type,
            const char *target, GError **error)
{
  NlpColumn *column;
  gsize size;
  const NlpAccess *running = *layer->running;

  if (running != NULL)
    {
      const char *own = nlp__access_column (running, layer->name, name);
      if (own == NULL)
        {
          nlp__document_refuse (layer->doc, "adds column '%s.%s', which is not in its "
                                "provides; declare it there", layer->name, name);
          g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE, "adds column '%s.%s', which is "
                       "not in its provides; declare it there", layer->name, name);
          return NULL;
        }
      name = own;
    }
  if (nlp_layer_get_column (layer, name) != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_FAILED,
                   "layer '%s' already has a column '%s'", layer->name, name);
      return NULL;
    }
  switch (type)
    {
    case NLP_COLUMN_STRING: size = sizeof (const char *); break;
    case NLP_COLUMN_INT:    size = sizeof (gint64); break;
    case NLP_COLUMN_DOUBLE: size = sizeof (double); break;
    case NLP_COLUMN_REF:    size = sizeof (guint); break;
    default:
      g_return_val_if_reached (NULL);
    }
  column = g_new0 (NlpColumn, 1);
  column->name = g_strdup (name);
  column->target = g_strdup (target);
  column->type = type;
  column->layer = layer;
  column->elt = (guint) size;
  column->running = layer->running;
  column->owner = running;
  g_ptr_array_add (layer->columns, column);
  return column;
}

NlpColumn *
nlp_layer_add_column (NlpLayer *layer, const char *name, NlpColumnType type,
                      GError **error)
{
  g_return_val_if_fail (layer != NULL && name != NULL, NULL);
  g_return_val_if_fail (type != NLP_COLUMN_REF, NULL);
  return column_new (layer, name, type, NULL, error);
}

NlpColumn *
nlp_layer_add_ref_column (NlpLayer *layer, const char *name, const char *target,
                          GError **error)
{
  g_return_val_if_fail (layer != NULL && name != NULL && target != NULL, NULL);
  return column_new (layer, name, NLP_COLUMN_REF, target, error);
}

NlpColumn *
nlp_layer_get_column (const NlpLayer *layer, const char *name)
{
  if (layer == NULL)
    return NULL;
  if (G_UNLIKELY (*layer->running != NULL))
    {
      /* a running stage reads its own column by its declared name */
      const char *own = nlp__access_column (*layer->running, layer->name, name);
      if (own != NULL)
        name = own;
    }
  for (guint i = 0; i < layer->columns->len; i++)
    {
      NlpColumn *c = g_ptr_array_index (layer->columns, i);
      if (strcmp (c->name, name) == 0)
        return c;
    }
  return NULL;
}

guint
nlp_layer_get_n_columns (const NlpLayer *layer)
{
  return layer != NULL ? layer->columns->len : 0;
}

NlpColumn *
nlp_layer_get_column_at (const NlpLayer *layer, guint i)
{
  g_return_val_if_fail (layer != NULL && i < layer->columns->len, NULL);
  return g_ptr_array_index (layer->columns, i);
}

const char *
nlp_column_get_name (const NlpColumn *column)
{
  return column->name;
}

NlpLayer *
nlp_column_get_layer (const NlpColumn *column)
{
  return column->layer;
}

NlpColumnType
nlp_column_get_value_type (const NlpColumn *column)
{
  return column->type;
}

const char *
nlp_column_get_target (const NlpColumn *column)
{
  return column->target;
}

/* The slow path of column_reserve; FALSE (refused) when out of memory. */
static gboolean
column_grow (NlpColumn *column)
{
  /* Every row the layer has now, at least: a column is usually filled
   * after its layer's rows are all added, and growing it geometrically
   * from 16 cells cost each column five reallocs per document.  Rows
   * added later still grow it geometrically, within the layer's room. */
  guint size = MAX (column->layer->n_rows,
                    MIN (column->len * 2 + 16, column->layer->cap_rows));
  gpointer cells;
  guint8 *set;

  /* refused already (out of memory, say): the stage fails on this
   * document; trying again for each of its cells took a system call each */
  if (G_UNLIKELY (nlp__document_refused (column->layer->doc)))
    return FALSE;
  cells = g_try_realloc (column->cells, (gsize) size * column->elt);
  set = cells == NULL || column->type == NLP_COLUMN_STRING ? column->set
        : g_try_realloc (column->set, size);

  if (cells != NULL)
    column->cells = cells;
  if (G_UNLIKELY (cells == NULL || (set == NULL && column->type != NLP_COLUMN_STRING)))
    {
      nlp__document_refuse (column->layer->doc, "ran out of memory for %u cells of "
                            "column '%s.%s'; free memory or split the document", size,
                            column->layer->name, column->name);
      return FALSE;
    }
  memset ((char *) column->cells + (gsize) column->len * column->elt, 0,
          (gsize) (size - column->len) * column->elt);
  if (column->type != NLP_COLUMN_STRING)
    {
      column->set = set;
      memset (column->set + column->len, 0, size - column->len);
    }
  column->len = size;
  return TRUE;
}

/* Makes cell @row (< n_rows, checked by the callers) exist; new cells
 * are zero (unset).  Growth is geometric, so filling a column row by row
 * costs amortised O(1) per cell. */
static inline gboolean
column_reserve (NlpColumn *column, guint row)
{
  return G_LIKELY (row < column->len) || column_grow (column);
}

#define CELL(column, type, row) (((type *) (column)->cells)[row])

#define CHECK_CELL(column, row, want)                                     \
  g_return_if_fail ((column) != NULL && (column)->type == (want));        \
  g_return_if_fail ((row) < (column)->layer->n_rows)

/* Whether @len bytes at @s are UTF-8: ASCII in a tight loop (nearly
 * every cell), the rest from the first other byte by GLib. */
static inline gboolean
cell_is_utf8 (const char *s, gsize len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 x;
      memcpy (&x, s + i, 8);
      if (G_UNLIKELY (x & G_GUINT64_CONSTANT (0x8080808080808080)))
        return g_utf8_validate_len (s + i, len - i, NULL);
    }
  for (; i < len; i++)
    if (G_UNLIKELY ((guchar) s[i] >= 0x80))
      return g_utf8_validate_len (s + i, len - i, NULL);
  return TRUE;
}

#define NOT_UTF8 "column '%s.%s' row %u is not valid UTF-8 (a bug in the stage: " \
  "every string it writes must be UTF-8)"

/* A string cell that is not UTF-8 is refused: every output is UTF-8.  A
 * running stage fails on the document (the write is recorded as a
 * violation); the program gets a critical. */
static void
refuse_not_utf8 (NlpColumn *column, guint row)
{
  if (*column->running != NULL)
    nlp__document_refuse (column->layer->doc, NOT_UTF8, column->layer->name,
                          column->name, row);
  else
    g_critical (NOT_UTF8, column->layer->name, column->name, row);
}

/* No memory for a string cell of @len bytes: the stage fails on the
 * document. */
static void
refuse_no_memory (NlpColumn *column, gsize len)
{
  if (*column->running == NULL)
    g_error ("out of memory for a string of %" G_GSIZE_FORMAT " bytes", len);
  nlp__document_refuse (column->layer->doc, "ran out of memory for a string of %"
                        G_GSIZE_FORMAT " bytes in column '%s.%s'; free memory or split the "
                        "document", len, column->layer->name, column->name);
}

void
nlp_column_set_string_len (NlpColumn *column, guint row, const char *value, gsize len)
{
  CHECK_CELL (column, row, NLP_COLUMN_STRING);
  if (G_UNLIKELY (!may_write (column)))
    return;
  if (G_UNLIKELY (value != NULL && !cell_is_utf8 (value, len)))
    {
      refuse_not_utf8 (column, row);
      return;
    }
  if (G_UNLIKELY (!column_reserve (column, row)))
    return;
  if (value != NULL)
    {
      value = nlp__arena_copy (column->layer->arena, value, len);
      if (G_UNLIKELY (value == NULL))
        {
          refuse_no_memory (column, len);
          return;
        }
    }
  CELL (column, const char *, row) = value;
}

char *
nlp_column_alloc_string (NlpColumn *column, guint row, gsize len)
{
  char *p;

  g_return_val_if_fail (column != NULL && column->type == NLP_COLUMN_STRING, NULL);
  g_return_val_if_fail (row < column->layer->n_rows, NULL);
  p = nlp__arena_alloc (column->layer->arena, len);
  if (G_UNLIKELY (p == NULL))
    {
      refuse_no_memory (column, len);
      return NULL;
    }
  /* refused: the stage fills a buffer no cell points to */
  if (G_UNLIKELY (!may_write (column)))
    return p;
  if (G_UNLIKELY (!column_reserve (column, row)))
    return p;
  CELL (column, const char *, row) = p;
  return p;
}

void
nlp_column_set_static_string (NlpColumn *column, guint row, const char *value)
{
  CHECK_CELL (column, row, NLP_COLUMN_STRING);
  if (G_UNLIKELY (!may_write (column)))
    return;
  if (G_UNLIKELY (!column_reserve (column, row)))
    return;
  CELL (column, const char *, row) = value;
}

void
nlp_column_set_string (NlpColumn *column, guint row, const char *value)
{
  nlp_column_set_string_len (column, row, value, value ? strlen (value) : 0);
}

void
nlp_column_set_int (NlpColumn *column, guint row, gint64 value)
{
  CHECK_CELL (column, row, NLP_COLUMN_INT);
  if (G_UNLIKELY (!may_write (column)))
    return;
  if (G_UNLIKELY (!column_reserve (column, row)))
    return;
  CELL (column, gint64, row) = value;
  column->set[row] = 1;
}

void
nlp_column_set_double (NlpColumn *column, guint row, double value)
{
  CHECK_CELL (column, row, NLP_COLUMN_DOUBLE);
  if (G_UNLIKELY (!may_write (column)))
    return;
  if (G_UNLIKELY (!column_reserve (column, row)))
    return;
  CELL (column, double, row) = value;
  column->set[row] = 1;
}

void
nlp_column_set_ref (NlpColumn *column, guint row, guint target_row)
{
  CHECK_CELL (column, row, NLP_COLUMN_REF);
  if (G_UNLIKELY (!may_write (column)))
    return;
  if (G_UNLIKELY (!column_reserve (column, row)))
    return;
  CELL (column, guint, row) = target_row;
  column->set[row] = 1;
}

gboolean
nlp_column_is_set (const NlpColumn *column, guint row)
{
  g_return_val_if_fail (column != NULL, FALSE);
  if (row >= column->len)
    return FALSE;
  if (column->type == NLP_COLUMN_STRING)
    return CELL (column, const char *, row) != NULL;
  return column->set[row] != 0;
}

const char *
nlp_column_get_string (const NlpColumn *column, guint row)
{
  g_return_val_if_fail (column != NULL && column->type == NLP_COLUMN_STRING, NULL);
  if (row >= column->len)
    return NULL;
  return CELL (column, const char *, row);
}

gint64
nlp_column_get_int (const NlpColumn *column, guint row)
{
  g_return_val_if_fail (column != NULL && column->type == NLP_COLUMN_INT, 0);
  return row < column->len ? CELL (column, gint64, row) : 0;
}

double
nlp_column_get_double (const NlpColumn *column, guint row)
{
  g_return_val_if_fail (column != NULL && column->type == NLP_COLUMN_DOUBLE, 0.0);
  return row < column->len ? CELL (column, double, row) : 0.0;
}

guint
nlp_column_get_ref (const NlpColumn *column, guint row)
{
  g_return_val_if_fail (column != NULL && column->type == NLP_COLUMN_REF, NLP_NO_ROW);
  if (!nlp_column_is_set (column, row))
    return NLP_NO_ROW;
  return CELL (column, guint, row);
}
