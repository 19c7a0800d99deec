# sentence stage: module, data and tests (see plugins/stem/local.mk)
plugin_LTLIBRARIES += plugins/sentence.la
plugins_sentence_la_SOURCES = plugins/sentence/sentence.c \
	plugins/sentence/splitter.c plugins/sentence/splitter.h \
	plugins/sentence/splitter-private.h plugins/sentence/lexicon.c
plugins_sentence_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_sentence_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_sentence_la_LIBADD = $(NLP_STAGE_LIBS)

sentencedatadir = $(stagedatadir)/sentence
dist_sentencedata_DATA = plugins/sentence/data/abbreviations.txt \
	plugins/sentence/data/starters.txt \
	plugins/sentence/data/abbreviations.de.txt plugins/sentence/data/starters.de.txt \
	plugins/sentence/data/abbreviations.es.txt plugins/sentence/data/starters.es.txt \
	plugins/sentence/data/abbreviations.fr.txt plugins/sentence/data/starters.fr.txt \
	plugins/sentence/data/abbreviations.it.txt plugins/sentence/data/starters.it.txt \
	plugins/sentence/data/abbreviations.nl.txt plugins/sentence/data/starters.nl.txt \
	plugins/sentence/data/abbreviations.pt.txt plugins/sentence/data/starters.pt.txt

check_PROGRAMS += tests/test-sentence
TESTS += tests/test-sentence
tests_test_sentence_SOURCES = tests/test-sentence.c
tests_test_sentence_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_sentence_LDADD = $(NLP_TEST_LIBS)

# The boundary cases of tests/fixtures/sentences/ (format in its README).
check_PROGRAMS += tests/test-sentence-corpus
TESTS += tests/test-sentence-corpus
tests_test_sentence_corpus_SOURCES = tests/test-sentence-corpus.c
tests_test_sentence_corpus_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_sentence_corpus_LDADD = $(NLP_TEST_LIBS)

# Span properties on random, invalid and 10 MB inputs (tokenize+sentence).
check_PROGRAMS += tests/test-boundaries
TESTS += tests/test-boundaries
tests_test_boundaries_SOURCES = tests/test-boundaries.c
tests_test_boundaries_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_boundaries_LDADD = $(NLP_TEST_LIBS)
