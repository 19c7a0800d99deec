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

/**
 * NlpWriter:
 *
 * One output format: turns a processed document into bytes.  Read-only
 * once made, so any number of threads format with it at once.
 * Reference-counted.
 */
typedef struct _NlpWriter NlpWriter;

/**
 * NlpWriterOptions:
 * @pretty: json: indented, over several lines
 * @byte_offsets: json, tsv: offsets in bytes instead of code points
 * @color: text: ANSI colours
 * @columns: (nullable): tsv: the comma-separated column list
 *
 * A writer's options; zero-initialise it, then set what you need.
 */
typedef struct {
  gboolean    pretty;
  gboolean    byte_offsets;
  gboolean    color;
  const char *columns;
  /*< private >*/
  gpointer    _reserved[6];
} NlpWriterOptions;

/**
 * nlp_writer_new:
 * @format: "json", "text", "tsv", "html", "sentences" or "none" (see
 *   nlp_writer_list_formats())
 * @options: (nullable): its options (%NULL: the defaults)
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full): a writer, or %NULL with %NLP_ERROR_USAGE
 *   naming the known formats
 */
NlpWriter   *nlp_writer_new    (const char *format, const NlpWriterOptions *options,
                                GError **error);
/**
 * nlp_writer_ref:
 * @writer: a writer
 *
 * Returns: (transfer full): @writer
 */
NlpWriter   *nlp_writer_ref    (NlpWriter *writer);
/**
 * nlp_writer_unref:
 * @writer: (nullable) (transfer full): a writer
 *
 * Drops a reference.
 */
void         nlp_writer_unref  (NlpWriter *writer);
/**
 * nlp_writer_free: (skip)
 * @writer: (nullable) (transfer full): a writer
 *
 * The same as nlp_writer_unref().
 */
void         nlp_writer_free   (NlpWriter *writer);
/**
 * nlp_writer_list_formats:
 *
 * Returns: (transfer none) (array zero-terminated=1): the format names
 */
const char *const *nlp_writer_list_formats (void);
/**
 * nlp_writer_describe:
 * @format: a format name
 *
 * Returns: (transfer none) (nullable): a one-line description of @format,
 *   or %NULL for an unknown one
 */
const char  *nlp_writer_describe (const char *format);

/**
 * nlp_writer_header: (skip)
 * @writer: a writer
 * @out: where the bytes are appended
 *
 * Appends what comes before the first document (an HTML page's head);
 * most formats add nothing.
 */
void         nlp_writer_header (NlpWriter *writer, GString *out);
/**
 * nlp_writer_footer: (skip)
 * @writer: a writer
 * @out: where the bytes are appended
 *
 * Appends what comes after the last document.
 */
void         nlp_writer_footer (NlpWriter *writer, GString *out);
/**
 * NlpWriterPage:
 *
 * A page: one output stream or file, from header to footer.  Formats
 * that name a page after its documents see each document's output
 * through it: html titles the page after the first document's headline
 * and, when there are several, ends it with a table of contents.  The
 * nlpipe command writes every output through a page; for every other
 * format the bytes are those of nlp_writer_header(), the documents and
 * nlp_writer_footer().  A page is used from one thread, in output order:
 *
 * |[<!-- language="C" -->
 * NlpWriterPage *page = nlp_writer_page_new (writer);
 * for (each document, in order)
 *   {
 *     nlp_writer_format (writer, doc, doc_out);
 *     nlp_writer_page_add (page, doc_out->str, doc_out->len, out);
 *     // write out (the header, before the first document), then doc_out
 *   }
 * nlp_writer_page_end (page, out);    // write out: the footer
 * nlp_writer_page_free (page);
 * ]|
 */
typedef struct _NlpWriterPage NlpWriterPage;

/**
 * nlp_writer_page_new: (skip)
 * @writer: (transfer none): the writer whose output the page holds; it
 *   must outlive the page
 *
 * Returns: (transfer full): a new page, with no document yet
 */
NlpWriterPage *nlp_writer_page_new  (NlpWriter *writer);
/**
 * nlp_writer_page_add: (skip)
 * @page: a page
 * @output: the next document's output, from nlp_writer_format()
 * @len: its length in bytes
 * @out: where the bytes that go before it are appended: the page header
 *   before the first document, nothing after
 *
 * Notes the next document of the page.
 */
void           nlp_writer_page_add  (NlpWriterPage *page, const char *output, gsize len,
                                     GString *out);
/**
 * nlp_writer_page_end: (skip)
 * @page: a page
 * @out: where what ends the page is appended: the footer (and the header
 *   first, when no document was added)
 *
 * Ends the page; it may then start again with nlp_writer_page_add().
 */
void           nlp_writer_page_end  (NlpWriterPage *page, GString *out);
/**
 * nlp_writer_page_free: (skip)
 * @page: (nullable) (transfer full): a page
 *
 * Frees @page.
 */
void           nlp_writer_page_free (NlpWriterPage *page);

/**
 * nlp_writer_format: (skip)
 * @writer: a writer
 * @doc: a processed document
 * @out: where the bytes are appended
 *
 * Appends @doc in the writer's format.  Thread-safe.
 */
void         nlp_writer_format (NlpWriter *writer, NlpDocument *doc, GString *out);
/**
 * nlp_writer_format_to_string:
 * @writer: a writer
 * @doc: a processed document
 * @edges: add the format's header and footer (a whole HTML page)
 *
 * @doc in the writer's format: with @edges, what the command writes for a
 * file of that one document.  Thread-safe.
 *
 * Returns: (transfer full): the output
 */
char        *nlp_writer_format_to_string (NlpWriter *writer, NlpDocument *doc,
                                          gboolean edges);
/**
 * nlp_writer_layer_to_json:
 * @doc: a document
 * @name: a layer name
 * @byte_offsets: offsets in bytes instead of code points
 *
 * One layer as the JSON writer writes it: an array of rows, each an
 * object with start, end and every column (unset cells null).  For
 * bindings that read a layer at once.
 *
 * Returns: (transfer full) (nullable): the JSON array, or %NULL when
 *   @doc has no layer @name
 */
char        *nlp_writer_layer_to_json (const NlpDocument *doc, const char *name,
                                       gboolean byte_offsets);
/**
 * nlp_writer_check:
 * @writer: a writer
 * @provided: (array zero-terminated=1) (nullable): every name the chain's
 *   stages provide (nlp_pipeline_list_provides())
 * @error: return location for a #GError, or %NULL
 *
 * Checks the writer's options against a chain before any document is
 * read.
 *
 * Returns: %FALSE with %NLP_ERROR_USAGE naming an option value no stage
 *   provides (a tsv --columns entry, say)
 */
gboolean     nlp_writer_check  (NlpWriter *writer, const char *const *provided,
                                GError **error);
/**
 * nlp_writer_is_null:
 * @writer: a writer
 *
 * Returns: whether it is the "none" format (run every stage, write
 *   nothing: benchmarks)
 */
gboolean     nlp_writer_is_null (const NlpWriter *writer);

G_END_DECLS

#endif
