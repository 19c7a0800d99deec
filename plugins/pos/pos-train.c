/* pos-train.c — the averaged perceptron (pos-train.h).
 *
 * Training tags each sentence greedily, left to right, with the current
 * weights and the labels it has just predicted as history, as the stage
 * will; on a wrong label the features' weights move towards the gold
 * label and away from the predicted one.  The model kept is the average
 * of the weights over every step (the lazy way: each weight remembers
 * when it last changed).  Features are stored sparsely, only for the
 * labels they were ever updated for.
 */
#include <string.h>
#include "pos-train.h"
#include "pos-features.h"
#include "pos-punct.h"
#include "pos-tagger.h"
#include "pos-text.h"
#include "nlp-error.h"

typedef struct {
  double  total;               /* sum of w over the steps before stamp */
  float   w;
  guint32 stamp;
  guint8  label;
} TrainWeight;

typedef struct {
  TrainWeight *w;
  guint16      n, cap;
} TrainFeature;

/* Open addressing from keys to features. */
typedef struct {
  guint64      *keys;          /* 0 = empty */
  guint32      *index;
  guint         bits, used;
  TrainFeature *features;
  guint         n_features, cap_features;
} TrainTable;

static void
table_init (TrainTable *t)
{
  memset (t, 0, sizeof *t);
  t->bits = 16;
  t->keys = g_new0 (guint64, 1u << t->bits);
  t->index = g_new (guint32, 1u << t->bits);
}

static void
table_clear (TrainTable *t)
{
  for (guint f = 0; f < t->n_features; f++)
    g_free (t->features[f].w);
  g_free (t->features);
  g_free (t->keys);
  g_free (t->index);
}

static guint
table_slot (const TrainTable *t, guint64 key)
{
  guint mask = (1u << t->bits) - 1, i = (guint) (key >> (64 - t->bits));

  while (t->keys[i] != 0 && t->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

static void
table_grow (TrainTable *t)
{
  guint64 *keys = t->keys;
  guint32 *index = t->index;
  guint n = 1u << t->bits;

  t->bits++;
  t->keys = g_new0 (guint64, 1u << t->bits);
  t->index = g_new (guint32, 1u << t->bits);
  for (guint i = 0; i < n; i++)
    if (keys[i] != 0)
      {
        guint s = table_slot (t, keys[i]);
        t->keys[s] = keys[i];
        t->index[s] = index[i];
      }
  g_free (keys);
  g_free (index);
}

static TrainFeature *
table_find (const TrainTable *t, guint64 key)
{
  guint s = table_slot (t, key | 1);
  return t->keys[s] != 0 ? &t->features[t->index[s]] : NULL;
}

static TrainFeature *
table_add (TrainTable *t, guint64 key)
{
  guint s;

  key |= 1;                    /* 0 marks an empty slot */
  s = table_slot (t, key);
  if (t->keys[s] != 0)
    return &t->features[t->index[s]];
  if (2 * (t->used + 1) > (1u << t->bits))
    {
      table_grow (t);
      s = table_slot (t, key);
    }
  if (t->n_features == t->cap_features)
    {
      t->cap_features = MAX (1024, t->cap_features * 2);
      t->features = g_renew (TrainFeature, t->features, t->cap_features);
    }
  t->keys[s] = key;
  t->index[s] = t->n_features;
  t->used++;
  memset (&t->features[t->n_features], 0, sizeof (TrainFeature));
  return &t->features[t->n_features++];
}

static void
update (TrainFeature *f, guint label, float delta, guint32 now)
{
  TrainWeight *w = NULL;

  for (guint k = 0; k < f->n; k++)
    if (f->w[k].label == label)
      w = &f->w[k];
  if (w == NULL)
    {
      if (f->n == f->cap)
        {
          f->cap = MAX (2, f->cap * 2);
          f->w = g_renew (TrainWeight, f->w, f->cap);
        }
      w = &f->w[f->n++];
      *w = (TrainWeight) { 0.0, 0.0f, now, (guint8) label };
    }
  w->total += (double) w->w * (now - w->stamp);
  w->stamp = now;
  w->w += delta;
}

/* ---- labels --------------------------------------------------------- */

typedef struct {
  guint  n;
  char  *upos[POS_MAX_LABELS], *xpos[POS_MAX_LABELS];
  GHashTable *index;           /* "UPOS\tXPOS" -> label + 1 */
} Labels;

static int
label_of (const Labels *labels, const PosGoldWord *w)
{
  char *k = g_strconcat (w->upos, "\t", w->xpos, NULL);
  int l = GPOINTER_TO_INT (g_hash_table_lookup (labels->index, k)) - 1;
  g_free (k);
  return l;
}

typedef struct {
  char *key;
  guint count;
} PairCount;

static int
by_count (gconstpointer a, gconstpointer b)
{
  const PairCount *x = a, *y = b;
  return x->count != y->count ? (x->count < y->count ? 1 : -1) : strcmp (x->key, y->key);
}

/* The (UPOS, XPOS) pairs of @corpus, most frequent first. */
static gboolean
collect_labels (Labels *labels, const PosCorpus *corpus, GError **error)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (PairCount));
  GHashTableIter it;
  gpointer k, v;

  for (guint i = 0; i < corpus->words->len; i++)
    {
      const PosGoldWord *w = &g_array_index (corpus->words, PosGoldWord, i);
      char *key = g_strconcat (w->upos, "\t", w->xpos, NULL);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (c + 1));
    }
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      PairCount p = { k, GPOINTER_TO_UINT (v) };
      g_array_append_val (pairs, p);
    }
  g_array_sort (pairs, by_count);
  labels->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (pairs->len > POS_MAX_LABELS)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA,
                   "the training data has %u (UPOS, XPOS) pairs; a model holds at most %d",
                   pairs->len, POS_MAX_LABELS);
      g_array_free (pairs, TRUE);
      g_hash_table_unref (counts);
      return FALSE;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const char *key = g_array_index (pairs, PairCount, i).key;
      const char *tab = strchr (key, '\t');
      labels->upos[i] = g_strndup (key, tab - key);
      labels->xpos[i] = g_strdup (tab + 1);
      g_hash_table_insert (labels->index, g_strdup (key), GUINT_TO_POINTER (i + 1));
    }
  labels->n = pairs->len;
  g_array_free (pairs, TRUE);
  g_hash_table_unref (counts);
  return TRUE;
}

static void
labels_clear (Labels *labels)
{
  for (guint i = 0; i < labels->n; i++)
    {
      g_free (labels->upos[i]);
      g_free (labels->xpos[i]);
    }
  if (labels->index)
    g_hash_table_unref (labels->index);
}

/* ---- word classes ---------------------------------------------------- */

/* A word's class: the UPOS tags it had in at least a tenth of its
 * occurrences in @corpus, for words seen CLASS_MIN_COUNT times or more
 * (a rarer word's class would only repeat its gold tag). */
#define CLASS_MIN_COUNT 3

typedef struct {
  guint   n;
  guint32 counts[32];
} ClassCount;

typedef struct {
  GArray *keys;                /* guint64 lower-case hashes */
  GArray *masks;               /* guint32 */
} WordClasses;

static gboolean
in_fold (const PosTrainOptions *o, guint s)
{
  return o->n_folds <= 1 || s % o->n_folds != o->fold;
}

static void
collect_classes (WordClasses *wc, const Labels *labels, const PosCorpus *corpus,
                 const PosWordInfo *info, const PosTrainOptions *o)
{
  GHashTable *upos = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter it;
  gpointer k, v;

  for (guint l = 0; l < labels->n; l++)
    if (!g_hash_table_contains (upos, labels->upos[l]) && g_hash_table_size (upos) < 32)
      g_hash_table_insert (upos, labels->upos[l],
                           GUINT_TO_POINTER (g_hash_table_size (upos) + 1));
  for (guint i = 0, s = 0; i < corpus->words->len; i++)
    {
      const PosGoldWord *w = &g_array_index (corpus->words, PosGoldWord, i);
      guint u = GPOINTER_TO_UINT (g_hash_table_lookup (upos, w->upos));
      ClassCount *c;

      while (i >= g_array_index (corpus->sentences, guint, s + 1))
        s++;
      if (!in_fold (o, s))
        continue;
      c = g_hash_table_lookup (counts, &info[i].lower);

      if (c == NULL)
        {
          gint64 *key = g_new (gint64, 1);
          *key = (gint64) info[i].lower;
          c = g_new0 (ClassCount, 1);
          g_hash_table_insert (counts, key, c);
        }
      c->n++;
      if (u > 0)
        c->counts[u - 1]++;
    }
  wc->keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  wc->masks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const ClassCount *c = v;
      guint32 mask = 0;

      if (c->n < CLASS_MIN_COUNT)
        continue;
      for (guint u = 0; u < 32; u++)
        if (c->counts[u] * 10 >= c->n && c->counts[u] > 0)
          mask |= 1u << u;
      g_array_append_val (wc->keys, *(guint64 *) k);
      g_array_append_val (wc->masks, mask);
    }
  g_hash_table_unref (counts);
  g_hash_table_unref (upos);
}

/* Fixed words: seen FIXED_MIN_COUNT times or more, with one label in at
 * least FIXED_SHARE of them. */
#define FIXED_MIN_COUNT 50
#define FIXED_SHARE     0.999

static void
collect_fixed (WordClasses *wc, const PosCorpus *corpus, const PosWordInfo *info,
               const guint8 *gold, const PosTrainOptions *o)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter it;
  gpointer k, v;

  for (guint i = 0, s = 0; i < corpus->words->len; i++)
    {
      guint *c;

      while (i >= g_array_index (corpus->sentences, guint, s + 1))
        s++;
      if (!in_fold (o, s))
        continue;
      c = g_hash_table_lookup (counts, &info[i].form);
      if (c == NULL)
        {
          gint64 *key = g_new (gint64, 1);
          *key = (gint64) info[i].form;
          c = g_new0 (guint, POS_MAX_LABELS + 1);
          g_hash_table_insert (counts, key, c);
        }
      c[POS_MAX_LABELS]++;
      c[gold[i]]++;
    }
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const guint *c = v;
      guint best = 0;

      for (guint l = 1; l < POS_MAX_LABELS; l++)
        if (c[l] > c[best])
          best = l;
      if (c[POS_MAX_LABELS] >= FIXED_MIN_COUNT && c[best] >= FIXED_SHARE * c[POS_MAX_LABELS])
        {
          guint64 key = *(guint64 *) k ^ POS_FIXED_SALT;
          guint32 mask = best + 1;
          g_array_append_val (wc->keys, key);
          g_array_append_val (wc->masks, mask);
        }
    }
  g_hash_table_unref (counts);
}

static void
apply_classes (const WordClasses *wc, PosModel *model)
{
  for (guint i = 0; i < wc->keys->len; i++)
    pos_model_set_word_class (model, g_array_index (wc->keys, guint64, i),
                              g_array_index (wc->masks, guint32, i));
}

/* ---- training ------------------------------------------------------- */

/* The averaged weights at step @now as a loaded model would hold them. */
static PosModel *
averaged_model (const TrainTable *t, const Labels *labels, const WordClasses *wc,
                guint32 now)
{
  PosFeatureWeights *fw = g_new (PosFeatureWeights, MAX (t->n_features, 1));
  guint8 *lab;
  float *wts;
  gsize total = 0, at = 0;
  guint nf = 0;
  PosModel *model;

  for (guint f = 0; f < t->n_features; f++)
    total += t->features[f].n;
  lab = g_new (guint8, MAX (total, 1));
  wts = g_new (float, MAX (total, 1));
  for (guint i = 0; i < (1u << t->bits); i++)
    {
      const TrainFeature *f;
      if (t->keys[i] == 0)
        continue;
      f = &t->features[t->index[i]];
      fw[nf] = (PosFeatureWeights) { t->keys[i], f->n, lab + at, wts + at };
      for (guint k = 0; k < f->n; k++, at++)
        {
          const TrainWeight *w = &f->w[k];
          lab[at] = w->label;
          wts[at] = (float) ((w->total + (double) w->w * (now - w->stamp)) / MAX (now, 1));
        }
      nf++;
    }
  model = pos_model_new (labels->n, (const char *const *) labels->upos,
                         (const char *const *) labels->xpos, fw, nf);
  g_free (fw);
  g_free (lab);
  g_free (wts);
  apply_classes (wc, model);
  return model;
}

/* Word properties of every word of @corpus, in corpus order. */
static PosWordInfo *
corpus_infos (const PosCorpus *corpus, const PosLexicon *lexicon)
{
  PosWordInfo *info = g_new (PosWordInfo, MAX (corpus->words->len, 1));

  for (guint i = 0; i < corpus->words->len; i++)
    {
      const PosGoldWord *w = &g_array_index (corpus->words, PosGoldWord, i);
      pos_word_info (w->form, w->form_len, &info[i]);
      info[i].lex = pos_lexicon_classes (lexicon, info[i].lower);
    }
  return info;
}

/* One pass over a sentence, updating on every wrong label. */
static guint
train_sentence (TrainTable *t, const Labels *labels, const PosWordInfo *info,
                const guint8 *gold, const guint8 *right, guint n, guint32 *now)
{
  guint errors = 0;

  for (guint i = 0; i < n; i++, (*now)++)
    {
      guint64 keys[POS_MAX_FEATURES];
      float score[POS_MAX_LABELS] = { 0 };
      guint nk = 0, best = 0;

      if (info[i].fixed)
        continue;         /* never scored: the stage gives its one label */
      nk += pos_features_local (&info[i], i == 0, keys + nk);
      nk += pos_features_context (info, n, i, keys + nk);
      if (right != NULL)
        nk += pos_features_labels (info, n, i, right, keys + nk);
      for (guint k = 0; k < nk; k++)
        {
          const TrainFeature *f = table_find (t, keys[k]);
          for (guint j = 0; f != NULL && j < f->n; j++)
            score[f->w[j].label] += f->w[j].w;
        }
      /* the best label other than the gold one: pushed down when it wins */
      best = gold[i] == 0 ? 1 : 0;
      for (guint l = 0; l < labels->n; l++)
        if (l != gold[i] && score[l] > score[best])
          best = l;
      if (score[best] >= score[gold[i]])
        {
          errors++;
          for (guint k = 0; k < nk; k++)
            {
              TrainFeature *f = table_add (t, keys[k]);
              update (f, gold[i], 1.0f, *now);
              update (f, best, -1.0f, *now);
            }
        }
    }
  return errors;
}

PosModel *
pos_train (const PosTrainOptions *o, const PosCorpus *train, const PosCorpus *dev,
           GError **error)
{
  Labels labels = { 0 };
  TrainTable table;
  PosWordInfo *info;
  guint8 *gold;
  guint ns = pos_corpus_n_sentences (train), *order;
  guint32 now = 1;
  GRand *rand;
  PosModel *best = NULL;
  double best_acc = -1.0;
  WordClasses classes = { NULL, NULL };

  if (train->words->len == 0)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "no training words");
      return NULL;
    }
  if (!collect_labels (&labels, train, error))
    {
      labels_clear (&labels);
      return NULL;
    }
  info = corpus_infos (train, o->lexicon);
  gold = g_new (guint8, train->words->len);
  for (guint i = 0; i < train->words->len; i++)
    gold[i] = (guint8) label_of (&labels, &g_array_index (train->words, PosGoldWord, i));
  collect_classes (&classes, &labels, train, info, o);
  collect_fixed (&classes, train, info, gold, o);
  {
    PosModel *probe = pos_model_new (labels.n, (const char *const *) labels.upos,
                                     (const char *const *) labels.xpos, NULL, 0);
    apply_classes (&classes, probe);
    for (guint i = 0; i < train->words->len; i++)
      {
        info[i].amb = pos_model_word_class (probe, info[i].lower);
        info[i].fixed = pos_model_fixed_label (probe, info[i].form);
      }
    pos_model_free (probe);
  }
  order = g_new (guint, ns);
  for (guint s = 0; s < ns; s++)
    order[s] = s;
  rand = g_rand_new_with_seed (o->seed);
  table_init (&table);

  for (guint e = 1; e <= o->epochs; e++)
    {
      guint errors = 0;
      PosModel *model;

      for (guint s = ns; s > 1; s--)
        {
          guint j = g_rand_int_range (rand, 0, (gint32) s), tmp = order[s - 1];
          order[s - 1] = order[j];
          order[j] = tmp;
        }
      for (guint s = 0; s < ns; s++)
        {
          guint a = g_array_index (train->sentences, guint, order[s]);
          guint b = g_array_index (train->sentences, guint, order[s] + 1);
          if (in_fold (o, order[s]))
            errors += train_sentence (&table, &labels, info + a, gold + a,
                                      o->first_labels ? o->first_labels + a : NULL, b - a, &now);
        }
      model = averaged_model (&table, &labels, &classes, now);
      if (dev != NULL)
        {
          PosScore sc = { 0 };
          double acc;
          if (o->first_model != NULL)
            {
              /* the second pass is scored behind the first */
              PosModel *first = (PosModel *) o->first_model;
              first->next = model;
              pos_evaluate (first, o->lexicon, dev, &sc, NULL);
              first->next = NULL;
            }
          else
            pos_evaluate (model, o->lexicon, dev, &sc, NULL);
          acc = (double) sc.both / MAX (sc.words, 1);
          if (o->verbose)
            g_printerr ("epoch %u: %u training errors, %u features; dev UPOS %.2f XPOS %.2f "
                        "both %.2f\n", e, errors, model->n_features,
                        100.0 * sc.upos / MAX (sc.words, 1), 100.0 * sc.xpos / MAX (sc.words, 1),
                        100.0 * acc);
          if (acc > best_acc)
            {
              best_acc = acc;
              pos_model_free (best);
              best = model;
              model = NULL;
            }
        }
      else
        {
          if (o->verbose)
            g_printerr ("epoch %u: %u training errors, %u features\n", e, errors,
                        model->n_features);
          pos_model_free (best);
          best = model;
          model = NULL;
        }
      pos_model_free (model);
    }
  table_clear (&table);
  g_array_unref (classes.keys);
  g_array_unref (classes.masks);
  g_rand_free (rand);
  g_free (order);
  g_free (gold);
  g_free (info);
  labels_clear (&labels);
  return best;
}

void
pos_tag_corpus (const PosModel *model, const PosLexicon *lexicon, const PosCorpus *corpus,
                guint n_folds, guint fold, guint8 *labels)
{
  PosTagger *tagger = pos_tagger_new (model, lexicon);
  GPtrArray *text = g_ptr_array_new ();
  GArray *len = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint s = 0; s < pos_corpus_n_sentences (corpus); s++)
    {
      guint n, a = g_array_index (corpus->sentences, guint, s);
      const PosGoldWord *w = pos_corpus_sentence (corpus, s, &n);
      const PosWordInfo *info;

      if (n_folds > 1 && s % n_folds != fold)
        continue;
      g_ptr_array_set_size (text, 0);
      g_array_set_size (len, 0);
      for (guint i = 0; i < n; i++)
        {
          g_ptr_array_add (text, (gpointer) w[i].form);
          g_array_append_val (len, w[i].form_len);
        }
      info = pos_tagger_prepare (tagger, (const char *const *) text->pdata,
                                 (const guint32 *) (gpointer) len->data, n);
      pos_tagger_tag (tagger, info, n, labels + a);
    }
  g_ptr_array_unref (text);
  g_array_unref (len);
  pos_tagger_free (tagger);
}

void
pos_evaluate (const PosModel *model, const PosLexicon *lexicon, const PosCorpus *corpus,
              PosScore *score, FILE *predictions)
{
  PosTagger *tagger = pos_tagger_new (model, lexicon);
  const char **text = NULL;
  guint32 *len = NULL;
  guint8 *out = NULL, *space = NULL;
  guint cap = 0;
  PosPunct punct;

  pos_punct_init (&punct, model);

  for (guint s = 0; s < pos_corpus_n_sentences (corpus); s++)
    {
      guint n;
      const PosGoldWord *w = pos_corpus_sentence (corpus, s, &n);
      const PosWordInfo *info;

      if (n > cap)
        {
          cap = MAX (n, 2 * cap);
          text = g_renew (const char *, text, cap);
          len = g_renew (guint32, len, cap);
          out = g_renew (guint8, out, cap);
          space = g_renew (guint8, space, cap);
        }
      for (guint i = 0; i < n; i++)
        {
          text[i] = w[i].form;
          len[i] = w[i].form_len;
          space[i] = w[i].space_after;
        }
      info = pos_tagger_prepare (tagger, text, len, n);
      pos_tagger_tag (tagger, info, n, out);
      pos_punct_fix (&punct, text, len, space, n, out);
      for (guint i = 0; i < n; i++)
        {
          gboolean u = strcmp (model->upos[out[i]], w[i].upos) == 0;
          gboolean x = strcmp (model->xpos[out[i]], w[i].xpos) == 0;
          score->words++;
          score->upos += u;
          score->xpos += x;
          score->both += u && x;
          if (predictions != NULL)
            fprintf (predictions, "%s\t%s\t%s\t%s\t%s\n", w[i].form, w[i].upos, w[i].xpos,
                     model->upos[out[i]], model->xpos[out[i]]);
        }
      if (predictions != NULL)
        fputc ('\n', predictions);
    }
  g_free (text);
  g_free (len);
  g_free (out);
  g_free (space);
  pos_tagger_free (tagger);
}

static int
compare_i32 (gconstpointer a, gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;
  return x < y ? -1 : x > y;
}

void
pos_tune_rescore (PosModel *model, const PosLexicon *lexicon, const PosCorpus *dev,
                  double tolerance, gboolean verbose)
{
  PosModel *second = model->next;
  GArray *margins = g_array_new (FALSE, FALSE, sizeof (gint32));
  PosTagger *tagger;
  GPtrArray *text = g_ptr_array_new ();
  GArray *len = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint8 *out = NULL;
  PosScore full = { 0 };
  double full_acc;
  guint32 chosen = 0;

  g_return_if_fail (second != NULL);
  /* the first pass's margins on dev */
  model->next = NULL;
  tagger = pos_tagger_new (model, lexicon);
  for (guint s = 0; s < pos_corpus_n_sentences (dev); s++)
    {
      guint n;
      const PosGoldWord *w = pos_corpus_sentence (dev, s, &n);
      const PosWordInfo *info;

      g_ptr_array_set_size (text, 0);
      g_array_set_size (len, 0);
      for (guint i = 0; i < n; i++)
        {
          g_ptr_array_add (text, (gpointer) w[i].form);
          g_array_append_val (len, w[i].form_len);
        }
      out = g_renew (guint8, out, MAX (n, 1));
      info = pos_tagger_prepare (tagger, (const char *const *) text->pdata,
                                 (const guint32 *) (gpointer) len->data, n);
      pos_tagger_tag (tagger, info, n, out);
      g_array_append_vals (margins, pos_tagger_margins (tagger), n);
    }
  pos_tagger_free (tagger);
  model->next = second;
  g_array_sort (margins, compare_i32);

  second->rescore_below = 0;
  pos_evaluate (model, lexicon, dev, &full, NULL);
  full_acc = (double) full.both / MAX (full.words, 1);
  if (verbose)
    g_printerr ("second pass on every word: dev %.2f\n", 100.0 * full_acc);
  /* from the fewest words rescored up, the first threshold that costs at
   * most the tolerance */
  for (guint d = 1; d <= 9 && margins->len > 0; d++)
    {
      guint32 below = (guint32) MAX (1, g_array_index (margins, gint32, margins->len * d / 10));
      PosScore sc = { 0 };
      double acc;

      second->rescore_below = below;
      pos_evaluate (model, lexicon, dev, &sc, NULL);
      acc = (double) sc.both / MAX (sc.words, 1);
      if (verbose)
        g_printerr ("second pass below margin %u (%u0%% of dev words): dev %.2f\n", below, d,
                    100.0 * acc);
      if (acc >= full_acc - tolerance)
        {
          chosen = below;
          break;
        }
    }
  second->rescore_below = chosen;
  g_free (out);
  g_ptr_array_unref (text);
  g_array_unref (len);
  g_array_unref (margins);
}
