/* nlpipe.h — the umbrella header of libnlpipe.
 *
 * Stage authors need only nlpipe-stage.h.  Programs that embed nlpipe
 * (load stages, build a chain, run documents) include this header.
 */
#ifndef NLPIPE_H
#define NLPIPE_H

#include "nlpipe-stage.h"
#include "nlp-version.h"
#include "nlp-options.h"
#include "nlp-registry.h"
#include "nlp-pipeline.h"
#include "nlp-reader.h"
#include "nlp-writer.h"
#include "nlp-runner.h"
#include "nlp-processor.h"
#include "nlp-describe.h"
#include "nlp-types.h"

#endif
