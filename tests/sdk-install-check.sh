#!/usr/bin/env bash
# sdk-install-check.sh [SRCDIR] — the installed SDK, as a stage author uses it.
#
# Builds nlpipe from SRCDIR (default: this script's tree) with
# --prefix=$TMP/prefix, installs it, then:
#   - runs the installed nlpipe's default chain with no environment set;
#   - compiles the stage of docs/writing-stages.md with nothing but
#     `pkg-config --cflags --libs nlpipe` and runs it;
#   - builds examples/keywords (autogen, configure, make check, make install
#     into the installed plugindir) and runs the installed nlpipe with it in
#     the chain: its layer must show in JSON and text output.
# Prints PASS:/FAIL: per check and automake-style "# PASS: N" / "# FAIL: N"
# counts; exits non-zero when a check failed.  KEEP=1 keeps $TMP.
# Needs: the build's Debian packages (README.md), pkg-config, autoconf,
# automake, libtool; Criterion for the example's unit tests (optional).
set -u
src=$(cd "${1:-$(dirname "$0")/..}" && pwd) || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nlpipe-sdk.XXXXXX") || exit 2
[ "${KEEP:-0}" = 1 ] && echo "keeping $tmp" || trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
article=$src/examples/articles/anchorage-summit.txt
pass=0 fail=0

ok () { pass=$((pass + 1)); echo "PASS: $1"; }
ko () {
  fail=$((fail + 1)); echo "FAIL: $1"
  [ -z "${2:-}" ] || tail -n 30 "$2" | sed 's/^/    /'
  return 1
}
# check NAME LOG CMD...: runs CMD with its output in LOG.
check () { local name=$1 log=$2; shift 2; if "$@" >"$log" 2>&1; then ok "$name"; else ko "$name" "$log"; fi; }
finish () {
  echo "# PASS: $pass"
  echo "# FAIL: $fail"
  [ "$fail" -eq 0 ]
  exit
}
# The installed nlpipe exactly as a user runs it: no NLPIPE_* or build paths.
nlpipe () { env -i PATH=/usr/bin:/bin HOME="$tmp" "$prefix/bin/nlpipe" "$@"; }

# 1. Build and install from a clean copy of the tree (a tree configured in
# place cannot also host a VPATH build; compiled-in paths need a fresh build).
build_install () {
  cp -a "$src" "$tmp/src" && cd "$tmp/src" || return 1
  if [ -f Makefile ]; then make distclean >/dev/null || return 1; fi
  [ -x configure ] || ./autogen.sh || return 1
  mkdir "$tmp/build" && cd "$tmp/build" &&
    "$tmp/src/configure" -q --prefix="$prefix" &&
    make -j2 && make install
}
check "build and install nlpipe into a staging prefix" "$tmp/install.log" build_install ||
  finish
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
plugindir=$(pkg-config --variable=plugindir nlpipe)
stagedatadir=$(pkg-config --variable=stagedatadir nlpipe)

# 2. What pkg-config tells a stage author.
check "nlpipe.pc: plugindir is the installed stage directory" "$tmp/pc.log" \
  test "$plugindir" = "$prefix/lib/nlpipe" -a -f "$plugindir/stem.so"
check "nlpipe.pc: stagedatadir holds the stages' data" "$tmp/pc.log" \
  test "$stagedatadir" = "$prefix/share/nlpipe" -a -d "$stagedatadir/sentence"
check "nlpipe.pc: Cflags find <nlpipe-stage.h> and <nlpipe.h>" "$tmp/pc.log" \
  sh -c "printf '#include <nlpipe-stage.h>\n#include <nlpipe.h>\n' |
         cc -fsyntax-only -Wall -Werror \$(pkg-config --cflags nlpipe) -x c -"

# 3. The installed command on its own.
# lists FILE NAME...: FILE (nlpipe list output) has a line for each NAME.
lists () { local f=$1; shift; for n; do grep -q "^$n " "$f" || return 1; done; }
nlpipe list >"$tmp/list.out" 2>&1
check "installed nlpipe lists the shipped stages" "$tmp/list.log" \
  lists "$tmp/list.out" tokenize sentence stem entity sentiment
nlpipe -q "$article" >"$tmp/default.json" 2>"$tmp/default.log"
check "installed nlpipe runs the default chain with no environment" "$tmp/default.log" \
  grep -q '"entity":\[{' "$tmp/default.json"

# The installed nlpipe serve: nothing but the prefix (its page is
# compiled in); a client in Python when there is one.
serve_check () {
  local pid i=0 url status
  env -i PATH=/usr/bin:/bin HOME="$tmp" "$prefix/bin/nlpipe" serve -q -j 1 \
    --listen 127.0.0.1:0 >"$tmp/serve.url" 2>"$tmp/serve.err" &
  pid=$!
  while ! grep -q '^listening on ' "$tmp/serve.url" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 200 ]; then cat "$tmp/serve.err"; kill "$pid"; return 1; fi
    sleep 0.05
  done
  url=$(sed -n 's/^listening on //p' "$tmp/serve.url")
  python3 "$src/examples/clients/nlpipe_client.py" --url "$url" --json "$article" |
    grep -q '"entity":\[{' &&
    python3 -c 'import sys, urllib.request
sys.exit("<textarea" not in urllib.request.urlopen(sys.argv[1]).read().decode())' "$url"
  status=$?
  kill -TERM "$pid"
  wait "$pid" || status=1
  return $status
}
if command -v python3 >/dev/null 2>&1; then
  check "installed nlpipe serve answers its page and the Python client" "$tmp/serve.log" serve_check
else
  echo "SKIP: installed nlpipe serve (needs python3 for its client)"
fi

# 4. The stage of docs/writing-stages.md, built with pkg-config alone.
mkdir -p "$tmp/doc-stage"
awk '/^<!-- file: shout.c -->/ { on = 1; next } on && /^```c/ { next }
     on && /^```/ { exit } on' "$src/docs/writing-stages.md" >"$tmp/doc-stage/shout.c"
check "docs/writing-stages.md stage compiles with pkg-config only" "$tmp/doc-stage/cc.log" \
  sh -c "cc -shared -fPIC -fvisibility=hidden -Wall -Wextra -Werror -Wno-unused-parameter \
           -o '$tmp/doc-stage/shout.so' '$tmp/doc-stage/shout.c' \
           \$(pkg-config --cflags --libs nlpipe) -Wl,-z,defs"
echo "The EU and NATO met in Oslo." |
  nlpipe -q --plugin-path "$tmp/doc-stage" -p tokenize,shout -f json >"$tmp/shout.json" 2>"$tmp/shout.log"
check "the doc's stage runs in a chain with --plugin-path" "$tmp/shout.log" \
  grep -q '"norm":"nato","kind":"word","shout":1}' "$tmp/shout.json"

# 5. The out-of-tree example: its own build system and tests, installed into
# nlpipe's plugindir.
example () {
  cp -a "$src/examples/keywords" "$tmp/keywords" && cd "$tmp/keywords" &&
    ./autogen.sh && ./configure -q && make && make check && make install
}
check "examples/keywords: autogen, configure, make check, make install" "$tmp/keywords.log" example
check "the example installed its stage and data where nlpipe.pc says" "$tmp/kw-files.log" \
  test -f "$plugindir/keywords.so" -a -f "$stagedatadir/keywords/stopwords.txt"

nlpipe info --json keywords >"$tmp/info.json" 2>"$tmp/info.log"
check "installed nlpipe info describes the example" "$tmp/info.log" \
  grep -q "\"data_dir\" : \"$stagedatadir/keywords\"" "$tmp/info.json"
nlpipe -q -p tokenize,sentence,stem,keywords -f json "$article" >"$tmp/kw.json" 2>"$tmp/kw.log"
check "JSON output has the keywords layer and ranking" "$tmp/kw.log" \
  grep -q '"keywords":\[{"start":.*"phrase":"[a-z].*"rank":1' "$tmp/kw.json"
nlpipe -q -p tokenize,sentence,stem,keywords -f text "$article" >"$tmp/kw.txt" 2>"$tmp/kw.log"
check "text output has the keywords layer" "$tmp/kw.log" \
  grep -q '^Layer keywords ([1-9][0-9]*): ".*" phrase=.* rank=1 ' "$tmp/kw.txt"
nlpipe -q -p tokenize,sentence,stem,keywords,top=keywords --set top.count=3 -f json \
  "$article" >"$tmp/alias.json" 2>"$tmp/alias.log"
# ranks LAYER FILE: the distinct ranks in the rows of LAYER (rows have a
# "start", unlike the doc attribute of the same name) in the JSON FILE.
ranks () { grep -o '"'"$1"'":\[{"start"[^]]*' "$2" | grep -o '"rank":[0-9]*' | sort -u | tr '\n' ' '; }
check "an aliased instance adds its own layer beside the first" "$tmp/alias.log" \
  test "$(ranks top "$tmp/alias.json")" = '"rank":1 "rank":2 "rank":3 ' \
    -a "$(ranks keywords "$tmp/alias.json" | wc -w)" -gt 3
finish
