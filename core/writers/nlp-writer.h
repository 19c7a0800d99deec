/* nlp-writer.h — output formats.
 *
 * A writer turns a processed document into bytes.  Formatting is
 * thread-safe (a writer is read-only once made), so worker threads format
 * documents in parallel and the runner only writes the bytes in order.
 * Every writer shows every layer, column and document attribute, including
 * those of stages it has never heard of.
 */
#ifndef NLP_WRITER_H
#define NLP_WRITER_H

#include "nlp-document.h"

G_BEGIN_DECLS

typedef struct _NlpWriter NlpWriter;

typedef struct {
  gboolean    pretty;          /* json: indented, multi-line */
  gboolean    byte_offsets;    /* json: byte offsets instead of code points */
  gboolean    color;           /* text: ANSI colour */
  const char *columns;         /* tsv: comma-separated column list, or NULL */
  gpointer    _reserved[6];
} NlpWriterOptions;

/* (transfer full) a writer for @format, or NULL with NLP_ERROR_USAGE
 * naming the known formats.  @options may be NULL. */
NlpWriter   *nlp_writer_new    (const char *format, const NlpWriterOptions *options,
                                GError **error);
void         nlp_writer_free   (NlpWriter *writer);
/* (transfer none) NULL-terminated names of the formats. */
const char *const *nlp_writer_list_formats (void);
/* (transfer none) one-line description of @format, or NULL. */
const char  *nlp_writer_describe (const char *format);

/* Bytes before the first document and after the last (e.g. an HTML page's
 * head and foot); most formats add nothing. */
void         nlp_writer_header (NlpWriter *writer, GString *out);
void         nlp_writer_footer (NlpWriter *writer, GString *out);
/* Appends @doc to @out.  Thread-safe. */
void         nlp_writer_format (NlpWriter *writer, NlpDocument *doc, GString *out);
/* Checks @writer's options against what a chain provides, before any
 * document is read: @provided lists every name its stages provide
 * (nlp_pipeline_list_provides).  FALSE with NLP_ERROR_USAGE naming the
 * option value no stage provides (a tsv --columns entry, say). */
gboolean     nlp_writer_check  (NlpWriter *writer, const char *const *provided,
                                GError **error);
/* TRUE for the "none" format (benchmarks: run every stage, write nothing). */
gboolean     nlp_writer_is_null (const NlpWriter *writer);

G_END_DECLS

#endif
