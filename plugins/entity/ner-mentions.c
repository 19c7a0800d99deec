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
      NerMention m = { i, j, model->types[(l - 1) / 2], NER_SOURCE_MODEL, 0 };
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

void
ner_mentions_merge (GArray *mentions, const GArray *rules)
{
  for (guint r = 0; r < rules->len; r++)
    {
      const NerMention *rule = &g_array_index (rules, NerMention, r);
      gboolean covers = TRUE;
      for (guint k = 0; k < mentions->len; k++)
        {
          const NerMention *m = &g_array_index (mentions, NerMention, k);
          if (m->start < rule->end && rule->start < m->end
              && (m->start < rule->start || m->end > rule->end))
            covers = FALSE;
        }
      if (covers)
        ner_mentions_force (mentions, rule->start, rule->end, rule->label, rule->source);
    }
}

void
ner_mentions_force (GArray *mentions, guint start, guint end, const char *label,
                    NerSource source)
{
  for (guint k = mentions->len; k-- > 0;)
    {
      const NerMention *m = &g_array_index (mentions, NerMention, k);
      if (m->start < end && start < m->end)
        g_array_remove_index (mentions, k);
    }
  if (label != NULL)
    {
      NerMention m = { start, end, label, source, 0 };
      g_array_append_val (mentions, m);
      g_array_sort (mentions, by_start);
    }
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

void
ner_mentions_canonical (GArray *mentions, const NerDoc *doc,
                        gboolean (*is_rule) (const char *label))
{
  for (guint i = 0; i < mentions->len; i++)
    {
      NerMention *m = &g_array_index (mentions, NerMention, i);
      guint best = i;
      m->canonical = i;
      if (is_rule != NULL && is_rule (m->label))
        continue;
      for (guint k = 0; k < mentions->len; k++)
        {
          const NerMention *o = &g_array_index (mentions, NerMention, k);
          const NerMention *b = &g_array_index (mentions, NerMention, best);
          if (strcmp (o->label, m->label) != 0
              || o->end - o->start <= b->end - b->start)
            continue;
          if (contained (doc, m, o))
            best = k;
        }
      /* the fullest mention names itself: follow it once */
      m->canonical = best;
    }
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
            ner_mentions_force (mentions, i, j + 1, o->label, NER_SOURCE_USER);
        }
    }
}
