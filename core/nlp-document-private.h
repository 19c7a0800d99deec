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

#endif
