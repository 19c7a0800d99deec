/* vader-lexicon.c — loading the VADER data files into look-up tables. */
#include <string.h>
#include "nlp-error.h"
#include "vader-lexicon.h"

/* ---- an open-addressing string table -------------------------------- */

static guint32
hash_bytes (const char *s, gsize len)
{
  guint32 h = VADER_HASH_INIT;      /* FNV-1a: short keys, good spread */

  for (gsize i = 0; i < len; i++)
    h = VADER_HASH_STEP (h, s[i]);
  return h;
}

static void
table_init (VaderTable *table)
{
  table->entries = g_array_new (FALSE, TRUE, sizeof (VaderEntry));
  table->keys = g_string_new (NULL);
  table->mask = 255;
  table->slots = g_new0 (VaderSlot, table->mask + 1);
}

static void
table_clear (VaderTable *table)
{
  g_array_free (table->entries, TRUE);
  g_string_free (table->keys, TRUE);
  g_free (table->slots);
}

const VaderEntry *
vader_table_lookup (const VaderTable *table, const char *key, gsize len)
{
  return vader_table_lookup_hashed (table, key, len, hash_bytes (key, len));
}

const VaderEntry *
vader_table_lookup_hashed (const VaderTable *table, const char *key, gsize len,
                           guint32 h)
{
  for (guint32 i = h & table->mask;; i = (i + 1) & table->mask)
    {
      const VaderSlot *slot = &table->slots[i];
      const VaderEntry *e;

      if (slot->entry == 0)
        return NULL;
      if (slot->hash != h)
        continue;
      e = &g_array_index (table->entries, VaderEntry, slot->entry - 1);
      if (e->len == len && memcmp (table->keys->str + e->key, key, len) == 0)
        return e;
    }
}

static void
table_rehash (VaderTable *table)
{
  guint32 size = (table->mask + 1) * 2;

  g_free (table->slots);
  table->slots = g_new0 (VaderSlot, size);
  table->mask = size - 1;
  for (guint k = 0; k < table->entries->len; k++)
    {
      VaderEntry *e = &g_array_index (table->entries, VaderEntry, k);
      guint32 i = e->hash & table->mask;

      while (table->slots[i].entry != 0)
        i = (i + 1) & table->mask;
      table->slots[i] = (VaderSlot) { e->hash, k + 1 };
    }
}

/* The entry for @key, added (all fields zero) when missing. */
static VaderEntry *
table_get (VaderTable *table, const char *key, gsize len)
{
  const VaderEntry *found = vader_table_lookup (table, key, len);
  VaderEntry e = { 0 };
  guint32 i;

  if (found != NULL)
    return (VaderEntry *) found;
  if ((table->entries->len + 1) * 2 > table->mask)
    table_rehash (table);
  e.key = table->keys->len;
  e.len = len;
  e.hash = hash_bytes (key, len);
  g_string_append_len (table->keys, key, len);
  g_array_append_val (table->entries, e);
  for (i = e.hash & table->mask; table->slots[i].entry != 0; i = (i + 1) & table->mask)
    ;
  table->slots[i] = (VaderSlot) { e.hash, table->entries->len };
  return &g_array_index (table->entries, VaderEntry, table->entries->len - 1);
}

/* The entry of a multi-word key; its words are marked so that the scorer
 * only builds phrases that can match. */
static VaderEntry *
phrase_get (VaderLexicon *lex, const char *key)
{
  const char *w = key;

  while (*w != '\0')
    {
      gsize len = strcspn (w, " ");
      table_get (&lex->words, w, len)->flags |= VADER_IN_PHRASE;
      w += len;
      w += strspn (w, " ");
    }
  return table_get (&lex->phrases, key, strlen (key));
}

/* ---- the data files --------------------------------------------------- */

static gboolean
parse_number (const char *path, guint lineno, const char *key,
              const char *value, double *out, GError **error)
{
  char *end = NULL;

  if (value != NULL)
    *out = g_ascii_strtod (value, &end);
  if (value == NULL || end == value || *end != '\0')
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "sentiment: %s:%u: '%s' needs a number after a tab "
                   "(expected WORD<TAB>VALUE)", path, lineno, key);
      return FALSE;
    }
  return TRUE;
}

/* A line "KEY<TAB>NUMBER" of the lexicon (@flag VADER_IN_LEXICON), the
 * boosters or the idioms. */
static gboolean
add_valued_line (VaderLexicon *lex, const char *path, guint lineno,
                 char *key, char *value, guint flag, GError **error)
{
  double v;
  VaderEntry *e;

  if (!parse_number (path, lineno, key, value, &v, error))
    return FALSE;
  /* Idioms are only ever looked up as phrases (a one-word key never
   * matches, in the reference as here); so are multi-word boosters. */
  if (flag == VADER_IS_IDIOM || (flag == VADER_IS_BOOSTER && strchr (key, ' ')))
    e = phrase_get (lex, key);
  else
    e = table_get (&lex->words, key, strlen (key));
  e->flags |= flag;
  if (flag == VADER_IN_LEXICON)
    e->valence = v;                 /* a repeated key: the last line wins */
  else if (flag == VADER_IS_BOOSTER)
    e->booster = v;
  else
    e->idiom = v;
  return TRUE;
}

static gboolean
add_emoji_line (VaderLexicon *lex, const char *path, guint lineno,
                char *key, char *value, GError **error)
{
  gunichar c = g_utf8_get_char (key);

  if (value == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "sentiment: %s:%u: expected EMOJI<TAB>DESCRIPTION",
                   path, lineno);
      return FALSE;
    }
  /* The reference walks the text one code point at a time, so keys of
   * several code points (flags, skin tones, keycaps) can never match. */
  if (*g_utf8_next_char (key) != '\0')
    return TRUE;
  g_hash_table_insert (lex->emoji, GUINT_TO_POINTER (c), g_strdup (value));
  lex->emoji_min = MIN (lex->emoji_min, c);
  return TRUE;
}

/* Adds each non-empty line, whitespace-stripped as the reference reads it,
 * split at its first two tabs (value NULL when there is no tab), as @flag
 * says: VADER_IS_NEGATION for a word list, 0 for the emoji table. */
static gboolean
read_lines (VaderLexicon *lex, const char *path, guint flag, GError **error)
{
  char *contents, *line, *next;
  guint lineno = 0;
  gboolean ok = TRUE;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "sentiment: %s; check the stage's datadir and lexicon options",
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "sentiment: %s is not valid UTF-8; save it as UTF-8", path);
      g_free (contents);
      return FALSE;
    }
  for (line = contents; ok && line != NULL; line = next)
    {
      char *tab, *value = NULL;

      lineno++;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_strstrip (line);
      if (*line == '\0')
        continue;
      tab = strchr (line, '\t');
      if (tab != NULL)
        {
          *tab = '\0';
          value = tab + 1;
          tab = strchr (value, '\t');
          if (tab != NULL)
            *tab = '\0';
        }
      if (flag == 0)
        ok = add_emoji_line (lex, path, lineno, line, value, error);
      else if (flag == VADER_IS_NEGATION)
        table_get (&lex->words, line, strlen (line))->flags |= flag;
      else
        ok = add_valued_line (lex, path, lineno, line, value, flag, error);
    }
  g_free (contents);
  return ok;
}

static void
add_rule_words (VaderLexicon *lex)
{
  static const char *const words[] = {
    [VADER_W_NO] = "no", [VADER_W_BUT] = "but", [VADER_W_KIND] = "kind",
    [VADER_W_OF] = "of", [VADER_W_OR] = "or", [VADER_W_NOR] = "nor",
    [VADER_W_NEVER] = "never", [VADER_W_SO] = "so", [VADER_W_THIS] = "this",
    [VADER_W_WITHOUT] = "without", [VADER_W_DOUBT] = "doubt",
    [VADER_W_LEAST] = "least", [VADER_W_AT] = "at", [VADER_W_VERY] = "very",
  };

  for (guint w = VADER_W_NO; w < G_N_ELEMENTS (words); w++)
    table_get (&lex->words, words[w], strlen (words[w]))->word = w;
}

VaderLexicon *
vader_lexicon_load (const VaderPaths *paths, GError **error)
{
  VaderLexicon *lex = g_new0 (VaderLexicon, 1);

  table_init (&lex->words);
  table_init (&lex->phrases);
  lex->emoji = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  lex->emoji_min = G_MAXUINT32;
  add_rule_words (lex);
  if (!read_lines (lex, paths->lexicon, VADER_IN_LEXICON, error)
      || (paths->domain != NULL && *paths->domain != '\0'
          && !read_lines (lex, paths->domain, VADER_IN_LEXICON, error))
      || !read_lines (lex, paths->emoji, 0, error)
      || !read_lines (lex, paths->boosters, VADER_IS_BOOSTER, error)
      || !read_lines (lex, paths->negations, VADER_IS_NEGATION, error)
      || !read_lines (lex, paths->idioms, VADER_IS_IDIOM, error))
    {
      vader_lexicon_free (lex);
      return NULL;
    }
  for (guint k = 0; k < lex->words.entries->len; k++)
    if (g_array_index (lex->words.entries, VaderEntry, k).flags & VADER_IN_LEXICON)
      lex->n_lexicon++;
  return lex;
}

VaderLexicon *
vader_lexicon_load_dir (const char *dir, const char *domain, GError **error)
{
  char *files[5] = {
    g_build_filename (dir, "vader_lexicon.txt", NULL),
    g_build_filename (dir, "emoji_utf8_lexicon.txt", NULL),
    g_build_filename (dir, "boosters.tsv", NULL),
    g_build_filename (dir, "negations.txt", NULL),
    g_build_filename (dir, "special-cases.tsv", NULL),
  };
  VaderPaths paths = { files[0], files[1], files[2], files[3], files[4], domain };
  VaderLexicon *lex = vader_lexicon_load (&paths, error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_free (files[i]);
  return lex;
}

void
vader_lexicon_free (VaderLexicon *lex)
{
  if (lex == NULL)
    return;
  table_clear (&lex->words);
  table_clear (&lex->phrases);
  g_hash_table_unref (lex->emoji);
  g_free (lex);
}

guint
vader_lexicon_get_size (const VaderLexicon *lex)
{
  return lex->n_lexicon;
}
