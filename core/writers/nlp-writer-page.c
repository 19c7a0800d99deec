/* nlp-writer-page.c — a page of output: the header before the first
 * document, the footer after the last, and for formats that ask, an
 * entry per document (html: the title and the table of contents). */
#include "nlp-writer-private.h"

struct _NlpWriterPage {
  NlpWriter *writer;
  GPtrArray *entries;          /* NlpPageEntry * */
  gboolean   started;          /* the header is out */
};

static void
entry_free (gpointer data)
{
  NlpPageEntry *e = data;

  g_free (e->anchor);
  g_free (e->title);
  g_free (e);
}

NlpWriterPage *
nlp_writer_page_new (NlpWriter *writer)
{
  NlpWriterPage *page;

  g_return_val_if_fail (writer != NULL, NULL);
  page = g_new0 (NlpWriterPage, 1);
  page->writer = writer;
  page->entries = g_ptr_array_new_with_free_func (entry_free);
  return page;
}

void
nlp_writer_page_free (NlpWriterPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->entries);
  g_free (page);
}

static void
start (NlpWriterPage *page, GString *out)
{
  const NlpWriterClass *klass = nlp__writer_get_class (page->writer);

  page->started = TRUE;
  if (klass != NULL && klass->page_header != NULL)
    klass->page_header (nlp__writer_get_options (page->writer), page->entries, out);
  else
    nlp_writer_header (page->writer, out);
}

void
nlp_writer_page_add (NlpWriterPage *page, const char *output, gsize len, GString *out)
{
  const NlpWriterClass *klass = nlp__writer_get_class (page->writer);
  NlpPageEntry entry = { NULL, NULL };

  if (klass != NULL && klass->page_entry != NULL
      && klass->page_entry (output, len, &entry.anchor, &entry.title))
    g_ptr_array_add (page->entries, g_memdup2 (&entry, sizeof entry));
  if (!page->started)
    start (page, out);
}

void
nlp_writer_page_end (NlpWriterPage *page, GString *out)
{
  const NlpWriterClass *klass = nlp__writer_get_class (page->writer);

  if (!page->started)
    start (page, out);
  if (klass != NULL && klass->page_footer != NULL)
    klass->page_footer (nlp__writer_get_options (page->writer), page->entries, out);
  else
    nlp_writer_footer (page->writer, out);
  g_ptr_array_set_size (page->entries, 0);
  page->started = FALSE;
}
