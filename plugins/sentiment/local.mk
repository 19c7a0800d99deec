# sentiment stage: module, data and tests (see plugins/stem/local.mk)
VADER_SOURCES = \
	plugins/sentiment/vader.c plugins/sentiment/vader.h \
	plugins/sentiment/vader-lexicon.c plugins/sentiment/vader-lexicon.h \
	plugins/sentiment/vader-text.c plugins/sentiment/vader-text.h

plugin_LTLIBRARIES += plugins/sentiment.la
plugins_sentiment_la_SOURCES = plugins/sentiment/sentiment.c $(VADER_SOURCES)
plugins_sentiment_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_sentiment_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_sentiment_la_LIBADD = $(NLP_STAGE_LIBS) -lm

# VADER's data (MIT, see LICENSE.vader.txt) ships with the stage.
sentimentdatadir = $(stagedatadir)/sentiment
dist_sentimentdata_DATA = \
	plugins/sentiment/data/vader_lexicon.txt \
	plugins/sentiment/data/emoji_utf8_lexicon.txt \
	plugins/sentiment/data/boosters.tsv \
	plugins/sentiment/data/negations.txt \
	plugins/sentiment/data/special-cases.tsv \
	plugins/sentiment/data/LICENSE.vader.txt

check_PROGRAMS += tests/test-sentiment tests/vader-score
TESTS += tests/test-sentiment
tests_test_sentiment_SOURCES = tests/test-sentiment.c $(VADER_SOURCES)
tests_test_sentiment_CFLAGS = $(NLP_TEST_CFLAGS) -I$(top_srcdir)/plugins/sentiment
tests_test_sentiment_LDADD = $(NLP_TEST_LIBS) -lm

# The pure scorer on the command line: bench/vader-parity.sh and
# bench/bench-sentiment.sh build it with `make tests/vader-score`.
tests_vader_score_SOURCES = tests/vader-score.c $(VADER_SOURCES)
tests_vader_score_CFLAGS = $(NLP_TEST_CFLAGS) -I$(top_srcdir)/plugins/sentiment
tests_vader_score_LDADD = core/libnlpipe.la $(GLIB_LIBS) $(JSON_LIBS) -lm
