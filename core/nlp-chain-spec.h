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
#define NLP_DEFAULT_CHAIN "tokenize,sentence,stem,entity,sentiment"

typedef struct _NlpChainSpec NlpChainSpec;

/* What happens when a document's language (doc.lang, set by the lang
 * stage) is one a stage does not list in its languages. */
typedef enum {
  NLP_LANGUAGE_MISMATCH_WARN,  /* skip the stage on that document, with a warning */
  NLP_LANGUAGE_MISMATCH_RUN,   /* run it anyway */
  NLP_LANGUAGE_MISMATCH_FAIL,  /* the document fails */
} NlpLanguageMismatch;

/* (transfer full) an empty spec. */
NlpChainSpec *nlp_chain_spec_new   (void);
void          nlp_chain_spec_free  (NlpChainSpec *spec);
/* Replaces the stage list with @chain: "a,b,c" where each item is STAGE or
 * ALIAS=STAGE (the same stage twice under two names).  Options already set
 * for instance names that remain are kept. */
gboolean      nlp_chain_spec_set_stages (NlpChainSpec *spec, const char *chain,
                                         GError **error);
/* Records INSTANCE.OPTION=VALUE (validated when the pipeline is built). */
gboolean      nlp_chain_spec_set_option (NlpChainSpec *spec, const char *instance,
                                         const char *option, const char *value,
                                         GError **error);
/* Parses "INSTANCE.OPTION=VALUE" (a --set argument). */
gboolean      nlp_chain_spec_parse_set  (NlpChainSpec *spec, const char *assignment,
                                         GError **error);
/* Reads a GKeyFile config: [pipeline] stages=..., plugin-path=...; and a
 * group per instance whose keys are options.  Later calls and --set
 * override it.  Errors name the file (and the group/key). */
gboolean      nlp_chain_spec_load_file  (NlpChainSpec *spec, const char *path,
                                         GError **error);
/* (transfer none) NULL-terminated plugin-path entries of the config file. */
const char *const *nlp_chain_spec_get_plugin_path (const NlpChainSpec *spec);
/* (transfer none) the stage list as given, or NULL when never set. */
const char   *nlp_chain_spec_get_stages (const NlpChainSpec *spec);

/* Sets the language-mismatch policy (default: warn); a config file's
 * [pipeline] language-mismatch=warn|run|fail sets it too. */
void          nlp_chain_spec_set_language_mismatch (NlpChainSpec *spec,
                                                    NlpLanguageMismatch policy);
NlpLanguageMismatch nlp_chain_spec_get_language_mismatch (const NlpChainSpec *spec);
/* Parses "warn", "run" or "fail" into *@policy; FALSE otherwise. */
gboolean      nlp_language_mismatch_from_string (const char *text,
                                                 NlpLanguageMismatch *policy);

G_END_DECLS

#endif
