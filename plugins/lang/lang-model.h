/* lang-model.h — the language detector's model and its file format.
 *
 * A model has lanes, one per language or, for a language written in two
 * scripts, per script ("sr-Latn", "sr-Cyrl"): naive Bayes would otherwise
 * split such a language's n-grams between its scripts and handicap it in
 * both.  A lane reports its language ("sr").
 *
 * Every lane belongs to one script (lang-text.h), and each script with
 * two lanes or more has a table of its own, of (1 << bits) rows: a row
 * holds, for each lane of the script, a penalty byte, how much less
 * likely the n-grams hashed to it are in that lane than in the likeliest
 * one, in units of 1/scale nat (lang-features.h says which n-grams).  A
 * text is judged on the words of its main script: a lane's score is its
 * bias plus the penalties of those words' n-grams, the lowest wins.  A
 * script with one lane (Greek, Armenian, Tamil, Thai) needs no table, and
 * one with none (Georgian, Bengali ... in the shipped model) makes a text
 * undetermined.  Per-script rows are narrow (the lanes rounded up to 16
 * bytes: 48 for the Latin script, 16 for Cyrillic), which keeps the
 * tables small and their rows few cache lines.
 *
 * File format (integers little-endian):
 *   "NLPLANG\0"  u32 version (LANG_MODEL_VERSION)  u32 feature set
 *   u32 n_lanes  u32 orders (bit k: k-grams are features)
 *   f32 scale  f32 temperature
 *   per lane: u8 length + code bytes ("fr", "sr-Cyrl"), u8 script, i32 bias
 *   u32 n_words + n_words u32: bitmap of the code points seen in training
 *   per script (LANG_N_SCRIPTS of them): u32 bits (0: no table), then
 *   (1 << bits) rows of one byte per lane of the script, in lane order
 *   u64 checksum of everything before it (FNV-1a over 64-bit words).
 */
#ifndef LANG_MODEL_H
#define LANG_MODEL_H

#include <glib.h>
#include "lang-text.h"

G_BEGIN_DECLS

#define LANG_MODEL_VERSION 1
#define LANG_MAX_LANGS     64
#define LANG_CODE_MAX      7      /* "zh", "sr-Cyrl" */

typedef struct {
  guint    n_lanes;                    /* lanes of this script */
  guint8   lanes[LANG_MAX_LANGS];      /* their model lanes, in order */
  guint    bits;                       /* 0: no table (fewer than 2 lanes) */
  guint    stride;                     /* bytes per row in memory */
  guint8  *rows;                       /* (1 << bits) * stride, 64-byte aligned */
} LangTable;

typedef struct {
  guint     n_langs;                   /* lanes, in fact: see lang_of */
  char      codes[LANG_MAX_LANGS][LANG_CODE_MAX + 1];   /* "fr", "sr-Cyrl" */
  /* the language a lane reports: its code up to a '-' ("sr"), and the
   * first lane of that language */
  char      langs[LANG_MAX_LANGS][LANG_CODE_MAX + 1];
  guint8    lang_of[LANG_MAX_LANGS];
  guint8    script_of[LANG_MAX_LANGS]; /* LangScript of each lane */
  guint8    slot_of[LANG_MAX_LANGS];   /* its index among its script's lanes */
  guint     orders;                    /* bit k set: k-grams are features */
  float     scale;                     /* penalty units per nat */
  float     temperature;               /* confidence calibration (lang-detect.c) */
  gint32    bias[LANG_MAX_LANGS];
  guint32  *known;                     /* LANG_KNOWN_END bits */
  LangTable tables[LANG_N_SCRIPTS];
  gsize     file_size;                 /* bytes on disk when loaded */
} LangModel;

/* (transfer full) a model with every penalty 0, for the trainer.
 * @codes: NULL-terminated, at most LANG_MAX_LANGS; @scripts: the script
 * of each; the tables of scripts with more than 16 lanes get 1 << @bits
 * rows, the others half as many. */
LangModel  *lang_model_new (const char *const *codes, const guint8 *scripts,
                            guint bits, guint orders, GError **error);
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
/* The bytes on disk and in memory of the tables. */
gsize       lang_model_table_bytes (const LangModel *model);

static inline const guint8 *
lang_table_row (const LangTable *table, guint32 row)
{
  return table->rows + (gsize) row * table->stride;
}

static inline gboolean
lang_model_knows (const LangModel *model, gunichar c)
{
  return c < LANG_KNOWN_END && (model->known[c >> 5] >> (c & 31) & 1);
}

G_END_DECLS

#endif
