/* fuzz-util.h — shared by the libFuzzer targets in tests/fuzz/.
 *
 * Each target is one .c file defining LLVMFuzzerTestOneInput (and maybe
 * LLVMFuzzerInitialize).  It is built two ways: with clang
 * -fsanitize=fuzzer by tests/fuzz/build.sh (`make fuzz`), and with the
 * ordinary compiler into a Criterion program (tests/fuzz/replay.c) that
 * replays the seed corpus and every past crash in `make check`.
 *
 * The checks here abort(): to libFuzzer an abort is a crash, saved with the
 * input that caused it.
 */
#ifndef NLP_FUZZ_UTIL_H
#define NLP_FUZZ_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "nlpipe.h"
#include "nlp-document-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...)                                        \
  do {                                                               \
    if (!(cond))                                                     \
      {                                                              \
        fprintf (stderr, "fuzz check failed: %s: ", #cond);          \
        fprintf (stderr, __VA_ARGS__);                               \
        fputc ('\n', stderr);                                        \
        abort ();                                                    \
      }                                                              \
  } while (0)

/* A g_return_if_fail in the library means a caller broke a contract:
 * a bug worth a crash report, not a line on stderr. */
static inline void
fuzz_make_criticals_fatal (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
}

/* (transfer none) a path whose contents are @data: a memfd seen through
 * /proc, so the readers open and read it like any file without touching
 * the disk.  Valid until the next call. */
static inline const char *
fuzz_file (const uint8_t *data, size_t size)
{
  static int fd = -1;
  static char path[64];

  if (fd < 0)
    {
      fd = memfd_create ("nlpipe-fuzz", 0);
      FUZZ_CHECK (fd >= 0, "memfd_create failed");
      snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
    }
  FUZZ_CHECK (ftruncate (fd, 0) == 0, "ftruncate failed");
  FUZZ_CHECK (size == 0 || pwrite (fd, data, size, 0) == (ssize_t) size,
              "pwrite failed");
  return path;
}

/* Every span of every layer lies inside the text, rows are sorted by
 * start, and no boundary splits a UTF-8 sequence (writers slice the text
 * at span boundaries). */
static inline void
fuzz_check_layers (NlpDocument *doc)
{
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);

  FUZZ_CHECK (g_utf8_validate_len (text, len, NULL), "document text is not UTF-8");
  for (guint l = 0; l < nlp_document_get_n_layers (doc); l++)
    {
      NlpLayer *layer = nlp_document_get_layer_at (doc, l);
      const char *name = nlp_layer_get_name (layer);
      guint prev = 0;

      for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
        {
          guint s = nlp_layer_get_start (layer, r), e = nlp_layer_get_end (layer, r);
          FUZZ_CHECK (s <= e && e <= len, "layer %s row %u: span [%u,%u) outside "
                      "the text of %zu bytes", name, r, s, e, (size_t) len);
          FUZZ_CHECK (s >= prev, "layer %s row %u: start %u before %u", name, r, s, prev);
          FUZZ_CHECK ((s == len || ((guchar) text[s] & 0xC0) != 0x80)
                      && (e == len || ((guchar) text[e] & 0xC0) != 0x80),
                      "layer %s row %u: span [%u,%u) splits a UTF-8 character",
                      name, r, s, e);
          prev = s;
        }
      for (guint c = 0; c < nlp_layer_get_n_columns (layer); c++)
        {
          NlpColumn *col = nlp_layer_get_column_at (layer, c);
          if (nlp_column_get_value_type (col) != NLP_COLUMN_STRING)
            continue;
          for (guint r = 0; r < nlp_layer_get_n_rows (layer); r++)
            {
              const char *v = nlp_column_get_string (col, r);
              FUZZ_CHECK (v == NULL || g_utf8_validate (v, -1, NULL),
                          "layer %s column %s row %u is not UTF-8", name,
                          nlp_column_get_name (col), r);
            }
        }
    }
}

/* Formats @doc with @writer and checks the bytes: valid UTF-8, and for
 * the json writer one JSON object per line. */
static inline void
fuzz_check_writer (NlpWriter *writer, gboolean is_json, NlpDocument *doc)
{
  GString *out = g_string_new (NULL);

  nlp_writer_format (writer, doc, out);
  FUZZ_CHECK (g_utf8_validate_len (out->str, out->len, NULL),
              "writer output is not UTF-8");
  if (is_json)
    {
      GError *error = NULL;
      JsonNode *node;

      FUZZ_CHECK (out->len > 0 && out->str[out->len - 1] == '\n'
                  && memchr (out->str, '\n', out->len) == out->str + out->len - 1,
                  "JSON output is not exactly one line");
      node = json_from_string (out->str, &error);
      FUZZ_CHECK (node != NULL && JSON_NODE_HOLDS_OBJECT (node),
                  "JSON output does not parse: %s", error ? error->message : "not an object");
      json_node_unref (node);
    }
  g_string_free (out, TRUE);
}

/* A reader's error or warning is one line of UTF-8 (stderr lines). */
static inline void
fuzz_check_message (const char *what, const char *message)
{
  FUZZ_CHECK (message != NULL && *message != '\0', "empty %s", what);
  FUZZ_CHECK (g_utf8_validate (message, -1, NULL), "%s is not UTF-8", what);
  FUZZ_CHECK (strchr (message, '\n') == NULL, "%s is not one line: %s", what, message);
}

/* Reads every document of @reader, checking each one and its JSON. */
static inline void
fuzz_drain_reader (NlpReader *reader, NlpWriter *writer)
{
  for (;;)
    {
      NlpDocument *doc = NULL;
      char *warning = NULL;
      GError *error = NULL;

      if (!nlp_reader_next (reader, &doc, &warning, &error))
        {
          FUZZ_CHECK (doc == NULL && error == NULL, "end of input with a result");
          break;
        }
      FUZZ_CHECK ((doc == NULL) != (error == NULL),
                  "a read must give a document or an error, not %s",
                  doc ? "both" : "neither");
      if (warning != NULL)
        fuzz_check_message ("warning", warning);
      if (error != NULL)
        fuzz_check_message ("error", error->message);
      if (doc != NULL)
        {
          fuzz_check_layers (doc);
          fuzz_check_writer (writer, TRUE, doc);
          nlp_document_free (doc);
        }
      g_free (warning);
      g_clear_error (&error);
    }
}

/* One reader run over @data in @format.  The first byte picks the
 * options: bit 0 replace/reject invalid UTF-8, bit 1 a --max-doc-bytes
 * limit of ((byte & 0x7f) >> 2), bit 7 a file rather than bytes in
 * memory; the rest is the input. */
static inline void
fuzz_reader_one (NlpInputFormat format, const uint8_t *data, size_t size)
{
  static NlpWriter *writer;
  NlpReaderOptions options = { .format = format };
  uint8_t flags = size > 0 ? data[0] : 0;
  const char *inputs[2] = { NULL, NULL };
  NlpReader *reader;

  if (writer == NULL)
    writer = nlp_writer_new ("json", NULL, NULL);
  if (size > 0)
    data++, size--;
  options.encoding = flags & 1 ? NLP_ENCODING_REPLACE : NLP_ENCODING_REJECT;
  options.max_doc_bytes = flags & 2 ? (flags & 0x7f) >> 2 : 0;
  if (flags & 0x80)
    {
      /* a file, opened and read as the command reads it */
      inputs[0] = fuzz_file (data, size);
      reader = nlp_reader_new (inputs, &options);
    }
  else
    {
      /* the same bytes in memory (as nlpipe serve reads a body): the
       * same parser without the system calls, so many more runs */
      GBytes *bytes = g_bytes_new_static (data, size);
      reader = nlp_reader_new_for_bytes (bytes, "fuzz", &options);
      g_bytes_unref (bytes);
    }
  fuzz_drain_reader (reader, writer);
  nlp_reader_free (reader);
}

#endif
