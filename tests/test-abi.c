/* test-abi.c — the stage ABI guard (as GStreamer's gstabi.c): the layout
 * of the structs that stages and programs compile in, checked against a
 * table for x86_64 (LP64).  An accidental change fails here; an intended
 * one bumps NLP_ABI_MAJOR (or, for a field added at the end of
 * NlpStageInfo in place of padding, NLP_ABI_MINOR) and updates this table. */
#include <stddef.h>
#include "nlp-test.h"

typedef struct {
  const char *field;
  gsize offset, expected;
} Field;

#define FIELD(type, f, off) { #type "." #f, offsetof (type, f), (off) }

static void
check_fields (const Field *fields, gsize n)
{
  for (gsize i = 0; i < n; i++)
    cr_expect_eq (fields[i].offset, fields[i].expected, "offsetof (%s) is %zu, not %zu",
                  fields[i].field, fields[i].offset, fields[i].expected);
}

#if defined(__x86_64__) && defined(__LP64__)

Test (abi, stage_info_layout)
{
  static const Field fields[] = {
    FIELD (NlpStageInfo, abi_major, 0),
    FIELD (NlpStageInfo, abi_minor, 4),
    FIELD (NlpStageInfo, struct_size, 8),
    FIELD (NlpStageInfo, name, 16),
    FIELD (NlpStageInfo, version, 24),
    FIELD (NlpStageInfo, summary, 32),
    FIELD (NlpStageInfo, requires, 40),
    FIELD (NlpStageInfo, provides, 48),
    FIELD (NlpStageInfo, modifies, 56),
    FIELD (NlpStageInfo, options, 64),
    FIELD (NlpStageInfo, model_new, 72),
    FIELD (NlpStageInfo, model_free, 80),
    FIELD (NlpStageInfo, worker_new, 88),
    FIELD (NlpStageInfo, worker_free, 96),
    FIELD (NlpStageInfo, process, 104),
    /* ABI 1.1 */
    FIELD (NlpStageInfo, licence, 112),
    FIELD (NlpStageInfo, author, 120),
    FIELD (NlpStageInfo, homepage, 128),
    FIELD (NlpStageInfo, languages, 136),
    FIELD (NlpStageInfo, _reserved, 144),
  };

  check_fields (fields, G_N_ELEMENTS (fields));
  cr_expect_eq (sizeof (NlpStageInfo), 176);
  cr_expect_eq (NLP_STAGE_INFO_MIN_SIZE, 112);
}

Test (abi, option_spec_layout)
{
  static const Field fields[] = {
    FIELD (NlpOptionSpec, name, 0),
    FIELD (NlpOptionSpec, type, 8),
    FIELD (NlpOptionSpec, default_value, 16),
    FIELD (NlpOptionSpec, help, 24),
    FIELD (NlpOptionSpec, choices, 32),
    FIELD (NlpOptionSpec, min, 40),
    FIELD (NlpOptionSpec, max, 48),
    FIELD (NlpOptionSpec, list_choices, 56),
    FIELD (NlpOptionSpec, _reserved, 64),
  };

  check_fields (fields, G_N_ELEMENTS (fields));
  cr_expect_eq (sizeof (NlpOptionSpec), 80);
}

Test (abi, option_and_enum_values)
{
  /* stages compile these numbers in */
  cr_expect_eq (NLP_ABI_MAJOR, 1);
  cr_expect_eq (NLP_OPTION_BOOL, 0);
  cr_expect_eq (NLP_OPTION_INT, 1);
  cr_expect_eq (NLP_OPTION_DOUBLE, 2);
  cr_expect_eq (NLP_OPTION_STRING, 3);
  cr_expect_eq (NLP_OPTION_CHOICE, 4);
  cr_expect_eq (NLP_OPTION_PATH, 5);
  cr_expect_eq (NLP_COLUMN_STRING, 0);
  cr_expect_eq (NLP_COLUMN_INT, 1);
  cr_expect_eq (NLP_COLUMN_DOUBLE, 2);
  cr_expect_eq (NLP_COLUMN_REF, 3);
  cr_expect_eq (NLP_VALUE_STRING, 0);
  cr_expect_eq (NLP_VALUE_JSON, 3);
  cr_expect_eq (NLP_ERROR_STAGE, 10);
  cr_expect_eq (NLP_ERROR_DATA, 11);
}

Test (abi, public_option_structs_keep_their_size)
{
  /* programs embedding libnlpipe allocate these: fields are added in place
   * of _reserved, never by growing them */
  cr_expect_eq (sizeof (NlpReaderOptions), 56);
  cr_expect_eq (sizeof (NlpWriterOptions), 72);
}

#else

Test (abi, layout_table_is_for_x86_64_only)
{
  cr_skip_test ("the ABI table describes x86_64 (LP64)");
}

#endif

/* what NLP_STAGE_DEFINE fills in, on any architecture */
NLP_STAGE_DEFINE (probe, .version = "1");

Test (abi, descriptor_made_by_the_macro_is_current)
{
  cr_assert_eq (probe_LTX_nlp_stage.abi_major, NLP_ABI_MAJOR);
  cr_assert_eq (probe_LTX_nlp_stage.abi_minor, NLP_ABI_MINOR);
  cr_assert_eq (probe_LTX_nlp_stage.struct_size, sizeof (NlpStageInfo));
  cr_assert_str_eq (probe_LTX_nlp_stage.name, "probe");
  cr_assert_geq (sizeof (NlpStageInfo), NLP_STAGE_INFO_MIN_SIZE);
}
