/* nlp-reader-private.h — what the runner tells a reader. */
#ifndef NLP_READER_PRIVATE_H
#define NLP_READER_PRIVATE_H

#include "nlp-reader.h"

G_BEGIN_DECLS

/* With @fail, a blank JSON Lines line is a failure ("FILE:LINE: blank
 * line: no record") instead of being skipped: --on-error=mark writes one
 * output line for every input line. */
void nlp__reader_set_blank_lines_fail (NlpReader *reader, gboolean fail);

G_END_DECLS

#endif
