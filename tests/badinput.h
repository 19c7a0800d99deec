/* badinput.h — what the bad-input tests (tests/test-badinput*.c) share:
 * a scratch directory per test, files put in it, runs of the built
 * nlpipe with their JSON Lines output parsed, stderr checks. */
#ifndef NLP_BADINPUT_H
#define NLP_BADINPUT_H

#include "nlp-test.h"

#define GOOD_BEFORE "The summit ended in Anchorage on Friday. Both leaders spoke."
#define GOOD_AFTER "Negotiations will continue next week in Geneva."

/* the fresh directory of the running test (made by badinput_setup) */
extern char *scratch;

void badinput_setup (void);
void badinput_teardown (void);
/* Removes @path and everything below it. */
void remove_tree (const char *path);

/* (transfer full) the path of a new file @name in the scratch directory
 * holding @len bytes of @data (-1: a string). */
char *put (const char *name, const void *data, gssize len);

typedef struct {
  NlpTestRun *run;
  GPtrArray  *docs;             /* JsonNode *, one per output line */
} Result;

void        result_free (Result *r);
JsonObject *doc_at (Result *r, guint i);
const char *doc_id (Result *r, guint i);
/* Runs nlpipe -q with @opts (NULL-terminated, may be NULL) on @inputs
 * (NULL-terminated) and parses its JSON Lines output. */
Result     *run_on (const char *const *opts, const char *const *inputs);
/* The row: GOOD_BEFORE, @bad, GOOD_AFTER; both good documents must come
 * out, first and last, whatever happened to @bad. */
Result     *sandwich (const char *const *opts, const char *bad);
/* stderr holds exactly @n lines, each "nlpipe: ...", and one of them
 * contains @needle (when not NULL). */
void        assert_stderr (NlpTestRun *run, guint n, const char *needle);

#endif
