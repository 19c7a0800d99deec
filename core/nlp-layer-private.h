/* nlp-layer-private.h — layer internals shared with nlp-document.c. */
#ifndef NLP_LAYER_PRIVATE_H
#define NLP_LAYER_PRIVATE_H

#include "nlp-layer.h"
#include "nlp-arena-private.h"

typedef struct {
  guint32 start;
  guint32 end;
} NlpSpan;

struct _NlpColumn {
  char         *name;
  char         *target;        /* REF columns: target layer name */
  NlpColumnType type;
  NlpLayer     *layer;
  GArray       *values;        /* const char * / gint64 / double / guint */
  GArray       *set;           /* guint8 per row for INT/DOUBLE/REF */
};

struct _NlpLayer {
  char         *name;
  NlpDocument  *doc;
  NlpArena     *arena;         /* the document's, for inlined copies */
  /* rows, sorted by start: a plain growable array, because GArray's
   * per-append overflow check (a division) showed in the tokenizer's
   * profile */
  NlpSpan      *spans;
  guint         n_rows;
  guint         cap_rows;
  GPtrArray    *columns;       /* NlpColumn * */
};

NlpLayer *nlp__layer_new  (NlpDocument *doc, const char *name);
void      nlp__layer_free (NlpLayer *layer);

#endif
