/* ner-gazetteer.h — name lists as a compact hash set, used as features.
 *
 * Every entry (one phrase per line, any case) is lower-cased, split into
 * words and stored as the hash of its word sequence with a bit per list
 * (class); every proper prefix of a multi-word entry is stored with the
 * PREFIX bit so a match stops at the first word that cannot continue one.
 * No strings are kept.  Membership is a feature, never a decision: a city
 * name is often a sports club.
 */
#ifndef NER_GAZETTEER_H
#define NER_GAZETTEER_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NER_GAZ_LOC,        /* countries, regions, large cities, places */
  NER_GAZ_ORG,        /* organisations, companies */
  NER_GAZ_PERSON,     /* full names of well-known people */
  NER_GAZ_FIRST,      /* first names */
  NER_GAZ_LAST,       /* surnames and other name parts */
  NER_GAZ_DEMONYM,    /* demonyms and languages ("Russian"): not PER/LOC/ORG */
  NER_GAZ_N_PHRASE,   /* classes above match phrases; below, single words */
  NER_LEX_LOWER = NER_GAZ_N_PHRASE, /* common lower-case English words */
  NER_LEX_CAP,        /* capitalised dictionary words (proper nouns) */
  NER_LEX_ORGCUE,     /* words that end or mark organisation names ("Inc",
                         "University", "Party", "FC", "Records") */
  NER_GAZ_N_CLASSES
} NerGazClass;

#define NER_GAZ_PREFIX (1u << NER_GAZ_N_CLASSES)

typedef struct _NerGazetteer NerGazetteer;

/* (transfer full) an empty set. */
NerGazetteer *ner_gazetteer_new  (void);
void          ner_gazetteer_free (NerGazetteer *gaz);

/* Adds one phrase to @cls (UTF-8, any case). */
void          ner_gazetteer_add  (NerGazetteer *gaz, const char *phrase,
                                  NerGazClass cls);
/* Adds every line of @path to @cls; FALSE with an error naming the path. */
gboolean      ner_gazetteer_add_file (NerGazetteer *gaz, const char *path,
                                      NerGazClass cls, GError **error);
/* Loads the standard files (gaz-*.txt, lex-*.txt) from the stage's data
 * directory @dir.  (transfer full) or NULL with an error naming the file. */
NerGazetteer *ner_gazetteer_load_dir (const char *dir, GError **error);

guint         ner_gazetteer_get_size (const NerGazetteer *gaz);

/* Class bits (and NER_GAZ_PREFIX) of the word sequence whose key is @key:
 * key = hash of the first lower-cased word, then ner_hash_pair (key, next). */
guint         ner_gazetteer_lookup (const NerGazetteer *gaz, guint64 key);

/* For the @n words whose lower-case hashes are @words: per position, the
 * classes of the longest phrase starting there (@b_bits) and the classes
 * of phrases covering it past their first word (@i_bits).  @first, when
 * not NULL, holds ner_gazetteer_lookup() of each word alone (a caller
 * that remembers them per word saves that look-up). */
void          ner_gazetteer_match (const NerGazetteer *gaz, const guint64 *words,
                                   const guint16 *first, guint n,
                                   guint16 *b_bits, guint16 *i_bits);

G_END_DECLS

#endif
