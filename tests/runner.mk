# Runner tests: many documents, order, accounting, outputs, scale-out.
# tests/stages/ holds stages built only for the tests (never installed).
check_LTLIBRARIES += tests/stages/runfail.la
tests_stages_runfail_la_SOURCES = tests/stages/runfail.c
tests_stages_runfail_la_CFLAGS = $(NLP_STAGE_CFLAGS)
# -rpath: libtool builds a shared module only for an installable path
tests_stages_runfail_la_LDFLAGS = $(NLP_STAGE_LDFLAGS) -rpath /nowhere
tests_stages_runfail_la_LIBADD = $(NLP_STAGE_LIBS)

check_PROGRAMS += tests/test-runner
TESTS += tests/test-runner tests/test-parallel.sh
EXTRA_DIST += tests/test-parallel.sh
tests_test_runner_SOURCES = tests/test-runner.c
tests_test_runner_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_runner_LDADD = $(NLP_TEST_LIBS)
# the test program loads the stage: build it first
EXTRA_tests_test_runner_DEPENDENCIES = tests/stages/runfail.la
