# Output formats: the format table (nlp-writer.c) and one file per format.
# docs/formats.md describes every format.
core_libnlpipe_la_SOURCES += \
	core/writers/nlp-writer.c core/writers/nlp-writer-private.h \
	core/writers/json-cells.c core/writers/json-cells-private.h \
	core/writers/writer-json.c core/writers/nlp-cell-memo-private.h \
	core/writers/writer-text.c \
	core/writers/writer-summary.c core/writers/writer-summary.h \
	core/writers/writer-tsv.c \
	core/writers/writer-html.c core/writers/writer-sentences.c \
	core/writers/writer-conllu.c
