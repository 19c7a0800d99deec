/* elision.c — splitting French and Italian elisions (elision.h).
 *
 * The words are those the two languages elide before a vowel; words
 * where the apostrophe is part of the word ("aujourd'hui",
 * "prud'hommes", "quelqu'un") are not listed, so they stay whole.
 */
#include <string.h>
#include "elision.h"
#include "tokenizer.h"

static const char *const french[] = {
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
  "puisqu", "quoiqu", "presqu", NULL
};

static const char *const italian[] = {
  "l", "un", "dell", "dall", "nell", "sull", "all", "coll", "quell",
  "quest", "bell", "sant", "tutt", "d", "c", "m", "t", "s", "v", "n", NULL
};

const char *const *
tokenizer_elisions (const char *lang)
{
  if (lang == NULL)
    return NULL;
  if (strcmp (lang, "fr") == 0)
    return french;
  if (strcmp (lang, "it") == 0)
    return italian;
  return NULL;
}

/* The length of the apostrophe at @p (' or U+2019), or 0. */
static gsize
apostrophe_at (const guchar *p, const guchar *end)
{
  if (p < end && *p == '\'')
    return 1;
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
    return 3;
  return 0;
}

/* The length of the elision that starts the word [@p, @end), its
 * apostrophe included, when a letter follows; else 0. */
static gsize
elision_len (const guchar *p, const guchar *end, const char *const *elisions)
{
  for (guint i = 0; elisions[i] != NULL; i++)
    {
      gsize n = strlen (elisions[i]), a;
      if ((gsize) (end - p) <= n || g_ascii_strncasecmp ((const char *) p, elisions[i], n) != 0)
        continue;
      a = apostrophe_at (p + n, end);
      if (a > 0 && p + n + a < end)
        {
          gunichar c = g_utf8_get_char_validated ((const char *) p + n + a, end - (p + n + a));
          if (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalpha (c))
            return n + a;
        }
    }
  return 0;
}

void
tokenizer_split_elisions (const char *text, GArray *spans,
                          const char *const *elisions, GArray *scratch)
{
  const guchar *s = (const guchar *) text;
  gboolean any = FALSE;

  g_array_set_size (scratch, 0);
  for (guint i = 0; i < spans->len; i++)
    {
      TokenSpan t = g_array_index (spans, TokenSpan, i);
      gsize k;

      /* an elided word and what follows may be elided again: "qu'l'..." is
       * not French, but "jusqu'à l'aube" are two tokens already */
      while (t.kind == TOKEN_WORD
             && (k = elision_len (s + t.start, s + t.end, elisions)) > 0)
        {
          TokenSpan head = { t.start, t.start + (guint32) k, TOKEN_WORD };
          g_array_append_val (scratch, head);
          t.start += (guint32) k;
          any = TRUE;
        }
      g_array_append_val (scratch, t);
    }
  if (any)
    {
      g_array_set_size (spans, 0);
      g_array_append_vals (spans, scratch->data, scratch->len);
    }
}
