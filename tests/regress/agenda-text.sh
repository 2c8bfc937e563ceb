#!/bin/sh
# What the agenda shows of a case when its tjänsteskrivelse, which
# shows the whole, is in the pack.  The small meeting of
# tests/check/base, item 3's description ended for the agenda by a line
# "<!-- mer -->":
# - the agenda's pages hold the text before the marker and not the
#   text after it; the tjänsteskrivelse holds both;
# - the marker itself is printed nowhere, nor is the Sammanfattning's
#   heading in the agenda;
# - a figure placed after the marker is printed once, in the
#   tjänsteskrivelse (and in the sample, item 5's chart after its
#   Sammanfattning once);
# - check and build say nothing about it.
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/agenda-text
rm -rf "$T"
mkdir -p "$T" || exit 2
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

M=$T/m
cp -R tests/check/base "$M" || exit 2
# Item 3: the agenda ends at the marker.
awk '{ print }
/^\(RS\/77\/2026\)\. Frågor besvaras/ {
	print ""
	print "<!-- mer -->"
	print ""
	print "## Bakgrund"
	print ""
	print "Planen omfattar vårdcentraler i alla kommuner och byggs ut i"
	print "takt med elnätets kapacitet."
	print ""
	print "![Kostnader för laddpunkter, mkr](../figurer/kostnader.csv)"
}' tests/check/base/arenden/03-laddstolpar.md >"$M/arenden/03-laddstolpar.md"
grep -q "<!-- mer -->" "$M/arenden/03-laddstolpar.md" || { echo "agenda-text: setup"; exit 1; }
mkdir -p "$M/figurer"
printf 'Verksamhet;2027;2028\nVårdcentraler;4,5;5,0\nSjukhus;3,0;3,5\nTotalt;7,5;8,5\n' \
    >"$M/figurer/kostnader.csv"

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
[ -s "$T/p.pdf" ] || { echo "agenda-text: no pack"; exit 1; }

# The agenda's pages and the tjänsteskrivelse's, by their headers.
n=$(pdfinfo "$T/p.pdf" | awk '/^Pages:/ { print $2 }')
: >"$T/agenda.txt"
: >"$T/ts.txt"
i=1
while [ "$i" -le "$n" ]; do
	pdftotext -f "$i" -l "$i" -enc UTF-8 "$T/p.pdf" "$T/page.txt"
	if grep -q "Föredragningslista [0-9]*([0-9]*)" "$T/page.txt"; then
		cat "$T/page.txt" >>"$T/agenda.txt"
	elif grep -q "TJÄNSTESKRIVELSE" "$T/page.txt"; then
		cat "$T/page.txt" >>"$T/ts.txt"
	fi
	i=$((i + 1))
done
tr -s ' \n' ' ' <"$T/agenda.txt" >"$T/agenda.flat"
tr -s ' \n' ' ' <"$T/ts.txt" >"$T/ts.flat"
has() { grep -q "$2" "$T/$1.flat"; }
if has agenda "En ledamot har i en motion" && ! has agenda "Planen omfattar" &&
    ! has agenda "Bakgrund"; then
	ok
else
	bad "the agenda does not end item 3 at the marker:"; cat "$T/agenda.txt"
fi
if has ts "En ledamot har i en motion" && has ts "Bakgrund" &&
    has ts "Planen omfattar vårdcentraler"; then
	ok
else
	bad "the tjänsteskrivelse does not hold the whole description:"
	cat "$T/ts.txt"
fi
# The figure after the marker: in the tjänsteskrivelse only, once.
if ! has agenda "Kostnader för laddpunkter" &&
    [ "$(grep -c "Kostnader för laddpunkter" "$T/ts.txt")" -eq 1 ] &&
    [ "$(pdftotext -enc UTF-8 "$T/p.pdf" - | grep -c "Kostnader för laddpunkter")" -eq 1 ]; then
	ok
else
	bad "the figure after the marker is not printed once, in the tjänsteskrivelse"
fi
# The sample: item 5's chart, outside its Sammanfattning, is printed
# once (in the tjänsteskrivelse), and the agenda shows the summary.
S=content/regionstyrelsen/2026-12-08
if $WRAP "$B" build "$S" -o "$T/sample.pdf" >/dev/null 2>"$T/sample.err" &&
    [ ! -s "$T/sample.err" ]; then
	n=$(pdftotext -enc UTF-8 "$T/sample.pdf" - |
	    grep -c "Nettokostnad januari–oktober per nämnd, utfall och budget")
	[ "$n" -eq 1 ] && ok || bad "the sample prints item 5's chart $n times"
else
	bad "the sample:"; cat "$T/sample.err"
fi
if pdftotext -enc UTF-8 "$T/p.pdf" - | grep -q "<!--\|mer -->"; then
	bad "the marker is printed"
else
	ok
fi

echo "agenda-text: $pass passed, $fail failed"
[ $fail -eq 0 ]
