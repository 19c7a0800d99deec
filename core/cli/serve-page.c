/* serve-page.c — GET /: a page to paste an article into (page/index.html,
 * page.js, page.css), and the html format's stylesheet at /nlpipe.css,
 * the very one `nlpipe -f html` embeds.  Everything is compiled in
 * (core/embed.sh): the page needs no file, no CDN, no network, and its
 * Content-Security-Policy lets it load only from this server. */
#include <string.h>
#include "cli-serve.h"
#include "cli-page-assets.h"
#include "cli-html-css.h"

/* Scripts and styles from this server only, no inline script or style,
 * requests to this server only, never framed. */
#define PAGE_CSP "default-src 'none'; script-src 'self'; style-src 'self'; " \
                 "connect-src 'self'; img-src 'self' data:; form-action 'none'; " \
                 "base-uri 'none'; frame-ancestors 'none'"

typedef struct {
  const char *path;
  const char *type;
  const char *body;
} Asset;

static const Asset assets[] = {
  { "/", "text/html; charset=utf-8", page_index_html },
  { "/page.js", "text/javascript; charset=utf-8", page_page_js },
  { "/page.css", "text/css; charset=utf-8", page_page_css },
  { "/nlpipe.css", "text/css; charset=utf-8", html_stylesheet },
};

static const Asset *
find (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (assets); i++)
    if (strcmp (assets[i].path, path) == 0)
      return &assets[i];
  return NULL;
}

gboolean
serve_page_has (const char *path)
{
  return find (path) != NULL;
}

gboolean
serve_page (ServeRequest *r)
{
  const Asset *asset = find (r->path);
  SoupMessageHeaders *h = soup_server_message_get_response_headers (r->msg);

  if (asset == NULL)
    return FALSE;
  soup_message_headers_replace (h, "Content-Security-Policy", PAGE_CSP);
  soup_message_headers_replace (h, "X-Frame-Options", "DENY");
  /* the assets change only with the program: revalidate, no more */
  soup_message_headers_replace (h, "Cache-Control", "no-cache");
  soup_server_message_set_status (r->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (r->msg, asset->type, SOUP_MEMORY_STATIC, asset->body,
                                    strlen (asset->body));
  return TRUE;
}
