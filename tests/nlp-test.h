/* nlp-test.h — helpers shared by the Criterion tests. */
#ifndef NLP_TEST_H
#define NLP_TEST_H

#include <criterion/criterion.h>
#include <gio/gio.h>
#include "nlpipe.h"
#include "nlp-document-json.h"

G_BEGIN_DECLS

typedef struct {
  char *out;      /* stdout, NUL-terminated */
  char *err;      /* stderr */
  int   status;   /* exit code (or 128 + signal) */
} NlpTestRun;

/* Runs the built (uninstalled) nlpipe with the NULL-terminated arguments,
 * optionally feeding @input on stdin (NULL: empty stdin). */
NlpTestRun  *nlp_test_run   (const char *input, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
/* Same with an argv array and extra environment "K=V" entries (may be NULL). */
NlpTestRun  *nlp_test_runv  (const char *input, const char *const *argv,
                             const char *const *env);
void         nlp_test_run_free (NlpTestRun *run);

/* (transfer full) absolute path of tests/fixtures/@name in the source tree. */
char        *nlp_test_fixture (const char *name);
/* (transfer full) absolute path of examples/articles/@name. */
char        *nlp_test_article (const char *name);
/* (transfer full) the contents of a file; asserts it can be read. */
char        *nlp_test_read (const char *path);

/* (transfer full) a Chromium or Chrome to run headless: $NLP_CHROMIUM,
 * or chromium, chromium-browser or google-chrome on PATH; NULL when
 * there is none (the test skips, saying NLP_TEST_NO_CHROMIUM). */
char        *nlp_test_find_chromium (void);
#define NLP_TEST_NO_CHROMIUM "chromium not found: install the Debian package chromium " \
  "(or set NLP_CHROMIUM to a Chromium or Chrome binary)"

/* Parses one JSON value; asserts it parses.  (transfer full) */
JsonNode    *nlp_test_parse_json (const char *text);

/* Runs @chain on @text in-process; asserts success.  (transfer full) */
NlpDocument *nlp_test_chain (const char *chain, const char *text);
/* Same with stage options: @sets are "STAGE.OPTION=VALUE" strings
 * (NULL-terminated, or NULL).  (transfer full) */
NlpDocument *nlp_test_chain_with (const char *chain, const char *const *sets,
                                  const char *text);
/* The error message of building @chain with @sets, or NULL when it
 * builds.  (transfer full) */
char        *nlp_test_chain_error (const char *chain, const char *const *sets);
/* (transfer full) the texts of the rows of @layer, NULL-terminated
 * (an empty vector when the layer is missing). */
char       **nlp_test_span_texts (NlpDocument *doc, const char *layer);
/* TRUE when @layer has a row whose text is @text and, when @column is not
 * NULL, whose string @column equals @value. */
gboolean     nlp_test_has_span (NlpDocument *doc, const char *layer,
                                const char *text, const char *column,
                                const char *value);
/* Programmer errors are refused with a g_critical: from now on count
 * them instead of printing them (and reset the count to 0). */
void         nlp_test_count_criticals (void);
/* Criticals counted since nlp_test_count_criticals(). */
guint        nlp_test_n_criticals (void);

G_END_DECLS

#endif
