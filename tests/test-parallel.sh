#!/bin/sh
# test-parallel.sh — nlpipe as the tools around it see it, reporting TAP:
#  - under GNU parallel --pipe its output equals the single-process output;
#  - on a terminal (a pseudo-terminal made by script(1)) it shows progress;
#  - when its reader goes away (`nlpipe ... | head -1`) it exits at once,
#    with SIGPIPE and with SIGPIPE ignored, instead of processing the rest.
# Run from the top build directory (as `make check` does); extra arguments
# (criterion-tap.sh passes --tap=- --jobs=2) are ignored.
set -u
nlpipe=./core/nlpipe
stages="--plugin-path tests/stages -p runfail"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nlp-parallel-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { if [ "$1" = 0 ]; then ok "$2"; else not_ok "$2"; fi; }

echo "1..6"

# 600 records; every 5th is slow so that chunks finish out of order
i=0
while [ $i -lt 600 ]; do
  slow=""; [ $((i % 5)) = 0 ] && slow=" SLOW"
  printf '{"id": "p%d", "text": "Paragraph %d of the stream.%s", "part": %d}\n' \
    $i $i "$slow" $((i % 3))
  i=$((i + 1))
done > "$tmp/in.jsonl"

$nlpipe $stages -q -j 2 --input-format=jsonl < "$tmp/in.jsonl" > "$tmp/one.jsonl"
check $? "single process over stdin"

if command -v parallel > /dev/null 2>&1; then
  # --pipe cuts stdin into blocks of whole lines; -k keeps the blocks' order
  parallel --will-cite --pipe -k -N 50 -j 3 \
    $nlpipe $stages -q -j 1 --input-format=jsonl < "$tmp/in.jsonl" > "$tmp/par.jsonl"
  rc=$?
  lines=$(wc -l < "$tmp/par.jsonl")
  if [ $rc = 0 ] && [ "$lines" = 600 ] && cmp -s "$tmp/one.jsonl" "$tmp/par.jsonl"; then
    ok "GNU parallel --pipe output equals the single-process output"
  else
    not_ok "GNU parallel --pipe output equals the single-process output ($rc, $lines lines)"
    diff "$tmp/one.jsonl" "$tmp/par.jsonl" | head -5 | sed 's/^/# /'
  fi
else
  skip "GNU parallel --pipe output equals the single-process output" "parallel is not installed"
fi

# progress on a terminal: 30 slow documents take 600 ms, past the 250 ms refresh
head -n 150 "$tmp/in.jsonl" | grep SLOW > "$tmp/slow.jsonl"
if command -v script > /dev/null 2>&1 && script -qec true /dev/null < /dev/null > /dev/null 2>&1; then
  script -qec "$nlpipe $stages -j 1 -f none $tmp/slow.jsonl" /dev/null \
    < /dev/null > "$tmp/tty.txt" 2>&1
  if grep -q 'nlpipe: [0-9]* documents, .* MB/s, .*ETA' "$tmp/tty.txt" &&
     grep -q '30 documents read, 30 written' "$tmp/tty.txt"; then
    ok "progress with ETA on a terminal"
  else
    not_ok "progress with ETA on a terminal"
    sed 's/^/# /' "$tmp/tty.txt" | head -5
  fi
else
  skip "progress with ETA on a terminal" "script(1) cannot make a pseudo-terminal here"
fi

# a reader that goes away: 3000 slow documents would take a minute at -j 2
i=0
while [ $i -lt 3000 ]; do
  printf '{"id": "e%d", "text": "Slow SLOW %d."}\n' $i $i
  i=$((i + 1))
done > "$tmp/slow-many.jsonl"
start=$(date +%s)
timeout 30 sh -c "$nlpipe $stages -q -j 2 $tmp/slow-many.jsonl | head -n 1 > $tmp/head.txt"
rc=$?
secs=$(( $(date +%s) - start ))
grep -q '"id":"e0"' "$tmp/head.txt"
check $(( rc != 0 || $? != 0 )) "| head -1 ends the run (SIGPIPE) in ${secs} s"

start=$(date +%s)
timeout 30 sh -c "trap '' PIPE; $nlpipe $stages -j 2 $tmp/slow-many.jsonl 2> $tmp/epipe.err \
  | head -n 1 > /dev/null"
rc=$?
secs=$(( $(date +%s) - start ))
if [ $rc != 124 ] && grep -q 'cannot write the output: Broken pipe' "$tmp/epipe.err" &&
   grep -q 'not processed after the stop' "$tmp/epipe.err"; then
  ok "| head -1 with SIGPIPE ignored: EPIPE stops the run in ${secs} s"
else
  not_ok "| head -1 with SIGPIPE ignored: EPIPE stops the run ($rc)"
  sed 's/^/# /' "$tmp/epipe.err" | head -5
fi

# the same chain over a directory tree and over GNU parallel's pieces of a file list
mkdir -p "$tmp/tree/x" "$tmp/tree/y"
for f in a b c; do echo "Text $f." > "$tmp/tree/x/$f.txt"; echo "More $f." > "$tmp/tree/y/$f.txt"; done
$nlpipe $stages -q -o "$tmp/out/" "$tmp/tree" &&
  [ -f "$tmp/out/x/a.json" ] && [ -f "$tmp/out/y/c.json" ] &&
  [ -z "$(find "$tmp/out" -name '.*' -type f)" ]
check $? "-o DIR/ mirrors a directory tree and leaves no temporary file"

echo "# $n tests, $failed failed"
[ $failed = 0 ]
