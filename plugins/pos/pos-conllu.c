/* pos-conllu.c — reading the word lines of CoNLL-U (pos-conllu.h). */
#include <string.h>
#include "pos-conllu.h"
#include "nlp-error.h"

PosCorpus *
pos_corpus_new (void)
{
  PosCorpus *corpus = g_new0 (PosCorpus, 1);
  guint zero = 0;

  corpus->words = g_array_new (FALSE, FALSE, sizeof (PosGoldWord));
  corpus->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (corpus->sentences, zero);
  corpus->strings = g_string_chunk_new (1 << 16);
  return corpus;
}

void
pos_corpus_free (PosCorpus *corpus)
{
  if (corpus == NULL)
    return;
  g_array_unref (corpus->words);
  g_array_unref (corpus->sentences);
  g_string_chunk_free (corpus->strings);
  g_free (corpus);
}

/* Closes the sentence being read, if it has words. */
static void
end_sentence (PosCorpus *corpus)
{
  guint n = corpus->words->len;

  if (n > g_array_index (corpus->sentences, guint, corpus->sentences->len - 1))
    g_array_append_val (corpus->sentences, n);
}

gboolean
pos_corpus_add_file (PosCorpus *corpus, const char *path, GError **error)
{
  char *data;
  gsize size;
  guint line_no = 0, range_last = 0;
  gboolean range_space = TRUE;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, &size, &local))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  for (char *line = data, *next; line < data + size; line = next)
    {
      char *nl = memchr (line, '\n', data + size - line), *cols[10];
      guint n = 0;

      next = nl ? nl + 1 : data + size;
      if (nl)
        *nl = '\0';
      else
        data[size] = '\0';          /* g_file_get_contents leaves room */
      line_no++;
      if (nl > line && nl[-1] == '\r')
        nl[-1] = '\0';
      if (*line == '\0')
        {
          end_sentence (corpus);
          range_last = 0;
          continue;
        }
      if (*line == '#')
        continue;
      for (char *p = line; n < 10; n++)
        {
          char *tab = strchr (p, '\t');
          cols[n] = p;
          if (tab == NULL)
            {
              n++;
              break;
            }
          *tab = '\0';
          p = tab + 1;
        }
      if (n != 10 || strchr (cols[9], '\t') != NULL)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                       "%s line %u: expected 10 tab-separated columns (CoNLL-U)", path, line_no);
          g_free (data);
          return FALSE;
        }
      /* multiword token ranges and empty nodes carry no word of their own;
       * a range says whether a space follows its last word */
      if (strchr (cols[0], '-') != NULL)
        {
          range_last = (guint) g_ascii_strtoull (strchr (cols[0], '-') + 1, NULL, 10);
          range_space = strstr (cols[9], "SpaceAfter=No") == NULL;
          continue;
        }
      if (strchr (cols[0], '.') != NULL)
        continue;
      if (*cols[1] == '\0')
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "%s line %u: empty FORM", path, line_no);
          g_free (data);
          return FALSE;
        }
      {
        PosGoldWord w = {
          g_string_chunk_insert (corpus->strings, cols[1]),
          g_string_chunk_insert_const (corpus->strings, cols[2]),
          g_string_chunk_insert_const (corpus->strings, cols[3]),
          g_string_chunk_insert_const (corpus->strings, cols[4]),
          (guint32) strlen (cols[1]),
          strstr (cols[9], "SpaceAfter=No") == NULL,
        };
        guint id = (guint) g_ascii_strtoull (cols[0], NULL, 10);

        if (id < range_last)
          w.space_after = FALSE;
        else if (id == range_last)
          w.space_after = range_space;
        g_array_append_val (corpus->words, w);
      }
    }
  end_sentence (corpus);
  g_free (data);
  return TRUE;
}
