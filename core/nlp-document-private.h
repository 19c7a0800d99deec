/* nlp-document-private.h — document internals for the layer code. */
#ifndef NLP_DOCUMENT_PRIVATE_H
#define NLP_DOCUMENT_PRIVATE_H

#include "nlp-document.h"
#include "nlp-arena-private.h"

/* nlp_document_new_take for a text the caller has already validated as
 * UTF-8 without NUL bytes (the reader does, to apply its encoding policy):
 * the text is not scanned a second time.  Takes @text (@len + 1 bytes). */
NlpDocument *nlp__document_new_valid (const char *id, char *text, gsize len);


/* (transfer none) the document's string arena. */
NlpArena *nlp__document_get_arena (NlpDocument *doc);

/* The stage contract (nlp-access-private.h).  While @access is set (the
 * pipeline sets it around a stage's process), the document and its layers
 * check and rename what the stage touches. */
typedef struct _NlpAccess NlpAccess;
void      nlp__document_set_access (NlpDocument *doc, const NlpAccess *access);
/* Where the document keeps the running stage's access: layers and columns
 * read it in their hot paths. */
const NlpAccess *const *nlp__document_access_slot (NlpDocument *doc);
/* Records a refused write (printf-style, the stage's name left out): the
 * first one is kept. */
void      nlp__document_refuse (NlpDocument *doc, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Whether a write was refused since the last nlp__document_take_violation:
 * the running stage fails on the document, so what would grow for it need
 * not be tried again (a column refused for memory is not retried per cell). */
gboolean  nlp__document_refused (const NlpDocument *doc);
/* Adds a warning with its @language (may be NULL): the core's own, for a
 * stage skipped for the document's language. */
void      nlp__document_warn (NlpDocument *doc, const char *stage, const char *language,
                              const char *message);
/* Keeps @data alive while the document lives (or until it is reset): the
 * pipeline holds itself, since cells may point into its stages' models.
 * nlp__document_holds tells whether @data is held already. */
void      nlp__document_hold  (NlpDocument *doc, gpointer data, GDestroyNotify release);
gboolean  nlp__document_holds (const NlpDocument *doc, gconstpointer data);
/* (transfer full) the first refusal since the last call, or NULL. */
char     *nlp__document_take_violation (NlpDocument *doc);

#endif
