/* nlp-access.c — what one stage instance may touch (nlp-access-private.h). */
#include <string.h>
#include "nlp-access-private.h"
#include "nlp-error.h"

typedef struct {
  NlpNameKind kind;
  char       *decl;            /* LAYER: the layer; COLUMN: the column; ATTR: the name */
  char       *decl_layer;      /* COLUMN: the layer as declared */
  char       *layer;           /* LAYER, COLUMN: the actual layer */
  char       *name;            /* COLUMN, ATTR: the actual column or attribute */
} Name;

struct _NlpAccess {
  char   *instance;
  GArray *provides;            /* Name */
  GArray *modifies;            /* Name (actual = declared) */
  char  **provides_full;       /* "ner", "ner.label", "doc.ner_entities" */
  char  **modifies_full;
};

static void
name_clear (gpointer data)
{
  Name *n = data;

  g_free (n->decl);
  g_free (n->decl_layer);
  g_free (n->layer);
  g_free (n->name);
}

static gboolean
parse (const char *stage, const char *what, const char *name, Name *out,
       GError **error)
{
  char *first, *second;

  if (!nlp__split_name (name, &out->kind, &first, &second))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "stage '%s' lists '%s' in %s: names are LAYER, LAYER.COLUMN or "
                   "doc.NAME, each part [a-z][a-z0-9_]*", stage, name ? name : "(null)",
                   what);
      return FALSE;
    }
  switch (out->kind)
    {
    case NLP_NAME_LAYER:
      out->decl = first;
      break;
    case NLP_NAME_COLUMN:
      out->decl_layer = first;
      out->decl = second;
      break;
    case NLP_NAME_ATTR:
      out->decl = first;
      break;
    }
  return TRUE;
}

/* TRUE when @list declares layer @layer. */
static gboolean
declares_layer (GArray *list, const char *layer)
{
  for (guint i = 0; i < list->len; i++)
    {
      const Name *n = &g_array_index (list, Name, i);
      if (n->kind == NLP_NAME_LAYER && strcmp (n->decl, layer) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
full_name (const Name *n)
{
  switch (n->kind)
    {
    case NLP_NAME_LAYER:
      return g_strdup (n->layer);
    case NLP_NAME_COLUMN:
      return g_strconcat (n->layer, ".", n->name, NULL);
    default:
      return g_strconcat ("doc.", n->name, NULL);
    }
}

static char **
full_names (GArray *list)
{
  char **out = g_new0 (char *, list->len + 1);

  for (guint i = 0; i < list->len; i++)
    out[i] = full_name (&g_array_index (list, Name, i));
  return out;
}

NlpAccess *
nlp__access_new (const char *stage, const char *instance,
                 const char *const *provides, const char *const *modifies,
                 GError **error)
{
  NlpAccess *a = g_new0 (NlpAccess, 1);

  a->instance = g_strdup (instance);
  a->provides = g_array_new (FALSE, TRUE, sizeof (Name));
  a->modifies = g_array_new (FALSE, TRUE, sizeof (Name));
  g_array_set_clear_func (a->provides, name_clear);
  g_array_set_clear_func (a->modifies, name_clear);
  for (guint i = 0; provides && provides[i]; i++)
    {
      Name n = { 0 };
      if (!parse (stage, "provides", provides[i], &n, error))
        goto fail;
      g_array_append_val (a->provides, n);
    }
  for (guint i = 0; modifies && modifies[i]; i++)
    {
      Name n = { 0 };
      if (!parse (stage, "modifies", modifies[i], &n, error))
        goto fail;
      n.layer = g_strdup (n.kind == NLP_NAME_LAYER ? n.decl : n.decl_layer);
      n.name = g_strdup (n.decl);
      g_array_append_val (a->modifies, n);
    }
  /* The instance's names: its own layers (and their columns) take the
   * alias, and so does what it adds to other stages' layers and to the
   * document. */
  for (guint i = 0; i < a->provides->len; i++)
    {
      Name *n = &g_array_index (a->provides, Name, i);
      switch (n->kind)
        {
        case NLP_NAME_LAYER:
          n->layer = nlp__alias_part (n->decl, stage, instance);
          break;
        case NLP_NAME_COLUMN:
          if (declares_layer (a->provides, n->decl_layer))
            {
              n->layer = nlp__alias_part (n->decl_layer, stage, instance);
              n->name = g_strdup (n->decl);
            }
          else
            {
              n->layer = g_strdup (n->decl_layer);
              n->name = nlp__alias_part (n->decl, stage, instance);
            }
          break;
        case NLP_NAME_ATTR:
          n->name = nlp__alias_part (n->decl, stage, instance);
          break;
        }
    }
  a->provides_full = full_names (a->provides);
  a->modifies_full = full_names (a->modifies);
  return a;

fail:
  nlp__access_free (a);
  return NULL;
}

void
nlp__access_free (NlpAccess *a)
{
  if (a == NULL)
    return;
  g_array_unref (a->provides);
  g_array_unref (a->modifies);
  g_strfreev (a->provides_full);
  g_strfreev (a->modifies_full);
  g_free (a->instance);
  g_free (a);
}

const char *
nlp__access_get_instance (const NlpAccess *a)
{
  return a->instance;
}

const char *const *
nlp__access_get_provides (const NlpAccess *a)
{
  return (const char *const *) a->provides_full;
}

const char *const *
nlp__access_get_modifies (const NlpAccess *a)
{
  return (const char *const *) a->modifies_full;
}

const char *
nlp__access_layer (const NlpAccess *a, const char *name)
{
  for (guint i = 0; i < a->provides->len; i++)
    {
      const Name *n = &g_array_index (a->provides, Name, i);
      if (n->kind == NLP_NAME_LAYER && strcmp (n->decl, name) == 0)
        return n->layer;
    }
  return NULL;
}

const char *
nlp__access_column (const NlpAccess *a, const char *layer, const char *name)
{
  for (guint i = 0; i < a->provides->len; i++)
    {
      const Name *n = &g_array_index (a->provides, Name, i);
      if (n->kind == NLP_NAME_COLUMN && strcmp (n->decl, name) == 0
          && strcmp (n->layer, layer) == 0)
        return n->name;
    }
  return NULL;
}

const char *
nlp__access_attr (const NlpAccess *a, const char *name)
{
  for (guint i = 0; i < a->provides->len; i++)
    {
      const Name *n = &g_array_index (a->provides, Name, i);
      if (n->kind == NLP_NAME_ATTR && strcmp (n->decl, name) == 0)
        return n->name;
    }
  return NULL;
}

static gboolean
modifies (const NlpAccess *a, NlpNameKind kind, const char *layer, const char *name)
{
  for (guint i = 0; i < a->modifies->len; i++)
    {
      const Name *n = &g_array_index (a->modifies, Name, i);
      if (n->kind != kind)
        continue;
      if ((kind == NLP_NAME_LAYER || strcmp (n->name, name) == 0)
          && (kind == NLP_NAME_ATTR || strcmp (n->layer, layer) == 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
nlp__access_modifies_layer (const NlpAccess *a, const char *layer)
{
  return modifies (a, NLP_NAME_LAYER, layer, NULL);
}

gboolean
nlp__access_modifies_column (const NlpAccess *a, const char *layer, const char *column)
{
  /* a layer in modifies covers its rows and every column */
  return modifies (a, NLP_NAME_COLUMN, layer, column) || modifies (a, NLP_NAME_LAYER, layer, NULL);
}

gboolean
nlp__access_modifies_attr (const NlpAccess *a, const char *name)
{
  return modifies (a, NLP_NAME_ATTR, NULL, name);
}
