/* pos-lexicon.h — word classes from open dictionaries (WordNet, SCOWL):
 * what a word can be even when the training data never had it.  The
 * classes of a word are a feature of the tagger (pos-features.c); the
 * file is data/lexicon.tsv, made by data/make-lexicon.py.
 */
#ifndef POS_LEXICON_H
#define POS_LEXICON_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PosLexicon PosLexicon;

/* (transfer full) the lexicon in @path: lines "word<TAB>classes", one
 * letter per class out of "npvzdgacsrlk" (see make-lexicon.py), '#'
 * comments.  NULL with NLP_ERROR_DATA naming the file and line. */
PosLexicon *pos_lexicon_load (const char *path, GError **error);
void        pos_lexicon_free (PosLexicon *lexicon);
/* The class bits (bit k for the k-th letter of "npvzdgacsrlk") of the
 * word whose lower-case form hashes to @lower (pos_hash_bytes), or 0. */
guint       pos_lexicon_classes (const PosLexicon *lexicon, guint64 lower);
/* Number of words. */
guint       pos_lexicon_size (const PosLexicon *lexicon);

G_END_DECLS

#endif
