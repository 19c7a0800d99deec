/* pos-lexicon.c — loading and looking up word classes (pos-lexicon.h). */
#include <string.h>
#include "pos-lexicon.h"
#include "pos-hash.h"
#include "nlp-error.h"

static const char letters[] = "npvzdgacsrlk";

struct _PosLexicon {
  guint64 *keys;               /* 0 = empty */
  guint16 *classes;
  guint    bits, n;
};

static guint
slot_of (const PosLexicon *lex, guint64 key)
{
  guint mask = (1u << lex->bits) - 1, i = (guint) (key >> (64 - lex->bits));

  while (lex->keys[i] != 0 && lex->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

PosLexicon *
pos_lexicon_load (const char *path, GError **error)
{
  char *data, *line, *next;
  gsize size;
  guint lines = 0, line_no = 0;
  PosLexicon *lex;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, &size, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "pos: cannot read lexicon %s: %s",
                   path, local->message);
      g_error_free (local);
      return NULL;
    }
  for (gsize i = 0; i < size; i++)
    lines += data[i] == '\n';
  lex = g_new0 (PosLexicon, 1);
  lex->bits = 10;
  /* at most about two thirds full */
  while ((1u << lex->bits) < lines + lines / 4 + 1)
    lex->bits++;
  lex->keys = g_new0 (guint64, 1u << lex->bits);
  lex->classes = g_new0 (guint16, 1u << lex->bits);
  for (line = data; line < data + size; line = next)
    {
      char *nl = memchr (line, '\n', data + size - line), *tab;
      guint bits = 0, s;
      guint64 key;

      next = nl ? nl + 1 : data + size;
      if (nl)
        *nl = '\0';
      line_no++;
      if (*line == '#' || *line == '\0')
        continue;
      tab = strchr (line, '\t');
      for (const char *c = tab ? tab + 1 : ""; *c; c++)
        {
          const char *at = strchr (letters, *c);
          if (at == NULL)
            {
              tab = NULL;
              break;
            }
          bits |= 1u << (at - letters);
        }
      if (tab == NULL || tab == line || bits == 0)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                       "pos: lexicon %s line %u: expected WORD<TAB>CLASSES (letters of %s)",
                       path, line_no, letters);
          g_free (data);
          pos_lexicon_free (lex);
          return NULL;
        }
      key = pos_hash_bytes (line, tab - line) | 1;
      s = slot_of (lex, key);
      if (lex->keys[s] == 0)
        lex->n++;
      lex->keys[s] = key;
      lex->classes[s] |= (guint16) bits;
    }
  g_free (data);
  return lex;
}

void
pos_lexicon_free (PosLexicon *lex)
{
  if (lex == NULL)
    return;
  g_free (lex->keys);
  g_free (lex->classes);
  g_free (lex);
}

guint
pos_lexicon_classes (const PosLexicon *lex, guint64 lower)
{
  guint s;

  if (lex == NULL)
    return 0;
  s = slot_of (lex, lower | 1);
  return lex->keys[s] != 0 ? lex->classes[s] : 0;
}

guint
pos_lexicon_size (const PosLexicon *lex)
{
  return lex ? lex->n : 0;
}
