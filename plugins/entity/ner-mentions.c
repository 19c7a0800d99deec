/* ner-mentions.c — building, merging and naming mentions. */
#include <string.h>
#include "ner-mentions.h"
#include "ner-hash.h"
#include "nlp-error.h"

const char *const ner_source_names[] = { "model", "rule", "user" };

void
ner_mentions_from_labels (const NerModel *model, const guint8 *labels, guint n,
                          GArray *mentions)
{
  for (guint i = 0; i < n;)
    {
      guint l = labels[i], j;
      if (l == 0)
        {
          i++;
          continue;
        }
      /* B-T or a stray I-T both open a chunk of T (Viterbi forbids the
       * latter, but a hand-made label array may have it) */
      for (j = i + 1; j < n && labels[j] == ((l - 1) | 1) + 1; j++)
        ;
      NerMention m = { i, j, model->types[(l - 1) / 2], NER_SOURCE_MODEL, 0, -1.0f };
      g_array_append_val (mentions, m);
      i = j;
    }
}

static gint
by_start (gconstpointer a, gconstpointer b)
{
  const NerMention *x = a, *y = b;
  return x->start != y->start ? (x->start < y->start ? -1 : 1)
                              : (x->end < y->end ? -1 : x->end > y->end);
}

/* Both lists are sorted and free of overlaps, so one sweep decides every
 * rule: linear, whatever the number of mentions. */
void
ner_mentions_merge (GArray *mentions, const GArray *rules)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (NerMention),
                                   mentions->len + rules->len);
  const NerMention *m = (const NerMention *) mentions->data;
  guint n = mentions->len, k = 0;

  for (guint r = 0; r < rules->len; r++)
    {
      const NerMention *rule = &g_array_index (rules, NerMention, r);
      gboolean covers = TRUE;
      guint j;

      while (k < n && m[k].end <= rule->start)
        g_array_append_val (out, m[k++]);
      for (j = k; j < n && m[j].start < rule->end; j++)
        if (m[j].start < rule->start || m[j].end > rule->end)
          covers = FALSE;
      if (covers)
        {
          g_array_append_val (out, *rule);
          k = j;
        }
    }
  while (k < n)
    g_array_append_val (out, m[k++]);
  g_array_set_size (mentions, 0);
  g_array_append_vals (mentions, out->data, out->len);
  g_array_free (out, TRUE);
}

void
ner_mentions_force (GArray *mentions, const GArray *forced)
{
  const NerMention *f = (const NerMention *) forced->data;
  guint nf = forced->len, w = 0, j = 0, reach = 0;
  NerMention *m = (NerMention *) mentions->data;

  if (nf == 0)
    return;
  /* A mention survives when no forced span overlaps it (forced spans are
   * sorted by start: sweep them with the furthest end seen so far). */
  for (guint k = 0; k < mentions->len; k++)
    {
      gboolean hit = FALSE;
      while (j < nf && f[j].start < m[k].end)
        {
          reach = MAX (reach, f[j].end);
          j++;
        }
      /* spans started before m ends; one overlaps iff the furthest end
       * among them passes m's start (all starts < m.end) */
      hit = j > 0 && reach > m[k].start;
      if (!hit)
        m[w++] = m[k];
    }
  g_array_set_size (mentions, w);
  /* A forced span is undone by a later one overlapping it: with starts in
   * order, only the next one can start before it ends. */
  for (guint a = 0; a < nf; a++)
    if (f[a].label != NULL && (a + 1 == nf || f[a + 1].start >= f[a].end))
      g_array_append_val (mentions, f[a]);
  g_array_sort (mentions, by_start);
}

static gboolean
same_token (const NerDoc *doc, guint a, guint b)
{
  return doc->len[a] == doc->len[b] && memcmp (doc->text[a], doc->text[b], doc->len[a]) == 0;
}

/* Whether the words of @small appear as a run inside @big. */
static gboolean
contained (const NerDoc *doc, const NerMention *small, const NerMention *big)
{
  guint ns = small->end - small->start, nb = big->end - big->start;
  for (guint off = 0; off + ns <= nb; off++)
    {
      guint k = 0;
      while (k < ns && same_token (doc, small->start + k, big->start + off + k))
        k++;
      if (k == ns)
        return TRUE;
    }
  return FALSE;
}

/* Runs longer than this are not indexed: such a mention names itself, and
 * a hostile document of very long mentions stays linear. */
#define CANON_MAX_RUN 8

void
ner_mentions_canonical (GArray *mentions, const NerDoc *doc,
                        gboolean (*is_rule) (const char *label))
{
  /* key: hash of the label and a run of words -> the longest (then
   * earliest) mention holding that run.  Every mention indexes its runs of
   * up to CANON_MAX_RUN words, then looks up its own words: linear in the
   * number of tokens in mentions, not quadratic in mentions. */
  GHashTable *best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  NerMention *ms = (NerMention *) mentions->data;
  guint n = mentions->len;

  for (guint k = 0; k < n; k++)
    {
      const NerMention *o = &ms[k];
      guint len = o->end - o->start;
      guint64 lh;
      if (is_rule != NULL && is_rule (o->label))
        continue;
      lh = ner_hash_bytes (o->label, strlen (o->label));
      for (guint a = o->start; a < o->end; a++)
        {
          guint64 h = lh;
          for (guint b = a; b < o->end && b - a < CANON_MAX_RUN; b++)
            {
              gpointer old;
              h = ner_hash_pair (h, ner_hash_bytes (doc->text[b], doc->len[b]));
              if (g_hash_table_lookup_extended (best, &h, NULL, &old))
                {
                  const NerMention *p = &ms[GPOINTER_TO_UINT (old)];
                  if (p->end - p->start >= len)
                    continue;
                }
              g_hash_table_insert (best, g_memdup2 (&h, sizeof h), GUINT_TO_POINTER (k));
            }
        }
    }
  for (guint i = 0; i < n; i++)
    {
      NerMention *m = &ms[i];
      guint64 h;
      gpointer found;
      m->canonical = i;
      if ((is_rule != NULL && is_rule (m->label)) || m->end - m->start > CANON_MAX_RUN)
        continue;
      h = ner_hash_bytes (m->label, strlen (m->label));
      for (guint b = m->start; b < m->end; b++)
        h = ner_hash_pair (h, ner_hash_bytes (doc->text[b], doc->len[b]));
      if (g_hash_table_lookup_extended (best, &h, NULL, &found))
        {
          const NerMention *o = &ms[GPOINTER_TO_UINT (found)];
          /* a longer mention of the same label holding these words (the
           * check also guards against a hash collision) */
          if (o->end - o->start > m->end - m->start && strcmp (o->label, m->label) == 0
              && contained (doc, m, o))
            m->canonical = GPOINTER_TO_UINT (found);
        }
    }
  g_hash_table_destroy (best);
}

/* ---- overrides ---------------------------------------------------------- */

typedef struct {
  char       *phrase;
  const char *label;          /* NULL: remove */
} Override;

struct _NerOverrides {
  GStringChunk *strings;
  GHashTable   *by_key;       /* first word -> GPtrArray of Override* */
  GPtrArray    *all;
};

static void
free_override (gpointer p)
{
  g_free (p);
}

/* The key of a phrase or of the text at a token: its leading run of
 * letters and digits (or its first byte when it starts with neither). */
static gsize
key_len (const char *s, gsize max)
{
  gsize n = 0;
  while (n < max && ((guchar) s[n] >= 0x80 || g_ascii_isalnum (s[n])))
    n++;
  return n > 0 ? n : MIN (max, 1);
}

NerOverrides *
ner_overrides_load (const char *path, GError **error)
{
  NerOverrides *ov;
  char *data, *line, *next;
  guint lineno = 0;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, NULL, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "entity: cannot read overrides %s: %s", path, local->message);
      g_error_free (local);
      return NULL;
    }
  ov = g_new0 (NerOverrides, 1);
  ov->strings = g_string_chunk_new (4096);
  ov->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  ov->all = g_ptr_array_new_with_free_func (free_override);
  for (line = data; line != NULL && *line != '\0'; line = next)
    {
      char *tab, *label;
      Override *o;
      GPtrArray *list;
      char *key;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      lineno++;
      g_strchomp (line);
      if (*line == '\0' || *line == '#')
        continue;
      tab = strchr (line, '\t');
      label = tab != NULL ? g_strstrip (tab + 1) : NULL;
      if (tab != NULL)
        *tab = '\0';
      g_strstrip (line);
      if (label == NULL || *label == '\0' || *line == '\0' || strchr (label, '\t') != NULL
          || !g_utf8_validate (line, -1, NULL))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                       "entity: overrides %s:%u: expected 'PHRASE<TAB>LABEL' "
                       "(LABEL such as PER, ORG, or O to remove)", path, lineno);
          g_free (data);
          ner_overrides_free (ov);
          return NULL;
        }
      o = g_new0 (Override, 1);
      o->phrase = g_string_chunk_insert (ov->strings, line);
      o->label = strcmp (label, "O") == 0 ? NULL
                 : g_string_chunk_insert_const (ov->strings, label);
      g_ptr_array_add (ov->all, o);
      key = g_string_chunk_insert_len (ov->strings, line, key_len (line, strlen (line)));
      list = g_hash_table_lookup (ov->by_key, key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (ov->by_key, key, list);
        }
      g_ptr_array_add (list, o);
    }
  g_free (data);
  return ov;
}

void
ner_overrides_free (NerOverrides *ov)
{
  if (ov == NULL)
    return;
  g_hash_table_unref (ov->by_key);
  g_ptr_array_unref (ov->all);
  g_string_chunk_free (ov->strings);
  g_free (ov);
}

guint
ner_overrides_size (const NerOverrides *ov)
{
  return ov->all->len;
}

/* Length of the text at @t matching @phrase, a space in the phrase
 * matching any run of white space; 0 when it does not match. */
static gsize
match_at (const char *t, const char *phrase)
{
  const char *p = phrase, *s = t;
  while (*p != '\0')
    {
      if (*p == ' ')
        {
          if (!g_ascii_isspace (*s))
            return 0;
          while (g_ascii_isspace (*s))
            s++;
          while (*p == ' ')
            p++;
          continue;
        }
      if (*s != *p)
        return 0;
      s++;
      p++;
    }
  return (gsize) (s - t);
}

void
ner_overrides_apply (const NerOverrides *ov, const char *text, const guint *starts,
                     const guint *ends, guint n, GArray *mentions)
{
  char key[64];
  GArray *forced = g_array_new (FALSE, FALSE, sizeof (NerMention));

  for (guint i = 0; i < n; i++)
    {
      gsize kl = key_len (text + starts[i], ends[i] - starts[i]);
      GPtrArray *list;
      if (kl >= sizeof key)
        continue;
      memcpy (key, text + starts[i], kl);
      key[kl] = '\0';
      list = g_hash_table_lookup (ov->by_key, key);
      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          const Override *o = g_ptr_array_index (list, k);
          gsize len = match_at (text + starts[i], o->phrase);
          guint end = starts[i] + (guint) len, j = i;
          if (len == 0)
            continue;
          while (j < n && ends[j] < end)
            j++;
          if (j < n && ends[j] == end)
            {
              NerMention f = { i, j + 1, o->label, NER_SOURCE_USER, 0, -1.0f };
              g_array_append_val (forced, f);
            }
        }
    }
  ner_mentions_force (mentions, forced);
  g_array_free (forced, TRUE);
}
