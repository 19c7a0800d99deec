/* nlp-arena.c — the per-document string arena (see nlp-arena-private.h). */
#include "nlp-arena-private.h"

#define NLP_ARENA_BLOCK (64 * 1024)

void
nlp__arena_init (NlpArena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->cur = arena->end = arena->current = NULL;
}

char *
nlp__arena_grow (NlpArena *arena, gsize size)
{
  gsize block = MAX (size, (gsize) NLP_ARENA_BLOCK);
  char *p;

  if (size > NLP_ARENA_BLOCK / 4)
    {
      /* a big string gets a block of its own, so the current block's free
       * space is not wasted */
      p = g_try_malloc (size);
      if (p != NULL)
        g_ptr_array_add (arena->blocks, p);
      return p;
    }
  p = g_try_malloc (block);
  if (p == NULL)
    return NULL;
  g_ptr_array_add (arena->blocks, p);
  arena->current = p;
  arena->cur = p + size;
  arena->end = p + block;
  return p;
}

void
nlp__arena_clear (NlpArena *arena)
{
  char *keep = arena->current;
  guint index;

  /* keep the current block: a reused document starts warm */
  if (keep != NULL && g_ptr_array_find (arena->blocks, keep, &index))
    g_ptr_array_steal_index_fast (arena->blocks, index);
  g_ptr_array_set_size (arena->blocks, 0);
  if (keep != NULL)
    {
      g_ptr_array_add (arena->blocks, keep);
      arena->cur = keep;
      arena->end = keep + NLP_ARENA_BLOCK;
    }
}

void
nlp__arena_free (NlpArena *arena)
{
  g_ptr_array_unref (arena->blocks);
  arena->blocks = NULL;
  arena->cur = arena->end = arena->current = NULL;
}
