/* nlp-utf8-quote-private.h — a user's value, shown in a one-line message.
 *
 * A message quotes what the user wrote, but a 5 MB config value or one
 * with line breaks must not flood the terminal or break the one line:
 * nlp__utf8_quote() keeps the first @max characters, escapes control
 * characters (\n, \t, \xNN) and ends a cut value with "…".  Text that is
 * not UTF-8 is shown with U+FFFD.
 */
#ifndef NLP_UTF8_QUOTE_PRIVATE_H
#define NLP_UTF8_QUOTE_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/* The quoting length messages use. */
#define NLP_QUOTE_MAX 60

/* (transfer full) @text (NUL-terminated) shortened and escaped. */
char *nlp__utf8_quote (const char *text, guint max);

G_END_DECLS

#endif
