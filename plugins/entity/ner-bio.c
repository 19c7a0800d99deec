/* ner-bio.c — reading BIO files and scoring with conlleval semantics. */
#include <stdio.h>
#include <string.h>
#include "ner-bio.h"
#include "nlp-error.h"

NerCorpus *
ner_corpus_new (void)
{
  NerCorpus *c = g_new0 (NerCorpus, 1);
  guint zero = 0;

  c->strings = g_string_chunk_new (1 << 20);
  c->text = g_ptr_array_new ();
  c->len = g_array_new (FALSE, FALSE, sizeof (guint32));
  c->tag = g_ptr_array_new ();
  c->sent = g_array_new (FALSE, FALSE, sizeof (guint));
  c->doc = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (c->sent, zero);
  g_array_append_val (c->doc, zero);
  return c;
}

void
ner_corpus_free (NerCorpus *c)
{
  if (c == NULL)
    return;
  g_string_chunk_free (c->strings);
  g_ptr_array_free (c->text, TRUE);
  g_array_free (c->len, TRUE);
  g_ptr_array_free (c->tag, TRUE);
  g_array_free (c->sent, TRUE);
  g_array_free (c->doc, TRUE);
  g_free (c);
}

guint
ner_corpus_n_docs (const NerCorpus *c)
{
  return c->doc->len - 1;
}

guint
ner_corpus_n_sents (const NerCorpus *c)
{
  return c->sent->len - 1;
}

guint
ner_corpus_n_tokens (const NerCorpus *c)
{
  return c->text->len;
}

/* sent holds the first token of every sentence and, last, the end of the
 * closed ones (n_tokens once a file is read); doc holds the first sentence
 * of every document and, last, the end of the closed ones.  A sentence
 * or document is closed by appending its end, which is also where the
 * next one starts: the open one never overwrites an entry. */
static void
end_sentence (NerCorpus *c)
{
  guint end = c->text->len;
  if (g_array_index (c->sent, guint, c->sent->len - 1) == end)
    return;
  g_array_append_val (c->sent, end);
}

static void
end_document (NerCorpus *c)
{
  guint n_sents = c->sent->len - 1;
  if (g_array_index (c->doc, guint, c->doc->len - 1) == n_sents)
    return;
  g_array_append_val (c->doc, n_sents);
}

gboolean
ner_corpus_add_file (NerCorpus *c, const char *path, guint doc_sentences,
                     GError **error)
{
  char *data;
  char *line, *next;
  guint lineno = 0, doc_first;
  gint tag_col = -1;            /* -1: the last column (plain BIO files) */
  gint token_col = 0;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, NULL, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "cannot read %s: %s", path,
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  if (!g_utf8_validate (data, -1, NULL))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING, "%s: not valid UTF-8", path);
      g_free (data);
      return FALSE;
    }
  end_document (c);
  doc_first = c->sent->len - 1;
  for (line = data; line != NULL && *line != '\0'; line = next)
    {
      char *tab, *end;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      lineno++;
      end = line + strlen (line);
      while (end > line && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
      if (*line == '\0')
        {
          end_sentence (c);
          if (doc_sentences > 0 && c->sent->len - 1 - doc_first >= doc_sentences)
            {
              end_document (c);
              doc_first = c->sent->len - 1;
            }
          continue;
        }
      /* nlpipe's own TSV output (-f tsv): "# doc = ID" starts a document
       * and "# columns = token ... entity" says where the tags are */
      if (g_str_has_prefix (line, "-DOCSTART-") || g_str_has_prefix (line, "# doc = "))
        {
          end_sentence (c);
          end_document (c);
          doc_first = c->sent->len - 1;
          continue;
        }
      if (g_str_has_prefix (line, "# columns = "))
        {
          char **names = g_strsplit (line + strlen ("# columns = "), " ", -1);
          tag_col = token_col = -1;
          for (guint i = 0; names[i]; i++)
            {
              if (strcmp (names[i], "entity") == 0)
                tag_col = (gint) i;
              else if (strcmp (names[i], "token") == 0)
                token_col = (gint) i;
            }
          g_strfreev (names);
          if (tag_col < 0 || token_col < 0)
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                           "%s:%u: the TSV needs a token and an entity column; write "
                           "it with nlpipe -f tsv --columns token,entity", path, lineno);
              g_free (data);
              return FALSE;
            }
          continue;
        }
      if (tag_col >= 0)
        {
          /* select the entity column, then read the line as TOKEN TAB TAG */
          char **fields = g_strsplit (line, "\t", -1);
          if ((gint) g_strv_length (fields) <= MAX (tag_col, token_col))
            {
              g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                           "%s:%u: expected %d tab-separated columns, got '%s'",
                           path, lineno, MAX (tag_col, token_col) + 1, line);
              g_strfreev (fields);
              g_free (data);
              return FALSE;
            }
          /* both fields come from this line: the result fits in it */
          g_snprintf (line, (gsize) (end - line) + 1, "%s\t%s",
                      fields[token_col], fields[tag_col]);
          g_strfreev (fields);
        }
      tab = strrchr (line, '\t');
      if (tab == NULL)
        tab = strrchr (line, ' ');
      if (tab == NULL || tab == line)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                       "%s:%u: expected 'TOKEN<TAB>TAG', got '%s'", path, lineno, line);
          g_free (data);
          return FALSE;
        }
      *tab = '\0';
      /* the token is the first column */
      {
        char *sep = strpbrk (line, "\t ");
        if (sep != NULL)
          *sep = '\0';
      }
      {
        guint32 len = (guint32) strlen (line);
        const char *tag = g_string_chunk_insert_const (c->strings, tab + 1);
        if (strcmp (tag, "O") != 0 && !(strlen (tag) > 2 && tag[1] == '-'
                                         && strchr ("BIES", tag[0])))
          {
            g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                         "%s:%u: tag '%s' is neither O nor B-/I-/E-/S-TYPE", path,
                         lineno, tag);
            g_free (data);
            return FALSE;
          }
        g_ptr_array_add (c->text, g_string_chunk_insert_len (c->strings, line, len));
        g_array_append_val (c->len, len);
        g_ptr_array_add (c->tag, (gpointer) tag);
      }
    }
  end_sentence (c);
  end_document (c);
  g_free (data);
  return TRUE;
}

void
ner_corpus_doc (const NerCorpus *c, guint d, NerDoc *out, GArray *sent_buf)
{
  guint s0 = g_array_index (c->doc, guint, d), s1 = g_array_index (c->doc, guint, d + 1);
  guint t0 = g_array_index (c->sent, guint, s0);

  g_array_set_size (sent_buf, 0);
  for (guint s = s0; s <= s1; s++)
    {
      guint off = g_array_index (c->sent, guint, s) - t0;
      g_array_append_val (sent_buf, off);
    }
  out->text = (const char *const *) c->text->pdata + t0;
  out->len = &g_array_index (c->len, guint32, t0);
  out->n_tokens = g_array_index (c->sent, guint, s1) - t0;
  out->sent = (const guint *) sent_buf->data;
  out->n_sents = s1 - s0;
}

guint
ner_corpus_doc_start (const NerCorpus *c, guint d)
{
  return g_array_index (c->sent, guint, g_array_index (c->doc, guint, d));
}

guint8 *
ner_corpus_labels (const NerCorpus *c, const NerModel *model)
{
  guint8 *labels = g_new0 (guint8, c->text->len + 1);

  for (guint s = 0; s + 1 < c->sent->len; s++)
    {
      guint t0 = g_array_index (c->sent, guint, s), t1 = g_array_index (c->sent, guint, s + 1);
      int prev_type = -1;
      for (guint i = t0; i < t1; i++)
        {
          const char *tag = g_ptr_array_index (c->tag, i);
          int type = tag[0] == 'O' ? -1 : ner_model_find_type (model, tag + 2);
          if (type < 0)
            labels[i] = 0;
          else if ((tag[0] == 'I' || tag[0] == 'E') && prev_type == type)
            labels[i] = (guint8) (2 * type + 2);
          else
            labels[i] = (guint8) (2 * type + 1);
          prev_type = (tag[0] == 'E' || tag[0] == 'S') ? -1 : type;
        }
    }
  return labels;
}

static gint
by_count (gconstpointer a, gconstpointer b, gpointer counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **) a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **) b));
  return ca == cb ? strcmp (*(char **) a, *(char **) b) : (ca > cb ? -1 : 1);
}

char **
ner_corpus_types (const NerCorpus *c)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *types = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;

  for (guint i = 0; i < c->tag->len; i++)
    {
      const char *tag = g_ptr_array_index (c->tag, i);
      if (tag[0] == 'O' || (tag[0] != 'B' && tag[0] != 'S'))
        continue;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag + 2));
      g_hash_table_replace (counts, g_strdup (tag + 2), GUINT_TO_POINTER (n + 1));
    }
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (types, g_strdup (key));
  g_ptr_array_sort_with_data (types, by_count, counts);
  g_ptr_array_add (types, NULL);
  g_hash_table_unref (counts);
  return (char **) g_ptr_array_free (types, FALSE);
}

/* ---- scoring ------------------------------------------------------------ */

typedef struct {
  guint correct, gold, pred;
} Counts;

struct _NerScore {
  GHashTable *types;      /* type -> Counts, or NULL key filter */
  char      **filter;
  GPtrArray  *order;      /* type names in first-seen order */
};

NerScore *
ner_score_new (const char *const *types)
{
  NerScore *s = g_new0 (NerScore, 1);
  s->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->filter = types != NULL ? g_strdupv ((char **) types) : NULL;
  s->order = g_ptr_array_new ();
  if (types != NULL)
    for (guint t = 0; types[t] != NULL; t++)
      {
        char *name = g_strdup (types[t]);
        g_hash_table_insert (s->types, name, g_new0 (Counts, 1));
        g_ptr_array_add (s->order, name);
      }
  return s;
}

void
ner_score_free (NerScore *s)
{
  if (s == NULL)
    return;
  g_hash_table_unref (s->types);
  g_ptr_array_free (s->order, TRUE);
  g_strfreev (s->filter);
  g_free (s);
}

typedef struct {
  guint start, end;       /* token range [start, end) */
  const char *type;
} Chunk;

static gboolean
same_type (const char *a, const char *b)
{
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

/* conlleval chunking: a chunk starts at B-/S-, or at I-/E- after a tag of
 * another type or after E-/S-/O; it ends before O, B-, S-, a type change,
 * and after E-/S-. */
static GArray *
chunks (const char *const *tags, guint n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Chunk));
  Chunk cur = { 0, 0, NULL };
  char prev_kind = 'O';
  const char *prev_type = NULL;

  for (guint i = 0; i <= n; i++)
    {
      const char *tag = i < n ? tags[i] : "O";
      char kind = (strlen (tag) > 2 && tag[1] == '-') ? tag[0] : 'O';
      const char *type = kind == 'O' ? NULL : tag + 2;
      gboolean starts = kind == 'B' || kind == 'S'
                        || ((kind == 'I' || kind == 'E')
                            && (!same_type (type, prev_type) || prev_kind == 'E'
                                || prev_kind == 'S' || prev_kind == 'O'));
      gboolean ends_prev = cur.type != NULL
                           && (kind == 'O' || starts || !same_type (type, cur.type));

      if (ends_prev)
        {
          cur.end = i;
          g_array_append_val (out, cur);
          cur.type = NULL;
        }
      if (starts)
        {
          cur.start = i;
          cur.type = type;
        }
      if (cur.type != NULL && (kind == 'E' || kind == 'S'))
        {
          cur.end = i + 1;
          g_array_append_val (out, cur);
          cur.type = NULL;
        }
      prev_kind = kind;
      prev_type = type;
    }
  return out;
}

static Counts *
counts_for (NerScore *s, const char *type)
{
  Counts *c = g_hash_table_lookup (s->types, type);
  if (c == NULL && s->filter == NULL)
    {
      char *name = g_strdup (type);
      c = g_new0 (Counts, 1);
      g_hash_table_insert (s->types, name, c);
      g_ptr_array_add (s->order, name);
    }
  return c;
}

void
ner_score_add (NerScore *s, const char *const *gold, const char *const *pred, guint n)
{
  GArray *g = chunks (gold, n), *p = chunks (pred, n);
  guint j = 0;

  for (guint i = 0; i < g->len; i++)
    {
      Chunk *gc = &g_array_index (g, Chunk, i);
      Counts *c = counts_for (s, gc->type);
      if (c == NULL)
        continue;
      c->gold++;
      while (j < p->len && g_array_index (p, Chunk, j).start < gc->start)
        j++;
      if (j < p->len)
        {
          Chunk *pc = &g_array_index (p, Chunk, j);
          if (pc->start == gc->start && pc->end == gc->end
              && strcmp (pc->type, gc->type) == 0)
            c->correct++;
        }
    }
  for (guint i = 0; i < p->len; i++)
    {
      Counts *c = counts_for (s, g_array_index (p, Chunk, i).type);
      if (c != NULL)
        c->pred++;
    }
  g_array_free (g, TRUE);
  g_array_free (p, TRUE);
}

static void
prf (const Counts *c, double *p, double *r, double *f)
{
  *p = c->pred ? 100.0 * c->correct / c->pred : 0.0;
  *r = c->gold ? 100.0 * c->correct / c->gold : 0.0;
  *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static Counts
total (const NerScore *s)
{
  Counts t = { 0, 0, 0 };
  for (guint i = 0; i < s->order->len; i++)
    {
      const Counts *c = g_hash_table_lookup (s->types, g_ptr_array_index (s->order, i));
      t.correct += c->correct;
      t.gold += c->gold;
      t.pred += c->pred;
    }
  return t;
}

double
ner_score_f1 (const NerScore *s)
{
  Counts t = total (s);
  double p, r, f;
  prf (&t, &p, &r, &f);
  return f;
}

void
ner_score_print (const NerScore *s, FILE *out)
{
  Counts t = total (s);
  double p, r, f;

  prf (&t, &p, &r, &f);
  fprintf (out, "found: %u phrases; correct: %u; gold: %u.\n", t.pred, t.correct, t.gold);
  fprintf (out, "%-10s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", "overall", p, r, f);
  for (guint i = 0; i < s->order->len; i++)
    {
      const char *name = g_ptr_array_index (s->order, i);
      const Counts *c = g_hash_table_lookup (s->types, name);
      prf (c, &p, &r, &f);
      fprintf (out, "%-10s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %u\n",
               name, p, r, f, c->pred);
    }
}
