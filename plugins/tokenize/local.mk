# tokenize stage: module and tests (see plugins/stem/local.mk)
plugin_LTLIBRARIES += plugins/tokenize.la
plugins_tokenize_la_SOURCES = plugins/tokenize/tokenize.c \
	plugins/tokenize/tokenizer.c plugins/tokenize/tokenizer.h \
	plugins/tokenize/elision.c plugins/tokenize/elision.h
plugins_tokenize_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_tokenize_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_tokenize_la_LIBADD = $(NLP_STAGE_LIBS)

check_PROGRAMS += tests/test-tokenize
TESTS += tests/test-tokenize
tests_test_tokenize_SOURCES = tests/test-tokenize.c
tests_test_tokenize_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_tokenize_LDADD = $(NLP_TEST_LIBS)
