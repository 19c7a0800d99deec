/* lang-model.h — the language detector's model and its file format.
 *
 * A model has lanes, one per language or, for a language written in two
 * scripts, per script ("sr-Latn", "sr-Cyrl"): naive Bayes would otherwise
 * split such a language's n-grams between its scripts and handicap it in
 * both.  A lane reports its language ("sr").
 *
 * The model is a table of (1 << bits) rows, one byte per lane in each
 * (a row is `stride` bytes, the languages rounded up to 32, so that the
 * detector adds a row with a few vector instructions).  A row holds, for
 * each language, a penalty: how much less likely the n-grams hashed to
 * it are in that language than in the likeliest one, in units of
 * 1/scale nat (lang-features.h says which n-grams).  A text's score in a
 * language is its bias plus the penalties of its n-grams; the lowest
 * score wins.
 *
 * File format (integers little-endian):
 *   "NLPLANG\0"  u32 version (LANG_MODEL_VERSION)  u32 feature set
 *   u32 n_langs  u32 bits  u32 orders (bit k: k-grams are features)
 *   f32 scale  f32 temperature
 *   per language: u8 length + ISO 639-1 code bytes
 *   per language: i32 bias
 *   u32 n_words + n_words u32: bitmap of the code points seen in training
 *   (1 << bits) * n_langs penalty bytes, row by row
 *   u64 FNV-1a checksum of everything before it.
 */
#ifndef LANG_MODEL_H
#define LANG_MODEL_H

#include <glib.h>
#include "lang-text.h"

G_BEGIN_DECLS

#define LANG_MODEL_VERSION 1
#define LANG_MAX_LANGS     64
#define LANG_CODE_MAX      7      /* "zh", "sr", ... (ISO 639-1; 639-3 fits) */

typedef struct {
  guint    n_langs;                 /* lanes, in fact: see lang_of */
  char     codes[LANG_MAX_LANGS][LANG_CODE_MAX + 1];   /* "fr", "sr-Cyrl" */
  /* the language a lane reports: its code up to a '-' ("sr"), and the
   * first lane of that language */
  char     langs[LANG_MAX_LANGS][LANG_CODE_MAX + 1];
  guint8   lang_of[LANG_MAX_LANGS];
  guint    bits;                  /* 1 << bits rows */
  guint    orders;                /* bit k set: k-grams are features */
  guint    stride;                /* bytes per row in memory */
  float    scale;                 /* penalty units per nat */
  float    temperature;           /* confidence calibration (lang-detect.c) */
  gint32   bias[LANG_MAX_LANGS];
  guint32 *known;                 /* LANG_KNOWN_END bits */
  guint8  *rows;                  /* (1 << bits) * stride, 64-byte aligned */
  gsize    file_size;             /* bytes on disk when loaded */
} LangModel;

/* (transfer full) a model with every penalty 0, for the trainer.
 * @codes: NULL-terminated, at most LANG_MAX_LANGS. */
LangModel  *lang_model_new (const char *const *codes, guint bits, guint orders,
                            GError **error);
void        lang_model_free (LangModel *model);

/* (transfer full) the model in @path, or NULL with NLP_ERROR_DATA naming
 * the path and what is wrong with it. */
LangModel  *lang_model_load (const char *path, GError **error);
/* Writes @model to @path (through a temporary file, renamed). */
gboolean    lang_model_save (const LangModel *model, const char *path,
                             GError **error);

/* The index of lane @code ("sr-Cyrl"), or -1. */
int         lang_model_find (const LangModel *model, const char *code);
/* The lanes that report language @code ("sr"): a bit per lane, 0 when
 * none does. */
guint64     lang_model_lanes_of (const LangModel *model, const char *code);

static inline guint8 *
lang_model_row (const LangModel *model, guint32 row)
{
  return model->rows + (gsize) row * model->stride;
}

static inline gboolean
lang_model_knows (const LangModel *model, gunichar c)
{
  return c < LANG_KNOWN_END && (model->known[c >> 5] >> (c & 31) & 1);
}

G_END_DECLS

#endif
