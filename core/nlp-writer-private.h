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
} NlpWriterClass;

extern const NlpWriterClass nlp__writer_json;
extern const NlpWriterClass nlp__writer_text;
extern const NlpWriterClass nlp__writer_tsv;
extern const NlpWriterClass nlp__writer_html;
extern const NlpWriterClass nlp__writer_sentences;
extern const NlpWriterClass nlp__writer_conllu;

/* Shared helpers (nlp-writer.c). */
/* Appends @s (@len bytes of valid UTF-8) as a JSON string literal. */
void nlp__json_append_string (GString *out, const char *s, gsize len);
/* Appends a double the shortest way that reads back exactly (null for
 * NaN and infinities). */
void nlp__json_append_double (GString *out, double value);
/* Appends @value in decimal. */
void nlp__json_append_int (GString *out, gint64 value);
/* Appends the value of cell (@column, @row) as JSON. */
void nlp__json_append_cell (GString *out, const NlpColumn *column, guint row);
/* Appends @node (may be NULL) as compact JSON, doubles the shortest way
 * (writer-json.c). */
void nlp__json_append_node (GString *out, JsonNode *node);
/* Appends document attribute @i as JSON. */
void nlp__json_append_attr (GString *out, const NlpDocument *doc, guint i);

#endif
