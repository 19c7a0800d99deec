/* fuzz-output-path.c — libFuzzer target: the -o DIR path mapping, from
 * an input item's name (as nlp_reader_get_item_name gives it) to its
 * output file (cli_output_dir_dest in core/cli/cli-output.c, compiled in
 * here with the struct it reads, which is private to that file).  Input: byte 0 bit 0 = a stream item (.jsonl extension);
 * the rest "DIR\nNAME" (no newline: DIR is "out").
 *
 * Checked: the file is DIR, a separator, then NAME with its extension
 * replaced; a NAME with no ".." component and not absolute stays below
 * DIR (no ".." in what follows DIR); the file ends with the extension. */
#include "fuzz-util.h"
#include "cli-output.c"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_make_criticals_fatal ();
  return 0;
}

static gboolean
has_dotdot (const char *path)
{
  char **parts = g_strsplit (path, G_DIR_SEPARATOR_S, -1);
  gboolean found = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    found |= strcmp (parts[i], "..") == 0;
  g_strfreev (parts);
  return found;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  CliOutputDir o = { .ext = (char *) ".json", .stream_ext = (char *) ".jsonl" };
  gboolean is_stream;
  char *input, *name, *nl, *path, *dir;
  const char *tail;

  if (size == 0)
    return 0;
  is_stream = data[0] & 1;
  input = g_strndup ((const char *) data + 1, size - 1);   /* to a NUL, as a C name */
  nl = strchr (input, '\n');
  if (nl != NULL)
    {
      *nl = '\0';
      o.dir = input;
      name = nl + 1;
    }
  else
    {
      o.dir = (char *) "out";
      name = input;
    }
  /* the reader's names: relative, not empty, never ending in a separator */
  if (*name == '\0' || *o.dir == '\0' || g_path_is_absolute (name)
      || g_str_has_suffix (name, G_DIR_SEPARATOR_S))
    {
      g_free (input);
      return 0;
    }
  path = cli_output_dir_dest (&o, name, is_stream);
  dir = g_strdup (o.dir);
  while (strlen (dir) > 1 && g_str_has_suffix (dir, G_DIR_SEPARATOR_S))
    dir[strlen (dir) - 1] = '\0';
  FUZZ_CHECK (g_str_has_prefix (path, dir), "'%s' is not below '%s'", path, o.dir);
  tail = path + strlen (dir);
  FUZZ_CHECK (has_dotdot (o.dir) || has_dotdot (name) || !has_dotdot (tail),
              "'%s' (from '%s') leaves '%s'", path, name, o.dir);
  FUZZ_CHECK (g_str_has_suffix (path, is_stream ? ".jsonl" : ".json"),
              "'%s' lacks the extension", path);
  g_free (dir);
  g_free (path);
  g_free (input);
  return 0;
}
