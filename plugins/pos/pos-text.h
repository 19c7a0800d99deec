/* pos-text.h — what the tagger knows of a word from its letters alone:
 * hashes of its forms and affixes, its shape and a few flags.  Computed
 * from the word's bytes only, so the stage and the training tool (words
 * of a CoNLL-U file) see exactly the same features.
 */
#ifndef POS_TEXT_H
#define POS_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

enum {
  POS_WF_UPPER_FIRST = 1 << 0,   /* first letter upper case */
  POS_WF_ALL_UPPER   = 1 << 1,   /* letters, none lower case */
  POS_WF_LETTER      = 1 << 2,   /* has a letter */
  POS_WF_DIGIT       = 1 << 3,   /* has a digit */
  POS_WF_NUMBER      = 1 << 4,   /* digits with , . : / - only */
  POS_WF_HYPHEN      = 1 << 5,   /* has a hyphen */
  POS_WF_PERIOD      = 1 << 6,   /* has a period */
  POS_WF_NO_ALNUM    = 1 << 7,   /* no letter, no digit */
  POS_WF_WEB         = 1 << 8,   /* looks like an address: @, ://, www. */
  POS_WF_MIXED       = 1 << 9,   /* upper case after lower case (iPhone) */
};

#define POS_N_PREFIXES 3
#define POS_N_SUFFIXES 4

typedef struct {
  guint64 form;                     /* the exact bytes */
  guint64 lower;                    /* lower case */
  guint64 pre[POS_N_PREFIXES];      /* first 1, 2, 3 characters, lower case */
  guint64 suf[POS_N_SUFFIXES];      /* last 1 .. 4 characters, lower case */
  guint64 shape;                    /* "Xx", "dd", "x.x" (runs collapsed) */
  guint32 flags;                    /* POS_WF_* */
  guint32 n_chars;                  /* length in characters */
  guint32 lex;                      /* pos_lexicon_classes(), set by the caller */
  guint32 amb;                      /* pos_model_word_class(), set by the caller */
  guint32 fixed;                    /* pos_model_fixed_label() + 1, or 0: set by the caller */
} PosWordInfo;

/* Fills @info for the word @s (@len bytes of UTF-8; invalid bytes count
 * as characters of their own). */
void  pos_word_info (const char *s, gsize len, PosWordInfo *info);

/* The lower-case form of @s written to @out, which holds 2 * @len + 8
 * bytes; returns its length.  ASCII directly, other characters through
 * g_unichar_tolower. */
gsize pos_text_lower (const char *s, gsize len, char *out);

G_END_DECLS

#endif
