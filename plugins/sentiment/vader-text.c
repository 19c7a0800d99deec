/* vader-text.c — Python string semantics for the VADER scorer.
 *
 * GLib's g_unichar_isupper/islower test the general category only (Lu,
 * Ll); Python's str.isupper() uses the derived Uppercase / Lowercase
 * properties, which add the Other_Uppercase / Other_Lowercase characters
 * listed below (Unicode 15).  A token of circled capitals is "upper" for
 * VADER, so the difference changes scores.
 */
#include "vader-text.h"

typedef struct {
  gunichar first, last;
} Range;

static const Range other_lowercase[] = {
  { 0x00AA, 0x00AA }, { 0x00BA, 0x00BA }, { 0x02B0, 0x02B8 },
  { 0x02C0, 0x02C1 }, { 0x02E0, 0x02E4 }, { 0x0345, 0x0345 },
  { 0x037A, 0x037A }, { 0x10FC, 0x10FC }, { 0x1D2C, 0x1D6A },
  { 0x1D78, 0x1D78 }, { 0x1D9B, 0x1DBF }, { 0x2071, 0x2071 },
  { 0x207F, 0x207F }, { 0x2090, 0x209C }, { 0x2170, 0x217F },
  { 0x24D0, 0x24E9 }, { 0x2C7C, 0x2C7D }, { 0xA69C, 0xA69D },
  { 0xA770, 0xA770 }, { 0xA7F2, 0xA7F4 }, { 0xA7F8, 0xA7F9 },
  { 0xAB5C, 0xAB5F }, { 0xAB69, 0xAB69 }, { 0x10780, 0x10780 },
  { 0x10783, 0x10785 }, { 0x10787, 0x107B0 }, { 0x107B2, 0x107BA },
  { 0x1E030, 0x1E06D },
};

static const Range other_uppercase[] = {
  { 0x2160, 0x216F }, { 0x24B6, 0x24CF }, { 0x1F130, 0x1F149 },
  { 0x1F150, 0x1F169 }, { 0x1F170, 0x1F189 },
};

static gboolean
in_ranges (const Range *r, gsize n, gunichar c)
{
  for (gsize i = 0; i < n && r[i].first <= c; i++)
    if (c <= r[i].last)
      return TRUE;
  return FALSE;
}

gboolean
vader_text_is_space (gunichar c)
{
  if (c < 0x80)
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680
         || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
         || c == 0x202F || c == 0x205F || c == 0x3000;
}

gboolean
vader_text_is_upper (const char *s, gsize len)
{
  const char *end = s + len;
  gboolean cased = FALSE;

  while (s < end)
    {
      guchar b = (guchar) *s;
      gunichar c;

      if (b < 0x80)
        {
          if (b >= 'a' && b <= 'z')
            return FALSE;
          cased |= b >= 'A' && b <= 'Z';
          s++;
          continue;
        }
      c = g_utf8_get_char (s);
      s = g_utf8_next_char (s);
      if (g_unichar_islower (c) || g_unichar_istitle (c)
          || in_ranges (other_lowercase, G_N_ELEMENTS (other_lowercase), c))
        return FALSE;
      cased |= g_unichar_isupper (c)
               || in_ranges (other_uppercase, G_N_ELEMENTS (other_uppercase), c);
    }
  return cased;
}

gsize
vader_text_lower (const char *s, gsize len, char *out)
{
  const char *end = s + len;
  char *o = out;

  while (s < end)
    {
      guchar b = (guchar) *s;
      gunichar c;

      if (b < 0x80)
        {
          *o++ = (char) ((b >= 'A' && b <= 'Z') ? b + 32 : b);
          s++;
          continue;
        }
      c = g_utf8_get_char (s);
      s = g_utf8_next_char (s);
      /* U+0130 is the one unconditional full lower-case mapping of more
       * than one code point.  Python's context-dependent final sigma is
       * not reproduced: no key of the shipped data contains Greek. */
      if (c == 0x0130)
        {
          *o++ = 'i';
          c = 0x0307;
        }
      /* g_unichar_tolower maps letters only; Python also maps the Roman
       * numerals and circled capitals (Other_Uppercase). */
      else if (c >= 0x2160 && c <= 0x216F)
        c += 0x10;
      else if (c >= 0x24B6 && c <= 0x24CF)
        c += 0x1A;
      else
        c = g_unichar_tolower (c);
      o += g_unichar_to_utf8 (c, o);
    }
  *o = '\0';
  return (gsize) (o - out);
}
