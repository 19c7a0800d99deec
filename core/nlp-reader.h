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

/**
 * NlpReader:
 *
 * Turns files, directories, stdin and JSON Lines streams into documents,
 * in order.  Used from one thread.  Reference-counted.
 */
typedef struct _NlpReader NlpReader;

/**
 * NlpInputFormat:
 * @NLP_INPUT_AUTO: .jsonl and .ndjson files (and "-" when told) are JSON
 *   Lines, the rest text
 * @NLP_INPUT_TEXT: every input is a text document
 * @NLP_INPUT_JSONL: every input is JSON Lines
 *
 * How inputs are read.
 */
typedef enum {
  NLP_INPUT_AUTO,
  NLP_INPUT_TEXT,
  NLP_INPUT_JSONL,
} NlpInputFormat;

/**
 * NlpEncodingPolicy:
 * @NLP_ENCODING_REJECT: invalid UTF-8: the document fails
 * @NLP_ENCODING_REPLACE: invalid bytes become U+FFFD, with a warning
 *
 * What happens to input that is not valid UTF-8.
 */
typedef enum {
  NLP_ENCODING_REJECT,
  NLP_ENCODING_REPLACE,
} NlpEncodingPolicy;

/**
 * NlpReaderOptions:
 * @format: how inputs are read
 * @encoding: the encoding policy
 * @glob: (nullable): inside directories, only files whose names match it
 * @max_doc_bytes: documents larger than this fail (0: no limit)
 *
 * A reader's options; zero-initialise it, then set what you need.
 */
typedef struct {
  NlpInputFormat    format;
  NlpEncodingPolicy encoding;
  const char       *glob;
  gsize             max_doc_bytes;
  /*< private >*/
  gpointer          _reserved[4];
} NlpReaderOptions;

/**
 * nlp_reader_new:
 * @inputs: (array zero-terminated=1) (nullable): paths of files and
 *   directories, "-" for stdin; empty or %NULL: stdin
 * @options: (nullable): options (%NULL: the defaults)
 *
 * Returns: (transfer full): a reader over @inputs, in order (directories
 *   recursively, sorted)
 */
NlpReader   *nlp_reader_new  (const char *const *inputs,
                              const NlpReaderOptions *options);
/**
 * nlp_reader_new_for_bytes:
 * @data: (transfer none): the input, in memory (the reader takes a
 *   reference)
 * @name: what to call it: the document's id and "source" metadata, or
 *   "@name:LINE" for a JSON Lines record without an id and in messages
 * @options: (nullable): how to read it; %NULL for the defaults
 *
 * A reader over @data read as a file named @name would be: one text
 * document, or with %NLP_INPUT_JSONL (or %NLP_INPUT_AUTO and a .jsonl or
 * .ndjson @name) one document per JSON Lines record, through the same
 * parser, ids, extra members and messages as a file.  @name is only a
 * name: nothing is ever opened.  nlpipe serve reads request bodies so.
 *
 * Returns: (transfer full): a new reader
 */
NlpReader   *nlp_reader_new_for_bytes (GBytes *data, const char *name,
                                       const NlpReaderOptions *options);
/**
 * nlp_reader_ref:
 * @reader: a reader
 *
 * Returns: (transfer full): @reader
 */
NlpReader   *nlp_reader_ref   (NlpReader *reader);
/**
 * nlp_reader_unref:
 * @reader: (nullable) (transfer full): a reader
 *
 * Drops a reference.
 */
void         nlp_reader_unref (NlpReader *reader);
/**
 * nlp_reader_free: (skip)
 * @reader: (nullable) (transfer full): a reader
 *
 * The same as nlp_reader_unref().
 */
void         nlp_reader_free  (NlpReader *reader);

/**
 * nlp_reader_skip:
 * @reader: a reader
 * @path: a file or directory
 *
 * A directory walk never reads @path, nor anything below it: the same
 * file or directory by device and inode, so another name for it or a hard
 * link is skipped too.  nlpipe skips its own output so (-o DIR inside an
 * input directory, -o FILE in one): what it writes is never read back.  A
 * @path that does not exist is ignored.  Call it before the first
 * nlp_reader_next().
 */
void         nlp_reader_skip (NlpReader *reader, const char *path);

/**
 * nlp_reader_next: (skip)
 * @reader: a reader
 * @doc: (out) (transfer full) (nullable): the next document
 * @warning: (out) (optional) (transfer full) (nullable): a non-fatal note
 *   about it (bytes replaced ...)
 * @error: return location for a #GError, or %NULL
 *
 * Reads the next document.  A bad input item never stops the reader: it
 * returns %TRUE with *@doc %NULL and @error set (the message names the
 * file and line), and the next call goes on.  (Bindings skip it: %TRUE
 * with an error breaks the GError convention they rely on.)
 *
 * Returns: %FALSE at the end of every input
 */
gboolean     nlp_reader_next (NlpReader *reader, NlpDocument **doc,
                              char **warning, GError **error);

/**
 * nlp_reader_get_bytes_read:
 * @reader: a reader
 *
 * Returns: the bytes of text handed out so far
 */
guint64      nlp_reader_get_bytes_read (const NlpReader *reader);
/**
 * nlp_reader_get_total_bytes:
 * @reader: a reader
 *
 * Returns: the total size of the named files when known (0 otherwise:
 *   stdin, pipes)
 */
guint64      nlp_reader_get_total_bytes (NlpReader *reader);
/**
 * nlp_reader_get_input_position:
 * @reader: a reader
 *
 * Returns: the input bytes consumed so far (whole files, JSON Lines
 *   lines), to set against nlp_reader_get_total_bytes() for progress
 */
guint64      nlp_reader_get_input_position (const NlpReader *reader);

/**
 * nlp_reader_get_item_name:
 * @reader: a reader
 * @item: (out) (optional): the item's number (from 1; it changes with
 *   every new item)
 * @is_stream: (out) (optional): whether it holds many documents
 *
 * The input item (file, JSON Lines stream, stdin) of the last document or
 * failure nlp_reader_next() returned, named as -o DIR mirrors it: the
 * basename of a named file ("a.txt"), the path below a named directory
 * ("sub/a.txt"), or "stdin".
 *
 * Returns: (transfer none) (nullable): the name, or %NULL before the
 *   first item
 */
const char  *nlp_reader_get_item_name (const NlpReader *reader, guint64 *item,
                                       gboolean *is_stream);

/**
 * nlp_reader_get_location:
 * @reader: a reader
 * Where the last document or failure nlp_reader_next() returned comes
 * from, as messages name it: "FILE:LINE" for a JSON Lines record (lines
 * counted from 1; FILE is "stdin" for standard input), else the input
 * item's name (see nlp_reader_get_item_name()).  --on-error=mark uses it
 * as the id of the error record that stands for an unreadable line.
 * Returns: (transfer none) (nullable): the location, valid until the next
 *   call on @reader; %NULL before the first item
 */
const char  *nlp_reader_get_location (NlpReader *reader);

G_END_DECLS

#endif
