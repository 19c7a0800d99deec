/* nlpipe-stage.h, frozen at stage ABI 1.0 (nlpipe 0.1.0, before the
 * descriptor gained licence, author, homepage and languages), so that
 * tests/stages/oldabi.c is built exactly as a stage compiled against that
 * release was: newer hosts must keep loading it.  Do not edit.
 *
 * nlpipe-stage.h — everything a stage author needs, in one header.
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
 * at its end only (new fields are zero in older stages).  See
 * docs/writing-stages.md.
 */
#ifndef NLPIPE_STAGE_H
#define NLPIPE_STAGE_H

#include <glib.h>
#include "nlp-error.h"
#include "nlp-layer.h"
#include "nlp-document.h"

G_BEGIN_DECLS

#define NLP_ABI_MAJOR 1
#define NLP_ABI_MINOR 0

/* ---- options ---------------------------------------------------------- */

typedef enum {
  NLP_OPTION_BOOL,           /* true/false, yes/no, on/off, 1/0 */
  NLP_OPTION_INT,            /* 64-bit integer, optional [min, max] */
  NLP_OPTION_DOUBLE,         /* double, optional [min, max] */
  NLP_OPTION_STRING,         /* any string */
  NLP_OPTION_CHOICE,         /* one of choices (or list_choices ()) */
  NLP_OPTION_PATH,           /* a readable file; "" means none */
} NlpOptionType;

typedef struct {
  const char         *name;           /* [a-z][a-z0-9-]* */
  NlpOptionType       type;
  const char         *default_value;  /* as the user would write it */
  const char         *help;           /* one line, for nlpipe info */
  const char *const  *choices;        /* NLP_OPTION_CHOICE: NULL-terminated */
  double              min, max;       /* INT/DOUBLE: enforced when min < max */
  /* NLP_OPTION_CHOICE with choices only known at run time (e.g. the
   * languages a library supports): (transfer none) NULL-terminated. */
  const char *const *(*list_choices) (void);
  gpointer            _reserved[2];
} NlpOptionSpec;

/* Helpers for option tables (terminate the table with NLP_OPTION_END). */
#define NLP_OPTION_BOOL_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_BOOL, .default_value = (def), .help = (h) }
#define NLP_OPTION_INT_SPEC(n, def, lo, hi, h) \
  { .name = (n), .type = NLP_OPTION_INT, .default_value = (def), .help = (h), \
    .min = (lo), .max = (hi) }
#define NLP_OPTION_DOUBLE_SPEC(n, def, lo, hi, h) \
  { .name = (n), .type = NLP_OPTION_DOUBLE, .default_value = (def), .help = (h), \
    .min = (lo), .max = (hi) }
#define NLP_OPTION_STRING_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_STRING, .default_value = (def), .help = (h) }
#define NLP_OPTION_PATH_SPEC(n, def, h) \
  { .name = (n), .type = NLP_OPTION_PATH, .default_value = (def), .help = (h) }
#define NLP_OPTION_CHOICE_SPEC(n, def, ch, h) \
  { .name = (n), .type = NLP_OPTION_CHOICE, .default_value = (def), .help = (h), \
    .choices = (ch) }
#define NLP_OPTION_END { .name = NULL }

/* ---- what model_new sees -------------------------------------------- */

typedef struct _NlpStageEnv NlpStageEnv;

/* The instance name in the chain (the stage name, or its alias). */
const char  *nlp_stage_env_get_name     (const NlpStageEnv *env);
/* The stage's data directory (installed, source tree, or the "datadir"
 * option); (transfer none). */
const char  *nlp_stage_env_get_data_dir (const NlpStageEnv *env);
/* (transfer full) the path of @file in the data directory, or NULL with
 * NLP_ERROR_DATA naming the full path when it does not exist. */
char        *nlp_stage_env_find_data    (const NlpStageEnv *env,
                                         const char *file, GError **error);
/* Parsed option values (already validated against the spec).  Asking for
 * an option the stage did not declare is a programmer error. */
gboolean     nlp_stage_env_get_bool   (const NlpStageEnv *env, const char *name);
gint64       nlp_stage_env_get_int    (const NlpStageEnv *env, const char *name);
double       nlp_stage_env_get_double (const NlpStageEnv *env, const char *name);
/* (transfer none) for STRING, CHOICE and PATH options. */
const char  *nlp_stage_env_get_string (const NlpStageEnv *env, const char *name);

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
  /* ABI 1.0 ends here; new fields go below, before the padding. */
  gpointer            _reserved[8];
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
