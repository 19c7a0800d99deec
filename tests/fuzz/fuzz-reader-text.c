/* fuzz-reader-text.c — libFuzzer target: one text file through the reader
 * (both invalid-UTF-8 policies, the size limit, byte-order marks, NUL
 * bytes) and the JSON writer.  Input layout: see fuzz_reader_one. */
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
  fuzz_reader_one (NLP_INPUT_TEXT, data, size);
  return 0;
}
