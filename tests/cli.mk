# End-to-end tests of the built nlpipe on the example article.
check_PROGRAMS += tests/test-cli tests/test-seed tests/test-aliases
TESTS += tests/test-cli tests/test-seed tests/test-aliases
tests_test_aliases_SOURCES = tests/test-aliases.c
tests_test_aliases_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_aliases_LDADD = $(NLP_TEST_LIBS)
tests_test_cli_SOURCES = tests/test-cli.c
tests_test_cli_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_cli_LDADD = $(NLP_TEST_LIBS)
tests_test_seed_SOURCES = tests/test-seed.c
tests_test_seed_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_seed_LDADD = $(NLP_TEST_LIBS)
