/* nlp-document.h — the annotated document passed from stage to stage.
 *
 * A document owns one immutable, validated UTF-8 text, an id, string
 * metadata (source path, line, title ...), named layers (see
 * nlp-layer.h) and document-level attributes.  What needs json-glib (JSON
 * attributes as trees, a JSON Lines record's extra fields) is in
 * nlp-document-json.h, so that a stage needs only GLib.  All strings it
 * hands out live in a per-document arena and stay valid until the document
 * is reset or freed.  Offsets everywhere are byte offsets into the text.
 *
 * Stages only add: layers, columns, attributes.  A document can be reset
 * and reused by a worker to avoid reallocating.
 */
#ifndef NLP_DOCUMENT_H
#define NLP_DOCUMENT_H

#include <glib.h>
#include "nlp-json-text.h"
#include "nlp-layer.h"

G_BEGIN_DECLS

/**
 * NlpValueType:
 * @NLP_VALUE_STRING: a string
 * @NLP_VALUE_INT: a 64-bit integer
 * @NLP_VALUE_DOUBLE: a double
 * @NLP_VALUE_JSON: a structured value (object, array), as JSON
 *
 * The type of a document attribute.
 */
typedef enum {
  NLP_VALUE_STRING,
  NLP_VALUE_INT,
  NLP_VALUE_DOUBLE,
  NLP_VALUE_JSON,
} NlpValueType;

/**
 * nlp_document_new:
 * @id: (nullable): the document's id (%NULL: "")
 * @text: (array length=len) (element-type guint8): its text, UTF-8
 * @len: its length in bytes, or -1 when @text ends with a NUL
 * @error: return location for a #GError, or %NULL
 *
 * A document of @text (copied).  Text that is not valid UTF-8 fails with
 * %NLP_ERROR_ENCODING naming the line and byte of the first bad sequence.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
NlpDocument *nlp_document_new   (const char *id, const char *text, gssize len,
                                 GError **error);
/**
 * nlp_document_new_take: (skip)
 * @id: (nullable): the document's id
 * @text: (transfer full): g_malloc()ed UTF-8 text of @len bytes, in a
 *   buffer with room for one more byte (a NUL is added)
 * @len: its length in bytes
 * @error: return location for a #GError, or %NULL
 *
 * Like nlp_document_new(), but takes @text instead of copying it; on
 * error @text is freed.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
NlpDocument *nlp_document_new_take (const char *id, char *text, gsize len,
                                    GError **error);
/**
 * nlp_document_ref:
 * @doc: a document
 *
 * Documents are reference-counted: a new one has one reference, and the
 * last unref frees it, with its layers, columns and strings.
 *
 * Returns: (transfer full): @doc
 */
NlpDocument *nlp_document_ref   (NlpDocument *doc);
/**
 * nlp_document_unref:
 * @doc: (nullable) (transfer full): a document
 *
 * Drops a reference.
 */
void         nlp_document_unref (NlpDocument *doc);
/**
 * nlp_document_free: (skip)
 * @doc: (nullable) (transfer full): a document
 *
 * The same as nlp_document_unref().
 */
void         nlp_document_free  (NlpDocument *doc);

/**
 * nlp_document_reset:
 * @doc: a document
 * @id: (nullable): the new id
 * @text: (array length=len) (element-type guint8): the new text
 * @len: its length, or -1 up to a NUL
 * @error: return location for a #GError, or %NULL
 *
 * Empties the document (layers, attributes, metadata, warnings) and gives
 * it a new id and text, keeping its allocations for reuse.
 *
 * Returns: %FALSE with @error set when @text is not UTF-8 (the document
 *   is unchanged)
 */
gboolean     nlp_document_reset (NlpDocument *doc, const char *id,
                                 const char *text, gssize len, GError **error);

/**
 * nlp_document_get_id:
 * @doc: a document
 *
 * Returns: (transfer none): its id
 */
const char  *nlp_document_get_id   (const NlpDocument *doc);
/**
 * nlp_document_get_text:
 * @doc: a document
 * @len: (out) (optional): its length in bytes
 *
 * Returns: (transfer none): the text, NUL-terminated, never changed by a
 *   stage
 */
const char  *nlp_document_get_text (const NlpDocument *doc, gsize *len);
/**
 * nlp_document_get_length:
 * @doc: a document
 *
 * Returns: the text's length in bytes
 */
gsize        nlp_document_get_length (const NlpDocument *doc);

/**
 * nlp_document_intern:
 * @doc: a document
 * @s: (nullable): a string
 *
 * Copies @s into the document's arena, where it lives as long as the
 * document.  When a stage runs out of memory for the copy, it fails on the
 * document and gets an empty string meanwhile.
 *
 * Returns: (transfer none) (nullable): the copy (%NULL for %NULL)
 */
const char  *nlp_document_intern     (NlpDocument *doc, const char *s);
/**
 * nlp_document_intern_len: (skip)
 * @doc: a document
 * @s: bytes
 * @len: how many
 *
 * Copies @len bytes of @s into the arena, adding a NUL (out of memory:
 * as nlp_document_intern()).
 *
 * Returns: (transfer none): the copy
 */
const char  *nlp_document_intern_len (NlpDocument *doc, const char *s, gsize len);

/**
 * nlp_document_set_meta:
 * @doc: a document
 * @key: a key ("source", "line", "title" ...)
 * @value: (nullable): its value (%NULL: "")
 *
 * Sets a metadata entry: string key/values about where the document came
 * from, kept in insertion order.  The reader sets them; a stage may not.
 */
void         nlp_document_set_meta  (NlpDocument *doc, const char *key,
                                     const char *value);
/**
 * nlp_document_get_meta:
 * @doc: a document
 * @key: a key
 *
 * Returns: (transfer none) (nullable): the value, or %NULL
 */
const char  *nlp_document_get_meta  (const NlpDocument *doc, const char *key);
/**
 * nlp_document_get_n_meta:
 * @doc: a document
 *
 * Returns: the number of metadata entries
 */
guint        nlp_document_get_n_meta (const NlpDocument *doc);
/**
 * nlp_document_get_meta_at:
 * @doc: a document
 * @i: an entry index, below nlp_document_get_n_meta()
 * @key: (out) (optional) (transfer none): its key
 * @value: (out) (optional) (transfer none): its value
 *
 * Reads entry @i.
 */
void         nlp_document_get_meta_at (const NlpDocument *doc, guint i,
                                       const char **key, const char **value);
/**
 * nlp_document_add_layer:
 * @doc: a document
 * @name: the layer's name, as the running stage declares it
 * @error: return location for a #GError, or %NULL
 *
 * Adds an empty layer.  While a stage runs, @name is its declared name
 * and the layer gets the instance's name for it; a layer the stage does
 * not provide is refused (%NLP_ERROR_STAGE).  A layer of that name already
 * there fails with %NLP_ERROR_FAILED.
 *
 * Returns: (transfer none): the layer, or %NULL with @error set
 */
NlpLayer    *nlp_document_add_layer (NlpDocument *doc, const char *name,
                                     GError **error);
/**
 * nlp_document_get_layer:
 * @doc: a document
 * @name: a layer name
 *
 * Returns: (transfer none) (nullable): the layer, or %NULL
 */
NlpLayer    *nlp_document_get_layer (const NlpDocument *doc, const char *name);
/**
 * nlp_document_get_n_layers:
 * @doc: a document
 *
 * Returns: the number of layers
 */
guint        nlp_document_get_n_layers (const NlpDocument *doc);
/**
 * nlp_document_get_layer_at:
 * @doc: a document
 * @i: a layer index, below nlp_document_get_n_layers()
 *
 * Returns: (transfer none): layer @i, in creation order
 */
NlpLayer    *nlp_document_get_layer_at (const NlpDocument *doc, guint i);

/**
 * nlp_document_set_string:
 * @doc: a document
 * @name: the attribute's name, as the running stage declares it (doc.NAME)
 * @value: (nullable): its value (copied; %NULL: "")
 *
 * Sets a document attribute; setting an existing name replaces its value.
 * Attributes are kept in the order they were first set.  While a stage
 * runs, the stage contract applies as for layers.
 */
void         nlp_document_set_string (NlpDocument *doc, const char *name, const char *value);
/**
 * nlp_document_set_int:
 * @doc: a document
 * @name: the attribute's name
 * @value: its value
 *
 * Sets an integer document attribute.
 */
void         nlp_document_set_int    (NlpDocument *doc, const char *name, gint64 value);
/**
 * nlp_document_set_double:
 * @doc: a document
 * @name: the attribute's name
 * @value: its value
 *
 * Sets a double document attribute.
 */
void         nlp_document_set_double (NlpDocument *doc, const char *name, double value);
/**
 * nlp_document_set_json_text: (skip)
 * @doc: a document
 * @name: the attribute's name
 * @value: a complete JSON value built with #NlpJsonText
 *
 * Sets a JSON attribute from text (copied): the cheap way for values made
 * for every document.  Its type is %NLP_VALUE_JSON like any other.
 */
void         nlp_document_set_json_text (NlpDocument *doc, const char *name,
                                         const NlpJsonText *value);

/**
 * nlp_document_get_n_attrs:
 * @doc: a document
 *
 * Returns: the number of document attributes
 */
guint        nlp_document_get_n_attrs (const NlpDocument *doc);
/**
 * nlp_document_get_attr_name:
 * @doc: a document
 * @i: an attribute index, below nlp_document_get_n_attrs()
 *
 * Returns: (transfer none): its name
 */
const char  *nlp_document_get_attr_name (const NlpDocument *doc, guint i);
/**
 * nlp_document_get_attr_type:
 * @doc: a document
 * @i: an attribute index
 *
 * Returns: its type
 */
NlpValueType nlp_document_get_attr_type (const NlpDocument *doc, guint i);
/**
 * nlp_document_find_attr:
 * @doc: a document
 * @name: an attribute name
 *
 * Returns: the index of attribute @name, or -1
 */
gint         nlp_document_find_attr  (const NlpDocument *doc, const char *name);
/**
 * nlp_document_get_attr_string:
 * @doc: a document
 * @i: the index of a string attribute
 *
 * Returns: (transfer none): its value
 */
const char  *nlp_document_get_attr_string (const NlpDocument *doc, guint i);
/**
 * nlp_document_get_attr_int:
 * @doc: a document
 * @i: the index of an integer attribute
 *
 * Returns: its value
 */
gint64       nlp_document_get_attr_int    (const NlpDocument *doc, guint i);
/**
 * nlp_document_get_attr_double:
 * @doc: a document
 * @i: the index of a double attribute
 *
 * Returns: its value
 */
double       nlp_document_get_attr_double (const NlpDocument *doc, guint i);
/**
 * nlp_document_get_attr_json_text:
 * @doc: a document
 * @i: the index of a JSON attribute
 * @len: (out) (optional): its length in bytes
 *
 * A JSON attribute as text: compact JSON, as the writers show it.  For a
 * value set as a json-glib tree (nlp-document-json.h) the text is made on
 * the first call and kept.
 *
 * Returns: (transfer none): the JSON text
 */
const char  *nlp_document_get_attr_json_text (const NlpDocument *doc, guint i,
                                              gsize *len);

/**
 * nlp_document_add_warning:
 * @doc: a document
 * @stage: (nullable): who warns (while a stage runs, the core names the
 *   running instance instead)
 * @message: one line
 *
 * Adds a warning that every writer shows with the document: a stage that
 * did not run because the document is in a language it does not
 * understand, or anything a stage wants a reader of the output to know.
 * Warnings are kept in the order added.
 */
void         nlp_document_add_warning (NlpDocument *doc, const char *stage,
                                       const char *message);
/**
 * nlp_document_get_n_warnings:
 * @doc: a document
 *
 * Returns: the number of warnings
 */
guint        nlp_document_get_n_warnings (const NlpDocument *doc);
/**
 * nlp_document_get_warning:
 * @doc: a document
 * @i: a warning index, below nlp_document_get_n_warnings()
 * @stage: (out) (optional) (transfer none): who warned
 * @language: (out) (optional) (transfer none) (nullable): for a stage
 *   skipped for the document's language, that language; else %NULL
 *
 * Returns: (transfer none): the warning's message
 */
const char  *nlp_document_get_warning (const NlpDocument *doc, guint i,
                                       const char **stage, const char **language);

/**
 * nlp_document_set_error:
 * @doc: a document
 * @stage: (nullable): the instance that failed
 * @message: (nullable): its message
 *
 * Records that a stage failed on the document (the runner under
 * --on-error=mark, the processor for every failed document); writers show
 * the record.
 */
void         nlp_document_set_error (NlpDocument *doc, const char *stage,
                                     const char *message);
/**
 * nlp_document_get_error:
 * @doc: a document
 * @stage: (out) (optional) (transfer none) (nullable): the instance that
 *   failed
 *
 * Returns: (transfer none) (nullable): the error record's message, or
 *   %NULL when no stage failed
 */
const char  *nlp_document_get_error (const NlpDocument *doc, const char **stage);

G_END_DECLS

#endif
