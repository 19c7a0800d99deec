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
  /* Checks the options against what a chain provides, or NULL. */
  gboolean (*check) (const NlpWriterOptions *options, const char *const *provided,
                     GError **error);
} NlpWriterClass;

extern const NlpWriterClass nlp__writer_json;
extern const NlpWriterClass nlp__writer_text;
extern const NlpWriterClass nlp__writer_tsv;
extern const NlpWriterClass nlp__writer_html;
extern const NlpWriterClass nlp__writer_sentences;
extern const NlpWriterClass nlp__writer_conllu;

#endif
