/* writer-conllu.c — CoNLL-U, the Universal Dependencies format: one block
 * per sentence with "# sent_id" and "# text", one line per word, ranges for
 * multiword tokens, SpaceAfter=No where no space follows, UPOS, XPOS and
 * LEMMA from the word layer when a stage made one, every other token
 * column, the entity tag and the other word columns in MISC.
 * docs/formats.md is the reference.
 *
 * The lines are CoNLL-U tokens ("units" here): a word on its own, or a
 * multiword token and its words.  An nlpipe token is one or more of them:
 * the words of the word layer that start inside it, grouped by the word
 * layer's mwt column; a word that runs over the following tokens covers
 * them too.  Without a word layer every token is one word.
 */
#include <string.h>
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "nlp-json-out-private.h"

typedef struct {
  guint start, end;        /* bytes */
  guint token;             /* its row in the token layer */
  guint word;              /* its first row in the word layer, or NLP_NO_ROW */
  guint n_words;           /* 1, or the words of a multiword token */
  gboolean first_of_token; /* the token's columns go on this line */
  const char *tag_label;   /* entity BIO: NULL for O */
  gboolean tag_begin;
} Unit;

/* The word layer's columns the format gives their own field. */
typedef struct {
  const NlpLayer  *layer;
  const NlpColumn *mwt, *lemma, *upos, *xpos;
} Words;

static void
words_init (Words *w, const NlpDocument *doc)
{
  memset (w, 0, sizeof *w);
  w->layer = nlp_document_get_layer (doc, "word");
  if (w->layer == NULL)
    return;
  w->mwt = nlp_layer_get_column (w->layer, "mwt");
  w->lemma = nlp_layer_get_column (w->layer, "lemma");
  w->upos = nlp_layer_get_column (w->layer, "upos");
  w->xpos = nlp_layer_get_column (w->layer, "xpos");
}

static gboolean
is_field_column (const Words *w, const NlpColumn *c)
{
  return c == w->mwt || c == w->lemma || c == w->upos || c == w->xpos
         || strcmp (nlp_column_get_name (c), "token") == 0;
}

/* The units of a document, in order: at most one per token and word. */
typedef struct {
  Unit  *v;
  guint  len;
} Units;

/* The units of @tokens in order, with the words of @w; FALSE when there is
 * no memory for them. */
static gboolean
build_units (Units *units, const NlpLayer *tokens, const Words *w)
{
  guint nt = nlp_layer_get_n_rows (tokens);
  guint nw = w->layer ? nlp_layer_get_n_rows (w->layer) : 0, k = 0, covered = 0;

  units->len = 0;
  units->v = g_try_new (Unit, (gsize) nt + nw);
  if (units->v == NULL)
    return FALSE;

  for (guint t = 0; t < nt; t++)
    {
      guint ts = nlp_layer_get_start (tokens, t), te = nlp_layer_get_end (tokens, t);
      guint first;
      gboolean first_unit = TRUE;

      /* a word may run over the next tokens ("Dr" "." is the word "Dr.") */
      if (ts < covered)
        continue;
      while (k < nw && nlp_layer_get_start (w->layer, k) < ts)
        k++;
      first = k;
      while (k < nw && nlp_layer_get_start (w->layer, k) < te)
        k++;
      if (k == first)
        {
          Unit u = { ts, te, t, NLP_NO_ROW, 1, TRUE, NULL, FALSE };
          units->v[units->len++] = u;
          continue;
        }
      for (guint i = first; i < k;)
        {
          guint n = 1;
          Unit u;

          if (w->mwt == NULL)
            n = k - first;
          else if (nlp_column_is_set (w->mwt, i) && nlp_column_get_int (w->mwt, i) >= 2)
            n = (guint) MIN ((gint64) (k - i), nlp_column_get_int (w->mwt, i));
          u = (Unit) { nlp_layer_get_start (w->layer, i), nlp_layer_get_end (w->layer, i + n - 1),
                       t, i, n, first_unit, NULL, FALSE };
          units->v[units->len++] = u;
          covered = MAX (covered, u.end);
          first_unit = FALSE;
          i += n;
        }
    }
  return TRUE;
}

/* The first unit that ends after @offset (units do not overlap). */
static guint
unit_after (const Units *units, guint offset)
{
  guint lo = 0, hi = units->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (units->v[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Entity tags in BIO over the units, as the tsv format does over tokens:
 * a unit is in a mention when they overlap; of nested or crossing
 * mentions the first in start order wins. */
static void
tag_units (Units *units, const NlpLayer *entities)
{
  const NlpColumn *label = nlp_layer_get_column (entities, "label");

  for (guint e = 0; e < nlp_layer_get_n_rows (entities); e++)
    {
      guint es = nlp_layer_get_start (entities, e), ee = nlp_layer_get_end (entities, e);
      guint a = unit_after (units, es), b = a;
      const char *lab = label ? nlp_column_get_string (label, e) : NULL;
      gboolean free_run = TRUE;

      for (; b < units->len && units->v[b].start < MAX (ee, es + 1); b++)
        free_run = free_run && units->v[b].tag_label == NULL;
      if (!free_run || a == b)
        continue;
      for (guint u = a; u < b; u++)
        {
          units->v[u].tag_label = lab && *lab ? lab : "ENT";
          units->v[u].tag_begin = u == a;
        }
    }
}

/* @len bytes of @s on one line: every character a reader may take for a
 * line or field break becomes a space; an empty string is "_". */
static void
put_field (GString *out, const char *s, gsize len)
{
  char *p;

  if (s == NULL || len == 0)
    {
      g_string_append_c (out, '_');
      return;
    }
  p = nlp__out_reserve (out, len);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      gboolean brk = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';

      if (c == 0xC2 && i + 1 < len && (guchar) s[i + 1] == 0x85)
        {
          *p++ = ' ';      /* NEL: two bytes become one space */
          i++;
          continue;
        }
      if (c == 0xE2 && i + 2 < len && (guchar) s[i + 1] == 0x80
          && ((guchar) s[i + 2] == 0xA8 || (guchar) s[i + 2] == 0xA9))
        {
          *p++ = ' ';      /* U+2028, U+2029 */
          i += 2;
          continue;
        }
      *p++ = brk ? ' ' : (char) c;
    }
  nlp__out_commit (out, p);
}

static void
put_string_column (GString *out, const NlpColumn *column, guint row)
{
  const char *s = column && row != NLP_NO_ROW ? nlp_column_get_string (column, row) : NULL;

  put_field (out, s, s ? strlen (s) : 0);
}

/* A MISC value: the backslash, '|', spaces, tabs and line breaks escaped
 * as UD's SpacesAfter does (\\ \p \s \t \n \r). */
static void
put_misc_value (GString *out, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    switch (s[i])
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '|': g_string_append (out, "\\p"); break;
      case ' ': g_string_append (out, "\\s"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, s[i]);
      }
}

/* MISC attributes: starts the field with "|" between attributes. */
typedef struct {
  GString *out;
  gboolean any;
} Misc;

static void
misc_key (Misc *m, const char *key)
{
  if (m->any)
    g_string_append_c (m->out, '|');
  m->any = TRUE;
  g_string_append (m->out, key);
  g_string_append_c (m->out, '=');
}

/* Every column of @layer at @row but those @skip says, as Key=Value;
 * unset cells are left out. */
static void
misc_columns (Misc *m, const NlpLayer *layer, guint row, const Words *skip, GString *tmp)
{
  for (guint c = 0; c < nlp_layer_get_n_columns (layer); c++)
    {
      const NlpColumn *col = nlp_layer_get_column_at (layer, c);

      if ((skip && is_field_column (skip, col)) || !nlp_column_is_set (col, row))
        continue;
      misc_key (m, nlp_column_get_name (col));
      if (nlp_column_get_value_type (col) == NLP_COLUMN_STRING)
        {
          const char *s = nlp_column_get_string (col, row);
          put_misc_value (m->out, s, strlen (s));
        }
      else
        {
          g_string_truncate (tmp, 0);
          nlp__json_append_cell (tmp, col, row);
          put_misc_value (m->out, tmp->str, tmp->len);
        }
    }
}

static void
misc_end (Misc *m)
{
  if (!m->any)
    g_string_append_c (m->out, '_');
}

/* The MISC of a unit's token-level line. */
static void
misc_unit (Misc *m, const Unit *u, const NlpLayer *tokens, const char *text, gsize len,
           GString *tmp)
{
  gunichar next = u->end < len ? g_utf8_get_char (text + u->end) : ' ';

  /* the tokenizer's spaces: Unicode's, and U+200B, U+FEFF */
  if (!g_unichar_isspace (next) && next != 0x200B && next != 0xFEFF)
    {
      misc_key (m, "SpaceAfter");
      g_string_append (m->out, "No");
    }
  if (u->first_of_token)
    misc_columns (m, tokens, u->token, NULL, tmp);
  if (u->tag_label != NULL)
    {
      misc_key (m, "entity");
      g_string_append (m->out, u->tag_begin ? "B-" : "I-");
      put_misc_value (m->out, u->tag_label, strlen (u->tag_label));
    }
}

/* One word line: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS, then
 * MISC is left to the caller.  Without a parser every sentence is a flat
 * tree: its first word is the root, the others depend on it ("dep"). */
static void
put_word_fields (GString *out, guint id, const char *form, gsize form_len,
                 const Words *w, guint word)
{
  nlp__json_append_int (out, id);
  g_string_append_c (out, '\t');
  put_field (out, form, form_len);
  g_string_append_c (out, '\t');
  put_string_column (out, w->lemma, word);
  g_string_append_c (out, '\t');
  put_string_column (out, w->upos, word);
  g_string_append_c (out, '\t');
  put_string_column (out, w->xpos, word);
  g_string_append (out, id == 1 ? "\t_\t0\troot\t_\t" : "\t_\t1\tdep\t_\t");
}

static void
put_unit (GString *out, const Unit *u, guint *id, const NlpLayer *tokens, const Words *w,
          const char *text, gsize len, GString *tmp)
{
  Misc m = { out, FALSE };

  if (u->n_words > 1)
    {
      /* the range line carries the token-level MISC */
      nlp__json_append_int (out, *id);
      g_string_append_c (out, '-');
      nlp__json_append_int (out, *id + u->n_words - 1);
      g_string_append_c (out, '\t');
      put_field (out, text + u->start, u->end - u->start);
      g_string_append (out, "\t_\t_\t_\t_\t_\t_\t_\t");
      misc_unit (&m, u, tokens, text, len, tmp);
      misc_end (&m);
      g_string_append_c (out, '\n');
      for (guint k = 0; k < u->n_words; k++)
        {
          guint row = u->word + k, ws = nlp_layer_get_start (w->layer, row);
          Misc wm = { out, FALSE };

          put_word_fields (out, (*id)++, text + ws, nlp_layer_get_end (w->layer, row) - ws,
                           w, row);
          misc_columns (&wm, w->layer, row, w, tmp);
          misc_end (&wm);
          g_string_append_c (out, '\n');
        }
      return;
    }
  put_word_fields (out, (*id)++, text + u->start, u->end - u->start, w, u->word);
  misc_unit (&m, u, tokens, text, len, tmp);
  if (u->word != NLP_NO_ROW)
    misc_columns (&m, w->layer, u->word, w, tmp);
  misc_end (&m);
  g_string_append_c (out, '\n');
}

/* The comment lines before a sentence's words: sent_id, text, and the
 * columns of the sentence layer. */
static void
put_comments (GString *out, const NlpDocument *doc, guint n_block, const char *text,
              guint start, guint end, const NlpLayer *sentences, guint sentence, GString *tmp)
{
  const char *id = nlp_document_get_id (doc);

  if (n_block == 1)
    {
      g_string_append (out, "# newdoc id = ");
      put_field (out, id, strlen (id));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "# sent_id = ");
  put_field (out, id, strlen (id));
  g_string_append_c (out, '-');
  nlp__json_append_int (out, n_block);
  g_string_append (out, "\n# text = ");
  put_field (out, text + start, end - start);
  g_string_append_c (out, '\n');
  for (guint c = 0; sentence != NLP_NO_ROW && c < nlp_layer_get_n_columns (sentences); c++)
    {
      const NlpColumn *col = nlp_layer_get_column_at (sentences, c);

      if (!nlp_column_is_set (col, sentence))
        continue;
      g_string_append (out, "# ");
      g_string_append (out, nlp_column_get_name (col));
      g_string_append (out, " = ");
      g_string_truncate (tmp, 0);
      if (nlp_column_get_value_type (col) == NLP_COLUMN_STRING)
        g_string_append (tmp, nlp_column_get_string (col, sentence));
      else
        nlp__json_append_cell (tmp, col, sentence);
      put_field (out, tmp->str, tmp->len);
      g_string_append_c (out, '\n');
    }
}

static void
conllu_format (const NlpWriterOptions *o, NlpDocument *doc, GString *out)
{
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpLayer *sentences = nlp_document_get_layer (doc, "sentence");
  NlpLayer *entities = nlp_document_get_layer (doc, "entity");
  GString *tmp;
  Units units_, *units = &units_;
  Words w;
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  guint ns = sentences ? nlp_layer_get_n_rows (sentences) : 0, s = 0, n_block = 0;

  (void) o;
  if (tokens == NULL || nlp_layer_get_n_rows (tokens) == 0)
    return;
  words_init (&w, doc);
  if (!build_units (units, tokens, &w))
    {
      nlp__out_give_up (out);    /* out of memory: the document fails */
      return;
    }
  if (entities != NULL)
    tag_units (units, entities);
  tmp = g_string_new (NULL);

  /* a block is the units of one sentence, or a run of units outside
   * every sentence */
  for (guint u = 0; u < units->len;)
    {
      guint us = units->v[u].start, sentence = NLP_NO_ROW;
      guint end = u, id = 1, block_start, block_end;

      while (s < ns && nlp_layer_get_end (sentences, s) <= us)
        s++;
      if (s < ns && nlp_layer_get_start (sentences, s) <= us)
        {
          sentence = s;
          while (end < units->len
                 && units->v[end].start < nlp_layer_get_end (sentences, s))
            end++;
          block_start = nlp_layer_get_start (sentences, s);
          block_end = nlp_layer_get_end (sentences, s);
        }
      else
        {
          guint next = s < ns ? nlp_layer_get_start (sentences, s) : G_MAXUINT;
          while (end < units->len && units->v[end].start < next)
            end++;
          block_start = us;
          block_end = units->v[end - 1].end;
        }
      put_comments (out, doc, ++n_block, text, block_start, block_end, sentences, sentence,
                    tmp);
      for (; u < end; u++)
        put_unit (out, &units->v[u], &id, tokens, &w, text, len, tmp);
      g_string_append_c (out, '\n');
    }
  g_string_free (tmp, TRUE);
  g_free (units->v);
}

const NlpWriterClass nlp__writer_conllu = {
  .name = "conllu",
  .description = "CoNLL-U (Universal Dependencies): words, UPOS/XPOS/LEMMA, MISC",
  .format = conllu_format,
};
