/* pos-huge.h — memory for the tagger's large tables read at random.
 *
 * The model's slot table and weights and a worker's memos are megabytes
 * read at random, a few dozen reads a word: with 4 KiB pages nearly every
 * read also misses the TLB.  Where the system has transparent huge pages
 * these blocks ask for them (an anonymous mapping the kernel may back
 * with 2 MiB pages, a hint only); elsewhere, and for small blocks, they
 * are plain heap memory.
 */
#ifndef POS_HUGE_H
#define POS_HUGE_H

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full) @n zeroed bytes, 64-byte aligned; free with
 * pos_huge_free. */
void *pos_huge_new0 (gsize n);
/* (transfer full) a copy of the @n bytes at @src, as pos_huge_new0. */
void *pos_huge_dup  (const void *src, gsize n);
/* Frees @p (from pos_huge_new0 or pos_huge_dup, or NULL). */
void  pos_huge_free (void *p);

G_END_DECLS

#endif
