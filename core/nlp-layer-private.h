/* nlp-layer-private.h — layer internals shared with nlp-document.c. */
#ifndef NLP_LAYER_PRIVATE_H
#define NLP_LAYER_PRIVATE_H

#include "nlp-layer.h"
#include "nlp-arena-private.h"
#include "nlp-document-private.h"

struct _NlpColumn {
  char         *name;
  char         *target;        /* REF columns: target layer name */
  NlpColumnType type;
  guint         elt;           /* bytes per cell */
  NlpLayer     *layer;
  /* cells: const char * / gint64 / double / guint, zero when unset; plain
   * arrays (not GArray) so the setters in stages' hot loops stay short */
  gpointer      cells;
  guint8       *set;           /* per row for INT/DOUBLE/REF, else NULL */
  guint         len;           /* cells allocated (all zeroed) */
  /* The stage contract: the instance that made the column (NULL: the
   * program), the document's running instance (read in every setter: one
   * compare when they are the same), and the last instance found to
   * modify it (so a modifying stage pays the look-up once). */
  const NlpAccess        *owner;
  const NlpAccess *const *running;
  const NlpAccess        *allowed;
};

struct _NlpLayer {
  char         *name;
  NlpDocument  *doc;
  NlpArena     *arena;         /* the document's, for inlined copies */
  gsize         text_len;      /* the document's (its text never changes) */
  /* rows, sorted by start: a plain growable array, because GArray's
   * per-append overflow check (a division) showed in the tokenizer's
   * profile */
  NlpSpan      *spans;
  guint         n_rows;
  guint         cap_rows;
  GPtrArray    *columns;       /* NlpColumn * */
  const NlpAccess        *owner;     /* the instance that made the layer */
  const NlpAccess *const *running;   /* the document's running instance */
};

NlpLayer *nlp__layer_new  (NlpDocument *doc, const char *name);
void      nlp__layer_free (NlpLayer *layer);

#endif
