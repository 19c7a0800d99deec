plugin_LTLIBRARIES += plugins/stem.la
plugins_stem_la_SOURCES = plugins/stem/stem.c
plugins_stem_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_stem_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_stem_la_LIBADD = $(NLP_STAGE_LIBS) $(STEMMER_LIBS)

check_PROGRAMS += tests/test-stem
TESTS += tests/test-stem
tests_test_stem_SOURCES = tests/test-stem.c
tests_test_stem_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_stem_LDADD = $(NLP_TEST_LIBS)
