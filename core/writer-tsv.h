/* writer-tsv.h — the tsv format's column list, checked against a chain.
 * Private to libnlpipe and the nlpipe command. */
#ifndef WRITER_TSV_H
#define WRITER_TSV_H

#include "nlp-pipeline.h"

G_BEGIN_DECLS

/* Checks a --columns list ("token,stem,entity") before any document is
 * read: every name must be token, start, end, entity, or a token column
 * (NAME or token.NAME) that some stage of @pipeline provides.  FALSE with
 * NLP_ERROR_USAGE naming the bad column and the valid ones. */
gboolean nlp__tsv_check_columns (const char *columns, const NlpPipeline *pipeline,
                                 GError **error);

G_END_DECLS

#endif
