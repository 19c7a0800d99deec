# Output formats: writer unit tests on hand-built documents (writer-doc.c),
# and command-line tests (tsv --columns, colour, html in a headless
# browser, the man page against --help).
writers_tests = tests/test-writers tests/test-writers-read tests/test-writers-cli \
	tests/test-writer-conllu
check_PROGRAMS += $(writers_tests)
TESTS += $(writers_tests)

tests_test_writers_SOURCES = tests/test-writers.c tests/writer-doc.c tests/writer-doc.h
tests_test_writers_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_writers_LDADD = $(NLP_TEST_LIBS)

tests_test_writers_read_SOURCES = tests/test-writers-read.c tests/writer-doc.c tests/writer-doc.h
tests_test_writers_read_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_writers_read_LDADD = $(NLP_TEST_LIBS)

tests_test_writer_conllu_SOURCES = tests/test-writer-conllu.c tests/writer-doc.c tests/writer-doc.h
tests_test_writer_conllu_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_writer_conllu_LDADD = $(NLP_TEST_LIBS)

# forkpty: in libc since glibc 2.34, libutil before
tests_test_writers_cli_SOURCES = tests/test-writers-cli.c
tests_test_writers_cli_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_writers_cli_LDADD = $(NLP_TEST_LIBS) -lutil

CLEANFILES += tests/writers-screenshot.png

# JSON output's numbers and escaping against the code they replaced
# (core/nlp-dtoa.c, core/nlp-json-out.c: private to the library, so the
# test compiles them in).
check_PROGRAMS += tests/test-json-out
TESTS += tests/test-json-out
tests_test_json_out_SOURCES = tests/test-json-out.c core/nlp-dtoa.c core/nlp-json-out.c
tests_test_json_out_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_json_out_LDADD = $(NLP_TEST_LIBS) -lm
