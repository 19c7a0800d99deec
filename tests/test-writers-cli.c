/* test-writers-cli.c — the output formats through the built nlpipe and the
 * real stages: tsv --columns, colour only on a terminal, the html page in a
 * headless browser, -f sentences, and the man page against --help. */
#include <errno.h>
#include <pty.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "nlp-test.h"

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* Occurrences of @needle inside tags of serialised HTML: text nodes have
 * their < and > escaped, so every literal '<' followed by a letter opens a
 * real element. */
static guint
count_in_tags (const char *html, const char *needle)
{
  guint n = 0;

  for (const char *p = strchr (html, '<'); p; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      char *tag;

      if (!g_ascii_isalpha (p[1]) || end == NULL)
        continue;
      tag = g_strndup (p, end - p);
      n += count (tag, needle);
      g_free (tag);
    }
  return n;
}

static NlpTestRun *
run_ok (const char *const *argv)
{
  NlpTestRun *run = nlp_test_runv (NULL, argv, NULL);

  cr_assert_eq (run->status, 0, "nlpipe failed (%d): %s", run->status, run->err);
  return run;
}

/* ---- json and tsv with the real stages -------------------------------- */

Test (cli, json_codepoint_and_byte_offsets_agree)
{
  char *path = nlp_test_fixture ("writers/unicode.txt");
  const char *cp_argv[] = { "-q", path, NULL };
  const char *b_argv[] = { "-q", "--byte-offsets", path, NULL };
  NlpTestRun *cp = run_ok (cp_argv), *b = run_ok (b_argv);
  JsonNode *cn = nlp_test_parse_json (cp->out), *bn = nlp_test_parse_json (b->out);
  JsonObject *cl = json_object_get_object_member (json_node_get_object (cn), "layers");
  JsonObject *bl = json_object_get_object_member (json_node_get_object (bn), "layers");
  const char *text = json_object_get_string_member (json_node_get_object (cn), "text");
  GList *names = json_object_get_members (cl);
  guint rows = 0;

  for (GList *l = names; l; l = l->next)
    {
      JsonArray *c = json_object_get_array_member (cl, l->data);
      JsonArray *bb = json_object_get_array_member (bl, l->data);
      for (guint r = 0; r < json_array_get_length (c); r++, rows++)
        {
          JsonObject *cr = json_array_get_object_element (c, r);
          JsonObject *br = json_array_get_object_element (bb, r);
          const char *cs = g_utf8_offset_to_pointer (text, json_object_get_int_member (cr, "start"));
          const char *ce = g_utf8_offset_to_pointer (text, json_object_get_int_member (cr, "end"));
          const char *bs = text + json_object_get_int_member (br, "start");
          const char *be = text + json_object_get_int_member (br, "end");
          cr_assert (cs == bs && ce == be, "%s row %u: code points and bytes disagree",
                     (char *) l->data, r);
          cr_assert (g_utf8_validate (cs, ce - cs, NULL), "%s row %u splits a character",
                     (char *) l->data, r);
        }
    }
  cr_assert_gt (rows, 50);
  cr_assert (json_object_has_member (cl, "entity"), "the default chain finds entities");
  g_list_free (names);
  json_node_unref (cn);
  json_node_unref (bn);
  nlp_test_run_free (cp);
  nlp_test_run_free (b);
  g_free (path);
}

Test (cli, tsv_default_and_chosen_columns)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  const char *def_argv[] = { "-q", "-f", "tsv", path, NULL };
  const char *cols_argv[] = { "-q", "-f", "tsv", "--columns", "token,entity", path, NULL };
  NlpTestRun *def = run_ok (def_argv), *cols = run_ok (cols_argv);

  cr_assert (g_str_has_prefix (def->out, "# doc = "));
  cr_assert_not_null (strstr (def->out, "\n# columns = token norm kind stem entity\n"));
  cr_assert_not_null (strstr (cols->out, "\n# columns = token entity\nDid\tO\nTrump\tB-PER\n"),
                      "%.300s", cols->out);
  cr_assert_not_null (strstr (cols->out, "\nVladimir\tB-PER\nPutin\tI-PER\n"));
  cr_assert (g_str_has_suffix (cols->out, ".\tO\n\n"));
  nlp_test_run_free (def);
  nlp_test_run_free (cols);
  g_free (path);
}

Test (cli, tsv_columns_checked_against_the_chain)
{
  const char *bad[] = { "-q", "-f", "tsv", "--columns", "token,pos", "-", NULL };
  const char *no_entity[] = { "-q", "-f", "tsv", "-p", "tokenize", "--columns", "token,entity",
                              "-", NULL };
  NlpTestRun *a = nlp_test_runv ("Some text.", bad, NULL);
  NlpTestRun *b = nlp_test_runv ("Some text.", no_entity, NULL);

  cr_assert_eq (a->status, 2);
  cr_assert_not_null (strstr (a->err, "--columns 'pos': no stage of the chain provides it"),
                      "%s", a->err);
  cr_assert_str_empty (a->out);
  cr_assert_eq (b->status, 2);
  cr_assert_not_null (strstr (b->err, "'entity'"), "%s", b->err);
  nlp_test_run_free (a);
  nlp_test_run_free (b);
}

Test (cli, sentences_one_per_line)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  const char *s_argv[] = { "-q", "-f", "sentences", "-p", "tokenize,sentence", path, path, NULL };
  const char *j_argv[] = { "-q", "--byte-offsets", "-p", "tokenize,sentence", path, NULL };
  NlpTestRun *s = run_ok (s_argv), *j = run_ok (j_argv);
  JsonNode *node = nlp_test_parse_json (j->out);
  JsonObject *root = json_node_get_object (node);
  const char *text = json_object_get_string_member (root, "text");
  JsonArray *sentences = json_object_get_array_member (
      json_object_get_object_member (root, "layers"), "sentence");
  guint n = json_array_get_length (sentences);
  char **lines = g_strsplit (s->out, "\n", -1);

  cr_assert_gt (n, 40);
  cr_assert_eq (g_strv_length (lines), 2 * n + 1, "two documents, no separator");
  for (guint i = 0; i < 2 * n; i++)
    {
      JsonObject *row = json_array_get_object_element (sentences, i % n);
      gint64 start = json_object_get_int_member (row, "start");
      char *want = g_strndup (text + start, json_object_get_int_member (row, "end") - start);
      g_strdelimit (want, "\n\t\r", ' ');
      cr_assert_str_eq (lines[i], want);
      g_free (want);
    }
  g_strfreev (lines);
  json_node_unref (node);
  nlp_test_run_free (s);
  nlp_test_run_free (j);
  g_free (path);
}

/* ---- colour ------------------------------------------------------------ */

/* Runs nlpipe -f text on a pseudo-terminal with NO_COLOR set to @no_color
 * (NULL: unset); (transfer full) what it wrote. */
static char *
run_on_tty (const char *no_color)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *nlpipe = g_build_filename (NLP_TEST_BUILDDIR, "core", "nlpipe", NULL);
  GString *out = g_string_new (NULL);
  int master, status;
  pid_t pid = forkpty (&master, NULL, NULL, NULL);

  cr_assert_geq (pid, 0, "forkpty: %s", g_strerror (errno));
  if (pid == 0)
    {
      if (no_color)
        setenv ("NO_COLOR", no_color, 1);
      else
        unsetenv ("NO_COLOR");
      execl (nlpipe, nlpipe, "-q", "-f", "text", "-p", "tokenize,sentence,entity", path,
             (char *) NULL);
      _exit (127);
    }
  for (;;)
    {
      char buf[4096];
      ssize_t n = read (master, buf, sizeof buf);
      if (n > 0)
        g_string_append_len (out, buf, n);
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;                 /* EIO once the child closed the terminal */
    }
  close (master);
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0, "nlpipe on a tty: %s", out->str);
  g_free (nlpipe);
  g_free (path);
  return g_string_free (out, FALSE);
}

Test (cli, colour_on_a_terminal_only)
{
  char *tty = run_on_tty (NULL);
  char *tty_empty = run_on_tty ("");
  char *tty_no = run_on_tty ("1");
  char *path = nlp_test_article ("anchorage-summit.txt");
  const char *argv[] = { "-q", "-f", "text", "-p", "tokenize,sentence,entity", path, NULL };
  const char *env[] = { "NO_COLOR=", NULL };
  NlpTestRun *piped = nlp_test_runv (NULL, argv, env);

  cr_assert_not_null (strstr (tty, "\033[1;34m[Putin|PER]\033[0m"), "%.400s", tty);
  cr_assert_not_null (strstr (tty_empty, "\033["), "an empty NO_COLOR does not count");
  cr_assert_null (strchr (tty_no, '\033'), "NO_COLOR=1 on a terminal");
  cr_assert_not_null (strstr (tty_no, "[Putin|PER]"));
  cr_assert_eq (piped->status, 0);
  cr_assert_null (strchr (piped->out, '\033'), "a pipe gets no colour");
  cr_assert_not_null (strstr (piped->out, "[Putin|PER]"));
  nlp_test_run_free (piped);
  g_free (path);
  g_free (tty);
  g_free (tty_empty);
  g_free (tty_no);
}

/* ---- html in a browser ------------------------------------------------- */

/* Runs headless Chromium on file @page with @action ("--dump-dom" or
 * "--screenshot=FILE"); (transfer full) its stdout. */
static char *
chromium (const char *exe, const char *profile, const char *page, const char *action)
{
  char *url = g_filename_to_uri (page, NULL, NULL);
  char *user_dir = g_strdup_printf ("--user-data-dir=%s", profile);
  const char *argv[] = {
    "timeout", "120", exe, "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--hide-scrollbars", "--window-size=1000,1400", user_dir, action,
    url, NULL,
  };
  char *out = NULL, *err = NULL;
  int status = 0;
  GError *error = NULL;

  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                           &out, &err, &status, &error),
             "cannot run %s: %s", exe, error ? error->message : "?");
  cr_assert (g_spawn_check_wait_status (status, NULL), "%s %s failed: %s", exe, action, err);
  g_free (err);
  g_free (url);
  g_free (user_dir);
  return out;
}

Test (html, renders_in_headless_chromium)
{
  char *exe = nlp_test_find_chromium ();
  char *tmp, *page, *profile, *shot, *dom, *png, *hostile, *article;
  gsize png_len;
  NlpTestRun *json;
  guint entities = 0, sentences = 0;

  if (exe == NULL)
    cr_skip_test (NLP_TEST_NO_CHROMIUM);
  tmp = g_dir_make_tmp ("nlpipe-html-XXXXXX", NULL);
  page = g_build_filename (tmp, "page.html", NULL);
  profile = g_build_filename (tmp, "profile", NULL);
  shot = g_build_filename (NLP_TEST_BUILDDIR, "tests", "writers-screenshot.png", NULL);
  hostile = nlp_test_fixture ("writers/hostile.txt");
  article = nlp_test_article ("anchorage-summit.txt");
  {
    const char *argv[] = { "-q", "-f", "html", "-o", page, hostile, article, NULL };
    const char *jargv[] = { "-q", hostile, article, NULL };
    NlpTestRun *run = run_ok (argv);
    nlp_test_run_free (run);
    json = run_ok (jargv);
  }
  /* the mentions the page should highlight: every entity row (the entity
   * stage makes no nested mentions) */
  {
    char **lines = g_strsplit (json->out, "\n", -1);
    for (guint i = 0; lines[i] && *lines[i]; i++)
      {
        JsonNode *node = nlp_test_parse_json (lines[i]);
        JsonObject *layers = json_object_get_object_member (json_node_get_object (node),
                                                            "layers");
        entities += json_array_get_length (json_object_get_array_member (layers, "entity"));
        sentences += json_array_get_length (json_object_get_array_member (layers, "sentence"));
        json_node_unref (node);
      }
    g_strfreev (lines);
  }
  cr_assert_gt (entities, 100);

  dom = chromium (exe, profile, page, "--dump-dom");
  cr_assert_eq (count (dom, "<article class=\"doc\""), 2, "%.2000s", dom);
  cr_assert_eq (count (dom, "<mark class=\"e\""), entities,
                "the rendered page highlights every mention");
  cr_assert_null (strstr (dom, "<script"), "article text became a script element");
  cr_assert_null (strstr (dom, "<img"), "article text became an image");
  cr_assert_eq (count_in_tags (dom, " onmouseover=") + count_in_tags (dom, " onerror="), 0,
                "a quote in the text broke an attribute");
  cr_assert_not_null (strstr (dom, "breaker: \" onmouseover=\"alert(1)\" x=' and"),
                      "the quotes show as text");
  cr_assert_not_null (strstr (dom, "Mayor &lt;script&gt;document.title=\"pwned\"&lt;/script&gt;"),
                      "the markup shows as text");
  cr_assert_not_null (strstr (dom, "&lt;/article&gt;&lt;/main&gt;&lt;img src=x onerror=alert(2)&gt;"));
  /* the first article's headline titles the page; a table of contents
   * lists both */
  cr_assert_not_null (strstr (dom, "<title>Mayor &lt;script&gt;document.title=\"pwned\""
                              "&lt;/script&gt; Jane O'Neil said:"), "%.3000s", dom);
  cr_assert_not_null (strstr (dom, "<nav class=\"toc\" aria-label=\"Articles\"><h2>2 articles"));
  cr_assert_eq (count (dom, "<rect class=\""), sentences, "one chart bar per sentence");
  cr_assert_eq (count (dom, " style=\""), 0, "no style attribute");
  cr_assert_not_null (strstr (dom, "class=\"legend\""));
  cr_assert_not_null (strstr (dom, "<section class=\"summary\">"));

  {
    char *arg = g_strdup_printf ("--screenshot=%s", shot);
    g_free (chromium (exe, profile, page, arg));
    g_free (arg);
  }
  cr_assert (g_file_get_contents (shot, &png, &png_len, NULL), "no screenshot at %s", shot);
  cr_assert (png_len > 20000 && memcmp (png, "\x89PNG", 4) == 0,
             "the screenshot is a PNG with something on it (%zu bytes)", png_len);

  g_free (png);
  g_free (dom);
  nlp_test_run_free (json);
  {
    char *rm[] = { "rm", "-rf", tmp, NULL };
    g_spawn_sync (NULL, rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (article);
  g_free (hostile);
  g_free (shot);
  g_free (profile);
  g_free (page);
  g_free (tmp);
  g_free (exe);
}

/* ---- the man page ------------------------------------------------------ */

/* "p/stages", "/pretty" ... for each option in the "Options:" parts of a
 * --help text (--help itself left out). */
static GPtrArray *
help_options (const char *help)
{
  GPtrArray *set = g_ptr_array_new_with_free_func (g_free);
  GRegex *re = g_regex_new ("^  (?:-(\\w), )?--([a-z0-9-]+)", G_REGEX_MULTILINE, 0, NULL);
  GMatchInfo *m;

  g_regex_match (re, help, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      char *s = g_match_info_fetch (m, 1), *l = g_match_info_fetch (m, 2);
      if (strcmp (l, "help") != 0)
        g_ptr_array_add (set, g_strdup_printf ("%s/%s", s, l));
      g_free (s);
      g_free (l);
    }
  g_match_info_free (m);
  g_regex_unref (re);
  return set;
}

/* The same for the .TP items of the man page between @from and the next
 * section (.SH or .SS). */
static GPtrArray *
man_options (const char *man, const char *from)
{
  GPtrArray *set = g_ptr_array_new_with_free_func (g_free);
  const char *start = strstr (man, from), *end;
  GRegex *re = g_regex_new ("^\\.TP\\n(?:\\\\fB\\\\-(\\w)\\\\fR, )?\\\\fB\\\\-\\\\-([a-z0-9\\\\-]+)\\\\fR",
                            G_REGEX_MULTILINE, 0, NULL);
  GMatchInfo *m;
  char *section;

  cr_assert_not_null (start, "no '%s' in the man page", from);
  start += strlen (from);
  end = strstr (start, "\n.S");
  section = g_strndup (start, end ? (gsize) (end - start) : strlen (start));
  g_regex_match (re, section, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      char *s = g_match_info_fetch (m, 1), *l = g_match_info_fetch (m, 2);
      char **parts = g_strsplit (l, "\\-", -1);
      char *plain = g_strjoinv ("-", parts);
      if (strcmp (plain, "help") != 0)
        g_ptr_array_add (set, g_strdup_printf ("%s/%s", s, plain));
      g_strfreev (parts);
      g_free (plain);
      g_free (s);
      g_free (l);
    }
  g_match_info_free (m);
  g_regex_unref (re);
  g_free (section);
  return set;
}

static gint
by_string (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
joined_sorted (GPtrArray *set)
{
  g_ptr_array_sort (set, by_string);
  g_ptr_array_add (set, NULL);
  return g_strjoinv (" ", (char **) set->pdata);
}

static char *
read_man (void)
{
  char *path = g_build_filename (NLP_TEST_SRCDIR, "docs", "nlpipe.1", NULL);
  char *man = nlp_test_read (path);

  g_free (path);
  return man;
}

Test (man, options_agree_with_help)
{
  const char *commands[][2] = {
    { NULL, ".SH OPTIONS\n" },
    { "list", ".SS \"nlpipe list\"\n" },
    { "info", ".SS \"nlpipe info\"\n" },
    { "check", ".SS \"nlpipe check\"\n" },
    { "serve", ".SS \"nlpipe serve\"\n" },
  };
  char *man = read_man ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[] = { commands[i][0] ? commands[i][0] : "--help",
                             commands[i][0] ? "--help" : NULL, NULL };
      NlpTestRun *run = run_ok (argv);
      GPtrArray *h = help_options (run->out), *m = man_options (man, commands[i][1]);
      char *hs, *ms;

      cr_assert_gt (h->len, 0, "no options found in: %s", run->out);
      hs = joined_sorted (h);
      ms = joined_sorted (m);
      cr_assert_str_eq (ms, hs, "nlpipe %s: the man page lists [%s], --help [%s]",
                        commands[i][0] ? commands[i][0] : "", ms, hs);
      g_free (hs);
      g_free (ms);
      g_ptr_array_unref (h);
      g_ptr_array_unref (m);
      nlp_test_run_free (run);
    }
  g_free (man);
}

Test (man, every_format_documented)
{
  char *man = read_man ();
  const char *argv[] = { "--help", NULL };
  NlpTestRun *help = run_ok (argv);
  const char *const *formats = nlp_writer_list_formats ();
  const char *section = strstr (man, "\n.SH OUTPUT FORMATS\n");
  const char *help_f = strstr (help->out, "--format=FORMAT");

  cr_assert_not_null (section);
  cr_assert_not_null (help_f);
  for (guint i = 0; formats[i]; i++)
    {
      char *item = g_strdup_printf ("\n.TP\n.B %s\n", formats[i]);
      char *listed = g_strdup_printf (" %s", formats[i]);
      const char *eol = strchr (help_f, '\n');
      char *line = g_strndup (help_f, eol - help_f);

      cr_assert_not_null (strstr (section, item), "man page: no entry for format %s",
                          formats[i]);
      cr_assert_not_null (strstr (line, listed), "--help -f does not name %s: %s",
                          formats[i], line);
      g_free (line);
      g_free (listed);
      g_free (item);
    }
  nlp_test_run_free (help);
  g_free (man);
}
