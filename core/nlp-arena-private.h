/* nlp-arena-private.h — the per-document string arena.
 *
 * A bump allocator over large blocks: interning a token's norm is a bounds
 * check and a memcpy, inlined into the column setters (millions of calls
 * per corpus).  Clearing keeps the current block for the next document.
 */
#ifndef NLP_ARENA_PRIVATE_H
#define NLP_ARENA_PRIVATE_H

#include <string.h>
#include <glib.h>

typedef struct {
  char      *cur;
  char      *end;
  char      *current;          /* the block cur points into, or NULL */
  GPtrArray *blocks;           /* every g_malloc'd block, current included */
} NlpArena;

void        nlp__arena_init  (NlpArena *arena);
void        nlp__arena_clear (NlpArena *arena);   /* keeps one block */
void        nlp__arena_free  (NlpArena *arena);
/* Slow path: starts a block with room for @size bytes; NULL when that
 * memory cannot be had. */
char       *nlp__arena_grow  (NlpArena *arena, gsize size);

/* (transfer none) room for @len bytes, NUL-terminated after them, or NULL
 * when out of memory (the callers fail the document). */
static inline char *
nlp__arena_alloc (NlpArena *arena, gsize len)
{
  char *p;

  if (G_LIKELY ((gsize) (arena->end - arena->cur) > len))
    {
      p = arena->cur;
      arena->cur += len + 1;
    }
  else if (G_UNLIKELY (len >= G_MAXSIZE
                       || (p = nlp__arena_grow (arena, len + 1)) == NULL))
    return NULL;
  p[len] = '\0';
  return p;
}

/* (transfer none) a NUL-terminated copy of @len bytes of @s, or NULL when
 * out of memory. */
static inline const char *
nlp__arena_copy (NlpArena *arena, const char *s, gsize len)
{
  char *p = nlp__arena_alloc (arena, len);

  return G_LIKELY (p != NULL) ? memcpy (p, s, len) : NULL;
}

#endif
