# Core unit tests, and the stages built only for them in tests/stages/:
# tiny helpers (testtok, testupper, testopts, failer) and stages broken on
# purpose, one per loader refusal.  Never installed.
core_tests = tests/test-document tests/test-layer tests/test-options \
	tests/test-registry tests/test-pipeline tests/test-reader \
	tests/test-json-writer tests/test-abi tests/test-jsonl tests/test-json-text \
	tests/test-contract tests/test-languages tests/test-processor tests/test-line-reader
check_PROGRAMS += $(core_tests)
TESTS += $(core_tests)

# Stages that call into libnlpipe or GLib link with them; the broken ones
# reference nothing, so -z defs holds with no library.
core_test_stages_libs = tests/stages/failer.la tests/stages/testtok.la \
	tests/stages/testupper.la tests/stages/testopts.la tests/stages/nodata.la \
	tests/stages/rogue.la tests/stages/modifier.la tests/stages/oldabi.la \
	tests/stages/testlang.la tests/stages/testen.la tests/stages/testendep.la \
	tests/stages/badutf8.la
core_test_stages_bare = tests/stages/badabi.la tests/stages/newminor.la \
	tests/stages/shortdesc.la tests/stages/noentry.la tests/stages/misnamed.la \
	tests/stages/noprocess.la tests/stages/noversion.la \
	tests/stages/nosummary.la tests/stages/badoptions.la tests/stages/liar.la \
	tests/stages/badnames.la
core_test_stages = $(core_test_stages_libs) $(core_test_stages_bare) \
	tests/stages/unresolved.la
check_LTLIBRARIES += $(core_test_stages)
EXTRA_DIST += tests/stages/test-stages.h tests/scratch-dir.h tests/stages/abi-1.0/nlpipe-stage.h

# -rpath: libtool builds a shared module only for an installable path.
NLP_TEST_STAGE_LDFLAGS = $(NLP_STAGE_LDFLAGS) -rpath /nowhere
tests_stages_failer_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_failer_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_badutf8_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_badutf8_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testtok_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testtok_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testupper_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testupper_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testopts_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testopts_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_nodata_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
# built with the frozen ABI 1.0 header first on the include path
tests_stages_oldabi_la_CPPFLAGS = -I$(top_srcdir)/tests/stages/abi-1.0 $(AM_CPPFLAGS)
tests_stages_oldabi_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_oldabi_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testlang_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testlang_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testen_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testen_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_testendep_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_testendep_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_rogue_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_rogue_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_modifier_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_modifier_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_nodata_la_LIBADD = $(NLP_STAGE_LIBS)
tests_stages_badabi_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_newminor_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_shortdesc_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_misnamed_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_noprocess_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_noversion_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_nosummary_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_badoptions_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_liar_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
tests_stages_badnames_la_LDFLAGS = $(NLP_TEST_STAGE_LDFLAGS)
# Exports nothing: an empty -export-symbols-regex list is a linker error.
tests_stages_noentry_la_LDFLAGS = -module -avoid-version -shared \
	-rpath /nowhere -Wl,-z,defs -Wl,-z,now
# Links although a symbol is undefined (no -z defs); -z now makes loading
# it fail at dlopen, as LD_BIND_NOW=1 does for every stage under make check.
tests_stages_unresolved_la_LDFLAGS = -module -avoid-version -shared \
	-rpath /nowhere -Wl,-z,now

tests_test_document_SOURCES = tests/test-document.c
tests_test_document_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_document_LDADD = $(NLP_TEST_LIBS)
tests_test_layer_SOURCES = tests/test-layer.c
tests_test_layer_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_layer_LDADD = $(NLP_TEST_LIBS)
tests_test_options_SOURCES = tests/test-options.c
tests_test_options_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_options_LDADD = $(NLP_TEST_LIBS)
tests_test_registry_SOURCES = tests/test-registry.c
tests_test_registry_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_registry_LDADD = $(NLP_TEST_LIBS)
EXTRA_tests_test_registry_DEPENDENCIES = $(core_test_stages)
tests_test_pipeline_SOURCES = tests/test-pipeline.c
tests_test_pipeline_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_pipeline_LDADD = $(NLP_TEST_LIBS)
EXTRA_tests_test_pipeline_DEPENDENCIES = $(core_test_stages)
tests_test_reader_SOURCES = tests/test-reader.c
tests_test_reader_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_reader_LDADD = $(NLP_TEST_LIBS)
tests_test_json_text_SOURCES = tests/test-json-text.c
tests_test_json_text_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_json_text_LDADD = $(NLP_TEST_LIBS)
# the JSON Lines fast path is private to the library: compiled in
tests_test_line_reader_SOURCES = tests/test-line-reader.c core/nlp-line-reader.c \
	core/nlp-line-reader-private.h
tests_test_line_reader_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_line_reader_LDADD = $(NLP_TEST_LIBS)
tests_test_jsonl_SOURCES = tests/test-jsonl.c tests/jsonl-reference.h core/nlp-jsonl-record.c
tests_test_jsonl_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_jsonl_LDADD = $(NLP_TEST_LIBS)
tests_test_json_writer_SOURCES = tests/test-json-writer.c
tests_test_json_writer_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_json_writer_LDADD = $(NLP_TEST_LIBS)
tests_test_contract_SOURCES = tests/test-contract.c
tests_test_contract_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_contract_LDADD = $(NLP_TEST_LIBS)
EXTRA_tests_test_contract_DEPENDENCIES = $(core_test_stages)
tests_test_languages_SOURCES = tests/test-languages.c
tests_test_languages_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_languages_LDADD = $(NLP_TEST_LIBS)
EXTRA_tests_test_languages_DEPENDENCIES = $(core_test_stages)
tests_test_processor_SOURCES = tests/test-processor.c
tests_test_processor_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_processor_LDADD = $(NLP_TEST_LIBS)
EXTRA_tests_test_processor_DEPENDENCIES = $(core_test_stages)
tests_test_abi_SOURCES = tests/test-abi.c
tests_test_abi_CFLAGS = $(NLP_TEST_CFLAGS)
tests_test_abi_LDADD = $(NLP_TEST_LIBS)

# The library's exported symbols: the documented API only; and the include
# rule of docs/architecture.md.
TESTS += tests/test-exports.sh tests/test-layers.sh
EXTRA_DIST += tests/test-exports.sh tests/test-layers.sh tests/static-stages-check.sh
