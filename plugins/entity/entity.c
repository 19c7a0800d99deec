/* entity — named entities: a trained tagger (ner-*.c) with gazetteer
 * features and a document-level second pass, DATE/MONEY/PERCENT rules,
 * user overrides, canonical names and a per-document entity summary.
 *
 * The model and word lists are loaded once (model_new) and shared
 * read-only by every thread; each worker owns its scratch, so a document
 * costs no allocation per token.
 */
#include <math.h>
#include <string.h>
#include "nlpipe-stage.h"
#include "ner-tagger.h"
#include "ner-rules.h"
#include "ner-mentions.h"
#include "ner-hash.h"
#include "ner-confidence.h"

typedef struct {
  NerModel     *model;
  NerGazetteer *gaz;
  NerOverrides *overrides;
  gboolean      doc_features;
  double        min_score;     /* model mentions below it are dropped */
  guint         model_types;   /* bit t: emit model type t */
  guint         rule_types;    /* bit NerRuleType: run that rule */
} EntityModel;

typedef struct {
  guint   first;     /* the document's mention naming the entry */
  guint   count;
  guint64 key;       /* hash of its label and text */
  gsize   name;      /* its label and text, "LABEL\0TEXT", in names */
} SummaryEntry;

/* A document is tagged in windows of whole sentences of at least this
 * many tagger tokens (a sentence of more than twice as many is cut), so
 * that the tagger's scratch (some 800 bytes a token) stays bounded however
 * long the document: the document features and one type per name then
 * hold within a window (some 45 KB of text).  Shorter documents are one
 * window. */
#define ENTITY_WINDOW_TOKENS 8192

/* Where the next window starts: sentence @sent, from its first token or,
 * when @resume, from token row @tok (a long sentence cut). */
typedef struct {
  guint    sent, tok;
  gboolean resume;
} Cursor;

typedef struct {
  EntityModel *model;
  NerWork     *work;
  NerConfidence *conf;
  float       *tok_score;      /* per token: the confidence of the entity
                                  starting there (ner_confidence_spans) */
  /* the tagger's tokens: byte offsets, text pointers and lengths;
   * n_toks of cap_toks used (plain arrays: one store each per token) */
  guint       *starts, *ends;
  const char **text;
  guint32     *len;
  guint        n_toks, cap_toks;
  GArray      *sent;           /* guint token offsets */
  GByteArray  *labels;
  GArray      *mentions, *rules;
  GString     *scratch, *key;
  /* summary scratch: entries, a hash table of them (sum_mask + 1 slots
   * of sum_cap), their names, the entry of each canonical mention of the
   * window (canon_cap), the mentions of earlier windows */
  GArray      *entries;
  GString     *names;
  guint       *sum_slot, *sum_canon;
  guint        sum_cap, sum_mask, canon_cap, n_seen;
  NlpJsonText *json;
} EntityWorker;

/* what `types` may list with the shipped model (another model may name
 * other types; an unknown one is an option error naming the valid ones) */
static const char *const entity_types[] = {
  "all", "PER", "LOC", "ORG", "DATE", "TIME", "DURATION", "MONEY", "PERCENT", "NORP", NULL
};

static const NlpOptionSpec entity_options[] = {
  NLP_OPTION_PATH_SPEC ("model", "",
                        "Tagger model (default: ner.model of the stage data; see nlpipe-ner train)"),
  { .name = "types", .type = NLP_OPTION_STRING, .default_value = "all",
    .help = "Types to emit: all, or a list such as PER,LOC,ORG,DATE,MONEY,PERCENT",
    .choices = entity_types },
  NLP_OPTION_PATH_SPEC ("overrides", "",
                        "TSV of PHRASE<TAB>LABEL forced after the model (LABEL O removes)"),
  NLP_OPTION_BOOL_SPEC ("doc-features", "true",
                        "Second pass with what the first said about the same word elsewhere"),
  NLP_OPTION_DOUBLE_SPEC ("min-score", "0", 0.0, 1.0,
                          "Drop model entities whose confidence (the score column) is below this"),
  NLP_OPTION_END
};

static void
entity_model_free (gpointer data)
{
  EntityModel *em = data;
  if (em == NULL)
    return;
  ner_model_free (em->model);
  ner_gazetteer_free (em->gaz);
  ner_overrides_free (em->overrides);
  g_free (em);
}

static gboolean
parse_types (EntityModel *em, const char *spec, GError **error)
{
  char **names;
  gboolean ok = TRUE;

  if (g_ascii_strcasecmp (spec, "all") == 0)
    {
      em->model_types = (1u << em->model->n_types) - 1;
      em->rule_types = (1u << NER_RULE_N_TYPES) - 1;
      return TRUE;
    }
  names = g_strsplit (spec, ",", -1);
  for (guint i = 0; ok && names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      int t = ner_model_find_type (em->model, name);
      if (*name == '\0')
        continue;
      if (t >= 0)
        {
          em->model_types |= 1u << t;
          continue;
        }
      for (guint r = 0; r < NER_RULE_N_TYPES; r++)
        if (strcmp (name, ner_rule_type_names[r]) == 0)
          {
            em->rule_types |= 1u << r;
            t = (int) r;
          }
      if (t < 0)
        {
          GString *valid = g_string_new (NULL);
          for (guint k = 0; k < em->model->n_types; k++)
            g_string_append_printf (valid, "%s,", em->model->types[k]);
          for (guint r = 0; r < NER_RULE_N_TYPES; r++)
            g_string_append_printf (valid, "%s%s", ner_rule_type_names[r],
                                    r + 1 < NER_RULE_N_TYPES ? "," : "");
          g_set_error (error, NLP_ERROR, NLP_ERROR_OPTION,
                       "entity: unknown type '%s' in types=%s; valid types: all or %s",
                       name, spec, valid->str);
          g_string_free (valid, TRUE);
          ok = FALSE;
        }
    }
  g_strfreev (names);
  return ok;
}

typedef struct {
  const char   *dir;
  NerGazetteer *gaz;       /* out: (transfer full) or NULL ... */
  GError       *error;     /* ... with this */
} GazLoad;

static gpointer
gaz_load_thread (gpointer data)
{
  GazLoad *gl = data;
  gl->gaz = ner_gazetteer_load_dir (gl->dir, &gl->error);
  return NULL;
}

static gpointer
entity_model_new (const NlpStageEnv *env, GError **error)
{
  EntityModel *em = g_new0 (EntityModel, 1);
  const char *path = nlp_stage_env_get_string (env, "model");
  const char *overrides = nlp_stage_env_get_string (env, "overrides");
  char *found = NULL;

  if (path == NULL || *path == '\0')
    {
      found = nlp_stage_env_find_data (env, "ner.model", error);
      if (found == NULL)
        goto fail;
      path = found;
    }
  {
    /* The word lists load in a thread of their own while the weights are
     * decoded here: independent, and each about half of the stage's
     * start-up (BBC bench machine: 24 -> 17 ms for the two). */
    GazLoad gl = { nlp_stage_env_get_data_dir (env), NULL, NULL };
    GThread *t = g_thread_try_new ("nlp-entity-gaz", gaz_load_thread, &gl, NULL);

    if (t == NULL)
      gaz_load_thread (&gl);
    em->model = ner_model_load (path, error);
    g_free (found);
    if (t != NULL)
      g_thread_join (t);
    em->gaz = gl.gaz;
    if (em->model == NULL)
      {
        g_clear_error (&gl.error);
        goto fail;
      }
    if (em->gaz == NULL)
      {
        g_propagate_error (error, gl.error);
        goto fail;
      }
  }
  if (overrides != NULL && *overrides != '\0'
      && (em->overrides = ner_overrides_load (overrides, error)) == NULL)
    goto fail;
  em->doc_features = nlp_stage_env_get_bool (env, "doc-features");
  em->min_score = nlp_stage_env_get_double (env, "min-score");
  if (!parse_types (em, nlp_stage_env_get_string (env, "types"), error))
    goto fail;
  return em;

fail:
  entity_model_free (em);
  return NULL;
}

static gpointer
entity_worker_new (gpointer data, GError **error)
{
  EntityWorker *w = g_new0 (EntityWorker, 1);
  w->model = data;
  w->work = ner_work_new ();
  w->conf = ner_confidence_new ();
  w->sent = g_array_new (FALSE, FALSE, sizeof (guint));
  w->labels = g_byte_array_new ();
  w->mentions = g_array_new (FALSE, FALSE, sizeof (NerMention));
  w->rules = g_array_new (FALSE, FALSE, sizeof (NerMention));
  w->scratch = g_string_new (NULL);
  w->key = g_string_new (NULL);
  w->entries = g_array_new (FALSE, FALSE, sizeof (SummaryEntry));
  w->names = g_string_new (NULL);
  w->json = nlp_json_text_new ();
  return w;
}

static void
entity_worker_free (gpointer data)
{
  EntityWorker *w = data;
  ner_work_free (w->work);
  ner_confidence_free (w->conf);
  g_free (w->tok_score);
  g_free (w->starts);
  g_free (w->ends);
  g_free (w->text);
  g_free (w->len);
  g_array_free (w->sent, TRUE);
  g_byte_array_free (w->labels, TRUE);
  g_array_free (w->mentions, TRUE);
  g_array_free (w->rules, TRUE);
  g_string_free (w->scratch, TRUE);
  g_string_free (w->key, TRUE);
  g_array_free (w->entries, TRUE);
  g_string_free (w->names, TRUE);
  nlp_json_text_free (w->json);
  g_free (w->sum_slot);
  g_free (w->sum_canon);
  g_free (w);
}

static void
grow_toks (EntityWorker *w)
{
  w->cap_toks = MAX (1024, w->cap_toks * 2);
  w->starts = g_renew (guint, w->starts, w->cap_toks);
  w->ends = g_renew (guint, w->ends, w->cap_toks);
  w->text = g_renew (const char *, w->text, w->cap_toks);
  w->len = g_renew (guint32, w->len, w->cap_toks);
  w->tok_score = g_renew (float, w->tok_score, w->cap_toks);
}

static inline void
push (EntityWorker *w, const char *text, guint start, guint end)
{
  guint n = w->n_toks;
  if (G_UNLIKELY (n == w->cap_toks))
    grow_toks (w);
  w->starts[n] = start;
  w->ends[n] = end;
  w->text[n] = text + start;
  w->len[n] = end - start;
  w->n_toks = n + 1;
}

/* The tagger was trained on text tokenised the Penn Treebank way: the
 * possessive "'s" and the parts of hyphenated words are tokens of their
 * own.  Split nlpipe's whole tokens the same way ("Ukraine's" ->
 * "Ukraine" "'s", "US-Russia" -> "US" "-" "Russia") so that the entity is
 * "Ukraine", not "Ukraine's"; numbers keep their hyphens ("1996-12-06"). */
static void
push_split (EntityWorker *w, const char *text, guint start, guint end)
{
  guint cut = end;

  if (end - start > 2 && (text[end - 1] == 's' || text[end - 1] == 'S'))
    {
      if (text[end - 2] == '\'')
        cut = end - 2;
      else if (end - start > 4 && memcmp (text + end - 4, "\xe2\x80\x99", 3) == 0)
        cut = end - 4;
    }
  for (guint i = start + 1; i + 1 < cut; i++)
    if (text[i] == '-' && g_ascii_isalnum (text[i - 1]) && g_ascii_isalnum (text[i + 1])
        && !(g_ascii_isdigit (text[i - 1]) && g_ascii_isdigit (text[i + 1])))
      {
        push (w, text, start, i);
        push (w, text, i, i + 1);
        start = i + 1;
      }
  push (w, text, start, cut);
  if (cut < end)
    push (w, text, cut, end);
}

/* Ends the window's current sentence, if it has tokens. */
static inline void
end_sentence (EntityWorker *w)
{
  if (w->n_toks > g_array_index (w->sent, guint, w->sent->len - 1))
    {
      guint k = w->n_toks;
      g_array_append_val (w->sent, k);
    }
}

/* The tagger's tokens of the next window from @cur into @nd; FALSE when
 * the document has no more sentences. */
static gboolean
build_window (EntityWorker *w, NlpDocument *doc, Cursor *cur, NerDoc *nd)
{
  const char *text = nlp_document_get_text (doc, NULL);
  NlpLayer *tokens = nlp_document_get_layer (doc, "token");
  NlpLayer *sents = nlp_document_get_layer (doc, "sentence");
  guint n_sents = nlp_layer_get_n_rows (sents);
  guint zero = 0, s;

  if (cur->sent >= n_sents)
    return FALSE;
  w->n_toks = 0;
  g_array_set_size (w->sent, 0);
  g_array_append_val (w->sent, zero);
  for (s = cur->sent; s < n_sents; s++)
    {
      guint first, n = nlp_layer_range (tokens, nlp_layer_get_start (sents, s),
                                        nlp_layer_get_end (sents, s), &first);
      guint t0 = cur->resume ? cur->tok : first;

      cur->resume = FALSE;
      for (guint t = t0; t < first + n; t++)
        {
          guint a = nlp_layer_get_start (tokens, t), b = nlp_layer_get_end (tokens, t);
          if (G_UNLIKELY (w->n_toks >= 2 * ENTITY_WINDOW_TOKENS))
            {
              cur->sent = s;
              cur->tok = t;
              cur->resume = TRUE;
              goto done;
            }
          /* A blank line inside a "sentence" (a headline without a full
           * stop) still ends it for the tagger: no entity spans it. */
          if (w->n_toks > g_array_index (w->sent, guint, w->sent->len - 1))
            {
              guint prev_end = w->ends[w->n_toks - 1];
              if (g_strstr_len (text + prev_end, a - prev_end, "\n\n") != NULL)
                end_sentence (w);
            }
          /* an initial is one token with its full stop, as in the
           * training data: "B." of "B. Young" (nlpipe's tokens split it) */
          if (b == a + 1 && text[a] == '.' && w->n_toks > 0 && w->ends[w->n_toks - 1] == a
              && w->len[w->n_toks - 1] == 1 && g_ascii_isupper (text[a - 1])
              && w->n_toks > g_array_index (w->sent, guint, w->sent->len - 1))
            {
              w->ends[w->n_toks - 1] = b;
              w->len[w->n_toks - 1] = 2;
              continue;
            }
          push_split (w, text, a, b);
        }
      end_sentence (w);
      if (w->n_toks >= ENTITY_WINDOW_TOKENS)
        {
          s++;
          break;
        }
    }
  cur->sent = s;
done:
  end_sentence (w);
  nd->text = w->text;
  nd->len = w->len;
  nd->n_tokens = w->n_toks;
  nd->sent = (const guint *) w->sent->data;
  nd->n_sents = w->sent->len - 1;
  return TRUE;
}

static void
add_rule (guint start, guint end, NerRuleType type, gpointer data)
{
  EntityWorker *w = data;
  NerMention m = { start, end, ner_rule_type_names[type], NER_SOURCE_RULE, 0, -1.0f };
  g_array_append_val (w->rules, m);
}

static gboolean
is_rule_label (const char *label)
{
  for (guint r = 0; r < NER_RULE_N_TYPES; r++)
    if (strcmp (label, ner_rule_type_names[r]) == 0)
      return TRUE;
  return FALSE;
}

/* Span text with white space runs made single spaces (a name broken
 * across lines is still one name). */
static const char *
mention_text (EntityWorker *w, const char *text, const NerMention *m)
{
  guint a = w->starts[m->start];
  guint b = w->ends[m->end - 1];
  gboolean space = FALSE;

  g_string_truncate (w->scratch, 0);
  for (guint i = a; i < b; i++)
    {
      if (g_ascii_isspace (text[i]))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (w->scratch, ' ');
          space = FALSE;
          g_string_append_c (w->scratch, text[i]);
        }
    }
  return w->scratch->str;
}

/* most mentioned first, then in order of appearance */
static gint
by_count (gconstpointer a, gconstpointer b)
{
  const SummaryEntry *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Whether entry @e is mention @m, whose text is in w->scratch: same
 * label, same text (white space runs counted as one space). */
static gboolean
same_entity (EntityWorker *w, const SummaryEntry *e, const NerMention *m)
{
  const char *name = w->names->str + e->name;
  return strcmp (name, m->label) == 0
         && strcmp (name + strlen (name) + 1, w->scratch->str) == 0;
}

/* The slot of @key in the summary table: the entry of mention @m, or a
 * free one (always, when @m is NULL). */
static guint
summary_slot (EntityWorker *w, guint64 key, const NerMention *m)
{
  guint k, e;
  for (k = (guint) key & w->sum_mask; (e = w->sum_slot[k]) != G_MAXUINT;
       k = (k + 1) & w->sum_mask)
    {
      const SummaryEntry *se = &g_array_index (w->entries, SummaryEntry, e);
      if (m != NULL && se->key == key && same_entity (w, se, m))
        break;
    }
  return k;
}

/* Sizes the summary table for @more new entries (at most half full). */
static void
summary_reserve (EntityWorker *w, guint more)
{
  guint need = w->entries->len + more, mask = w->sum_mask;

  while (mask + 1 < 2 * need)
    mask = mask * 2 + 1;
  if (mask == w->sum_mask)
    return;
  if (mask + 1 > w->sum_cap)
    {
      w->sum_cap = mask + 1;
      w->sum_slot = g_renew (guint, w->sum_slot, w->sum_cap);
    }
  w->sum_mask = mask;
  for (guint k = 0; k <= mask; k++)
    w->sum_slot[k] = G_MAXUINT;
  /* keys are unique per entry: re-insert each at its first free slot */
  for (guint e = 0; e < w->entries->len; e++)
    w->sum_slot[summary_slot (w, g_array_index (w->entries, SummaryEntry, e).key, NULL)] = e;
}

static void
summary_begin (EntityWorker *w)
{
  g_array_set_size (w->entries, 0);
  g_string_truncate (w->names, 0);
  w->n_seen = 0;
  w->sum_mask = 0;
  summary_reserve (w, 8);
}

/* One entry per entity: mentions whose canonical mentions have the same
 * text and label are one entity.  Mentions sharing a canonical mention
 * share its entry directly; others are found by a hash of label and text
 * in an open-addressing table (keys verified, so a collision merges
 * nothing), then one sort: O(n log n) in the mentions, however many.
 * Called once per window with its mentions. */
static void
summary_add (EntityWorker *w, const char *text)
{
  const NerMention *ms = (const NerMention *) w->mentions->data;
  const guint n = w->mentions->len;

  summary_reserve (w, n);
  if (n > w->canon_cap)
    {
      w->canon_cap = MAX (n, 2 * w->canon_cap);
      w->sum_canon = g_renew (guint, w->sum_canon, w->canon_cap);
    }
  for (guint k = 0; k < n; k++)
    w->sum_canon[k] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint c = ms[i].canonical, e, k;
      const char *t;
      guint64 key;

      if (w->sum_canon[c] != G_MAXUINT)
        {
          g_array_index (w->entries, SummaryEntry, w->sum_canon[c]).count++;
          continue;
        }
      t = mention_text (w, text, &ms[c]);
      key = ner_hash_pair (ner_hash_bytes (ms[c].label, strlen (ms[c].label)),
                           ner_hash_bytes (t, w->scratch->len));
      k = summary_slot (w, key, &ms[c]);
      e = w->sum_slot[k];
      if (e == G_MAXUINT)
        {
          SummaryEntry ne = { w->n_seen + c, 0, key, w->names->len };
          g_string_append_len (w->names, ms[c].label, strlen (ms[c].label) + 1);
          g_string_append_len (w->names, t, w->scratch->len + 1);
          e = w->entries->len;
          g_array_append_val (w->entries, ne);
          w->sum_slot[k] = e;
        }
      g_array_index (w->entries, SummaryEntry, e).count++;
      w->sum_canon[c] = e;
    }
  w->n_seen += n;
}

/* doc.entities: the entries, most mentioned first. */
static void
summary_end (EntityWorker *w, NlpDocument *doc)
{
  NlpJsonText *j = w->json;

  g_array_sort (w->entries, by_count);
  nlp_json_text_reset (j);
  nlp_json_text_begin_array (j);
  for (guint k = 0; k < w->entries->len; k++)
    {
      const SummaryEntry *e = &g_array_index (w->entries, SummaryEntry, k);
      const char *label = w->names->str + e->name;
      nlp_json_text_begin_object (j);
      nlp_json_text_key (j, "name");
      nlp_json_text_string (j, label + strlen (label) + 1, -1);
      nlp_json_text_key (j, "label");
      nlp_json_text_string (j, label, -1);
      nlp_json_text_key (j, "count");
      nlp_json_text_int (j, e->count);
      nlp_json_text_end_object (j);
    }
  nlp_json_text_end_array (j);
  nlp_document_set_json_text (doc, "entities", j);
}

/* Tags the window in @nd: its mentions, with scores, rules, overrides
 * and canonical mentions, in w->mentions. */
static void
tag_window (EntityWorker *w, const char *text, NerDoc *nd)
{
  EntityModel *em = w->model;

  g_byte_array_set_size (w->labels, nd->n_tokens + 1);
  g_array_set_size (w->mentions, 0);
  g_array_set_size (w->rules, 0);
  if (nd->n_tokens > 0)
    {
      ner_tag (em->model, em->gaz, nd, em->doc_features, w->work, w->labels->data);
      ner_mentions_from_labels (em->model, w->labels->data, nd->n_tokens, w->mentions);
      ner_confidence_spans (w->conf, em->model, w->work->emit, nd, w->labels->data,
                            em->model->temperature, w->tok_score);
    }
  {
    /* keep the chosen types and confident ones, in place (no per-mention
     * removal: linear) */
    NerMention *ms = (NerMention *) w->mentions->data;
    guint kept = 0;
    for (guint k = 0; k < w->mentions->len; k++)
      {
        ms[k].score = w->tok_score[ms[k].start];
        if ((em->model_types & (1u << ner_model_find_type (em->model, ms[k].label)))
            && ms[k].score >= em->min_score)
          ms[kept++] = ms[k];
      }
    g_array_set_size (w->mentions, kept);
  }
  if (em->rule_types != 0)
    {
      ner_rules_run (nd, &w->work->toks, em->rule_types, add_rule, w);
      ner_mentions_merge (w->mentions, w->rules);
    }
  if (em->overrides != NULL)
    ner_overrides_apply (em->overrides, text, w->starts, w->ends, nd->n_tokens, w->mentions);
  ner_mentions_canonical (w->mentions, nd, is_rule_label);
}

static gboolean
entity_process (gpointer data, NlpDocument *doc, GError **error)
{
  EntityWorker *w = data;
  const char *text = nlp_document_get_text (doc, NULL);
  NlpLayer *layer;
  NlpColumn *c_label, *c_source, *c_canon, *c_score;
  Cursor cur = { 0, 0, FALSE };
  NerDoc nd;

  layer = nlp_document_add_layer (doc, "entity", error);
  if (layer == NULL
      || (c_label = nlp_layer_add_column (layer, "label", NLP_COLUMN_STRING, error)) == NULL
      || (c_source = nlp_layer_add_column (layer, "source", NLP_COLUMN_STRING, error)) == NULL
      || (c_canon = nlp_layer_add_column (layer, "canonical", NLP_COLUMN_STRING, error)) == NULL
      || (c_score = nlp_layer_add_column (layer, "score", NLP_COLUMN_DOUBLE, error)) == NULL)
    return FALSE;
  summary_begin (w);
  while (build_window (w, doc, &cur, &nd))
    {
      tag_window (w, text, &nd);
      for (guint k = 0; k < w->mentions->len; k++)
        {
          const NerMention *m = &g_array_index (w->mentions, NerMention, k);
          guint row = nlp_layer_add_span (layer, w->starts[m->start],
                                          w->ends[m->end - 1]);
          nlp_column_set_string (c_label, row, m->label);
          nlp_column_set_string (c_source, row, ner_source_names[m->source]);
          if (m->score >= 0.0f)
            /* three decimals: a confidence, not a measurement */
            nlp_column_set_double (c_score, row,
                                   (double) lrintf (m->score * 1000.0f) / 1000.0);
          nlp_column_set_string (c_canon, row,
                                 mention_text (w, text, &g_array_index (w->mentions, NerMention,
                                                                        m->canonical)));
        }
      summary_add (w, text);
    }
  summary_end (w, doc);
  return TRUE;
}

NLP_STAGE_DEFINE (entity,
  .version = "1.0",
  .summary = "Named entities: trained tagger with gazetteers, DATE/MONEY/PERCENT rules, overrides",
  .licence = "LGPL-2.1-or-later AND CC-BY-SA-4.0 AND CC-BY-4.0 AND MIT",
  .author = "The nlpipe developers",
  .homepage = "file://" NLP_DOCDIR "/stages/entity.md",
  .languages = NLP_NAMES ("en"),
  .requires = NLP_NAMES ("token", "sentence"),
  .provides = NLP_NAMES ("entity", "entity.label", "entity.source", "entity.canonical",
                         "entity.score", "doc.entities"),
  .options = entity_options,
  .model_new = entity_model_new,
  .model_free = entity_model_free,
  .worker_new = entity_worker_new,
  .worker_free = entity_worker_free,
  .process = entity_process);
