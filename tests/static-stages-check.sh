#!/usr/bin/env bash
# static-stages-check.sh [SRCDIR] — the command built with
# --enable-static-stages: the shipped stages linked in (libltdl
# preloading), so the installed nlpipe runs the default chain with no stage
# file on disk.  Builds a clean copy of SRCDIR into a staging prefix,
# deletes every installed stage file, runs the chain.  Prints PASS:/FAIL:
# per check and automake-style "# PASS: N" / "# FAIL: N".  KEEP=1 keeps
# the temporary directory.
set -u
src=$(cd "${1:-$(dirname "$0")/..}" && pwd) || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nlpipe-static.XXXXXX") || exit 2
[ "${KEEP:-0}" = 1 ] && echo "keeping $tmp" || trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
pass=0 fail=0
ok () { pass=$((pass + 1)); echo "PASS: $1"; }
ko () { fail=$((fail + 1)); echo "FAIL: $1"; [ -z "${2:-}" ] || tail -n 30 "$2" | sed 's/^/    /'; }
check () { local name=$1 log=$2; shift 2; if "$@" >"$log" 2>&1; then ok "$name"; else ko "$name" "$log"; fi; }
finish () { echo "# PASS: $pass"; echo "# FAIL: $fail"; [ "$fail" -eq 0 ]; exit; }

build () {
  git clone -q "$src" "$tmp/src" 2>/dev/null || cp -a "$src" "$tmp/src"
  cd "$tmp/src" && { [ ! -f Makefile ] || make distclean >/dev/null; } &&
    ./autogen.sh >/dev/null 2>&1 &&
    ./configure -q --prefix="$prefix" --enable-static --enable-static-stages \
      --disable-introspection && make -j2 && make install
}
check "build and install with --enable-static-stages" "$tmp/build.log" build || finish

rm -f "$prefix"/lib/nlpipe/*.so "$prefix"/lib/nlpipe/*.la "$prefix"/lib/nlpipe/*.a
left=$(find "$prefix/lib/nlpipe" -type f 2>/dev/null | wc -l)
check "no stage file is left on disk" "$tmp/left.log" test "$left" -eq 0

nlpipe () { env -i PATH=/usr/bin:/bin HOME="$tmp" "$prefix/bin/nlpipe" "$@"; }
nlpipe list >"$tmp/list.out" 2>&1
check "nlpipe list shows the linked-in stages" "$tmp/list.log" \
  sh -c "for s in lang tokenize sentence stem entity sentiment pos lemma; do grep -q \"^\$s \" '$tmp/list.out' || exit 1; done"
nlpipe -q -f text "$src/examples/articles/anchorage-summit.txt" >"$tmp/text.out" 2>"$tmp/text.err"
check "the default chain runs with no stage file" "$tmp/text.err" \
  grep -q '\[Vladimir Putin|PER\]' "$tmp/text.out"
nlpipe info entity >"$tmp/info.out" 2>&1
check "info says the stage is linked in and finds its installed data" "$tmp/info.log" \
  sh -c "grep -q 'file:      (linked into the program) entity' '$tmp/info.out' &&
         grep -q 'data:      $prefix/share/nlpipe/entity' '$tmp/info.out'"
finish
