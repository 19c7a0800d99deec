/* nlp-reader.h — turning files, directories and streams into documents.
 *
 * A reader walks its inputs in order: plain text files (one document
 * each), directories (recursively, sorted, optionally filtered by a glob),
 * "-" for standard input, and JSON Lines ({"id": ..., "text": ...} per line;
 * other fields are carried to the output).  A bad input item never stops
 * the reader: nlp_reader_next reports it and the next call goes on.
 *
 * A reader is used from one thread.
 */
#ifndef NLP_READER_H
#define NLP_READER_H

#include "nlp-document.h"

G_BEGIN_DECLS

typedef struct _NlpReader NlpReader;

typedef enum {
  NLP_INPUT_AUTO,              /* .jsonl/.ndjson files are JSON Lines */
  NLP_INPUT_TEXT,
  NLP_INPUT_JSONL,
} NlpInputFormat;

typedef enum {
  NLP_ENCODING_REJECT,         /* invalid UTF-8: the document fails */
  NLP_ENCODING_REPLACE,        /* replace with U+FFFD and warn */
} NlpEncodingPolicy;

typedef struct {
  NlpInputFormat    format;
  NlpEncodingPolicy encoding;
  const char       *glob;      /* directory filter on file names, or NULL */
  gsize             max_doc_bytes;  /* 0: no limit */
  gpointer          _reserved[4];
} NlpReaderOptions;

/* (transfer full) a reader over @inputs (NULL-terminated paths, "-" for
 * stdin; an empty list means stdin). @options may be NULL. */
NlpReader   *nlp_reader_new  (const char *const *inputs,
                              const NlpReaderOptions *options);
/* (transfer full) a reader over @data (transfer none: the reader takes a
 * reference), read as a file named @name would be: one text document
 * (id and meta "source" @name) or, with NLP_INPUT_JSONL or a .jsonl name
 * under NLP_INPUT_AUTO, JSON Lines records ("@name:LINE" in ids and
 * messages).  @name is only a name: nothing is ever opened. */
NlpReader   *nlp_reader_new_for_bytes (GBytes *data, const char *name,
                                       const NlpReaderOptions *options);
void         nlp_reader_free (NlpReader *reader);

/* Reads the next document.  Returns FALSE at the end of all inputs.
 * Returns TRUE with *@doc set, or TRUE with *@doc NULL and @error set for
 * an input item that could not be read (the message names the file and
 * line); the caller reports it and calls again.  @warning (may be NULL)
 * receives a non-fatal note about the document (e.g. bytes replaced). */
gboolean     nlp_reader_next (NlpReader *reader, NlpDocument **doc,
                              char **warning, GError **error);

/* Bytes of text handed out so far, and the total size of the named files
 * when known (0 otherwise: stdin, pipes). */
guint64      nlp_reader_get_bytes_read (const NlpReader *reader);
guint64      nlp_reader_get_total_bytes (NlpReader *reader);
/* Input bytes consumed so far (whole files, JSON Lines lines): set against
 * nlp_reader_get_total_bytes for progress. */
guint64      nlp_reader_get_input_position (const NlpReader *reader);

/* (transfer none) the input item (file, JSON Lines stream, stdin) of the
 * last document or failure nlp_reader_next returned, named as -o DIR
 * mirrors it: the basename of a named file ("a.txt"), the path below a
 * named directory ("sub/a.txt"), or "stdin".  NULL before the first item.
 * @item (may be NULL) receives its number (from 1; it changes with every
 * new item), @is_stream (may be NULL) whether it holds many documents. */
const char  *nlp_reader_get_item_name (const NlpReader *reader, guint64 *item,
                                       gboolean *is_stream);

G_END_DECLS

#endif
