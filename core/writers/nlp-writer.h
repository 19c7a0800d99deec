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
/* A page: one output stream or file, from header to footer.  Formats
 * that name a page after its documents see each document's output
 * through it: html titles the page after the first document's headline
 * and, when there are several, ends it with a table of contents.  The
 * nlpipe command writes every output through a page; the bytes are
 * those of nlp_writer_header, the documents and nlp_writer_footer for
 * every other format.  A page is used from one thread, in output order:
 *
 *   NlpWriterPage *page = nlp_writer_page_new (writer);
 *   for each document, in order:
 *     nlp_writer_format (writer, doc, doc_out);
 *     nlp_writer_page_add (page, doc_out->str, doc_out->len, out);
 *     then write out (the header, before the first one) and doc_out;
 *   nlp_writer_page_end (page, out);    then write out
 *   nlp_writer_page_free (page);
 */
typedef struct _NlpWriterPage NlpWriterPage;

/* (transfer full) a page of @writer (transfer none: it must outlive
 * the page). */
NlpWriterPage *nlp_writer_page_new  (NlpWriter *writer);
/* Notes the next document's formatted @output (@len bytes) and appends
 * to @out what goes before it: the page header before the first one. */
void           nlp_writer_page_add  (NlpWriterPage *page, const char *output, gsize len,
                                     GString *out);
/* Appends what ends the page to @out: the footer (and the header, when
 * no document was added). */
void           nlp_writer_page_end  (NlpWriterPage *page, GString *out);
void           nlp_writer_page_free (NlpWriterPage *page);

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
