# The language bindings on the built tree: the Python package's test suite
# (tests/python/, TAP) and the JavaScript example through gjs.  Both skip,
# saying why, when the build has no introspection.
TESTS += tests/test-python.sh tests/test-gjs.sh
EXTRA_DIST += tests/test-python.sh tests/test-gjs.sh tests/python/tap.py \
	tests/python/test_nlpipe.py
if HAVE_PYTHON_GI
NLP_BINDINGS_ENV = NLP_HAVE_PYTHON_GI=yes NLP_PYTHON='$(PYTHON)'
else
NLP_BINDINGS_ENV = NLP_HAVE_PYTHON_GI=no
endif
if HAVE_INTROSPECTION
NLP_BINDINGS_ENV += NLP_HAVE_INTROSPECTION=yes NLP_GJS='$(GJS)'
endif
AM_TESTS_ENVIRONMENT += $(NLP_BINDINGS_ENV); export NLP_HAVE_PYTHON_GI NLP_PYTHON \
	NLP_HAVE_INTROSPECTION NLP_GJS;

# examples/keywords, built here as a third-party stage for the binding
# tests (its own build is the SDK check's)
check_LTLIBRARIES += tests/thirdparty/keywords.la
tests_thirdparty_keywords_la_SOURCES = examples/keywords/keywords.c
tests_thirdparty_keywords_la_CFLAGS = $(NLP_STAGE_CFLAGS)
tests_thirdparty_keywords_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_thirdparty_keywords_la_LIBADD = $(NLP_STAGE_LIBS)
