#!/bin/sh
# Tables too wide for the text width (the template's <figures
# min-size="8" landscape="yes">).  The small meeting of tests/check/base
# with tests/regress/landscape/ over it and a 60-row table made here:
# - a table a little too wide is set smaller on its portrait page (its
#   words lower than those of a table at the template's size);
# - a table too wide even at 8 pt goes on landscape pages of its own
#   (pdfinfo: 842 x 595), 60 rows over three of them with "(forts.)",
#   every row once; the pages before and after stay portrait;
# - the heading and the text that introduces the table (a paragraph
#   ending in a colon) go onto its first landscape page with it; in a
#   report, a chapter whose heading is followed by such a table starts
#   on the landscape page with it;
# - the running header and footer are on the landscape pages, in their
#   top and bottom bands (check_numbering.py: "Sida N av M" and x(y) on
#   every page), the agenda's page numbers and the bookmarks lead to the
#   items (check_pack.py), the report's table of contents to its
#   chapters (check_toc.py), no word outside the margins of its page;
# - the structure tree holds the tables (check_tagged.py); qpdf --check;
# - `check` reports nothing; without landscape="no" the same table is
#   an error at its reference.
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/landscape
rm -rf "$T"
mkdir -p "$T" || exit 2
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

M=$T/m
cp -R tests/check/base "$M" || exit 2
cp -R tests/regress/landscape/. "$M/" || exit 2
# Nine months for 60 lines: too wide for a portrait page even at 8 pt.
awk 'BEGIN {
	printf "Förvaltning;Jan;Feb;Mar;Apr;Maj;Jun;Jul;Aug;Sep\n"
	for (n = 1; n <= 60; n++) {
		printf "Kollektivtrafikförvaltningen, linje %d", n
		for (m = 1; m <= 9; m++) {
			v = (n * 7919 + m * 104729) % 300000 - 150000
			a = v < 0 ? -v : v
			t = int(a / 10000)
			r = int(a / 10) % 1000
			printf ";%s", v < 0 ? "-" : ""
			if (t > 0)
				printf "%d %03d,%d", t, r, a % 10
			else
				printf "%d,%d", r, a % 10
		}
		printf "\n"
	}
}' >"$M/figurer/bred.csv"

PY=python3
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then PY=$p; break; fi
done

(cd "$T" && $WRAP "$B" check m >check.out 2>check.err)
st=$?
if [ $st -eq 0 ] && [ "$(cat "$T/check.err")" = "check: 0 errors, 0 warnings" ]; then
	ok
else
	bad "check: status $st"; cat "$T/check.err"
fi
if $WRAP "$B" build "$M" -o "$T/p.pdf" >"$T/build.out" 2>"$T/build.err" &&
    [ ! -s "$T/build.err" ]; then
	ok
else
	bad "build:"; cat "$T/build.err"
fi
[ -s "$T/p.pdf" ] || { echo "landscape: no pack"; exit 1; }

# The size of every page, and which are landscape.
n=$(pdfinfo "$T/p.pdf" | awk '/^Pages:/ { print $2 }')
pdfinfo -f 1 -l "$n" "$T/p.pdf" | awk '/^Page .* size:/ {
	print $2, ($4 > $6 ? "L" : "P") }' >"$T/sizes"
land=$(awk '$2 == "L" { printf "%s ", $1 }' "$T/sizes")
# Page N's text, one word a line.
words() { pdftotext -f "$1" -l "$1" -enc UTF-8 "$T/p.pdf" - | tr -s ' \n' '\n\n'; }
text() { pdftotext -f "$1" -l "$1" -enc UTF-8 -layout "$T/p.pdf" -; }

# The agenda item's table: on landscape pages, three of them in a row,
# each with the table's caption; rows 1..60 once each.
first=$(for p in $land; do
	text "$p" | grep -q "Resultat per förvaltning och månad" && echo "$p"
done | head -n 1)
if [ -z "$first" ]; then
	bad "no landscape page holds the item's wide table (landscape: $land)"
else
	pages="$first $((first + 1)) $((first + 2))"
	for p in $pages; do
		grep -q "^$p L$" "$T/sizes" || bad "page $p is not landscape"
	done
	grep -q "^$((first - 1)) P$" "$T/sizes" || bad "page $((first - 1)) not portrait"
	grep -q "^$((first + 3)) P$" "$T/sizes" || bad "page $((first + 3)) not portrait"
	text "$((first + 1))" | grep -q "månad, mkr (forts.)" ||
		bad "page $((first + 1)): no \"(forts.)\" caption"
	for p in $pages; do text "$p"; done |
	    grep -o "linje [0-9]*" | sort | uniq -c | awk '$1 != 1' >"$T/rows"
	rows=$(for p in $pages; do text "$p"; done | grep -c "linje [0-9]")
	if [ "$rows" -eq 60 ] && [ ! -s "$T/rows" ]; then ok; else
		bad "the landscape pages hold $rows rows, want 60 once each"
		cat "$T/rows"
	fi
	# The heading and the text that introduces the table ("...
	# underskottet:") are on its first landscape page, not left at
	# the foot of the portrait page before it.
	if text "$first" | grep -q "^ *Resultat per månad *$" &&
	    text "$first" | grep -q "hela underskottet:" &&
	    ! text "$((first - 1))" | grep -q "underskottet:"; then ok; else
		bad "page $first: the heading and the text introducing the table are not with it"
	fi
	# The text after the table goes on on a portrait page.
	text "$((first + 3))" | grep -q "Underskottet i hälso- och sjukvården" &&
	    ok || bad "page $((first + 3)) does not go on with the text"
fi

# The report's chapter heading is on the landscape page with its table.
rp=$(for p in $land; do
	text "$p" | grep -q "Investeringar per område och kvartal" && echo "$p"
done | head -n 1)
if [ -n "$rp" ] && text "$rp" | grep -q "^ *2 *Laddpunkter per område *$"; then
	ok
else
	bad "the report's wide table or its chapter heading is not on a landscape page ($rp)"
fi

# Set smaller, on its portrait page: its header words are lower than
# those of the tables at the template's size.
hgt() {	# page word -> height of its first box
	pdftotext -f "$1" -l "$1" -bbox "$T/p.pdf" - |
	    awk -v w="$2" -F'"' '$0 ~ ">" w "</word>" {
		printf "%.2f\n", $8 - $4; exit }'
}
sp=$(for p in $(awk '$2 == "P" { print $1 }' "$T/sizes"); do
	text "$p" | grep -q "Resultat per förvaltning, mkr" && echo "$p"
done | head -n 1)
small=$(hgt "${sp:-0}" Avvikelse)
big=$(hgt "${first:-0}" Sep)
if [ -n "$small" ] && [ -n "$big" ] &&
    awk -v s="$small" -v b="$big" 'BEGIN { exit !(s < b - 0.2) }'; then
	ok
else
	bad "the table a little too wide is not set smaller (page $sp: $small, at the template's size: $big)"
fi

# Page numbers, headers and footers, agenda, bookmarks, contents.
if python3 tests/check_numbering.py "$T/p.pdf" >"$T/num.out"; then ok; else
	bad "check_numbering:"; cat "$T/num.out"
fi
if python3 tests/check_pack.py "$M" "$T/p.pdf" >"$T/pack.out"; then ok; else
	bad "check_pack:"; cat "$T/pack.out"
fi
if python3 tests/check_toc.py "$T/p.pdf" >"$T/toc.out"; then ok; else
	bad "check_toc:"; cat "$T/toc.out"
fi
# The header of a landscape page is its top line.
if [ -n "$first" ] && text "$first" | awk 'NF { print; exit }' |
    grep -q "Föredragningslista"; then ok; else
	bad "page $first: the running header is not at its top"
fi
if $PY tests/check_tagged.py "$T/p.pdf" >"$T/tagged.out" 2>&1; then ok; else
	bad "check_tagged:"; cat "$T/tagged.out"
fi
if qpdf --check "$T/p.pdf" >/dev/null 2>&1; then ok; else bad "qpdf --check"; fi

# Without landscape pages, the same table is an error at its place.
cp -R "$M" "$T/no"
mkdir -p "$T/tmpl"
cp templates/*.xml "$T/tmpl/"
cp -R templates/schema "$T/tmpl/"
sed -i 's/landscape="yes"/landscape="no"/' "$T/tmpl/common.xml"
(cd "$T" && BOARDGEN_TEMPLATES="$T/tmpl" $WRAP "$B" build no -o no.pdf \
    >no.out 2>no.err)
st=$?
if [ $st -eq 1 ] && grep -q "^no/arenden/02-information.md:20:1: error: a table of 10 columns needs .* even with its text at 8 pt: .*landscape page style" "$T/no.err" &&
    [ ! -e "$T/no.pdf" ]; then
	ok
else
	bad "landscape=\"no\": status $st"; cat "$T/no.err"
fi

echo "landscape: $pass passed, $fail failed"
[ $fail -eq 0 ]
