/* nlp-names.c — the names of the stage contract (nlp-names-private.h). */
#include <string.h>
#include "nlp-names-private.h"

gboolean
nlp__valid_stage_name (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

gboolean
nlp__split_name (const char *name, NlpNameKind *kind, char **first, char **second)
{
  char **parts;
  guint n;
  gboolean ok;

  *first = *second = NULL;
  if (name == NULL)
    return FALSE;
  parts = g_strsplit (name, ".", 3);
  n = g_strv_length (parts);
  ok = n >= 1 && n <= 2;
  for (guint i = 0; ok && i < n; i++)
    ok = nlp__valid_stage_name (parts[i]);
  /* "doc" names the document: it is no layer of its own */
  if (ok && strcmp (parts[0], "doc") == 0)
    {
      ok = n == 2;
      if (ok)
        {
          *kind = NLP_NAME_ATTR;
          *first = g_strdup (parts[1]);
        }
    }
  else if (ok)
    {
      *kind = n == 1 ? NLP_NAME_LAYER : NLP_NAME_COLUMN;
      *first = g_strdup (parts[0]);
      *second = n == 2 ? g_strdup (parts[1]) : NULL;
    }
  g_strfreev (parts);
  return ok;
}

char *
nlp__alias_part (const char *part, const char *stage, const char *alias)
{
  gsize n = strlen (stage);

  if (strcmp (stage, alias) == 0)
    return g_strdup (part);
  if (strcmp (part, stage) == 0)
    return g_strdup (alias);
  if (strncmp (part, stage, n) == 0 && part[n] == '_')
    return g_strconcat (alias, part + n, NULL);
  return g_strconcat (alias, "_", part, NULL);
}
