/* vader-text.h — the Python string semantics VADER's scores depend on
 * (internal): str.split() whitespace, str.isupper() and str.lower(). */
#ifndef VADER_TEXT_H
#define VADER_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for the code points Python's str.split() and str.strip() treat as
 * whitespace (not U+200B nor U+FEFF). */
gboolean vader_text_is_space (gunichar c);

/* Python's str.isupper() on @len bytes of valid UTF-8: at least one
 * upper-case character and no lower-case or title-case one, with Unicode's
 * Other_Uppercase / Other_Lowercase characters (Ⓐ, ª, ...) counted. */
gboolean vader_text_is_upper (const char *s, gsize len);

/* Python's str.lower() of @len bytes of valid UTF-8 into @out, which must
 * have room for 3 * @len + 1 bytes; NUL-terminates and returns the length. */
gsize    vader_text_lower (const char *s, gsize len, char *out);

G_END_DECLS

#endif
