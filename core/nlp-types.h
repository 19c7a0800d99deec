/* nlp-types.h — GObject types of the library's reference-counted
 * structures, so that language bindings (GObject Introspection: Python,
 * JavaScript ...) can hold them.  C programs need not care; stages never
 * include this header (nlpipe-stage.h needs only GLib). */
#ifndef NLP_TYPES_H
#define NLP_TYPES_H

#include <glib-object.h>

G_BEGIN_DECLS

#define NLP_TYPE_DOCUMENT   (nlp_document_get_type ())
#define NLP_TYPE_REGISTRY   (nlp_registry_get_type ())
#define NLP_TYPE_CHAIN_SPEC (nlp_chain_spec_get_type ())
#define NLP_TYPE_PIPELINE   (nlp_pipeline_get_type ())
#define NLP_TYPE_PROCESSOR  (nlp_processor_get_type ())
#define NLP_TYPE_WRITER     (nlp_writer_get_type ())
#define NLP_TYPE_LAYER      (nlp_layer_get_type ())
#define NLP_TYPE_COLUMN     (nlp_column_get_type ())
#define NLP_TYPE_STAGE      (nlp_stage_get_type ())
#define NLP_TYPE_READER     (nlp_reader_get_type ())

GType nlp_document_get_type   (void) G_GNUC_CONST;
GType nlp_registry_get_type   (void) G_GNUC_CONST;
GType nlp_chain_spec_get_type (void) G_GNUC_CONST;
GType nlp_pipeline_get_type   (void) G_GNUC_CONST;
GType nlp_processor_get_type  (void) G_GNUC_CONST;
GType nlp_writer_get_type     (void) G_GNUC_CONST;
/* A layer or column is owned by its document: a binding's reference to
 * one holds a reference to the document, so it stays valid. */
GType nlp_layer_get_type      (void) G_GNUC_CONST;
GType nlp_column_get_type     (void) G_GNUC_CONST;
/* A stage is owned by its registry, which a reference holds likewise. */
GType nlp_stage_get_type      (void) G_GNUC_CONST;
GType nlp_reader_get_type     (void) G_GNUC_CONST;

G_END_DECLS

#endif
