/* lang-text.h — what the language detector reads of a text.
 *
 * Text becomes a stream of symbols: letters and combining marks as their
 * lower-case code points, and everything else (spaces, digits,
 * punctuation, symbols, emoji) as one word boundary, runs of boundaries
 * collapsed into one.  Zero-width joiners, variation selectors and the
 * byte-order mark vanish.  The trainer and the detector both read text
 * through lang_text_normalize, so a model only ever sees this form.
 */
#ifndef LANG_TEXT_H
#define LANG_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

/* The symbol of a word boundary. */
#define LANG_BOUNDARY 0x20u
/* Spans longer than this are read in pieces of at most this many bytes,
 * each scored as if it were a span of its own. */
#define LANG_PIECE_BYTES 1024
/* Bitmaps of "known" characters (lang-model.h) cover the code points
 * below this. */
#define LANG_KNOWN_END 0x30000u

/* The symbols of a unit of text scored on its own (a span between ASCII
 * non-letters, or a piece of a long one: lang-detect.c): its letters, one
 * boundary for each run of anything else, and a closing boundary after a
 * last letter; no opening one.  @out needs room for @len + 1 symbols;
 * invalid UTF-8 bytes count as boundaries.  Returns the number of
 * symbols; sets *@letters, *@known (the letters whose bit is set in
 * @known_map, a bitmap of LANG_KNOWN_END code points, or 0 without one)
 * and *@script, the unit's main script (declared below): the one with the
 * most letters, an ideograph or syllable block weighing three as much as
 * a short word does; Latin when there is no letter. */
gsize lang_text_normalize_unit (const char *text, gsize len,
                                const guint32 *known_map, guint32 *out,
                                gsize *letters, gsize *known, guint *script);

/* Bytes that always end a word: ASCII that is not a letter.  Words and
 * the non-ASCII runs around them lie between such bytes, and since
 * n-grams stay inside words (lang-features.h), such a span's n-grams do
 * not depend on what is around it. */
extern const guint8 lang_text_ascii_separator[256];

/* The next span of @text (@len bytes) at or after *@pos: sets [*@start,
 * *@end) and moves *@pos past it; FALSE when there is none.  Tokens (runs
 * of bytes between ASCII white space) that are links, e-mail addresses or
 * handles ("://", "@", a leading "www.") are skipped: they say nothing of
 * a text's language. */
gboolean lang_text_next_span (const char *text, gsize len, gsize *pos,
                              gsize *start, gsize *end);

/* The first position at or after @pos in @text (@len bytes) that is an
 * ASCII non-letter (@separators FALSE: the end of a span), or that is
 * not one (@separators TRUE: the start of the next span); @len if none. */
gsize lang_text_span_end (const char *text, gsize pos, gsize len,
                          gboolean separators);

/* The length of the longest prefix of @text (@len bytes) that is at most
 * @max bytes and ends at a character boundary (never 0 when @len > 0). */
static inline gsize
lang_text_cut (const char *text, gsize len, gsize max)
{
  gsize cut;

  if (len <= max)
    return len;
  cut = max;
  while (cut > 0 && ((guchar) text[cut] & 0xC0) == 0x80)
    cut--;
  return cut > 0 ? cut : max;
}

/* Writing systems, as far as the detector tells them apart: a text is
 * judged on the words of its main script only, so that the English name
 * in a Russian sentence counts neither for nor against Russian.  Kana,
 * ideographs and Hangul are one script here (Japanese mixes them, and
 * Chinese, Japanese and Korean must compete). */
typedef enum {
  LANG_SCRIPT_LATIN, LANG_SCRIPT_CYRILLIC, LANG_SCRIPT_GREEK,
  LANG_SCRIPT_ARMENIAN, LANG_SCRIPT_HEBREW, LANG_SCRIPT_ARABIC,
  LANG_SCRIPT_DEVANAGARI, LANG_SCRIPT_TAMIL, LANG_SCRIPT_THAI,
  LANG_SCRIPT_CJK, LANG_SCRIPT_OTHER, LANG_N_SCRIPTS
} LangScript;

/* The script of symbol @c (a letter or mark of lang_text_normalize). */
static inline LangScript
lang_text_script (guint32 c)
{
  if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00))
    return LANG_SCRIPT_LATIN;
  if (c >= 0x400 && c < 0x530)
    return LANG_SCRIPT_CYRILLIC;
  if ((c >= 0x370 && c < 0x400) || (c >= 0x1F00 && c < 0x2000))
    return LANG_SCRIPT_GREEK;
  if (c >= 0x530 && c < 0x590)
    return LANG_SCRIPT_ARMENIAN;
  if (c >= 0x590 && c < 0x600)
    return LANG_SCRIPT_HEBREW;
  if ((c >= 0x600 && c < 0x780) || (c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00))
    return LANG_SCRIPT_ARABIC;
  if (c >= 0x900 && c < 0x980)
    return LANG_SCRIPT_DEVANAGARI;
  if (c >= 0xB80 && c < 0xC00)
    return LANG_SCRIPT_TAMIL;
  if (c >= 0xE00 && c < 0xE80)
    return LANG_SCRIPT_THAI;
  if ((c >= 0x1100 && c < 0x1200) || (c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0)
      || (c >= 0xF900 && c < 0xFB00) || (c >= 0xFF66 && c < 0xFFDD) || (c >= 0x20000 && c < 0x30000))
    return LANG_SCRIPT_CJK;
  return LANG_SCRIPT_OTHER;
}

/* A letter's weight in choosing a text's main script. */
static inline gsize
lang_text_script_weight (LangScript script, gsize letters)
{
  return script == LANG_SCRIPT_CJK ? 3 * letters : letters;
}

G_END_DECLS

#endif
