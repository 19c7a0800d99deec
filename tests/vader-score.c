/* vader-score — the pure VADER scorer on the command line, for the parity
 * script and the benchmark (it does not need the pipeline).
 *
 *   vader-score [--data DIR] [--domain FILE] [--fix-but] FILE...
 *       prints "neg TAB neu TAB pos TAB compound" for each line of each FILE
 *       ("-" for stdin), as the reference prints them;
 *   vader-score --compare [--data DIR] [--show N] REFERENCE.tsv...
 *       scores the text column of a reference file (reference.nyt-movie.tsv:
 *       neg neu pos compound text; quirk_cases.tsv: ref_neg ... sentence)
 *       and prints how many rows agree at 3 (neg/neu/pos) and 4 (compound)
 *       decimals; exits 1 when some row differs;
 *   vader-score --time [--jsonl] FILE...
 *       scores each line (with --jsonl: each line of the "text" of each
 *       JSON Lines record), prints only the throughput, on stderr.
 */
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "vader.h"

static char *opt_data = NULL;
static char *opt_domain = NULL;
static gboolean opt_fix_but = FALSE;
static gboolean opt_compare = FALSE;
static gboolean opt_time = FALSE;
static gboolean opt_jsonl = FALSE;
static gint opt_show = 10;
static gint64 score_usec = 0;       /* time spent scoring, for --time */

static const GOptionEntry entries[] = {
  { "data", 'd', 0, G_OPTION_ARG_FILENAME, &opt_data,
    "VADER data directory (default: the source tree's plugins/sentiment/data)", "DIR" },
  { "domain", 0, 0, G_OPTION_ARG_FILENAME, &opt_domain,
    "extra lexicon in the vader_lexicon.txt format", "FILE" },
  { "fix-but", 0, 0, G_OPTION_ARG_NONE, &opt_fix_but,
    "scale by each word's own side of 'but' (not the reference quirk)", NULL },
  { "compare", 'c', 0, G_OPTION_ARG_NONE, &opt_compare,
    "compare with the scores of reference TSV files", NULL },
  { "jsonl", 0, 0, G_OPTION_ARG_NONE, &opt_jsonl,
    "input is JSON Lines: score the lines of each record's \"text\"", NULL },
  { "show", 0, 0, G_OPTION_ARG_INT, &opt_show,
    "with --compare, print at most N differing rows (default 10)", "N" },
  { "time", 0, 0, G_OPTION_ARG_NONE, &opt_time,
    "score every line, print throughput on stderr only", NULL },
  { NULL }
};

/* Index of the first header field named one of @names, or -1. */
static gint
find_column (char **header, const char *a, const char *b)
{
  for (gint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], a) == 0 || strcmp (header[i], b) == 0)
      return i;
  return -1;
}

static gboolean
compare_file (const VaderLexicon *lex, VaderScratch *sc, VaderFlags flags,
              const char *path, GError **error)
{
  char *contents;
  char **lines, **header;
  gint cols[5];
  guint rows = 0, agree = 0, shown = 0;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  cols[0] = find_column (header, "neg", "ref_neg");
  cols[1] = find_column (header, "neu", "ref_neu");
  cols[2] = find_column (header, "pos", "ref_pos");
  cols[3] = find_column (header, "compound", "ref_compound");
  cols[4] = find_column (header, "text", "sentence");
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    if (cols[i] < 0)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     "%s:1: header needs neg, neu, pos, compound and text "
                     "(or ref_neg ... sentence) columns", path);
        g_strfreev (header);
        g_strfreev (lines);
        g_free (contents);
        return FALSE;
      }
  for (guint l = 1; lines[l] != NULL; l++)
    {
      char **f = g_strsplit (lines[l], "\t", -1);
      guint nf = g_strv_length (f);
      VaderScores s;
      char got[64], want[64];

      if (lines[l][0] == '\0' || nf <= (guint) MAX (cols[3], cols[4]))
        {
          g_strfreev (f);
          continue;
        }
      rows++;
      vader_score (lex, sc, f[cols[4]], strlen (f[cols[4]]), flags, &s);
      vader_scores_format (&s, got);
      g_snprintf (want, sizeof want, "%s\t%s\t%s\t%s",
                  f[cols[0]], f[cols[1]], f[cols[2]], f[cols[3]]);
      if (strcmp (got, want) == 0)
        agree++;
      else if (shown++ < (guint) opt_show)
        printf ("  line %u: got %s, reference %s: %s\n", l + 1, got, want,
                f[cols[4]]);
      g_strfreev (f);
    }
  printf ("%s: %u of %u rows agree (%.2f%%)\n", path, agree, rows,
          rows ? 100.0 * agree / rows : 100.0);
  g_strfreev (header);
  g_strfreev (lines);
  g_free (contents);
  return agree == rows;
}

/* Scores each line of @len bytes at @text, appending the scores to @out
 * (unless timing). */
static void
score_lines (const VaderLexicon *lex, VaderScratch *sc, VaderFlags flags,
             const char *text, gsize len, GString *out)
{
  const char *line, *next;
  gint64 t0 = g_get_monotonic_time ();

  for (line = text; line < text + len; line = next + 1)
    {
      VaderScores s;
      char buf[64];

      next = memchr (line, '\n', text + len - line);
      if (next == NULL)
        next = text + len;
      vader_score (lex, sc, line, next - line, flags, &s);
      if (!opt_time)
        {
          g_string_append (out, vader_scores_format (&s, buf));
          g_string_append_c (out, '\n');
        }
    }
  score_usec += g_get_monotonic_time () - t0;
}

/* The "text" of each record, scored line by line; *@bytes counts text. */
static gboolean
score_jsonl (const VaderLexicon *lex, VaderScratch *sc, VaderFlags flags,
             const char *path, char *contents, gsize len, gsize *bytes,
             GString *out, GError **error)
{
  JsonParser *parser = json_parser_new ();
  char *line = contents, *next;
  guint lineno = 0;
  gboolean ok = TRUE;

  for (; ok && line < contents + len; line = next + 1)
    {
      JsonObject *o;
      const char *text;

      next = memchr (line, '\n', contents + len - line);
      if (next == NULL)
        next = contents + len;
      lineno++;
      if (next == line)
        continue;
      ok = json_parser_load_from_data (parser, line, next - line, error);
      o = ok ? json_node_get_object (json_parser_get_root (parser)) : NULL;
      text = o ? json_object_get_string_member_with_default (o, "text", NULL) : NULL;
      if (ok && text == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s:%u: no \"text\" string member", path, lineno);
          ok = FALSE;
        }
      if (ok)
        {
          *bytes += strlen (text);
          score_lines (lex, sc, flags, text, strlen (text), out);
        }
    }
  g_object_unref (parser);
  return ok;
}

static gboolean
score_file (const VaderLexicon *lex, VaderScratch *sc, VaderFlags flags,
            const char *path, gsize *bytes, GError **error)
{
  char *contents;
  gsize len;
  gboolean ok = TRUE;
  GString *out = g_string_new (NULL);

  if (strcmp (path, "-") == 0)
    {
      GIOChannel *in = g_io_channel_unix_new (0);
      GIOStatus st = g_io_channel_read_to_end (in, &contents, &len, error);
      g_io_channel_unref (in);
      if (st != G_IO_STATUS_NORMAL)
        return FALSE;
    }
  else if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  if (!g_utf8_validate_len (contents, len, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s is not valid UTF-8", path);
      g_free (contents);
      return FALSE;
    }
  if (opt_jsonl)
    ok = score_jsonl (lex, sc, flags, path, contents, len, bytes, out, error);
  else
    {
      *bytes += len;
      score_lines (lex, sc, flags, contents, len, out);
    }
  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
  g_free (contents);
  return ok;
}

int
main (int argc, char **argv)
{
  GOptionContext *ctx = g_option_context_new ("FILE... — VADER scores per line");
  GError *error = NULL;
  VaderLexicon *lex;
  VaderScratch *sc;
  VaderFlags flags;
  gboolean all_ok = TRUE;
  gsize bytes = 0;
  char *data;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("vader-score: %s\n", error ? error->message
                  : "give at least one FILE (or - for stdin); see --help");
      return 2;
    }
  g_option_context_free (ctx);
#ifdef NLP_TEST_SRCDIR
  data = opt_data ? g_strdup (opt_data)
                  : g_build_filename (NLP_TEST_SRCDIR, "plugins", "sentiment", "data", NULL);
#else
  data = g_strdup (opt_data ? opt_data : "plugins/sentiment/data");
#endif
  lex = vader_lexicon_load_dir (data, opt_domain, &error);
  g_free (data);
  if (lex == NULL)
    {
      g_printerr ("vader-score: %s\n", error->message);
      return 2;
    }
  sc = vader_scratch_new ();
  flags = opt_fix_but ? VADER_FLAG_FIX_BUT : VADER_FLAG_NONE;
  for (int i = 1; i < argc; i++)
    {
      gboolean ok = opt_compare ? compare_file (lex, sc, flags, argv[i], &error)
                                : score_file (lex, sc, flags, argv[i], &bytes, &error);
      if (error != NULL)
        {
          g_printerr ("vader-score: %s\n", error->message);
          return 2;
        }
      all_ok &= ok;
    }
  if (opt_time)
    {
      double secs = score_usec / 1e6;
      g_printerr ("%.1f MB scored in %.3f s: %.1f MB/s\n", bytes / 1e6, secs,
                  bytes / 1e6 / secs);
    }
  vader_scratch_free (sc);
  vader_lexicon_free (lex);
  return all_ok ? 0 : 1;
}
