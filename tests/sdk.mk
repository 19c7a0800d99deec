# Stage SDK: introspection (list/info/check), aliases, and the out-of-tree
# example (built against an installed nlpipe by tests/sdk-install-check.sh,
# which CI runs after make check).
check_PROGRAMS += tests/test-sdk
TESTS += tests/test-sdk
tests_test_sdk_SOURCES = tests/test-sdk.c
tests_test_sdk_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_sdk_LDADD = $(NLP_TEST_LIBS)

dist_noinst_SCRIPTS += tests/sdk-install-check.sh
EXTRA_DIST += tests/check-guide.py
