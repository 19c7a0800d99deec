/* test-json-out.c — the building blocks of JSON output against the code
 * they replaced, byte for byte: nlp__dtoa (doubles without printf) against
 * printf and strtod over edge cases and a few million values of the kinds
 * stages produce (short decimals, arithmetic results, any bit pattern);
 * nlp__dtoa_fixed (the text writer's scores) against "%+.4f" and the
 * like; the word-at-a-time string escaper against a byte-by-byte one at
 * every length and alignment; integers against printf. */
#include <float.h>
#include <math.h>
#include <string.h>
#include "nlp-test.h"
#include "nlp-dtoa-private.h"
#include "nlp-json-out-private.h"

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

static void
check_fixed (double value, int decimals, gboolean plus)
{
  char fast[NLP_DTOA_FIXED_BUF_SIZE], slow[NLP_DTOA_FIXED_BUF_SIZE];
  gsize nf = nlp__dtoa_fixed (value, decimals, plus, fast);
  gsize ns = nlp__dtoa_fixed_printf (value, decimals, plus, slow);

  cr_assert_str_eq (fast, slow, "value %.17g, %d decimals, plus %d", value, decimals, plus);
  cr_assert_eq (nf, ns);
}

/* Scores as the text writer prints them ("%+.4f", "%+.2f"): exact ties
 * (0.03125 at 4 decimals; printf rounds them half to even), negative
 * values that round to zero (printf keeps the sign), carries (0.99995),
 * large values, NaN and infinities, and random values. */
Test (json_out, fixed_point)
{
  static const double cases[] = {
    0.0, -0.0, 1.0, -1.0, 0.4404, -0.4404, 0.03125, -0.03125, 0.125, 2.5, 3.5,
    0.00005, -0.00001, 0.99995, 0.999949999, 9.5, 1e14 + 0.5, 1e15, 1e300, -1e-300,
    5e-324, NAN, INFINITY, -INFINITY,
  };
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int d = 0; d <= 9; d++)
      {
        check_fixed (cases[i], d, TRUE);
        check_fixed (cases[i], d, FALSE);
      }
  for (int i = 0; i < 100000; i++)
    {
      int d = g_rand_int_range (rand, 0, 10);
      double places = pow (10, g_rand_int_range (rand, 0, 8));

      check_fixed (g_rand_double_range (rand, -1, 1), d, TRUE);
      check_fixed (g_rand_int_range (rand, -100000, 100000) / places, d, TRUE);
      /* halves at the last printed place: ties when exactly representable */
      check_fixed ((g_rand_int_range (rand, -100000, 100000) + 0.5) / pow (10, d), d, FALSE);
      check_fixed (g_rand_double (rand) * pow (10, g_rand_int_range (rand, -10, 20)), d, TRUE);
    }
  g_rand_free (rand);
}

/* The escaping JSON output has always had, one byte at a time. */
static GString *
escape_reference (const char *s, gsize len)
{
  GString *out = g_string_new ("\"");

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\b')
        g_string_append (out, "\\b");
      else if (c == '\f')
        g_string_append (out, "\\f");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
  return out;
}

/* Strings mixing plain text, UTF-8 and every byte that needs an escape, at
 * every length up to 40 and every position in a word: the escaper tests 8
 * bytes at once, so an escape in any byte of a word must be seen. */
Test (json_out, string_escapes)
{
  static const char *const pieces[] = {
    "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f",
    "\x7f", "/", "é", "😀", "東", "\x20", "\x21", "\x5b", "\x5d",
  };
  GRand *rand = g_rand_new_with_seed (3);
  char *buf = g_malloc (NLP_JSON_STRING_MAX (200));

  for (int i = 0; i < 20000; i++)
    {
      GString *in = g_string_new (NULL);
      gsize target = g_rand_int_range (rand, 0, 41);
      /* mostly plain text with a few escapes, so whole clean words occur */
      gboolean sparse = i % 2;

      while (in->len < target)
        g_string_append (in, sparse && g_rand_int_range (rand, 0, 8)
                         ? "x" : pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      for (gsize start = 0; start < MIN (in->len, 8) + 1; start++)
        {
          GString *want = escape_reference (in->str + start, in->len - start);
          char *end = nlp__put_json_string (buf, in->str + start, in->len - start);

          cr_assert_eq ((gsize) (end - buf), want->len, "input %u from %u", i, (guint) start);
          cr_assert_eq (memcmp (buf, want->str, want->len), 0, "input %u from %u: %.*s vs %s",
                        i, (guint) start, (int) (end - buf), buf, want->str);
          cr_assert_leq ((gsize) (end - buf), NLP_JSON_STRING_MAX (in->len - start));
          g_string_free (want, TRUE);
        }
      g_string_free (in, TRUE);
    }
  g_free (buf);
  g_rand_free (rand);
}

Test (json_out, integers)
{
  static const gint64 values[] = {
    0, 1, -1, 9, 10, 99, 100, 4294967295LL, 4294967296LL, -4294967296LL,
    9007199254740993LL, G_MAXINT64, G_MININT64, G_MININT64 + 1,
  };
  char buf[NLP_INT64_MAX_DIGITS + 1];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char *want = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
      char *end = nlp__put_i64 (buf, values[i]);

      *end = '\0';
      cr_assert_str_eq (buf, want);
      g_free (want);
    }
  for (guint64 v = 1; v < G_MAXUINT64 / 3; v = v * 3 + 1)
    {
      char *want = g_strdup_printf ("%" G_GUINT64_FORMAT, v);
      char *end = nlp__put_u64 (buf, v);

      *end = '\0';
      cr_assert_str_eq (buf, want);
      g_free (want);
    }
}
