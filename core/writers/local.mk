# Output formats: the format table (nlp-writer.c) and one file per format.
# docs/formats.md describes every format.
core_libnlpipe_la_SOURCES += \
	core/writers/nlp-writer.c core/writers/nlp-writer-private.h core/writers/nlp-writer-page.c \
	core/writers/json-cells.c core/writers/json-cells-private.h \
	core/writers/writer-json.c core/writers/nlp-cell-memo-private.h \
	core/writers/writer-text.c \
	core/writers/writer-summary.c core/writers/writer-summary.h \
	core/writers/writer-tsv.c \
	core/writers/writer-html.c core/writers/writer-sentences.c \
	core/writers/writer-conllu.c
core_libnlpipe_la_SOURCES += core/writers/html-private.h core/writers/html-text.c \
	core/writers/html-summary.c core/writers/html-tables.c

# The html format's stylesheet, one file that nlpipe serve's page links
# to as well, compiled in as a string (core/embed.sh).
nodist_core_libnlpipe_la_SOURCES = core/writers/writer-html-css.h
BUILT_SOURCES += core/writers/writer-html-css.h
CLEANFILES += core/writers/writer-html-css.h
EXTRA_DIST += core/writers/writer-html.css core/embed.sh
core/writers/writer-html-css.h: $(top_srcdir)/core/writers/writer-html.css $(top_srcdir)/core/embed.sh
	$(AM_V_GEN)$(MKDIR_P) core/writers && \
	$(SHELL) $(top_srcdir)/core/embed.sh html_stylesheet $(top_srcdir)/core/writers/writer-html.css > $@.tmp && \
	mv $@.tmp $@
