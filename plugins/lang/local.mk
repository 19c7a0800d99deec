# lang stage: module, data, the nlpipe-lang training tool and tests.

# The detector, shared by the stage module and nlpipe-lang.
noinst_LTLIBRARIES += plugins/lang/liblang.la
plugins_lang_liblang_la_SOURCES = \
	plugins/lang/lang-text.c plugins/lang/lang-text.h \
	plugins/lang/lang-features.h \
	plugins/lang/lang-model.c plugins/lang/lang-model.h \
	plugins/lang/lang-kernels.c plugins/lang/lang-kernels.h \
	plugins/lang/lang-detect.c plugins/lang/lang-detect.h \
	plugins/lang/lang-train.c plugins/lang/lang-train.h
plugins_lang_liblang_la_CFLAGS = $(NLP_STAGE_CFLAGS) -O3

plugin_LTLIBRARIES += plugins/lang.la
plugins_lang_la_SOURCES = plugins/lang/lang.c
plugins_lang_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_lang_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_lang_la_LIBADD = plugins/lang/liblang.la $(NLP_STAGE_LIBS) -lm

bin_PROGRAMS += plugins/lang/nlpipe-lang
plugins_lang_nlpipe_lang_SOURCES = plugins/lang/nlpipe-lang.c
plugins_lang_nlpipe_lang_CPPFLAGS = $(AM_CPPFLAGS) \
	-DLANG_DATADIR='"$(langdatadir)"' \
	-DLANG_SRCDATADIR='"$(abs_top_srcdir)/plugins/lang/data"'
plugins_lang_nlpipe_lang_LDADD = plugins/lang/liblang.la core/libnlpipe.la \
	$(GLIB_LIBS) -lm

langdatadir = $(stagedatadir)/lang
dist_langdata_DATA = plugins/lang/data/lang.model plugins/lang/data/NOTICE
EXTRA_DIST += plugins/lang/make-corpus.py plugins/lang/data/sources.tsv \
	plugins/lang/corpus-extra/ne.common-voice.txt

check_PROGRAMS += tests/test-lang
TESTS += tests/test-lang
tests_test_lang_SOURCES = tests/test-lang.c
tests_test_lang_CFLAGS = $(NLP_TEST_CFLAGS) -I$(top_srcdir)/plugins/lang
tests_test_lang_LDADD = plugins/lang/liblang.la $(NLP_TEST_LIBS) -lm
