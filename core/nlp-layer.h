/* nlp-layer.h — standoff annotation tables.
 *
 * A layer is a named table of rows.  Each row is a half-open byte span
 * [start, end) into the document text; rows are kept sorted by start (rows
 * must be appended in non-decreasing start order).  Attribute columns are
 * added by name and typed: string, int, double, or a row reference into
 * another layer.  A cell that was never set is "unset" (writers print null).
 *
 * Layers and columns are owned by their document: never free them.  Strings
 * stored in string columns are copied into the document's arena.
 */
#ifndef NLP_LAYER_H
#define NLP_LAYER_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NlpLayer NlpLayer;
typedef struct _NlpColumn NlpColumn;
typedef struct _NlpDocument NlpDocument;

typedef enum {
  NLP_COLUMN_STRING,
  NLP_COLUMN_INT,
  NLP_COLUMN_DOUBLE,
  NLP_COLUMN_REF,            /* row index into another layer */
} NlpColumnType;

/* A row's span, [start, end) in bytes. */
typedef struct {
  guint32 start;
  guint32 end;
} NlpSpan;

/* Sentinel returned by look-ups that find no row. */
#define NLP_NO_ROW G_MAXUINT

const char  *nlp_layer_get_name   (const NlpLayer *layer);
NlpDocument *nlp_layer_get_document (const NlpLayer *layer);
guint        nlp_layer_get_n_rows (const NlpLayer *layer);

/* Appends a row and returns its index.  @start must be >= the start of the
 * previous row and start <= end <= text length (programmer errors). */
guint        nlp_layer_add_span   (NlpLayer *layer, guint start, guint end);
/* Appends @n rows at once (the bulk form of nlp_layer_add_span, for a
 * tokenizer's output); returns the first new row.  The same rules hold:
 * starts non-decreasing, spans within the text (programmer errors). */
guint        nlp_layer_add_spans  (NlpLayer *layer, const NlpSpan *spans, guint n);
/* Makes room for @n_rows rows (a hint for stages that know their count:
 * saves reallocations in hot loops). */
void         nlp_layer_reserve    (NlpLayer *layer, guint n_rows);
guint        nlp_layer_get_start  (const NlpLayer *layer, guint row);
guint        nlp_layer_get_end    (const NlpLayer *layer, guint row);
/* (transfer none) text of a row, not NUL-terminated: *len bytes. */
const char  *nlp_layer_get_text   (const NlpLayer *layer, guint row, gsize *len);

/* (transfer none) the spans of all rows, in row order, *@n_rows of them:
 * a read-only view, valid until the next row is added.  For stages that
 * walk every row (a sentence splitter over tokens). */
const NlpSpan *nlp_layer_peek_spans (const NlpLayer *layer, guint *n_rows);

/* First row whose start >= @offset (n_rows when none): binary search. */
guint        nlp_layer_lower_bound (const NlpLayer *layer, guint offset);
/* The last row with start <= @offset < end, or NLP_NO_ROW: binary search.
 * Meant for non-overlapping layers (tokens, sentences). */
guint        nlp_layer_find_covering (const NlpLayer *layer, guint offset);
/* Rows whose start lies in [@start, @end): sets *@first and returns the
 * count (rows first .. first+count-1).  For non-overlapping layers these are
 * exactly the rows contained in the span (tokens of a sentence). */
guint        nlp_layer_range      (const NlpLayer *layer, guint start, guint end,
                                   guint *first);

/* Columns.  Adding a column whose name exists fails with NLP_ERROR_FAILED. */
NlpColumn   *nlp_layer_add_column (NlpLayer *layer, const char *name,
                                   NlpColumnType type, GError **error);
/* A row-reference column pointing into the layer named @target. */
NlpColumn   *nlp_layer_add_ref_column (NlpLayer *layer, const char *name,
                                       const char *target, GError **error);
/* (transfer none) or NULL. */
NlpColumn   *nlp_layer_get_column (const NlpLayer *layer, const char *name);
guint        nlp_layer_get_n_columns (const NlpLayer *layer);
NlpColumn   *nlp_layer_get_column_at (const NlpLayer *layer, guint i);

const char   *nlp_column_get_name  (const NlpColumn *column);
NlpColumnType nlp_column_get_type  (const NlpColumn *column);
/* For NLP_COLUMN_REF: the name of the target layer. */
const char   *nlp_column_get_target (const NlpColumn *column);

void         nlp_column_set_string (NlpColumn *column, guint row, const char *value);
void         nlp_column_set_string_len (NlpColumn *column, guint row,
                                        const char *value, gsize len);
/* Stores @value without copying it: for strings that outlive the document
 * (string literals, a stage model's read-only data), such as a token kind.
 * Saves the arena copy in hot loops. */
void         nlp_column_set_static_string (NlpColumn *column, guint row,
                                           const char *value);
/* (transfer none) a writable buffer of @len bytes in the document arena,
 * NUL-terminated after them, which becomes the cell's value: for stages
 * that build a string (a lower-cased form) without a scratch copy.  Fill
 * it before anything reads the cell. */
char        *nlp_column_alloc_string (NlpColumn *column, guint row, gsize len);
void         nlp_column_set_int    (NlpColumn *column, guint row, gint64 value);
void         nlp_column_set_double (NlpColumn *column, guint row, double value);
void         nlp_column_set_ref    (NlpColumn *column, guint row, guint target_row);

gboolean     nlp_column_is_set     (const NlpColumn *column, guint row);
/* (transfer none) NUL-terminated, or NULL when unset. */
const char  *nlp_column_get_string (const NlpColumn *column, guint row);
gint64       nlp_column_get_int    (const NlpColumn *column, guint row);
double       nlp_column_get_double (const NlpColumn *column, guint row);
/* NLP_NO_ROW when unset. */
guint        nlp_column_get_ref    (const NlpColumn *column, guint row);

G_END_DECLS

#endif
