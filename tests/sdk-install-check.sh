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

# 4. docs/writing-stages.md as a stage author follows it: every file and
# excerpt it shows is what examples/ holds, and every command it gives runs
# (in a copy of examples/shout, with nothing but the installed SDK:
# pkg-config, the installed nlpipe on PATH).
guide () {
  cp -a "$src/examples/shout" "$tmp/guide" &&
    env PATH="$prefix/bin:/usr/bin:/bin" PKG_CONFIG_PATH="$PKG_CONFIG_PATH" HOME="$tmp" \
      python3 "$src/tests/check-guide.py" "$src/docs/writing-stages.md" "$src" "$tmp/guide"
}
check "docs/writing-stages.md: every code block is examples/ or runs" "$tmp/guide.log" guide
grep -E '^(PASS|FAIL): ' "$tmp/guide.log" | sed 's/^/    /'
check "the guide's stage marks capitals (tokenize,shout on the installed nlpipe)" "$tmp/shout.log" \
  sh -c "echo 'The EU and NATO met in Oslo.' | env -i PATH=/usr/bin:/bin '$prefix/bin/nlpipe' -q \
           -p tokenize,shout -f json | grep -q '\"norm\":\"nato\",\"kind\":\"word\",\"shout\":1}'"

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

# 6. examples/embed: a C program that embeds libnlpipe, built with its
# Makefile and pkg-config alone, run against the installed library.
embed () {
  cp -a "$src/examples/embed" "$tmp/embed" && make -C "$tmp/embed" CFLAGS="-Wall -Wextra -Werror" &&
    env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$prefix/lib" "$tmp/embed/embed" 2 >"$tmp/embed.out"
}
check "examples/embed builds with pkg-config and runs on several threads" "$tmp/embed.log" embed
check "examples/embed reads entities and sentence scores" "$tmp/embed-out.log" \
  sh -c "grep -q '^article-3\$' '$tmp/embed.out' && grep -q 'entity   ORG   NATO' '$tmp/embed.out' &&
         grep -q 'sentence 1 sentiment +0.6808' '$tmp/embed.out'"

# 7. The installed typelib and Python package, when the build has them.
typelib=$prefix/lib/girepository-1.0/Nlpipe-1.0.typelib
pydir=$(find "$prefix/lib" -type d -name nlpipe -path '*-packages/*' 2>/dev/null | head -n 1)
if [ -f "$typelib" ] && [ -n "$pydir" ]; then
  python_ok () {
    env -i PATH=/usr/bin:/bin HOME="$tmp" PYTHONPATH="$(dirname "$pydir")" \
      GI_TYPELIB_PATH="$prefix/lib/girepository-1.0" LD_LIBRARY_PATH="$prefix/lib" \
      /usr/bin/python3 -c 'import nlpipe, sys
doc = nlpipe.Pipeline()(open(sys.argv[1]).read())
assert ("Putin", "PER") in {(e.text, e.label) for e in doc.entities}' "$article"
  }
  check "the installed Python package runs the default chain" "$tmp/python.log" python_ok
else
  echo "SKIP: no typelib or Python package installed (the build has no introspection)"
fi
finish
