/* nlp-names.c — the names of the stage contract (nlp-names-private.h). */
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
