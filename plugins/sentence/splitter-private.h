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

/* Word lists: the shipped ones for every language, and one more per
 * language that has its own (abbreviations.LANG.txt). */
typedef struct {
  GHashTable    *abbrevs;    /* (owned) word -> AbbrevClass */
  gsize          abbrev_max; /* the longest entry: longer words skip the look-ups */
  GHashTable    *starters;   /* (owned) set of words */
  /* a number before a period is an ordinal ("am 3. Oktober"): the
   * entry "<number> general" of an abbreviation file */
  gboolean       ordinals;
} SplitterLexicon;

typedef struct {
  char            code[8];   /* ISO 639-1, as doc.lang has it */
  SplitterLexicon lexicon;
} SplitterLanguage;

struct _Splitter {
  SplitterLexicon  base;
  GPtrArray       *languages;  /* (owned) SplitterLanguage */
  NewlinePolicy    newline;
};

/* A word's class: @lang's list first (may be NULL), then the base list. */
AbbrevClass splitter_abbrev_class (const Splitter *sp, const SplitterLexicon *lang,
                                   const char *word, gsize len);
/* In @lang's openers (may be NULL) or the base ones. */
gboolean    splitter_is_starter   (const Splitter *sp, const SplitterLexicon *lang,
                                   const char *word, gsize len);
/* The lexicon of language @code, or NULL. */
const SplitterLexicon *splitter_language (const Splitter *sp, const char *code);

G_END_DECLS

#endif
