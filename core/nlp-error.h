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

/**
 * NLP_ERROR:
 *
 * The nlpipe error domain.
 */
#define NLP_ERROR (nlp_error_quark ())
/**
 * nlp_error_quark:
 *
 * Returns: the nlpipe error domain
 */
GQuark nlp_error_quark (void);

/**
 * NlpError:
 * @NLP_ERROR_FAILED: anything not listed below
 * @NLP_ERROR_USAGE: a bad command line, chain or config syntax
 * @NLP_ERROR_UNKNOWN_STAGE: no stage of that name on the search path
 * @NLP_ERROR_LOAD: the stage file exists but could not be loaded
 * @NLP_ERROR_ABI: the stage's descriptor was refused
 * @NLP_ERROR_OPTION: an unknown option or a bad option value
 * @NLP_ERROR_CHAIN: a requirement of a stage is not met, or two stages
 *   would write one name
 * @NLP_ERROR_IO: a file could not be read or written
 * @NLP_ERROR_ENCODING: input that is not valid UTF-8
 * @NLP_ERROR_INPUT: a malformed input record (JSON Lines ...)
 * @NLP_ERROR_STAGE: a stage failed on one document (or broke the contract)
 * @NLP_ERROR_DATA: stage data (lexicon, model) missing or bad
 * @NLP_ERROR_TOO_LARGE: a document over the size limit
 *
 * The codes of %NLP_ERROR.
 */
typedef enum {
  NLP_ERROR_FAILED,
  NLP_ERROR_USAGE,
  NLP_ERROR_UNKNOWN_STAGE,
  NLP_ERROR_LOAD,
  NLP_ERROR_ABI,
  NLP_ERROR_OPTION,
  NLP_ERROR_CHAIN,
  NLP_ERROR_IO,
  NLP_ERROR_ENCODING,
  NLP_ERROR_INPUT,
  NLP_ERROR_STAGE,
  NLP_ERROR_DATA,
  NLP_ERROR_TOO_LARGE,
} NlpError;


G_END_DECLS

#endif
