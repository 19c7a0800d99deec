/* nlp-paths-private.h — where stages and their data are, installed or not. */
#ifndef NLP_PATHS_PRIVATE_H
#define NLP_PATHS_PRIVATE_H

#include <glib.h>

/* TRUE when the running program lives in this package's build tree (the
 * uninstalled nlpipe or a test program). */
gboolean    nlp__is_uninstalled (void);
/* (transfer none) the compiled-in plugin directory, or the build tree's
 * plugins/ when uninstalled. */
const char *nlp__default_plugin_dir (void);
/* (transfer full) the data directory of stage @name loaded from @file. */
char       *nlp__stage_data_dir (const char *name, const char *file);
/* (transfer full) the data directory of stage @name linked into the
 * program: the source tree's when uninstalled, else the installed one. */
char       *nlp__builtin_stage_data_dir (const char *name);

#endif
