# lang stage: module, data, the nlpipe-lang training tool and tests.

# The detector, shared by the stage module and nlpipe-lang.
noinst_LTLIBRARIES += plugins/lang/liblang.la
plugins_lang_liblang_la_SOURCES = \
	plugins/lang/lang-text.c plugins/lang/lang-text.h \
	plugins/lang/lang-features.h \
	plugins/lang/lang-model.c plugins/lang/lang-model.h \
	plugins/lang/lang-detect.c plugins/lang/lang-detect.h \
	plugins/lang/lang-train.c plugins/lang/lang-train.h
plugins_lang_liblang_la_CFLAGS = $(NLP_STAGE_CFLAGS) -O3

bin_PROGRAMS += plugins/lang/nlpipe-lang
plugins_lang_nlpipe_lang_SOURCES = plugins/lang/nlpipe-lang.c
plugins_lang_nlpipe_lang_CPPFLAGS = $(AM_CPPFLAGS) \
	-DLANG_DATADIR='"$(langdatadir)"' \
	-DLANG_SRCDATADIR='"$(abs_top_srcdir)/plugins/lang/data"'
plugins_lang_nlpipe_lang_LDADD = plugins/lang/liblang.la core/libnlpipe.la \
	$(GLIB_LIBS) -lm

langdatadir = $(stagedatadir)/lang
EXTRA_DIST += plugins/lang/make-corpus.py plugins/lang/data/sources.tsv
