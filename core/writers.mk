# Output formats beyond json/text, and the manual page (docs/formats.md
# describes every format).
core_libnlpipe_la_SOURCES += \
	core/writer-summary.c core/writer-summary.h \
	core/writer-tsv.c core/writer-tsv.h \
	core/writer-html.c core/writer-sentences.c core/writer-conllu.c

dist_man_MANS = docs/nlpipe.1

# Fast exact building blocks of JSON output (numbers, escaped strings).
core_libnlpipe_la_SOURCES += \
	core/nlp-dtoa.c core/nlp-dtoa-private.h \
	core/nlp-json-out.c core/nlp-json-out-private.h core/nlp-cell-memo-private.h
