# libnlpipe: the document model, the stage contract, the registry, the
# pipeline, the reader and the runner (core/), and the output formats
# (core/writers/).  The nlpipe command is in core/cli/.  docs/architecture.md
# draws the layers and says which may include which.
lib_LTLIBRARIES += core/libnlpipe.la

nlpipeincludedir = $(includedir)/nlpipe
nlpipeinclude_HEADERS = \
	core/nlpipe.h core/nlpipe-stage.h core/nlp-error.h core/nlp-document.h \
	core/nlp-layer.h core/nlp-document-json.h core/nlp-options.h core/nlp-stage-env.h core/nlp-registry.h core/nlp-chain-spec.h core/nlp-pipeline.h \
	core/nlp-reader.h core/writers/nlp-writer.h core/nlp-runner.h core/nlp-processor.h \
	core/nlp-describe.h core/nlp-json-text.h core/nlp-types.h
nodist_nlpipeinclude_HEADERS = core/nlp-version.h

core_libnlpipe_la_SOURCES = \
	core/nlp-error.c core/nlp-types.c \
	core/nlp-document.c core/nlp-document-private.h core/nlp-arena.c core/nlp-arena-private.h \
	core/nlp-json-text.c \
	core/nlp-layer.c core/nlp-layer-private.h \
	core/nlp-options.c core/nlp-stage-env.c core/nlp-stage-env-private.h \
	core/nlp-paths.c core/nlp-paths-private.h \
	core/nlp-names.c core/nlp-names-private.h \
	core/nlp-access.c core/nlp-access-private.h \
	core/nlp-registry.c core/nlp-registry-private.h \
	core/nlp-chain-spec.c core/nlp-chain-spec-private.h \
	core/nlp-pipeline.c core/nlp-pipeline-private.h \
	core/nlp-reader.c core/nlp-reader-private.h core/nlp-jsonl-record.c core/nlp-jsonl-private.h core/nlp-utf8-private.h \
	core/nlp-runner.c core/nlp-processor.c core/nlp-describe.c \
	core/nlp-dtoa.c core/nlp-dtoa-private.h \
	core/nlp-utf8-quote.c core/nlp-utf8-quote-private.h \
	core/nlp-line-reader.c core/nlp-line-reader-private.h \
	core/nlp-json-out.c core/nlp-json-out-private.h \
	core/nlp-json-append.c core/nlp-json-append-private.h
core_libnlpipe_la_CPPFLAGS = $(AM_CPPFLAGS) $(LTDLINCL) \
	-DNLP_BUILDDIR='"$(abs_top_builddir)"' \
	-DNLP_SRCDIR='"$(abs_top_srcdir)"' \
	-DNLP_PLUGINDIR='"$(plugindir)"' \
	-DNLP_PREFIX='"$(prefix)"' \
	-DNLP_STAGEDATADIR='"$(stagedatadir)"'
core_libnlpipe_la_LIBADD = $(LIBLTDL) $(GLIB_LIBS) $(JSON_LIBS) -lm
core_libnlpipe_la_LDFLAGS = -version-info 2:0:0 -no-undefined \
	-export-symbols-regex '^nlp_[a-z]'
EXTRA_core_libnlpipe_la_DEPENDENCIES = $(LTDLDEPS)

include core/writers/local.mk
include core/cli/local.mk
include core/bindings/local.mk
