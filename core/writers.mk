# Extra output formats: core_libnlpipe_la_SOURCES += core/writer-NAME.c
