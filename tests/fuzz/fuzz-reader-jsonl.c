/* fuzz-reader-jsonl.c — libFuzzer target: a JSON Lines stream through the
 * reader (records, ids, extra fields, broken lines, invalid UTF-8) and the
 * JSON writer, which must give back one JSON object per document.  Input
 * layout: see fuzz_reader_one. */
#include "fuzz-util.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_make_criticals_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_reader_one (NLP_INPUT_JSONL, data, size);
  return 0;
}
