/* lang-detect.h — the language of a text, from a model (lang-model.h).
 *
 * A detector is one thread's scratch over a shared, read-only model.  It
 * reads the text in pieces, adds the penalties of every n-gram, and stops
 * early once one language leads by a margin no later text overturns in
 * practice (LANG_EARLY_NATS); texts shorter than LANG_EARLY_BYTES are
 * always read whole.
 */
#ifndef LANG_DETECT_H
#define LANG_DETECT_H

#include <glib.h>
#include "lang-model.h"

G_BEGIN_DECLS

/* Stop reading once the leader is this far ahead (in nats, before the
 * model's temperature), looking after LANG_EARLY_BYTES bytes and then
 * every LANG_EARLY_STEP.  On the held-out test set, stopping this early
 * rather than after 256 bytes costs one sentence in 10,000 of those of 40
 * characters or more (99.08 % -> 99.07 %) and makes the detector about a
 * quarter faster (docs/stages/lang.md). */
#define LANG_EARLY_NATS    60.0
#define LANG_EARLY_BYTES   64
#define LANG_EARLY_STEP    32

/* The stage's defaults (and nlpipe-lang's): fewer letters than this, or
 * a best guess less sure than this, is undetermined. */
#define LANG_DEFAULT_MIN_LETTERS    4
#define LANG_DEFAULT_MIN_CONFIDENCE 0.3

typedef struct {
  guint    min_letters;      /* fewer letters: undetermined */
  double   min_confidence;   /* a lower confidence: undetermined */
  guint64  allowed;          /* bit i: lane i may be chosen; 0: all */
  guint64  prefer;           /* lanes given a head start of prefer_nats */
  double   prefer_nats;      /* (a sentence leaning to its document's language) */
  gboolean read_all;         /* no early stop (for evaluations) */
} LangDetectOptions;

typedef struct {
  int      lang;             /* lane (model->langs[lang]), or -1: undetermined */
  int      best;             /* the best-scoring lane, even when lang is -1 */
  int      second;           /* the best lane of another language, or -1 */
  double   confidence;       /* in [0, 1]: the best language's share */
  gsize    n_letters;        /* letters read */
  gsize    n_known;          /* of them, characters seen in training */
  gsize    bytes_read;       /* how much of the text was read */
} LangGuess;

typedef struct _LangDetector LangDetector;

/* (transfer full) scratch for one thread; @model must outlive it. */
LangDetector *lang_detector_new  (const LangModel *model);
/* The same with the vector kernel named (for tests): "generic", "sse2",
 * "avx2" or "avx512"; NULL when this machine cannot run it. */
LangDetector *lang_detector_new_with_kernel (const LangModel *model,
                                             const char *kernel);
void          lang_detector_free (LangDetector *detector);

/* Guesses the language of @text (@len bytes of UTF-8). */
void          lang_detector_guess (LangDetector *detector,
                                   const LangDetectOptions *options,
                                   const char *text, gsize len,
                                   LangGuess *guess);

G_END_DECLS

#endif
