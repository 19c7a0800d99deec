#!/bin/sh
# Installs franc 6.2.0 once into a cache folder (as ../shared/bench/peers/
# run.sh installs wink-nlp) and runs bench/peers/franc-lang.mjs.
#   usage: bench/peers/run-franc.sh [--only] TEST.tsv
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nlpipe-franc}
if [ ! -d "$cache/node_modules/franc" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm init -y >/dev/null && npm install --silent franc@6.2.0 >/dev/null)
fi
# an ES module finds its imports next to itself: run a copy in the cache
cp "$here/franc-lang.mjs" "$cache/franc-lang.mjs"
exec node "$cache/franc-lang.mjs" "$@"
