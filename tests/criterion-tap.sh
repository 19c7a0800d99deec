#!/bin/sh
# Runs one Criterion test program with its report as TAP on stdout, for
# automake's tap-driver (one PASS/FAIL line per test case).
exec "$@" --tap=- --jobs=2
