#!/bin/sh
# test-python.sh — the Python package (core/bindings/python) on the built
# tree, through the built typelib: tests/python/test_*.py as TAP.  Skips,
# saying why, when the build has no introspection or no Python with
# PyGObject.
set -u
srcdir=${NLP_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${NLP_TEST_BUILDDIR:-$PWD}
if [ "${NLP_HAVE_PYTHON_GI:-no}" != yes ]; then
  echo "1..0 # SKIP the build has no introspection or no Python 3 with PyGObject (Debian: gobject-introspection libgirepository1.0-dev python3-gi)"
  exit 0
fi
PYTHONPATH=$srcdir/core/bindings/python${PYTHONPATH:+:$PYTHONPATH}
GI_TYPELIB_PATH=$builddir/core${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}
LD_LIBRARY_PATH=$builddir/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
NLP_TEST_SRCDIR=$srcdir NLP_TEST_BUILDDIR=$builddir
export PYTHONPATH GI_TYPELIB_PATH LD_LIBRARY_PATH NLP_TEST_SRCDIR NLP_TEST_BUILDDIR
exec "$NLP_PYTHON" "$srcdir/tests/python/tap.py"
