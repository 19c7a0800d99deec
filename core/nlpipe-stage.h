/* nlpipe-stage.h — everything a stage author needs, in one header.
 *
 * A stage is one shared object that exports one symbol, made by
 * NLP_STAGE_DEFINE:
 *
 *   #include <nlpipe-stage.h>     (pkg-config --cflags nlpipe)
 *
 *   static gboolean
 *   shout_process (gpointer worker, NlpDocument *doc, GError **error) { ... }
 *
 *   NLP_STAGE_DEFINE (shout,
 *     .version  = "1.0",
 *     .summary  = "Marks upper-case tokens",
 *     .requires = NLP_NAMES ("token"),
 *     .provides = NLP_NAMES ("token.shout"),
 *     .process  = shout_process);
 *
 * Life cycle, per stage instance in a chain:
 *   model_new   once per process, on the main thread, with the parsed
 *               options: load lexicons and models.  The model is shared by
 *               every worker thread and must be read-only afterwards.
 *   worker_new  once per worker thread: mutable scratch (buffers, stemmers).
 *               When NULL, the worker pointer passed to process is the model.
 *   process     once per document, on a worker thread: add layers, columns
 *               and document attributes; never change what exists.
 *   worker_free, model_free at the end.
 *
 * Names in requires/provides: "LAYER" (a layer), "LAYER.COLUMN" (a column
 * of that layer), "doc.NAME" (a document attribute).  Stage names match
 * [a-z][a-z0-9_]* and equal the file name (stem.so defines "stem").
 *
 * ABI: NLP_ABI_MAJOR changes break stages; NLP_ABI_MINOR grows NlpStageInfo
 * at its end only, into the padding (new fields are zero in older stages:
 * a 1.0 stage has no licence, author or homepage and takes any language).
 * See docs/writing-stages.md.
 */
#ifndef NLPIPE_STAGE_H
#define NLPIPE_STAGE_H

#include <glib.h>
#include "nlp-error.h"
#include "nlp-layer.h"
#include "nlp-document.h"
#include "nlp-json-text.h"
#include "nlp-options.h"
#include "nlp-stage-env.h"

G_BEGIN_DECLS

#define NLP_ABI_MAJOR 1
#define NLP_ABI_MINOR 1

/* ---- the descriptor ------------------------------------------------- */

/**
 * NlpModelNewFunc: (skip)
 * @env: the instance's configuration
 * @error: return location for a #GError
 *
 * Makes the instance's model, once per process, on the main thread.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
typedef gpointer (*NlpModelNewFunc)   (const NlpStageEnv *env, GError **error);
/**
 * NlpModelFreeFunc: (skip)
 * @model: a model
 *
 * Frees a model.
 */
typedef void     (*NlpModelFreeFunc)  (gpointer model);
/**
 * NlpWorkerNewFunc: (skip)
 * @model: the shared model
 * @error: return location for a #GError
 *
 * Makes one worker thread's mutable state.
 *
 * Returns: (transfer full): the worker, or %NULL with @error set
 */
typedef gpointer (*NlpWorkerNewFunc)  (gpointer model, GError **error);
/**
 * NlpWorkerFreeFunc: (skip)
 * @worker: a worker
 *
 * Frees a worker.
 */
typedef void     (*NlpWorkerFreeFunc) (gpointer worker);
/**
 * NlpProcessFunc: (skip)
 * @worker: the thread's worker (the model when there is no worker_new)
 * @doc: the document
 * @error: return location for a #GError
 *
 * Runs the stage on one document.
 *
 * Returns: %FALSE with @error set when the stage fails on @doc
 */
typedef gboolean (*NlpProcessFunc)    (gpointer worker, NlpDocument *doc,
                                       GError **error);

/**
 * NlpStageInfo:
 * @abi_major: filled by NLP_STAGE_DEFINE
 * @abi_minor: filled by NLP_STAGE_DEFINE
 * @struct_size: filled by NLP_STAGE_DEFINE
 * @name: the stage's name, equal to its file's (filled by NLP_STAGE_DEFINE)
 * @version: its version (required)
 * @summary: one line (required)
 * @requires: (array zero-terminated=1) (nullable): the names it needs
 * @provides: (array zero-terminated=1) (nullable): the names it adds
 * @modifies: (array zero-terminated=1) (nullable): names of other stages
 *   it changes
 * @options: (nullable): its option table, ending with %NLP_OPTION_END
 * @model_new: (skip): makes the shared model (%NULL: the model is %NULL)
 * @model_free: (skip): frees it
 * @worker_new: (skip): makes a thread's state (%NULL: the model is used)
 * @worker_free: (skip): frees it
 * @process: (skip): runs the stage on a document (required)
 * @licence: (nullable): SPDX expression of the stage and its data (ABI 1.1)
 * @author: (nullable): its author (ABI 1.1)
 * @homepage: (nullable): where to read about it (ABI 1.1)
 * @languages: (array zero-terminated=1) (nullable): ISO 639 codes of the
 *   languages it understands; %NULL: any (ABI 1.1)
 *
 * A stage's descriptor: the one symbol a stage exports, made with
 * NLP_STAGE_DEFINE.  A host reads it through nlp_stage_get_info() (a
 * copy, zero-extended for stages built against an older minor ABI).
 */
typedef struct {
  /* filled by NLP_STAGE_DEFINE */
  guint32             abi_major;
  guint32             abi_minor;
  guint32             struct_size;
  const char         *name;
  /* filled by the author: version, summary and process are required */
  const char         *version;
  const char         *summary;
  const char *const  *requires;       /* NULL-terminated, or NULL */
  const char *const  *provides;
  const char *const  *modifies;       /* existing names it overwrites */
  const NlpOptionSpec *options;       /* ends with NLP_OPTION_END, or NULL */
  NlpModelNewFunc     model_new;      /* NULL: the model is NULL */
  NlpModelFreeFunc    model_free;
  NlpWorkerNewFunc    worker_new;     /* NULL: the worker is the model */
  NlpWorkerFreeFunc   worker_free;
  NlpProcessFunc      process;
  /* ABI 1.0 ends here.  ABI 1.1 (zero in older stages): */
  const char         *licence;        /* SPDX expression of the stage and its
                                         data ("LGPL-2.1-or-later AND CC-BY-SA-4.0") */
  const char         *author;         /* "Name <address>" or an organisation */
  const char         *homepage;       /* where to read about it, report bugs */
  const char *const  *languages;      /* ISO 639-1 codes of the languages it
                                         understands ("en"), NULL-terminated;
                                         NULL: any language */
  /* New fields go here, before the padding. */
  /*< private >*/
  gpointer            _reserved[4];
} NlpStageInfo;

/* Size of the 1.0 descriptor: the least the loader accepts. */
#define NLP_STAGE_INFO_MIN_SIZE \
  (G_STRUCT_OFFSET (NlpStageInfo, process) + sizeof (NlpProcessFunc))

#define NLP_NAMES(...) ((const char *const[]) { __VA_ARGS__, NULL })

#if defined(_WIN32)
#  define NLP_STAGE_EXPORT __declspec(dllexport)
#else
#  define NLP_STAGE_EXPORT __attribute__((visibility ("default")))
#endif

/* The one exported symbol, named the libtool way (<name>_LTX_nlp_stage) so
 * that a stage can be loaded as a module or preloaded with -dlpreopen. */
#define NLP_STAGE_SYMBOL(name) name##_LTX_nlp_stage

#define NLP_STAGE_DEFINE(stage_name, ...)                                    \
  extern NLP_STAGE_EXPORT const NlpStageInfo NLP_STAGE_SYMBOL (stage_name);  \
  const NlpStageInfo NLP_STAGE_SYMBOL (stage_name) = {                       \
    .abi_major = NLP_ABI_MAJOR,                                              \
    .abi_minor = NLP_ABI_MINOR,                                              \
    .struct_size = sizeof (NlpStageInfo),                                    \
    .name = #stage_name,                                                     \
    __VA_ARGS__                                                              \
  }

G_END_DECLS

#endif
