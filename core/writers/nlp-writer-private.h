/* nlp-writer-private.h — the table of output formats.  One file per format
 * (writer-json.c, writer-text.c, ...) defines one NlpWriterClass. */
#ifndef NLP_WRITER_PRIVATE_H
#define NLP_WRITER_PRIVATE_H

#include "nlp-writer.h"

typedef struct {
  const char *name;
  const char *description;
  void (*header) (const NlpWriterOptions *options, GString *out);
  void (*format) (const NlpWriterOptions *options, NlpDocument *doc, GString *out);
  void (*footer) (const NlpWriterOptions *options, GString *out);
  /* Pages (optional; nlp-writer-page.c): a format that names a page
   * after its documents reads an entry from each document's output
   * (its anchor and title, transfer full), and its page header and
   * footer see the entries so far (the header: the first document's
   * only, or none). */
  gboolean (*page_entry) (const char *output, gsize len, char **anchor, char **title);
  void (*page_header) (const NlpWriterOptions *options, const GPtrArray *entries,
                       GString *out);
  void (*page_footer) (const NlpWriterOptions *options, const GPtrArray *entries,
                       GString *out);
  /* Checks the options against what a chain provides, or NULL. */
  gboolean (*check) (const NlpWriterOptions *options, const char *const *provided,
                     GError **error);
} NlpWriterClass;

/* One entry of a page (see page_entry). */
typedef struct {
  char *anchor;
  char *title;
} NlpPageEntry;

/* (transfer none) @writer's format, or NULL for "none"; its options. */
const NlpWriterClass   *nlp__writer_get_class   (const NlpWriter *writer);
const NlpWriterOptions *nlp__writer_get_options (const NlpWriter *writer);

extern const NlpWriterClass nlp__writer_json;
extern const NlpWriterClass nlp__writer_text;
extern const NlpWriterClass nlp__writer_tsv;
extern const NlpWriterClass nlp__writer_html;
extern const NlpWriterClass nlp__writer_sentences;
extern const NlpWriterClass nlp__writer_conllu;

#endif
