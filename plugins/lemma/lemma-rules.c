/* lemma-rules.c — exceptions, suffix rules checked against WordNet, and
 * the word itself (lemma-rules.h). */
#include <string.h>
#include "lemma-rules.h"
#include "nlp-error.h"

enum { BASE_NOUN = 1, BASE_VERB = 2, BASE_ADJ = 4, BASE_ADV = 8 };

struct _Lemmatizer {
  GHashTable *exceptions;      /* "form\tTAG" -> lemma */
  GHashTable *bases;           /* word -> BASE_* bits */
  GHashTable *names;           /* capitalised words, as written */
};

void
lemmatizer_free (Lemmatizer *lz)
{
  if (lz == NULL)
    return;
  if (lz->exceptions)
    g_hash_table_unref (lz->exceptions);
  if (lz->bases)
    g_hash_table_unref (lz->bases);
  if (lz->names)
    g_hash_table_unref (lz->names);
  g_free (lz);
}

/* Calls @line_cb on every line of @path that is not blank or a comment,
 * split at tabs; FALSE (with @error set) at the first line it refuses. */
static gboolean
read_table (const char *path, guint n_fields, const char *what,
            gboolean (*line_cb) (Lemmatizer *, char **), Lemmatizer *lz, GError **error)
{
  char *data, **lines;
  guint no = 0;
  gboolean ok = TRUE;

  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  for (char **l = lines; ok && *l != NULL; l++)
    {
      char **f;
      no++;
      if (**l == '\0' || **l == '#')
        continue;
      f = g_strsplit (*l, "\t", -1);
      ok = g_strv_length (f) == n_fields && **f != '\0' && line_cb (lz, f);
      if (!ok)
        g_set_error (error, NLP_ERROR, NLP_ERROR_DATA, "lemma: %s line %u: expected %s",
                     path, no, what);
      g_strfreev (f);
    }
  g_strfreev (lines);
  g_free (data);
  return ok;
}

static gboolean
add_exception (Lemmatizer *lz, char **f)
{
  if (*f[1] == '\0' || *f[2] == '\0')
    return FALSE;
  g_hash_table_replace (lz->exceptions, g_strconcat (f[0], "\t", f[1], NULL), g_strdup (f[2]));
  return TRUE;
}

static gboolean
add_base (Lemmatizer *lz, char **f)
{
  guint bits = 0;

  for (const char *c = f[1]; *c; c++)
    {
      const char *at = strchr ("nvar", *c);
      if (at == NULL)
        return FALSE;
      bits |= 1u << (at - "nvar");
    }
  g_hash_table_replace (lz->bases, g_strdup (f[0]), GUINT_TO_POINTER (bits));
  return bits != 0;
}

static gboolean
add_name (Lemmatizer *lz, char **f)
{
  g_hash_table_add (lz->names, g_strdup (f[0]));
  return TRUE;
}

Lemmatizer *
lemmatizer_load (const char *exceptions, const char *bases, const char *names,
                 GError **error)
{
  Lemmatizer *lz = g_new0 (Lemmatizer, 1);

  lz->exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lz->bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lz->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!read_table (exceptions, 3, "FORM<TAB>TAG<TAB>LEMMA", add_exception, lz, error)
      || !read_table (bases, 2, "WORD<TAB>CLASSES (letters of nvar)", add_base, lz, error)
      || !read_table (names, 1, "one name per line", add_name, lz, error))
    {
      lemmatizer_free (lz);
      return NULL;
    }
  return lz;
}

/* The exception of (@low, @tag), or NULL. */
static const char *
exception (const Lemmatizer *lz, const char *low, gsize n, const char *tag)
{
  char key[128];
  gsize t = strlen (tag);

  if (n + 1 + t >= sizeof key)
    return NULL;
  memcpy (key, low, n);
  key[n] = '\t';
  memcpy (key + n + 1, tag, t + 1);
  return g_hash_table_lookup (lz->exceptions, key);
}

static gboolean
is_base (const Lemmatizer *lz, const char *w, guint bits)
{
  return (GPOINTER_TO_UINT (g_hash_table_lookup (lz->bases, w)) & bits) != 0;
}

static inline gboolean
is_vowel (char c)
{
  return strchr ("aeiou", c) != NULL && c != '\0';
}

/* A stem whose last three letters are consonant, vowel, consonant (not
 * w, x, y): "hop", whose -ing form doubles ("hopping"), so that "hoping"
 * comes from "hope". */
static gboolean
cvc (const char *s, gsize n)
{
  return n >= 3 && !is_vowel (s[n - 3]) && is_vowel (s[n - 2]) && !is_vowel (s[n - 1])
         && strchr ("wxy", s[n - 1]) == NULL;
}

/* @buf = @low without its last @cut bytes, plus @add; returns TRUE when
 * that is a WordNet lemma of @bits. */
static gboolean
try_base (const Lemmatizer *lz, const char *low, gsize n, gsize cut, const char *add,
          guint bits, char *buf)
{
  if (cut >= n)
    return FALSE;
  memcpy (buf, low, n - cut);
  strcpy (buf + n - cut, add);
  return is_base (lz, buf, bits);
}

static gboolean
ends (const char *s, gsize n, const char *suffix)
{
  gsize k = strlen (suffix);
  return n > k && memcmp (s + n - k, suffix, k) == 0;
}

/* The base of a word that ends in @suf ("ing", "ed", "er", "est"): the
 * stem, the stem + "e", the stem undoubled, or "-i-" made "-y-", the first
 * that WordNet knows; else the stem (or the guess rules prefer). */
static void
strip_suffix (const Lemmatizer *lz, const char *low, gsize n, const char *suf, guint bits,
              char *buf)
{
  gsize k = strlen (suf), m = n - k;
  char stem[128];
  gboolean stem_ok, e_ok;

  memcpy (stem, low, m);
  stem[m] = '\0';
  stem_ok = is_base (lz, stem, bits);
  e_ok = try_base (lz, low, n, k, "e", bits, buf);
  /* "hoped": "hop" and "hope" both exist; "hop" would have doubled */
  if (e_ok && (!stem_ok || cvc (stem, m)))
    return;
  if (stem_ok)
    {
      strcpy (buf, stem);
      return;
    }
  if (m >= 2 && stem[m - 1] == stem[m - 2] && !is_vowel (stem[m - 1])
      && try_base (lz, low, n, k + 1, "", bits, buf))
    return;                                      /* stopped -> stop */
  if (m >= 1 && stem[m - 1] == 'i' && try_base (lz, low, n, k + 1, "y", bits, buf))
    return;                                      /* happier -> happy */
  /* unknown to WordNet: the usual spelling */
  if (m >= 1 && stem[m - 1] == 'i')
    {
      memcpy (buf, stem, m - 1);
      strcpy (buf + m - 1, "y");
    }
  else if (m >= 2 && stem[m - 1] == stem[m - 2] && strchr ("bdgmnprt", stem[m - 1]))
    {
      memcpy (buf, stem, m - 1);
      buf[m - 1] = '\0';
    }
  else
    strcpy (buf, stem);
}

/* The singular of a plural noun, or the base of a verb's -s form. */
static void
strip_s (const Lemmatizer *lz, const char *low, gsize n, guint bits, char *buf)
{
  static const char *const rules[][2] = {
    { "ies", "y" }, { "ves", "f" }, { "ves", "fe" }, { "sses", "ss" }, { "xes", "x" },
    { "zes", "z" }, { "ches", "ch" }, { "shes", "sh" }, { "oes", "o" }, { "men", "man" },
    { "s", "" }, { "es", "" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    if (ends (low, n, rules[r][0])
        && try_base (lz, low, n, strlen (rules[r][0]), rules[r][1], bits, buf))
      return;
  if (ends (low, n, "ies"))
    try_base (lz, low, n, 3, "y", 0, buf);
  else if (ends (low, n, "sses") || ends (low, n, "xes") || ends (low, n, "ches")
           || ends (low, n, "shes"))
    try_base (lz, low, n, 2, "", 0, buf);
  else if (ends (low, n, "s") && !ends (low, n, "ss") && !ends (low, n, "us")
           && !ends (low, n, "is"))
    try_base (lz, low, n, 1, "", 0, buf);
  else
    strcpy (buf, low);
}

/* The lower-case form of @s in @out (2 * @len + 8 bytes); FALSE when it
 * is not plain ASCII letters, digits and punctuation (no rule applies). */
static gboolean
lower_ascii (const char *s, gsize len, char *out, gsize *n)
{
  gboolean ascii = TRUE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      ascii &= c < 0x80;
      out[i] = (char) (c | ((guchar) (c - 'A') < 26 ? 0x20 : 0));
    }
  out[len] = '\0';
  *n = len;
  if (!ascii)
    {
      /* out holds 2 * len + 8 bytes; lower case may be longer (rare):
       * then the word stays as it is */
      char *low = g_utf8_strdown (s, (gssize) len);
      if (strlen (low) <= 2 * len + 7)
        {
          *n = strlen (low);
          memcpy (out, low, *n + 1);
        }
      g_free (low);
    }
  return ascii;
}

static gboolean
has_digit (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) (s[i] - '0') < 10)
      return TRUE;
  return FALSE;
}

/* Digits in groups of three after the first: "1,250,000". */
static gboolean
is_grouped (const char *s, gsize len)
{
  gsize i = 0, run = 0, groups = 0;

  for (; i < len && (guchar) (s[i] - '0') < 10; i++)
    run++;
  if (run < 1 || run > 3)
    return FALSE;
  while (i < len && s[i] == ',')
    {
      for (run = 0, i++; i < len && (guchar) (s[i] - '0') < 10; i++)
        run++;
      if (run != 3)
        return FALSE;
      groups++;
    }
  return groups > 0 && (i == len || s[i] == '.');
}

/* A proper noun (or a word tagged NNP: "New" of "New York") keeps its
 * case, with EWT's normalisations: one in capitals that is a known name
 * gets its usual case ("KENNEDY" -> "Kennedy"; "NASA" stays); a plural one
 * loses its -s as a common noun would ("Hills" -> "Hill").  (EWT
 * capitalises some lower-case names and not others: "chicago" ->
 * "Chicago", but "al", "enron", "houston" stay; the exceptions hold the
 * ones it has seen.) */
static const char *
proper_lemma (const Lemmatizer *lz, const char *form, gsize len, const char *low, gsize n,
              gboolean ascii, const char *xpos, char *buf, gsize *len_out)
{
  gsize k = len;
  gboolean lower = TRUE, upper = TRUE, letters = FALSE;

  for (gsize i = 0; ascii && i < len; i++)
    {
      guchar c = (guchar) form[i];
      lower &= (guchar) (c - 'A') >= 26;
      upper &= (guchar) (c - 'a') >= 26;
      letters |= (guchar) ((c | 0x20) - 'a') < 26;
    }
  if (ascii && g_strcmp0 (xpos, "NNPS") == 0)
    {
      strip_s (lz, low, n, BASE_NOUN, buf);
      if (strlen (buf) < n && strncmp (buf, low, strlen (buf)) == 0)
        k = strlen (buf);
    }
  memcpy (buf, form, k);
  buf[k] = '\0';
  if (ascii && letters && lower && k > 1)
    {
      /* written in lower case: as EWT had it ("al", "chicago" ->
       * "Chicago"), else capitalised when the names know it ("asia" ->
       * "Asia") */
      const char *e = exception (lz, low, n, "LC");
      if (e != NULL)
        {
          *len_out = strlen (e);
          return e;
        }
      buf[0] = g_ascii_toupper (buf[0]);
      if (!g_hash_table_contains (lz->names, buf))
        buf[0] = form[0];
    }
  if (ascii && letters && upper && !lower && k >= 4)
    {
      guint vowels = 0;
      char caps[128];

      memcpy (caps, form, k);         /* form is not NUL-terminated */
      caps[k] = '\0';
      for (gsize i = 0; i < k; i++)
        vowels += strchr ("AEIOU", buf[i]) != NULL;
      for (gsize i = 1; i < k; i++)
        buf[i] = g_ascii_tolower (buf[i]);
      /* an acronym stays: one the names have in capitals ("NASA"), or
       * one that does not read as a word ("GISB"); a name SCOWL has, or
       * one of five letters or more with two vowels, is written as a
       * name ("SOUTER" -> "Souter") */
      if (!g_hash_table_contains (lz->names, buf)
          && (k < 5 || vowels < 2 || g_hash_table_contains (lz->names, caps)))
        memcpy (buf, form, k);
    }
  *len_out = k;
  return buf;
}

/* An adjective of a people or a place keeps its capital, as EWT writes
 * it ("Argentinian", "Mediterranean", "Japanese"): one written as a name
 * (capital, then lower case) that the names know, with an ending of such
 * words (-an, -ese, -ish, -i), which "Good" and "Western" lack.  Writes
 * it to @buf. */
static gboolean
demonym (const Lemmatizer *lz, const char *form, gsize len, const char *low, gsize n,
         const char *upos, char *buf)
{
  if (g_strcmp0 (upos, "ADJ") != 0 || len < 2 || (guchar) (form[0] - 'A') >= 26)
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if ((guchar) (form[i] - 'A') < 26)
      return FALSE;
  if (!ends (low, n, "an") && !ends (low, n, "ese") && !ends (low, n, "ish") && !ends (low, n, "i"))
    return FALSE;
  memcpy (buf, form, len);
  buf[len] = '\0';
  return g_hash_table_contains (lz->names, buf);
}

const char *
lemmatizer_lemma (const Lemmatizer *lz, const char *form, gsize len, const char *upos,
                  const char *xpos, char *buf, gsize *len_out)
{
  char low[2 * 120 + 8];
  const char *e;
  gsize n;
  gboolean ascii, proper = g_strcmp0 (upos, "PROPN") == 0 || g_strcmp0 (xpos, "NNP") == 0
                           || g_strcmp0 (xpos, "NNPS") == 0;
  guint bits = 0;
  const char *suf = NULL;
  const char *cls = NULL;

  if (len > 120)
    {
      memcpy (buf, form, len);
      buf[len] = '\0';
      *len_out = len;
      return buf;
    }
  ascii = lower_ascii (form, len, low, &n);
  if (xpos != NULL && (e = exception (lz, low, n, xpos)) != NULL)
    {
      *len_out = strlen (e);
      return e;
    }
  if (proper)
    return proper_lemma (lz, form, len, low, n, ascii, xpos, buf, len_out);
  if (has_digit (form, len))
    {
      /* numbers lose their thousands separators ("6,363,217" ->
       * "6363217"); codes keep their case ("EB3326") */
      gsize k = 0;
      gboolean grouped = g_strcmp0 (xpos, "CD") == 0 && is_grouped (form, len);
      for (gsize i = 0; i < len; i++)
        if (!grouped || form[i] != ',')
          buf[k++] = form[i];
      buf[k] = '\0';
      *len_out = k;
      return buf;
    }
  if (len == 1 && (guchar) (form[0] - 'A') < 26
      && (g_strcmp0 (upos, "NOUN") == 0 || g_strcmp0 (upos, "X") == 0
          || g_strcmp0 (upos, "SYM") == 0 || g_strcmp0 (upos, "NUM") == 0))
    {
      buf[0] = form[0];          /* a letter named: "P", "X" */
      buf[1] = '\0';
      *len_out = 1;
      return buf;
    }
  if (xpos == NULL || !ascii)
    goto as_is;
  if (strcmp (xpos, "NNS") == 0)
    cls = "N", bits = BASE_NOUN;
  else if (strcmp (xpos, "VBZ") == 0)
    cls = "V", bits = BASE_VERB;
  else if (strcmp (xpos, "VBD") == 0 || strcmp (xpos, "VBN") == 0)
    cls = "V", bits = BASE_VERB, suf = "ed";
  else if (strcmp (xpos, "VBG") == 0)
    cls = "V", bits = BASE_VERB, suf = "ing";
  else if (strcmp (xpos, "JJR") == 0)
    cls = "J", bits = BASE_ADJ, suf = "er";
  else if (strcmp (xpos, "JJS") == 0)
    cls = "J", bits = BASE_ADJ, suf = "est";
  else if (strcmp (xpos, "RBR") == 0)
    cls = "R", bits = BASE_ADV, suf = "er";
  else if (strcmp (xpos, "RBS") == 0)
    cls = "R", bits = BASE_ADV, suf = "est";
  if (cls == NULL)
    goto as_is;
  if ((e = exception (lz, low, n, cls)) != NULL)
    {
      *len_out = strlen (e);
      return e;
    }
  if (suf == NULL)
    strip_s (lz, low, n, bits, buf);
  else if (ends (low, n, suf))
    strip_suffix (lz, low, n, suf, bits, buf);
  else if (strcmp (suf, "ed") == 0 && ends (low, n, "d") && try_base (lz, low, n, 1, "", bits, buf))
    ;                                            /* "paid" is in the tables; "used" -> "use" */
  else
    goto as_is;
  *len_out = strlen (buf);
  return buf;

as_is:
  if (demonym (lz, form, len, low, n, upos, buf))
    {
      *len_out = len;
      return buf;
    }
  memcpy (buf, low, n + 1);
  *len_out = n;
  return buf;
}
