/* splitter-private.h — shared between splitter.c and lexicon.c only. */
#ifndef SPLITTER_PRIVATE_H
#define SPLITTER_PRIVATE_H

#include "splitter.h"

G_BEGIN_DECLS

#define SPLITTER_MAX_WORD 31

typedef enum {
  ABBREV_NONE,
  ABBREV_GENERAL,   /* ends a sentence only before a usual opener */
  ABBREV_TITLE,     /* before a name: never ends a sentence */
  ABBREV_NUMBER,    /* before a number: "No. 10" */
} AbbrevClass;

struct _Splitter {
  GHashTable    *abbrevs;    /* (owned) word -> AbbrevClass */
  gsize          abbrev_max; /* the longest entry: longer words skip the look-ups */
  GHashTable    *starters;   /* (owned) set of words */
  NewlinePolicy  newline;
};

AbbrevClass splitter_abbrev_class (const Splitter *sp, const char *word, gsize len);
gboolean    splitter_is_starter   (const Splitter *sp, const char *word, gsize len);

G_END_DECLS

#endif
