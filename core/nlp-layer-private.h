/* nlp-layer-private.h — layer internals shared with nlp-document.c. */
#ifndef NLP_LAYER_PRIVATE_H
#define NLP_LAYER_PRIVATE_H

#include "nlp-layer.h"

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
  GArray       *spans;         /* NlpSpan, sorted by start */
  GPtrArray    *columns;       /* NlpColumn * */
};

NlpLayer *nlp__layer_new  (NlpDocument *doc, const char *name);
void      nlp__layer_free (NlpLayer *layer);

#endif
