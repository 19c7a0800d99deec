/* writer-summary.h — what the reading formats (text, html) show about a
 * whole document: its main entities and its overall sentiment.  Private to
 * libnlpipe. */
#ifndef WRITER_SUMMARY_H
#define WRITER_SUMMARY_H

#include "nlp-document.h"

G_BEGIN_DECLS

typedef struct {
  char  *name;     /* canonical name */
  char  *label;    /* PER, LOC, ... or NULL */
  gint64 count;    /* mentions */
  guint  order;    /* position in the stage's list: breaks ties */
} NlpEntityCount;

/* (transfer full) the document's entities, most mentioned first (ties keep
 * the stage's order); free with g_ptr_array_unref.  Taken from the
 * doc.entities attribute when a stage set it, otherwise counted from the
 * entity layer (by its canonical column, else the mention text), so a
 * third-party entity stage gets a summary too.  Empty when neither exists. */
GPtrArray *nlp__entity_counts (const NlpDocument *doc);

/* Overall sentiment from the doc.sentiment attribute ({"compound", and the
 * counts "positive", "neutral", "negative"}).  FALSE when it is missing. */
gboolean   nlp__doc_sentiment (const NlpDocument *doc, double *compound,
                               gint64 counts[3]);

/* The mean sentiment of the sentences that mention entity @name, from the
 * doc.entity_sentiment attribute ({NAME: {"compound": ...}}).  FALSE when
 * it is missing. */
gboolean   nlp__entity_sentiment (const NlpDocument *doc, const char *name,
                                  double *compound);

/* "positive", "negative" or "neutral" for a compound score (VADER's
 * customary +-0.05 thresholds). */
const char *nlp__polarity_name (double compound);

/* Appends the cells of row @row of @layer other than @skip (may be NULL)
 * as "name=value" pairs separated by @sep (unset cells omitted): the
 * generic way the reading formats show columns of stages they do not know.
 * Returns the number of pairs written. */
guint      nlp__append_cells (GString *out, const NlpLayer *layer, guint row,
                              const char *skip, const char *sep);

G_END_DECLS

#endif
