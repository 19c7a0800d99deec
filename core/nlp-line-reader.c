/* nlp-line-reader.c — see nlp-line-reader-private.h. */
#include <errno.h>
#include <string.h>
#include "nlp-line-reader-private.h"

#define CHUNK ((gsize) 64 * 1024)

void
nlp__line_reader_init (NlpLineReader *r, FILE *stream)
{
  g_free (r->buf);
  memset (r, 0, sizeof *r);
  r->stream = stream;
}

void
nlp__line_reader_clear (NlpLineReader *r)
{
  g_free (r->buf);
  memset (r, 0, sizeof *r);
}

/* Room for at least CHUNK more bytes and the byte after a line, moving
 * the unread part to the front first; FALSE when the buffer cannot grow. */
static gboolean
make_room (NlpLineReader *r)
{
  if (r->start > 0)
    {
      memmove (r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->start = 0;
    }
  if (r->cap - r->end < CHUNK + 1)
    {
      gsize cap = MAX (r->cap * 2, r->end + CHUNK + 1);
      char *buf = cap > r->cap ? g_try_realloc (r->buf, cap) : NULL;
      if (buf == NULL)
        return FALSE;
      r->buf = buf;
      r->cap = cap;
    }
  return TRUE;
}

/* Reads more bytes after r->end: FALSE at the end of the stream or on an
 * error (r->eof set; ferror tells which). */
static gboolean
fill (NlpLineReader *r)
{
  size_t n = fread (r->buf + r->end, 1, r->cap - r->end - 1, r->stream);

  r->end += n;
  if (n == 0)
    r->eof = TRUE;
  return n > 0;
}

/* The rest of a line that is not kept: read and counted up to its LF.
 * @seen: the bytes of it already in the buffer, which are dropped. */
static NlpLineStatus
skip_line (NlpLineReader *r, gsize seen, NlpLineStatus why, gsize *len)
{
  gsize total = seen;

  r->start = r->end = 0;
  for (;;)
    {
      char *nl;
      if (r->cap < CHUNK + 1 && !make_room (r))
        {
          /* not even a chunk: read byte by byte */
          int c;
          while ((c = getc (r->stream)) != EOF && c != '\n')
            total++;
          if (c == '\n')
            total++;
          else
            r->eof = TRUE;
          *len = total;
          return why;
        }
      if (!fill (r))
        break;
      nl = memchr (r->buf, '\n', r->end);
      if (nl != NULL)
        {
          gsize used = (gsize) (nl + 1 - r->buf);
          total += used;
          r->start = used;
          *len = total;
          return why;
        }
      total += r->end;
      r->end = 0;
    }
  *len = total;
  return ferror (r->stream) ? NLP_LINE_ERROR : why;
}

NlpLineStatus
nlp__line_reader_next (NlpLineReader *r, gsize keep, char **line, gsize *len)
{
  gsize scan = r->start;

  for (;;)
    {
      char *nl = r->end > scan ? memchr (r->buf + scan, '\n', r->end - scan) : NULL;
      gsize have;

      if (nl != NULL)
        {
          gsize n = (gsize) (nl + 1 - (r->buf + r->start));
          if (keep > 0 && n > keep)
            {
              r->start += n;
              *len = n;
              return NLP_LINE_TOO_LONG;
            }
          *line = r->buf + r->start;
          *len = n;
          r->start += n;
          return NLP_LINE_OK;
        }
      have = r->end - r->start;
      if (keep > 0 && have > keep)
        return skip_line (r, have, NLP_LINE_TOO_LONG, len);
      if (r->eof)
        {
          if (ferror (r->stream))
            return NLP_LINE_ERROR;
          if (have == 0)
            return NLP_LINE_END;
          /* a last line without LF */
          *line = r->buf + r->start;
          *len = have;
          r->start = r->end;
          return NLP_LINE_OK;
        }
      scan = r->end;
      if (!make_room (r))
        return skip_line (r, have, NLP_LINE_NO_MEMORY, len);
      scan = r->end;
      if (!fill (r) && !ferror (r->stream))
        r->eof = TRUE;
    }
}
