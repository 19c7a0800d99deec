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

typedef gpointer (*NlpModelNewFunc)   (const NlpStageEnv *env, GError **error);
typedef void     (*NlpModelFreeFunc)  (gpointer model);
typedef gpointer (*NlpWorkerNewFunc)  (gpointer model, GError **error);
typedef void     (*NlpWorkerFreeFunc) (gpointer worker);
typedef gboolean (*NlpProcessFunc)    (gpointer worker, NlpDocument *doc,
                                       GError **error);

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
