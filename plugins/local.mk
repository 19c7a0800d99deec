# Each stage folder adds its module, its data and its tests.
include plugins/tokenize/local.mk
include plugins/sentence/local.mk
include plugins/stem/local.mk
include plugins/entity/local.mk
include plugins/sentiment/local.mk
include plugins/lang/local.mk
include plugins/pos/local.mk
include plugins/lemma/local.mk
