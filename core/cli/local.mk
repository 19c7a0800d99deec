# The nlpipe command: a thin layer over libnlpipe that owns everything a
# terminal sees (messages, progress, exit codes) and the output files.
bin_PROGRAMS += core/nlpipe
core_nlpipe_SOURCES = core/cli/main.c core/cli/cli-private.h core/cli/cli-run.c \
	core/cli/cli-chain.c core/cli/cli-chain.h \
	core/cli/cli-inspect.c core/cli/cli-report.c core/cli/cli-report.h \
	core/cli/cli-output.c core/cli/cli-output.h core/cli/atomic-file.c core/cli/atomic-file.h \
	core/cli/cli-guard.c core/cli/cli-guard.h core/cli/cli-overlap.c core/cli/cli-overlap.h
core_nlpipe_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/cli -I$(top_builddir)/core/cli
core_nlpipe_CFLAGS = $(AM_CFLAGS) $(SOUP_CFLAGS)
core_nlpipe_LDADD = core/libnlpipe.la $(GLIB_LIBS) $(JSON_LIBS) $(SOUP_LIBS)

# nlpipe serve (docs/serve.md); its web page is compiled in.
core_nlpipe_SOURCES += core/cli/cli-serve.c core/cli/cli-serve.h \
	core/cli/serve-listen.c core/cli/serve-reply.c core/cli/serve-api.c \
	core/cli/serve-annotate.c core/cli/serve-page.c
# The command includes no header of the library's own: the html format's
# stylesheet is compiled in here too, from the same file.
nodist_core_nlpipe_SOURCES = core/cli/cli-page-assets.h core/cli/cli-html-css.h
serve_page_files = core/cli/page/index.html core/cli/page/page.js core/cli/page/page.css
EXTRA_DIST += $(serve_page_files)
BUILT_SOURCES += core/cli/cli-page-assets.h core/cli/cli-html-css.h
CLEANFILES += core/cli/cli-page-assets.h core/cli/cli-html-css.h
core/cli/cli-html-css.h: $(top_srcdir)/core/writers/writer-html.css $(top_srcdir)/core/embed.sh
	$(AM_V_GEN)$(MKDIR_P) core/cli && \
	$(SHELL) $(top_srcdir)/core/embed.sh html_stylesheet $(top_srcdir)/core/writers/writer-html.css > $@.tmp && \
	mv $@.tmp $@
core/cli/cli-page-assets.h: $(addprefix $(top_srcdir)/,$(serve_page_files)) $(top_srcdir)/core/embed.sh
	$(AM_V_GEN)$(MKDIR_P) core/cli && rm -f $@.tmp && \
	for f in $(serve_page_files); do \
	  name=`echo "$$f" | sed -e 's|.*/\(page/\)|\1|' -e 's|[/.-]|_|g'`; \
	  $(SHELL) $(top_srcdir)/core/embed.sh "$$name" $(top_srcdir)/$$f >> $@.tmp || exit 1; \
	done && mv $@.tmp $@

# --enable-static-stages: the shipped stages linked in and preloaded
# (libltdl finds them before any file on the search path).
if STATIC_STAGES
nlp_static_stages = plugins/lang.la plugins/tokenize.la plugins/sentence.la \
	plugins/stem.la plugins/entity.la plugins/sentiment.la plugins/pos.la \
	plugins/lemma.la
core_nlpipe_CPPFLAGS += -DNLP_STATIC_STAGES $(LTDLINCL)
core_nlpipe_LDFLAGS = -static-libtool-libs $(foreach la,$(nlp_static_stages),-dlpreopen $(la))
EXTRA_core_nlpipe_DEPENDENCIES = $(nlp_static_stages)
core_nlpipe_LDADD += $(LIBLTDL)
endif

dist_man_MANS = docs/nlpipe.1
