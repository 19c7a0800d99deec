/* nlp-chain-spec-private.h — the parts of NlpChainSpec the pipeline reads. */
#ifndef NLP_CHAIN_SPEC_PRIVATE_H
#define NLP_CHAIN_SPEC_PRIVATE_H

#include "nlp-chain-spec.h"

typedef struct {
  char *instance;
  char *stage;
} NlpChainItem;

typedef struct {
  char    *instance;
  char    *option;
  char    *value;
  char    *origin;             /* "--set" or "FILE [group] key" */
  gboolean strict;             /* an unknown instance is an error */
} NlpChainSetting;

struct _NlpChainSpec {
  gint       ref;
  char      *stages;           /* as given, or NULL for the default */
  GPtrArray *items;            /* NlpChainItem * */
  GPtrArray *settings;         /* NlpChainSetting *, in order of precedence */
  GPtrArray *plugin_path;      /* char *, NULL-terminated */
  NlpLanguageMismatch language_mismatch;
};

#endif
