/* ner-tagger.c — emission scores, Viterbi and the two-pass document run. */
#include <string.h>
#include "ner-tagger.h"
#include "ner-text.h"
#include "ner-hash.h"
#include "ner-dateline.h"

#define NEG_INF (-1e30f)
#define NER_MAP_WIDTH (1 + 2 * NER_MAX_TYPES)

NerWork *
ner_work_new (void)
{
  return g_new0 (NerWork, 1);
}

void
ner_work_free (NerWork *work)
{
  if (work == NULL)
    return;
  ner_toks_clear (&work->toks);
  g_free (work->emit);
  g_free (work->back);
  g_free (work->feats);
  g_free (work->nfeats);
  g_free (work->labels);
  ner_score_memo_free (work->score);
  g_free (work->map_key);
  g_free (work->map_count);
  g_free (work->map_used);
  g_free (work->map_score);
  g_free (work);
}

static void
reserve (NerWork *work, guint n)
{
  const guint stride = 16;   /* the largest a model can have */

  if (n <= work->cap)
    return;
  /* a quarter more: windows (entity.c) are of similar sizes, and the
   * scratch is some 800 bytes a token */
  n = MAX (n, work->cap + work->cap / 4);
  work->emit = g_renew (float, work->emit, (gsize) n * stride);
  work->back = g_renew (guint8, work->back, (gsize) n * stride);
  work->feats = g_renew (guint32, work->feats, (gsize) n * NER_MAX_FEATURES);
  work->nfeats = g_renew (guint8, work->nfeats, n);
  work->labels = g_renew (guint8, work->labels, n);
  /* the word map stays at most half full */
  while (work->map_mask + 1 < 2 * n)
    work->map_mask = work->map_mask ? work->map_mask * 2 + 1 : 1023;
  work->map_key = g_renew (guint64, work->map_key, work->map_mask + 1);
  work->map_count = g_renew (guint32, work->map_count,
                             (gsize) (work->map_mask + 1) * NER_MAP_WIDTH);
  work->map_used = g_renew (guint, work->map_used, n);
  work->map_score = g_renew (float, work->map_score,
                             (gsize) (work->map_mask + 1) * (NER_MAX_TYPES + 1));
  memset (work->map_key, 0, (work->map_mask + 1) * sizeof (guint64));
  work->map_n_used = 0;
  work->cap = n;
}

void
ner_work_prepare (NerWork *work, const NerModel *model, const NerGazetteer *gaz,
                  const NerDoc *doc)
{
  reserve (work, doc->n_tokens + 1);
  ner_toks_prepare (&work->toks, gaz, doc);
  for (guint s = 0; s < doc->n_sents; s++)
    for (guint i = doc->sent[s]; i < doc->sent[s + 1]; i++)
      work->nfeats[i] = (guint8) ner_features_token (&work->toks, doc->sent[s],
                                                     doc->sent[s + 1], i, model->bits,
                                                     work->feats + (gsize) i * NER_MAX_FEATURES);
}

void
ner_model_score (const NerModel *model, const guint32 *buckets, guint n,
                 float *scores)
{
  const guint stride = model->stride;

  if (model->qtable != NULL)
    {
      gint32 acc[16] = { 0 };
      for (guint f = 0; f < n; f++)
        {
          const gint16 *row = model->qtable + (gsize) buckets[f] * stride;
          for (guint l = 0; l < stride; l++)
            acc[l] += row[l];
        }
      for (guint l = 0; l < stride; l++)
        scores[l] += (float) acc[l] * model->scale;
    }
  else
    for (guint f = 0; f < n; f++)
      {
        const float *row = model->ftable + (gsize) buckets[f] * stride;
        for (guint l = 0; l < stride; l++)
          scores[l] += row[l];
      }
}

void
ner_model_transitions (const NerModel *model, float *trans)
{
  for (guint p = 0; p <= model->n_labels; p++)
    {
      guint32 b = ner_features_transition (p, model->bits);
      memset (trans + p * model->stride, 0, model->stride * sizeof (float));
      ner_model_score (model, &b, 1, trans + p * model->stride);
    }
}

/* I-T may only follow B-T or I-T: labels 2t+2 after 2t+1 or 2t+2. */
static inline gboolean
allowed (guint prev, guint cur, guint n_labels)
{
  if (cur == 0 || (cur & 1))
    return TRUE;
  return prev < n_labels && (prev == cur || prev + 1 == cur);
}

/* Four labels at a time, in 16-byte vectors (GCC and Clang vector
 * extensions: SSE2 or NEON, plain code elsewhere).  The loop over previous
 * labels p is the outer one: for each p every current label's candidate
 * is one add, one compare and one select, with no branch.  A strict
 * "greater" keeps the first best p, as the textbook loop order does. */
typedef float  NerV4F __attribute__ ((vector_size (16)));
typedef gint32 NerV4I __attribute__ ((vector_size (16)));
#define NER_V4_MAX (16 / 4)

/* The forward pass over tokens 1 .. @n - 1: @prev holds the scores of
 * token 0 on entry and of token @n - 1 on return. */
static inline __attribute__ ((always_inline)) void
viterbi_forward (const NerV4F *t, const float *emit, guint8 *backs, guint n,
                 guint L, guint V, float *prev)
{
  const guint S = 4 * V;
  NerV4F best[NER_V4_MAX];
  NerV4I arg[NER_V4_MAX];

  for (guint i = 1; i < n; i++)
    {
      const float *e = emit + (gsize) i * S;
      guint8 *back = backs + (gsize) i * S;
      for (guint v = 0; v < V; v++)
        {
          best[v] = prev[0] + t[v];
          arg[v] = (NerV4I) { 0, 0, 0, 0 };
        }
      for (guint p = 1; p < L; p++)
        {
          const float pv = prev[p];
          for (guint v = 0; v < V; v++)
            {
              NerV4F cand = pv + t[p * V + v];
              NerV4I gt = cand > best[v];
              best[v] = (NerV4F) (((NerV4I) cand & gt) | ((NerV4I) best[v] & ~gt));
              arg[v] = ((gint32) p & gt) | (arg[v] & ~gt);
            }
        }
      for (guint v = 0; v < V; v++)
        {
          NerV4F ev;
          memcpy (&ev, e + 4 * v, sizeof ev);
          ev += best[v];
          memcpy (prev + 4 * v, &ev, sizeof ev);
          for (guint c = 0; c < 4; c++)
            back[4 * v + c] = (guint8) arg[v][c];
        }
    }
}

void
ner_viterbi (const NerModel *model, NerWork *work, const float *emit,
             const float *trans, guint n, guint8 *out)
{
  const guint L = model->n_labels, S = model->stride, V = S / 4;
  NerV4F t[(NER_MAX_LABELS + 1) * NER_V4_MAX];
  float prev[16] __attribute__ ((aligned (16)));

  if (n == 0)
    return;
  /* the BIO constraint folded into the transition scores: no branch in
   * the inner loop; labels past L are never chosen */
  for (guint p = 0; p <= L; p++)
    for (guint c = 0; c < S; c++)
      t[(p * S + c) / 4][c % 4] = c < L && allowed (p, c, L) ? trans[p * S + c] : NEG_INF;
  for (guint c = 0; c < S; c++)
    prev[c] = emit[c] + t[(L * S + c) / 4][c % 4];
  /* two vectors (up to 8 labels: 3 entity types) is the common case:
   * a constant count lets the compiler keep them in registers */
  if (V == 2)
    viterbi_forward (t, emit, work->back, n, L, 2, prev);
  else
    viterbi_forward (t, emit, work->back, n, L, V, prev);
  {
    float top = prev[0];
    guint top_c = 0;
    for (guint c = 1; c < L; c++)
      if (prev[c] > top)
        {
          top = prev[c];
          top_c = c;
        }
    out[n - 1] = (guint8) top_c;
    for (guint i = n - 1; i > 0; i--)
      out[i - 1] = work->back[(gsize) i * S + out[i]];
  }
}

/* Only capitalised words take part: lower-case repeats ("the") carry no
 * evidence about names. */
static inline gboolean
doc_word (const NerToks *toks, guint i)
{
  return (toks->flags[i] & (NER_TF_INITCAP | NER_TF_ALLCAP)) != 0
         && (toks->flags[i] & NER_TF_LETTER);
}

static guint
map_slot (NerWork *work, guint64 key, gboolean insert)
{
  guint i;
  if (key == 0)
    key = 1;
  for (i = (guint) key & work->map_mask; work->map_key[i] != 0; i = (i + 1) & work->map_mask)
    if (work->map_key[i] == key)
      return i;
  if (!insert)
    return G_MAXUINT;
  work->map_key[i] = key;
  memset (work->map_count + (gsize) i * NER_MAP_WIDTH, 0,
          NER_MAP_WIDTH * sizeof (guint32));
  work->map_used[work->map_n_used++] = i;
  return i;
}

/* Whether token @i is part of a multi-word entity ("Trump" in "Donald
 * Trump"): the strongest evidence that the same word elsewhere is a name. */
static inline gboolean
in_multiword (const guint8 *labels, guint i, guint n)
{
  return labels[i] != 0 && ((labels[i] & 1) == 0
                            || (i + 1 < n && labels[i + 1] == labels[i] + 1));
}

gboolean
ner_work_doc_bits (NerWork *work, const NerModel *model, const NerDoc *doc,
                   const guint8 *labels)
{
  NerToks *toks = &work->toks;
  const guint W = NER_MAP_WIDTH;
  const guint n = doc->n_tokens;
  gboolean any = FALSE;

  /* per word: [total, per type, per type in a multi-word entity] */
  for (guint i = 0; i < n; i++)
    if (doc_word (toks, i))
      {
        guint32 *c = work->map_count + (gsize) map_slot (work, toks->word[i], TRUE) * W;
        c[0]++;
        if (labels[i] != 0)
          {
            guint t = (labels[i] - 1) / 2;
            c[1 + t]++;
            if (in_multiword (labels, i, n))
              c[1 + NER_MAX_TYPES + t]++;
          }
      }
  for (guint i = 0; i < n; i++)
    {
      guint32 *c;
      guint bits = 0, tagged = 0, best = 0, best_t = 0;
      int own = labels[i] != 0 ? (int) (labels[i] - 1) / 2 : -1;
      gboolean own_multi = own >= 0 && in_multiword (labels, i, n);
      guint untagged;

      toks->doc[i] = 0;
      if (!doc_word (toks, i))
        continue;
      c = work->map_count + (gsize) map_slot (work, toks->word[i], FALSE) * W;
      if (c[0] < 2)
        continue;
      for (guint t = 0; t < model->n_types; t++)
        {
          guint k = c[1 + t] - (own == (int) t);
          guint m = c[1 + NER_MAX_TYPES + t] - (own == (int) t && own_multi);
          tagged += k;
          if (k > 0)
            bits |= NER_DOC_TYPE (t);
          if (m > 0)
            bits |= NER_DOC_MULTI (t);
          if (k > best)
            {
              best = k;
              best_t = t;
            }
        }
      untagged = c[0] - 1 - tagged;
      if (untagged > 0)
        bits |= NER_DOC_UNTAGGED;
      if (best > 0 && best >= untagged)
        bits |= NER_DOC_MAJORITY (best_t);
      toks->doc[i] = (guint32) bits;
      any |= bits != 0;
    }
  for (guint u = 0; u < work->map_n_used; u++)
    work->map_key[work->map_used[u]] = 0;
  work->map_n_used = 0;
  return any;
}

/* ---- label clean-up after pass 2 ----------------------------------------- */

/* Titles some training sets put inside person spans ("Foreign Minister
 * Sergey Lavrov") and news style keeps outside: trimmed from the front of
 * a PER span when a name follows. */
static const char *const titles[] = {
  "president", "minister", "foreign", "defence", "defense", "secretary", "prime",
  "vice", "chancellor", "senator", "sen.", "rep.", "governor", "gov.", "mayor",
  "king", "queen", "prince", "princess", "pope", "general", "gen.", "colonel",
  "col.", "captain", "capt.", "lieutenant", "sergeant", "dr.", "mr.", "mrs.", "ms.",
  "mr", "mrs", "ms", "dr", "sir", "judge", "justice", "chairman", "chairwoman",
  "ambassador", "envoy", "special", "state", "deputy", "chief", "commander",
  "speaker", "premier", "emperor", "sheikh", "rev.", "archbishop", "bishop",
  "cardinal", "senior", "aide", "spokesman", "spokeswoman", "leader", "former",
  "us", "u.s.", "russian", "ukrainian", "american", "british", "french", "german",
  "chinese", NULL
};

#define TITLE_SLOTS 256
static gsize titles_once;
static guint64 title_key[TITLE_SLOTS];

static void
build_titles (void)
{
  for (guint k = 0; titles[k] != NULL; k++)
    {
      guint64 h = ner_text_lower_hash (titles[k], strlen (titles[k]));
      guint i = (guint) h & (TITLE_SLOTS - 1);
      while (title_key[i] != 0)
        i = (i + 1) & (TITLE_SLOTS - 1);
      title_key[i] = h;
    }
}

static gboolean
is_title (guint64 h)
{
  for (guint i = (guint) h & (TITLE_SLOTS - 1); title_key[i] != 0; i = (i + 1) & (TITLE_SLOTS - 1))
    if (title_key[i] == h)
      return TRUE;
  return FALSE;
}

/* The B and I labels of @type; FALSE when the model lacks it. */
static gboolean
type_labels (const NerModel *model, const char *type, guint *b, guint *in)
{
  int t = ner_model_find_type (model, type);
  if (t < 0)
    return FALSE;
  *b = 2 * (guint) t + 1;
  *in = *b + 1;
  return TRUE;
}

/* Trims the leading title words of a PER span ("Foreign Minister Sergey
 * Lavrov", "Treasury Secretary John Snow"): everything up to the last
 * title word among its capitalised leading words, when a name follows. */
static void
trim_titles (const NerModel *model, const NerToks *toks, const NerDoc *doc,
             guint8 *labels)
{
  guint b, in;

  if (!type_labels (model, "PER", &b, &in))
    return;
  for (guint i = 0; i + 1 < doc->n_tokens; i++)
    {
      guint end = i + 1, cut = G_MAXUINT;
      if (labels[i] != b)
        continue;
      while (end < doc->n_tokens && labels[end] == in)
        end++;
      for (guint k = i; k + 1 < end && (toks->flags[k] & NER_TF_LETTER); k++)
        if (is_title (toks->lower[k]))
          cut = k;
      if (cut != G_MAXUINT)
        {
          memset (labels + i, 0, cut + 1 - i);
          labels[cut + 1] = (guint8) b;
        }
      i = end - 1;
    }
}

/* Document consistency for people: a capitalised word left untagged
 * although, elsewhere in the document, it was part of a multi-word PER
 * and is mostly tagged PER ("Trump remarked" after "Donald Trump") becomes
 * PER.  The document features usually do this, but training documents
 * rarely repeat names.  Only PER: "New" of "New York" must not spread. */
static void
propagate (const NerModel *model, const NerToks *toks, const NerDoc *doc,
           guint8 *labels)
{
  int per = ner_model_find_type (model, "PER");

  if (per < 0)
    return;
  for (guint i = 0; i < doc->n_tokens; i++)
    {
      guint32 d = toks->doc[i];
      if (labels[i] == 0 && (d & NER_DOC_MULTI (per)) && (d & NER_DOC_MAJORITY (per))
          && !(toks->flags[i] & NER_TOK_CAPSLINE))
        labels[i] = (guint8) (2 * per + 1);
    }
}

/* The key of the words [a, b): their letters and digits, lower-cased,
 * so that "Time Warner", "TimeWarner" and "Time-Warner", or "U.S." and
 * "US", are one name. */
static guint64
span_key (const NerDoc *doc, guint a, guint b)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  for (guint i = a; i < b; i++)
    for (guint k = 0; k < doc->len[i]; k++)
      {
        guchar c = (guchar) doc->text[i][k];
        if (c < 0x80 && !g_ascii_isalnum (c))
          continue;
        h = (h ^ g_ascii_tolower (c)) * G_GUINT64_CONSTANT (0x100000001b3);
      }
  h = ner_mix64 (h);
  return h ? h : 1;
}

static inline guint
best_type (const float *sum, guint n_types)
{
  guint best = 0;
  for (guint t = 1; t < n_types; t++)
    if (sum[t] > sum[best])
      best = t;
  return best;
}

static inline void
set_type (guint8 *labels, guint i, guint j, guint t)
{
  labels[i] = (guint8) (2 * t + 1);
  for (guint k = i + 1; k < j; k++)
    labels[k] = (guint8) (2 * t + 2);
}

/* One type per name in a document: every mention with the same name
 * takes the type with the highest emission score summed over all of them
 * ("TimeWarner" once ORG and once PER becomes ORG in both places).  And a
 * longer name that starts with what the document calls an organisation
 * on its own is one too ("AOL Europe" after "AOL", "BBC Radio").  The word
 * map of the document features is reused, keyed by the name. */
static void
consistent_types (const NerModel *model, NerWork *work, const NerDoc *doc,
                  guint8 *labels)
{
  const guint S = model->stride, T = model->n_types, n = doc->n_tokens;
  const guint W = NER_MAX_TYPES + 1;
  int org = ner_model_find_type (model, "ORG");

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n;)
      {
        guint j = i + 1, slot, used;
        float *sum;
        if (labels[i] == 0)
          {
            i++;
            continue;
          }
        while (j < n && labels[j] == ((labels[i] - 1) | 1) + 1)
          j++;
        used = work->map_n_used;
        slot = map_slot (work, span_key (doc, i, j), pass == 0);
        sum = work->map_score + (gsize) slot * W;
        if (pass == 0)
          {
            if (work->map_n_used != used)
              memset (sum, 0, W * sizeof (float));
            sum[NER_MAX_TYPES]++;
            for (guint t = 0; t < T; t++)
              {
                float v = work->emit[(gsize) i * S + 2 * t + 1];
                for (guint k = i + 1; k < j; k++)
                  v += work->emit[(gsize) k * S + 2 * t + 2];
                sum[t] += v;
              }
          }
        else
          {
            if (sum[NER_MAX_TYPES] > 1)
              set_type (labels, i, j, best_type (sum, T));
            if (org >= 0 && j - i > 1 && labels[i] != 2 * org + 1)
              {
                guint first = map_slot (work, span_key (doc, i, i + 1), FALSE);
                if (first != G_MAXUINT
                    && best_type (work->map_score + (gsize) first * W, T) == (guint) org)
                  set_type (labels, i, j, (guint) org);
              }
          }
        i = j;
      }
  for (guint u = 0; u < work->map_n_used; u++)
    work->map_key[work->map_used[u]] = 0;
  work->map_n_used = 0;
}

/* A LOC span made of two or more whole place names ("Indonesia Aceh",
 * "Washington D.C.") is that many places: split it where the longest
 * place names starting at each part end.  A span that is one name itself
 * ("New York City", "Papua New Guinea") stays whole. */
static void
split_places (const NerModel *model, const NerGazetteer *gaz, const NerToks *toks,
              const NerDoc *doc, guint8 *labels)
{
  guint b, in;

  if (gaz == NULL || !type_labels (model, "LOC", &b, &in))
    return;
  for (guint i = 0; i < doc->n_tokens; i++)
    {
      guint end = i + 1, parts = 0, a = i;
      guint cuts[8];
      if (labels[i] != b)
        continue;
      while (end < doc->n_tokens && labels[end] == in)
        end++;
      while (end - i > 1 && a < end && parts < G_N_ELEMENTS (cuts))
        {
          guint64 key = toks->lower[a];
          guint len = 0;
          for (guint k = a; k < end; k++)
            {
              guint bits;
              if (k > a)
                key = ner_hash_pair (key, toks->lower[k]);
              bits = ner_gazetteer_lookup (gaz, key);
              if (bits & (1u << NER_GAZ_LOC))
                len = k + 1 - a;
              if (!(bits & NER_GAZ_PREFIX))
                break;
            }
          if (len == 0)
            break;
          cuts[parts++] = a;
          a += len;
        }
      if (a == end && parts > 1)
        for (guint k = 1; k < parts; k++)
          labels[cuts[k]] = (guint8) b;
      i = end - 1;
    }
}

void
ner_work_force (NerWork *work, const NerModel *model, guint8 *labels, guint a, guint b,
                guint label)
{
  const guint S = model->stride;

  for (guint k = a; k < b; k++)
    {
      labels[k] = (guint8) (k == a ? label : label + 1);
      work->emit[(gsize) k * S + labels[k]] += NER_FORCE_BONUS;
    }
  /* an entity the old labels ran on past the span starts after it */
  if (b < work->n_tokens && labels[b] != 0 && !(labels[b] & 1))
    {
      labels[b]--;
      work->emit[(gsize) b * S + labels[b]] += NER_FORCE_BONUS;
    }
}

/* Two person spans side by side, both capitalised words, are one name:
 * "David Boon" tagged B-PER B-PER.  (Lists of names have commas; an
 * ALL-CAPS line says nothing about its words.) */
static void
join_people (const NerModel *model, const NerToks *toks, const NerDoc *doc, guint8 *labels)
{
  guint b, in;

  if (!type_labels (model, "PER", &b, &in))
    return;
  for (guint i = 1; i < doc->n_tokens; i++)
    if (labels[i] == b && (labels[i - 1] == b || labels[i - 1] == in)
        && (toks->flags[i] & NER_TF_INITCAP) && (toks->flags[i - 1] & NER_TF_INITCAP)
        && !(toks->flags[i] & (NER_TOK_CAPSLINE | NER_TOK_FIRST)))
      labels[i] = (guint8) in;
}

/* Company forms after a comma: "First Union Securities, Inc.",
 * "Holland & Hart, LLP".  The comma ends the capitalised run, so the
 * tagger stops before it (or calls the name a person); the form says the
 * run and the form are one organisation. */
static const char *const company_forms[] = {
  "Inc", "Inc.", "INC", "LLC", "L.L.C.", "LLP", "L.L.P.", "Ltd", "Ltd.", "LTD", "Corp",
  "Corp.", "PC", "P.C.", "plc", "PLC", "LP", "L.P.", "Co", "Co.", "GmbH", "AG", "S.A.",
  "N.V.", "B.V.", NULL
};

static gboolean
is_company_form (const NerDoc *doc, guint i)
{
  for (guint k = 0; company_forms[k] != NULL; k++)
    if (doc->len[i] == strlen (company_forms[k])
        && memcmp (doc->text[i], company_forms[k], doc->len[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
company_names (const NerModel *model, NerWork *work, const NerDoc *doc, guint8 *labels)
{
  const NerToks *toks = &work->toks;
  guint b, in, done = 0;

  if (!type_labels (model, "ORG", &b, &in))
    return;
  for (guint s = 0; s < doc->n_sents; s++)
    for (guint j = doc->sent[s] + 1; j + 1 < doc->sent[s + 1]; j++)
      {
        guint a, end = j + 2, first = MAX (doc->sent[s], done);
        if (doc->len[j] != 1 || doc->text[j][0] != ',' || !is_company_form (doc, j + 1)
            || toks->run_a[j - 1] == G_MAXUINT32 || toks->run_b[j - 1] != j - 1)
          continue;
        /* the run, but not past the previous name ("X, LLP and Y, PC") */
        a = MAX (toks->run_a[j - 1], first);
        while (a < j && !(toks->flags[a] & (NER_TF_INITCAP | NER_TF_ALLCAP)))
          a++;
        if (a >= j)
          continue;
        /* "Inc ." written apart */
        if (end < doc->sent[s + 1] && doc->text[j + 1][doc->len[j + 1] - 1] != '.'
            && doc->len[end] == 1 && doc->text[end][0] == '.')
          end++;
        /* an entity the run is the end of starts the name ("Enron Net Works") */
        while (a > first && labels[a] != 0 && !(labels[a] & 1))
          a--;
        ner_work_force (work, model, labels, a, end, b);
        done = end;
      }
}

/* A name cut short where the document writes it whole elsewhere: an
 * entity followed by the very words that continue a longer entity of the
 * same type ("David" "Boon" left untagged, after "David Boon") takes those
 * words.  Keyed by the first word in the document word map (linear). */
static void
complete_names (const NerModel *model, NerWork *work, const NerDoc *doc, guint8 *labels)
{
  const NerToks *toks = &work->toks;
  const guint n = doc->n_tokens;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n;)
      {
        guint j = i + 1, slot;
        guint32 *c;
        if (labels[i] == 0 || !(labels[i] & 1))
          {
            i++;
            continue;
          }
        while (j < n && labels[j] == labels[i] + 1)
          j++;
        slot = map_slot (work, ner_hash_pair (toks->word[i], labels[i]), pass == 0);
        if (slot != G_MAXUINT)
          {
            c = work->map_count + (gsize) slot * NER_MAP_WIDTH;
            if (pass == 0 && j - i > c[1])
              {
                c[0] = i;           /* the longest entity starting so */
                c[1] = j - i;
              }
            else if (pass == 1 && c[1] > j - i && i + c[1] <= n)
              {
                guint k = j - i;
                while (k < c[1] && labels[i + k] == 0 && toks->word[i + k] == toks->word[c[0] + k])
                  k++;
                if (k == c[1])
                  {
                    ner_work_force (work, model, labels, i, i + k, labels[i]);
                    j = i + k;
                  }
              }
          }
        i = j;
      }
  for (guint u = 0; u < work->map_n_used; u++)
    work->map_key[work->map_used[u]] = 0;
  work->map_n_used = 0;
}

/* What every decoding ends with, one pass or two. */
static void
finish (const NerModel *model, const NerGazetteer *gaz, NerWork *work, const NerDoc *doc,
        gboolean two_pass, guint8 *labels)
{
  if (two_pass)
    {
      trim_titles (model, &work->toks, doc, labels);
      propagate (model, &work->toks, doc, labels);
    }
  ner_dateline_mark (model, work, doc, labels);
  join_people (model, &work->toks, doc, labels);
  company_names (model, work, doc, labels);
  complete_names (model, work, doc, labels);
  if (two_pass)
    consistent_types (model, work, doc, labels);
  split_places (model, gaz, &work->toks, doc, labels);
}

void
ner_tag (const NerModel *model, const NerGazetteer *gaz, const NerDoc *doc,
         gboolean two_pass, NerWork *work, guint8 *labels)
{
  const guint S = model->stride;
  float trans[(NER_MAX_LABELS + 1) * 16];

  ner_model_transitions (model, trans);
  work->n_tokens = doc->n_tokens;
  if (model->qtable != NULL)
    {
      reserve (work, doc->n_tokens + 1);
      ner_toks_prepare (&work->toks, gaz, doc);
      if (work->score == NULL)
        work->score = ner_score_memo_new ();
      ner_score_quantised (work->score, model, gaz, &work->toks, doc, work->feats,
                           work->nfeats, work->emit);
    }
  else
    {
      ner_work_prepare (work, model, gaz, doc);
      memset (work->emit, 0, (gsize) doc->n_tokens * S * sizeof (float));
      for (guint i = 0; i < doc->n_tokens; i++)
        ner_model_score (model, work->feats + (gsize) i * NER_MAX_FEATURES,
                         work->nfeats[i], work->emit + (gsize) i * S);
    }
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s];
      ner_viterbi (model, work, work->emit + (gsize) s0 * S, trans,
                   doc->sent[s + 1] - s0, labels + s0);
    }
  if (g_once_init_enter (&titles_once))
    {
      build_titles ();
      g_once_init_leave (&titles_once, 1);
    }
  trim_titles (model, &work->toks, doc, labels);
  if (!two_pass || !ner_work_doc_bits (work, model, doc, labels))
    {
      finish (model, gaz, work, doc, FALSE, labels);
      return;
    }

  /* Pass 2: only sentences with a document feature can change. */
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      gboolean any = FALSE;
      for (guint i = s0; i < s1; i++)
        if (work->toks.doc[i] != 0)
          {
            guint32 b[NER_MAX_FEATURES];
            guint nb = ner_features_doc (&work->toks, i, model->bits, b);
            ner_model_score (model, b, nb, work->emit + (gsize) i * S);
            any = TRUE;
          }
      if (any)
        ner_viterbi (model, work, work->emit + (gsize) s0 * S, trans, s1 - s0,
                     labels + s0);
    }
  finish (model, gaz, work, doc, TRUE, labels);
}
