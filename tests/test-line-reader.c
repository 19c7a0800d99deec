/* test-line-reader.c — JSON Lines lines with bounded memory
 * (core/nlp-line-reader.c): lines across the reader's 64 KiB chunks, NUL
 * bytes, a last line without LF, a line over the bound dropped alone and
 * the next one read, and no bound at all. */
#include <criterion/criterion.h>
#include <string.h>
#include "../core/nlp-line-reader-private.h"

static FILE *
stream_of (const char *data, gsize len)
{
  FILE *f = tmpfile ();

  cr_assert_not_null (f);
  cr_assert_eq (fwrite (data, 1, len, f), len);
  rewind (f);
  return f;
}

static void
expect_line (NlpLineReader *r, gsize keep, const char *want, gsize want_len)
{
  char *line = NULL;
  gsize len = 0;

  cr_assert_eq (nlp__line_reader_next (r, keep, &line, &len), NLP_LINE_OK);
  cr_assert_eq (len, want_len, "length %zu, want %zu", len, want_len);
  cr_assert (memcmp (line, want, len) == 0);
  /* its LF, or the byte after a last line without one, is writable */
  if (line[len - 1] == '\n')
    line[len - 1] = '\0';
  else
    line[len] = '\0';
}

Test (line_reader, short_lines_nul_bytes_and_a_last_line_without_lf)
{
  static const char data[] = "{\"a\":1}\n\n{\"b\"\0:2}\nlast";
  FILE *f = stream_of (data, sizeof data - 1);
  NlpLineReader r = { 0 };
  gsize len;
  char *line;

  nlp__line_reader_init (&r, f);
  expect_line (&r, 0, "{\"a\":1}\n", 8);
  expect_line (&r, 0, "\n", 1);
  expect_line (&r, 0, "{\"b\"\0:2}\n", 9);
  expect_line (&r, 0, "last", 4);
  cr_assert_eq (nlp__line_reader_next (&r, 0, &line, &len), NLP_LINE_END);
  nlp__line_reader_clear (&r);
  fclose (f);
}

Test (line_reader, lines_across_chunks_are_whole)
{
  GString *s = g_string_new (NULL);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  FILE *f;
  NlpLineReader r = { 0 };

  /* lengths around the 64 KiB chunk, and one of 1 MB */
  for (guint i = 0; i < 40; i++)
    {
      gsize n = i == 20 ? 1000000 : 65536 - 20 + i * 3;
      char *line = g_malloc (n + 2);
      memset (line, 'a' + (char) (i % 26), n);
      line[n] = '\n';
      line[n + 1] = '\0';
      g_string_append_len (s, line, (gssize) n + 1);
      g_ptr_array_add (lines, line);
    }
  f = stream_of (s->str, s->len);
  nlp__line_reader_init (&r, f);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *want = g_ptr_array_index (lines, i);
      expect_line (&r, 0, want, strlen (want));
    }
  nlp__line_reader_clear (&r);
  fclose (f);
  g_ptr_array_unref (lines);
  g_string_free (s, TRUE);
}

Test (line_reader, a_line_over_the_bound_is_dropped_alone)
{
  GString *s = g_string_new ("{\"first\":1}\n");
  FILE *f;
  NlpLineReader r = { 0 };
  char *line;
  gsize len = 0;

  /* 300 kB: over a 1000-byte bound, read through several chunks */
  for (guint i = 0; i < 300000; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\n{\"next\":2}\n");
  /* and one just over the bound, found in one chunk */
  g_string_append_len (s, "0123456789", 10);
  g_string_append (s, "\n{\"last\":3}");
  f = stream_of (s->str, s->len);
  nlp__line_reader_init (&r, f);
  expect_line (&r, 1000, "{\"first\":1}\n", 12);
  cr_assert_eq (nlp__line_reader_next (&r, 1000, &line, &len), NLP_LINE_TOO_LONG);
  cr_assert_eq (len, 300001, "the whole line is counted (%zu)", len);
  expect_line (&r, 1000, "{\"next\":2}\n", 11);
  cr_assert_eq (nlp__line_reader_next (&r, 5, &line, &len), NLP_LINE_TOO_LONG);
  cr_assert_eq (len, 11);
  expect_line (&r, 1000, "{\"last\":3}", 10);
  cr_assert_eq (nlp__line_reader_next (&r, 1000, &line, &len), NLP_LINE_END);
  nlp__line_reader_clear (&r);
  fclose (f);
  g_string_free (s, TRUE);
}

Test (line_reader, a_long_last_line_over_the_bound_ends_the_stream)
{
  GString *s = g_string_new (NULL);
  FILE *f;
  NlpLineReader r = { 0 };
  char *line;
  gsize len = 0;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (s, 'y');
  f = stream_of (s->str, s->len);
  nlp__line_reader_init (&r, f);
  cr_assert_eq (nlp__line_reader_next (&r, 100, &line, &len), NLP_LINE_TOO_LONG);
  cr_assert_eq (len, 200000);
  cr_assert_eq (nlp__line_reader_next (&r, 100, &line, &len), NLP_LINE_END);
  nlp__line_reader_clear (&r);
  fclose (f);
  g_string_free (s, TRUE);
}
