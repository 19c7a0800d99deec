#!/bin/sh
# The keywords stage through the nlpipe command: info, JSON and text output.
# Run by `make check` (NLPIPE, srcdir and builddir come from the Makefile).
set -u
: "${NLPIPE:?run me through make check}"
pass=0 fail=0
ok () { pass=$((pass + 1)); echo "PASS: $1"; }
ko () { fail=$((fail + 1)); echo "FAIL: $1"; }
check () { name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else ko "$name"; fi; }

run () {
  "$NLPIPE" --plugin-path "$builddir" --set keywords.datadir="$srcdir/data" -q "$@"
}
article="$srcdir/tests/article.txt"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

"$NLPIPE" info --plugin-path "$builddir" --json keywords >"$tmp/info" 2>&1
check "info --json names the options" grep -q '"name" : "max-words"' "$tmp/info"
check "info --json shows the file" grep -q "\"file\" : \"$builddir/keywords" "$tmp/info"

run -p tokenize,sentence,stem,keywords -f json "$article" >"$tmp/json" 2>"$tmp/err"
check "json run succeeds" test -s "$tmp/json"
check "json has the keywords layer" grep -q '"keywords"' "$tmp/json"
check "json has the solar farm phrase" grep -q '"phrase" *: *"solar farm"' "$tmp/json"

run -p tokenize,sentence,stem,keywords -f text "$article" >"$tmp/text" 2>"$tmp/err"
check "text shows the layer" grep -q '^Layer keywords ([0-9]*): .*"Solar Farm" phrase=solar farm rank=1 ' "$tmp/text"
check "text shows the ranking" grep -q '^keywords: \[' "$tmp/text"

run -p tokenize,sentence,stem,keywords -f json --set keywords.count=0 "$article" >/dev/null 2>"$tmp/err"
check "count=0 is refused" grep -q 'count' "$tmp/err"

# twice in one chain, with different options: each instance under its name
run -p tokenize,sentence,stem,keywords,top=keywords --set top.datadir="$srcdir/data" \
  --set top.count=2 -f json "$article" >"$tmp/two" 2>"$tmp/err"
check "an alias beside the stage: both layers" grep -q '"top" *: *\[.*"keywords" *: *\[\|"keywords" *: *\[.*"top" *: *\[' "$tmp/two"
run -p tokenize,sentence,stem,keywords,top=keywords --set top.datadir="$srcdir/data" \
  --set top.count=2 -f text "$article" >"$tmp/two.txt" 2>"$tmp/err"
check "text shows the alias's layer" grep -q '^Layer top (6): "Solar Farm" phrase=solar farm rank=1' "$tmp/two.txt"
check "text shows the alias's ranking" grep -q '^top: \[' "$tmp/two.txt"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
