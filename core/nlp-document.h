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

typedef enum {
  NLP_VALUE_STRING,
  NLP_VALUE_INT,
  NLP_VALUE_DOUBLE,
  NLP_VALUE_JSON,            /* structured value (object, array) */
} NlpValueType;

/* (transfer full) a document, or NULL with @error set (NLP_ERROR_ENCODING)
 * when @text is not valid UTF-8.  @len may be -1 for a NUL-terminated text.
 * The text is copied. */
NlpDocument *nlp_document_new   (const char *id, const char *text, gssize len,
                                 GError **error);
/* Like nlp_document_new, but takes ownership of @text (g_malloc'd, @len
 * bytes, need not be NUL-terminated: the buffer must have room for one more
 * byte).  On error @text is freed. */
NlpDocument *nlp_document_new_take (const char *id, char *text, gsize len,
                                    GError **error);
/* Documents are reference-counted: a new one has one reference, and the
 * last unref frees it (and its layers, which are only valid while it
 * lives).  nlp_document_free() is nlp_document_unref(). */
NlpDocument *nlp_document_ref   (NlpDocument *doc);
void         nlp_document_unref (NlpDocument *doc);
void         nlp_document_free  (NlpDocument *doc);

/* Empties the document (layers, attributes, metadata, arena) and gives it a
 * new id and text, keeping allocations for reuse. */
gboolean     nlp_document_reset (NlpDocument *doc, const char *id,
                                 const char *text, gssize len, GError **error);

const char  *nlp_document_get_id   (const NlpDocument *doc);
/* (transfer none) the NUL-terminated text; *len (may be NULL) its bytes. */
const char  *nlp_document_get_text (const NlpDocument *doc, gsize *len);
gsize        nlp_document_get_length (const NlpDocument *doc);

/* Copies @s into the document arena: (transfer none) the copy. */
const char  *nlp_document_intern     (NlpDocument *doc, const char *s);
const char  *nlp_document_intern_len (NlpDocument *doc, const char *s, gsize len);

/* Metadata: string key/values, kept in insertion order. */
void         nlp_document_set_meta  (NlpDocument *doc, const char *key,
                                     const char *value);
const char  *nlp_document_get_meta  (const NlpDocument *doc, const char *key);
guint        nlp_document_get_n_meta (const NlpDocument *doc);
void         nlp_document_get_meta_at (const NlpDocument *doc, guint i,
                                       const char **key, const char **value);
/* Layers, in creation order.  Adding an existing name fails. */
NlpLayer    *nlp_document_add_layer (NlpDocument *doc, const char *name,
                                     GError **error);
/* (transfer none) or NULL. */
NlpLayer    *nlp_document_get_layer (const NlpDocument *doc, const char *name);
guint        nlp_document_get_n_layers (const NlpDocument *doc);
NlpLayer    *nlp_document_get_layer_at (const NlpDocument *doc, guint i);

/* Document attributes ("doc.NAME" in requires/provides), in set order.
 * Setting an existing name replaces its value. */
void         nlp_document_set_string (NlpDocument *doc, const char *name, const char *value);
void         nlp_document_set_int    (NlpDocument *doc, const char *name, gint64 value);
void         nlp_document_set_double (NlpDocument *doc, const char *name, double value);
/* A JSON value built as text (nlp-json-text.h): the document copies it.
 * The cheap way for values made for every document; its type is
 * NLP_VALUE_JSON like any other, and nlp_document_get_attr_json() parses
 * it on first use. */
void         nlp_document_set_json_text (NlpDocument *doc, const char *name,
                                         const NlpJsonText *value);

guint        nlp_document_get_n_attrs (const NlpDocument *doc);
const char  *nlp_document_get_attr_name (const NlpDocument *doc, guint i);
NlpValueType nlp_document_get_attr_type (const NlpDocument *doc, guint i);
/* Index of @name or -1. */
gint         nlp_document_find_attr  (const NlpDocument *doc, const char *name);
const char  *nlp_document_get_attr_string (const NlpDocument *doc, guint i);
gint64       nlp_document_get_attr_int    (const NlpDocument *doc, guint i);
double       nlp_document_get_attr_double (const NlpDocument *doc, guint i);
/* (transfer none) a JSON attribute's text (compact JSON, as the writers
 * show it) and its length in @len (may be NULL).  For a value set as a
 * json-glib tree (nlp-document-json.h) the text is made on the first call
 * and kept. */
const char  *nlp_document_get_attr_json_text (const NlpDocument *doc, guint i,
                                              gsize *len);

/* Warnings about the document that every writer shows: a stage that was
 * not run because the document is in a language it does not support, or
 * anything a stage wants a reader of the output to know.  @stage names
 * who warns (ignored while a stage runs: the core names the running
 * instance); @message is one line.  Kept in the order added. */
void         nlp_document_add_warning (NlpDocument *doc, const char *stage,
                                       const char *message);
guint        nlp_document_get_n_warnings (const NlpDocument *doc);
/* (transfer none) warning @i's message; *@stage (may be NULL) receives
 * who warned, *@language (may be NULL) the document's language for a
 * stage skipped for its language, else NULL. */
const char  *nlp_document_get_warning (const NlpDocument *doc, guint i,
                                       const char **stage, const char **language);

/* Error record (set by the runner under --on-error=mark). */
void         nlp_document_set_error (NlpDocument *doc, const char *stage,
                                     const char *message);
const char  *nlp_document_get_error (const NlpDocument *doc, const char **stage);

G_END_DECLS

#endif
