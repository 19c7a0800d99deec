#!/bin/sh
# tests/fuzz/build-targets.sh SRC_DIR FUZZ_BUILD_DIR — builds the libFuzzer
# targets that link libnlpipe (every tests/fuzz/fuzz-*.c but fuzz-tokenize,
# which tests/fuzz/build.sh builds from the stage sources alone).
#
# libnlpipe and the stages are built in FUZZ_BUILD_DIR, a VPATH build of
# their own, compiled by clang with coverage instrumentation and ASan+UBSan
# (-fsanitize=fuzzer-no-link,...); each target is then linked into
# FUZZ_BUILD_DIR/tests/fuzz/fuzz-NAME.  Living inside that build tree, the
# targets load its stages with no setup (core/nlp-paths.c).
#
# The sanitizer runtime is the shared one (-shared-libsan) because stages
# are linked with -z defs: a stage's ASan symbols must resolve to a
# library, not to the executable that loads it.  libFuzzer itself is
# linked by hand after the code: given -fsanitize=fuzzer, clang puts
# libstdc++ before the ASan runtime in the library list and ASan refuses
# to start.
#
# Environment: FUZZ_CC (default clang), FUZZ_JOBS (make -j, default 2).
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 SRC_DIR FUZZ_BUILD_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
mkdir -p "$2"
build=$(cd "$2" && pwd)
cc=${FUZZ_CC:-clang}
jobs=${FUZZ_JOBS:-2}

if ! command -v "$cc" >/dev/null 2>&1; then
  echo "$0: $cc not found; apt-get install clang libclang-rt-14-dev" >&2
  exit 1
fi
rtdir=$($cc -print-runtime-dir)
libfuzzer=$rtdir/libclang_rt.fuzzer-$(uname -m).a
if [ ! -e "$libfuzzer" ]; then
  echo "$0: no $libfuzzer; apt-get install libclang-rt-14-dev" >&2
  exit 1
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -shared-libsan"
cflags="-g -O1 -fno-omit-frame-pointer"

cd "$build"
if [ ! -f config.status ] && [ -f "$src/config.status" ]; then
  # autoconf refuses a VPATH build of a source tree configured in place
  echo "$0: $src is configured in place (./configure there), and autoconf" \
       "refuses a second, VPATH build of it; make distclean there and build out" \
       "of tree (mkdir build && cd build && $src/configure && make fuzz), or give" \
       "a clean copy: git clone $src COPY && (cd COPY && ./autogen.sh) &&" \
       "sh COPY/tests/fuzz/build-targets.sh COPY $build" >&2
  exit 1
fi
if [ ! -f config.status ]; then
  echo "fuzz: configuring $build"
  # The flags ride in CC so that libtool passes them to every link.
  "$src/configure" -q CC="$cc -fsanitize=fuzzer-no-link $san" CFLAGS="$cflags" \
    LDFLAGS="-Wl,-rpath,$rtdir"
fi
# a generated header first (make builds BUILT_SOURCES only for all/check)
make -s core/writers/writer-html-css.h
make -s -j"$jobs" core/libnlpipe.la
# One by one: a stage that does not build costs only the chain target.
for la in $(make -s print-fuzz-stages); do
  make -s -j"$jobs" "$la" || echo "fuzz: warning: $la did not build" >&2
done

mkdir -p tests/fuzz
deps="glib-2.0 gio-2.0 json-glib-1.0"
for f in "$src"/tests/fuzz/fuzz-*.c; do
  name=$(basename "$f" .c)
  [ "$name" = fuzz-tokenize ] && continue
  # the JSON Lines fast path is private to the library: compiled in
  extra=
  [ "$name" = fuzz-jsonl-record ] && extra=$src/core/nlp-jsonl-record.c
  # ... and so is the command's -o DIR mapping
  [ "$name" = fuzz-output-path ] && extra="$src/core/cli/atomic-file.c $src/core/cli/cli-guard.c -I$src/core/cli"
  echo "fuzz: linking tests/fuzz/$name"
  # shellcheck disable=SC2046,SC2086 # word splitting wanted
  $cc -fsanitize=fuzzer-no-link $san $cflags -I"$src/core" -I"$src/core/writers" -I"$build/core" \
    -I"$build" $(pkg-config --cflags $deps) -o "tests/fuzz/$name" "$f" $extra \
    "$build/core/.libs/libnlpipe.so" -Wl,-rpath,"$build/core/.libs" \
    -Wl,-rpath,"$rtdir" $(pkg-config --libs $deps) "$libfuzzer" -lstdc++ -lm
done
