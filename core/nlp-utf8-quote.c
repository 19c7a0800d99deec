/* nlp-utf8-quote.c — a user's value, shown in a one-line message. */
#include "nlp-utf8-quote-private.h"

char *
nlp__utf8_quote (const char *text, guint max)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint shown = 0;
  const char *p;

  for (p = valid; *p != '\0' && shown < max; p = g_utf8_next_char (p), shown++)
    {
      guchar c = (guchar) *p;
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (*p != '\0')
    g_string_append (out, "\xe2\x80\xa6");
  g_free (valid);
  return g_string_free (out, FALSE);
}
