/* ner-dateline.c — the place of a news dateline is LOC (ner-dateline.h). */
#include <string.h>
#include "ner-dateline.h"
#include "ner-text.h"

typedef struct {
  const NerToks *toks;
  const NerDoc  *doc;
  guint s1;                   /* end of the sentence */
} Line;

static gboolean
is_text (const Line *l, guint i, const char *s)
{
  gsize n = strlen (s);
  return i < l->s1 && l->doc->len[i] == n && memcmp (l->doc->text[i], s, n) == 0;
}

static gboolean
caps_word (const Line *l, guint i)
{
  guint16 f = i < l->s1 ? l->toks->flags[i] : 0;
  return (f & NER_TF_LETTER) && (f & NER_TF_ALLCAP) && !(f & NER_TF_DIGIT);
}

static gboolean
cap_word (const Line *l, guint i)
{
  guint16 f = i < l->s1 ? l->toks->flags[i] : 0;
  return (f & NER_TF_LETTER) && (f & (NER_TF_ALLCAP | NER_TF_INITCAP)) && !(f & NER_TF_DIGIT);
}

/* "—", "–", "-", "--" */
static gboolean
is_dash (const Line *l, guint i)
{
  return is_text (l, i, "-") || is_text (l, i, "--") || is_text (l, i, "\xe2\x80\x94")
         || is_text (l, i, "\xe2\x80\x93");
}

/* "(AP)", "(Reuters)": a bracketed capitalised word */
static gboolean
is_agency (const Line *l, guint i)
{
  return is_text (l, i, "(") && cap_word (l, i + 1) && is_text (l, i + 2, ")");
}

static const char *const month_words[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL
};

/* A date right after the place: a token with digits ("1996-12-06", "16")
 * or a month or day name ("Aug", "Monday"). */
static gboolean
is_date (const Line *l, guint i)
{
  char low[4];
  if (i >= l->s1)
    return FALSE;
  if (l->toks->flags[i] & NER_TF_DIGIT)
    return TRUE;
  if (l->doc->len[i] < 3 || !cap_word (l, i))
    return FALSE;
  for (guint k = 0; k < 3; k++)
    low[k] = g_ascii_tolower (l->doc->text[i][k]);
  low[3] = '\0';
  for (guint k = 0; month_words[k] != NULL; k++)
    if (strcmp (low, month_words[k]) == 0)
      return TRUE;
  /* "Monday" ... "Sunday" */
  return l->doc->len[i] > 5
         && g_ascii_strncasecmp (l->doc->text[i] + l->doc->len[i] - 3, "day", 3) == 0;
}

/* Whether the words [a, b) are one place of the word lists. */
static gboolean
listed_place (const Line *l, guint a, guint b)
{
  const guint16 loc = 1u << NER_GAZ_LOC;
  if (!(l->toks->gaz_b[a] & loc))
    return FALSE;
  for (guint k = a + 1; k < b; k++)
    if (!(l->toks->gaz_i[k] & loc))
      return FALSE;
  return b >= l->s1 || !(l->toks->gaz_i[b] & loc);
}

void
ner_dateline_mark (const NerModel *model, NerWork *work, const NerDoc *doc, guint8 *labels)
{
  const NerToks *toks = &work->toks;
  int loc = ner_model_find_type (model, "LOC");

  if (loc < 0)
    return;
  for (guint s = 0; s < doc->n_sents; s++)
    {
      Line l = { toks, doc, doc->sent[s + 1] };
      guint a = doc->sent[s], b = a, r0 = 0, r1 = 0, k;
      gboolean ok = FALSE;

      /* the capitals: "NEW YORK", "WINSTON - SALEM" */
      while (b < l.s1 && b - a < 4 && caps_word (&l, b))
        b += (is_text (&l, b + 1, "-") && caps_word (&l, b + 2)) ? 3 : 1;
      if (b == a || b - a > 5)
        continue;
      k = b;
      if (is_text (&l, k, ","))
        {
          /* ", Aug 16", or a region: ", Calif. (Reuters)" */
          if (is_date (&l, k + 1))
            ok = TRUE;
          else
            {
              r0 = k + 1;
              r1 = r0;
              while (r1 < l.s1 && r1 - r0 < 3 && cap_word (&l, r1))
                r1++;
              if (is_text (&l, r1, "."))
                r1++;
              ok = r1 > r0 && (is_agency (&l, r1) || is_dash (&l, r1)
                               || (is_text (&l, r1, ",") && is_date (&l, r1 + 1)));
              if (!ok)
                r0 = r1 = 0;
            }
        }
      else if (is_agency (&l, k))
        ok = TRUE;
      else if (is_date (&l, k) && (toks->flags[k] & NER_TF_DIGIT)
               && (doc->len[k] >= 6 || listed_place (&l, a, b)))
        ok = TRUE;              /* "NEW YORK 1996-12-06" (not "ARSENAL 2") */
      else if (is_dash (&l, k) && listed_place (&l, a, b))
        ok = TRUE;
      if (!ok)
        continue;
      ner_work_force (work, model, labels, a, b, 2 * (guint) loc + 1);
      if (r1 > r0)
        ner_work_force (work, model, labels, r0, r1, 2 * (guint) loc + 1);
    }
}
