# Language bindings: the GObject Introspection data of libnlpipe
# (Nlpipe-1.0.gir and .typelib: Python, JavaScript and every other GI
# language), the Pythonic nlpipe package over it, and the API reference
# made from the .gir.  docs/python.md and docs/embedding.md explain them.
if HAVE_INTROSPECTION
include $(INTROSPECTION_MAKEFILE)
INTROSPECTION_GIRS = core/Nlpipe-1.0.gir
INTROSPECTION_COMPILER_ARGS = --includedir=$(top_builddir)/core
core/Nlpipe-1.0.gir: core/libnlpipe.la
core_Nlpipe_1_0_gir_NAMESPACE = Nlpipe
core_Nlpipe_1_0_gir_VERSION = 1.0
core_Nlpipe_1_0_gir_LIBS = core/libnlpipe.la
core_Nlpipe_1_0_gir_FILES = $(nlpipeinclude_HEADERS) $(nodist_nlpipeinclude_HEADERS) $(filter %.c,$(core_libnlpipe_la_SOURCES))
core_Nlpipe_1_0_gir_INCLUDES = GLib-2.0 GObject-2.0 Json-1.0
core_Nlpipe_1_0_gir_CFLAGS = -I$(top_srcdir)/core -I$(top_srcdir)/core/writers -I$(top_builddir)/core \
	$(GLIB_CFLAGS) $(JSON_CFLAGS)
core_Nlpipe_1_0_gir_SCANNERFLAGS = --identifier-prefix=Nlp --symbol-prefix=nlp \
	--c-include=nlpipe.h --pkg-export=nlpipe --warn-all
girdir = $(datadir)/gir-1.0
gir_DATA = $(INTROSPECTION_GIRS)
typelibdir = $(libdir)/girepository-1.0
typelib_DATA = $(INTROSPECTION_GIRS:.gir=.typelib)
CLEANFILES += $(gir_DATA) $(typelib_DATA)
endif

# The Pythonic package over gi.repository.Nlpipe (docs/python.md).
if HAVE_PYTHON_GI
nlpipepythondir = $(pythondir)/nlpipe
nlpipepython_PYTHON = core/bindings/python/nlpipe/__init__.py
endif
EXTRA_DIST += core/bindings/python/nlpipe/__init__.py

# The API reference, made by gi-docgen from the .gir (every public
# header's documentation), installed as $(docdir)/reference/index.html.
if HAVE_GI_DOCGEN
apireferencedir = $(docdir)/reference
all-local: docs/api/reference/index.html
docs/api/reference/index.html: core/Nlpipe-1.0.gir docs/api/nlpipe.toml $(srcdir)/docs/api/overview.md
	$(AM_V_GEN)rm -rf docs/api/reference && \
	$(GI_DOCGEN) generate --quiet --no-namespace-dir --config docs/api/nlpipe.toml \
	  --content-dir $(srcdir)/docs/api --output-dir docs/api/reference \
	  --add-include-path $(datadir)/gir-1.0 --add-include-path /usr/share/gir-1.0 \
	  core/Nlpipe-1.0.gir
install-data-local:
	$(MKDIR_P) $(DESTDIR)$(apireferencedir)
	cp -R docs/api/reference/. $(DESTDIR)$(apireferencedir)/
uninstall-local:
	rm -rf $(DESTDIR)$(apireferencedir)
clean-local:
	rm -rf docs/api/reference
endif
EXTRA_DIST += docs/api/nlpipe.toml.in docs/api/overview.md
