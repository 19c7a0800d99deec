/* nlp-registry-private.h — registry helpers shared inside libnlpipe. */
#ifndef NLP_REGISTRY_PRIVATE_H
#define NLP_REGISTRY_PRIVATE_H

#include <glib.h>

/* TRUE when @name matches [a-z][a-z0-9_]*. */
gboolean nlp__valid_stage_name (const char *name);

/* GCompareFunc for g_ptr_array_sort over char * elements. */
gint     nlp__compare_strings (gconstpointer a, gconstpointer b);

#endif
