/* pos-punct.c — Penn tags of punctuation from spacing (pos-punct.h). */
#include <string.h>
#include "pos-punct.h"

static gint
find_label (const PosModel *model, const char *xpos)
{
  for (guint i = 0; i < model->n_labels; i++)
    if (strcmp (model->upos[i], "PUNCT") == 0 && strcmp (model->xpos[i], xpos) == 0)
      return (gint) i;
  return -1;
}

void
pos_punct_init (PosPunct *punct, const PosModel *model)
{
  punct->open_quote = find_label (model, "``");
  punct->close_quote = find_label (model, "''");
  punct->hyph = find_label (model, "HYPH");
  punct->comma = find_label (model, ",");
  punct->period = find_label (model, ".");
  for (guint i = 0; i < POS_MAX_LABELS; i++)
    punct->is_punct[i] = i < model->n_labels && strcmp (model->upos[i], "PUNCT") == 0;
}

static gboolean
is_periods (const char *s, guint32 len)
{
  if (len < 2)
    return FALSE;
  for (guint32 i = 0; i < len; i++)
    if (s[i] != '.')
      return FALSE;
  return TRUE;
}

static inline void
set (guint8 *label, gint to)
{
  if (to >= 0)
    *label = (guint8) to;
}

void
pos_punct_fix (const PosPunct *punct, const char *const *text,
               const guint32 *len, const guint8 *space_after, guint n, guint8 *labels)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean before = i == 0 || space_after[i - 1];
      gboolean after = i + 1 == n || space_after[i];

      if (!punct->is_punct[labels[i]] || len[i] > 16)
        continue;
      if (len[i] == 1 && text[i][0] == '"')
        {
          if (!before)
            set (&labels[i], punct->close_quote);
          else if (!after)
            set (&labels[i], punct->open_quote);
        }
      else if (len[i] == 1 && text[i][0] == '-' && i > 0 && i + 1 < n)
        {
          if (!before && !after)
            set (&labels[i], punct->hyph);
          else if (before && after && (gint) labels[i] == punct->hyph)
            set (&labels[i], punct->comma);
        }
      else if (is_periods (text[i], len[i]))
        set (&labels[i], i + 1 == n ? punct->period : punct->comma);
    }
}
