# nlpipe-program.sh — sourced by the benchmarks: builds the default
# chain's stages in $build and sets $nlpipe to the program to time.
# In a build tree core/nlpipe is libtool's wrapper, a shell script that
# sets the library path and costs ~10 ms per start; time the program
# itself, as an installed nlpipe runs (it still finds the build's stages).
make -s -C "$build" core/nlpipe plugins/tokenize.la plugins/sentence.la \
  plugins/stem.la plugins/entity.la plugins/sentiment.la >/dev/null
nlpipe="$build/core/nlpipe"
if [ -x "$build/core/.libs/nlpipe" ] && head -c 2 "$nlpipe" | grep -q '#!'; then
  nlpipe="$build/core/.libs/nlpipe"
  LD_LIBRARY_PATH="$build/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export LD_LIBRARY_PATH
fi
