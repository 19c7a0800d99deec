/* ner-model-write.h — making and writing models: the training side of
 * ner-model.h (nlpipe-ner only; the stage module does not link it). */
#ifndef NER_MODEL_WRITE_H
#define NER_MODEL_WRITE_H

#include "ner-model.h"

G_BEGIN_DECLS

/* (transfer full) an empty float model over @types (NULL-terminated),
 * or NULL with @error set. */
NerModel   *ner_model_new_float (const char *const *types, guint bits,
                                 GError **error);
/* Quantises @model's float weights to 16 bits and writes the non-zero
 * rows to @path (atomically).  Rows whose weights all round to zero
 * are dropped. */
gboolean    ner_model_save (const NerModel *model, const char *path,
                            GError **error);

G_END_DECLS

#endif
