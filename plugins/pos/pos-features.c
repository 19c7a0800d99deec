/* pos-features.c — feature templates (pos-features.h).  Each feature is
 * (template, value) hashed to a key; what a template looks at is said
 * where it is emitted. */
#include "pos-features.h"
#include "pos-hash.h"

enum {
  T_BIAS = 1, T_FORM, T_LOWER, T_PRE, T_SUF = T_PRE + POS_N_PREFIXES,
  T_SHAPE = T_SUF + POS_N_SUFFIXES, T_FLAGS,
  T_L1, T_R1, T_L2, T_R2, T_L1_SUF, T_R1_SUF, T_R1_SHAPE, T_L1_SHAPE, T_BI_L, T_BI_R,
  T_LEX, T_LEX_CAP, T_T1, T_T2T1, T_T1_LOWER, T_T1_R1, T_TRI, T_T1_SUF, T_L1R1, T_L1_LEX, T_R1_LEX, T_R2_LEX, T_T1_LEX, T_AMB, T_R1_AMB, T_R2_AMB, T_RT1, T_RT2, T_RT12, T_RT1_LOWER, T_T1_RT1, T_L2_SHAPE, T_R2_SHAPE, T_L2L1, T_R1R2, T_L2_LEX,
};

/* Outside the sentence. */
#define BOUNDARY_L G_GUINT64_CONSTANT (0x5be0cd19137e2179)
#define BOUNDARY_R G_GUINT64_CONSTANT (0x1f83d9abfb41bd6b)

guint
pos_features_local (const PosWordInfo *w, gboolean first, guint64 *out)
{
  guint n = 0;

  out[n++] = pos_feature_key (T_BIAS, 0);
  /* the exact form keeps case ("US" / "us"); the lower-case form pools them */
  out[n++] = pos_feature_key (T_FORM, w->form);
  out[n++] = pos_feature_key (T_LOWER, w->lower);
  for (guint k = 0; k < POS_N_PREFIXES; k++)
    out[n++] = pos_feature_key (T_PRE + k, w->pre[k]);
  for (guint k = 0; k < POS_N_SUFFIXES; k++)
    out[n++] = pos_feature_key (T_SUF + k, w->suf[k]);
  out[n++] = pos_feature_key (T_SHAPE, w->shape);
  /* capitals mean less on the first word */
  out[n++] = pos_feature_key (T_FLAGS, w->flags | (first ? 1u << 16 : 0));
  /* what the dictionaries say the word can be, alone and with its case */
  out[n++] = pos_feature_key (T_LEX, w->lex);
  out[n++] = pos_feature_key (T_LEX_CAP, w->lex | (w->flags & (POS_WF_UPPER_FIRST | POS_WF_ALL_UPPER)) << 16
                              | (first ? 1u << 24 : 0));
  out[n++] = pos_feature_key (T_AMB, w->amb);
  return n;
}

guint64
pos_features_local_key (const PosWordInfo *w, gboolean first)
{
  return pos_hash_pair (w->form, first) | 1;
}

static inline guint64
lower_at (const PosWordInfo *sent, guint n, gint64 i)
{
  return i < 0 ? BOUNDARY_L : i >= n ? BOUNDARY_R : sent[i].lower;
}

guint
pos_features_role (const PosWordInfo *w, guint role, guint64 *out)
{
  guint k = 0;

  switch (role)
    {
    case POS_ROLE_L1:
      out[k++] = pos_feature_key (T_L1, w ? w->lower : BOUNDARY_L);
      out[k++] = pos_feature_key (T_L1_SUF, w ? w->suf[2] : BOUNDARY_L);
      out[k++] = pos_feature_key (T_L1_SHAPE, w ? w->shape : BOUNDARY_L);
      out[k++] = pos_feature_key (T_L1_LEX, w ? w->lex : 1u << 20);
      break;
    case POS_ROLE_R1:
      out[k++] = pos_feature_key (T_R1, w ? w->lower : BOUNDARY_R);
      out[k++] = pos_feature_key (T_R1_SUF, w ? w->suf[2] : BOUNDARY_R);
      out[k++] = pos_feature_key (T_R1_SHAPE, w ? w->shape : BOUNDARY_R);
      out[k++] = pos_feature_key (T_R1_LEX, w ? w->lex : 1u << 21);
      out[k++] = pos_feature_key (T_R1_AMB, w ? w->amb : 1u << 31);
      break;
    case POS_ROLE_R2:
      out[k++] = pos_feature_key (T_R2, w ? w->lower : BOUNDARY_R);
      out[k++] = pos_feature_key (T_R2_LEX, w ? w->lex : 1u << 21);
      out[k++] = pos_feature_key (T_R2_AMB, w ? w->amb : 1u << 31);
      break;
    }
  return k;
}

const int pos_role_offset[POS_N_ROLES] = { -1, 1, 2 };

guint
pos_features_pairs (const PosWordInfo *sent, guint n, guint i, guint64 *out)
{
  guint k = 0;
  guint64 l1 = lower_at (sent, n, (gint64) i - 1), r1 = lower_at (sent, n, (gint64) i + 1);

  out[k++] = pos_feature_key (T_L2, lower_at (sent, n, (gint64) i - 2));
  out[k++] = pos_feature_key (T_BI_L, pos_hash_pair (l1, sent[i].lower));
  out[k++] = pos_feature_key (T_BI_R, pos_hash_pair (sent[i].lower, r1));
  out[k++] = pos_feature_key (T_L1R1, pos_hash_pair (l1, r1));
  return k;
}

guint
pos_features_context (const PosWordInfo *sent, guint n, guint i, guint64 *out)
{
  guint k = pos_features_pairs (sent, n, i, out);

  for (guint r = 0; r < POS_N_ROLES; r++)
    {
      gint64 j = (gint64) i + pos_role_offset[r];
      k += pos_features_role (j >= 0 && j < n ? &sent[j] : NULL, r, out + k);
    }
  return k;
}

guint
pos_features_labels (const PosWordInfo *sent, guint n, guint i, const guint8 *first,
                     guint64 *out)
{
  guint k = 0;
  guint l1 = i > 0 ? first[i - 1] : POS_START_LABEL;
  guint l2 = i > 1 ? first[i - 2] : POS_START_LABEL;
  guint r1 = i + 1 < n ? first[i + 1] : POS_START_LABEL;
  guint r2 = i + 2 < n ? first[i + 2] : POS_START_LABEL;

  out[k++] = pos_feature_key (T_T1, l1);
  out[k++] = pos_feature_key (T_T2T1, l2 << 8 | l1);
  out[k++] = pos_feature_key (T_T1_LOWER, pos_hash_pair (sent[i].lower, l1));
  out[k++] = pos_feature_key (T_T1_SUF, pos_hash_pair (sent[i].suf[2], l1));
  out[k++] = pos_feature_key (T_T1_LEX, (guint64) sent[i].lex << 8 | l1);
  out[k++] = pos_feature_key (T_RT1, r1);
  out[k++] = pos_feature_key (T_RT2, r2);
  out[k++] = pos_feature_key (T_RT12, r1 << 8 | r2);
  out[k++] = pos_feature_key (T_RT1_LOWER, pos_hash_pair (sent[i].lower, r1));
  out[k++] = pos_feature_key (T_T1_RT1, l1 << 8 | r1);
  return k;
}
