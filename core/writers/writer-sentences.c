/* writer-sentences.c — one sentence per line, for scoring a sentence
 * splitter against a gold file with line-based tools (diff, wc -l, a
 * scorer).  Line breaks and tabs inside a sentence become spaces, so the
 * line count is the sentence count; documents follow one another with no
 * separator.  A document without a sentence layer is one line. */
#include <string.h>
#include "nlp-writer-private.h"

/* Appends @len bytes of @s with every character that some tool takes for a
 * line or field break (\t \n \v \f \r, U+0085 NEL, U+2028, U+2029) as one
 * space each. */
static void
append_one_line (GString *out, const char *s, gsize len)
{
  const char *end = s + len, *run = s;

  for (const char *p = s; p < end;)
    {
      guchar c = (guchar) *p;
      gsize skip = 0;

      if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
        skip = 1;
      else if (c == 0xC2 && p + 1 < end && (guchar) p[1] == 0x85)
        skip = 2;
      else if (c == 0xE2 && p + 2 < end && (guchar) p[1] == 0x80
               && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
        skip = 3;
      if (skip == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append_c (out, ' ');
      p += skip;
      run = p;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '\n');
}

static void
sentences_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  gsize len;
  const char *text;

  (void) o;
  if (sentences == NULL)
    {
      text = nlp_document_get_text (doc, &len);
      if (len > 0)
        append_one_line (out, text, len);
      return;
    }
  for (guint i = 0; i < nlp_layer_get_n_rows (sentences); i++)
    {
      text = nlp_layer_get_text (sentences, i, &len);
      append_one_line (out, text, len);
    }
}

const NlpWriterClass nlp__writer_sentences = {
  .name = "sentences",
  .description = "one sentence per line, line breaks inside as spaces (splitter scoring)",
  .format = sentences_format,
};
