# pos stage: module, data, the nlpipe-pos training tool and tests.

# The tagger, shared by the stage module and nlpipe-pos.
noinst_LTLIBRARIES += plugins/pos/libpos.la
plugins_pos_libpos_la_SOURCES = \
	plugins/pos/pos-hash.h \
	plugins/pos/pos-huge.c plugins/pos/pos-huge.h \
	plugins/pos/pos-words.c plugins/pos/pos-words.h \
	plugins/pos/pos-text.c plugins/pos/pos-text.h \
	plugins/pos/pos-lexicon.c plugins/pos/pos-lexicon.h \
	plugins/pos/pos-features.c plugins/pos/pos-features.h \
	plugins/pos/pos-model.c plugins/pos/pos-model.h \
	plugins/pos/pos-tagger.c plugins/pos/pos-tagger.h \
	plugins/pos/pos-punct.c plugins/pos/pos-punct.h \
	plugins/pos/pos-conllu.c plugins/pos/pos-conllu.h \
	plugins/pos/pos-train.c plugins/pos/pos-train.h
plugins_pos_libpos_la_CFLAGS = $(NLP_STAGE_CFLAGS) -O3

plugin_LTLIBRARIES += plugins/pos.la
plugins_pos_la_SOURCES = plugins/pos/pos.c
plugins_pos_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_pos_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_pos_la_LIBADD = plugins/pos/libpos.la $(NLP_STAGE_LIBS) -lm

bin_PROGRAMS += plugins/pos/nlpipe-pos
plugins_pos_nlpipe_pos_SOURCES = plugins/pos/nlpipe-pos.c
plugins_pos_nlpipe_pos_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPOS_DATADIR='"$(posdatadir)"' \
	-DPOS_SRCDATADIR='"$(abs_top_srcdir)/plugins/pos/data"'
plugins_pos_nlpipe_pos_LDADD = plugins/pos/libpos.la core/libnlpipe.la \
	$(GLIB_LIBS) $(JSON_LIBS) -lm

posdatadir = $(stagedatadir)/pos
dist_posdata_DATA = plugins/pos/data/pos.model plugins/pos/data/lexicon.tsv \
	plugins/pos/data/abbreviations.txt plugins/pos/data/NOTICE
EXTRA_DIST += plugins/pos/data/make-lexicon.py

check_PROGRAMS += tests/test-pos
TESTS += tests/test-pos
tests_test_pos_SOURCES = tests/test-pos.c
tests_test_pos_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_pos_LDADD = $(NLP_TEST_LIBS)
