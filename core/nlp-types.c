/* nlp-types.c — the boxed GTypes of nlp-types.h: each type's copy is its
 * ref, its free its unref (for layers and columns: of their document).
 * A stage's reference holds its registry, which owns it. */
#include "nlp-types.h"
#include "nlp-document.h"
#include "nlp-registry.h"
#include "nlp-chain-spec.h"
#include "nlp-pipeline.h"
#include "nlp-processor.h"
#include "nlp-writer.h"
#include "nlp-reader.h"
#include "nlp-registry-private.h"

static NlpLayer *
layer_hold (NlpLayer *layer)
{
  nlp_document_ref (nlp_layer_get_document (layer));
  return layer;
}

static void
layer_release (NlpLayer *layer)
{
  nlp_document_unref (nlp_layer_get_document (layer));
}

static NlpColumn *
column_hold (NlpColumn *column)
{
  layer_hold (nlp_column_get_layer (column));
  return column;
}

static void
column_release (NlpColumn *column)
{
  layer_release (nlp_column_get_layer (column));
}

G_DEFINE_BOXED_TYPE (NlpDocument, nlp_document, nlp_document_ref, nlp_document_unref)
G_DEFINE_BOXED_TYPE (NlpRegistry, nlp_registry, nlp_registry_ref, nlp_registry_unref)
G_DEFINE_BOXED_TYPE (NlpChainSpec, nlp_chain_spec, nlp_chain_spec_ref, nlp_chain_spec_unref)
G_DEFINE_BOXED_TYPE (NlpPipeline, nlp_pipeline, nlp_pipeline_ref, nlp_pipeline_unref)
G_DEFINE_BOXED_TYPE (NlpProcessor, nlp_processor, nlp_processor_ref, nlp_processor_unref)
G_DEFINE_BOXED_TYPE (NlpWriter, nlp_writer, nlp_writer_ref, nlp_writer_unref)
G_DEFINE_BOXED_TYPE (NlpLayer, nlp_layer, layer_hold, layer_release)
G_DEFINE_BOXED_TYPE (NlpColumn, nlp_column, column_hold, column_release)
G_DEFINE_BOXED_TYPE (NlpReader, nlp_reader, nlp_reader_ref, nlp_reader_unref)

static NlpStage *
stage_hold (NlpStage *stage)
{
  nlp_registry_ref (nlp__stage_get_registry (stage));
  return stage;
}

static void
stage_release (NlpStage *stage)
{
  nlp_registry_unref (nlp__stage_get_registry (stage));
}

G_DEFINE_BOXED_TYPE (NlpStage, nlp_stage, stage_hold, stage_release)
