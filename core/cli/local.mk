# The nlpipe command: a thin layer over libnlpipe that owns everything a
# terminal sees (messages, progress, exit codes) and the output files.
bin_PROGRAMS += core/nlpipe
core_nlpipe_SOURCES = core/cli/main.c core/cli/cli-private.h core/cli/cli-run.c \
	core/cli/cli-chain.c core/cli/cli-chain.h core/cli/cli-describe.c core/cli/cli-describe.h \
	core/cli/cli-inspect.c core/cli/cli-report.c core/cli/cli-report.h \
	core/cli/cli-output.c core/cli/cli-output.h core/cli/atomic-file.c core/cli/atomic-file.h
core_nlpipe_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/cli
core_nlpipe_LDADD = core/libnlpipe.la $(GLIB_LIBS) $(JSON_LIBS)

dist_man_MANS = docs/nlpipe.1
