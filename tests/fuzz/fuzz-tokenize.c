/* fuzz-tokenize.c — libFuzzer target for the token scanner and the
 * sentence splitter (the logic of the tokenize and sentence stages, linked
 * in directly so that it is instrumented; the stage glue only copies their
 * output into layers).  Built by tests/fuzz/build.sh.
 *
 * On every input, valid UTF-8 or not, it checks:
 *   - tokens are in bounds, non-empty, ordered and non-overlapping;
 *   - every byte outside the tokens is a space (tokenizer_space_len);
 *   - on valid UTF-8, tokens start and end on character boundaries and
 *     their norm can be computed;
 *   - sentences cover the tokens in order, each token in exactly one.
 * Crashes, leaks (ASan) and slow units (-timeout) are libFuzzer's part.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tokenizer.h"
#include "splitter.h"

#define CHECK(cond) do { if (!(cond)) { fprintf (stderr, "property failed: %s (line %d)\n", #cond, __LINE__); abort (); } } while (0)

static Splitter *splitters[3];

static void
init (void)
{
  const char *data = g_getenv ("NLPIPE_SENTENCE_DATA");
  char *abbrev, *starters;

  if (data == NULL)
    data = FUZZ_SENTENCE_DATA;
  abbrev = g_build_filename (data, "abbreviations.txt", NULL);
  starters = g_build_filename (data, "starters.txt", NULL);
  for (int p = 0; p < 3; p++)
    {
      splitters[p] = splitter_new ((NewlinePolicy) p);
      if (!splitter_load_abbreviations (splitters[p], abbrev, NULL)
          || !splitter_load_starters (splitters[p], starters, NULL))
        {
          fprintf (stderr, "fuzz-tokenize: cannot read %s (set NLPIPE_SENTENCE_DATA)\n", abbrev);
          abort ();
        }
    }
  g_free (abbrev);
  g_free (starters);
}

static gboolean
boundary (const guint8 *s, size_t size, guint32 pos)
{
  return pos == size || (s[pos] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  const char *text = (const char *) data;
  gboolean valid = g_utf8_validate_len (text, size, NULL);
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (TokenSpan));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (SplitSpan));
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (SplitSpan));
  GByteArray *scratch = g_byte_array_new ();
  GString *norm = g_string_new (NULL);
  gsize pos = 0;

  if (splitters[0] == NULL)
    init ();
  tokenizer_scan (text, size, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      TokenSpan t = g_array_index (tokens, TokenSpan, i);
      SplitSpan sp = { t.start, t.end };
      CHECK (t.start < t.end && t.end <= size && t.start >= pos);
      CHECK (t.kind < TOKEN_N_KINDS);
      while (pos < t.start)
        {
          gsize n = tokenizer_space_len (text, size, pos);
          CHECK (n > 0);
          pos += n;
        }
      CHECK (pos == t.start);
      if (valid)
        {
          gsize len;
          CHECK (boundary (data, size, t.start) && boundary (data, size, t.end));
          CHECK (tokenizer_norm (text + t.start, t.end - t.start, norm, &len) != NULL);
        }
      pos = t.end;
      g_array_append_val (spans, sp);
    }
  while (pos < size)
    {
      gsize n = tokenizer_space_len (text, size, pos);
      CHECK (n > 0);
      pos += n;
    }

  /* The policy is picked by the input so that all three are fuzzed. */
  splitter_split (splitters[size % 3], text, size, (const SplitSpan *) (gpointer) spans->data,
                  spans->len, scratch, sentences);
  if (spans->len == 0)
    CHECK (sentences->len == 0);
  else
    {
      guint next = 0;
      for (guint i = 0; i < sentences->len; i++)
        {
          SplitSpan s = g_array_index (sentences, SplitSpan, i);
          CHECK (s.start == next && s.end >= s.start && s.end < spans->len);
          next = s.end + 1;
        }
      CHECK (next == spans->len);
    }

  g_array_unref (tokens);
  g_array_unref (spans);
  g_array_unref (sentences);
  g_byte_array_unref (scratch);
  g_string_free (norm, TRUE);
  return 0;
}
