# entity stage: module, data, the nlpipe-ner training tool and tests.

# What runs: the tagger, rules and mentions, shared by the stage module
# and nlpipe-ner.  Training, evaluation and corpus reading are
# nlpipe-ner's alone (below): the module carries none of them
# (tests/entity-module-symbols.sh checks).
noinst_LTLIBRARIES += plugins/entity/libner.la
plugins_entity_libner_la_SOURCES = \
	plugins/entity/ner-hash.h \
	plugins/entity/ner-text.c plugins/entity/ner-text.h \
	plugins/entity/ner-gazetteer.c plugins/entity/ner-gazetteer.h \
	plugins/entity/ner-features.c plugins/entity/ner-features.h \
	plugins/entity/ner-model.c plugins/entity/ner-model.h \
	plugins/entity/ner-score.c plugins/entity/ner-score.h \
	plugins/entity/ner-tagger.c plugins/entity/ner-tagger.h \
	plugins/entity/ner-dateline.c plugins/entity/ner-dateline.h \
	plugins/entity/ner-confidence.c plugins/entity/ner-confidence.h \
	plugins/entity/ner-rules.c plugins/entity/ner-rules.h \
	plugins/entity/ner-rules-time.c plugins/entity/ner-rules-words.c \
	plugins/entity/ner-rules-words.h \
	plugins/entity/ner-mentions.c plugins/entity/ner-mentions.h
plugins_entity_libner_la_CFLAGS = $(NLP_STAGE_CFLAGS) -O3

plugin_LTLIBRARIES += plugins/entity.la
plugins_entity_la_SOURCES = plugins/entity/entity.c
plugins_entity_la_CFLAGS = $(NLP_STAGE_CFLAGS)
plugins_entity_la_LDFLAGS = $(NLP_STAGE_LDFLAGS)
plugins_entity_la_LIBADD = plugins/entity/libner.la $(NLP_STAGE_LIBS) -lm

bin_PROGRAMS += plugins/entity/nlpipe-ner
plugins_entity_nlpipe_ner_SOURCES = plugins/entity/nlpipe-ner.c \
	plugins/entity/ner-bio.c plugins/entity/ner-bio.h \
	plugins/entity/ner-model-write.c plugins/entity/ner-model-write.h \
	plugins/entity/ner-train.c plugins/entity/ner-train.h \
	plugins/entity/ner-calibrate.c plugins/entity/ner-calibrate.h \
	plugins/entity/ner-chain-eval.c plugins/entity/ner-chain-eval.h
plugins_entity_nlpipe_ner_CFLAGS = $(AM_CFLAGS) -O3
plugins_entity_nlpipe_ner_CPPFLAGS = $(AM_CPPFLAGS) \
	-DNER_DATADIR='"$(entitydatadir)"' \
	-DNER_SRCDATADIR='"$(abs_top_srcdir)/plugins/entity/data"'
plugins_entity_nlpipe_ner_LDADD = plugins/entity/libner.la core/libnlpipe.la \
	$(GLIB_LIBS) $(JSON_LIBS) -lm

entitydatadir = $(stagedatadir)/entity
dist_entitydata_DATA = \
	plugins/entity/data/ner.model \
	plugins/entity/data/gaz-loc.txt plugins/entity/data/gaz-org.txt \
	plugins/entity/data/gaz-person.txt plugins/entity/data/gaz-first.txt \
	plugins/entity/data/gaz-last.txt plugins/entity/data/gaz-demonym.txt \
	plugins/entity/data/lex-lower.txt plugins/entity/data/lex-cap.txt \
	plugins/entity/data/lex-orgcue.txt \
	plugins/entity/data/NOTICE
EXTRA_DIST += plugins/entity/data/make-gazetteers.sh

check_PROGRAMS += tests/test-entity tests/test-entity-news
TESTS += tests/test-entity tests/test-entity-news tests/entity-module-symbols.sh
EXTRA_DIST += tests/entity-module-symbols.sh
tests_test_entity_SOURCES = tests/test-entity.c
tests_test_entity_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_entity_LDADD = $(NLP_TEST_LIBS)
tests_test_entity_news_SOURCES = tests/test-entity-news.c
tests_test_entity_news_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_entity_news_LDADD = $(NLP_TEST_LIBS)
