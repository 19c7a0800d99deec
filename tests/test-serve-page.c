/* test-serve-page.c — nlpipe serve's page in a real browser: headless
 * Chromium loads it from the running server, the seed article is typed
 * into it (Input.insertText, as a paste), Ctrl+Enter submits it, and the
 * test checks the highlighted mentions against the command's entity
 * count, the type filter, that the page broke no rule of its strict
 * Content-Security-Policy, and takes a screenshot
 * (tests/serve-page-screenshot.png in the build directory).
 *
 * Chromium is driven over its DevTools protocol (a WebSocket, here
 * libsoup's client); it skips, saying why, when there is no Chromium. */
#include <string.h>
#include "serve-test.h"

typedef struct {
  SoupWebsocketConnection *ws;
  guint       next_id;
  JsonNode   *reply;            /* the answer being waited for */
  guint       waiting;          /* its id */
  GPtrArray  *problems;         /* console errors and CSP reports */
} Cdp;

static void
on_message (SoupWebsocketConnection *ws, gint type, GBytes *message, gpointer data)
{
  Cdp *cdp = data;
  gsize len;
  const char *text = g_bytes_get_data (message, &len);
  char *copy = g_strndup (text, len);
  JsonNode *node = nlp_test_parse_json (copy);
  JsonObject *o = json_node_get_object (node);

  if (json_object_has_member (o, "id")
      && (guint) json_object_get_int_member (o, "id") == cdp->waiting)
    cdp->reply = json_node_ref (node);
  else if (json_object_has_member (o, "method"))
    {
      const char *method = json_object_get_string_member (o, "method");
      /* errors in the console, and what the security policy blocked */
      if (strcmp (method, "Log.entryAdded") == 0 || strcmp (method, "Runtime.exceptionThrown") == 0)
        {
          gboolean keep = strcmp (method, "Runtime.exceptionThrown") == 0;
          if (!keep)
            {
              JsonObject *entry = json_object_get_object_member (
                json_object_get_object_member (o, "params"), "entry");
              keep = strcmp (json_object_get_string_member (entry, "level"), "error") == 0;
            }
          if (keep)
            g_ptr_array_add (cdp->problems, g_strdup (copy));
        }
    }
  json_node_unref (node);
  g_free (copy);
}

/* Sends @method with @params (JSON text, or NULL) and waits for the
 * answer: (transfer full) its "result". */
static JsonNode *
call (Cdp *cdp, const char *method, const char *params)
{
  char *msg;
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  JsonNode *result;

  cdp->waiting = ++cdp->next_id;
  msg = g_strdup_printf ("{\"id\":%u,\"method\":\"%s\",\"params\":%s}", cdp->waiting, method,
                         params ? params : "{}");
  soup_websocket_connection_send_text (cdp->ws, msg);
  g_free (msg);
  while (cdp->reply == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  cr_assert_not_null (cdp->reply, "no answer from Chromium to %s", method);
  {
    JsonObject *o = json_node_get_object (cdp->reply);
    cr_assert (!json_object_has_member (o, "error"), "%s: %s", method,
               json_to_string (cdp->reply, FALSE));
    result = json_node_copy (json_object_get_member (o, "result"));
  }
  g_clear_pointer (&cdp->reply, json_node_unref);
  return result;
}

/* Evaluates @expr in the page: (transfer full) its value as JSON text. */
static char *
eval (Cdp *cdp, const char *expr)
{
  JsonBuilder *b = json_builder_new ();
  JsonNode *params, *result, *value;
  char *text, *out;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "expression");
  json_builder_add_string_value (b, expr);
  json_builder_set_member_name (b, "returnByValue");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  params = json_builder_get_root (b);
  text = json_to_string (params, FALSE);
  result = call (cdp, "Runtime.evaluate", text);
  value = json_object_get_member (json_object_get_object_member (json_node_get_object (result),
                                                                 "result"), "value");
  out = value ? json_to_string (value, FALSE) : g_strdup ("undefined");
  json_node_unref (result);
  json_node_unref (params);
  g_free (text);
  g_object_unref (b);
  return out;
}

/* Waits until @expr is true in the page. */
static void
wait_for (Cdp *cdp, const char *expr, guint seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gboolean ok = FALSE;

  while (!ok && g_get_monotonic_time () < end)
    {
      char *v = eval (cdp, expr);
      ok = strcmp (v, "true") == 0;
      g_free (v);
      if (!ok)
        g_usleep (50000);
    }
  cr_assert (ok, "the page never got to: %s", expr);
}

/* A key pressed and released: @key is the members of the event, e.g.
 * "\"key\":\"Tab\",\"code\":\"Tab\",\"windowsVirtualKeyCode\":9". */
static void
press (Cdp *cdp, const char *key)
{
  static const char *const types[] = { "keyDown", "keyUp" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      char *params = g_strdup_printf ("{\"type\":\"%s\",%s}", types[i], key);
      json_node_unref (call (cdp, "Input.dispatchKeyEvent", params));
      g_free (params);
    }
}

static void
connected (GObject *session, GAsyncResult *res, gpointer data)
{
  GError *error = NULL;

  *(SoupWebsocketConnection **) data =
    soup_session_websocket_connect_finish (SOUP_SESSION (session), res, &error);
  cr_assert_not_null (*(SoupWebsocketConnection **) data, "DevTools WebSocket: %s",
                      error ? error->message : "?");
}

/* Starts headless Chromium with remote debugging: (transfer full) the
 * WebSocket URL of its first page. */
static char *
start_chromium (const char *exe, const char *profile, GSubprocess **proc)
{
  char *user_dir = g_strdup_printf ("--user-data-dir=%s", profile);
  const char *argv[] = {
    exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--window-size=1000,1400", "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0", user_dir, "about:blank", NULL,
  };
  GError *error = NULL;
  char *log = g_strconcat (profile, ".log", NULL);
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  char *browser = NULL, *port, *list_url, *page = NULL;
  SoupSession *session;
  SoupMessage *msg;
  GBytes *body;
  JsonNode *targets;

  /* its stderr to a file: it says there where DevTools listens */
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, st_die_with_parent, NULL, NULL);
  *proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  cr_assert_not_null (*proc, "cannot run %s: %s", exe, error ? error->message : "?");
  while (browser == NULL && g_get_monotonic_time () < end)
    {
      char *text = NULL, *ws, *nl;
      if (g_file_get_contents (log, &text, NULL, NULL)
          && (ws = strstr (text, "DevTools listening on ws://")) != NULL
          && (nl = strchr (ws, '\n')) != NULL)
        browser = g_strndup (ws + strlen ("DevTools listening on "),
                             nl - ws - strlen ("DevTools listening on "));
      g_free (text);
      if (browser == NULL)
        g_usleep (50000);
    }
  cr_assert_not_null (browser, "Chromium did not say where DevTools listens");
  /* ws://127.0.0.1:PORT/devtools/browser/ID -> http://127.0.0.1:PORT/json/list */
  port = g_strndup (browser + strlen ("ws://"), strchr (browser + strlen ("ws://"), '/')
                    - browser - strlen ("ws://"));
  list_url = g_strdup_printf ("http://%s/json/list", port);
  session = soup_session_new ();
  msg = soup_message_new ("GET", list_url);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  cr_assert_not_null (body, "%s: %s", list_url, error ? error->message : "?");
  {
    char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    targets = nlp_test_parse_json (text);
    g_free (text);
  }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (targets)); i++)
    {
      JsonObject *t = json_array_get_object_element (json_node_get_array (targets), i);
      if (page == NULL && strcmp (json_object_get_string_member (t, "type"), "page") == 0)
        page = g_strdup (json_object_get_string_member (t, "webSocketDebuggerUrl"));
    }
  cr_assert_not_null (page, "Chromium has no page");
  json_node_unref (targets);
  g_bytes_unref (body);
  g_object_unref (msg);
  g_object_unref (session);
  g_object_unref (launcher);
  g_free (log);
  g_free (list_url);
  g_free (port);
  g_free (browser);
  g_free (user_dir);
  return page;
}

Test (page, annotates_a_pasted_article_in_headless_chromium, .timeout = 120)
{
  char *exe = nlp_test_find_chromium ();
  StServer *s;
  GSubprocess *browser;
  char *profile, *ws_url, *article, *text, *expect, *v, *shot;
  SoupSession *session;
  SoupMessage *msg;
  Cdp cdp = { 0 };
  guint entities = 0;

  if (exe == NULL)
    cr_skip_test (NLP_TEST_NO_CHROMIUM);
  s = st_start ("-j", "2", NULL);
  article = nlp_test_article ("anchorage-summit.txt");
  text = nlp_test_read (article);
  {
    const char *argv[] = { "-q", article, NULL };
    JsonNode *doc;
    expect = st_command (s->dir, argv);
    doc = nlp_test_parse_json (expect);
    entities = json_array_get_length (json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (doc), "layers"), "entity"));
    json_node_unref (doc);
  }
  cr_assert_gt (entities, 100);

  profile = g_build_filename (s->dir, "profile", NULL);
  ws_url = start_chromium (exe, profile, &browser);
  session = soup_session_new ();
  msg = soup_message_new ("GET", ws_url);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        connected, &cdp.ws);
  while (cdp.ws == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* a screenshot is a large message */
  soup_websocket_connection_set_max_incoming_payload_size (cdp.ws, 64 << 20);
  cdp.problems = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (cdp.ws, "message", G_CALLBACK (on_message), &cdp);

  json_node_unref (call (&cdp, "Log.enable", NULL));
  json_node_unref (call (&cdp, "Runtime.enable", NULL));
  json_node_unref (call (&cdp, "Page.enable", NULL));
  {
    char *params = g_strdup_printf ("{\"url\":\"%s\"}", s->url);
    json_node_unref (call (&cdp, "Page.navigate", params));
    g_free (params);
  }
  wait_for (&cdp, "document.readyState === 'complete' && "
                  "document.getElementById('chain').textContent.startsWith('lang, tokenize')", 30);

  /* the keyboard reaches the text box first */
  press (&cdp, "\"key\":\"Tab\",\"code\":\"Tab\",\"windowsVirtualKeyCode\":9");
  v = eval (&cdp, "document.activeElement.id");
  cr_assert_str_eq (v, "\"text\"", "Tab focuses the text box");
  g_free (v);
  /* paste the article, Ctrl+Enter */
  {
    JsonBuilder *b = json_builder_new ();
    JsonNode *root;
    char *params;
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "text");
    json_builder_add_string_value (b, text);
    json_builder_end_object (b);
    root = json_builder_get_root (b);
    params = json_to_string (root, FALSE);
    json_node_unref (call (&cdp, "Input.insertText", params));
    g_free (params);
    json_node_unref (root);
    g_object_unref (b);
  }
  v = eval (&cdp, "document.getElementById('text').value.length");
  cr_assert_eq ((gsize) g_ascii_strtoull (v, NULL, 10), g_utf8_strlen (text, -1) - 0,
                "the whole article is in the box (%s)", v);
  g_free (v);
  /* Ctrl+Enter */
  press (&cdp, "\"key\":\"Enter\",\"code\":\"Enter\",\"windowsVirtualKeyCode\":13,"
               "\"modifiers\":2");
  wait_for (&cdp, "document.querySelectorAll('#result article.doc').length === 1", 60);

  /* every mention highlighted, as the command finds them */
  v = eval (&cdp, "document.querySelectorAll('#result mark.e').length");
  cr_assert_eq ((guint) g_ascii_strtoull (v, NULL, 10), entities, "%s marks, %u entities",
                v, entities);
  g_free (v);
  v = eval (&cdp, "document.getElementById('status').textContent");
  {
    char *want = g_strdup_printf ("\"Annotated 1 article: %u entity mentions.\"", entities);
    cr_assert_str_eq (v, want);
    g_free (want);
  }
  g_free (v);
  v = eval (&cdp, "document.title");
  cr_assert_str_eq (v, "\"Did Trump and Putin Make Significant Progress in Their Bilateral "
                       "Meeting? \xE2\x80\x94 nlpipe\"");
  g_free (v);
  /* the entity table's type filter works under the page's policy */
  v = eval (&cdp, "(() => { const t = document.querySelectorAll('#result .entities tbody tr');"
                  "document.querySelector('#result .entities input.f0').click();"
                  "const shown = [...t].filter(r => r.offsetParent !== null);"
                  "return [t.length, shown.length,"
                  " shown.every(r => r.classList.contains('t0'))]; })()");
  {
    guint total = 0, shown = 0;
    cr_assert_eq (sscanf (v, "[%u,%u,true]", &total, &shown), 2, "%s", v);
    cr_assert (shown > 0 && shown < total, "filtered: %u of %u rows", shown, total);
  }
  g_free (v);
  /* styles applied: a PER mark has its colour (a blocked stylesheet has none) */
  v = eval (&cdp, "getComputedStyle(document.querySelector('#result mark[data-label=PER]'))"
                  ".backgroundColor");
  cr_assert_str_eq (v, "\"rgb(174, 214, 241)\"");
  g_free (v);
  cr_assert_eq (cdp.problems->len, 0, "console errors or CSP reports: %s",
                cdp.problems->len ? (char *) g_ptr_array_index (cdp.problems, 0) : "");

  shot = g_build_filename (NLP_TEST_BUILDDIR, "tests", "serve-page-screenshot.png", NULL);
  {
    JsonNode *r = call (&cdp, "Page.captureScreenshot", "{\"format\":\"png\"}");
    gsize len;
    guchar *png = g_base64_decode (json_object_get_string_member (json_node_get_object (r),
                                                                  "data"), &len);
    cr_assert (len > 20000 && memcmp (png, "\x89PNG", 4) == 0,
               "the screenshot is a PNG with something on it (%zu bytes)", len);
    cr_assert (g_file_set_contents (shot, (const char *) png, (gssize) len, NULL));
    g_free (png);
    json_node_unref (r);
  }

  soup_websocket_connection_close (cdp.ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (cdp.ws);
  g_ptr_array_unref (cdp.problems);
  g_subprocess_force_exit (browser);
  g_subprocess_wait (browser, NULL, NULL);
  g_object_unref (browser);
  g_object_unref (msg);
  g_object_unref (session);
  g_free (shot);
  g_free (ws_url);
  g_free (profile);
  g_free (expect);
  g_free (text);
  g_free (article);
  g_free (exe);
  st_free (s);
}
