/* ner-confidence.c — span probabilities by forward-backward (see
 * ner-confidence.h). */
#include <string.h>
#include "ner-confidence.h"
#include "ner-tagger.h"

#define S_MAX 16

struct _NerConfidence {
  guint  cap;          /* tokens the arrays hold */
  /* doubles: the best path's labels need not be each token's best, and
   * at a low temperature their factors can be e^-200 */
  double *phi;         /* per token and label: exp ((emit - max) / T) */
  double *alpha;       /* scaled forward probabilities */
  double *beta;        /* scaled backward probabilities */
  double *c;           /* per token: the forward scaling factor */
};

NerConfidence *
ner_confidence_new (void)
{
  return g_new0 (NerConfidence, 1);
}

void
ner_confidence_free (NerConfidence *conf)
{
  if (conf == NULL)
    return;
  g_free (conf->phi);
  g_free (conf->alpha);
  g_free (conf->beta);
  g_free (conf->c);
  g_free (conf);
}

static void
reserve (NerConfidence *conf, guint n)
{
  if (n <= conf->cap)
    return;
  n = MAX (n, conf->cap * 2);
  conf->phi = g_renew (double, conf->phi, (gsize) n * S_MAX);
  conf->alpha = g_renew (double, conf->alpha, (gsize) n * S_MAX);
  conf->beta = g_renew (double, conf->beta, (gsize) n * S_MAX);
  conf->c = g_renew (double, conf->c, n);
  conf->cap = n;
}

/* exp (@x * @inv_t) for @x <= 0: 2^n times a polynomial for the
 * fraction (relative error below 2e-6, plenty for a confidence shown
 * with three decimals; libm's exp was most of this file's time), 0 below
 * e^-700.  Zeros, and the flushing of tiny forward and backward values
 * (TINY), keep every number a normal double: denormals are slow. */
#define TINY 1e-200

static inline double
factor (double x, double inv_t)
{
  double t = x * inv_t, f, p;
  gint64 n;
  union { double d; guint64 u; } two_n;

  if (t < -700.0)
    return 0.0;
  t *= 1.4426950408889634;   /* log2 (e) */
  n = (gint64) t;
  if ((double) n > t)
    n--;
  f = t - (double) n;
  p = 1.0 + f * (0.6931471805599453 + f * (0.2402265069591007 + f * (0.0555041086648216
      + f * (0.0096181291076285 + f * (0.0013333558146428 + f * (0.0001540353039338
      + f * 0.0000152527338040))))));
  two_n.u = (guint64) (n + 1023) << 52;
  return p * two_n.d;
}

/* I-T may only follow B-T or I-T (as in the tagger's Viterbi). */
static inline gboolean
allowed (guint prev, guint cur, guint n_labels)
{
  if (cur == 0 || (cur & 1))
    return TRUE;
  return prev < n_labels && (prev == cur || prev + 1 == cur);
}

/* Forward and backward passes over one sentence of @n tokens; always
 * inlined so that the common label count (7: three entity types) is a
 * constant the compiler unrolls. */
static inline __attribute__ ((always_inline)) void
forward_backward_n (NerConfidence *conf, const guint L, const double *psi, guint n)
{
  double *phi = conf->phi, *a = conf->alpha, *b = conf->beta, *c = conf->c;
  double q[NER_MAX_LABELS];

  for (guint y = 0; y < L; y++)
    a[y] = psi[L * L + y] * phi[y];
  for (guint k = 0; k < n; k++)
    {
      double sum = 0.0, inv;
      if (k > 0)
        for (guint y = 0; y < L; y++)
          {
            double v = 0.0;
            for (guint p = 0; p < L; p++)
              v += a[(k - 1) * L + p] * psi[p * L + y];
            a[k * L + y] = v * phi[k * L + y];
          }
      for (guint y = 0; y < L; y++)
        sum += a[k * L + y];
      c[k] = sum > TINY ? sum : TINY;
      inv = 1.0 / c[k];
      for (guint y = 0; y < L; y++)
        {
          double v = a[k * L + y] * inv;
          a[k * L + y] = v < TINY ? 0.0 : v;
        }
    }
  for (guint y = 0; y < L; y++)
    b[(n - 1) * L + y] = 1.0;
  for (guint k = n - 1; k > 0; k--)
    {
      double inv = 1.0 / c[k];
      for (guint y = 0; y < L; y++)
        q[y] = phi[k * L + y] * b[k * L + y] * inv;
      for (guint p = 0; p < L; p++)
        {
          double v = 0.0;
          for (guint y = 0; y < L; y++)
            v += psi[p * L + y] * q[y];
          b[(k - 1) * L + p] = v < TINY ? 0.0 : v;
        }
    }
}

static void
forward_backward (NerConfidence *conf, guint L, const double *psi, guint n)
{
  if (L == 7)
    forward_backward_n (conf, 7, psi, n);
  else
    forward_backward_n (conf, L, psi, n);
}

void
ner_confidence_spans (NerConfidence *conf, const NerModel *model, const float *emit,
                      const NerDoc *doc, const guint8 *labels, float temperature,
                      float *out)
{
  const guint L = model->n_labels, S = model->stride;
  float trans[(NER_MAX_LABELS + 1) * S_MAX];
  double psi[(NER_MAX_LABELS + 1) * NER_MAX_LABELS];
  const double inv_t = temperature > 0.0f ? 1.0 / temperature : 1.0;

  ner_model_transitions (model, trans);
  /* psi[p * L + y]: exp (transition / T), 0 where BIO forbids it; row L
   * is the sentence start.  All are shifted by one maximum, a constant
   * factor per step that cancels in every probability. */
  {
    float max = -1e30f;
    for (guint p = 0; p <= L; p++)
      for (guint y = 0; y < L; y++)
        max = MAX (max, trans[p * S + y]);
    for (guint p = 0; p <= L; p++)
      for (guint y = 0; y < L; y++)
        psi[p * L + y] = allowed (p, y, L) ? factor (trans[p * S + y] - max, inv_t) : 0.0;
  }
  for (guint s = 0; s < doc->n_sents; s++)
    {
      const guint s0 = doc->sent[s], s1 = doc->sent[s + 1], n = s1 - s0;
      gboolean any = FALSE;

      for (guint i = s0; i < s1 && !any; i++)
        any = labels[i] != 0;
      if (!any)
        continue;
      reserve (conf, n);
      for (guint k = 0; k < n; k++)
        {
          const float *e = emit + (gsize) (s0 + k) * S;
          float max = e[0];
          for (guint y = 1; y < L; y++)
            max = MAX (max, e[y]);
          for (guint y = 0; y < L; y++)
            conf->phi[k * L + y] = factor (e[y] - max, inv_t);
        }
      forward_backward (conf, L, psi, n);
      for (guint k = 0; k < n; k++)
        {
          guint l = labels[s0 + k], in, e;
          double p;
          if (l == 0 || !(l & 1))
            continue;
          /* P(y_k = B, y_k+1.. = I, next not I) = alpha_k(B) * prod of the
           * steps * (beta of the last token minus its I continuation) */
          in = l + 1;
          p = conf->alpha[k * L + l];
          for (e = k + 1; e < n && labels[s0 + e] == in; e++)
            p *= psi[(e == k + 1 ? l : in) * L + in] * conf->phi[e * L + in] / conf->c[e];
          {
            guint last = e - 1, yl = last == k ? l : in;
            double rest = conf->beta[last * L + yl];
            if (e < n)
              rest -= psi[yl * L + in] * conf->phi[e * L + in] * conf->beta[e * L + in]
                      / conf->c[e];
            p *= MAX (rest, 0.0);
          }
          out[s0 + k] = (float) CLAMP (p, 0.0, 1.0);
        }
    }
}
