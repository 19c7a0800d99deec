/* nlp-line-reader-private.h — JSON Lines lines read with bounded memory.
 *
 * getline(3) keeps a whole line whatever its size, and its out-of-memory
 * failure looks like the end of the stream: one 300 MB line under a memory
 * limit silently ended the run.  This reader keeps at most @keep bytes of
 * a line: the rest of a longer line is read, counted and dropped, and the
 * caller fails that line alone.  A line whose buffer cannot grow is
 * dropped the same way and reported as out of memory.  NUL bytes inside a
 * line are kept (the record parser reports them).
 */
#ifndef NLP_LINE_READER_PRIVATE_H
#define NLP_LINE_READER_PRIVATE_H

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NLP_LINE_OK,        /* *line, *len: the line with its LF (if any) */
  NLP_LINE_END,       /* the end of the stream */
  NLP_LINE_TOO_LONG,  /* *len: the line's full length; nothing kept */
  NLP_LINE_NO_MEMORY, /* *len: the line's full length; nothing kept */
  NLP_LINE_ERROR      /* a read error: errno is set */
} NlpLineStatus;

typedef struct {
  FILE  *stream;  /* (not owned) */
  char  *buf;
  gsize  cap;
  gsize  start;   /* the next line starts here */
  gsize  end;     /* bytes read into buf */
  gboolean eof;
} NlpLineReader;

/* Starts reading @stream (not owned; the caller closes it). */
void nlp__line_reader_init (NlpLineReader *r, FILE *stream);

/* Frees the buffer; @r may be initialised again. */
void nlp__line_reader_clear (NlpLineReader *r);

/* The next line, ended by LF (or by the end of the stream), keeping at
 * most @keep bytes of it (0: no bound).  On NLP_LINE_OK *line points into
 * the reader's buffer, valid until the next call; its bytes may be
 * written, and so may line[*len] when the line has no LF (the last line:
 * there is always a byte after it).  The byte after a line that ends with
 * LF is the next line's. */
NlpLineStatus nlp__line_reader_next (NlpLineReader *r, gsize keep, char **line, gsize *len);

G_END_DECLS

#endif
