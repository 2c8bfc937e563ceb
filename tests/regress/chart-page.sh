#!/bin/sh
# A chart is never split from its title and legend: the small meeting of
# tests/check/base with a line chart after 8 to 24 lines of text (one more each time) in item
# 2, so that the chart meets the foot of a page at every height; in
# every pack, the page with the chart's title holds its axis and, under
# it, every legend entry (tests/check_chart_page.py), and the line that
# introduces it ("... framgår av diagrammet:").
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/chart-page
rm -rf "$T"
mkdir -p "$T" || exit 2
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

M=$T/m
cp -R tests/check/base "$M" || exit 2
mkdir -p "$M/figurer"
cat >"$M/figurer/utfall.csv" <<'CSV'
Serie;jan;feb;mar;apr;maj;jun
Utfall 2025;341,2;333,5;358,9;350,4;354,7;347,1
Budget 2025;345,0;340,0;350,0;352,0;350,0;345,0
Utfall 2026;356,0;346,9;372,8;365,3;369,0;360,2
CSV
cat >"$M/figurer/utfall.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<figure>
  <caption>Nettokostnader per månad</caption>
  <unit>mkr</unit>
  <csv href="utfall.csv" separator=";" decimal=","/>
  <chart type="line" series="rows" title="Nettokostnader per månad"/>
</figure>
XML
k=8
while [ $k -le 24 ]; do
	{
		sed -n '1,/^# Ärendebeskrivning/p' tests/check/base/arenden/02-information.md
		echo
		i=0
		while [ $i -lt $k ]; do
			echo "Rad $i: vårdplatsläget följs upp varje vecka."
			echo
			i=$((i + 1))
		done
		echo "Utfallet per månad framgår av diagrammet:"
		echo
		echo "![](../figurer/utfall.xml \"diagram\")"
		echo
		sed -n '/^# Förslag till beslut/,$p' tests/check/base/arenden/02-information.md
	} >"$M/arenden/02-information.md"
	if ! $WRAP "$B" build "$M" -o "$T/p$k.pdf" >"$T/b$k.out" 2>"$T/b$k.err"; then
		bad "$k lines: build"; cat "$T/b$k.err"
	elif python3 tests/check_chart_page.py "$T/p$k.pdf" \
	    "Nettokostnader per månad" jun "Utfall 2025" "Budget 2025" \
	    "Utfall 2026" >"$T/c$k.out"; then
		ok
	else
		bad "$k lines:"; cat "$T/c$k.out"
	fi
	# The line that introduces the chart is on the chart's page.
	pdftotext "$T/p$k.pdf" - 2>/dev/null | awk '/\f/ { n++ }
	    /^Utfallet per månad framgår av diagrammet:$/ { i = n }
	    /^Nettokostnader per månad$/ && c == "" { c = n }
	    END { exit !(i != "" && i == c) }' && ok ||
	    bad "$k lines: the line introducing the chart is not on its page"
	k=$((k + 1))
done
# The chart went to the next page at least once.
moved=0
k=8
while [ $k -le 24 ]; do
	p=$(pdftotext "$T/p$k.pdf" - 2>/dev/null | awk '/\f/ { n++ }
	    /^Nettokostnader per månad$/ { print n + 1; exit }')
	[ -n "$p" ] && [ "$p" -gt 3 ] && moved=1
	k=$((k + 1))
done
[ $moved -eq 1 ] && ok || bad "the chart never met the foot of a page"

echo "chart-page: $pass passed, $fail failed"
[ $fail -eq 0 ]
