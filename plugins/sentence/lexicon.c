/* lexicon.c — the splitter's word lists: abbreviations with their class,
 * and words that usually open a sentence.  Loaded once in model_new, then
 * only read (GHashTable look-ups are thread-safe without writers).
 */
#include <string.h>
#include "splitter-private.h"

static void
lexicon_init (SplitterLexicon *lex)
{
  lex->abbrevs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->abbrev_max = 0;
  lex->starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
lexicon_clear (SplitterLexicon *lex)
{
  g_hash_table_unref (lex->abbrevs);
  g_hash_table_unref (lex->starters);
}

static void
language_free (gpointer data)
{
  SplitterLanguage *l = data;

  lexicon_clear (&l->lexicon);
  g_free (l);
}

Splitter *
splitter_new (NewlinePolicy policy)
{
  Splitter *sp = g_new0 (Splitter, 1);

  lexicon_init (&sp->base);
  sp->languages = g_ptr_array_new_with_free_func (language_free);
  sp->newline = policy;
  return sp;
}

void
splitter_free (Splitter *sp)
{
  if (sp == NULL)
    return;
  lexicon_clear (&sp->base);
  g_ptr_array_unref (sp->languages);
  g_free (sp);
}

/* Calls @add for the first (and second) field of each non-comment line. */
static gboolean
read_word_file (SplitterLexicon *sp, const char *path,
                gboolean (*add) (SplitterLexicon *, const char *, const char *,
                                 const char *, guint, GError **),
                GError **error)
{
  char *contents = NULL;
  char **lines;
  gboolean ok = TRUE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ok && lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');
      const char *word[2] = { NULL, NULL };
      char **fields;
      guint n = 0;

      if (hash != NULL)
        *hash = '\0';
      /* g_strsplit_set leaves empty fields between repeated separators. */
      fields = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      for (guint j = 0; fields[j] != NULL && n < 2; j++)
        if (fields[j][0] != '\0')
          word[n++] = fields[j];
      if (n > 0)
        ok = add (sp, word[0], word[1], path, i + 1, error);
      g_strfreev (fields);
    }
  g_strfreev (lines);
  g_free (contents);
  return ok;
}

static gboolean
add_abbreviation (SplitterLexicon *sp, const char *word, const char *cls,
                  const char *path, guint line, GError **error)
{
  AbbrevClass c = ABBREV_GENERAL;
  gsize len = strlen (word);

  if (strcmp (word, "<number>") == 0 && (cls == NULL || strcmp (cls, "general") == 0))
    {
      sp->ordinals = TRUE;
      return TRUE;
    }
  if (word[len - 1] == '.')
    len--;
  if (len == 0 || len > SPLITTER_MAX_WORD)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s:%u: '%s' is not an abbreviation (1 to %d bytes, no spaces)",
                   path, line, word, SPLITTER_MAX_WORD);
      return FALSE;
    }
  if (cls == NULL || strcmp (cls, "general") == 0)
    c = ABBREV_GENERAL;
  else if (strcmp (cls, "title") == 0)
    c = ABBREV_TITLE;
  else if (strcmp (cls, "number") == 0)
    c = ABBREV_NUMBER;
  else
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s:%u: unknown class '%s' for '%s' (use title, number or general)",
                   path, line, cls, word);
      return FALSE;
    }
  g_hash_table_insert (sp->abbrevs, g_strndup (word, len), GINT_TO_POINTER (c));
  sp->abbrev_max = MAX (sp->abbrev_max, len);
  return TRUE;
}

static gboolean
add_starter (SplitterLexicon *sp, const char *word, const char *unused,
             const char *path, guint line, GError **error)
{
  if (strlen (word) > SPLITTER_MAX_WORD)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s:%u: '%s' is longer than %d bytes", path, line, word,
                   SPLITTER_MAX_WORD);
      return FALSE;
    }
  g_hash_table_add (sp->starters, g_strdup (word));
  return TRUE;
}

gboolean
splitter_load_abbreviations (Splitter *sp, const char *path, GError **error)
{
  return read_word_file (&sp->base, path, add_abbreviation, error);
}

gboolean
splitter_load_starters (Splitter *sp, const char *path, GError **error)
{
  return read_word_file (&sp->base, path, add_starter, error);
}

gboolean
splitter_load_language (Splitter *sp, const char *code, const char *abbreviations,
                        const char *starters, GError **error)
{
  SplitterLanguage *l = (SplitterLanguage *) splitter_language (sp, code);

  if (l == NULL)
    {
      l = g_new0 (SplitterLanguage, 1);
      g_strlcpy (l->code, code, sizeof l->code);
      lexicon_init (&l->lexicon);
      g_ptr_array_add (sp->languages, l);
    }
  return read_word_file (&l->lexicon, abbreviations, add_abbreviation, error)
         && (starters == NULL || read_word_file (&l->lexicon, starters, add_starter, error));
}

const SplitterLexicon *
splitter_language (const Splitter *sp, const char *code)
{
  for (guint i = 0; code != NULL && i < sp->languages->len; i++)
    {
      SplitterLanguage *l = g_ptr_array_index (sp->languages, i);
      if (strcmp (l->code, code) == 0)
        return &l->lexicon;
    }
  return NULL;
}

/* Entries in lower case match any case; others match themselves and their
 * ALL-CAPS form; in "D-Mass" the part after the last hyphen is looked up. */
static AbbrevClass
lexicon_abbrev_class (const SplitterLexicon *sp, const char *word, gsize len)
{
  char buf[SPLITTER_MAX_WORD + 1];
  gpointer value;
  gboolean all_upper = TRUE;

  for (gsize i = len; i > 0; i--)
    if (word[i - 1] == '-')
      {
        word += i;
        len -= i;
        break;
      }
  /* most words before a period are no abbreviation and longer than any:
   * "said." skips the three hash look-ups */
  if (len == 0 || len > SPLITTER_MAX_WORD || len > sp->abbrev_max)
    return ABBREV_NONE;
  memcpy (buf, word, len);
  buf[len] = '\0';
  if ((value = g_hash_table_lookup (sp->abbrevs, buf)) != NULL)
    return GPOINTER_TO_INT (value);
  for (gsize i = 0; i < len; i++)
    {
      all_upper &= !g_ascii_islower (buf[i]);
      buf[i] = g_ascii_tolower (buf[i]);
    }
  if ((value = g_hash_table_lookup (sp->abbrevs, buf)) != NULL)
    return GPOINTER_TO_INT (value);
  /* "CALIF" is "Calif"; but "MS" is not "Ms" (multiple sclerosis). */
  if (all_upper && len > 2)
    {
      buf[0] = g_ascii_toupper (buf[0]);
      if ((value = g_hash_table_lookup (sp->abbrevs, buf)) != NULL)
        return GPOINTER_TO_INT (value);
    }
  return ABBREV_NONE;
}

AbbrevClass
splitter_abbrev_class (const Splitter *sp, const SplitterLexicon *lang,
                       const char *word, gsize len)
{
  AbbrevClass c = lang != NULL ? lexicon_abbrev_class (lang, word, len) : ABBREV_NONE;

  return c != ABBREV_NONE ? c : lexicon_abbrev_class (&sp->base, word, len);
}

gboolean
splitter_is_starter (const Splitter *sp, const SplitterLexicon *lang,
                     const char *word, gsize len)
{
  char buf[SPLITTER_MAX_WORD + 1];

  if (len == 0 || len > SPLITTER_MAX_WORD)
    return FALSE;
  memcpy (buf, word, len);
  buf[len] = '\0';
  return g_hash_table_contains (sp->base.starters, buf)
         || (lang != NULL && g_hash_table_contains (lang->starters, buf));
}
