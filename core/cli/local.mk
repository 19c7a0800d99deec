# The nlpipe command: a thin layer over libnlpipe that owns everything a
# terminal sees (messages, progress, exit codes) and the output files.
bin_PROGRAMS += core/nlpipe
core_nlpipe_SOURCES = core/cli/main.c core/cli/cli-private.h core/cli/cli-run.c \
	core/cli/cli-inspect.c core/cli/cli-report.c core/cli/cli-report.h \
	core/cli/cli-output.c core/cli/cli-output.h core/cli/atomic-file.c core/cli/atomic-file.h
core_nlpipe_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/cli
core_nlpipe_LDADD = core/libnlpipe.la $(GLIB_LIBS) $(JSON_LIBS)

# --enable-static-stages: the shipped stages linked in and preloaded
# (libltdl finds them before any file on the search path).
if STATIC_STAGES
nlp_static_stages = plugins/tokenize.la plugins/sentence.la plugins/stem.la \
	plugins/entity.la plugins/sentiment.la
core_nlpipe_CPPFLAGS += -DNLP_STATIC_STAGES $(LTDLINCL)
core_nlpipe_LDFLAGS = -static-libtool-libs $(foreach la,$(nlp_static_stages),-dlpreopen $(la))
EXTRA_core_nlpipe_DEPENDENCIES = $(nlp_static_stages)
core_nlpipe_LDADD += $(LIBLTDL)
endif

dist_man_MANS = docs/nlpipe.1
