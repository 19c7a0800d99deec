# Robustness (docs/robustness.md): bad inputs, fuzz targets, sanitizers,
# memcheck.  Each item has its command there.

# -- the bad-input matrix: every row runs the built nlpipe --------------------
check_PROGRAMS += tests/test-badinput
TESTS += tests/test-badinput
tests_test_badinput_SOURCES = tests/test-badinput.c tests/badinput.c tests/badinput.h
tests_test_badinput_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_badinput_LDADD = $(NLP_TEST_LIBS)
# ... its JSON Lines rows (line ends, nesting, ids, mark, names)
check_PROGRAMS += tests/test-badinput-jsonl
TESTS += tests/test-badinput-jsonl
tests_test_badinput_jsonl_SOURCES = tests/test-badinput-jsonl.c tests/badinput.c tests/badinput.h
tests_test_badinput_jsonl_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_badinput_jsonl_LDADD = $(NLP_TEST_LIBS)

# -- the output rows: -o onto inputs, special files, signals, crashing stages -
check_PROGRAMS += tests/test-badinput-output
TESTS += tests/test-badinput-output
tests_test_badinput_output_SOURCES = tests/test-badinput-output.c
tests_test_badinput_output_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_badinput_output_LDADD = $(NLP_TEST_LIBS)
# a stage that exits, aborts, crashes or hangs on purpose
check_LTLIBRARIES += tests/stages/misbehave.la
tests_stages_misbehave_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_misbehave_la_LIBADD = $(NLP_STAGE_LIBS)

# -- fuzz targets replayed on their seeds and past crashes, every make check --
fuzz_replay = tests/fuzz/replay-reader-text tests/fuzz/replay-reader-jsonl \
	tests/fuzz/replay-config tests/fuzz/replay-options tests/fuzz/replay-chain \
	tests/fuzz/replay-jsonl-record tests/fuzz/replay-output-path
check_PROGRAMS += $(fuzz_replay)
TESTS += $(fuzz_replay)
FUZZ_REPLAY_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-util.h
tests_fuzz_replay_reader_text_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-reader-text.c
tests_fuzz_replay_reader_text_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"reader-text"'
tests_fuzz_replay_reader_text_LDADD = $(NLP_TEST_LIBS)
tests_fuzz_replay_reader_jsonl_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-reader-jsonl.c
tests_fuzz_replay_reader_jsonl_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"reader-jsonl"'
tests_fuzz_replay_reader_jsonl_LDADD = $(NLP_TEST_LIBS)
tests_fuzz_replay_jsonl_record_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-jsonl-record.c \
	core/nlp-jsonl-record.c \
	tests/jsonl-reference.h
tests_fuzz_replay_jsonl_record_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"jsonl-record"'
tests_fuzz_replay_jsonl_record_LDADD = $(NLP_TEST_LIBS)
# the -o DIR mapping is the command's (cli-output.c, its struct private): compiled in
tests_fuzz_replay_output_path_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-output-path.c \
	core/cli/atomic-file.c core/cli/cli-guard.c
tests_fuzz_replay_output_path_CFLAGS = $(NLP_TEST_CFLAGS) -I$(top_srcdir)/core/cli \
	-DFUZZ_TARGET='"output-path"'
tests_fuzz_replay_output_path_LDADD = $(NLP_TEST_LIBS)
tests_fuzz_replay_config_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-config.c
tests_fuzz_replay_config_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"config"'
tests_fuzz_replay_config_LDADD = $(NLP_TEST_LIBS)
tests_fuzz_replay_options_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-options.c
tests_fuzz_replay_options_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"options"'
tests_fuzz_replay_options_LDADD = $(NLP_TEST_LIBS) -lm
tests_fuzz_replay_chain_SOURCES = $(FUZZ_REPLAY_SOURCES) tests/fuzz/fuzz-chain.c
tests_fuzz_replay_chain_CFLAGS = $(NLP_TEST_CFLAGS) -DFUZZ_TARGET='"chain"'
tests_fuzz_replay_chain_LDADD = $(NLP_TEST_LIBS)

EXTRA_DIST += tests/fuzz/build-targets.sh tests/fuzz/build.sh tests/fuzz/run.sh tests/fuzz/corpus \
	tests/fuzz/regress tests/sanitizer-check.sh tests/valgrind-check.sh \
	tests/valgrind.supp

# -- libFuzzer: `make fuzz` builds, `make fuzz-run FUZZ_SECONDS=300` runs -----
FUZZ_BUILDDIR = $(abs_top_builddir)/fuzz-build
FUZZ_SECONDS = 60
FUZZ_TARGETS =
.PHONY: fuzz fuzz-run print-fuzz-stages valgrind-check sanitizer-check
# fuzz-tokenize (tests/fuzz/build.sh, the tokenize helper's) lands beside
# the others, so fuzz-run runs it too.
fuzz:
	$(SHELL) $(top_srcdir)/tests/fuzz/build-targets.sh $(abs_top_srcdir) $(FUZZ_BUILDDIR)
	$(SHELL) $(top_srcdir)/tests/fuzz/build.sh $(FUZZ_BUILDDIR)/tests/fuzz
fuzz-run: fuzz
	$(SHELL) $(top_srcdir)/tests/fuzz/run.sh $(FUZZ_BUILDDIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
# (used by tests/fuzz/build.sh inside the fuzz build)
print-fuzz-stages:
	@echo $(plugin_LTLIBRARIES)

# -- memcheck over the default chain on the example articles ------------------
valgrind-check: all
	$(SHELL) $(top_srcdir)/tests/valgrind-check.sh $(abs_top_srcdir) $(abs_top_builddir)

# -- the whole suite in a VPATH build with ASan+UBSan --------------------------
sanitizer-check:
	$(SHELL) $(top_srcdir)/tests/sanitizer-check.sh $(abs_top_srcdir) $(abs_top_builddir)/asan-build

# -- a stage failing on some documents: every other one is written -----------
check_PROGRAMS += tests/test-onerror
TESTS += tests/test-onerror
tests_test_onerror_SOURCES = tests/test-onerror.c
tests_test_onerror_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_onerror_LDADD = $(NLP_TEST_LIBS)

# -- the bad-input matrix, continued: a new user and memory (issue 15) --------
check_PROGRAMS += tests/test-badinput-cli
TESTS += tests/test-badinput-cli
tests_test_badinput_cli_SOURCES = tests/test-badinput-cli.c
tests_test_badinput_cli_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_badinput_cli_LDADD = $(NLP_TEST_LIBS)
