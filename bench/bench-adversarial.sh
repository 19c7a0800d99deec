#!/bin/sh
# bench/bench-adversarial.sh [BUILD_DIR] [MAX_MB] — hostile text at growing
# sizes through the default chain; prints each stage's time per MB at each
# size.  Linear stages keep s/MB flat as the size doubles; a quadratic one
# doubles it.  (docs/robustness.md quotes a run.)
#
#   bench/bench-adversarial.sh ../build 8
#
# Each text is one document (the worst case: no document boundary resets
# any state), run with -j 1 -f none --profile.
set -eu
build=$(cd "${1:-.}" && pwd)
max=${2:-8}
nlpipe=$build/core/nlpipe
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name and one repeating unit of each hostile text
kinds="punct nospace abbrev capitals quotes sentiment mixed"
unit () {
  case $1 in
    punct)     printf '!?.,;:-"()...' ;;
    nospace)   printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' ;;
    abbrev)    printf 'Dr. Mr. St. U.S. e.g. i.e. Jan. ' ;;
    capitals)  printf 'Donald Trump Vladimir Putin Anchorage Alaska United States ' ;;
    quotes)    printf '"«(\xe2\x80\x9c[' ;;
    sentiment) printf 'not very good but extremely bad :) !!! ' ;;
    mixed)     printf 'Москва 東京 القاهرة https://x.org/a a@b.co #tag @who 3.5%% ' ;;
  esac
}

printf '%-10s %5s' text MB
"$nlpipe" -q -j 1 -f none --profile /dev/null 2>&1 | sed -n 's/^  \([a-z_]*\) .*/\1/p' |
  while read -r s; do printf ' %10s' "$s"; done
echo "   (s per MB)"
for kind in $kinds; do
  unit "$kind" > "$tmp/unit"
  mb=1
  while [ "$mb" -le "$max" ]; do
    bytes=$((mb * 1048576))
    # repeat the unit to the size (head cuts mid-character at worst once:
    # the reader's replace policy copes)
    while [ "$(wc -c < "$tmp/unit")" -lt "$bytes" ]; do
      cat "$tmp/unit" "$tmp/unit" > "$tmp/u2" && mv "$tmp/u2" "$tmp/unit"
    done
    head -c "$bytes" "$tmp/unit" > "$tmp/doc.txt"
    printf '%-10s %5d' "$kind" "$mb"
    "$nlpipe" -q -j 1 -f none --profile --invalid-utf8=replace "$tmp/doc.txt" 2>&1 |
      sed -n 's/^  [a-z_]* *\([0-9.]*\) s.*/\1/p' |
      while read -r secs; do printf ' %10.3f' "$(echo "$secs / $mb" | bc -l)"; done
    echo
    mb=$((mb * 2))
  done
  unit "$kind" > "$tmp/unit"
done
