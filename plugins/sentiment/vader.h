/* vader.h — VADER sentence scores, exactly as the reference module gives them.
 *
 * The rules are stated in docs/stages/sentiment.md (and the project spec
 * sentiment-vader.md): emoji substitution, Python str.split() tokens, ASCII
 * punctuation stripping, caps, boosters, negations, idioms, "least", the
 * "but" rule (quirk included), punctuation emphasis and normalisation.
 *
 * A VaderLexicon is built once from the data files and is read-only after:
 * any number of threads may score with it, each with its own VaderScratch
 * (the buffers that make scoring allocation-free once they have grown).
 */
#ifndef VADER_H
#define VADER_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VaderLexicon VaderLexicon;
typedef struct _VaderScratch VaderScratch;

typedef struct {
  double neg, neu, pos, compound;
} VaderScores;

/* The data files; every path but @domain is required. */
typedef struct {
  const char *lexicon;      /* vader_lexicon.txt: word TAB mean TAB ... */
  const char *emoji;        /* emoji_utf8_lexicon.txt: emoji TAB description */
  const char *boosters;     /* boosters.tsv: word-or-phrase TAB value */
  const char *negations;    /* negations.txt: one word a line */
  const char *idioms;       /* special-cases.tsv: phrase TAB value */
  const char *domain;       /* NULL or a file in the lexicon format whose
                             * entries are added over the lexicon's */
} VaderPaths;

typedef enum {
  VADER_FLAG_NONE = 0,
  /* Scale each value by its own side of the first "but" instead of
   * rescaling the first equal value (the reference quirk). */
  VADER_FLAG_FIX_BUT = 1 << 0,
} VaderFlags;

/* (transfer full) the lexicon, or NULL with @error (NLP_ERROR_DATA) naming
 * the file and line that could not be read. */
VaderLexicon *vader_lexicon_load (const VaderPaths *paths, GError **error);
/* Same, with every file taken from @dir under its shipped name. */
VaderLexicon *vader_lexicon_load_dir (const char *dir, const char *domain,
                                      GError **error);
void          vader_lexicon_free (VaderLexicon *lex);
/* Number of distinct single-token lexicon keys (7,506 for VADER's own). */
guint         vader_lexicon_get_size (const VaderLexicon *lex);

/* (transfer full) per-thread scratch buffers. */
VaderScratch *vader_scratch_new  (void);
void          vader_scratch_free (VaderScratch *scratch);

/* Scores @len bytes of valid UTF-8 @text (no NUL needed).  The scores are
 * the unrounded doubles; see vader_scores_round. */
void          vader_score (const VaderLexicon *lex, VaderScratch *scratch,
                           const char *text, gsize len, VaderFlags flags,
                           VaderScores *out);

/* Rounds like the reference's Python round(): neg/neu/pos to 3 decimals,
 * compound to 4, half to even on the exact binary value; never -0. */
void          vader_scores_round (VaderScores *scores);
/* Writes "neg\tneu\tpos\tcompound" as printed by the reference
 * (%.3f x3, %.4f, no -0.0000) into @buf; returns @buf. */
char         *vader_scores_format (const VaderScores *scores, char buf[64]);

G_END_DECLS

#endif
