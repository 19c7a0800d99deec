# Tests: Criterion programs (each test in its own process) reporting TAP, so
# automake counts every test case.  Stage tests are listed in the stage's
# plugins/NAME/local.mk; core and command-line tests here.
NLP_TEST_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) \
	-DNLP_TEST_SRCDIR='"$(abs_top_srcdir)"' \
	-DNLP_TEST_BUILDDIR='"$(abs_top_builddir)"'
NLP_TEST_LIBS = tests/libnlptest.la core/libnlpipe.la $(CRITERION_LIBS) \
	$(GLIB_LIBS) $(JSON_LIBS)

check_LTLIBRARIES += tests/libnlptest.la
tests_libnlptest_la_SOURCES = tests/nlp-test.c tests/nlp-test.h
tests_libnlptest_la_CFLAGS = $(NLP_TEST_CFLAGS)

LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/criterion-tap.sh
AM_TESTS_ENVIRONMENT = LD_BIND_NOW=1; export LD_BIND_NOW; \
	NLPIPE_PLUGIN_PATH=; unset NLPIPE_PLUGIN_PATH; \
	NO_COLOR=1; export NO_COLOR;

EXTRA_DIST += tests/criterion-tap.sh tests/fixtures build-aux/tap-driver.sh

include tests/core.mk
include tests/cli.mk
include tests/writers.mk
include tests/sdk.mk
include tests/runner.mk
include tests/robustness.mk
include tests/bindings.mk
include tests/serve.mk
