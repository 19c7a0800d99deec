#!/bin/sh
# test-gjs.sh — examples/gjs/annotate.js, the JavaScript example, on the
# seed article through the built typelib (TAP).  Skips, saying why, without
# introspection or gjs.
set -u
srcdir=${NLP_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${NLP_TEST_BUILDDIR:-$PWD}
if [ "${NLP_HAVE_INTROSPECTION:-no}" != yes ] || [ -z "${NLP_GJS:-}" ]; then
  echo "1..0 # SKIP no introspection or no gjs in this build (Debian: gobject-introspection libgirepository1.0-dev gjs)"
  exit 0
fi
out=$(GI_TYPELIB_PATH=$builddir/core LD_LIBRARY_PATH=$builddir/core/.libs \
  "$NLP_GJS" -m "$srcdir/examples/gjs/annotate.js" \
  "$srcdir/examples/articles/anchorage-summit.txt" 2>&1)
status=$?
echo "1..3"
[ $status -eq 0 ] && echo "ok 1 - annotate.js runs" || { echo "not ok 1 - annotate.js runs (exit $status)"; echo "$out" | sed 's/^/# /'; }
echo "$out" | grep -q "^PER	.*	Vladimir Putin$" && echo "ok 2 - it finds Putin as a person" || echo "not ok 2 - it finds Putin as a person"
echo "$out" | grep -q "^[0-9]* sentences, first sentiment 0.5574$" && echo "ok 3 - it reads the sentence sentiment" || echo "not ok 3 - it reads the sentence sentiment"
