#!/bin/sh
# serve-python.sh — examples/clients/nlpipe_client.py (Python, standard
# library only) against a running nlpipe serve: its JSON Lines equal the
# command's output on the same records byte for byte, its summary shows
# the command's entity counts, its errors are one line.  TAP; skips when
# there is no python3.  Run by make check from the build directory.
set -u
build=${NLP_TEST_BUILDDIR:-$PWD}
src=${NLP_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
client=$src/examples/clients/nlpipe_client.py
article=$src/examples/articles/anchorage-summit.txt
chess=$src/tests/fixtures/serve/chess.txt
if ! command -v python3 > /dev/null 2>&1; then
  echo "1..0 # SKIP python3 not found: install the Debian package python3"
  exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nlpipe-py-XXXXXX")
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null; fi; rm -rf "$tmp"' EXIT
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
ko () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l; do echo "# $l"; done; }

"$build/core/nlpipe" serve -q -j 2 --listen 127.0.0.1:0 > "$tmp/url" 2> "$tmp/err" &
server=$!
i=0
while ! grep -q '^listening on ' "$tmp/url" 2>/dev/null && [ $i -lt 200 ]; do
  i=$((i + 1)); sleep 0.05
done
url=$(sed -n 's/^listening on //p' "$tmp/url")
[ -n "$url" ] || { echo "1..0 # SKIP nlpipe serve did not start: $(cat "$tmp/err")"; exit 1; }

# 1. --json: the server's JSON Lines, equal to the command on the same
# records (ids: the file names, as the client sends them)
python3 "$client" --url "$url" --json "$article" "$chess" > "$tmp/client.jsonl" 2> "$tmp/client.err"
python3 -c 'import json, os, sys
for p in sys.argv[1:]:
    print(json.dumps({"id": os.path.basename(p), "text": open(p, encoding="utf-8").read()}))' \
  "$article" "$chess" > "$tmp/request"
(cd "$tmp" && "$build/core/nlpipe" -q --input-format=jsonl request) > "$tmp/command.jsonl"
if [ -s "$tmp/client.jsonl" ] && cmp -s "$tmp/client.jsonl" "$tmp/command.jsonl"; then
  ok "nlpipe_client.py --json prints what nlpipe prints for the same records"
else
  ko "nlpipe_client.py --json prints what nlpipe prints for the same records" \
     "$(cat "$tmp/client.err")" "$(cmp "$tmp/client.jsonl" "$tmp/command.jsonl" 2>&1)"
fi

# 2. the summary for people: headline, and each entity with the command's count
python3 "$client" --url "$url" "$article" > "$tmp/summary.txt" 2>&1
want=$(python3 -c 'import json, sys
d = json.loads(open(sys.argv[1]).readline())
e = d["attributes"]["entities"][0]
print("   %s (%s) x%d" % (e["name"], e["label"], e["count"]))' "$tmp/command.jsonl")
if grep -qx '== anchorage-summit.txt: Did Trump and Putin Make Significant Progress in Their Bilateral Meeting?' "$tmp/summary.txt" &&
   grep -q "^$want" "$tmp/summary.txt"; then
  ok "the summary names the headline and the entities with their counts ($want)"
else
  ko "the summary names the headline and the entities with their counts ($want)" \
     "$(head -5 "$tmp/summary.txt")"
fi

# 3. the module: one text, errors as NlpipeError with the server's code
out=$(PYTHONPATH="$src/examples/clients" PYTHONDONTWRITEBYTECODE=1 python3 -c 'import sys
from nlpipe_client import Client, NlpipeError
nlp = Client(sys.argv[1])
doc = nlp.annotate("Angela Merkel met Emmanuel Macron in Paris.")
print(doc["id"], ",".join(e["name"] for e in doc["attributes"]["entities"]))
print(nlp.annotate("One. Two.", format="sentences"), end="")
try:
    nlp.annotate("x", format="pdf")
except NlpipeError as e:
    print(e.status, e.code)
print(nlp.health()["status"], [s["name"] for s in nlp.stages()])' "$url" 2>&1)
expect="request Angela Merkel,Emmanuel Macron,Paris
One.
Two.
400 unknown_format
ready ['lang', 'tokenize', 'sentence', 'stem', 'entity', 'sentiment']"
if [ "$out" = "$expect" ]; then
  ok "Client.annotate, a format, an error, health and stages"
else
  ko "Client.annotate, a format, an error, health and stages" "$out"
fi

# 4. a server that is not there: one line, exit status 1
python3 "$client" --url http://127.0.0.1:1 "$chess" > /dev/null 2> "$tmp/down.err"
status=$?
if [ $status -eq 1 ] && [ "$(wc -l < "$tmp/down.err")" -eq 1 ] &&
   grep -q "cannot reach http://127.0.0.1:1" "$tmp/down.err"; then
  ok "no server: one line naming the URL, exit status 1"
else
  ko "no server: one line naming the URL, exit status 1" "status $status" "$(cat "$tmp/down.err")"
fi

kill -TERM "$server"
wait "$server"
status=$?
server=""
[ $status -eq 0 ] && ok "the server stops on SIGTERM with status 0" ||
  ko "the server stops on SIGTERM with status 0" "status $status" "$(cat "$tmp/err")"
echo "1..$n"
[ $failed -eq 0 ]
