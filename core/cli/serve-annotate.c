/* serve-annotate.c — POST /v1/annotate.
 *
 * The body is read as the command reads a file (nlp_reader_new_for_bytes,
 * named "request"): text/plain is one document, application/json one
 * JSON Lines record, application/x-ndjson a JSON Lines batch.  Documents
 * go to the processor's workers, which run the chain and format the
 * answer (the writers are thread-safe); the bytes come back to the main
 * loop in a job.  So the answer is what `nlpipe -f FORMAT` prints for
 * that input.
 *
 * One document: 200 with its output, or 422 when a stage failed on it.
 * A batch: 200 at once, then every record's output in input order as it
 * is ready (chunked), a failed document with its error record as under
 * --on-error=mark, a bad line as an error record naming its line.  A
 * batch keeps at most WINDOW documents on the workers, so that other
 * requests' documents are not stuck behind a big one.
 */
#include <string.h>
#include "cli-serve.h"

#define NAME "request"          /* what the reader calls a request body */
#define RETRY_AFTER "1"

const char *const serve_format_names[SERVE_N_FORMATS + 1] = {
  "json", "text", "tsv", "html", "sentences", "conllu",
};

static const char *const single_types[SERVE_N_FORMATS] = {
  "application/json", "text/plain; charset=utf-8",
  "text/tab-separated-values; charset=utf-8", "text/html; charset=utf-8",
  "text/plain; charset=utf-8", "text/plain; charset=utf-8",
};

/* What -f html pages allow themselves (the writer's own meta tag). */
#define HTML_CSP "default-src 'none'; style-src 'unsafe-inline'"

typedef enum { BODY_TEXT, BODY_JSON, BODY_BATCH } BodyKind;

typedef struct {
  gint               ref;       /* atomic: jobs hold references */
  Serve             *serve;
  SoupServerMessage *msg;       /* not owned; NULL once finished */
  gboolean           queued;    /* counted in serve->active */
  ServeFormat        format;
  NlpWriter         *writer;    /* the server's, shared */
  BodyKind           kind;
  GByteArray        *body;      /* collected as it arrives */
  gboolean           too_large;
  /* a batch */
  NlpReader         *reader;
  gboolean           read_all;
  guint64            next_seq;  /* records read */
  guint64            next_out;  /* records written */
  guint              in_flight; /* documents on the workers */
  GHashTable        *ready;     /* seq -> GString *: out of order */
  NlpWriterPage     *page;
} Annotate;

/* A document on its way through the workers. */
typedef struct {
  Annotate *req;
  guint64   seq;
  GString  *out;
  char     *stage;              /* one document that failed: the stage */
  char     *message;            /* ... and its message */
} Job;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static Annotate *
annotate_ref (Annotate *req)
{
  g_atomic_int_inc (&req->ref);
  return req;
}

static void
annotate_unref (gpointer data)
{
  Annotate *req = data;

  if (!g_atomic_int_dec_and_test (&req->ref))
    return;
  if (req->body)
    g_byte_array_unref (req->body);
  nlp_reader_free (req->reader);
  if (req->ready)
    g_hash_table_unref (req->ready);
  nlp_writer_page_free (req->page);
  g_free (req);
}

int
serve_format_from_name (const char *name)
{
  for (int i = 0; i < SERVE_N_FORMATS; i++)
    if (strcmp (serve_format_names[i], name) == 0)
      return i;
  return -1;
}

/* ---- before the body ---------------------------------------------------- */

static gboolean
media_kind (SoupServerMessage *msg, BodyKind *kind)
{
  GHashTable *params = NULL;
  const char *type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (msg), &params);
  const char *charset = params ? g_hash_table_lookup (params, "charset") : NULL;
  gboolean ok = TRUE;

  if (type == NULL)
    ok = FALSE;
  else if (g_ascii_strcasecmp (type, "text/plain") == 0)
    *kind = BODY_TEXT;
  else if (g_ascii_strcasecmp (type, "application/json") == 0)
    *kind = BODY_JSON;
  else if (g_ascii_strcasecmp (type, "application/x-ndjson") == 0
           || g_ascii_strcasecmp (type, "application/jsonl") == 0)
    *kind = BODY_BATCH;
  else
    ok = FALSE;
  if (ok && charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      serve_reply_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_charset", NULL,
                         "charset '%s' is not supported; send UTF-8 (convert it, e.g. "
                         "iconv -t UTF-8)", charset);
      ok = FALSE;
    }
  else if (!ok)
    serve_reply_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", NULL,
                       "Content-Type '%s' is not one this endpoint reads; send text/plain "
                       "(one article), application/json ({\"id\": ..., \"text\": ...}) or "
                       "application/x-ndjson (one such object per line)",
                       type ? type : "(none)");
  if (params)
    g_hash_table_destroy (params);
  return ok;
}

/* ?format=FORMAT, and nothing else. */
static gboolean
query_format (SoupServerMessage *msg, GHashTable *query, ServeFormat *format)
{
  GHashTableIter iter;
  gpointer key, value;

  *format = SERVE_FORMAT_JSON;
  if (query == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int f;
      if (strcmp (key, "format") != 0)
        {
          serve_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown_parameter", NULL,
                             "unknown parameter '%s'; the only one is format", (char *) key);
          return FALSE;
        }
      if ((f = serve_format_from_name (value)) < 0)
        {
          char *list = g_strjoinv (", ", (char **) serve_format_names);
          serve_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown_format", NULL,
                             "unknown format '%s'; formats: %s", (char *) value, list);
          g_free (list);
          return FALSE;
        }
      *format = (ServeFormat) f;
    }
  return TRUE;
}

/* The answer is complete (the last bytes may still be on their way):
 * the request leaves the queue. */
static void
dequeue (Annotate *req)
{
  if (req->queued)
    {
      req->queued = FALSE;
      req->serve->active--;
    }
}

static void
got_chunk (SoupServerMessage *msg, GBytes *chunk, gpointer data)
{
  Annotate *req = data;
  gsize size = g_bytes_get_size (chunk);

  if (req->too_large)
    return;
  if (req->body->len + size > req->serve->max_body)
    {
      /* a body without a length that grows past the limit */
      req->too_large = TRUE;
      g_byte_array_set_size (req->body, 0);
      dequeue (req);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      serve_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large", NULL,
                         "the body is over this server's --max-body of %" G_GSIZE_FORMAT
                         " bytes; split the batch", req->serve->max_body);
      return;
    }
  g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), (guint) size);
}

/* The message is done with (answered, or the client went away). */
static void
finished (SoupServerMessage *msg, gpointer data)
{
  Annotate *req = data;
  Serve *serve = req->serve;

  req->msg = NULL;
  dequeue (req);
  serve->unfinished--;
  serve_request_done (serve);
}

static void
reply_unavailable (SoupServerMessage *msg, const char *why)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", RETRY_AFTER);
  serve_reply_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", NULL, "%s", why);
}

void
serve_annotate_early (ServeRequest *r)
{
  Serve *serve = r->serve;
  ServeFormat format;
  BodyKind kind;
  Annotate *req;

  if (!query_format (r->msg, r->query, &format) || !media_kind (r->msg, &kind))
    return;
  if (serve->draining)
    {
      reply_unavailable (r->msg, "the server is shutting down; retry on another instance");
      return;
    }
  if (serve->active >= serve->max_queue)
    {
      reply_unavailable (r->msg, "the server is busy (its --max-queue of requests is full); "
                                 "retry after a second");
      return;
    }
  req = g_new0 (Annotate, 1);
  req->ref = 1;
  req->serve = serve;
  req->msg = r->msg;
  req->format = format;
  req->writer = serve->writers[format];
  req->kind = kind;
  req->body = g_byte_array_new ();
  req->queued = TRUE;
  serve->active++;
  serve->unfinished++;
  g_object_set_data_full (G_OBJECT (r->msg), "nlpipe-annotate", req, annotate_unref);
  g_signal_connect (r->msg, "got-chunk", G_CALLBACK (got_chunk), req);
  g_signal_connect (r->msg, "finished", G_CALLBACK (finished), req);
}

/* ---- on the workers ----------------------------------------------------- */

static void deliver (Job *job);

/* Processed documents on their way back to the main loop: one idle
 * source takes every one that is there, so that documents finishing
 * together cost one wake-up of the main loop, not one each. */
static GAsyncQueue *returned;
static gint         returning;  /* atomic: an idle source is on its way */

static gboolean
take_returned (gpointer data)
{
  Job *job;

  g_atomic_int_set (&returning, 0);
  while ((job = g_async_queue_try_pop (returned)) != NULL)
    deliver (job);
  return G_SOURCE_REMOVE;
}

static void
give_back (Job *job)
{
  g_async_queue_push (returned, job);
  /* a job pushed after the source cleared the flag schedules another */
  if (g_atomic_int_compare_and_exchange (&returning, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT, take_returned, NULL, NULL);
}

/* On a worker thread: format the processed document there. */
static void
processed (NlpDocument *doc, const GError *error, gpointer data)
{
  Job *job = data;
  Annotate *req = job->req;

  if (error != NULL && req->kind != BODY_BATCH)
    {
      const char *stage;
      job->message = g_strdup (nlp_document_get_error (doc, &stage));
      job->stage = g_strdup (stage);
    }
  else
    {
      job->out = g_string_sized_new (nlp_document_get_length (doc) * 8 + 256);
      nlp_writer_format (req->writer, doc, job->out);
    }
  nlp_document_unref (doc);
  give_back (job);
}

static void
submit (Annotate *req, NlpDocument *doc)
{
  Job *job = g_new0 (Job, 1);

  if (returned == NULL)
    returned = g_async_queue_new ();
  job->req = annotate_ref (req);
  job->seq = req->next_seq++;
  req->in_flight++;
  nlp_processor_submit (req->serve->processor, doc, processed, job, NULL);
}

/* ---- answers ------------------------------------------------------------ */

static const char *
content_type (const Annotate *req)
{
  if (req->kind == BODY_BATCH && req->format == SERVE_FORMAT_JSON)
    return "application/x-ndjson";
  return single_types[req->format];
}

static void
set_type (Annotate *req)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (req->msg);

  soup_message_headers_replace (h, "Content-Type", content_type (req));
  if (req->format == SERVE_FORMAT_HTML)
    soup_message_headers_replace (h, "Content-Security-Policy", HTML_CSP);
}

/* Appends @bytes (transfer full) to the answer. */
static void
append (Annotate *req, GString *bytes)
{
  gsize len = bytes->len;

  if (len > 0)
    soup_message_body_append (soup_server_message_get_response_body (req->msg),
                              SOUP_MEMORY_TAKE, g_string_free (bytes, FALSE), len);
  else
    g_string_free (bytes, TRUE);
}

/* One document's answer: the page around its output. */
static void
answer_one (Annotate *req, Job *job)
{
  SoupServerMessage *msg = req->msg;
  NlpWriterPage *page;
  GString *before, *end;

  dequeue (req);
  if (job->message != NULL)
    {
      serve_reply_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "stage_failed", job->stage,
                         "stage '%s' failed on this document: %s", job->stage, job->message);
      soup_server_message_unpause (msg);
      return;
    }
  page = nlp_writer_page_new (req->writer);
  before = g_string_new (NULL);
  end = g_string_new (NULL);
  nlp_writer_page_add (page, job->out->str, job->out->len, before);
  nlp_writer_page_end (page, end);
  nlp_writer_page_free (page);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  set_type (req);
  /* the document's bytes as they are, with the page around them (most
   * formats have none: nothing is copied) */
  append (req, before);
  append (req, g_steal_pointer (&job->out));
  append (req, end);
  soup_server_message_unpause (msg);
}

/* A batch: what is ready in input order, and the end when all is out. */
static void
flush (Annotate *req)
{
  GString *out;
  gboolean wrote = FALSE;
  gpointer key, value;

  while (g_hash_table_steal_extended (req->ready, &req->next_out, &key, &value))
    {
      GString *before = g_string_new (NULL);

      out = value;
      g_free (key);
      req->next_out++;
      nlp_writer_page_add (req->page, out->str, out->len, before);
      append (req, before);
      append (req, out);
      wrote = TRUE;
    }
  if (req->read_all && req->next_out == req->next_seq)
    {
      GString *end = g_string_new (NULL);
      nlp_writer_page_end (req->page, end);
      append (req, end);
      soup_message_body_complete (soup_server_message_get_response_body (req->msg));
      dequeue (req);
      wrote = TRUE;
    }
  if (wrote)
    soup_server_message_unpause (req->msg);
}

/* A record the reader refused: written in its place, as an error
 * record named after its line, so that the answer has one record per
 * line: id FILE:LINE (nlp_reader_get_location), empty text, no stage,
 * the shape of the command's --on-error=mark record for a bad line. */
static GString *
bad_record (Annotate *req, const GError *error)
{
  const char *message = error ? error->message : "unreadable record";
  const char *where = nlp_reader_get_location (req->reader);
  NlpDocument *doc;
  GString *out = g_string_new (NULL);

  doc = nlp_document_new (where ? where : NAME, "", 0, NULL);
  nlp_document_set_error (doc, NULL, message);
  nlp_writer_format (req->writer, doc, out);
  nlp_document_unref (doc);
  return out;
}

/* Keeps up to WINDOW documents of the batch on the workers. */
static void
feed (Annotate *req)
{
  guint window = MAX (2, 2 * nlp_processor_get_jobs (req->serve->processor));

  while (req->msg != NULL && !req->read_all && req->in_flight < window)
    {
      NlpDocument *doc = NULL;
      char *warning = NULL;
      GError *error = NULL;

      if (!nlp_reader_next (req->reader, &doc, &warning, &error))
        {
          req->read_all = TRUE;
          break;
        }
      g_free (warning);
      if (doc != NULL)
        submit (req, doc);
      else
        {
          guint64 *seq = g_new (guint64, 1);
          *seq = req->next_seq++;
          g_hash_table_insert (req->ready, seq, bad_record (req, error));
        }
      g_clear_error (&error);
    }
  if (req->msg != NULL)
    flush (req);
}

/* Back on the main loop with a processed document. */
static void
deliver (Job *job)
{
  Annotate *req = job->req;

  req->in_flight--;
  if (req->msg == NULL)
    ;                          /* the client went away: drop it */
  else if (req->kind != BODY_BATCH)
    answer_one (req, job);
  else
    {
      guint64 *seq = g_new (guint64, 1);
      *seq = job->seq;
      g_hash_table_insert (req->ready, seq, g_steal_pointer (&job->out));
      feed (req);
    }
  if (job->out)
    g_string_free (job->out, TRUE);
  g_free (job->stage);
  g_free (job->message);
  g_free (job);
  annotate_unref (req);
}

/* ---- after the body ----------------------------------------------------- */

static void
reply_input_error (SoupServerMessage *msg, const GError *error)
{
  if (error == NULL)
    serve_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "empty_body", NULL,
                       "the body holds no document; send {\"id\": ..., \"text\": ...}");
  else if (g_error_matches (error, NLP_ERROR, NLP_ERROR_TOO_LARGE))
    serve_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "document_too_large", NULL,
                       "%s", error->message);
  else if (g_error_matches (error, NLP_ERROR, NLP_ERROR_ENCODING))
    serve_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_utf8", NULL, "%s",
                       error->message);
  else
    serve_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_json", NULL, "%s",
                       error->message);
}

/* (transfer full) the body for the reader, which reads one record per
 * line: one JSON value may span lines, and inside it, outside its
 * strings, a line break is only white space, so it becomes a space.  A
 * line break inside a string (not JSON) is left, and the record is
 * refused as the reader refuses it: no text is changed; one after the
 * value is left too, so that a second value is seen. */
static GBytes *
body_bytes (Annotate *req)
{
  GBytes *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&req->body));

  if (req->kind == BODY_JSON)
    {
      gsize len;
      char *data = g_bytes_unref_to_data (bytes, &len);
      gboolean in_string = FALSE;
      guint depth = 0;

      for (gsize i = 0; i < len; i++)
        if (in_string && data[i] == '\\')
          i++;                 /* the escaped character */
        else if (data[i] == '"')
          in_string = !in_string;
        else if (in_string)
          continue;
        else if (data[i] == '{' || data[i] == '[')
          depth++;
        else if ((data[i] == '}' || data[i] == ']') && depth > 0)
          depth--;
        else if (depth > 0 && (data[i] == '\n' || data[i] == '\r'))
          data[i] = ' ';
      bytes = g_bytes_new_take (data, len);
    }
  return bytes;
}

/* Whether @reader has another record (or line it cannot read). */
static gboolean
more_records (NlpReader *reader)
{
  NlpDocument *doc = NULL;
  char *warning = NULL;
  GError *error = NULL;
  gboolean more = nlp_reader_next (reader, &doc, &warning, &error);

  g_clear_pointer (&doc, nlp_document_unref);
  g_free (warning);
  g_clear_error (&error);
  return more;
}

void
serve_annotate (ServeRequest *r)
{
  Annotate *req = g_object_get_data (G_OBJECT (r->msg), "nlpipe-annotate");
  NlpReaderOptions options = r->serve->reader_options;
  GBytes *bytes;

  g_return_if_fail (req != NULL);
  options.format = req->kind == BODY_TEXT ? NLP_INPUT_TEXT : NLP_INPUT_JSONL;
  bytes = body_bytes (req);
  req->reader = nlp_reader_new_for_bytes (bytes, NAME, &options);
  g_bytes_unref (bytes);
  soup_server_message_pause (r->msg);
  if (req->kind == BODY_BATCH)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (r->msg);

      req->ready = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          string_free);
      req->page = nlp_writer_page_new (req->writer);
      soup_server_message_set_status (r->msg, SOUP_STATUS_OK, NULL);
      set_type (req);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (r->msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_body_set_accumulate (body, FALSE);
      feed (req);
    }
  else
    {
      NlpDocument *doc = NULL;
      GError *error = NULL;
      char *warning = NULL;

      nlp_reader_next (req->reader, &doc, &warning, &error);
      g_free (warning);
      if (doc != NULL && req->kind == BODY_JSON && more_records (req->reader))
        {
          dequeue (req);
          serve_reply_error (r->msg, SOUP_STATUS_BAD_REQUEST, "invalid_json", NULL,
                             "the body holds more than one JSON value; send one object, or "
                             "several as application/x-ndjson (one per line)");
          g_clear_pointer (&doc, nlp_document_unref);
          soup_server_message_unpause (r->msg);
        }
      else if (doc != NULL)
        submit (req, doc);
      else
        {
          dequeue (req);
          reply_input_error (r->msg, error);
          soup_server_message_unpause (r->msg);
        }
      g_clear_error (&error);
    }
}
