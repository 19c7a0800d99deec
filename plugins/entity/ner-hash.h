/* ner-hash.h — the hashes the entity tagger keys everything by.
 *
 * Features, gazetteer entries and document words are never stored as
 * strings: they are 64-bit hashes, and a feature is a bucket of a fixed
 * weight table.  A model is only valid with the same hash, so changing
 * anything here needs a new NER_MODEL_VERSION (ner-model.h).
 */
#ifndef NER_HASH_H
#define NER_HASH_H

#include <glib.h>
#include <string.h>

static inline guint64
ner_mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

/* Hash of @len bytes: 8 bytes per step, then a final mix. */
static inline guint64
ner_hash_bytes (const char *s, gsize len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ (len * G_GUINT64_CONSTANT (0x100000001b3));
  while (len >= 8)
    {
      guint64 k;
      memcpy (&k, s, 8);
      h = (h ^ ner_mix64 (k)) * G_GUINT64_CONSTANT (0x100000001b3);
      s += 8;
      len -= 8;
    }
  if (len > 0)
    {
      guint64 k = 0;
      memcpy (&k, s, len);
      h = (h ^ ner_mix64 (k ^ 0xa5)) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return ner_mix64 (h);
}

/* Combines two hashes (order matters). */
static inline guint64
ner_hash_pair (guint64 a, guint64 b)
{
  return ner_mix64 (a * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + (b ^ (b >> 29)) + 0x632be59bd9b4e019ULL);
}

#endif
