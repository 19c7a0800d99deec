/* html-private.h — the pieces of the html format (writer-html.c), one
 * file each: the annotated text (html-text.c), the summary with its
 * chart and entity table (html-summary.c), and every other layer and
 * attribute as tables (html-tables.c).  Private to libnlpipe. */
#ifndef HTML_PRIVATE_H
#define HTML_PRIVATE_H

#include "nlp-document.h"

/* One document being written.  Ids in the page are @anchor ("d-..."),
 * @anchor "-sN" for sentence N and @anchor "-mN" for entity row N. */
typedef struct {
  NlpDocument    *doc;
  char           *anchor;
  const NlpLayer *entities;    /* or NULL */
  NlpColumn      *label;       /* entities' label column, or NULL */
  guint8         *shown;       /* per entity row: marked in the text */
} HtmlDoc;

/* Escapes for text and for quoted attribute values (both quotes); NUL
 * becomes U+FFFD. */
void html_escape (GString *out, const char *s, gsize len);
void html_escape_str (GString *out, const char *s);

/* What a label looks like: known types have their colour in the
 * stylesheet (by data-label), others one of eight by their name
 * (class "xN"); @meaning is a word for the legend, or NULL. */
void html_label_style (const char *label, const char **name, const char **meaning,
                       int *spare);
/* A mark: class "e" for a mention in the text (with @id, may be NULL),
 * "k" for the summary and legend; @title (may be NULL) as its tooltip. */
void html_mark (GString *out, char cls, const char *id, const char *s, gsize len,
                const char *label, const char *title);

/* html-text.c: the text, sentences tinted by sentiment, mentions
 * marked; fills @h->shown. */
void html_text (GString *out, HtmlDoc *h);
/* The strength class of a sentence tint ("p3", "n1"), or NULL when
 * neutral. */
const char *html_tint (double compound);

/* html-summary.c: overall sentiment, the chart, the entity table. */
void html_summary (GString *out, HtmlDoc *h);

/* html-tables.c: the layers the reading view does not show, and every
 * attribute, as tables. */
void html_tables (GString *out, HtmlDoc *h);

#endif
