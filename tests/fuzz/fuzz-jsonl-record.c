/* fuzz-jsonl-record.c — libFuzzer target, differential: every line the
 * JSON Lines fast path (core/nlp-jsonl-record.c) accepts must read exactly
 * as json-glib reads it (tests/jsonl-reference.h); it may decline anything.
 * Input: lines; each valid UTF-8 line (as the reader hands it over) is
 * one case. */
#include "fuzz-util.h"
#include "nlp-jsonl-private.h"
#include "../jsonl-reference.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_make_criticals_fatal ();
  return 0;
}

static void
check_line (const char *line, gsize len)
{
  char *id, *text, *rid, *rtext, *copy;
  gsize n;

  if (!g_utf8_validate_len (line, len, NULL))
    return;                    /* the reader fixes or rejects these first */
  if (!nlp__jsonl_simple_record (line, len, &id, &text, &n))
    return;
  copy = g_strndup (line, len);
  if (!jsonl_reference (copy, (gssize) len, &rid, &rtext))
    g_error ("fast path accepted what json-glib rejects: %s", copy);
  if (strcmp (text, rtext) != 0 || n != strlen (rtext))
    g_error ("text differs from json-glib's: %s", copy);
  if (g_strcmp0 (id, rid) != 0)
    g_error ("id differs from json-glib's (%s, %s): %s", id, rid, copy);
  g_free (copy);
  g_free (id);
  g_free (text);
  g_free (rid);
  g_free (rtext);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *p = (const char *) data, *end = p + size;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl ? nl : end;
      check_line (p, (gsize) (line_end - p));
      p = nl ? nl + 1 : end;
    }
  return 0;
}
