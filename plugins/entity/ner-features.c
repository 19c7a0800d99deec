/* ner-features.c — feature templates.  Each feature is (template, value)
 * hashed to a bucket; what a template looks at is documented where it is
 * emitted.  Changing any of it needs NER_FEATURE_SET bumped (ner-model.h). */
#include "ner-features.h"
#include "ner-hash.h"
#include "ner-text.h"

enum {
  T_BIAS = 1, T_WORD, T_LOWER, T_CAPS_LOWER, T_SHAPE, T_PRE, T_SUF, T_CAP,
  T_LOWER_M1, T_LOWER_P1, T_LOWER_M2, T_LOWER_P2, T_SHAPE_M1, T_SHAPE_P1,
  T_SHAPE_PAIR_L, T_SHAPE_PAIR_R, T_BIGRAM_L, T_BIGRAM_R, T_GAZ_B, T_GAZ_I,
  T_GAZ_M1, T_GAZ_P1, T_DOC, T_DOC_CAP, T_TRANS, T_WORD_CAP_M1, T_WORD_CAP_P1,
  T_FULL_SHAPE, T_SUF4, T_RUN_FIRST, T_RUN_LAST, T_RUN_SHAPE, T_RUN_PREV, T_RUN_NEXT,
  T_RUN_GAZ, T_RUN_CUE,
};


#define MEMO_AHEAD 4
#define BOUNDARY G_GUINT64_CONSTANT (0x5bd1e9955bd1e995)

void
ner_toks_clear (NerToks *toks)
{
  g_free (toks->word);
  g_free (toks->lower);
  g_free (toks->shape);
  g_free (toks->pre);
  g_free (toks->suf);
  g_free (toks->full);
  g_free (toks->suf4);
  g_free (toks->run_a);
  g_free (toks->run_b);
  g_free (toks->flags);
  g_free (toks->gaz_b);
  g_free (toks->gaz_i);
  g_free (toks->gaz1);
  g_free (toks->doc);
  g_free (toks->memo);
  memset (toks, 0, sizeof *toks);
}

static void
reserve (NerToks *toks, guint n)
{
  if (n <= toks->cap)
    return;
  n = MAX (n, toks->cap * 2);
  toks->word = g_renew (guint64, toks->word, n);
  toks->lower = g_renew (guint64, toks->lower, n);
  toks->shape = g_renew (guint64, toks->shape, n);
  toks->pre = g_renew (guint64, toks->pre, n);
  toks->suf = g_renew (guint64, toks->suf, n);
  toks->full = g_renew (guint64, toks->full, n);
  toks->suf4 = g_renew (guint64, toks->suf4, n);
  toks->run_a = g_renew (guint32, toks->run_a, n);
  toks->run_b = g_renew (guint32, toks->run_b, n);
  toks->flags = g_renew (guint16, toks->flags, n);
  toks->gaz_b = g_renew (guint16, toks->gaz_b, n);
  toks->gaz_i = g_renew (guint16, toks->gaz_i, n);
  toks->gaz1 = g_renew (guint16, toks->gaz1, n);
  toks->doc = g_renew (guint32, toks->doc, n);
  toks->cap = n;
}

/* Byte length of the first @n characters of @s (@len bytes). */
static gsize
prefix_bytes (const char *s, gsize len, guint n)
{
  gsize i = 0;
  while (i < len && n-- > 0)
    i += ((guchar) s[i] < 0x80) ? 1 : (gsize) (g_utf8_next_char (s + i) - (s + i));
  return MIN (i, len);
}

static gsize
suffix_start (const char *s, gsize len, guint n)
{
  const char *p = s + len;
  while (p > s && n-- > 0)
    p = g_utf8_find_prev_char (s, p) ? g_utf8_find_prev_char (s, p) : s;
  return (gsize) (p - s);
}

/* The shape of a short ASCII word without collapsing runs: "UN", "NATO"
 * and "Inc." keep their length (acronyms of 2-5 letters are mostly
 * organisations); other words fall back to the collapsed shape @shape. */
static guint64
full_shape (const char *s, gsize len, guint64 shape)
{
  char out[5];

  if (len > sizeof out)
    return shape;
  for (gsize k = 0; k < len; k++)
    {
      guchar c = (guchar) s[k];
      if (c >= 0x80)
        return shape;
      out[k] = g_ascii_isupper (c) ? 'X' : g_ascii_islower (c) ? 'x'
               : g_ascii_isdigit (c) ? 'd' : (char) c;
    }
  return ner_hash_bytes (out, len);
}

static void
compute_token (NerTokMemo *m, const char *s, gsize len)
{
  char stack[256];
  char *low = len * 2 + 8 <= sizeof stack ? stack : g_malloc (len * 2 + 8);
  char shape[16];
  gsize n = ner_text_lower (s, len, low);
  gsize sh = ner_text_shape (s, len, shape, sizeof shape);
  gsize suf;

  m->lower = ner_hash_bytes (low, n);
  m->shape = ner_hash_bytes (shape, sh);
  m->pre = ner_hash_bytes (low, prefix_bytes (low, n, 3));
  suf = suffix_start (low, n, 3);
  m->suf = ner_hash_bytes (low + suf, n - suf);
  suf = suffix_start (low, n, 4);
  m->suf4 = ner_hash_bytes (low + suf, n - suf);
  m->full = full_shape (s, len, m->shape);
  m->flags = (guint16) ner_text_flags (s, len);
  if (low != stack)
    g_free (low);
}

/* Everything but the word hash comes from the memo when the same form
 * was seen lately (the slot holds the last form hashed to it; a 64-bit
 * hash names a form as surely as the weight table's buckets do). */
static void
prepare_token (NerToks *toks, const NerGazetteer *gaz, guint i, const char *s,
               gsize len)
{
  guint64 word = toks->word[i];
  NerTokMemo *m = toks->memo + (word >> (64 - NER_TOK_MEMO_BITS));

  if (m->word != word || m->flags == 0)
    {
      compute_token (m, s, len);
      m->gaz1 = gaz != NULL ? (guint16) ner_gazetteer_lookup (gaz, m->lower) : 0;
      m->word = word;
    }
  toks->lower[i] = m->lower;
  toks->shape[i] = m->shape;
  toks->pre[i] = m->pre;
  toks->suf[i] = m->suf;
  toks->suf4[i] = m->suf4;
  toks->full[i] = m->full;
  toks->flags[i] = m->flags;
  toks->gaz1[i] = m->gaz1;
  toks->doc[i] = 0;
}

/* A sentence is an ALL-CAPS line (headline, Reuters title, dateline) when
 * at least three words carry letters and 3/4 of them have no lower case:
 * the capitalisation of its words then says nothing. */
static gboolean
caps_line (const NerToks *toks, guint s0, guint s1)
{
  guint words = 0, caps = 0;
  for (guint i = s0; i < s1; i++)
    if (toks->flags[i] & NER_TF_LETTER)
      {
        words++;
        caps += (toks->flags[i] & NER_TF_ALLCAP) != 0;
      }
  return words >= 3 && caps * 4 >= words * 3;
}

static gboolean
opens_item (const char *s, guint32 len)
{
  /* Quotes, brackets, bullets and dashes do not end a sentence, but a
   * word after them is in first position all the same. */
  return len >= 1 && (strchr ("\"'-*", s[0]) != NULL
                      || (len == 3 && (guchar) s[0] == 0xe2));
}

static inline gboolean
cap_word (guint16 flags)
{
  return (flags & NER_TF_LETTER) && (flags & (NER_TF_INITCAP | NER_TF_ALLCAP));
}

/* Lower-case words that may join two capitalised ones inside a name
 * ("University of Texas", "Procter & Gamble", "Banco de Chile"). */
static const char *const connectors[] = {
  "of", "and", "&", "de", "for", "the", "on", "du", "la", "von", "van", "der", "del", "da",
};
static guint64 connector_hash[G_N_ELEMENTS (connectors)];
static gsize connectors_once;

static gboolean
is_connector (guint64 h)
{
  for (guint k = 0; k < G_N_ELEMENTS (connectors); k++)
    if (connector_hash[k] == h)
      return TRUE;
  return FALSE;
}

/* Runs of capitalised words, joined by connectors: every token of one
 * learns from its first and last word and its neighbours ("Pernod Ricard
 * said", "X Y Corp"), which single-word windows do not reach. */
static void
mark_runs (NerToks *toks, guint s0, guint s1)
{
  guint i = s0;

  while (i < s1)
    {
      guint j = i + 1;
      if (!cap_word (toks->flags[i]) || (toks->flags[i] & NER_TOK_CAPSLINE))
        {
          toks->run_a[i] = toks->run_b[i] = G_MAXUINT32;
          i++;
          continue;
        }
      for (;;)
        if (j < s1 && cap_word (toks->flags[j]))
          j++;
        else if (j + 1 < s1 && cap_word (toks->flags[j + 1])
                 && is_connector (toks->lower[j]))
          j += 2;
        else
          break;
      for (guint k = i; k < j; k++)
        {
          toks->run_a[k] = i;
          toks->run_b[k] = j - 1;
        }
      i = j;
    }
}

void
ner_toks_prepare (NerToks *toks, const NerGazetteer *gaz, const NerDoc *doc)
{
  if (g_once_init_enter (&connectors_once))
    {
      for (guint k = 0; k < G_N_ELEMENTS (connectors); k++)
        connector_hash[k] = ner_hash_bytes (connectors[k], strlen (connectors[k]));
      g_once_init_leave (&connectors_once, 1);
    }
  reserve (toks, doc->n_tokens + 1);
  if (toks->memo == NULL)
    {
      /* zeroed by writing, not calloc: calloc's untouched pages map the
       * shared zero page on the first read, and the first write then
       * costs a copy-on-write fault with a TLB shoot-down across every
       * worker's CPU */
      toks->memo = g_new (NerTokMemo, 1u << NER_TOK_MEMO_BITS);
      memset (toks->memo, 0, sizeof (NerTokMemo) << NER_TOK_MEMO_BITS);
    }
  else if (toks->memo_gaz != gaz)
    memset (toks->memo, 0, sizeof (NerTokMemo) << NER_TOK_MEMO_BITS);
  toks->memo_gaz = gaz;
  /* hashes first, so that the memo line of a later token can be asked
   * for while this one is read (the memo is larger than L2) */
  for (guint i = 0; i < doc->n_tokens; i++)
    toks->word[i] = ner_hash_bytes (doc->text[i], doc->len[i]);
  for (guint i = 0; i < doc->n_tokens; i++)
    {
      if (i + MEMO_AHEAD < doc->n_tokens)
        __builtin_prefetch (toks->memo + (toks->word[i + MEMO_AHEAD] >> (64 - NER_TOK_MEMO_BITS)));
      prepare_token (toks, gaz, i, doc->text[i], doc->len[i]);
    }
  for (guint s = 0; s < doc->n_sents; s++)
    {
      guint s0 = doc->sent[s], s1 = doc->sent[s + 1];
      gboolean caps = caps_line (toks, s0, s1);
      gboolean first = TRUE;

      for (guint i = s0; i < s1; i++)
        {
          if (caps)
            toks->flags[i] |= NER_TOK_CAPSLINE;
          if (toks->flags[i] & (NER_TF_LETTER | NER_TF_DIGIT))
            {
              if (first)
                toks->flags[i] |= NER_TOK_FIRST;
              first = FALSE;
            }
          else if (opens_item (doc->text[i], doc->len[i]))
            first = TRUE;
        }
      mark_runs (toks, s0, s1);
      if (gaz != NULL)
        ner_gazetteer_match (gaz, toks->lower + s0, toks->gaz1 + s0, s1 - s0, toks->gaz_b + s0,
                             toks->gaz_i + s0);
      else
        {
          memset (toks->gaz_b + s0, 0, (s1 - s0) * sizeof (guint16));
          memset (toks->gaz_i + s0, 0, (s1 - s0) * sizeof (guint16));
        }
    }
}

static inline guint32
bucket (guint tpl, guint64 value, guint bits)
{
  return (guint32) (ner_hash_pair (tpl, value) >> (64 - bits));
}

guint32
ner_features_transition (guint prev, guint bits)
{
  return bucket (T_TRANS, prev, bits);
}

/* Capitalisation class: letter case, digits, position and caps line. */
static guint
cap_class (guint16 flags)
{
  return flags & (NER_TF_INITCAP | NER_TF_ALLCAP | NER_TF_LOWER | NER_TF_DIGIT
                  | NER_TF_PUNCT | NER_TF_MIXED | NER_TOK_FIRST | NER_TOK_CAPSLINE);
}

/* The two position flags local features see besides the text. */
#define LOCAL_FLAGS (NER_TOK_FIRST | NER_TOK_CAPSLINE)

guint64
ner_features_local_key (const NerToks *toks, guint i)
{
  return toks->word[i] ^ ((guint64) (toks->flags[i] & LOCAL_FLAGS) << 48);
}

/* The bits of the capitalisation the context features pair with. */
static inline guint
cap_info (guint16 f)
{
  return (f & NER_TF_INITCAP ? 1 : 0) | (f & NER_TF_ALLCAP ? 2 : 0)
         | (f & NER_TOK_FIRST ? 4 : 0) | (f & NER_TOK_CAPSLINE ? 8 : 0);
}

guint
ner_features_local (const NerToks *toks, guint i, guint bits, guint32 *out)
{
  guint n = 0;
  guint16 f = toks->flags[i];
  gboolean caps = (f & NER_TOK_CAPSLINE) != 0;

  out[n++] = bucket (T_BIAS, 0, bits);
  /* In an ALL-CAPS line the exact form and shape would make every word
   * look like an acronym: use the lower-case form under its own template. */
  if (!caps)
    {
      out[n++] = bucket (T_WORD, toks->word[i], bits);
      out[n++] = bucket (T_SHAPE, toks->shape[i], bits);
      /* An ALL-CAPS word in mixed text ("JUSTICE BREYER:") is read like
       * the same word in an ALL-CAPS line as well as an acronym. */
      if ((f & NER_TF_ALLCAP) && !(f & NER_TF_DIGIT))
        out[n++] = bucket (T_CAPS_LOWER, toks->lower[i], bits);
    }
  else
    out[n++] = bucket (T_CAPS_LOWER, toks->lower[i], bits);
  out[n++] = bucket (T_LOWER, toks->lower[i], bits);
  out[n++] = bucket (T_PRE, toks->pre[i], bits);
  out[n++] = bucket (T_SUF, toks->suf[i], bits);
  out[n++] = bucket (T_CAP, cap_class (f), bits);
  /* "UN" and "NATO" keep their length (2-5 capitals: mostly an
   * organisation); "-ville", "-stan", "-tech" need four letters */
  out[n++] = bucket (T_FULL_SHAPE, toks->full[i] + caps, bits);
  out[n++] = bucket (T_SUF4, toks->suf4[i], bits);
  /* the single-word lists (dictionary words): the word's own; phrase
   * lists depend on the neighbours and are context */
  for (guint c = NER_GAZ_N_PHRASE; c < NER_GAZ_N_CLASSES; c++)
    if (toks->gaz_b[i] & (1u << c))
      out[n++] = bucket (T_GAZ_B, c * 16 + cap_info (f), bits);
  return n;
}

const int ner_role_offset[NER_N_ROLES] = { -1, 1, -2, 2 };
static const guint role_template[NER_N_ROLES] = { T_LOWER_M1, T_LOWER_P1, T_LOWER_M2, T_LOWER_P2 };

guint64
ner_features_role_value (const NerToks *toks, guint s0, guint s1, guint i, guint role)
{
  gint64 j = (gint64) i + ner_role_offset[role];
  return j >= (gint64) s0 && j < (gint64) s1 ? toks->lower[j] : BOUNDARY;
}

guint32
ner_features_role_bucket (guint role, guint64 value, guint bits)
{
  return bucket (role_template[role], value, bits);
}

guint
ner_features_context (const NerToks *toks, guint s0, guint s1, guint i,
                      guint bits, gboolean roles, guint32 *out)
{
  guint n = 0;
  guint16 f = toks->flags[i];
  gboolean caps = (f & NER_TOK_CAPSLINE) != 0;
  guint64 lm1 = i > s0 ? toks->lower[i - 1] : BOUNDARY;
  guint64 lp1 = i + 1 < s1 ? toks->lower[i + 1] : BOUNDARY;
  guint capinfo = cap_info (f);
  guint gaz;

  if (!caps)
    {
      guint64 sm1 = i > s0 ? toks->shape[i - 1] : BOUNDARY;
      guint64 sp1 = i + 1 < s1 ? toks->shape[i + 1] : BOUNDARY;
      out[n++] = bucket (T_SHAPE_PAIR_L, ner_hash_pair (sm1, toks->shape[i]), bits);
      out[n++] = bucket (T_SHAPE_PAIR_R, ner_hash_pair (toks->shape[i], sp1), bits);
      out[n++] = bucket (T_SHAPE_M1, sm1, bits);
      out[n++] = bucket (T_SHAPE_P1, sp1, bits);
      /* "President X", "Mr. X": the previous word with this one's case;
       * "X said", "X Inc": the next one. */
      out[n++] = bucket (T_WORD_CAP_M1, ner_hash_pair (lm1, capinfo), bits);
      out[n++] = bucket (T_WORD_CAP_P1, ner_hash_pair (lp1, capinfo), bits);
    }
  if (roles)
    for (guint r = 0; r < NER_N_ROLES; r++)
      out[n++] = ner_features_role_bucket (r, ner_features_role_value (toks, s0, s1, i, r),
                                           bits);
  out[n++] = bucket (T_BIGRAM_L, ner_hash_pair (lm1, toks->lower[i]), bits);
  out[n++] = bucket (T_BIGRAM_R, ner_hash_pair (toks->lower[i], lp1), bits);
  if (toks->run_a[i] != G_MAXUINT32 && toks->run_b[i] > toks->run_a[i])
    {
      guint a = toks->run_a[i], b = toks->run_b[i];
      guint pos = i == a ? 0 : i == b ? 2 : 1;
      guint len = MIN (b - a + 1, 4);
      guint ga = toks->gaz_b[a] & ((1u << NER_GAZ_N_PHRASE) - 1);
      guint gb = (toks->gaz_b[b] | toks->gaz_i[b]) & ((1u << NER_GAZ_N_PHRASE) - 1);

      out[n++] = bucket (T_RUN_FIRST, ner_hash_pair (toks->lower[a], pos), bits);
      out[n++] = bucket (T_RUN_LAST, ner_hash_pair (toks->lower[b], pos), bits);
      out[n++] = bucket (T_RUN_SHAPE, pos * 8 + len
                         + (toks->flags[a] & NER_TOK_FIRST ? 32 : 0), bits);
      /* the word lists the run starts and ends with: "AOL Europe" is
       * an organisation's branch, "Indonesia Aceh" two places */
      out[n++] = bucket (T_RUN_GAZ, (ga << 8 | gb) * 4 + pos, bits);
      out[n++] = bucket (T_RUN_PREV, ner_hash_pair (a > s0 ? toks->lower[a - 1] : BOUNDARY,
                                                    pos), bits);
      /* a word of the run that marks organisations ("Perth Glory FC",
       * "Bowling Green State University"): where it stands from here */
      for (guint k = a; k <= b; k++)
        if (toks->gaz1[k] & (1u << NER_LEX_ORGCUE))
          {
            out[n++] = bucket (T_RUN_CUE, pos * 4 + (k < i ? 0 : k == i ? 1 : 2)
                               + (k == b ? 16 : 0), bits);
            break;
          }
      out[n++] = bucket (T_RUN_NEXT, ner_hash_pair (b + 1 < s1 ? toks->lower[b + 1] : BOUNDARY,
                                                    pos), bits);
    }

  /* Word lists, each class with the token's capitalisation: "Nice" and
   * "nice" are not the same evidence. */
  gaz = toks->gaz_b[i] & ((1u << NER_GAZ_N_PHRASE) - 1);
  for (guint c = 0; gaz != 0 && c < NER_GAZ_N_PHRASE; c++)
    if (gaz & (1u << c))
      out[n++] = bucket (T_GAZ_B, c * 16 + capinfo, bits);
  gaz = toks->gaz_i[i];
  for (guint c = 0; gaz != 0 && c < NER_GAZ_N_PHRASE; c++)
    if (gaz & (1u << c))
      out[n++] = bucket (T_GAZ_I, c * 16 + capinfo, bits);
  if (i > s0)
    {
      gaz = (toks->gaz_b[i - 1] | toks->gaz_i[i - 1]) & ((1u << NER_GAZ_N_PHRASE) - 1);
      for (guint c = 0; gaz != 0 && c < NER_GAZ_N_PHRASE; c++)
        if (gaz & (1u << c))
          out[n++] = bucket (T_GAZ_M1, c * 16 + capinfo, bits);
    }
  if (i + 1 < s1)
    {
      gaz = toks->gaz_b[i + 1] & ((1u << NER_GAZ_N_PHRASE) - 1);
      for (guint c = 0; gaz != 0 && c < NER_GAZ_N_PHRASE; c++)
        if (gaz & (1u << c))
          out[n++] = bucket (T_GAZ_P1, c * 16 + capinfo, bits);
    }
  return n;
}

guint
ner_features_token (const NerToks *toks, guint s0, guint s1, guint i,
                    guint bits, guint32 *out)
{
  guint n = ner_features_local (toks, i, bits, out);
  return n + ner_features_context (toks, s0, s1, i, bits, TRUE, out + n);
}

guint
ner_features_doc (const NerToks *toks, guint i, guint bits, guint32 *out)
{
  guint n = 0;
  guint32 d = toks->doc[i];
  guint pos = (toks->flags[i] & NER_TOK_FIRST ? 1 : 0)
              | (toks->flags[i] & NER_TOK_CAPSLINE ? 2 : 0);

  for (guint b = 0; d != 0 && b < 24; b++)
    if (d & (1u << b))
      {
        out[n++] = bucket (T_DOC, b, bits);
        out[n++] = bucket (T_DOC_CAP, b * 4 + pos, bits);
      }
  return n;
}
