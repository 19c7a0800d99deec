/* pos-huge.h — memory for the tagger's large tables read at random.
 *
 * The model's slot table and a worker's table of word forms are megabytes
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
/* Frees @p (from pos_huge_new0, or NULL). */
void  pos_huge_free (void *p);

G_END_DECLS

#endif
