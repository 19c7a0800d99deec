/* test-json-out.c — the building blocks of JSON output against the code
 * they replaced, byte for byte: nlp__dtoa (doubles without printf) against
 * printf and strtod over edge cases and a few million values of the kinds
 * stages produce (short decimals, arithmetic results, any bit pattern). */
#include <float.h>
#include <math.h>
#include <string.h>
#include "nlp-test.h"
#include "nlp-dtoa-private.h"

/* Fails naming @value (as bits, which always identify it) on the first
 * difference. */
static void
check (double value)
{
  char fast[NLP_DTOA_BUF_SIZE], slow[NLP_DTOA_BUF_SIZE];
  gsize nf = nlp__dtoa (value, fast), ns = nlp__dtoa_printf (value, slow);
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  cr_assert_str_eq (fast, slow, "value %.17g (bits 0x%016" G_GINT64_MODIFIER "x)",
                    value, bits);
  cr_assert_eq (nf, ns);
  cr_assert_eq (nf, strlen (fast));
}

static void
check_both_signs (double value)
{
  check (value);
  check (-value);
}

Test (json_out, dtoa_known_forms)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.0, "0" }, { -0.0, "-0" }, { 1.0, "1" }, { -1.0, "-1" },
    { 0.4404, "0.4404" }, { -0.9999, "-0.9999" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 1.0 / 3, "0.33333333333333331" }, { 1e-7, "1e-07" }, { 1e-4, "0.0001" },
    { 1.5e-5, "1.5e-05" }, { 123456789012345.0, "123456789012345" },
    { 1e15, "1e+15" }, { 1234567890123456.0, "1234567890123456" }, { 1e22, "1e+22" },
    { 1e100, "1e+100" }, { 100.0, "100" }, { 2.5, "2.5" }, { 1e-300, "1e-300" },
    { DBL_MAX, "1.7976931348623157e+308" }, { 5e-324, "4.94065645841247e-324" },
    { NAN, "null" }, { INFINITY, "null" }, { -INFINITY, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[NLP_DTOA_BUF_SIZE];

      nlp__dtoa (cases[i].value, buf);
      cr_assert_str_eq (buf, cases[i].text, "case %u", i);
      check (cases[i].value);
    }
}

/* Powers of ten and their neighbours: where the digit count and the
 * exponent form change. */
Test (json_out, dtoa_powers_of_ten)
{
  for (int e = -330; e <= 310; e++)
    {
      double p = pow (10, e);

      check_both_signs (p);
      check_both_signs (nextafter (p, 0));
      check_both_signs (nextafter (p, INFINITY));
      check_both_signs (p * 9.99999999999999);
      check_both_signs (p * 9.999999999999999);
      check_both_signs (p * 5);
    }
}

/* Exact ties at the 15th and 17th digit (printf rounds them half to even)
 * and values one unit away from a tie. */
Test (json_out, dtoa_ties)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (int i = 0; i < 30000; i++)
    {
      double k = floor (g_rand_double_range (rand, 1e14, 1e15));
      double tie15 = k + 0.5;                           /* 16 digits, last 5 */
      double tie17 = floor (g_rand_double_range (rand, 1e15, 9e15)) * 2 + 0.5;

      check_both_signs (tie15);
      check_both_signs (nextafter (tie15, 0));
      check_both_signs (nextafter (tie15, INFINITY));
      check_both_signs (tie17);
      check_both_signs (tie15 / 1024);
      check_both_signs (k * 10 + 5);
    }
  g_rand_free (rand);
}

/* What stages store: decimals of a few digits (scores rounded to 4
 * places, 1e-7 thresholds), arithmetic results, and any double at all. */
Test (json_out, dtoa_random_values)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (int i = 0; i < 150000; i++)
    {
      int places = g_rand_int_range (rand, 0, 20);
      double decimal = g_rand_int_range (rand, 0, 1000000) / pow (10, places);
      double any;
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

      memcpy (&any, &bits, sizeof any);
      check_both_signs (decimal);
      check_both_signs (g_rand_double_range (rand, -1, 1));
      check_both_signs (g_rand_double (rand) * pow (10, g_rand_int_range (rand, -30, 45)));
      check (any);
    }
  g_rand_free (rand);
}
