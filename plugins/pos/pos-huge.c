/* pos-huge.c — huge-page memory (pos-huge.h). */
#include "config.h"
#include <string.h>
#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#endif
#include "pos-huge.h"

/* Below this a block is heap memory. */
#define HUGE_MIN (1u << 20)
/* Each block starts with a header of this size: its length and how it
 * was made. */
#define HEADER 64

typedef struct {
  gsize    size;        /* with the header */
  gboolean mapped;
} Header;

void *
pos_huge_new0 (gsize n)
{
  gsize size = n + HEADER;
  Header *h = NULL;

#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
  if (size >= HUGE_MIN)
    {
      void *p = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p != MAP_FAILED)
        {
          madvise (p, size, MADV_HUGEPAGE);   /* a hint only */
          h = p;
          h->mapped = TRUE;
        }
    }
#endif
  if (h == NULL)
    {
      h = g_aligned_alloc0 (1, size, HEADER);
      h->mapped = FALSE;
    }
  h->size = size;
  return (char *) h + HEADER;
}

void
pos_huge_free (void *p)
{
  Header *h;

  if (p == NULL)
    return;
  h = (Header *) ((char *) p - HEADER);
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
  if (h->mapped)
    {
      munmap (h, h->size);
      return;
    }
#endif
  g_aligned_free (h);
}
