/* nlp-chain-spec.h — what a user asks for: the stages of a chain, their
 * aliases and options, and the chain's policies, from -p, a config file
 * and --set (later calls override earlier ones).  Nothing is loaded or
 * checked against the stages here: nlp_pipeline_new() does that.
 */
#ifndef NLP_CHAIN_SPEC_H
#define NLP_CHAIN_SPEC_H

#include <glib.h>

G_BEGIN_DECLS

/* The default chain. */
#define NLP_DEFAULT_CHAIN "lang,tokenize,sentence,stem,entity,sentiment"

/**
 * NlpChainSpec:
 *
 * What a user asks for: the stages of a chain (with aliases), their
 * options and the chain's policies.  Reference-counted.
 */
typedef struct _NlpChainSpec NlpChainSpec;

/**
 * NlpLanguageMismatch:
 * @NLP_LANGUAGE_MISMATCH_WARN: skip the stage on that document, with a
 *   warning the writers show
 * @NLP_LANGUAGE_MISMATCH_RUN: run it anyway
 * @NLP_LANGUAGE_MISMATCH_FAIL: the document fails
 *
 * What happens when a document's language (doc.lang, set by the lang
 * stage) is not one a stage lists in its languages.  Only a language known
 * well enough counts: doc.lang other than "und", with doc.lang_score, when
 * the document has one, at least %NLP_LANGUAGE_SURE_SCORE.
 */
typedef enum {
  NLP_LANGUAGE_MISMATCH_WARN,
  NLP_LANGUAGE_MISMATCH_RUN,
  NLP_LANGUAGE_MISMATCH_FAIL,
} NlpLanguageMismatch;

/**
 * NLP_LANGUAGE_SURE_SCORE:
 *
 * The least doc.lang_score for which the language-mismatch policy acts on
 * doc.lang.  Below it the guess stays in the document, and every stage
 * runs: a stage skipped on a wrong guess (a short English sentence of
 * names taken for Dutch) costs more than one run on a language it does not
 * know.
 */
#define NLP_LANGUAGE_SURE_SCORE 0.5

/**
 * nlp_chain_spec_new:
 *
 * Returns: (transfer full): an empty spec (the default chain, no options)
 */
NlpChainSpec *nlp_chain_spec_new   (void);
/**
 * nlp_chain_spec_ref:
 * @spec: a chain spec
 *
 * Returns: (transfer full): @spec
 */
NlpChainSpec *nlp_chain_spec_ref   (NlpChainSpec *spec);
/**
 * nlp_chain_spec_unref:
 * @spec: (nullable) (transfer full): a chain spec
 *
 * Drops a reference.
 */
void          nlp_chain_spec_unref (NlpChainSpec *spec);
/**
 * nlp_chain_spec_free: (skip)
 * @spec: (nullable) (transfer full): a chain spec
 *
 * The same as nlp_chain_spec_unref().
 */
void          nlp_chain_spec_free  (NlpChainSpec *spec);
/**
 * nlp_chain_spec_set_stages:
 * @spec: a chain spec
 * @chain: "a,b,c", each item STAGE or ALIAS=STAGE (the same stage twice
 *   under two names)
 * @error: return location for a #GError, or %NULL
 *
 * Replaces the stage list.  Options already set for instance names that
 * remain are kept.  Fails with %NLP_ERROR_USAGE for an empty or malformed
 * item or an instance named twice.
 *
 * Returns: %TRUE when @chain parses
 */
gboolean      nlp_chain_spec_set_stages (NlpChainSpec *spec, const char *chain,
                                         GError **error);
/**
 * nlp_chain_spec_set_option:
 * @spec: a chain spec
 * @instance: an instance name of the chain
 * @option: one of its options
 * @value: the value, as text
 * @error: return location for a #GError, or %NULL
 *
 * Records INSTANCE.OPTION=VALUE; it is validated against the stage when
 * the pipeline is built.
 *
 * Returns: %TRUE
 */
gboolean      nlp_chain_spec_set_option (NlpChainSpec *spec, const char *instance,
                                         const char *option, const char *value,
                                         GError **error);
/**
 * nlp_chain_spec_parse_set:
 * @spec: a chain spec
 * @assignment: "INSTANCE.OPTION=VALUE", as --set takes it
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %FALSE with %NLP_ERROR_USAGE when @assignment is malformed
 */
gboolean      nlp_chain_spec_parse_set  (NlpChainSpec *spec, const char *assignment,
                                         GError **error);
/**
 * nlp_chain_spec_load_file:
 * @spec: a chain spec
 * @path: (type filename): a config file (GKeyFile: a [pipeline] group with
 *   stages, plugin-path and language-mismatch, and a group per instance
 *   whose keys are its options)
 * @error: return location for a #GError, or %NULL
 *
 * Reads a config file; later calls and --set override it.  Errors name the
 * file, and the group and key when there is one.
 *
 * Returns: %TRUE when the file was read
 */
gboolean      nlp_chain_spec_load_file  (NlpChainSpec *spec, const char *path,
                                         GError **error);
/**
 * nlp_chain_spec_get_plugin_path:
 * @spec: a chain spec
 *
 * Returns: (transfer none) (array zero-terminated=1): the config file's
 *   plugin-path entries
 */
const char *const *nlp_chain_spec_get_plugin_path (const NlpChainSpec *spec);
/**
 * nlp_chain_spec_get_stages:
 * @spec: a chain spec
 *
 * Returns: (transfer none) (nullable): the stage list as given, or %NULL
 *   when never set (the default chain)
 */
const char   *nlp_chain_spec_get_stages (const NlpChainSpec *spec);

/**
 * nlp_chain_spec_set_language_mismatch:
 * @spec: a chain spec
 * @policy: the policy
 *
 * Sets the language-mismatch policy (default: warn).
 */
void          nlp_chain_spec_set_language_mismatch (NlpChainSpec *spec,
                                                    NlpLanguageMismatch policy);
/**
 * nlp_chain_spec_get_language_mismatch:
 * @spec: a chain spec
 *
 * Returns: the language-mismatch policy
 */
NlpLanguageMismatch nlp_chain_spec_get_language_mismatch (const NlpChainSpec *spec);
/**
 * nlp_language_mismatch_from_string:
 * @text: "warn", "run" or "fail"
 * @policy: (out): the policy
 *
 * Returns: %FALSE when @text is none of them
 */
gboolean      nlp_language_mismatch_from_string (const char *text,
                                                 NlpLanguageMismatch *policy);

G_END_DECLS

#endif
