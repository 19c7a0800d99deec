/* lemma-rules.h — the UD lemma of an English word, given its tags.
 *
 * In this order: the exceptions of the tables (what UD English-EWT train
 * lemmatises otherwise than the rules would: "was" -> "be", "'s" as VBZ
 * -> "be", "better" as JJR -> "good"; then WordNet's irregular forms),
 * then suffix rules by Penn tag ("negotiations" -> "negotiation",
 * "hoped" -> "hope", "bigger" -> "big") whose guesses are checked against
 * WordNet's lemmas, then the word itself: lower case, except for proper
 * nouns, which keep their case ("Google").
 */
#ifndef LEMMA_RULES_H
#define LEMMA_RULES_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _Lemmatizer Lemmatizer;

/* (transfer full) the tables in @exceptions (FORM<TAB>TAG<TAB>LEMMA) and
 * @bases (WORD<TAB>CLASSES, letters of "nvar"), both made by
 * data/make-lemma-data.py, and @names (capitalised words, one a line);
 * NULL with NLP_ERROR_DATA naming the file and line of the first bad
 * line. */
Lemmatizer *lemmatizer_load (const char *exceptions, const char *bases, const char *names,
                             GError **error);
void        lemmatizer_free (Lemmatizer *lemmatizer);

/* The lemma of @form (@len bytes of UTF-8) tagged @upos and @xpos (either
 * may be NULL).  Returns the lemma: a string of the tables ((transfer
 * none), *@len_out bytes, NUL-terminated), or @buf, which must hold
 * 2 * @len + 8 bytes, where it was written. */
const char *lemmatizer_lemma (const Lemmatizer *lemmatizer, const char *form, gsize len,
                              const char *upos, const char *xpos, char *buf, gsize *len_out);

G_END_DECLS

#endif
