/* test-serve.c — nlpipe serve, started on port 0 and driven by clients:
 * every endpoint and error status, answers equal to the command's output
 * byte for byte (one document, a JSON Lines batch, 100 concurrent
 * requests), the limits on what a client controls (body size, queue,
 * slow and silent clients, a client that hangs up), and shutdown while
 * busy. */
#include <signal.h>
#include <string.h>
#include "serve-test.h"

static char *
seed (void)
{
  char *path = nlp_test_article ("anchorage-summit.txt");
  char *text = nlp_test_read (path);

  g_free (path);
  return text;
}

static char *
fixture (const char *name)
{
  char *file = g_build_filename ("serve", name, NULL);
  char *path = nlp_test_fixture (file);
  char *text = nlp_test_read (path);

  g_free (path);
  g_free (file);
  return text;
}

/* One compact JSON Lines record {"id": @id, "text": @text, ...@extra}. */
static char *
record (const char *id, const char *text, const char *extra)
{
  JsonBuilder *b = json_builder_new ();
  JsonNode *root;
  char *line;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  line = json_to_string (root, FALSE);
  if (extra != NULL)
    {
      char *with = g_strdup_printf ("%.*s,%s}", (int) strlen (line) - 1, line, extra);
      g_free (line);
      line = with;
    }
  json_node_unref (root);
  g_object_unref (b);
  return line;
}

/* A JSON Lines body of @n copies of the seed article. */
static char *
seed_batch (guint n)
{
  char *text = seed ();
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char *id = g_strdup_printf ("copy-%u", i);
      char *line = record (id, text, NULL);
      g_string_append_printf (body, "%s\n", line);
      g_free (line);
      g_free (id);
    }
  g_free (text);
  return g_string_free (body, FALSE);
}

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s; s++)
    n += *s == '\n';
  return n;
}

static char *
stages_dir (void)
{
  return g_build_filename (NLP_TEST_BUILDDIR, "tests", "stages", NULL);
}

/* ---- answers equal the command's -------------------------------------- */

Test (serve, annotate_is_what_the_command_prints_in_every_format)
{
  static const char *const formats[] = { "json", "text", "tsv", "html", "sentences", "conllu" };
  StServer *s = st_start ("-j", "2", NULL);
  char *text = seed ();
  StReply *r;

  g_free (st_put (s->dir, "request", text));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      char *path = g_strdup_printf ("/v1/annotate?format=%s", formats[i]);
      const char *argv[] = { "-q", "-f", formats[i], "request", NULL };
      char *expect = st_command (s->dir, argv);

      r = st_post (s, path, "text/plain; charset=utf-8", text, -1);
      cr_assert_eq (r->status, 200, "%s: %s", formats[i], r->body);
      cr_assert_eq (r->len, strlen (expect), "%s: %zu bytes, the command %zu", formats[i],
                    r->len, strlen (expect));
      cr_assert_str_eq (r->body, expect, "%s differs from nlpipe -f %s", formats[i], formats[i]);
      st_reply_free (r);
      g_free (expect);
      g_free (path);
    }
  /* json is the default; its type says so */
  r = st_post (s, "/v1/annotate", "text/plain", text, -1);
  cr_assert_str_eq (soup_message_headers_get_content_type (r->headers, NULL), "application/json");
  cr_assert (g_str_has_prefix (r->body, "{\"nlpipe\":1,\"id\":\"request\""), "%.100s", r->body);
  cr_assert_gt (strlen (r->body), 20000, "the whole document");
  st_reply_free (r);
  g_free (text);
  cr_assert_eq (st_stop (s, SIGTERM, 10), 0);
  st_free (s);
}

Test (serve, a_json_body_is_read_as_the_command_reads_that_record)
{
  StServer *s = st_start ("-j", "2", NULL);
  char *text = fixture ("harbour.txt");
  char *line = record ("harbour-1", text, "\"desk\":\"business\",\"tags\":[\"ports\",1.5]");
  /* the same record spread over lines, as a person writes it */
  char *pretty;
  const char *argv[] = { "-q", "--input-format=jsonl", "request", NULL };
  char *expect;
  StReply *r;

  {
    JsonNode *node = nlp_test_parse_json (line);
    pretty = json_to_string (node, TRUE);
    json_node_unref (node);
  }
  cr_assert_not_null (strchr (pretty, '\n'));
  g_free (st_put (s->dir, "request", line));
  expect = st_command (s->dir, argv);
  cr_assert_not_null (strstr (expect, "\"extra\":{\"desk\":\"business\""));
  r = st_post (s, "/v1/annotate", "application/json", pretty, -1);
  cr_assert_eq (r->status, 200, "%s", r->body);
  cr_assert_str_eq (r->body, expect);
  st_reply_free (r);
  g_free (expect);
  g_free (pretty);
  g_free (line);
  g_free (text);
  st_free (s);
}

/* A JSON Lines batch: one output record per input line, in order; bad
 * lines as error records naming their line, a document a stage failed on
 * with its error record, as the command marks it. */
Test (serve, a_batch_comes_back_in_order_one_record_per_line)
{
  char *plugins = stages_dir ();
  StServer *s = st_start ("-j", "2", "--plugin-path", plugins,
                          "-p", "tokenize,sentence,stem,entity,sentiment,failer", NULL);
  static const char *const names[] = { "harbour.txt", "floods.txt", "chess.txt", "budget.txt" };
  GString *body = g_string_new (NULL);
  const char *argv[] = { "-q", "--plugin-path", plugins, "-p",
                         "tokenize,sentence,stem,entity,sentiment,failer",
                         "--on-error=mark", "--input-format=jsonl", "request", NULL };
  char *expect, **lines, **want;
  StReply *r;
  guint w = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *text = fixture (names[i]), *line = record (names[i], text, NULL);
      g_string_append_printf (body, "%s\n", line);
      if (i == 1)
        {
          g_string_append (body, "{\"id\": \"broken\", \"text\": \n");        /* line 3 */
          g_string_append (body, "{\"text\": \"Without an id. It FAILs.\"}\n"); /* line 4 */
          g_string_append (body, "\n");                                          /* line 5 */
          g_string_append (body, "{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n"); /* line 6 */
        }
      g_free (line);
      g_free (text);
    }
  g_free (st_put (s->dir, "request", body->str));
  expect = st_command_status (s->dir, argv, 1);
  r = st_post (s, "/v1/annotate", "application/x-ndjson", body->str, -1);
  cr_assert_eq (r->status, 200, "%s", r->body);
  cr_assert_str_eq (soup_message_headers_get_content_type (r->headers, NULL),
                    "application/x-ndjson");
  cr_assert_eq (soup_message_headers_get_encoding (r->headers), SOUP_ENCODING_CHUNKED,
                "streamed");
  lines = g_strsplit (r->body, "\n", -1);
  want = g_strsplit (expect, "\n", -1);
  cr_assert_eq (count_lines (r->body), 7, "7 non-blank lines, 7 records: %s", r->body);
  for (guint i = 0; i < 7; i++)
    {
      JsonNode *node = nlp_test_parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);
      JsonObject *error = json_object_has_member (o, "error")
                          ? json_object_get_object_member (o, "error") : NULL;

      if (i == 2 || i == 4)
        {
          /* lines 3 and 6: the reader's error, the line named */
          const char *id = i == 2 ? "request:3" : "request:6";
          cr_assert_str_eq (json_object_get_string_member (o, "id"), id);
          cr_assert_not_null (error, "%s", lines[i]);
          cr_assert_str_eq (json_object_get_string_member (error, "stage"), "", "no stage");
          cr_assert_str_eq (json_object_get_string_member (o, "text"), "");
          cr_assert (g_str_has_prefix (json_object_get_string_member (error, "message"), id));
          cr_assert_not_null (strstr (json_object_get_string_member (error, "message"),
                                      i == 2 ? "not valid JSON" : "invalid UTF-8"));
        }
      /* what the command writes under --on-error=mark, in order: the
       * same records, the unreadable lines' ones too; the command also
       * writes one for the blank line 5, which a batch skips */
      if (strstr (want[w], "\"id\":\"request:5\"") != NULL)
        w++;
      cr_assert_str_eq (lines[i], want[w], "record %u", i);
      w++;
      if (i == 3)
        {
          cr_assert_str_eq (json_object_get_string_member (o, "id"), "request:4");
          cr_assert_str_eq (json_object_get_string_member (error, "stage"), "failer");
        }
      json_node_unref (node);
    }
  cr_assert_eq (w, count_lines (expect), "every record the command wrote");
  cr_assert_eq (count_lines (expect), 8, "one for each of the 8 lines: %s", expect);
  g_strfreev (lines);
  g_strfreev (want);
  st_reply_free (r);
  g_free (expect);
  g_string_free (body, TRUE);
  st_free (s);
  g_free (plugins);
}

/* 8 clients on keep-alive connections, 13 requests each, 13 different
 * documents: every answer is the command's. */
typedef struct {
  StServer   *server;
  char      **bodies;           /* request bodies */
  char      **expect;           /* the command's line for each */
  guint       n;
  guint       client;
  gint       *equal;            /* atomic count */
  gint       *requests;
} Client;

static gpointer
client_thread (gpointer data)
{
  Client *c = data;
  SoupSession *session = soup_session_new ();

  for (guint i = 0; i < c->n; i++)
    {
      guint k = (c->client * 5 + i) % c->n;
      StReply *r = st_send (session, c->server, "POST", "/v1/annotate", "application/json",
                            c->bodies[k], -1);
      g_atomic_int_inc (c->requests);
      if (r->status == 200 && strcmp (r->body, c->expect[k]) == 0)
        g_atomic_int_inc (c->equal);
      st_reply_free (r);
    }
  g_object_unref (session);
  return NULL;
}

Test (serve, a_hundred_concurrent_requests_from_eight_clients_equal_the_command, .timeout = 60)
{
  static const char *const names[] = { "harbour.txt", "floods.txt", "chess.txt", "budget.txt" };
  StServer *s = st_start ("-j", "2", NULL);
  char *text = seed ();
  char **paragraphs = g_strsplit (text, "\n\n", -1);
  GPtrArray *bodies = g_ptr_array_new_with_free_func (g_free);
  GString *jsonl = g_string_new (NULL);
  const char *argv[] = { "-q", "--input-format=jsonl", "request", NULL };
  char *out, **expect;
  gint equal = 0, requests = 0;
  GThread *threads[8];
  Client clients[8];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *t = fixture (names[i]);
      g_ptr_array_add (bodies, record (names[i], t, NULL));
      g_free (t);
    }
  g_ptr_array_add (bodies, record ("seed", text, NULL));
  /* and the seed article in eight pieces */
  for (guint p = 0, n = g_strv_length (paragraphs); bodies->len < 13; p++)
    {
      GString *piece = g_string_new (NULL);
      for (guint q = p * n / 8; q < (p + 1) * n / 8; q++)
        g_string_append_printf (piece, "%s\n\n", paragraphs[q]);
      {
        char *id = g_strdup_printf ("piece-%u", p);
        g_ptr_array_add (bodies, record (id, piece->str, NULL));
        g_free (id);
      }
      g_string_free (piece, TRUE);
    }
  for (guint i = 0; i < bodies->len; i++)
    g_string_append_printf (jsonl, "%s\n", (char *) g_ptr_array_index (bodies, i));
  g_free (st_put (s->dir, "request", jsonl->str));
  out = st_command (s->dir, argv);
  expect = g_strsplit (out, "\n", -1);
  cr_assert_eq (g_strv_length (expect), bodies->len + 1);
  for (guint i = 0; i < bodies->len; i++)
    {
      char *line = g_strconcat (expect[i], "\n", NULL);
      g_free (expect[i]);
      expect[i] = line;
    }

  for (guint c = 0; c < 8; c++)
    {
      clients[c] = (Client) { s, (char **) bodies->pdata, expect, bodies->len, c, &equal,
                              &requests };
      threads[c] = g_thread_new ("client", client_thread, &clients[c]);
    }
  for (guint c = 0; c < 8; c++)
    g_thread_join (threads[c]);
  cr_assert_eq (requests, 8 * 13);
  cr_assert_eq (equal, 8 * 13, "%d of %d answers equal the command's", equal, requests);
  cr_assert_eq (st_stop (s, SIGTERM, 10), 0);

  g_strfreev (expect);
  g_free (out);
  g_string_free (jsonl, TRUE);
  g_ptr_array_unref (bodies);
  g_strfreev (paragraphs);
  g_free (text);
  st_free (s);
}

/* ---- the other endpoints ------------------------------------------------ */

static JsonNode *
without_instance (const char *json)
{
  JsonNode *node = nlp_test_parse_json (json);

  json_object_remove_member (json_node_get_object (node), "instance");
  return node;
}

Test (serve, stages_and_health_describe_the_loaded_chain)
{
  StServer *s = st_start ("-j", "1", "-p", "tokenize,sentence,porter=stem",
                          "--set", "porter.language=porter", NULL);
  const char *list_argv[] = { "list", "--json", NULL };
  const char *info_argv[] = { "info", "--json", "stem", NULL };
  char *list = st_command (s->dir, list_argv), *info = st_command (s->dir, info_argv);
  JsonNode *listed = nlp_test_parse_json (list), *stages, *got, *want;
  JsonArray *arr;
  StReply *r;

  r = st_get (s, "/v1/stages");
  cr_assert_eq (r->status, 200, "%s", r->body);
  stages = nlp_test_parse_json (r->body);
  arr = json_node_get_array (stages);
  cr_assert_eq (json_array_get_length (arr), 3);
  cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 2),
                                                   "instance"), "porter");
  /* each entry is the list --json entry of its stage */
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *entry = json_array_get_object_element (arr, i);
      const char *name = json_object_get_string_member (entry, "name");
      gboolean found = FALSE;

      json_object_remove_member (entry, "instance");
      for (guint j = 0; j < json_array_get_length (json_node_get_array (listed)); j++)
        {
          JsonNode *l = json_array_get_element (json_node_get_array (listed), j);
          if (strcmp (json_object_get_string_member (json_node_get_object (l), "name"), name) == 0)
            {
              JsonNode *e = json_node_alloc ();
              json_node_init_object (e, entry);
              found = json_node_equal (e, l);
              json_node_unref (e);
            }
        }
      cr_assert (found, "/v1/stages entry %u is list --json's", i);
    }
  json_node_unref (stages);
  st_reply_free (r);

  r = st_get (s, "/v1/stages/porter");
  cr_assert_eq (r->status, 200, "%s", r->body);
  cr_assert_not_null (strstr (r->body, "\"instance\":\"porter\""));
  got = without_instance (r->body);
  want = nlp_test_parse_json (info);
  cr_assert (json_node_equal (got, want), "/v1/stages/porter is info --json stem: %s", r->body);
  json_node_unref (got);
  json_node_unref (want);
  st_reply_free (r);

  /* only the chain's instances, by their names: nothing is loaded */
  r = st_get (s, "/v1/stages/stem");
  cr_assert_not_null (strstr (st_assert_error (r, 404, "unknown_stage"), "porter"));
  st_reply_free (r);
  r = st_get (s, "/v1/stages/entity");
  st_assert_error (r, 404, "unknown_stage");
  st_reply_free (r);

  r = st_get (s, "/v1/health");
  cr_assert_eq (r->status, 200);
  cr_assert_not_null (strstr (r->body, "\"status\":\"ready\""), "%s", r->body);
  cr_assert_not_null (strstr (r->body, "\"chain\":[\"tokenize\",\"sentence\",\"porter\"]"));
  cr_assert_not_null (strstr (r->body, "\"jobs\":1"));
  st_reply_free (r);
  json_node_unref (listed);
  g_free (list);
  g_free (info);
  st_free (s);
}

/* ---- errors --------------------------------------------------------------- */

/* Sends @request as is on a new connection: (transfer full) the answer. */
static char *
raw (StServer *s, const char *request)
{
  GSocketConnection *conn = st_connect (s);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  gboolean closed;
  char *answer;

  cr_assert (g_output_stream_write_all (out, request, strlen (request), NULL, NULL, NULL));
  answer = st_read_all (conn, 1 << 20, 10, &closed);
  g_object_unref (conn);
  return answer;
}

Test (serve, errors_are_json_with_the_right_status)
{
  char *plugins = stages_dir ();
  StServer *s = st_start ("-j", "1", "--max-body", "4k", "--plugin-path", plugins,
                          "-p", "tokenize,failer", NULL);
  char big[5000];
  StReply *r;
  char *answer;

  /* 400 */
  r = st_post (s, "/v1/annotate", "application/json", "{\"id\": 1,", -1);
  cr_assert (g_str_has_prefix (st_assert_error (r, 400, "invalid_json"), "request:1: not valid JSON"));
  st_reply_free (r);
  r = st_post (s, "/v1/annotate", "application/json", "[\"text\"]", -1);
  st_assert_error (r, 400, "invalid_json");
  st_reply_free (r);
  r = st_post (s, "/v1/annotate", "application/json", " \n ", -1);
  st_assert_error (r, 400, "empty_body");
  st_reply_free (r);
  /* a raw line break in a string is not JSON: refused, not made a space */
  r = st_post (s, "/v1/annotate", "application/json", "{\"text\": \"one\ntwo\"}", -1);
  st_assert_error (r, 400, "invalid_json");
  st_reply_free (r);
  /* two objects are not one */
  r = st_post (s, "/v1/annotate", "application/json", "{\"text\": \"a\"}\n{\"text\": \"b\"}", -1);
  st_assert_error (r, 400, "invalid_json");
  st_reply_free (r);
  /* ... nor on one line: the reader refuses the second value (json-glib
   * alone kept the first and dropped the other) */
  r = st_post (s, "/v1/annotate", "application/json", "{\"text\": \"a\"} {\"text\": \"b\"}", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 400, "invalid_json"),
                              "request:1: more than one JSON value on the line"));
  st_reply_free (r);
  /* a nesting too deep for a parser's stack: refused, the server lives */
  {
    char *deep = g_strnfill (4000, '[');
    r = st_post (s, "/v1/annotate", "application/json", deep, -1);
    cr_assert_not_null (strstr (st_assert_error (r, 400, "invalid_json"),
                                "JSON nested deeper than 512 levels"));
    st_reply_free (r);
    g_free (deep);
  }
  r = st_post (s, "/v1/annotate", "text/plain", "Caf\xe9 au lait", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 400, "invalid_utf8"), "byte offset 3"));
  st_reply_free (r);
  r = st_post (s, "/v1/annotate?format=xml", "text/plain", "Hello.", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 400, "unknown_format"), "json, text"));
  st_reply_free (r);
  /* a request names no file, stage, option or path */
  {
    static const char *const sneaky[] = {
      "/v1/annotate?file=/etc/passwd", "/v1/annotate?stages=tokenize,rogue",
      "/v1/annotate?set=stem.datadir=/tmp", "/v1/annotate?plugin-path=/tmp",
    };
    for (guint i = 0; i < G_N_ELEMENTS (sneaky); i++)
      {
        r = st_post (s, sneaky[i], "text/plain", "Hello.", -1);
        st_assert_error (r, 400, "unknown_parameter");
        st_reply_free (r);
      }
  }
  /* 404 */
  r = st_get (s, "/etc/passwd");
  cr_assert_not_null (strstr (st_assert_error (r, 404, "not_found"), "POST /v1/annotate"));
  st_reply_free (r);
  r = st_get (s, "/v1/stages/tokenize/../../x");
  cr_assert_neq (r->status, 200);
  st_reply_free (r);
  /* 405, with Allow */
  r = st_get (s, "/v1/annotate");
  st_assert_error (r, 405, "method_not_allowed");
  cr_assert_str_eq (soup_message_headers_get_one (r->headers, "Allow"), "POST");
  st_reply_free (r);
  r = st_send (NULL, s, "DELETE", "/v1/stages", NULL, NULL, 0);
  st_assert_error (r, 405, "method_not_allowed");
  cr_assert_str_eq (soup_message_headers_get_one (r->headers, "Allow"), "GET, HEAD");
  st_reply_free (r);
  /* 413: a body with a length over --max-body, and one without */
  memset (big, 'a', sizeof big);
  r = st_post (s, "/v1/annotate", "text/plain", big, sizeof big);
  cr_assert_not_null (strstr (st_assert_error (r, 413, "body_too_large"), "4096"));
  st_reply_free (r);
  {
    GString *chunked = g_string_new ("POST /v1/annotate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                     "Content-Type: text/plain\r\n"
                                     "Transfer-Encoding: chunked\r\n\r\n");
    for (guint i = 0; i < 5; i++)
      {
        g_string_append (chunked, "400\r\n");       /* 1024 bytes each */
        for (guint k = 0; k < 1024; k++)
          g_string_append_c (chunked, 'b');
        g_string_append (chunked, "\r\n");
      }
    g_string_append (chunked, "0\r\n\r\n");
    answer = raw (s, chunked->str);
    cr_assert (g_str_has_prefix (answer, "HTTP/1.1 413 "), "%s", answer);
    cr_assert_not_null (strstr (answer, "\"code\":\"body_too_large\""));
    g_free (answer);
    g_string_free (chunked, TRUE);
  }
  /* 415 */
  r = st_post (s, "/v1/annotate", "application/xml", "<a/>", -1);
  st_assert_error (r, 415, "unsupported_media_type");
  st_reply_free (r);
  r = st_post (s, "/v1/annotate", "application/x-www-form-urlencoded", "text=hi", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 415, "unsupported_media_type"), "text/plain"));
  st_reply_free (r);
  r = st_post (s, "/v1/annotate", "text/plain; charset=iso-8859-1", "Hello.", -1);
  st_assert_error (r, 415, "unsupported_charset");
  st_reply_free (r);
  /* 422: the stage and its message */
  r = st_post (s, "/v1/annotate", "text/plain", "This one will FAIL.", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 422, "stage_failed"), "failer fails on purpose"));
  cr_assert_not_null (strstr (r->body, "\"stage\":\"failer\""), "%s", r->body);
  st_reply_free (r);
  /* 421: a name that is not this server's (DNS rebinding) */
  answer = raw (s, "GET /v1/health HTTP/1.1\r\nHost: attacker.example:8080\r\n"
                   "Connection: close\r\n\r\n");
  cr_assert (g_str_has_prefix (answer, "HTTP/1.1 421 "), "%s", answer);
  cr_assert_not_null (strstr (answer, "\"code\":\"host_not_allowed\""));
  g_free (answer);
  answer = raw (s, "GET /v1/health HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n");
  cr_assert (g_str_has_prefix (answer, "HTTP/1.1 200 "), "%s", answer);
  g_free (answer);
  /* the server is still fine */
  r = st_post (s, "/v1/annotate?format=sentences", "text/plain", "One. Two.", -1);
  cr_assert_eq (r->status, 200);
  cr_assert_str_eq (r->body, "One. Two.\n", "no sentence stage: one line");
  st_reply_free (r);
  st_free (s);
  g_free (plugins);
}

/* ---- limits --------------------------------------------------------------- */

Test (serve, a_full_queue_answers_503_with_retry_after)
{
  StServer *s = st_start ("-j", "1", "--max-queue", "1", NULL);
  char *body = seed_batch (40);
  char *url = g_strconcat (s->url, "v1/annotate", NULL);
  SoupSession *session = soup_session_new ();
  SoupMessage *msg = soup_message_new ("POST", url);
  GBytes *bytes = g_bytes_new_take (body, strlen (body));
  GInputStream *stream;
  GError *error = NULL;
  StReply *r;
  char *rest;
  gsize got = 0;
  char buf[65536];
  gssize n;

  soup_message_set_request_body_from_bytes (msg, "application/x-ndjson", bytes);
  /* the batch has its headers: it is being served */
  stream = soup_session_send (session, msg, NULL, &error);
  cr_assert_not_null (stream, "%s", error ? error->message : "?");
  cr_assert_eq (soup_message_get_status (msg), 200);
  r = st_post (s, "/v1/annotate", "text/plain", "Hello.", -1);
  cr_assert_not_null (strstr (st_assert_error (r, 503, "unavailable"), "--max-queue"));
  cr_assert_str_eq (soup_message_headers_get_one (r->headers, "Retry-After"), "1");
  st_reply_free (r);
  /* the batch is whole */
  {
    GString *all = g_string_new (NULL);
    while ((n = g_input_stream_read (stream, buf, sizeof buf, NULL, NULL)) > 0)
      {
        g_string_append_len (all, buf, n);
        got += (gsize) n;
      }
    cr_assert_eq (count_lines (all->str), 40);
    rest = g_string_free (all, FALSE);
  }
  cr_assert_not_null (strstr (rest, "\"id\":\"copy-39\""));
  /* and the next request is served */
  r = st_post (s, "/v1/annotate", "text/plain", "Hello.", -1);
  cr_assert_eq (r->status, 200, "%s", r->body);
  st_reply_free (r);
  g_free (rest);
  g_object_unref (stream);
  g_bytes_unref (bytes);
  g_object_unref (msg);
  g_object_unref (session);
  g_free (url);
  st_free (s);
}

typedef struct {
  StServer *server;
  gint      closed;             /* atomic: the server hung up on us */
  gint      done;
  gint64    closed_after_us;
} Slow;

/* Headers one byte every 100 ms, never ending (slowloris). */
static gpointer
trickle (gpointer data)
{
  Slow *slow = data;
  GSocketConnection *conn = st_connect (slow->server);
  GSocket *socket = g_socket_connection_get_socket (conn);
  const char *head = "POST /v1/annotate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  gint64 start = g_get_monotonic_time ();

  g_socket_send (socket, head, strlen (head), NULL, NULL);
  for (guint i = 0; i < 150; i++)
    {
      char buf[16];
      GError *error = NULL;
      g_usleep (100000);
      g_socket_set_blocking (socket, FALSE);
      /* the server hangs up: the read sees the end, or the write fails */
      if (g_socket_receive (socket, buf, sizeof buf, NULL, &error) == 0
          || g_socket_send (socket, "a", 1, NULL, NULL) < 0)
        {
          g_atomic_int_set (&slow->closed, 1);
          slow->closed_after_us = g_get_monotonic_time () - start;
          g_clear_error (&error);
          break;
        }
      g_clear_error (&error);
    }
  g_object_unref (conn);
  g_atomic_int_set (&slow->done, 1);
  return NULL;
}

Test (serve, a_slow_client_does_not_block_the_others_and_is_cut_off, .timeout = 60)
{
  StServer *s = st_start ("-j", "1", "--header-timeout", "2", NULL);
  Slow slow = { s };
  GThread *thread = g_thread_new ("slow", trickle, &slow);
  SoupSession *session = soup_session_new ();
  gboolean closed;
  GSocketConnection *silent;
  char *nothing;

  g_usleep (300000);           /* the slow client is in */
  for (guint i = 0; i < 10; i++)
    {
      StReply *r = st_send (session, s, "POST", "/v1/annotate?format=sentences", "text/plain",
                            "Putin met Trump. They talked.", -1);
      cr_assert_eq (r->status, 200);
      cr_assert_str_eq (r->body, "Putin met Trump.\nThey talked.\n");
      st_reply_free (r);
    }
  cr_assert_eq (g_atomic_int_get (&slow.closed), 0,
                "ten requests were answered while the slow client still trickled");
  g_thread_join (thread);
  cr_assert_eq (slow.closed, 1, "the server hung up on the slow client");
  cr_assert_geq (slow.closed_after_us, 1500000, "not before --header-timeout (%" G_GINT64_FORMAT
                 " us)", slow.closed_after_us);
  /* a client that connects and says nothing is let go too */
  silent = st_connect (s);
  nothing = st_read_all (silent, 1024, 20, &closed);
  cr_assert (closed, "a silent connection is closed");
  cr_assert_str_eq (nothing, "");
  g_free (nothing);
  g_object_unref (silent);
  g_object_unref (session);
  st_free (s);
}

Test (serve, a_client_that_hangs_up_mid_answer_leaves_the_server_well, .timeout = 60)
{
  StServer *s = st_start ("-j", "1", NULL);
  char *body = seed_batch (20);
  char *head = g_strdup_printf ("POST /v1/annotate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Type: application/x-ndjson\r\n"
                                "Content-Length: %zu\r\n\r\n", strlen (body));
  GSocketConnection *conn = st_connect (s);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  gboolean closed;
  char *start;
  StReply *r;
  gboolean idle = FALSE;

  cr_assert (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL));
  cr_assert (g_output_stream_write_all (out, body, strlen (body), NULL, NULL, NULL));
  start = st_read_all (conn, 2000, 20, &closed);
  cr_assert (g_str_has_prefix (start, "HTTP/1.1 200 "), "%s", start);
  /* gone, with most of the answer unread */
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
  g_object_unref (conn);
  for (guint i = 0; i < 200 && !idle; i++)
    {
      r = st_get (s, "/v1/health");
      idle = strstr (r->body, "\"active\":0") != NULL;
      st_reply_free (r);
      if (!idle)
        g_usleep (50000);
    }
  cr_assert (idle, "the abandoned batch is let go");
  r = st_post (s, "/v1/annotate?format=sentences", "text/plain", "Still here. Yes.", -1);
  cr_assert_eq (r->status, 200);
  cr_assert_str_eq (r->body, "Still here.\nYes.\n");
  st_reply_free (r);
  cr_assert_eq (st_stop (s, SIGTERM, 10), 0);
  g_free (start);
  g_free (head);
  g_free (body);
  st_free (s);
}

/* ---- shutdown ------------------------------------------------------------- */

typedef struct {
  StServer *server;
  guint     docs;
  char     *answer;
  guint     status;
  gint      headers;            /* atomic: the answer has started */
  gint      done;
} Batch;

static gpointer
batch_thread (gpointer data)
{
  Batch *b = data;
  char *body = seed_batch (b->docs);
  char *url = g_strconcat (b->server->url, "v1/annotate", NULL);
  SoupSession *session = soup_session_new ();
  SoupMessage *msg = soup_message_new ("POST", url);
  GBytes *bytes = g_bytes_new_take (body, strlen (body));
  GInputStream *stream;
  GString *all = g_string_new (NULL);
  char buf[65536];
  gssize n;

  soup_message_set_request_body_from_bytes (msg, "application/x-ndjson", bytes);
  stream = soup_session_send (session, msg, NULL, NULL);
  b->status = soup_message_get_status (msg);
  g_atomic_int_set (&b->headers, 1);
  while (stream && (n = g_input_stream_read (stream, buf, sizeof buf, NULL, NULL)) > 0)
    g_string_append_len (all, buf, n);
  b->answer = g_string_free (all, FALSE);
  g_clear_object (&stream);
  g_bytes_unref (bytes);
  g_object_unref (msg);
  g_object_unref (session);
  g_free (url);
  g_atomic_int_set (&b->done, 1);
  return NULL;
}

static gboolean
can_connect (StServer *s)
{
  GSocketClient *client = g_socket_client_new ();
  GSocketConnection *conn = g_socket_client_connect_to_host (client, "127.0.0.1", s->port,
                                                             NULL, NULL);
  gboolean ok = conn != NULL;

  g_clear_object (&conn);
  g_object_unref (client);
  return ok;
}

Test (serve, sigterm_while_busy_finishes_the_requests_and_exits_0, .timeout = 60)
{
  StServer *s = st_start ("-j", "1", NULL);
  Batch b = { s, 80 };
  GThread *thread = g_thread_new ("batch", batch_thread, &b);
  gboolean refused = FALSE, refused_while_busy = FALSE;
  char *err;

  while (!g_atomic_int_get (&b.headers))
    g_usleep (10000);
  cr_assert_eq (b.status, 200);
  g_subprocess_send_signal (s->proc, SIGTERM);
  /* no new connection, while the batch goes on */
  for (guint i = 0; i < 200 && !refused; i++)
    {
      refused = !can_connect (s);
      refused_while_busy = refused && !g_atomic_int_get (&b.done);
      if (!refused)
        g_usleep (20000);
    }
  cr_assert (refused_while_busy, "stopped accepting while finishing the batch");
  cr_assert_eq (st_stop (s, 0, 30), 0, "exit status 0");
  g_thread_join (thread);
  cr_assert_eq (count_lines (b.answer), 80, "the batch in progress was finished");
  cr_assert_not_null (strstr (b.answer, "\"id\":\"copy-79\""));
  err = st_stderr (s);
  cr_assert_not_null (strstr (err, "SIGTERM: finishing 1 request in progress"), "%s", err);
  cr_assert_not_null (strstr (err, "stopped after"), "%s", err);
  g_free (err);
  g_free (b.answer);
  st_free (s);
}

Test (serve, drain_seconds_bounds_the_shutdown, .timeout = 60)
{
  /* 5000 copies of the seed article (35 MB): several seconds of work at
   * -j 1 on any machine, so the 1-second drain always cuts it short */
  StServer *s = st_start ("-j", "1", "--drain-seconds", "1", "--max-body", "64M", NULL);
  Batch b = { s, 5000 };
  GThread *thread = g_thread_new ("batch", batch_thread, &b);
  char *err;

  while (!g_atomic_int_get (&b.headers))
    g_usleep (10000);
  cr_assert_eq (st_stop (s, SIGINT, 20), 0, "exit status 0");
  g_thread_join (thread);
  cr_assert_lt (count_lines (b.answer), 5000, "cut short");
  err = st_stderr (s);
  cr_assert_not_null (strstr (err, "--drain-seconds 1 over with 1 request unfinished"), "%s", err);
  g_free (err);
  g_free (b.answer);
  st_free (s);
}

/* ---- the page --------------------------------------------------------------- */

Test (serve, the_page_is_self_contained_and_shares_the_html_stylesheet)
{
  StServer *s = st_start ("-j", "1", NULL);
  StReply *page = st_get (s, "/"), *js = st_get (s, "/page.js"), *css = st_get (s, "/nlpipe.css");
  const char *csp = soup_message_headers_get_one (page->headers, "Content-Security-Policy");
  const char *argv[] = { "-q", "-f", "html", "request", NULL };
  char *html, *style, *end;

  cr_assert_eq (page->status, 200);
  cr_assert_str_eq (soup_message_headers_get_content_type (page->headers, NULL), "text/html");
  cr_assert_not_null (csp);
  cr_assert_not_null (strstr (csp, "default-src 'none'"), "%s", csp);
  cr_assert_not_null (strstr (csp, "script-src 'self'"));
  cr_assert_null (strstr (csp, "unsafe"), "no inline script or style: %s", csp);
  cr_assert_not_null (strstr (page->body, "<script src=\"/page.js\" defer></script>"));
  cr_assert_eq (js->status, 200);
  cr_assert_str_eq (soup_message_headers_get_content_type (js->headers, NULL), "text/javascript");
  /* offline: nothing from anywhere else */
  cr_assert_null (strstr (page->body, "//"), "no URL elsewhere: %s", page->body);
  cr_assert_null (strstr (js->body, "http:"));
  cr_assert_null (strstr (js->body, "https:"));
  cr_assert_null (strstr (page->body, " style=\""));
  /* /nlpipe.css is the stylesheet nlpipe -f html embeds */
  g_free (st_put (s->dir, "request", "Putin met Trump.\n"));
  html = st_command (s->dir, argv);
  style = strstr (html, "<style>\n");
  cr_assert_not_null (style);
  style += strlen ("<style>\n");
  end = strstr (style, "</style>");
  cr_assert_eq (css->status, 200);
  cr_assert_eq ((gsize) (end - style), css->len);
  cr_assert (memcmp (style, css->body, css->len) == 0, "one stylesheet for both");
  g_free (html);
  st_reply_free (page);
  st_reply_free (js);
  st_reply_free (css);
  st_free (s);
}

/* ---- start-up errors ----------------------------------------------------------- */

Test (serve, bad_flags_and_busy_ports_are_one_line_errors)
{
  StServer *s = st_start ("-j", "1", NULL);
  char *busy = g_strdup_printf ("127.0.0.1:%u", s->port);
  const char *a1[] = { "serve", "--listen", busy, NULL };
  const char *a2[] = { "serve", "--listen", "example.org:80", NULL };
  const char *a3[] = { "serve", "--max-body", "lots", NULL };
  const char *a4[] = { "serve", "-p", "tokenize,nosuchstage", NULL };
  const char *a5[] = { "serve", "article.txt", NULL };
  NlpTestRun *r;

  r = nlp_test_runv (NULL, a1, NULL);
  cr_assert_eq (r->status, 1, "%s", r->err);
  cr_assert_not_null (strstr (r->err, "nlpipe: cannot listen on 127.0.0.1:"), "%s", r->err);
  cr_assert_eq (count_lines (r->err), 1, "%s", r->err);
  nlp_test_run_free (r);
  r = nlp_test_runv (NULL, a2, NULL);
  cr_assert_eq (r->status, 2);
  cr_assert_not_null (strstr (r->err, "--listen 'example.org:80': expected ADDRESS:PORT"), "%s", r->err);
  nlp_test_run_free (r);
  r = nlp_test_runv (NULL, a3, NULL);
  cr_assert_eq (r->status, 2);
  cr_assert_not_null (strstr (r->err, "--max-body 'lots'"), "%s", r->err);
  nlp_test_run_free (r);
  r = nlp_test_runv (NULL, a4, NULL);
  cr_assert_eq (r->status, 2, "%s", r->err);
  cr_assert_not_null (strstr (r->err, "nosuchstage"), "%s", r->err);
  nlp_test_run_free (r);
  r = nlp_test_runv (NULL, a5, NULL);
  cr_assert_eq (r->status, 2);
  cr_assert_not_null (strstr (r->err, "reads no files"), "%s", r->err);
  nlp_test_run_free (r);
  g_free (busy);
  st_free (s);
}
