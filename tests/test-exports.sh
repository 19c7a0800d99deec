#!/bin/sh
# test-exports.sh — libnlpipe exports its documented API and nothing else:
# every dynamic symbol is nlp_[a-z]..., none is private (nlp__...), and
# each is declared in an installed header.  Run by make check (from the
# build directory); prints TAP.
set -u
NLP_TEST_BUILDDIR=${NLP_TEST_BUILDDIR:-$PWD}
NLP_TEST_SRCDIR=${NLP_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
lib=$NLP_TEST_BUILDDIR/core/.libs/libnlpipe.so
pass=0 fail=0
ok () { pass=$((pass + 1)); echo "ok $((pass + fail)) - $1"; }
ko () { fail=$((fail + 1)); echo "not ok $((pass + fail)) - $1"; shift; printf '# %s\n' "$@"; }

syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' | sort -u)
[ -n "$syms" ] && ok "libnlpipe exports symbols" || ko "libnlpipe exports symbols" "nm found none in $lib"

bad=$(printf '%s\n' "$syms" | grep -v '^nlp_[a-z]' || true)
[ -z "$bad" ] && ok "every export is nlp_[a-z]*" || ko "every export is nlp_[a-z]*" $bad

private=$(printf '%s\n' "$syms" | grep '^nlp__' || true)
[ -z "$private" ] && ok "no private nlp__ symbol is exported" || ko "no private nlp__ symbol is exported" $private

# each export is declared in a header that make install installs
headers=$(awk '/^nlpipeinclude_HEADERS/ { f = 1 } f { print; if ($0 !~ /\\$/) exit }' \
  "$NLP_TEST_SRCDIR/core/local.mk" | tr ' \t\\' '\n\n\n' | grep '\.h$' | sort -u)
undeclared=
for s in $syms; do
  found=no
  for h in $headers; do
    if grep -q "\b$s\b" "$NLP_TEST_SRCDIR/$h" 2>/dev/null; then found=yes; break; fi
  done
  [ $found = yes ] || undeclared="$undeclared $s"
done
[ -z "$undeclared" ] && ok "every export is declared in an installed header" ||
  ko "every export is declared in an installed header" $undeclared

# The library reports and never prints: it references neither the standard
# streams nor the functions that print on them (fwrite is for the stream a
# caller hands to nlp_run)
printing=$(nm -D --undefined-only "$lib" | awk '{ sub(/@.*/, "", $2); print $2 }' |
  grep -xE 'stdout|stderr|printf|vprintf|fprintf|vfprintf|__printf_chk|__fprintf_chk|puts|fputs|putchar|perror|g_print|g_printerr' || true)
[ -z "$printing" ] && ok "libnlpipe never prints (no stdout, stderr or printing call)" ||
  ko "libnlpipe never prints (no stdout, stderr or printing call)" $printing

# ... and documented there: a gtk-doc block (" * SYMBOL:"), which the API
# reference and the introspection data are made from
undocumented=
for s in $syms; do
  case $s in *_get_type) continue ;; esac   # the boxed GTypes of nlp-types.h
  found=no
  for h in $headers; do
    if grep -q "^ \* $s:" "$NLP_TEST_SRCDIR/$h" 2>/dev/null; then found=yes; break; fi
  done
  [ $found = yes ] || undocumented="$undocumented $s"
done
[ -z "$undocumented" ] && ok "every export has its documentation block" ||
  ko "every export has its documentation block" $undocumented

echo "1..$((pass + fail))"
[ "$fail" -eq 0 ]
