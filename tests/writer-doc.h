/* writer-doc.h — documents built by hand for the writer tests, so the
 * writers are tested apart from the stages that normally annotate. */
#ifndef WRITER_DOC_H
#define WRITER_DOC_H

#include "nlp-test.h"

typedef struct {
  const char *text;        /* the mention */
  const char *label;       /* NULL: no label */
  const char *canonical;   /* NULL: unset */
  guint       nth;         /* which occurrence of text: 0 the first */
} WdEntity;

/* (transfer full) a document with:
 * - layer token: runs of letters, digits and marks, and every other
 *   non-space character alone; columns norm (case-folded), kind (word or
 *   punct), stem (words only: the norm minus a final "s");
 * - layer sentence: one per line; column sentiment from @sentiment (one
 *   value per line) when not NULL;
 * - layer entity, when @entities is not NULL (terminated by a NULL text):
 *   columns label, source ("rule"), canonical. */
NlpDocument *wd_new (const char *id, const char *text, const WdEntity *entities,
                     const double *sentiment);
/* Formats @doc with @format and @options (NULL: defaults) between the
 * writer's header and footer.  (transfer full) */
char        *wd_format (const char *format, const NlpWriterOptions *options,
                        NlpDocument *doc);
/* The same for @n documents, one after another on one output. */
char        *wd_format_docs (const char *format, const NlpWriterOptions *options,
                             NlpDocument *const *docs, guint n);
/* Number of non-overlapping occurrences of @needle in @haystack. */
guint        wd_count (const char *haystack, const char *needle);

#endif
