/* nlp-document-private.h — document internals for the layer code. */
#ifndef NLP_DOCUMENT_PRIVATE_H
#define NLP_DOCUMENT_PRIVATE_H

#include "nlp-document.h"
#include "nlp-arena-private.h"

/* (transfer none) the document's string arena. */
NlpArena *nlp__document_get_arena (NlpDocument *doc);

#endif
