#!/bin/sh
# Regenerates the build system: ./autogen.sh && ./configure && make
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf --force --install --verbose "$@"
# automake's TAP driver reads the Criterion test programs' reports
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/
