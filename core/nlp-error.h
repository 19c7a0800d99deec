/* nlp-error.h — the nlpipe error domain.
 *
 * Every fallible public call takes a GError ** last and fills it with a
 * message that names the thing (file, line, document, stage, option) and what
 * to do about it.  The codes let callers act on errors (the nlpipe
 * command maps them to its exit codes) without parsing messages.
 */
#ifndef NLP_ERROR_H
#define NLP_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define NLP_ERROR (nlp_error_quark ())
GQuark nlp_error_quark (void);

typedef enum {
  NLP_ERROR_FAILED,          /* anything not listed below */
  NLP_ERROR_USAGE,           /* bad command line or config syntax */
  NLP_ERROR_UNKNOWN_STAGE,   /* no stage of that name on the search path */
  NLP_ERROR_LOAD,            /* the stage file exists but could not be loaded */
  NLP_ERROR_ABI,             /* the stage descriptor was refused */
  NLP_ERROR_OPTION,          /* unknown option or bad option value */
  NLP_ERROR_CHAIN,           /* a requirement of a stage is not met */
  NLP_ERROR_IO,              /* a file could not be read or written */
  NLP_ERROR_ENCODING,        /* input is not valid UTF-8 */
  NLP_ERROR_INPUT,           /* malformed input record (JSON Lines ...) */
  NLP_ERROR_STAGE,           /* a stage failed on one document */
  NLP_ERROR_DATA,            /* stage data (lexicon, model) missing or bad */
  NLP_ERROR_TOO_LARGE,       /* a document exceeds --max-doc-bytes */
} NlpError;


G_END_DECLS

#endif
