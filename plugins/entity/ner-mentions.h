/* ner-mentions.h — entity mentions of one document: from the tagger's
 * labels, rules and user overrides to the final list with canonical names.
 *
 * Mentions are token ranges over the tagger's tokens (NerDoc) with byte
 * offsets alongside for the text.  Precedence: user overrides beat
 * everything; a rule span beats the model spans it covers entirely
 * ("Aug 16" over a model's "Aug"); otherwise the model wins.
 */
#ifndef NER_MENTIONS_H
#define NER_MENTIONS_H

#include <glib.h>
#include "ner-features.h"
#include "ner-model.h"

G_BEGIN_DECLS

typedef enum {
  NER_SOURCE_MODEL,
  NER_SOURCE_RULE,
  NER_SOURCE_USER,
} NerSource;

extern const char *const ner_source_names[];

typedef struct {
  guint       start, end;     /* tokens [start, end) */
  const char *label;          /* (transfer none): static, model or overrides memory */
  NerSource   source;
  guint       canonical;      /* index of the mention naming the entity */
  float       score;          /* model mentions: confidence in [0, 1]
                                 (ner-confidence.h); others: -1 */
} NerMention;

/* Appends the mentions that BIO @labels encode (chunks of B-T I-T ...). */
void ner_mentions_from_labels (const NerModel *model, const guint8 *labels,
                               guint n, GArray *mentions);
/* Adds @rules (sorted, non-overlapping) to @mentions (sorted): a rule span
 * replaces the model spans it covers; one that only partly overlaps a
 * model span is dropped.  Leaves @mentions sorted. */
void ner_mentions_merge (GArray *mentions, const GArray *rules);
/* Applies @forced (NerMention, sorted by start, in the order they were
 * found) to @mentions (sorted, no overlaps) as if one after the other:
 * each replaces what overlaps it, earlier forced spans included; one
 * with a NULL label only removes.  Linear plus a final sort. */
void ner_mentions_force (GArray *mentions, const GArray *forced);

/* Sets .canonical: the longest (then first) mention of the same label
 * whose words contain this one's as a run ("Trump" -> "Donald Trump");
 * itself when none, or when it is longer than 8 tokens.  Rule types name
 * only themselves.  Linear in the tokens of the mentions. */
void ner_mentions_canonical (GArray *mentions, const NerDoc *doc,
                             gboolean (*is_rule) (const char *label));

/* ---- user overrides: a TSV of phrase and label ---------------------------- */

typedef struct _NerOverrides NerOverrides;

/* (transfer full) the overrides of @path, or NULL with an error naming
 * the path and line.  Lines: PHRASE<TAB>LABEL; LABEL "O" removes the
 * entities a phrase overlaps; '#' starts a comment line. */
NerOverrides *ner_overrides_load (const char *path, GError **error);
void          ner_overrides_free (NerOverrides *ov);
guint         ner_overrides_size (const NerOverrides *ov);
/* Finds every phrase in @text (exact case, any run of white space for a
 * space) starting and ending on token boundaries (@starts/@ends: byte
 * offsets of the @n tokens) and forces it on @mentions. */
void          ner_overrides_apply (const NerOverrides *ov, const char *text,
                                   const guint *starts, const guint *ends, guint n,
                                   GArray *mentions);

G_END_DECLS

#endif
