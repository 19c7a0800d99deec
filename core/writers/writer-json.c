/* writer-json.c — one JSON object per document (JSON Lines for streams).
 *
 * Layout (docs/formats.md is the reference):
 *   {"nlpipe": 1, "id": ..., "offsets": "codepoint"|"byte", "text": ...,
 *    "meta": {...}, "layers": {"token": [{"start":0,"end":3,"norm":...}, ...],
 *    ...}, "attributes": {...}, "extra": {...}, "warnings": [...], "error": {...}}
 * Layers and columns are written generically, so a third-party stage's
 * output appears with no change here.
 */
#include <string.h>
#include "nlp-document-json.h"
#include "nlp-writer-private.h"
#include "json-cells-private.h"
#include "nlp-json-out-private.h"
#include "nlp-cell-memo-private.h"

#define NLP_JSON_FORMAT_VERSION 1

/* Byte offset -> code point offset.  NULL when the text is ASCII (the two
 * are equal); otherwise (transfer full) an array of len + 1 entries. */
static guint32 *
codepoint_map (const char *text, gsize len)
{
  guint32 *map;
  guint32 cp = 0;
  gsize i;

  for (i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      break;
  if (i == len)
    return NULL;
  map = g_new (guint32, len + 1);
  /* a continuation byte maps to its character's index; spans never start
   * or end there */
  for (i = 0; i < len; i++)
    {
      if (((guchar) text[i] & 0xC0) != 0x80 && i > 0)
        cp++;
      map[i] = cp;
    }
  map[len] = len ? cp + 1 : 0;
  return map;
}

static inline guint
convert (const guint32 *map, guint offset)
{
  return map ? map[offset] : offset;
}

/* A column as append_layer writes it: its key (',"name":') made once per
 * layer rather than escaped again on every row. */
typedef struct {
  const NlpColumn *column;
  NlpColumnType    type;
  gsize            key_start;  /* in the keys buffer */
  gsize            key_len;
} ColumnOut;

/* Appends @key and string cell @s (NULL: unset), from @memo when the cell
 * was written before (see nlp-cell-memo-private.h). */
static void
append_string_cell (GString *out, NlpCellMemo *memo, const char *key, gsize key_len,
                    const char *s)
{
  NlpCellMemo *m;
  gsize len;
  char *p;

  if (s == NULL)
    {
      p = nlp__out_reserve (out, key_len + 4);
      p = nlp__put_short (p, key, key_len);
      nlp__out_commit (out, nlp__put_lit (p, "null"));
      return;
    }
  m = nlp__cell_memo_slot (memo, s);
  if (m->s == s)
    {
      nlp__cell_memo_append (out, m, key, key_len);
      return;
    }
  len = strlen (s);
  p = nlp__out_reserve (out, key_len + NLP_JSON_STRING_MAX (len));
  p = nlp__put_short (p, key, key_len);
  m->s = s;
  m->start = p - out->str;
  p = nlp__put_json_string (p, s, len);
  m->len = p - out->str - m->start;
  nlp__out_commit (out, p);
}

static void
append_layer (GString *out, const NlpLayer *layer, const guint32 *map)
{
  guint n;
  const NlpSpan *spans = nlp_layer_peek_spans (layer, &n);
  guint ncols = nlp_layer_get_n_columns (layer);
  ColumnOut *cols = g_newa (ColumnOut, ncols + 1);
  NlpCellMemo memo[NLP_CELL_MEMO_SLOTS] = { { NULL, 0, 0 } };
  GString *keys = g_string_new (NULL);
  char *p;

  for (guint c = 0; c < ncols; c++)
    {
      const NlpColumn *col = nlp_layer_get_column_at (layer, c);
      const char *name = nlp_column_get_name (col);

      cols[c].column = col;
      cols[c].type = nlp_column_get_value_type (col);
      cols[c].key_start = keys->len;
      g_string_append_c (keys, ',');
      nlp__json_append_string (keys, name, strlen (name));
      g_string_append_c (keys, ':');
      cols[c].key_len = keys->len - cols[c].key_start;
    }

  g_string_append_c (out, '[');
  for (guint r = 0; r < n; r++)
    {
      p = nlp__out_reserve (out, 32 + 2 * 10);
      if (r)
        *p++ = ',';
      p = nlp__put_lit (p, "{\"start\":");
      p = nlp__put_u64 (p, convert (map, spans[r].start));
      p = nlp__put_lit (p, ",\"end\":");
      p = nlp__put_u64 (p, convert (map, spans[r].end));
      nlp__out_commit (out, p);
      for (guint c = 0; c < ncols; c++)
        {
          const ColumnOut *col = &cols[c];
          const char *key = keys->str + col->key_start;

          /* unset string cells read as NULL: no separate check */
          if (col->type == NLP_COLUMN_STRING)
            append_string_cell (out, memo, key, col->key_len,
                                nlp_column_get_string (col->column, r));
          else
            {
              g_string_append_len (out, key, col->key_len);
              nlp__json_append_cell (out, col->column, r);
            }
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  g_string_free (keys, TRUE);
}

/* Re-indents compact JSON (as append_compact writes it: no whitespace
 * outside strings) with two spaces per level.  Done on the text rather than
 * through json-glib so numbers keep their shortest form. */
static void
append_pretty (GString *out, const char *json)
{
  int depth = 0;

  for (const char *p = json; *p; p++)
    switch (*p)
      {
      case '"':
        {
          const char *q = p + 1;
          while (*q != '"')
            q += *q == '\\' ? 2 : 1;
          g_string_append_len (out, p, q + 1 - p);
          p = q;
        }
        break;
      case '{':
      case '[':
        if (p[1] == '}' || p[1] == ']')
          {
            g_string_append_len (out, p, 2);
            p++;
            break;
          }
        g_string_append_c (out, *p);
        g_string_append_printf (out, "\n%*s", 2 * ++depth, "");
        break;
      case '}':
      case ']':
        g_string_append_printf (out, "\n%*s%c", 2 * --depth, "", *p);
        break;
      case ',':
        g_string_append_printf (out, ",\n%*s", 2 * depth, "");
        break;
      case ':':
        g_string_append (out, ": ");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static void
append_compact (const NlpWriterOptions *options, NlpDocument *doc, GString *out)
{
  gsize len;
  const char *text = nlp_document_get_text (doc, &len);
  const char *id = nlp_document_get_id (doc);
  const char *err_stage, *err;
  guint32 *map = options->byte_offsets ? NULL : codepoint_map (text, len);
  JsonNode *extra = nlp_document_get_extra (doc);

  g_string_append_printf (out, "{\"nlpipe\":%d,\"id\":", NLP_JSON_FORMAT_VERSION);
  nlp__json_append_string (out, id, strlen (id));
  g_string_append_printf (out, ",\"offsets\":\"%s\",\"text\":",
                          options->byte_offsets ? "byte" : "codepoint");
  nlp__json_append_string (out, text, len);

  g_string_append (out, ",\"meta\":{");
  for (guint i = 0; i < nlp_document_get_n_meta (doc); i++)
    {
      const char *k, *v;
      nlp_document_get_meta_at (doc, i, &k, &v);
      if (i)
        g_string_append_c (out, ',');
      nlp__json_append_string (out, k, strlen (k));
      g_string_append_c (out, ':');
      nlp__json_append_string (out, v, strlen (v));
    }
  g_string_append (out, "},\"layers\":{");
  for (guint i = 0; i < nlp_document_get_n_layers (doc); i++)
    {
      const NlpLayer *layer = nlp_document_get_layer_at (doc, i);
      const char *name = nlp_layer_get_name (layer);
      if (i)
        g_string_append_c (out, ',');
      nlp__json_append_string (out, name, strlen (name));
      g_string_append_c (out, ':');
      append_layer (out, layer, map);
    }
  g_string_append (out, "},\"attributes\":{");
  for (guint i = 0; i < nlp_document_get_n_attrs (doc); i++)
    {
      const char *name = nlp_document_get_attr_name (doc, i);
      if (i)
        g_string_append_c (out, ',');
      nlp__json_append_string (out, name, strlen (name));
      g_string_append_c (out, ':');
      nlp__json_append_attr (out, doc, i);
    }
  g_string_append_c (out, '}');
  if (extra != NULL)
    {
      g_string_append (out, ",\"extra\":");
      nlp__json_append_node (out, extra);
    }
  if (nlp_document_get_n_warnings (doc) > 0)
    {
      g_string_append (out, ",\"warnings\":[");
      for (guint i = 0; i < nlp_document_get_n_warnings (doc); i++)
        {
          const char *stage, *language;
          const char *message = nlp_document_get_warning (doc, i, &stage, &language);

          g_string_append (out, i ? ",{\"stage\":" : "{\"stage\":");
          nlp__json_append_string (out, stage, strlen (stage));
          if (language != NULL)
            {
              g_string_append (out, ",\"language\":");
              nlp__json_append_string (out, language, strlen (language));
            }
          g_string_append (out, ",\"message\":");
          nlp__json_append_string (out, message, strlen (message));
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  err = nlp_document_get_error (doc, &err_stage);
  if (err != NULL)
    {
      g_string_append (out, ",\"error\":{\"stage\":");
      nlp__json_append_string (out, err_stage, strlen (err_stage));
      g_string_append (out, ",\"message\":");
      nlp__json_append_string (out, err, strlen (err));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  g_free (map);
}

static void
json_format (const NlpWriterOptions *options, NlpDocument *doc, GString *out)
{
  if (options->pretty)
    {
      GString *compact = g_string_new (NULL);

      append_compact (options, doc, compact);
      append_pretty (out, compact->str);
      g_string_free (compact, TRUE);
    }
  else
    append_compact (options, doc, out);
  g_string_append_c (out, '\n');
}

char *
nlp_writer_layer_to_json (const NlpDocument *doc, const char *name, gboolean byte_offsets)
{
  const NlpLayer *layer = nlp_document_get_layer (doc, name);
  GString *out;
  gsize len;
  const char *text;
  guint32 *map;

  if (layer == NULL)
    return NULL;
  text = nlp_document_get_text (doc, &len);
  map = byte_offsets ? NULL : codepoint_map (text, len);
  out = g_string_sized_new (256);
  append_layer (out, layer, map);
  g_free (map);
  return g_string_free (out, FALSE);
}

const NlpWriterClass nlp__writer_json = {
  .name = "json",
  .description = "one JSON object per document (JSON Lines for streams)",
  .format = json_format,
};
