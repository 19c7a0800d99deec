/* nlp-document.c — the annotated document (see nlp-document.h). */
#include <string.h>
#include "nlp-document-json.h"
#include "nlp-json-append-private.h"
#include "nlp-layer-private.h"
#include "nlp-document-private.h"
#include "nlp-access-private.h"
#include "nlp-error.h"

typedef struct {
  const char  *name;           /* arena */
  const NlpAccess *owner;      /* the instance that set it, or NULL */
  NlpValueType type;
  union {
    const char *s;
    gint64      i;
    double      d;
    JsonNode   *json;          /* NULL for JSON set as text, until parsed */
  } v;
  const char  *text;           /* JSON set as text (arena), or NULL */
  gsize        text_len;
} NlpAttr;

struct _NlpDocument {
  gint          ref;
  char         *id;
  char         *text;          /* NUL-terminated, owned */
  gsize         len;
  NlpArena      arena;
  GPtrArray    *layers;        /* NlpLayer * in creation order */
  GArray       *meta;          /* pairs of strings in meta_strings */
  /* Metadata strings are not in the arena: the reader sets "source" in
   * its own thread, and interning it there made the reader allocate the
   * arena's 64 KiB block, which the worker then freed across threads (a
   * contended malloc lock per document).  Small copies do not.  Replaced
   * values stay here until the document is cleared, as arena strings do. */
  GPtrArray    *meta_strings;
  GArray       *attrs;         /* NlpAttr */
  JsonNode     *extra;
  const char   *error_stage;
  const char   *error_message;
  /* while a stage runs: what it may touch (nlp-access-private.h), and the
   * first write it was refused */
  const NlpAccess *access;
  char         *violation;
  GArray       *warnings;      /* Warning, or NULL */
  /* what the document's cells may point into (a pipeline, for its
   * stages' models): released when the document is freed or reset */
  GPtrArray    *holds;         /* gpointer, GDestroyNotify pairs */
};

typedef struct {
  const char *stage, *language, *message;   /* arena */
} Warning;

/* Validates @text; on failure reports the line and byte of the first bad
 * sequence so that the user can find it. */
static gboolean
check_utf8 (const char *text, gsize len, GError **error)
{
  const char *bad;
  guint line = 1;

  if (g_utf8_validate_len (text, len, &bad))
    return TRUE;
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      line++;
  if (*bad == '\0')
    g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING,
                 "NUL byte at line %u (byte offset %" G_GSIZE_FORMAT "): "
                 "the input is binary or not UTF-8 text", line,
                 (gsize) (bad - text));
  else
    g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING,
                 "invalid UTF-8 at line %u (byte offset %" G_GSIZE_FORMAT "): "
                 "convert the input to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)",
                 line, (gsize) (bad - text));
  return FALSE;
}

static NlpDocument *
document_alloc (void)
{
  NlpDocument *doc = g_new0 (NlpDocument, 1);

  doc->ref = 1;
  nlp__arena_init (&doc->arena);
  doc->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) nlp__layer_free);
  doc->meta = g_array_new (FALSE, FALSE, sizeof (const char *));
  doc->meta_strings = g_ptr_array_new_with_free_func (g_free);
  doc->attrs = g_array_new (FALSE, FALSE, sizeof (NlpAttr));
  return doc;
}

NlpDocument *
nlp_document_new_take (const char *id, char *text, gsize len, GError **error)
{

  g_return_val_if_fail (text != NULL, NULL);
  if (!check_utf8 (text, len, error))
    {
      g_free (text);
      return NULL;
    }
  return nlp__document_new_valid (id, text, len);
}

NlpDocument *
nlp__document_new_valid (const char *id, char *text, gsize len)
{
  NlpDocument *doc = document_alloc ();

  doc->id = g_strdup (id ? id : "");
  doc->text = text;
  doc->text[len] = '\0';
  doc->len = len;
  return doc;
}

NlpDocument *
nlp_document_new (const char *id, const char *text, gssize len, GError **error)
{
  gsize n;

  g_return_val_if_fail (text != NULL, NULL);
  n = len < 0 ? strlen (text) : (gsize) len;
  return nlp_document_new_take (id, g_strndup (text, n), n, error);
}

static void
clear_attrs (NlpDocument *doc)
{
  for (guint i = 0; i < doc->attrs->len; i++)
    {
      NlpAttr *a = &g_array_index (doc->attrs, NlpAttr, i);
      if (a->type == NLP_VALUE_JSON && a->v.json != NULL)
        json_node_unref (a->v.json);
    }
  g_array_set_size (doc->attrs, 0);
}

static void
release_holds (NlpDocument *doc)
{
  if (doc->holds == NULL)
    return;
  for (guint i = 0; i + 1 < doc->holds->len; i += 2)
    ((GDestroyNotify) g_ptr_array_index (doc->holds, i + 1)) (g_ptr_array_index (doc->holds, i));
  g_ptr_array_set_size (doc->holds, 0);
}

gboolean
nlp__document_holds (const NlpDocument *doc, gconstpointer data)
{
  for (guint i = 0; doc->holds && i < doc->holds->len; i += 2)
    if (g_ptr_array_index (doc->holds, i) == data)
      return TRUE;
  return FALSE;
}

void
nlp__document_hold (NlpDocument *doc, gpointer data, GDestroyNotify release)
{
  if (doc->holds == NULL)
    doc->holds = g_ptr_array_new ();
  g_ptr_array_add (doc->holds, data);
  g_ptr_array_add (doc->holds, release);
}

static void
clear_contents (NlpDocument *doc)
{
  g_ptr_array_set_size (doc->layers, 0);
  g_array_set_size (doc->meta, 0);
  g_ptr_array_set_size (doc->meta_strings, 0);
  clear_attrs (doc);
  g_clear_pointer (&doc->extra, json_node_unref);
  doc->error_stage = doc->error_message = NULL;
  g_clear_pointer (&doc->violation, g_free);
  if (doc->warnings != NULL)
    g_array_set_size (doc->warnings, 0);
  release_holds (doc);
  nlp__arena_clear (&doc->arena);
}

NlpDocument *
nlp_document_ref (NlpDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_atomic_int_inc (&doc->ref);
  return doc;
}

void
nlp_document_free (NlpDocument *doc)
{
  nlp_document_unref (doc);
}

void
nlp_document_unref (NlpDocument *doc)
{
  if (doc == NULL || !g_atomic_int_dec_and_test (&doc->ref))
    return;
  clear_contents (doc);
  g_ptr_array_unref (doc->layers);
  g_array_unref (doc->meta);
  g_ptr_array_unref (doc->meta_strings);
  g_array_unref (doc->attrs);
  if (doc->warnings != NULL)
    g_array_unref (doc->warnings);
  if (doc->holds != NULL)
    g_ptr_array_unref (doc->holds);
  nlp__arena_free (&doc->arena);
  g_free (doc->text);
  g_free (doc->id);
  g_free (doc);
}

gboolean
nlp_document_reset (NlpDocument *doc, const char *id, const char *text,
                    gssize len, GError **error)
{
  gsize n;

  g_return_val_if_fail (doc != NULL && text != NULL, FALSE);
  n = len < 0 ? strlen (text) : (gsize) len;
  if (!check_utf8 (text, n, error))
    return FALSE;
  clear_contents (doc);
  g_free (doc->id);
  doc->id = g_strdup (id ? id : "");
  g_free (doc->text);
  doc->text = g_strndup (text, n);
  doc->len = n;
  return TRUE;
}

const char *
nlp_document_get_id (const NlpDocument *doc)
{
  return doc->id;
}

const char *
nlp_document_get_text (const NlpDocument *doc, gsize *len)
{
  if (len)
    *len = doc->len;
  return doc->text;
}

gsize
nlp_document_get_length (const NlpDocument *doc)
{
  return doc->len;
}

const char *
nlp_document_intern_len (NlpDocument *doc, const char *s, gsize len)
{
  const char *p = nlp__arena_copy (&doc->arena, s, len);

  if (G_UNLIKELY (p == NULL))
    {
      if (*nlp__document_access_slot (doc) == NULL)
        g_error ("out of memory for a string of %" G_GSIZE_FORMAT " bytes", len);
      /* the running stage fails on this document; it gets a string it
       * can read meanwhile */
      nlp__document_refuse (doc, "ran out of memory for a string of %" G_GSIZE_FORMAT
                            " bytes; free memory or split the document", len);
      return "";
    }
  return p;
}

const char *
nlp_document_intern (NlpDocument *doc, const char *s)
{
  return s ? nlp_document_intern_len (doc, s, strlen (s)) : NULL;
}

void
nlp_document_set_meta (NlpDocument *doc, const char *key, const char *value)
{
  const char *k, *v;

  g_return_if_fail (key != NULL);
  if (G_UNLIKELY (doc->access != NULL))
    {
      nlp__document_refuse (doc, "sets metadata '%s', which belongs to whoever made the "
                            "document (the reader); provide a doc.NAME attribute instead",
                            key);
      return;
    }
  v = g_strdup (value ? value : "");
  g_ptr_array_add (doc->meta_strings, (char *) v);
  for (guint i = 0; i < doc->meta->len; i += 2)
    if (strcmp (g_array_index (doc->meta, const char *, i), key) == 0)
      {
        g_array_index (doc->meta, const char *, i + 1) = v;
        return;
      }
  k = g_strdup (key);
  g_ptr_array_add (doc->meta_strings, (char *) k);
  g_array_append_val (doc->meta, k);
  g_array_append_val (doc->meta, v);
}

const char *
nlp_document_get_meta (const NlpDocument *doc, const char *key)
{
  for (guint i = 0; i < doc->meta->len; i += 2)
    if (strcmp (g_array_index (doc->meta, const char *, i), key) == 0)
      return g_array_index (doc->meta, const char *, i + 1);
  return NULL;
}

guint
nlp_document_get_n_meta (const NlpDocument *doc)
{
  return doc->meta->len / 2;
}

void
nlp_document_get_meta_at (const NlpDocument *doc, guint i, const char **key,
                          const char **value)
{
  g_return_if_fail (i < doc->meta->len / 2);
  if (key)
    *key = g_array_index (doc->meta, const char *, 2 * i);
  if (value)
    *value = g_array_index (doc->meta, const char *, 2 * i + 1);
}

void
nlp_document_set_extra (NlpDocument *doc, JsonNode *node)
{
  if (G_UNLIKELY (doc->access != NULL))
    {
      nlp__document_refuse (doc, "sets the input record's extra fields, which belong to "
                            "the reader; provide a doc.NAME attribute instead");
      json_node_unref (node);
      return;
    }
  g_clear_pointer (&doc->extra, json_node_unref);
  doc->extra = node;
}

JsonNode *
nlp_document_get_extra (const NlpDocument *doc)
{
  return doc->extra;
}

NlpLayer *
nlp_document_add_layer (NlpDocument *doc, const char *name, GError **error)
{
  NlpLayer *layer;

  g_return_val_if_fail (doc != NULL && name != NULL, NULL);
  if (doc->access != NULL)
    {
      const char *own = nlp__access_layer (doc->access, name);
      if (own == NULL)
        {
          nlp__document_refuse (doc, "adds layer '%s', which is not in its provides; "
                                "declare it there", name);
          g_set_error_literal (error, NLP_ERROR, NLP_ERROR_STAGE, doc->violation);
          return NULL;
        }
      name = own;
    }
  if (nlp_document_get_layer (doc, name) != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_FAILED,
                   "document already has a layer '%s'", name);
      return NULL;
    }
  layer = nlp__layer_new (doc, name);
  g_ptr_array_add (doc->layers, layer);
  return layer;
}

NlpLayer *
nlp_document_get_layer (const NlpDocument *doc, const char *name)
{
  if (G_UNLIKELY (doc->access != NULL))
    {
      /* a running stage reads its own layer by its declared name */
      const char *own = nlp__access_layer (doc->access, name);
      if (own != NULL)
        name = own;
    }
  for (guint i = 0; i < doc->layers->len; i++)
    {
      NlpLayer *layer = g_ptr_array_index (doc->layers, i);
      if (strcmp (nlp_layer_get_name (layer), name) == 0)
        return layer;
    }
  return NULL;
}

guint
nlp_document_get_n_layers (const NlpDocument *doc)
{
  return doc->layers->len;
}

NlpLayer *
nlp_document_get_layer_at (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->layers->len, NULL);
  return g_ptr_array_index (doc->layers, i);
}

static gint
find_attr (const NlpDocument *doc, const char *name)
{
  for (guint i = 0; i < doc->attrs->len; i++)
    if (strcmp (g_array_index (doc->attrs, NlpAttr, i).name, name) == 0)
      return (gint) i;
  return -1;
}

/* The instance running on @doc may set attribute @name (its declared
 * name): *@name becomes the instance's name for it.  FALSE (and the
 * refusal recorded) when it may not. */
static gboolean
may_set_attr (NlpDocument *doc, const char **name)
{
  const char *own = nlp__access_attr (doc->access, *name);
  gint i;

  if (own != NULL)
    {
      *name = own;
      return TRUE;
    }
  i = find_attr (doc, *name);
  if (i >= 0 && nlp__access_modifies_attr (doc->access, *name))
    return TRUE;
  if (i >= 0)
    {
      const NlpAccess *owner = g_array_index (doc->attrs, NlpAttr, i).owner;
      nlp__document_refuse (doc, "sets doc.%s, which %s%s%s made; list it in modifies to "
                            "change it", *name, owner ? "stage '" : "the program",
                            owner ? nlp__access_get_instance (owner) : "", owner ? "'" : "");
    }
  else
    nlp__document_refuse (doc, "sets doc.%s, which is not in its provides; declare it there",
                          *name);
  return FALSE;
}

/* Returns the attribute slot for @name, releasing any old value; NULL
 * when the running stage may not set it. */
static NlpAttr *
attr_slot (NlpDocument *doc, const char *name)
{
  gint i;
  NlpAttr fresh = { 0 };

  if (G_UNLIKELY (doc->access != NULL) && !may_set_attr (doc, &name))
    return NULL;
  i = find_attr (doc, name);
  if (i >= 0)
    {
      NlpAttr *a = &g_array_index (doc->attrs, NlpAttr, i);
      if (a->type == NLP_VALUE_JSON && a->v.json != NULL)
        json_node_unref (a->v.json);
      a->v.json = NULL;
      a->text = NULL;
      a->text_len = 0;
      return a;
    }
  fresh.name = nlp_document_intern (doc, name);
  fresh.owner = doc->access;
  g_array_append_val (doc->attrs, fresh);
  return &g_array_index (doc->attrs, NlpAttr, doc->attrs->len - 1);
}

void
nlp_document_set_string (NlpDocument *doc, const char *name, const char *value)
{
  NlpAttr *a = attr_slot (doc, name);

  if (a == NULL)
    return;
  a->type = NLP_VALUE_STRING;
  a->v.s = nlp_document_intern (doc, value ? value : "");
}

void
nlp_document_set_int (NlpDocument *doc, const char *name, gint64 value)
{
  NlpAttr *a = attr_slot (doc, name);

  if (a == NULL)
    return;
  a->type = NLP_VALUE_INT;
  a->v.i = value;
}

void
nlp_document_set_double (NlpDocument *doc, const char *name, double value)
{
  NlpAttr *a = attr_slot (doc, name);

  if (a == NULL)
    return;
  a->type = NLP_VALUE_DOUBLE;
  a->v.d = value;
}

void
nlp_document_set_json (NlpDocument *doc, const char *name, JsonNode *node)
{
  NlpAttr *a;

  g_return_if_fail (node != NULL);
  a = attr_slot (doc, name);
  if (a == NULL)
    {
      json_node_unref (node);
      return;
    }
  a->type = NLP_VALUE_JSON;
  a->v.json = node;
}

void
nlp_document_set_json_text (NlpDocument *doc, const char *name, const NlpJsonText *value)
{
  gsize len;
  const char *text = nlp_json_text_get (value, &len);
  NlpAttr *a;

  g_return_if_fail (text != NULL);
  a = attr_slot (doc, name);
  if (a == NULL)
    return;
  text = nlp_document_intern_len (doc, text, len);
  a->type = NLP_VALUE_JSON;
  a->v.json = NULL;
  a->text = text;
  a->text_len = len;
}

guint
nlp_document_get_n_attrs (const NlpDocument *doc)
{
  return doc->attrs->len;
}

#define ATTR(doc, i) (&g_array_index ((doc)->attrs, NlpAttr, (i)))

const char *
nlp_document_get_attr_name (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, NULL);
  return ATTR (doc, i)->name;
}

NlpValueType
nlp_document_get_attr_type (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, NLP_VALUE_STRING);
  return ATTR (doc, i)->type;
}

gint
nlp_document_find_attr (const NlpDocument *doc, const char *name)
{
  if (G_UNLIKELY (doc->access != NULL))
    {
      const char *own = nlp__access_attr (doc->access, name);
      if (own != NULL)
        name = own;
    }
  return find_attr (doc, name);
}

const char *
nlp_document_get_attr_string (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, NULL);
  g_return_val_if_fail (ATTR (doc, i)->type == NLP_VALUE_STRING, NULL);
  return ATTR (doc, i)->v.s;
}

gint64
nlp_document_get_attr_int (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, 0);
  g_return_val_if_fail (ATTR (doc, i)->type == NLP_VALUE_INT, 0);
  return ATTR (doc, i)->v.i;
}

double
nlp_document_get_attr_double (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, 0.0);
  g_return_val_if_fail (ATTR (doc, i)->type == NLP_VALUE_DOUBLE, 0.0);
  return ATTR (doc, i)->v.d;
}

JsonNode *
nlp_document_get_attr_json (const NlpDocument *doc, guint i)
{
  g_return_val_if_fail (i < doc->attrs->len, NULL);
  g_return_val_if_fail (ATTR (doc, i)->type == NLP_VALUE_JSON, NULL);
  if (ATTR (doc, i)->v.json == NULL)
    {
      /* set as text: parsed on first use and kept (a document is used by
       * one thread at a time, so this caching needs no lock) */
      NlpAttr *a = ATTR (doc, i);
      GError *error = NULL;
      a->v.json = json_from_string (a->text, &error);
      if (a->v.json == NULL)
        {
          /* nlp_json_text only makes valid JSON; never leave NULL */
          g_critical ("attribute %s: %s", a->name, error ? error->message : "empty");
          g_clear_error (&error);
          a->v.json = json_node_init_null (json_node_alloc ());
        }
    }
  return ATTR (doc, i)->v.json;
}

const char *
nlp_document_get_attr_json_text (const NlpDocument *doc, guint i, gsize *len)
{
  NlpAttr *a;

  g_return_val_if_fail (i < doc->attrs->len, NULL);
  g_return_val_if_fail (ATTR (doc, i)->type == NLP_VALUE_JSON, NULL);
  a = ATTR (doc, i);
  if (a->text == NULL)
    {
      /* set as a tree: written once, kept in the arena (a document is used
       * by one thread at a time, so this caching needs no lock) */
      GString *json = g_string_new (NULL);
      nlp__json_append_node (json, a->v.json);
      a->text = nlp__arena_copy (&((NlpDocument *) doc)->arena, json->str, json->len);
      if (a->text == NULL)
        g_error ("%s: out of memory for %" G_GSIZE_FORMAT " bytes", G_STRLOC, json->len);
      a->text_len = json->len;
      g_string_free (json, TRUE);
    }
  if (len)
    *len = a->text_len;
  return a->text;
}

void
nlp__document_warn (NlpDocument *doc, const char *stage, const char *language,
                    const char *message)
{
  Warning w;

  g_return_if_fail (message != NULL);
  if (doc->warnings == NULL)
    doc->warnings = g_array_new (FALSE, FALSE, sizeof (Warning));
  w.stage = nlp_document_intern (doc, stage ? stage : "");
  w.language = language ? nlp_document_intern (doc, language) : NULL;
  w.message = nlp_document_intern (doc, message);
  g_array_append_val (doc->warnings, w);
}

void
nlp_document_add_warning (NlpDocument *doc, const char *stage, const char *message)
{
  if (doc->access != NULL)
    stage = nlp__access_get_instance (doc->access);
  nlp__document_warn (doc, stage, NULL, message);
}

guint
nlp_document_get_n_warnings (const NlpDocument *doc)
{
  return doc->warnings ? doc->warnings->len : 0;
}

const char *
nlp_document_get_warning (const NlpDocument *doc, guint i, const char **stage,
                          const char **language)
{
  const Warning *w;

  g_return_val_if_fail (i < nlp_document_get_n_warnings (doc), NULL);
  w = &g_array_index (doc->warnings, Warning, i);
  if (stage)
    *stage = w->stage;
  if (language)
    *language = w->language;
  return w->message;
}

void
nlp_document_set_error (NlpDocument *doc, const char *stage, const char *message)
{
  doc->error_stage = nlp_document_intern (doc, stage ? stage : "");
  doc->error_message = nlp_document_intern (doc, message ? message : "");
}

const char *
nlp_document_get_error (const NlpDocument *doc, const char **stage)
{
  if (stage)
    *stage = doc->error_stage;
  return doc->error_message;
}

NlpArena *
nlp__document_get_arena (NlpDocument *doc)
{
  return &doc->arena;
}

const NlpAccess *const *
nlp__document_access_slot (NlpDocument *doc)
{
  return &doc->access;
}

void
nlp__document_set_access (NlpDocument *doc, const NlpAccess *access)
{
  doc->access = access;
}

void
nlp__document_refuse (NlpDocument *doc, const char *format, ...)
{
  va_list args;

  if (doc->violation != NULL)
    return;                    /* the first refusal is the one to fix */
  va_start (args, format);
  doc->violation = g_strdup_vprintf (format, args);
  va_end (args);
}

gboolean
nlp__document_refused (const NlpDocument *doc)
{
  return doc->violation != NULL;
}

char *
nlp__document_take_violation (NlpDocument *doc)
{
  return g_steal_pointer (&doc->violation);
}
