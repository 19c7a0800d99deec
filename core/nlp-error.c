/* nlp-error.c — the nlpipe error domain (nlp-error.h). */
#include "nlp-error.h"

GQuark
nlp_error_quark (void)
{
  return g_quark_from_static_string ("nlp-error-quark");
}
