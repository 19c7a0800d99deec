# lemma stage: module, data and tests.
noinst_LTLIBRARIES += plugins/lemma/liblemma.la
plugins_lemma_liblemma_la_SOURCES = plugins/lemma/lemma-rules.c plugins/lemma/lemma-rules.h
plugins_lemma_liblemma_la_CFLAGS = $(NLP_STAGE_CFLAGS)

plugin_LTLIBRARIES += plugins/lemma.la
plugins_lemma_la_SOURCES = plugins/lemma/lemma.c
plugins_lemma_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_lemma_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_lemma_la_LIBADD = plugins/lemma/liblemma.la $(NLP_STAGE_LIBS)

lemmadatadir = $(stagedatadir)/lemma
dist_lemmadata_DATA = plugins/lemma/data/exceptions.tsv plugins/lemma/data/bases.tsv \
	plugins/lemma/data/names.txt \
	plugins/lemma/data/NOTICE
EXTRA_DIST += plugins/lemma/data/make-lemma-data.py

check_PROGRAMS += tests/test-lemma
TESTS += tests/test-lemma
tests_test_lemma_SOURCES = tests/test-lemma.c
tests_test_lemma_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_lemma_LDADD = $(NLP_TEST_LIBS)
