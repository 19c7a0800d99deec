# Core and command-line tests.
core_tests = tests/test-document tests/test-options
check_PROGRAMS += $(core_tests)
TESTS += $(core_tests)
tests_test_document_SOURCES = tests/test-document.c
tests_test_document_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_document_LDADD = $(NLP_TEST_LIBS)
tests_test_options_SOURCES = tests/test-options.c
tests_test_options_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_options_LDADD = $(NLP_TEST_LIBS)
