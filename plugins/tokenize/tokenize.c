/* tokenize — the token layer: word, number, punctuation, symbol, URL,
 * e-mail, @mention, #hashtag and emoji spans with their norm and kind.
 *
 * The scanning is in tokenizer.c; this file moves its spans into the
 * document.  A worker keeps its span array and norm buffer between
 * documents, so a document costs no allocation per token here.
 */
#include <string.h>
#include "nlpipe-stage.h"
#include "tokenizer.h"
#include "elision.h"

typedef struct {
  GArray  *spans;    /* TokenSpan scratch */
  GArray  *split;    /* TokenSpan scratch of the elision splitting */
  GArray  *rows;     /* NlpSpan scratch: the layer's rows, added at once */
  GString *norm;
} TokenizeWorker;

static gpointer
tokenize_worker_new (gpointer model, GError **error)
{
  TokenizeWorker *worker = g_new0 (TokenizeWorker, 1);

  worker->spans = g_array_new (FALSE, FALSE, sizeof (TokenSpan));
  worker->split = g_array_new (FALSE, FALSE, sizeof (TokenSpan));
  worker->rows = g_array_new (FALSE, FALSE, sizeof (NlpSpan));
  worker->norm = g_string_new (NULL);
  return worker;
}

static void
tokenize_worker_free (gpointer data)
{
  TokenizeWorker *worker = data;

  g_array_unref (worker->spans);
  g_array_unref (worker->split);
  g_array_unref (worker->rows);
  g_string_free (worker->norm, TRUE);
  g_free (worker);
}

/* One-character strings for every ASCII byte: the norm of "," is ",". */
static const char ascii_chars[128][2] = {
#define C1(c) { (char) (c), 0 }
#define C8(c) C1 (c), C1 (c + 1), C1 (c + 2), C1 (c + 3), C1 (c + 4), C1 (c + 5), C1 (c + 6), C1 (c + 7)
  C8 (0), C8 (8), C8 (16), C8 (24), C8 (32), C8 (40), C8 (48), C8 (56),
  C8 (64), C8 (72), C8 (80), C8 (88), C8 (96), C8 (104), C8 (112), C8 (120)
#undef C8
#undef C1
};

/* doc.lang, as the lang stage sets it, or NULL. */
static const char *
document_language (NlpDocument *doc)
{
  gint a = nlp_document_find_attr (doc, "lang");

  return a >= 0 && nlp_document_get_attr_type (doc, a) == NLP_VALUE_STRING
         ? nlp_document_get_attr_string (doc, a) : NULL;
}

/* Whether @rows (of NlpSpan) can grow to @n: a GArray aborts the program
 * when it cannot. */
static gboolean
room_for_rows (GArray *rows, guint n)
{
  gpointer p;
  if (n <= rows->len)
    return TRUE;
  p = g_try_malloc ((gsize) n * sizeof (NlpSpan));
  g_free (p);
  return p != NULL;
}

static gboolean
tokenize_process (gpointer data, NlpDocument *doc, GError **error)
{
  TokenizeWorker *worker = data;
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  NlpLayer *layer;
  NlpColumn *norm, *kind;
  const TokenSpan *spans;
  const char *const *elisions;
  guint first;

  if (len >= G_MAXUINT32)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "tokenize: document '%s' is %" G_GSIZE_FORMAT " bytes; "
                   "split it below 4 GiB", nlp_document_get_id (doc), len);
      return FALSE;
    }
  layer = nlp_document_add_layer (doc, "token", error);
  if (layer == NULL)
    return FALSE;
  norm = nlp_layer_add_column (layer, "norm", NLP_COLUMN_STRING, error);
  kind = norm ? nlp_layer_add_column (layer, "kind", NLP_COLUMN_STRING, error) : NULL;
  if (kind == NULL)
    return FALSE;

  g_array_set_size (worker->spans, 0);
  if (!tokenizer_scan (text, len, worker->spans)
      || !room_for_rows (worker->rows, worker->spans->len))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_STAGE,
                   "out of memory for the tokens of %" G_GSIZE_FORMAT " bytes of text; "
                   "free memory or split the document", len);
      g_array_set_size (worker->spans, 0);
      return FALSE;
    }
  if ((elisions = tokenizer_elisions (document_language (doc))) != NULL)
    tokenizer_split_elisions (text, worker->spans, elisions, worker->split);
  spans = (const TokenSpan *) (gpointer) worker->spans->data;
  /* all rows in one call: a million cross-library calls saved on BBC */
  g_array_set_size (worker->rows, worker->spans->len);
  for (guint i = 0; i < worker->spans->len; i++)
    {
      g_array_index (worker->rows, NlpSpan, i).start = spans[i].start;
      g_array_index (worker->rows, NlpSpan, i).end = spans[i].end;
    }
  first = nlp_layer_add_spans (layer, (const NlpSpan *) (gpointer) worker->rows->data,
                               worker->rows->len);
  if (first == NLP_NO_ROW && worker->rows->len > 0)
    return FALSE;              /* refused (out of memory): the document fails */
  for (guint i = 0; i < worker->spans->len; i++)
    {
      const TokenSpan *t = &spans[i];
      const char *s = text + t->start;
      gsize n = t->end - t->start;
      guint row = first + i;

      /* Punctuation, symbols and emoji have no case: their norm is
       * themselves, with the curly apostrophe straightened. */
      if (t->kind == TOKEN_PUNCT || t->kind == TOKEN_SYMBOL || t->kind == TOKEN_EMOJI)
        {
          if (n == 1 && (guchar) s[0] < 0x80)
            /* one ASCII character (",", "."): a static string, no copy */
            nlp_column_set_static_string (norm, row, ascii_chars[(guchar) s[0]]);
          else if (n == 3 && (guchar) s[0] == 0xE2 && (guchar) s[1] == 0x80
                   && (guchar) s[2] == 0x99)
            nlp_column_set_static_string (norm, row, "'");
          else
            nlp_column_set_string_len (norm, row, s, n);
        }
      else
        {
          /* Nearly every token is ASCII: lower-case it straight into the
           * arena while looking for other bytes, in one pass (a scan for
           * capitals, then a copy, was two). */
          char *out = nlp_column_alloc_string (norm, row, n);
          guchar any = 0;

          if (G_UNLIKELY (out == NULL))
            continue;          /* out of memory: the document fails */

          for (gsize k = 0; k < n; k++)
            {
              guchar b = (guchar) s[k];
              any |= b;
              out[k] = (char) (b | ((guchar) (b - 'A') < 26 ? 0x20 : 0));
            }
          if (any >= 0x80)
            {
              /* case folding needs GLib: the copy above goes unused */
              s = tokenizer_norm (s, n, worker->norm, &n);
              nlp_column_set_string_len (norm, row, s, n);
            }
        }
      /* kind names are string literals: no copy */
      nlp_column_set_static_string (kind, row, tokenizer_kind_names[t->kind]);
    }
  return TRUE;
}

NLP_STAGE_DEFINE (tokenize,
  .version = "1.0",
  .summary = "Unicode tokens (words, numbers, URLs, e-mails, tags, emoji) with norm and kind",
  .licence = "LGPL-2.1-or-later",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/tokenize.md",
  .provides = NLP_NAMES ("token", "token.norm", "token.kind"),
  .worker_new = tokenize_worker_new,
  .worker_free = tokenize_worker_free,
  .process = tokenize_process);
