/* nlp-registry.c — finding, listing and loading stages with libltdl.
 *
 * Every refusal has its own message naming the file and the fix, because a
 * stage author's first run usually ends here.
 */
#include <string.h>
#include <gmodule.h>
#include <ltdl.h>
#include "nlp-registry.h"
#include "nlp-options.h"
#include "nlp-paths-private.h"
#include "nlp-names-private.h"
#include "nlp-registry-private.h"



struct _NlpStage {
  NlpRegistry  *registry;      /* its owner (not a reference) */
  char         *name;
  char         *path;
  char         *data_dir;
  lt_dlhandle   handle;
  NlpStageInfo  info;          /* full-size copy, zero-extended */
};

struct _NlpRegistry {
  gint          ref;
  GPtrArray    *builtin;       /* names of the stages linked into the program */
  GPtrArray    *path;          /* char *, NULL-terminated view kept */
  guint         n_front;       /* program + environment entries */
  GHashTable   *stages;        /* name -> NlpStage * */
};

NlpRegistry *
nlp__stage_get_registry (const NlpStage *stage)
{
  return stage->registry;
}

static void
stage_free (NlpStage *stage)
{
  /* Modules stay resident: a stage's strings may still be referenced by
   * documents or options, so the handle is never closed. */
  g_free (stage->name);
  g_free (stage->path);
  g_free (stage->data_dir);
  g_free (stage);
}

/* Stages linked into the program (libtool -dlpreopen, registered by its
 * LTDL_SET_PRELOADED_SYMBOLS: the command built with
 * --enable-static-stages) are found before any file, by name. */
static GPtrArray *preloaded_names;
/* what find_file returns for a stage linked into the program */
#define BUILTIN "(linked into the program) "

static int
note_preloaded (lt_dlhandle handle)
{
  const lt_dlinfo *info = lt_dlgetinfo (handle);

  /* info->filename is the archive ("tokenize.a"), info->name the module */
  if (info != NULL && info->name != NULL && nlp__valid_stage_name (info->name))
    g_ptr_array_add (preloaded_names, g_strdup (info->name));
  return 0;
}

static GPtrArray *
find_preloaded (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      preloaded_names = g_ptr_array_new_with_free_func (g_free);
      lt_dlpreload_open ("@PROGRAM@", note_preloaded);
      g_once_init_leave (&once, 1);
    }
  return preloaded_names;
}

static gboolean
is_builtin (NlpRegistry *registry, const char *name)
{
  for (guint i = 0; i < registry->builtin->len; i++)
    if (strcmp (g_ptr_array_index (registry->builtin, i), name) == 0)
      return TRUE;
  return FALSE;
}

NlpRegistry *
nlp_registry_new (void)
{
  NlpRegistry *registry = g_new0 (NlpRegistry, 1);
  const char *env = g_getenv ("NLPIPE_PLUGIN_PATH");

  registry->ref = 1;
  lt_dlinit ();
  registry->builtin = g_ptr_array_ref (find_preloaded ());
  registry->path = g_ptr_array_new_with_free_func (g_free);
  registry->stages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) stage_free);
  if (env != NULL)
    {
      char **dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; dirs[i]; i++)
        if (*dirs[i])
          g_ptr_array_add (registry->path, g_strdup (dirs[i]));
      g_strfreev (dirs);
    }
  registry->n_front = registry->path->len;
  g_ptr_array_add (registry->path, g_strdup (nlp__default_plugin_dir ()));
  g_ptr_array_add (registry->path, NULL);
  return registry;
}

NlpRegistry *
nlp_registry_ref (NlpRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  g_atomic_int_inc (&registry->ref);
  return registry;
}

void
nlp_registry_free (NlpRegistry *registry)
{
  nlp_registry_unref (registry);
}

void
nlp_registry_unref (NlpRegistry *registry)
{
  if (registry == NULL || !g_atomic_int_dec_and_test (&registry->ref))
    return;
  g_hash_table_unref (registry->stages);
  g_ptr_array_unref (registry->builtin);
  g_ptr_array_unref (registry->path);
  g_free (registry);
  lt_dlexit ();
}

void
nlp_registry_prepend_path (NlpRegistry *registry, const char *dir)
{
  g_ptr_array_insert (registry->path, 0, g_strdup (dir));
  registry->n_front++;
}

void
nlp_registry_add_config_path (NlpRegistry *registry, const char *dir)
{
  g_ptr_array_insert (registry->path, (gint) registry->n_front, g_strdup (dir));
}

const char *const *
nlp_registry_get_path (NlpRegistry *registry)
{
  return (const char *const *) registry->path->pdata;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* (transfer full) the first stage file for @name on the path, or NULL. */
static char *
find_file (NlpRegistry *registry, const char *name)
{
  static const char *const exts[] = { ".la", ".so", NULL };

  for (guint i = 0; i == 0 || registry->path->pdata[i - 1] != NULL; i++)
    for (guint e = 0; exts[e]; e++)
      {
        char *base, *file;

        /* stages linked into the program come after the program's and
         * the environment's directories, before the rest */
        if (i == registry->n_front && e == 0 && is_builtin (registry, name))
          return g_strconcat (BUILTIN, name, NULL);
        if (registry->path->pdata[i] == NULL)
          break;
        base = g_strconcat (name, exts[e], NULL);
        file = g_build_filename (registry->path->pdata[i], base, NULL);
        g_free (base);
        if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
          return file;
        g_free (file);
      }
  return NULL;
}

/* Whether @entry of directory @dir is a file a stage can be loaded from
 * (a regular file, or a link to one). */
static gboolean
is_module_file (const char *dir, const char *entry)
{
  char *file = g_build_filename (dir, entry, NULL);
  gboolean ok = g_file_test (file, G_FILE_TEST_IS_REGULAR);
  g_free (file);
  return ok;
}

/* (transfer full) what is wrong with a NAME.la or NAME.so on the path
 * that is no module (a directory, a dangling link), or NULL. */
static char *
describe_non_module (NlpRegistry *registry, const char *name)
{
  static const char *const exts[] = { ".la", ".so", NULL };

  for (guint i = 0; registry->path->pdata[i] != NULL; i++)
    for (guint e = 0; exts[e]; e++)
      {
        char *base = g_strconcat (name, exts[e], NULL);
        char *file = g_build_filename (registry->path->pdata[i], base, NULL);
        char *what = NULL;
        g_free (base);
        if (g_file_test (file, G_FILE_TEST_IS_DIR))
          what = g_strdup_printf ("%s is a directory, not a stage module", file);
        else if (g_file_test (file, G_FILE_TEST_IS_SYMLINK)
                 && !g_file_test (file, G_FILE_TEST_EXISTS))
          what = g_strdup_printf ("%s is a symbolic link to nothing (dangling)", file);
        else if (g_file_test (file, G_FILE_TEST_EXISTS)
                 && !g_file_test (file, G_FILE_TEST_IS_REGULAR))
          what = g_strdup_printf ("%s is not a regular file", file);
        g_free (file);
        if (what != NULL)
          return what;
      }
  return NULL;
}

char **
nlp_registry_list (NlpRegistry *registry)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < registry->builtin->len; i++)
    {
      const char *name = g_ptr_array_index (registry->builtin, i);
      g_hash_table_add (seen, g_strdup (name));
      g_ptr_array_add (names, g_strdup (name));
    }
  for (guint i = 0; registry->path->pdata[i] != NULL; i++)
    {
      GDir *dir = g_dir_open (registry->path->pdata[i], 0, NULL);
      const char *entry;

      if (dir == NULL)
        continue;
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          const char *dot = strrchr (entry, '.');
          char *name;

          if (dot == NULL || (strcmp (dot, ".la") != 0 && strcmp (dot, ".so") != 0))
            continue;
          name = g_strndup (entry, (gsize) (dot - entry));
          if (!nlp__valid_stage_name (name) || g_hash_table_contains (seen, name)
              || !is_module_file (registry->path->pdata[i], entry))
            {
              g_free (name);
              continue;
            }
          g_hash_table_add (seen, name);
          g_ptr_array_add (names, g_strdup (name));
        }
      g_dir_close (dir);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  g_hash_table_unref (seen);
  return (char **) g_ptr_array_free (names, FALSE);
}

static guint
edit_distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  guint *row = g_new (guint, m + 1);
  guint result;

  for (gsize j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diag = row[0];
      row[0] = (guint) i;
      for (gsize j = 1; j <= m; j++)
        {
          guint up = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);
          row[j] = MIN (best, diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  result = row[m];
  g_free (row);
  return result;
}

static void
set_unknown_stage (NlpRegistry *registry, const char *name, GError **error)
{
  char **names = nlp_registry_list (registry);
  char *list = g_strjoinv (", ", names);
  const char *nearest = NULL;
  guint best = G_MAXUINT;
  GString *msg = g_string_new (NULL);
  char *why;

  for (guint i = 0; names[i]; i++)
    {
      guint d = edit_distance (name, names[i]);
      if (d < best)
        best = d, nearest = names[i];
    }
  g_string_printf (msg, "no stage named '%s'", name);
  if ((why = describe_non_module (registry, name)) != NULL)
    {
      /* the name is there, but not as a module: say what it is instead */
      g_string_append_printf (msg, ": %s; remove it or make it the stage's module", why);
      g_free (why);
      nearest = NULL;
    }
  if (nearest != NULL && best <= MAX (2u, (guint) strlen (name) / 3))
    g_string_append_printf (msg, " (did you mean '%s'?)", nearest);
  g_string_append_printf (msg, "; installed stages: %s",
                          *list ? list : "none (check --plugin-path)");
  g_set_error_literal (error, NLP_ERROR, NLP_ERROR_UNKNOWN_STAGE, msg->str);
  g_string_free (msg, TRUE);
  g_free (list);
  g_strfreev (names);
}

/* Every name of @names must be LAYER, LAYER.COLUMN or doc.NAME. */
static gboolean
names_valid (const char *const *names, const char *list, const char *file,
             const char *stage, GError **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      NlpNameKind kind;
      char *first, *second;
      gboolean ok = nlp__split_name (names[i], &kind, &first, &second);

      g_free (first);
      g_free (second);
      if (!ok)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                       "%s: stage '%s' lists '%s' in %s: names are LAYER, LAYER.COLUMN "
                       "or doc.NAME, each part [a-z][a-z0-9_]*", file, stage, names[i], list);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks a descriptor the way a host must before trusting it. */
static gboolean
check_info (const NlpStageInfo *info, const char *name, const char *file,
            GError **error)
{
  const char *missing = NULL;

  if (info->abi_major != NLP_ABI_MAJOR)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s: stage ABI %u.%u, but this nlpipe speaks ABI %u.x; "
                   "rebuild the stage against this nlpipe's headers",
                   file, info->abi_major, info->abi_minor, NLP_ABI_MAJOR);
      return FALSE;
    }
  if (info->abi_minor > NLP_ABI_MINOR)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s: stage needs ABI %u.%u, newer than this nlpipe's %u.%u; "
                   "upgrade nlpipe or rebuild the stage",
                   file, info->abi_major, info->abi_minor,
                   NLP_ABI_MAJOR, NLP_ABI_MINOR);
      return FALSE;
    }
  if (info->struct_size < NLP_STAGE_INFO_MIN_SIZE)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s: stage descriptor is %u bytes, shorter than the %u bytes "
                   "of ABI %u.0; rebuild the stage with NLP_STAGE_DEFINE",
                   file, info->struct_size, (guint) NLP_STAGE_INFO_MIN_SIZE,
                   NLP_ABI_MAJOR);
      return FALSE;
    }
  if (info->name == NULL || strcmp (info->name, name) != 0)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s: stage calls itself '%s' but its file is named '%s'; "
                   "the name in NLP_STAGE_DEFINE must match the file name",
                   file, info->name ? info->name : "(null)", name);
      return FALSE;
    }
  if (info->version == NULL)
    missing = "version";
  else if (info->summary == NULL)
    missing = "summary";
  else if (info->process == NULL)
    missing = "process";
  if (missing != NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s: stage '%s' has no '%s' in its descriptor; "
                   "set .%s in NLP_STAGE_DEFINE", file, name, missing, missing);
      return FALSE;
    }
  for (guint i = 0; info->abi_minor >= 1 && info->languages && info->languages[i]; i++)
    {
      const char *l = info->languages[i];
      gsize n = strlen (l);
      gboolean ok = n >= 2 && n <= 3;
      for (gsize k = 0; ok && k < n; k++)
        ok = g_ascii_islower (l[k]);
      if (!ok)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                       "%s: stage '%s' lists '%s' in languages: give ISO 639 codes "
                       "(en, fr, ...)", file, name, l);
          return FALSE;
        }
    }
  if (!names_valid (info->requires, "requires", file, name, error)
      || !names_valid (info->provides, "provides", file, name, error)
      || !names_valid (info->modifies, "modifies", file, name, error))
    return FALSE;
  return nlp_option_specs_validate (name, info->options, error);
}

/* (transfer full) the shared object behind stage file @file: itself, or
 * the dlname of a libtool .la (in .libs/ when uninstalled). */
static char *
shared_object_of (const char *file)
{
  char *contents = NULL, *dir, *name, *so;
  const char *p;

  if (!g_str_has_suffix (file, ".la"))
    return g_strdup (file);
  if (!g_file_get_contents (file, &contents, NULL, NULL)
      || (p = strstr (contents, "\ndlname='")) == NULL)
    {
      g_free (contents);
      return g_strdup (file);
    }
  p += strlen ("\ndlname='");
  name = g_strndup (p, strcspn (p, "'"));
  dir = g_path_get_dirname (file);
  so = g_build_filename (dir, ".libs", name, NULL);
  if (!g_file_test (so, G_FILE_TEST_EXISTS))
    {
      g_free (so);
      so = g_build_filename (dir, name, NULL);
    }
  g_free (dir);
  g_free (name);
  g_free (contents);
  return so;
}

/* libltdl says "file not found" when the module of an uninstalled .la
 * fails to load (its last try looks for it beside the .la), hiding the
 * dynamic loader's reason, e.g. an undefined symbol: ask the loader.
 * (transfer full) the reason, or NULL when @so loads. */
static char *
loader_reason (const char *so)
{
  GModule *module = g_module_open (so, G_MODULE_BIND_LOCAL);
  char *reason = NULL;

  if (module == NULL)
    reason = g_strdup (g_module_error ());
  else
    g_module_close (module);
  return reason;
}

NlpStage *
nlp_registry_load (NlpRegistry *registry, const char *name, GError **error)
{
  NlpStage *stage;
  char *file, *stem;
  lt_dlhandle handle;
  const NlpStageInfo *info;
  NlpStageInfo full = { 0 };

  stage = g_hash_table_lookup (registry->stages, name ? name : "");
  if (stage != NULL)
    return stage;
  if (!nlp__valid_stage_name (name))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_UNKNOWN_STAGE,
                   "'%s' is not a valid stage name: names match [a-z][a-z0-9_]*",
                   name ? name : "");
      return NULL;
    }
  file = find_file (registry, name);
  if (file == NULL)
    {
      set_unknown_stage (registry, name, error);
      return NULL;
    }
  if (g_str_has_prefix (file, BUILTIN))
    {
      /* libtool names a preloaded module after its archive */
      lt_dladvise advise;
      stem = g_strconcat (name, ".a", NULL);
      lt_dladvise_init (&advise);
      lt_dladvise_preload (&advise);
      handle = lt_dlopenadvise (stem, advise);
      lt_dladvise_destroy (&advise);
    }
  else
    {
      /* lt_dlopenext wants the name without extension: it prefers the .la */
      stem = g_strndup (file, strlen (file) - 3);
      handle = lt_dlopenext (stem);
    }
  g_free (stem);
  if (handle == NULL)
    {
      const char *lt_why = lt_dlerror ();
      char *so = shared_object_of (file);
      char *reason = loader_reason (so);
      const char *why = reason ? reason : lt_why;
      gboolean unresolved = why != NULL && strstr (why, "undefined symbol") != NULL;
      g_set_error (error, NLP_ERROR, NLP_ERROR_LOAD,
                   "%s: stage '%s' could not be loaded: %s%s%s%s", file, name,
                   why ? why : "unknown error",
                   unresolved ? "; the stage uses a symbol nothing provides: run 'ldd -r " : "",
                   unresolved ? so : "",
                   unresolved ? "' and link the stage with the missing library" : "");
      g_free (reason);
      g_free (so);
      g_free (file);
      return NULL;
    }
  info = lt_dlsym (handle, "nlp_stage");
  if (info == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ABI,
                   "%s is not an nlpipe stage: it exports no '%s_LTX_nlp_stage' "
                   "symbol; define the stage with NLP_STAGE_DEFINE (%s, ...)",
                   file, name, name);
      lt_dlclose (handle);
      g_free (file);
      return NULL;
    }
  /* Read the fixed header first: struct_size tells how much is there. */
  if (!check_info (info, name, file, error))
    {
      lt_dlclose (handle);
      g_free (file);
      return NULL;
    }
  memcpy (&full, info, MIN ((gsize) info->struct_size, sizeof full));
  if (full.abi_minor < 1)
    {
      /* a 1.0 stage's padding is no licence, author, homepage, languages */
      full.licence = full.author = full.homepage = NULL;
      full.languages = NULL;
    }
  memset (full._reserved, 0, sizeof full._reserved);
  lt_dlmakeresident (handle);

  stage = g_new0 (NlpStage, 1);
  stage->registry = registry;
  stage->name = g_strdup (name);
  stage->path = file;
  stage->handle = handle;
  stage->info = full;
  stage->data_dir = g_str_has_prefix (file, BUILTIN) ? nlp__builtin_stage_data_dir (name)
                                                     : nlp__stage_data_dir (name, file);
  g_hash_table_insert (registry->stages, stage->name, stage);
  return stage;
}

char **
nlp_registry_find_providers (NlpRegistry *registry, const char *name)
{
  char **names = nlp_registry_list (registry);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; names[i]; i++)
    {
      NlpStage *stage = nlp_registry_load (registry, names[i], NULL);
      const char *const *provides = stage ? stage->info.provides : NULL;
      if (provides != NULL && g_strv_contains (provides, name))
        g_ptr_array_add (out, g_strdup (names[i]));
    }
  g_ptr_array_add (out, NULL);
  g_strfreev (names);
  return (char **) g_ptr_array_free (out, FALSE);
}

const NlpStageInfo *
nlp_stage_get_info (const NlpStage *stage)
{
  return &stage->info;
}

const char *
nlp_stage_get_name (const NlpStage *stage)
{
  return stage->name;
}

const char *
nlp_stage_get_path (const NlpStage *stage)
{
  return stage->path;
}

const char *
nlp_stage_get_data_dir (const NlpStage *stage)
{
  return stage->data_dir;
}
