/* cli-output.c — `-o DIR` (see cli-output.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "cli-output.h"
#include "atomic-file.h"

struct _CliOutputDir {
  char       *dir;
  char       *ext;
  char       *stream_ext;
  NlpWriter  *writer;          /* not owned */
  CliAtomicFile *out;          /* the file being written, or NULL */
  NlpWriterPage *page;         /* ... its page (header, footer) */
  char       *out_path;        /* ... the name it gets when complete */
  guint64     out_docs;        /* ... the documents in it so far */
  guint64     lost;            /* documents counted written whose file was not kept */
  guint64     item;            /* the input item it belongs to */
  gboolean    failed;          /* a write failed: nothing more is written */
  int         refusal;         /* why the item's documents are refused (Refusal) */
  char       *refused_dest;    /* ... and the output they were refused */
  GArray     *input_dirs;      /* FileId: input directories below dir, or NULL */
  GHashTable *dests;           /* output files written so far */
};

CliOutputDir *
cli_output_dir_new (const char *dir, NlpWriter *writer, const char *ext,
                    const char *stream_ext)
{
  CliOutputDir *o = g_new0 (CliOutputDir, 1);

  o->dir = g_strdup (dir);
  o->ext = g_strdup (ext ? ext : "");
  o->stream_ext = g_strdup (stream_ext ? stream_ext : o->ext);
  o->writer = writer;
  o->page = nlp_writer_page_new (writer);
  o->item = G_MAXUINT64;
  o->dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return o;
}

char *
cli_output_dir_dest (const CliOutputDir *o, const char *name, gboolean is_stream)
{
  const char *ext = is_stream ? o->stream_ext : o->ext;
  const char *slash = strrchr (name, G_DIR_SEPARATOR);
  const char *base = slash ? slash + 1 : name;
  const char *dot = strrchr (base, '.');
  gsize stem = dot && dot > base ? (gsize) (dot - name) : strlen (name);
  char *file = g_strdup_printf ("%.*s%s", (int) stem, name, ext);
  char *path = g_build_filename (o->dir, file, NULL);

  g_free (file);
  return path;
}

static gboolean
fail_write (CliOutputDir *o, const char *path, GError **error)
{
  o->failed = TRUE;
  g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "cannot write %s: %s", path,
               g_strerror (errno));
  return FALSE;
}

static gboolean
write_all (CliOutputDir *o, const char *data, gsize len, GError **error)
{
  if (len > 0 && fwrite (data, 1, len, o->out->stream) != len)
    return fail_write (o, o->out_path, error);
  return TRUE;
}

/* Writes what the page puts before @output (@output NULL: what ends the
 * page). */
static gboolean
write_edge (CliOutputDir *o, const char *output, gsize len, GError **error)
{
  GString *edge = g_string_new (NULL);
  gboolean ok;

  if (output != NULL)
    nlp_writer_page_add (o->page, output, len, edge);
  else
    nlp_writer_page_end (o->page, edge);
  ok = write_all (o, edge->str, edge->len, error);
  g_string_free (edge, TRUE);
  return ok;
}

/* Drops the current file; @kept: it reached its name. */
static void
forget_current (CliOutputDir *o, gboolean kept)
{
  if (!kept)
    o->lost += o->out_docs;
  o->out = NULL;
  o->out_docs = 0;
  g_clear_pointer (&o->out_path, g_free);
}

gboolean
cli_output_dir_close (CliOutputDir *o, GError **error)
{
  gboolean ok;

  if (o->out == NULL)
    return !o->failed;
  ok = write_edge (o, NULL, 0, error);
  if (!ok)
    cli_atomic_abort (o->out);
  else if (!cli_atomic_commit (o->out))
    ok = fail_write (o, o->out_path, error);
  forget_current (o, ok);
  return ok;
}

guint64
cli_output_dir_get_lost (const CliOutputDir *o)
{
  return o->lost + (o->out != NULL ? o->out_docs : 0);
}

void
cli_output_dir_free (CliOutputDir *o)
{
  if (o == NULL)
    return;
  if (o->out != NULL)
    cli_atomic_abort (o->out);
  forget_current (o, FALSE);
  nlp_writer_page_free (o->page);
  g_hash_table_unref (o->dests);
  g_free (o->refused_dest);
  if (o->input_dirs)
    g_array_unref (o->input_dirs);
  g_free (o->dir);
  g_free (o->ext);
  g_free (o->stream_ext);
  g_free (o);
}

/* Why an item's documents are refused (the same for each of them). */
typedef enum {
  REFUSE_NONE,
  REFUSE_SAME_NAME,            /* another item's output has the name */
  REFUSE_DIR_THERE,            /* a directory has the name */
  REFUSE_FILE_THERE,           /* a file has the name of its folder */
  REFUSE_IN_INPUT,             /* it would land inside an input directory */
} Refusal;

static NlpOutputStatus
refuse (const CliOutputDir *o, const NlpRunResult *r, GError **error)
{
  const char *dest = o->refused_dest;

  switch ((Refusal) o->refusal)
    {
    case REFUSE_SAME_NAME:
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "document '%s': %s is already written "
                   "from another input with the same name; rename one of them", r->id, dest);
      break;
    case REFUSE_DIR_THERE:
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "document '%s': cannot write %s: a "
                   "directory of that name is there (another input's output?); rename one "
                   "of them", r->id, dest);
      break;
    case REFUSE_FILE_THERE:
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "document '%s': cannot write %s: a file "
                   "stands where its directory would be (another input's output?); rename "
                   "one of them", r->id, dest);
      break;
    case REFUSE_IN_INPUT:
    default:
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "document '%s': its output %s would be "
                   "inside an input directory (and could replace an input); choose an "
                   "output directory outside the inputs", r->id, dest);
      break;
    }
  return NLP_OUTPUT_REJECTED;
}

typedef struct {
  dev_t dev;
  ino_t ino;
} FileId;

void
cli_output_dir_watch_inputs (CliOutputDir *o, const char *const *inputs)
{
  struct stat out, st;

  if (inputs == NULL || stat (o->dir, &out) != 0)
    return;
  for (guint i = 0; inputs[i]; i++)
    {
      char *real = realpath (inputs[i], NULL);
      char *path = g_strdup (real);
      FileId id;

      free (real);
      if (path == NULL || stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
        {
          g_free (path);
          continue;
        }
      id = (FileId) { st.st_dev, st.st_ino };
      /* an input directory below the output directory */
      while (strcmp (path, "/") != 0)
        {
          char *up = g_path_get_dirname (path);
          g_free (path);
          path = up;
          if (stat (path, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
            {
              if (o->input_dirs == NULL)
                o->input_dirs = g_array_new (FALSE, FALSE, sizeof (FileId));
              g_array_append_val (o->input_dirs, id);
              break;
            }
        }
      g_free (path);
    }
}

/* Whether a folder of @dest below the output directory is an input
 * directory (cli_output_dir_watch_inputs). */
static gboolean
inside_input (const CliOutputDir *o, const char *dest)
{
  gsize root = strlen (o->dir);
  char *path = g_path_get_dirname (dest);
  gboolean inside = FALSE;

  while (!inside && strlen (path) > root)
    {
      struct stat st;
      char *up;

      for (guint i = 0; stat (path, &st) == 0 && i < o->input_dirs->len; i++)
        {
          const FileId *id = &g_array_index (o->input_dirs, FileId, i);
          inside = inside || (id->dev == st.st_dev && id->ino == st.st_ino);
        }
      up = g_path_get_dirname (path);
      g_free (path);
      path = up;
    }
  g_free (path);
  return inside;
}

/* Makes @r's output file current, opening it under a temporary name. */
static NlpOutputStatus
open_dest (CliOutputDir *o, const NlpRunResult *r, GError **error)
{
  char *dest, *dir;

  if (r->item_number == o->item)
    return o->out != NULL ? NLP_OUTPUT_WRITTEN : refuse (o, r, error);
  if (!cli_output_dir_close (o, error))
    return NLP_OUTPUT_FATAL;
  o->item = r->item_number;
  g_clear_pointer (&o->refused_dest, g_free);
  dest = cli_output_dir_dest (o, r->item, r->item_is_stream);
  o->refusal = !g_hash_table_add (o->dests, g_strdup (dest)) ? REFUSE_SAME_NAME
               : g_file_test (dest, G_FILE_TEST_IS_DIR) ? REFUSE_DIR_THERE
               : o->input_dirs != NULL && inside_input (o, dest) ? REFUSE_IN_INPUT
               : REFUSE_NONE;
  dir = g_path_get_dirname (dest);
  if (o->refusal == REFUSE_NONE && g_mkdir_with_parents (dir, 0777) != 0
      && (errno == ENOTDIR || errno == EEXIST))
    o->refusal = REFUSE_FILE_THERE;
  g_free (dir);
  if (o->refusal != REFUSE_NONE)
    {
      o->refused_dest = dest;
      return refuse (o, r, error);
    }
  if ((o->out = cli_atomic_open (dest)) == NULL)
    {
      fail_write (o, dest, error);
      g_free (dest);
      return NLP_OUTPUT_FATAL;
    }
  o->out_path = dest;
  return NLP_OUTPUT_WRITTEN;
}

NlpOutputStatus
cli_output_dir_write (const NlpRunResult *result, gpointer user_data, GError **error)
{
  CliOutputDir *o = user_data;
  NlpOutputStatus status;

  if (o->failed)
    return NLP_OUTPUT_FATAL;
  status = open_dest (o, result, error);
  if (status != NLP_OUTPUT_WRITTEN)
    return status;
  if (!write_edge (o, result->output, result->output_len, error)
      || !write_all (o, result->output, result->output_len, error))
    return NLP_OUTPUT_FATAL;
  o->out_docs++;
  return NLP_OUTPUT_WRITTEN;
}
