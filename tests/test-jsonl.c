/* test-jsonl.c — the JSON Lines fast path (nlp-jsonl-record.c) reads
 * exactly what json-glib reads, and declines what it does not handle.
 *
 * The reference is json-glib itself, applied as the reader applies it:
 * the "text" string, and the "id" string or integer (as written).
 * Every accepted line must agree with it; tricky lines must be declined
 * (then the reader uses json-glib, so behaviour cannot change). */
#include <string.h>
#include <json-glib/json-glib.h>
#include "nlp-test.h"
#include "nlp-jsonl-private.h"
#include "jsonl-reference.h"

/* Accepted lines must read as json-glib reads them. */
static void
check_same (const char *line)
{
  char *id = NULL, *text = NULL, *rid, *rtext;
  gsize len = 0;

  cr_assert (nlp__jsonl_simple_record (line, strlen (line), &id, &text, &len),
             "declined: %s", line);
  cr_assert (jsonl_reference (line, -1, &rid, &rtext), "json-glib rejects: %s", line);
  cr_assert_str_eq (text, rtext, "text of %s", line);
  cr_assert_eq (len, strlen (rtext), "length of the text of %s", line);
  if (rid == NULL)
    cr_assert_null (id, "id of %s", line);
  else
    cr_assert_str_eq (id, rid, "id of %s", line);
  g_free (id);
  g_free (text);
  g_free (rid);
  g_free (rtext);
}

static void
check_declined (const char *line)
{
  char *id = NULL, *text = NULL;
  gsize len = 0;
  cr_assert_not (nlp__jsonl_simple_record (line, strlen (line), &id, &text, &len),
                 "accepted: %s", line);
  cr_assert_null (id);
  cr_assert_null (text);
}

Test (jsonl, plain_records_read_as_json_glib_reads_them)
{
  check_same ("{\"id\": \"bbc-001\", \"text\": \"Ad sales boost Time Warner profit\"}");
  check_same ("{\"text\":\"no id\"}");
  check_same ("{ \"text\" : \"spaces\" , \"id\" : \"a b\" }");
  check_same ("{\"text\": \"id after the text\", \"id\": \"x\"}");
  check_same ("{\"id\": 42, \"text\": \"integer id\"}");
  check_same ("{\"id\": -7, \"text\": \"negative id\"}");
  check_same ("{\"id\": 0, \"text\": \"zero\"}");
  check_same ("{\"id\": 123456789012345678, \"text\": \"18 digits\"}");
  /* past 64 bits: kept as written, never wrapped (issue 15) */
  check_same ("{\"id\": 1234567890123456789, \"text\": \"19 digits\"}");
  check_same ("{\"id\": 123456789012345678901234567890, \"text\": \"30 digits\"}");
  check_same ("{\"id\": -9223372036854775809, \"text\": \"below int64\"}");
  check_same ("{\"id\": -0, \"text\": \"minus zero\"}");
  check_same ("{\"id\": \"\", \"text\": \"\"}");
  check_same ("{\"text\": \"Quarterly profits at US media giant TimeWarner jumped 76% to "
              "$1.13bn (\\u00a3600m)\\n\\nThe firm\"}");
  check_same ("{\"text\": \"escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t done\"}");
  check_same ("{\"text\": \"\\\\\\\\ two backslashes, then \\\\\\\" a quote\"}");
  check_same ("{\"text\": \"raw UTF-8: Zürich, Ελλάδα, 東京, 😀\"}");
  check_same ("{\"text\": \"BMP escapes: \\u00e9 \\u20ac \\uFFFD \\u4e2d\"}");
  check_same ("{\"text\": \"a pair: \\ud83d\\ude00 (grinning face)\"}");
  check_same ("{\"text\": \"\\ud800\\udc00 and \\udbff\\udfff, the ends of the range\"}");
  check_same ("\t{\"text\":\"white space around\"}  ");
}

Test (jsonl, anything_else_is_left_to_json_glib)
{
  /* other members are carried through by the general path */
  check_declined ("{\"id\": \"a\", \"text\": \"t\", \"lang\": \"en\"}");
  check_declined ("{\"text\": \"t\", \"meta\": {\"a\": 1}}");
  /* members twice */
  check_declined ("{\"text\": \"a\", \"text\": \"b\"}");
  check_declined ("{\"id\": 1, \"id\": 2, \"text\": \"b\"}");
  /* other types */
  check_declined ("{\"text\": 5}");
  check_declined ("{\"text\": null}");
  check_declined ("{\"id\": null, \"text\": \"t\"}");
  check_declined ("{\"id\": 1.5, \"text\": \"t\"}");
  check_declined ("{\"id\": 1e3, \"text\": \"t\"}");
  check_declined ("{\"id\": true, \"text\": \"t\"}");
  check_declined ("{\"id\": [1], \"text\": \"t\"}");
  check_declined ("{\"id\": 007, \"text\": \"leading zero\"}");
  /* no text */
  check_declined ("{\"id\": \"a\"}");
  check_declined ("{}");
  /* escapes this parser does not take */
  check_declined ("{\"text\": \"NUL \\u0000 inside\"}");
  check_declined ("{\"text\": \"lone high \\ud800 surrogate\"}");
  check_declined ("{\"text\": \"lone low \\udc00 surrogate\"}");
  check_declined ("{\"text\": \"high then BMP \\ud800\\u0041\"}");
  check_declined ("{\"text\": \"bad escape \\x41\"}");
  check_declined ("{\"text\": \"short \\u12\"}");
  check_declined ("{\"te\\u0078t\": \"escaped key\"}");
  /* control characters and malformed JSON */
  check_declined ("{\"text\": \"raw\ttab\"}");
  check_declined ("{\"text\": \"unterminated}");
  check_declined ("{\"text\": \"trailing backslash\\");
  check_declined ("{\"text\": \"t\"} trailing");
  check_declined ("{\"text\": \"t\",}");
  check_declined ("{\"text\" \"t\"}");
  check_declined ("[\"text\", \"t\"]");
  check_declined ("\"text\"");
  check_declined ("");
}

/* A random string of code points, written raw or escaped at random. */
static void
random_json_string (GRand *r, GString *out)
{
  guint n = g_rand_int_range (r, 0, 40);

  g_string_append_c (out, '"');
  for (guint k = 0; k < n; k++)
    {
      gunichar u;
      switch (g_rand_int_range (r, 0, 6))
        {
        case 0: u = g_rand_int_range (r, 1, 0x80); break;
        case 1: u = g_rand_int_range (r, 0x80, 0x800); break;
        case 2: u = g_rand_int_range (r, 0x800, 0xd800); break;
        case 3: u = g_rand_int_range (r, 0xe000, 0x10000); break;
        case 4: u = g_rand_int_range (r, 0x10000, 0x110000); break;
        default: u = "\"\\/\b\f\n\r\ta"[g_rand_int_range (r, 0, 9)]; break;
        }
      if (u < 0x20 || u == '"' || u == '\\' || g_rand_boolean (r))
        {
          /* escaped: short forms where JSON has them, else \u (pairs
           * above the BMP) */
          const char *shorts = "\"\\/\b\f\n\r\t", *names = "\"\\/bfnrt";
          const char *s = u < 0x80 ? strchr (shorts, (int) u) : NULL;
          if (s != NULL && u != 0 && g_rand_boolean (r))
            g_string_append_printf (out, "\\%c", names[s - shorts]);
          else if (u >= 0x10000)
            g_string_append_printf (out, "\\u%04x\\u%04X", 0xd800 + ((u - 0x10000) >> 10),
                                    0xdc00 + ((u - 0x10000) & 0x3ff));
          else
            g_string_append_printf (out, "\\u%04x", u);
        }
      else
        g_string_append_unichar (out, u);
    }
  g_string_append_c (out, '"');
}

Test (jsonl, random_records_read_as_json_glib_reads_them)
{
  GRand *r = g_rand_new_with_seed (20261127);
  GString *line = g_string_new (NULL);

  for (guint round = 0; round < 3000; round++)
    {
      gboolean id_first = g_rand_boolean (r);
      guint id_kind = g_rand_int_range (r, 0, 3);   /* none, string, integer */

      g_string_assign (line, "{");
      if (id_first && id_kind == 1)
        {
          g_string_append (line, "\"id\": ");
          random_json_string (r, line);
          g_string_append (line, ", ");
        }
      else if (id_first && id_kind == 2)
        g_string_append_printf (line, "\"id\": %d, ", g_rand_int_range (r, -100000, 100000));
      g_string_append (line, "\"text\":");
      random_json_string (r, line);
      if (!id_first && id_kind == 1)
        {
          g_string_append (line, " , \"id\":");
          random_json_string (r, line);
        }
      else if (!id_first && id_kind == 2)
        g_string_append_printf (line, ",\"id\":%d", g_rand_int_range (r, -100000, 100000));
      g_string_append (line, "}");
      check_same (line->str);
    }
  g_string_free (line, TRUE);
  g_rand_free (r);
}
