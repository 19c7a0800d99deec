/* cli-overlap.c — see cli-overlap.h. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli-overlap.h"

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The input @name: standard input for "-" (fstat), else the file. */
static gboolean
stat_input (const char *name, struct stat *st)
{
  return strcmp (name, "-") == 0 ? fstat (STDIN_FILENO, st) == 0 : stat (name, st) == 0;
}

static gboolean
refuse (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError **error, const char *format, ...)
{
  va_list ap;
  char *message;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, NLP_ERROR, NLP_ERROR_USAGE, message);
  g_free (message);
  return FALSE;
}

static const char *
input_name (const char *name)
{
  return strcmp (name, "-") == 0 ? "standard input" : name;
}

/* -o DIR: @input is not the directory, and no input file's output in it
 * is the input itself ("-f text -o . a.txt"). */
static gboolean
check_dir (const char *output, const CliOutputDir *out_dir, const struct stat *dir,
           const char *input, const struct stat *in, GError **error)
{
  const char *slash = strrchr (input, G_DIR_SEPARATOR);
  const char *item = slash && slash[1] ? slash + 1 : input;

  if (same_file (dir, in))
    return refuse (error, "-o %s is also the input directory %s: the outputs would be "
                   "written among the inputs and could replace them; choose another "
                   "directory", output, input);
  if (!S_ISREG (in->st_mode))
    return TRUE;
  for (int stream = 0; stream < 2; stream++)
    {
      char *dest = cli_output_dir_dest (out_dir, item, stream);
      struct stat st;
      gboolean clash = stat (dest, &st) == 0 && same_file (&st, in);

      if (clash)
        {
          refuse (error, "-o %s: the output %s would replace the input %s; choose "
                  "another directory", output, dest, input);
          g_free (dest);
          return FALSE;
        }
      g_free (dest);
    }
  return TRUE;
}

gboolean
cli_overlap_check (const char *output, const CliOutputDir *out_dir,
                   const char *const *inputs, GError **error)
{
  static const char *const stdin_only[] = { "-", NULL };
  gboolean to_stdout = output == NULL || strcmp (output, "-") == 0;
  struct stat out, in;

  if (inputs == NULL || inputs[0] == NULL)
    inputs = stdin_only;
  if (to_stdout)
    {
      /* nlpipe a.txt >> a.txt: the shell opened the input as the output */
      if (fstat (STDOUT_FILENO, &out) != 0 || !S_ISREG (out.st_mode))
        return TRUE;
      for (guint i = 0; inputs[i]; i++)
        if (strcmp (inputs[i], "-") != 0 && stat (inputs[i], &in) == 0
            && same_file (&out, &in))
          return refuse (error, "the input %s is also the standard output; write the "
                         "output elsewhere (-o FILE)", inputs[i]);
      return TRUE;
    }
  if (stat (output, &out) != 0)
    return TRUE;               /* a new file or folder: no input yet */
  for (guint i = 0; inputs[i]; i++)
    {
      if (!stat_input (inputs[i], &in))
        continue;              /* the reader reports it */
      if (out_dir != NULL)
        {
          if (!check_dir (output, out_dir, &out, inputs[i], &in, error))
            return FALSE;
        }
      else if (same_file (&out, &in))
        return refuse (error, "-o %s is also the input %s: it would be replaced by the "
                       "output; write the output elsewhere", output, input_name (inputs[i]));
    }
  return TRUE;
}
