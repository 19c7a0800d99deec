/* nlp-reader.c — files, directories, stdin and JSON Lines to documents. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "nlp-document-json.h"
#include "nlp-reader.h"
#include "nlp-reader-private.h"
#include "nlp-jsonl-private.h"
#include "nlp-utf8-private.h"
#include "nlp-line-reader-private.h"
#include "nlp-document-private.h"
#include "nlp-error.h"

/* An input still to read.  @rel is where the name that -o DIR mirrors
 * starts in @path: the basename of a named file, the path below the named
 * directory for a file found in one. */
typedef struct {
  char    *path;
  gsize    rel;
  gboolean named;              /* given by the user, not found in a directory */
  GBytes  *bytes;              /* in-memory input named @path, or NULL */
} Pending;

struct _NlpReader {
  gint        ref;
  NlpReaderOptions options;
  GPtrArray  *pending;         /* Pending *, used as a stack (last = next) */
  char       *item_name;       /* relative name of the current input item */
  guint64     item;            /* its number, from 1 */
  gboolean    item_is_stream;  /* it holds many documents (JSON Lines) */
  guint64     input_pos;       /* input bytes consumed (files, lines) */
  GHashTable *visited_dirs;    /* "dev:ino" of directories walked */
  GHashTable *skipped;         /* "dev:ino" never read in a walk, or NULL */
  GPatternSpec *glob;
  gboolean    used_stdin;
  /* the JSON Lines stream being read */
  FILE       *jsonl;
  GBytes     *jsonl_bytes;     /* what jsonl reads from when in memory */
  char       *jsonl_path;
  guint64     jsonl_line;
  NlpLineReader lines;         /* reads jsonl with bounded memory */
  char       *line;            /* the line being split (in lines' buffer) */
  gsize       line_rest;       /* unread part of line (after a lone CR) */
  gsize       line_rest_len;
  gboolean    blank_fails;     /* a blank line is a failure, not skipped */
  char       *location;        /* of the last record, for _get_location */
  JsonParser *parser;
  guint64     bytes_read;
  guint64     total_bytes;
  gboolean    total_known;
};

static void
pending_free (gpointer data)
{
  Pending *p = data;
  g_free (p->path);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_free (p);
}

/* Takes @path. */
static void
push_pending (NlpReader *reader, char *path, gsize rel, gboolean named)
{
  Pending *p = g_new0 (Pending, 1);
  p->path = path;
  p->rel = rel;
  p->named = named;
  g_ptr_array_add (reader->pending, p);
}

/* Where the basename of @path starts ("dir/a.txt" -> 4). */
static gsize
basename_offset (const char *path)
{
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  return slash && slash[1] ? (gsize) (slash + 1 - path) : 0;
}

NlpReader *
nlp_reader_new (const char *const *inputs, const NlpReaderOptions *options)
{
  NlpReader *reader = g_new0 (NlpReader, 1);
  guint n = inputs ? g_strv_length ((char **) inputs) : 0;

  reader->ref = 1;
  if (options)
    reader->options = *options;
  reader->pending = g_ptr_array_new_with_free_func (pending_free);
  if (n == 0)
    push_pending (reader, g_strdup ("-"), 0, TRUE);
  for (guint i = n; i > 0; i--)
    push_pending (reader, g_strdup (inputs[i - 1]), basename_offset (inputs[i - 1]),
                  TRUE);
  reader->visited_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (reader->options.glob)
    reader->glob = g_pattern_spec_new (reader->options.glob);
  reader->parser = json_parser_new_immutable ();
  return reader;
}

NlpReader *
nlp_reader_new_for_bytes (GBytes *data, const char *name, const NlpReaderOptions *options)
{
  const char *none[] = { NULL };
  NlpReader *reader = nlp_reader_new (none, options);

  /* the stdin item nlp_reader_new made for an empty list becomes @data */
  Pending *p = g_ptr_array_index (reader->pending, 0);
  g_free (p->path);
  p->path = g_strdup (name);
  p->bytes = g_bytes_ref (data);
  return reader;
}

static void
close_jsonl (NlpReader *reader)
{
  if (reader->jsonl && reader->jsonl != stdin)
    fclose (reader->jsonl);
  reader->jsonl = NULL;
  reader->lines.stream = NULL;
  g_clear_pointer (&reader->jsonl_bytes, g_bytes_unref);
  g_clear_pointer (&reader->jsonl_path, g_free);
  reader->line_rest_len = 0;
}

NlpReader *
nlp_reader_ref (NlpReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_atomic_int_inc (&reader->ref);
  return reader;
}

void
nlp_reader_free (NlpReader *reader)
{
  nlp_reader_unref (reader);
}

void
nlp_reader_unref (NlpReader *reader)
{
  if (reader == NULL || !g_atomic_int_dec_and_test (&reader->ref))
    return;
  close_jsonl (reader);
  g_ptr_array_unref (reader->pending);
  g_free (reader->item_name);
  g_hash_table_unref (reader->visited_dirs);
  g_clear_pointer (&reader->skipped, g_hash_table_unref);
  if (reader->glob)
    g_pattern_spec_free (reader->glob);
  g_object_unref (reader->parser);
  nlp__line_reader_clear (&reader->lines);
  g_free (reader->location);
  g_free (reader);
}

guint64
nlp_reader_get_bytes_read (const NlpReader *reader)
{
  return reader->bytes_read;
}

guint64
nlp_reader_get_input_position (const NlpReader *reader)
{
  return reader->input_pos;
}

const char *
nlp_reader_get_item_name (const NlpReader *reader, guint64 *item, gboolean *is_stream)
{
  if (item)
    *item = reader->item;
  if (is_stream)
    *is_stream = reader->item_is_stream;
  return reader->item_name;
}

/* Makes the input item @path (mirrored name from byte @rel) current. */
static void
begin_item (NlpReader *reader, const char *path, gsize rel, gboolean is_stream)
{
  g_free (reader->item_name);
  reader->item_name = g_strdup (strcmp (path, "-") == 0 ? "stdin" : path + rel);
  reader->item++;
  reader->item_is_stream = is_stream;
}

/* Whether a directory entry @name is read: hidden files and editor
 * droppings never are; --glob filters file names, not directory names. */
static gboolean
wanted (const NlpReader *reader, const char *name, gboolean is_dir)
{
  return name[0] != '.'
         && (is_dir || reader->glob == NULL
             || g_pattern_spec_match_string (reader->glob, name));
}

/* (transfer full) the "dev:ino" key of @st. */
static char *
file_key (const struct stat *st)
{
  return g_strdup_printf ("%lu:%lu", (gulong) st->st_dev, (gulong) st->st_ino);
}

void
nlp_reader_skip (NlpReader *reader, const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return;
  if (reader->skipped == NULL)
    reader->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (reader->skipped, file_key (&st));
}

/* Whether the walk passes over @path (nlp_reader_skip). */
static gboolean
is_skipped (const NlpReader *reader, const char *path)
{
  struct stat st;
  char *key;
  gboolean skip;

  if (reader->skipped == NULL || stat (path, &st) != 0)
    return FALSE;
  key = file_key (&st);
  skip = g_hash_table_contains (reader->skipped, key);
  g_free (key);
  return skip;
}

/* Bytes of the files the reader will read below @path (the same walk as
 * push_directory's), or -1 when unknown (stdin, a pipe). */
static gint64
tree_bytes (const NlpReader *reader, const char *path, GHashTable *seen)
{
  struct stat st;
  GDir *dir;
  const char *name;
  gint64 total = 0;
  char *key;

  if (strcmp (path, "-") == 0 || stat (path, &st) != 0)
    return -1;
  if (S_ISREG (st.st_mode))
    return st.st_size;
  if (!S_ISDIR (st.st_mode))
    return -1;
  key = file_key (&st);
  if (!g_hash_table_add (seen, key) || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;
  while (total >= 0 && (name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);
      if (wanted (reader, name, g_file_test (child, G_FILE_TEST_IS_DIR))
          && !is_skipped (reader, child))
        {
          gint64 n = tree_bytes (reader, child, seen);
          total = n < 0 ? -1 : total + n;
        }
      g_free (child);
    }
  g_dir_close (dir);
  return total;
}

guint64
nlp_reader_get_total_bytes (NlpReader *reader)
{
  if (!reader->total_known)
    {
      GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gint64 total = 0;

      /* files and directory trees; unknown (0) as soon as stdin is one */
      reader->total_known = TRUE;
      for (guint i = 0; i < reader->pending->len && total >= 0; i++)
        {
          const Pending *pending = g_ptr_array_index (reader->pending, i);
          gint64 n = tree_bytes (reader, pending->path, seen);
          total = n < 0 ? -1 : total + n;
        }
      g_hash_table_unref (seen);
      reader->total_bytes = total > 0 ? (guint64) total : 0;
    }
  return reader->total_bytes;
}

static gboolean
is_jsonl_name (const char *path)
{
  return g_str_has_suffix (path, ".jsonl") || g_str_has_suffix (path, ".ndjson");
}

/* Makes @text (len bytes, owned) valid UTF-8 according to the policy.
 * Returns the (possibly new) buffer, or NULL with @error set. */
static char *
fix_encoding (NlpReader *reader, char *text, gsize *len, const char *where,
              char **warning, GError **error)
{
  const char *bad;
  GString *out;
  guint replaced = 0;
  const char *p, *end;

  if (nlp__utf8_validate_len (text, *len, &bad))
    return text;
  if (reader->options.encoding == NLP_ENCODING_REJECT)
    {
      guint line = 1;
      for (const char *q = text; q < bad; q++)
        line += *q == '\n';
      g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING,
                   "%s: %s at line %u (byte offset %" G_GSIZE_FORMAT "); convert it to "
                   "UTF-8 or use --invalid-utf8=replace", where,
                   *bad == '\0' ? "NUL byte (binary data?)" : "invalid UTF-8",
                   line, (gsize) (bad - text));
      g_free (text);
      return NULL;
    }
  /* replace each invalid sequence (and NUL) with U+FFFD */
  out = g_string_sized_new (*len + 16);
  p = text;
  end = text + *len;
  while (p < end)
    {
      const char *stop;
      if (g_utf8_validate_len (p, (gsize) (end - p), &stop))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, stop - p);
      g_string_append (out, "\xEF\xBF\xBD");
      replaced++;
      p = stop + 1;
      /* skip continuation bytes of the broken sequence */
      while (p < end && ((guchar) *p & 0xC0) == 0x80)
        p++;
    }
  if (warning)
    *warning = g_strdup_printf ("%s: replaced %u invalid UTF-8 sequence%s with U+FFFD",
                                where, replaced, replaced == 1 ? "" : "s");
  g_free (text);
  *len = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
too_large (NlpReader *reader, gsize len, const char *where, GError **error)
{
  if (reader->options.max_doc_bytes == 0 || len <= reader->options.max_doc_bytes)
    return FALSE;
  g_set_error (error, NLP_ERROR, NLP_ERROR_TOO_LARGE,
               "%s: document is %" G_GSIZE_FORMAT " bytes, over the "
               "--max-doc-bytes limit of %" G_GSIZE_FORMAT "; raise the limit "
               "or split the document", where, len, reader->options.max_doc_bytes);
  return TRUE;
}

/* A regular file over --max-doc-bytes fails before it is read. */
static gboolean
file_too_large (NlpReader *reader, const char *path, GError **error)
{
  struct stat st;

  return stat (path, &st) == 0 && S_ISREG (st.st_mode)
         && too_large (reader, (gsize) st.st_size, path, error);
}

static NlpDocument *
make_document (NlpReader *reader, const char *id, char *text, gsize len,
               const char *where, char **warning, GError **error)
{
  if (too_large (reader, len, where, error))
    {
      g_free (text);
      return NULL;
    }
  /* a UTF-8 byte-order mark is an encoding marker, not text */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (text, text + 3, len - 3);
      len -= 3;
    }
  text = fix_encoding (reader, text, &len, where, warning, error);
  if (text == NULL)
    return NULL;
  text = g_realloc (text, len + 1);
  reader->bytes_read += len;
  /* fix_encoding has validated it (or made it valid) */
  return nlp__document_new_valid (id, text, len);
}

/* Reads all of @f (@what names it) into *text (NUL-terminated, *len
 * bytes), starting with room for @hint bytes (its size, when known).
 * Never holds more than --max-doc-bytes: past the limit the rest is read
 * and counted, not kept, and the document fails as too large.  A buffer
 * that cannot be allocated fails the document, not the run.  FALSE with
 * @error set. */
static gboolean
read_all (NlpReader *reader, FILE *f, const char *what, gsize hint, char **text,
          gsize *len, GError **error)
{
  const gsize limit = reader->options.max_doc_bytes;
  gsize cap = MAX (hint, 65535) + 1, n = 0, total = 0, want;
  char *buf;
  size_t got;

  if (limit > 0 && cap > limit + 1)
    cap = limit + 1;
  if ((buf = g_try_malloc (want = cap)) == NULL)
    goto no_memory;
  for (;;)
    {
      if (n + 1 == cap)
        {
          /* full: one byte more says whether to grow (a file read whole
           * into a buffer of its size is never copied) */
          char c, *p;
          gsize grown = cap * 2;
          if (fread (&c, 1, 1, f) == 0)
            break;
          total = n + 1;
          if (limit > 0 && n >= limit)
            {
              /* over the limit: count the rest, keep nothing */
              while ((got = fread (buf, 1, cap - 1, f)) > 0)
                total += got;
              break;
            }
          if (limit > 0 && grown > limit + 1)
            grown = limit + 1;
          if ((want = grown) <= cap || (p = g_try_realloc (buf, grown)) == NULL)
            goto no_memory;
          buf = p;
          cap = grown;
          buf[n++] = c;
          continue;
        }
      if ((got = fread (buf + n, 1, cap - 1 - n, f)) == 0)
        break;
      n += got;
      total = n;
    }
  if (ferror (f))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "%s: read error: %s", what,
                   g_strerror (errno));
      g_free (buf);
      return FALSE;
    }
  if (too_large (reader, total, what, error))
    {
      g_free (buf);
      return FALSE;
    }
  buf[n] = '\0';
  *text = buf;
  *len = n;
  return TRUE;

no_memory:
  g_free (buf);
  g_set_error (error, NLP_ERROR, NLP_ERROR_TOO_LARGE,
               "%s: out of memory: no room for the document (%" G_GSIZE_FORMAT " bytes); "
               "free memory, or set --max-doc-bytes to fail such documents unread",
               what, want);
  return FALSE;
}

/* Why @path (a text document) cannot be opened, in one line. */
static void
open_error (const char *path, int err, GError **error)
{
  if (err == ENOENT)
    g_set_error (error, NLP_ERROR, NLP_ERROR_IO,
                 "%s: no such file or directory; check the path", path);
  else
    g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "%s: cannot open: %s", path,
                 g_strerror (err));
}

/* A text document from file @path. */
static gboolean
read_file (NlpReader *reader, const char *path, char **text, gsize *len, GError **error)
{
  struct stat st;
  FILE *f = fopen (path, "rb");
  gboolean ok;

  if (f == NULL)
    {
      open_error (path, errno, error);
      return FALSE;
    }
  ok = read_all (reader, f, path,
                 fstat (fileno (f), &st) == 0 && S_ISREG (st.st_mode) ? (gsize) st.st_size : 0,
                 text, len, error);
  fclose (f);
  return ok;
}

/* json-glib decodes a lone surrogate escape ("\ud800") to bytes that are
 * not UTF-8; the text goes through fix_encoding, the other members are
 * checked here before they reach a writer. */
static gboolean json_is_utf8 (JsonNode *node);

/* The members of @obj but @skip. */
static gboolean
members_are_utf8 (JsonObject *obj, JsonNode *skip)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &name, &member))
    if (member != skip && (!g_utf8_validate (name, -1, NULL) || !json_is_utf8 (member)))
      return FALSE;
  return TRUE;
}

static gboolean
json_is_utf8 (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return members_are_utf8 (json_node_get_object (node), NULL);
    case JSON_NODE_ARRAY:
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (!json_is_utf8 (json_array_get_element (json_node_get_array (node), i)))
          return FALSE;
      return TRUE;
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING
             || g_utf8_validate (json_node_get_string (node), -1, NULL);
    default:
      return TRUE;
    }
}

/* A "\u0000" escape decodes to a NUL byte, where json-glib's C strings
 * end: the rest of the text would vanish without a word.  Such escapes
 * follow the encoding policy of a raw NUL byte instead.  Returns how many
 * there are in @line; with @fix, rewrites each to "\ufffd" in place. */
static guint
nul_escapes (char *line, gsize len, gboolean fix)
{
  guint n = 0;
  char *p = line, *end = line + len;

  /* from backslash to backslash (memchr, not a byte loop: every line
   * of the input goes through here) */
  while ((p = memchr (p, '\\', (gsize) (end - p))) != NULL)
    {
      if (end - p >= 6 && memcmp (p + 1, "u0000", 5) == 0)
        {
          n++;
          if (fix)
            memcpy (p + 1, "ufffd", 5);
          p += 6;
        }
      else
        p += 2;         /* an escaped character, "\\" included */
      if (p >= end)
        break;
    }
  return n;
}

/* What a JSON value that cannot be an id is, for the message. */
static const char *
id_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY:  return "an array";
    case JSON_NODE_NULL:   return "null";
    default:
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (node) ? "true" : "false";
      return "a number with a fraction or an exponent";
    }
}

/* The "id" member @node of the record on @line: a string, or an integer
 * kept as written (any number of digits: json-glib's int64 would wrap
 * one past 64 bits); anything else fails the record, naming @where. */
static gboolean
record_id (const char *line, gsize len, JsonNode *node, const char *where, char **id,
           GError **error)
{
  gsize start, n;

  if (JSON_NODE_TYPE (node) == JSON_NODE_VALUE)
    {
      GType type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        {
          *id = g_strdup (json_node_get_string (node));
          return TRUE;
        }
      if ((type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
          && nlp__jsonl_member_text (line, len, "id", &start, &n)
          && nlp__jsonl_is_integer (line + start, n))
        {
          *id = g_strndup (line + start, n);
          return TRUE;
        }
    }
  g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
               "%s: \"id\" is %s; an id must be a string or an integer, such as "
               "\"a1\" or 17 (or leave it out: the id is then FILE:LINE)", where,
               id_kind (node));
  return FALSE;
}

/* A record through json-glib: any object with a string "text" member;
 * *id (or NULL), *text and *extra (the other members, or NULL) are
 * (transfer full).  FALSE with @error naming @where and the problem. */
static gboolean
general_record (NlpReader *reader, const char *line, gsize len, const char *where,
                char **id, char **text, gsize *text_len, JsonNode **extra,
                GError **error)
{
  GError *local = NULL;
  JsonNode *root, *text_node, *id_node;
  JsonObject *obj, *others;
  GList *members;
  gsize first_end, second = 0;
  gboolean too_deep;
  guint values = nlp__jsonl_values (line, len, NLP_JSONL_MAX_DEPTH, &first_end, &second,
                                    &too_deep);

  if (too_deep)
    {
      /* json-glib recurses once a level: refused before it can overflow */
      g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                   "%s: JSON nested deeper than %d levels; nlpipe reads records nested "
                   "up to %d deep: flatten the record", where, NLP_JSONL_MAX_DEPTH,
                   NLP_JSONL_MAX_DEPTH);
      return FALSE;
    }
  /* the first value alone, so that json-glib cannot quietly drop a second */
  if (values > 1)
    len = first_end;
  if (!json_parser_load_from_data (reader->parser, line, (gssize) len, &local))
    {
      /* json-glib quotes the offending token decoded: a \n escape in it
       * must not break the one-line message ... */
      for (char *c = local->message; *c; c++)
        if ((guchar) *c < 0x20)
          *c = ' ';
      /* ... and may quote one byte of a multi-byte character */
      char *shown = g_utf8_make_valid (local->message, -1);
      g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                   "%s: not valid JSON (%s); each line must be one object like "
                   "{\"id\": \"a1\", \"text\": \"...\"}", where, shown);
      g_free (shown);
      g_error_free (local);
      return FALSE;
    }
  if (values > 1)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                   "%s: more than one JSON value on the line (the second begins at "
                   "column %" G_GSIZE_FORMAT "); put each record on a line of its own",
                   where, second + 1);
      return FALSE;
    }
  root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                   "%s: a JSON Lines record must be an object like "
                   "{\"id\": \"a1\", \"text\": \"...\"}", where);
      return FALSE;
    }
  obj = json_node_get_object (root);
  text_node = json_object_get_member (obj, "text");
  if (text_node == NULL || JSON_NODE_TYPE (text_node) != JSON_NODE_VALUE
      || json_node_get_value_type (text_node) != G_TYPE_STRING)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                   "%s: %s; each record needs a string \"text\" member", where,
                   text_node == NULL ? "no \"text\" member" : "\"text\" is not a string");
      return FALSE;
    }
  if (!members_are_utf8 (obj, text_node))       /* the text is fixed later */
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING,
                   "%s: a \\u escape decodes to invalid UTF-8 (a lone surrogate "
                   "such as \\ud800?); write the character itself", where);
      return FALSE;
    }
  id_node = json_object_get_member (obj, "id");
  if (id_node != NULL && !record_id (line, len, id_node, where, id, error))
    return FALSE;
  *text = g_strdup (json_node_get_string (text_node));
  *text_len = strlen (*text);
  others = json_object_new ();
  members = json_object_get_members (obj);
  for (GList *m = members; m; m = m->next)
    if (strcmp (m->data, "id") != 0 && strcmp (m->data, "text") != 0)
      json_object_set_member (others, m->data,
                              json_node_copy (json_object_get_member (obj, m->data)));
  g_list_free (members);
  if (json_object_get_size (others) > 0)
    {
      *extra = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (*extra, others);
    }
  else
    json_object_unref (others);
  return TRUE;
}

/* One JSON Lines record to a document. */
static NlpDocument *
parse_record (NlpReader *reader, char *line, gsize len, char **warning, GError **error)
{
  char *where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, reader->jsonl_path,
                                 reader->jsonl_line);
  char *id = NULL, *text = NULL;
  gsize text_len = 0;
  JsonNode *extra = NULL;
  NlpDocument *doc = NULL;
  char *owned = NULL;
  guint nuls;

  if (!nlp__utf8_validate_len (line, len, NULL))
    {
      owned = fix_encoding (reader, g_strndup (line, len), &len, where, warning, error);
      if (owned == NULL)
        goto out;
      line = owned;
    }
  if ((nuls = nul_escapes (line, len, FALSE)) > 0)
    {
      if (reader->options.encoding == NLP_ENCODING_REJECT)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_ENCODING,
                       "%s: a \\u0000 escape (a NUL byte: binary data?) would cut the "
                       "text short; remove it or use --invalid-utf8=replace", where);
          goto out;
        }
      if (owned == NULL)
        line = owned = g_strndup (line, len);
      nul_escapes (line, len, TRUE);
      if (warning != NULL && *warning == NULL)
        *warning = g_strdup_printf ("%s: replaced %u \\u0000 escape%s with U+FFFD",
                                    where, nuls, nuls == 1 ? "" : "s");
    }
  /* a byte-order mark (a file's first line, or files joined) is no value */
  if (len >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
    line += 3, len -= 3;
  /* the common record without a tree, anything else through json-glib */
  if (!nlp__jsonl_simple_record (line, len, &id, &text, &text_len)
      && !general_record (reader, line, len, where, &id, &text, &text_len, &extra, error))
    goto out;
  if (id == NULL)
    id = g_strdup (where);
  doc = make_document (reader, id, text, text_len, where, warning, error);
  if (doc != NULL)
    {
      nlp_document_set_meta (doc, "source", reader->jsonl_path);
      if (extra != NULL)
        nlp_document_set_extra (doc, g_steal_pointer (&extra));
    }
out:
  if (extra != NULL)
    json_node_unref (extra);
  g_free (owned);
  g_free (id);
  g_free (where);
  return doc;
}

/* The most a JSON Lines line may hold under --max-doc-bytes LIMIT: its
 * text may be written with \uXXXX escapes (6 bytes a character), and the
 * id and the extra fields come with it.  0: no bound. */
static gsize
line_keep (const NlpReader *reader)
{
  gsize limit = reader->options.max_doc_bytes;

  if (limit == 0 || limit > (G_MAXSIZE - (1 << 20)) / 6)
    return 0;
  return limit * 6 + (1 << 20);
}

/* The next line of the open JSON Lines stream, ended by LF, CR LF or a
 * lone CR (a raw CR cannot be inside a JSON string, so it always ends a
 * line): *line (in reader->line) and *len, its end included; FALSE at the
 * end of the stream.  A line that is too long or cannot be held is read
 * and dropped: TRUE with *line NULL and @error set. */
static gboolean
next_line (NlpReader *reader, char **line, gsize *len, GError **error)
{
  char *p, *cr;
  gsize used;

  if (reader->line_rest_len == 0)
    {
      NlpLineStatus status;
      gsize n = 0;

      if (reader->lines.stream != reader->jsonl)
        nlp__line_reader_init (&reader->lines, reader->jsonl);
      status = nlp__line_reader_next (&reader->lines, line_keep (reader), &p, &n);
      if (status == NLP_LINE_END || status == NLP_LINE_ERROR)
        return FALSE;
      if (status != NLP_LINE_OK)
        {
          reader->jsonl_line++;
          reader->input_pos += n;
          if (status == NLP_LINE_TOO_LONG)
            g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                         "%s:%" G_GUINT64_FORMAT ": the record is %" G_GSIZE_FORMAT
                         " bytes, over what --max-doc-bytes %" G_GSIZE_FORMAT
                         " allows for a line (6 times the limit, plus 1 MiB); raise the"
                         " limit or split the document", reader->jsonl_path,
                         reader->jsonl_line, n, reader->options.max_doc_bytes);
          else
            g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                         "%s:%" G_GUINT64_FORMAT ": the record is %" G_GSIZE_FORMAT
                         " bytes, more than fits in memory; split the document or"
                         " set --max-doc-bytes", reader->jsonl_path, reader->jsonl_line, n);
          *line = NULL;
          *len = 0;
          return TRUE;
        }
      reader->line = p;
      reader->line_rest = 0;
      reader->line_rest_len = n;
    }
  p = reader->line + reader->line_rest;
  used = reader->line_rest_len;
  cr = memchr (p, '\r', used);
  if (cr != NULL && (gsize) (cr + 1 - p) < used)
    {
      /* CR LF ends the line; a lone CR ends one inside it */
      used = (gsize) (cr + 1 - p);
      if (cr[1] == '\n')
        used++;
    }
  reader->line_rest += used;
  reader->line_rest_len -= used;
  reader->jsonl_line++;
  reader->input_pos += used;
  *line = p;
  *len = used;
  return TRUE;
}

/* Next record of the open JSON Lines stream: FALSE at its end. */
static gboolean
next_record (NlpReader *reader, NlpDocument **doc, char **warning, GError **error)
{
  char *line;
  gsize len;

  while (next_line (reader, &line, &len, error))
    {
      if (line == NULL)
        {
          *doc = NULL;        /* a line too long to hold: @error says so */
          return TRUE;
        }
      while (len > 0 && g_ascii_isspace (line[len - 1]))
        len--;
      if (len == 0 && !reader->blank_fails)
        continue;              /* blank lines separate nothing: skip */
      if (len == 0)
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_INPUT,
                       "%s:%" G_GUINT64_FORMAT ": blank line: no record",
                       reader->jsonl_path, reader->jsonl_line);
          *doc = NULL;
          return TRUE;
        }
      line[len] = '\0';
      *doc = parse_record (reader, line, len, warning, error);
      return TRUE;
    }
  if (ferror (reader->jsonl))
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "%s: read error after line %"
                   G_GUINT64_FORMAT ": %s", reader->jsonl_path, reader->jsonl_line,
                   g_strerror (errno));
      close_jsonl (reader);
      *doc = NULL;
      return TRUE;
    }
  close_jsonl (reader);
  return FALSE;
}

/* @path as ids, "source" metadata and messages name it: as it is when
 * it is UTF-8, else each byte that is not as U+FFFD (file names are bytes;
 * every output is UTF-8).  -o DIR still mirrors the bytes. */
static char *
display_name (const char *path)
{
  return g_utf8_make_valid (path, -1);
}

/* A file met in a directory walk that is not a regular file (a FIFO,
 * socket or device) would block the reader or stream forever: it is
 * skipped.  Named by the user it is read (e.g. <(zcat a.gz)). */
static gboolean
special_file (const Pending *item, GError **error)
{
  struct stat st;

  if (item->named || stat (item->path, &st) != 0 || S_ISREG (st.st_mode))
    return FALSE;              /* opening it says what is wrong, if anything */
  g_set_error (error, NLP_ERROR, NLP_ERROR_IO,
               "%s: not a regular file (a FIFO, socket or device); skipped; "
               "name it on the command line to read it", item->path);
  return TRUE;
}

/* Pushes the entries of directory @dir (sorted) onto the stack. */

/* Directory entries are read in byte order of their paths. */
static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
push_directory (NlpReader *reader, const Pending *dir_item, GError **error)
{
  const char *path = dir_item->path;
  struct stat st;
  char *key;
  GDir *dir;
  GError *local = NULL;
  GPtrArray *entries;
  gsize rel = dir_item->rel;
  const char *name;

  if (stat (path, &st) == 0)
    {
      key = file_key (&st);
      if (g_hash_table_contains (reader->visited_dirs, key))
        {
          g_set_error (error, NLP_ERROR, NLP_ERROR_IO,
                       "%s: directory already read (a symbolic-link loop?); skipped",
                       path);
          g_free (key);
          return FALSE;
        }
      g_hash_table_add (reader->visited_dirs, key);
    }
  dir = g_dir_open (path, 0, &local);
  if (dir == NULL)
    {
      g_set_error (error, NLP_ERROR, NLP_ERROR_IO, "%s: %s", path, local->message);
      g_error_free (local);
      return FALSE;
    }
  entries = g_ptr_array_new ();
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);
      if (wanted (reader, name, g_file_test (child, G_FILE_TEST_IS_DIR))
          && !is_skipped (reader, child))
        g_ptr_array_add (entries, child);
      else
        g_free (child);
    }
  g_dir_close (dir);
  g_ptr_array_sort (entries, compare_names);
  for (guint i = entries->len; i > 0; i--)
    {
      char *child = g_ptr_array_index (entries, i - 1);
      /* below a named directory, names are mirrored from there on */
      if (dir_item->named)
        rel = strlen (child) - strlen (strrchr (child, G_DIR_SEPARATOR) + 1);
      push_pending (reader, child, rel, FALSE);
    }
  g_ptr_array_free (entries, TRUE);
  return TRUE;
}

gboolean
nlp_reader_next (NlpReader *reader, NlpDocument **doc, char **warning, GError **error)
{
  *doc = NULL;
  for (;;)
    {
      Pending *item;
      const char *path;
      char *text = NULL;
      gsize len = 0;
      gboolean jsonl;

      if (reader->jsonl != NULL && next_record (reader, doc, warning, error))
        return TRUE;
      if (reader->pending->len == 0)
        return FALSE;
      item = g_ptr_array_steal_index (reader->pending, reader->pending->len - 1);
      path = item->path;
      jsonl = reader->options.format == NLP_INPUT_JSONL
              || (reader->options.format == NLP_INPUT_AUTO && is_jsonl_name (path));

      if (item->bytes != NULL)
        {
          /* in memory: @path is only a name, never opened */
          gsize size;
          const char *data = g_bytes_get_data (item->bytes, &size);
          begin_item (reader, path, 0, jsonl);
          if (jsonl && size > 0)
            {
              reader->jsonl = fmemopen ((void *) data, size, "r");
              reader->jsonl_bytes = g_steal_pointer (&item->bytes);
              reader->jsonl_path = g_steal_pointer (&item->path);
              reader->jsonl_line = 0;
            }
          else if (!jsonl)
            {
              reader->input_pos += size;
              *doc = make_document (reader, path, g_strndup (data, size), size, path,
                                    warning, error);
              if (*doc)
                nlp_document_set_meta (*doc, "source", path);
            }
          pending_free (item);
          if (jsonl)
            continue;
          return TRUE;
        }
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          gboolean ok = push_directory (reader, item, error);
          pending_free (item);
          if (!ok)
            return TRUE;
          continue;
        }
      begin_item (reader, path, item->rel, jsonl);
      if (special_file (item, error))
        {
          pending_free (item);
          return TRUE;
        }
      if (strcmp (path, "-") == 0)
        {
          if (reader->used_stdin)
            g_set_error (error, NLP_ERROR, NLP_ERROR_USAGE,
                         "standard input ('-') given twice; it is read once");
          else if (jsonl)
            {
              reader->jsonl = stdin;
              reader->jsonl_path = g_strdup ("stdin");
              reader->jsonl_line = 0;
            }
          else if (read_all (reader, stdin, "stdin", 0, &text, &len, error))
            {
              reader->input_pos += len;
              *doc = make_document (reader, "stdin", text, len, "stdin", warning, error);
              if (*doc)
                nlp_document_set_meta (*doc, "source", "stdin");
            }
          reader->used_stdin = TRUE;
          pending_free (item);
          if (reader->jsonl != NULL)
            continue;
          return TRUE;
        }
      if (jsonl)
        {
          reader->jsonl = fopen (path, "r");
          if (reader->jsonl == NULL)
            {
              open_error (path, errno, error);
              pending_free (item);
              return TRUE;
            }
          reader->jsonl_path = display_name (path);
          reader->jsonl_line = 0;
          pending_free (item);
          continue;
        }
      if (file_too_large (reader, path, error))
        ;                      /* not even read: the limit guards memory too */
      else if (read_file (reader, path, &text, &len, error))
        {
          char *name = display_name (path);
          reader->input_pos += len;
          *doc = make_document (reader, name, text, len, name, warning, error);
          if (*doc)
            nlp_document_set_meta (*doc, "source", name);
          g_free (name);
        }
      pending_free (item);
      return TRUE;
    }
}

void
nlp__reader_set_blank_lines_fail (NlpReader *reader, gboolean fail)
{
  reader->blank_fails = fail;
}

const char *
nlp_reader_get_location (NlpReader *reader)
{
  g_free (reader->location);
  if (reader->jsonl_path != NULL && reader->jsonl_line > 0)
    reader->location = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, reader->jsonl_path,
                                        reader->jsonl_line);
  else
    reader->location = g_strdup (reader->item_name);
  return reader->location;
}
