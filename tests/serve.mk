# nlpipe serve: the server started on port 0 and driven by libsoup and
# GLib-socket clients (test-serve), its page in headless Chromium
# (test-serve-page), the Python client of examples/clients (serve-python.sh).
serve_tests = tests/test-serve tests/test-serve-page
check_PROGRAMS += $(serve_tests)
TESTS += $(serve_tests) tests/serve-python.sh
dist_noinst_SCRIPTS += tests/serve-python.sh

check_LTLIBRARIES += tests/libservetest.la
tests_libservetest_la_SOURCES = tests/serve-test.c tests/serve-test.h
tests_libservetest_la_CFLAGS = $(NLP_TEST_CFLAGS) $(SOUP_CFLAGS)

tests_test_serve_SOURCES = tests/test-serve.c
tests_test_serve_CFLAGS = $(NLP_TEST_CFLAGS) $(SOUP_CFLAGS)
tests_test_serve_LDADD = tests/libservetest.la $(NLP_TEST_LIBS) $(SOUP_LIBS)

tests_test_serve_page_SOURCES = tests/test-serve-page.c
tests_test_serve_page_CFLAGS = $(NLP_TEST_CFLAGS) $(SOUP_CFLAGS)
tests_test_serve_page_LDADD = tests/libservetest.la $(NLP_TEST_LIBS) $(SOUP_LIBS)
CLEANFILES += tests/serve-page-screenshot.png
