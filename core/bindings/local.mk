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
