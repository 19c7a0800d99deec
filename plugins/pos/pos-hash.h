/* pos-hash.h — the 64-bit hashes the tagger keys its features by.
 *
 * A feature is never a string: it is the hash of (template, value), and
 * a value is itself a hash (of a word, a suffix, a pair of tags).  A model
 * is only valid with the same hashes, so a change here needs a new
 * POS_FEATURE_SET (pos-model.h).
 */
#ifndef POS_HASH_H
#define POS_HASH_H

#include <glib.h>
#include <string.h>

/* A bijective 64-bit finaliser (xor-shift, multiply, xor-shift). */
static inline guint64
pos_mix (guint64 x)
{
  x = (x ^ (x >> 32)) * G_GUINT64_CONSTANT (0xd6e8feb86659fd93);
  x = (x ^ (x >> 32)) * G_GUINT64_CONSTANT (0xd6e8feb86659fd93);
  return x ^ (x >> 32);
}

/* The hash of @len bytes, 8 at a time. */
static inline guint64
pos_hash_bytes (const char *s, gsize len)
{
  guint64 h = G_GUINT64_CONSTANT (0x243f6a8885a308d3) + len;

  for (; len >= 8; s += 8, len -= 8)
    {
      guint64 k;
      memcpy (&k, s, 8);
      h = pos_mix (h ^ k) + G_GUINT64_CONSTANT (0x13198a2e03707344);
    }
  if (len > 0)
    {
      guint64 k = 0;
      memcpy (&k, s, len);
      h = pos_mix (h ^ k ^ ((guint64) len << 59));
    }
  return pos_mix (h);
}

/* Two values as one (order matters; for a given @a, distinct @b give
 * distinct results). */
static inline guint64
pos_hash_pair (guint64 a, guint64 b)
{
  return pos_mix (a ^ pos_mix (b + G_GUINT64_CONSTANT (0xa4093822299f31d0)));
}

/* The key of feature @value under template @tpl. */
static inline guint64
pos_feature_key (guint tpl, guint64 value)
{
  return pos_mix (value ^ ((guint64) tpl * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
}

#endif
