/* nlp-layer.h — standoff annotation tables.
 *
 * A layer is a named table of rows.  Each row is a half-open byte span
 * [start, end) into the document text; rows are kept sorted by start (rows
 * must be appended in non-decreasing start order).  Attribute columns are
 * added by name and typed: string, int, double, or a row reference into
 * another layer.  A cell that was never set is "unset" (writers print null).
 *
 * Layers and columns are owned by their document: never free them (a
 * language binding's reference to one holds the document).  Strings stored
 * in string columns are copied into the document's arena.
 */
#ifndef NLP_LAYER_H
#define NLP_LAYER_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NlpLayer NlpLayer;
typedef struct _NlpColumn NlpColumn;
typedef struct _NlpDocument NlpDocument;

/**
 * NlpColumnType:
 * @NLP_COLUMN_STRING: UTF-8 strings
 * @NLP_COLUMN_INT: 64-bit integers
 * @NLP_COLUMN_DOUBLE: doubles
 * @NLP_COLUMN_REF: row indexes into another layer (nlp_column_get_target())
 *
 * The type of a column's cells.
 */
typedef enum {
  NLP_COLUMN_STRING,
  NLP_COLUMN_INT,
  NLP_COLUMN_DOUBLE,
  NLP_COLUMN_REF,
} NlpColumnType;

/**
 * NlpSpan:
 * @start: the first byte
 * @end: the byte after the last
 *
 * A row's span, [@start, @end) in bytes of the document text.
 */
typedef struct {
  guint32 start;
  guint32 end;
} NlpSpan;

/**
 * NLP_NO_ROW:
 *
 * What look-ups return when they find no row, and an unset reference cell.
 */
#define NLP_NO_ROW G_MAXUINT

/**
 * nlp_layer_get_name:
 * @layer: a layer
 *
 * Returns: (transfer none): the layer's name ("token", "entity" ...)
 */
const char  *nlp_layer_get_name   (const NlpLayer *layer);
/**
 * nlp_layer_get_document:
 * @layer: a layer
 *
 * Returns: (transfer none): the document that owns @layer
 */
NlpDocument *nlp_layer_get_document (const NlpLayer *layer);
/**
 * nlp_layer_get_n_rows:
 * @layer: (nullable): a layer
 *
 * Returns: the number of rows (0 for %NULL)
 */
guint        nlp_layer_get_n_rows (const NlpLayer *layer);

/**
 * nlp_layer_add_span:
 * @layer: a layer the running stage may add rows to
 * @start: the first byte of the row's span
 * @end: the byte after its last
 *
 * Appends a row.  @start must be at least the start of the previous row,
 * and @start <= @end <= the text's length (programmer errors).
 *
 * Returns: the new row's index, or %NLP_NO_ROW when it was refused
 */
guint        nlp_layer_add_span   (NlpLayer *layer, guint start, guint end);
/**
 * nlp_layer_add_spans:
 * @layer: a layer the running stage may add rows to
 * @spans: (array length=n): the rows' spans
 * @n: how many
 *
 * Appends @n rows at once: the bulk form of nlp_layer_add_span() for a
 * tokenizer's output, with the same rules (starts non-decreasing, spans
 * within the text).
 *
 * Returns: the first new row's index, or %NLP_NO_ROW when refused
 */
guint        nlp_layer_add_spans  (NlpLayer *layer, const NlpSpan *spans, guint n);
/**
 * nlp_layer_reserve:
 * @layer: a layer
 * @n_rows: how many rows it will hold
 *
 * Makes room for @n_rows rows: a hint for stages that know their count,
 * which saves reallocations in hot loops.
 */
void         nlp_layer_reserve    (NlpLayer *layer, guint n_rows);
/**
 * nlp_layer_get_start:
 * @layer: a layer
 * @row: a row of it
 *
 * Returns: the first byte of @row's span
 */
guint        nlp_layer_get_start  (const NlpLayer *layer, guint row);
/**
 * nlp_layer_get_end:
 * @layer: a layer
 * @row: a row of it
 *
 * Returns: the byte after the last of @row's span
 */
guint        nlp_layer_get_end    (const NlpLayer *layer, guint row);
/**
 * nlp_layer_get_text: (skip)
 * @layer: a layer
 * @row: a row of it
 * @len: (out) (optional): its length in bytes
 *
 * The text of a row, in place (not NUL-terminated: use @len).  Bindings
 * slice the document text with the row's offsets instead.
 *
 * Returns: (transfer none): the row's first byte in the document text
 */
const char  *nlp_layer_get_text   (const NlpLayer *layer, guint row, gsize *len);

/**
 * nlp_layer_peek_spans:
 * @layer: a layer
 * @n_rows: (out): the number of rows
 *
 * The spans of all rows, in row order: a read-only view, valid until the
 * next row is added.  For stages that walk every row (a sentence splitter
 * over tokens).
 *
 * Returns: (transfer none) (array length=n_rows): the spans
 */
const NlpSpan *nlp_layer_peek_spans (const NlpLayer *layer, guint *n_rows);

/**
 * nlp_layer_lower_bound:
 * @layer: a layer
 * @offset: a byte offset
 *
 * Binary search.
 *
 * Returns: the first row whose start is at least @offset (the number of
 *   rows when there is none)
 */
guint        nlp_layer_lower_bound (const NlpLayer *layer, guint offset);
/**
 * nlp_layer_find_covering:
 * @layer: a layer whose rows do not overlap (tokens, sentences)
 * @offset: a byte offset
 *
 * Binary search.
 *
 * Returns: the row with start <= @offset < end, or %NLP_NO_ROW
 */
guint        nlp_layer_find_covering (const NlpLayer *layer, guint offset);
/**
 * nlp_layer_range:
 * @layer: a layer
 * @start: the first byte
 * @end: the byte after the last
 * @first: (out) (optional): the first row in the range
 *
 * The rows whose start lies in [@start, @end): rows @first to @first +
 * count - 1.  For a layer whose rows do not overlap these are exactly the
 * rows inside the span (the tokens of a sentence).
 *
 * Returns: the number of rows
 */
guint        nlp_layer_range      (const NlpLayer *layer, guint start, guint end,
                                   guint *first);

/**
 * nlp_layer_add_column:
 * @layer: a layer
 * @name: the column's name, as the stage declares it in provides
 * @type: the cells' type (not %NLP_COLUMN_REF: see nlp_layer_add_ref_column())
 * @error: return location for a #GError, or %NULL
 *
 * Adds a column, empty (every cell unset).  While a stage runs, @name is
 * its declared name: the core gives the column the instance's name for it
 * (docs/writing-stages.md), and refuses a column the stage does not
 * provide (%NLP_ERROR_STAGE).  A column of that name already there fails
 * with %NLP_ERROR_FAILED.
 *
 * Returns: (transfer none): the column, or %NULL with @error set
 */
NlpColumn   *nlp_layer_add_column (NlpLayer *layer, const char *name,
                                   NlpColumnType type, GError **error);
/**
 * nlp_layer_add_ref_column:
 * @layer: a layer
 * @name: the column's name, as the stage declares it
 * @target: the name of the layer its cells point into
 * @error: return location for a #GError, or %NULL
 *
 * Adds a column of row references into the layer @target, as
 * nlp_layer_add_column() does.
 *
 * Returns: (transfer none): the column, or %NULL with @error set
 */
NlpColumn   *nlp_layer_add_ref_column (NlpLayer *layer, const char *name,
                                       const char *target, GError **error);
/**
 * nlp_layer_get_column:
 * @layer: (nullable): a layer
 * @name: a column name
 *
 * Returns: (transfer none) (nullable): the column called @name, or %NULL
 */
NlpColumn   *nlp_layer_get_column (const NlpLayer *layer, const char *name);
/**
 * nlp_layer_get_n_columns:
 * @layer: (nullable): a layer
 *
 * Returns: the number of columns
 */
guint        nlp_layer_get_n_columns (const NlpLayer *layer);
/**
 * nlp_layer_get_column_at:
 * @layer: a layer
 * @i: a column index, below nlp_layer_get_n_columns()
 *
 * Returns: (transfer none): column @i, in the order they were added
 */
NlpColumn   *nlp_layer_get_column_at (const NlpLayer *layer, guint i);

/**
 * nlp_column_get_name:
 * @column: a column
 *
 * Returns: (transfer none): its name
 */
const char   *nlp_column_get_name  (const NlpColumn *column);
/**
 * nlp_column_get_layer:
 * @column: a column
 *
 * Returns: (transfer none): the layer it belongs to
 */
NlpLayer     *nlp_column_get_layer (const NlpColumn *column);
/**
 * nlp_column_get_value_type:
 * @column: a column
 *
 * Returns: the type of its cells
 */
NlpColumnType nlp_column_get_value_type (const NlpColumn *column);
/**
 * nlp_column_get_target:
 * @column: a column
 *
 * Returns: (transfer none) (nullable): for a %NLP_COLUMN_REF column, the
 *   name of the layer its cells point into; else %NULL
 */
const char   *nlp_column_get_target (const NlpColumn *column);

/**
 * nlp_column_set_string:
 * @column: a string column the running stage may write
 * @row: a row of its layer
 * @value: (nullable): UTF-8 text (copied), or %NULL to unset the cell
 *
 * Sets a cell.  A write the stage contract refuses changes nothing and
 * fails the stage; so does a @value that is not valid UTF-8 (every output
 * is UTF-8: "column 'LAYER.COLUMN' row N is not valid UTF-8 ...").
 */
void         nlp_column_set_string (NlpColumn *column, guint row, const char *value);
/**
 * nlp_column_set_string_len:
 * @column: a string column
 * @row: a row of its layer
 * @value: (nullable) (array length=len) (element-type guint8): UTF-8 text
 *   (copied), or %NULL to unset the cell
 * @len: its length in bytes
 *
 * Sets a cell from @len bytes; refused as nlp_column_set_string()
 * refuses a value that is not UTF-8.
 */
void         nlp_column_set_string_len (NlpColumn *column, guint row,
                                        const char *value, gsize len);
/**
 * nlp_column_set_static_string: (skip)
 * @column: a string column
 * @row: a row of its layer
 * @value: a string that outlives the document
 *
 * Stores @value without copying it: for strings that outlive the document
 * (string literals, a stage model's read-only data), such as a token
 * kind.  Saves the copy in hot loops.  @value must be UTF-8: it is not
 * checked (validate model data as you load it).
 */
void         nlp_column_set_static_string (NlpColumn *column, guint row,
                                           const char *value);
/**
 * nlp_column_alloc_string: (skip)
 * @column: a string column
 * @row: a row of its layer
 * @len: the string's length in bytes
 *
 * A writable buffer of @len bytes in the document's arena, NUL-terminated
 * after them, which becomes the cell's value: for stages that build a
 * string (a lower-cased form) without a scratch copy.  Fill it before
 * anything reads the cell, with UTF-8: like a static string it is not
 * checked (a fast path; nlp_column_set_string() checks).
 *
 * Returns: (transfer none) (nullable): the buffer, or %NULL when @len bytes
 *   cannot be had: the stage then fails on the document, and may return
 *   at once (what it writes is not kept)
 */
char        *nlp_column_alloc_string (NlpColumn *column, guint row, gsize len);
/**
 * nlp_column_set_int:
 * @column: an integer column
 * @row: a row of its layer
 * @value: the value
 *
 * Sets a cell.
 */
void         nlp_column_set_int    (NlpColumn *column, guint row, gint64 value);
/**
 * nlp_column_set_double:
 * @column: a double column
 * @row: a row of its layer
 * @value: the value
 *
 * Sets a cell.
 */
void         nlp_column_set_double (NlpColumn *column, guint row, double value);
/**
 * nlp_column_set_ref:
 * @column: a reference column
 * @row: a row of its layer
 * @target_row: a row of the target layer
 *
 * Sets a cell.
 */
void         nlp_column_set_ref    (NlpColumn *column, guint row, guint target_row);

/**
 * nlp_column_is_set:
 * @column: a column
 * @row: a row of its layer
 *
 * Returns: whether the cell has a value (writers print unset cells as null)
 */
gboolean     nlp_column_is_set     (const NlpColumn *column, guint row);
/**
 * nlp_column_get_string:
 * @column: a string column
 * @row: a row of its layer
 *
 * Returns: (transfer none) (nullable): the cell, or %NULL when unset
 */
const char  *nlp_column_get_string (const NlpColumn *column, guint row);
/**
 * nlp_column_get_int:
 * @column: an integer column
 * @row: a row of its layer
 *
 * Returns: the cell (0 when unset)
 */
gint64       nlp_column_get_int    (const NlpColumn *column, guint row);
/**
 * nlp_column_get_double:
 * @column: a double column
 * @row: a row of its layer
 *
 * Returns: the cell (0 when unset)
 */
double       nlp_column_get_double (const NlpColumn *column, guint row);
/**
 * nlp_column_get_ref:
 * @column: a reference column
 * @row: a row of its layer
 *
 * Returns: the target row, or %NLP_NO_ROW when unset
 */
guint        nlp_column_get_ref    (const NlpColumn *column, guint row);

G_END_DECLS

#endif
