/* nlp-access-private.h — what one stage instance may touch while it runs.
 *
 * The pipeline makes an NlpAccess for every instance of a chain from its
 * descriptor: the names it provides, renamed for its alias, and the names
 * it may modify.  While the instance's process() runs, its document points
 * at it, and the document and layer code consult it:
 *
 *   - names a stage passes are its declared names: adding or reading its
 *     own layer, column or attribute uses the instance's name for it;
 *   - adding a layer, a column or an attribute it does not provide fails;
 *   - writing a cell, a span or an attribute that another stage made fails
 *     unless the name is in its modifies.
 *
 * A refused write is also recorded on the document (the first one), so a
 * stage that ignores the error still fails.  The access is read-only once
 * made and shared by every worker thread.
 */
#ifndef NLP_ACCESS_PRIVATE_H
#define NLP_ACCESS_PRIVATE_H

#include <glib.h>
#include "nlp-names-private.h"

typedef struct _NlpAccess NlpAccess;

/* (transfer full) the access of instance @instance of stage @stage, or
 * NULL with NLP_ERROR_ABI naming the malformed name. */
NlpAccess  *nlp__access_new  (const char *stage, const char *instance,
                              const char *const *provides,
                              const char *const *modifies, GError **error);
void        nlp__access_free (NlpAccess *access);

const char *nlp__access_get_instance (const NlpAccess *access);
/* (transfer none) NULL-terminated: the provided names as the instance
 * calls them ("ner", "ner.label", "doc.ner_entities"). */
const char *const *nlp__access_get_provides (const NlpAccess *access);
/* (transfer none) NULL-terminated: the modifies names as declared. */
const char *const *nlp__access_get_modifies (const NlpAccess *access);

/* The instance's name for a layer, column or attribute it provides and
 * declares as @name, or NULL when it provides none by that name.
 * @layer is the actual name of the column's layer. */
const char *nlp__access_layer  (const NlpAccess *access, const char *name);
const char *nlp__access_column (const NlpAccess *access, const char *layer,
                                const char *name);
const char *nlp__access_attr   (const NlpAccess *access, const char *name);

/* TRUE when the instance's modifies lists the layer (its rows), the
 * column or the attribute. */
gboolean    nlp__access_modifies_layer  (const NlpAccess *access, const char *layer);
gboolean    nlp__access_modifies_column (const NlpAccess *access, const char *layer,
                                         const char *column);
gboolean    nlp__access_modifies_attr   (const NlpAccess *access, const char *name);

#endif
