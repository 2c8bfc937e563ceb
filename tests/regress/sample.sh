#!/bin/sh
# The bundled sample meeting: renders, checks the pack against its
# sources (agenda page numbers, order, bookmarks, qpdf --check), checks
# every page's pack number and its document's own x(y), the tables'
# typesetting, and
# renders again to prove the same input gives the same bytes.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}
M=content/regionstyrelsen/2026-12-08
$WRAP $B build $M -o "$T/sample.pdf" || exit 1
python3 tests/check_pack.py $M "$T/sample.pdf" || exit 1
# Every page's "Sida N av M" and its document's own "x(y)".
python3 tests/check_numbering.py "$T/sample.pdf" --starts \
    "Uppföljning av internkontrollplan 2026" \
    "Yttrande över betänkandet En sammanhållen akutsjukvårdskedja (SOU 2026:12)" \
    "Tjänsteskrivelse 2026-11-12" \
    "Skrivelse från Norrbacka Länstrafik AB 2026-10-16" \
    "Delårsrapport januari–september 2026 för Norrbacka Länstrafik AB" \
    "Motion om fler laddstolpar vid vårdcentralerna, 2025-11-25" || exit 1
python3 tests/check_toc.py "$T/sample.pdf" || exit 1
# The tables: an em between numbers, no needless hyphen, two body rows
# on every page of a split table (the structure tree, with pikepdf).
PY=python3
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then PY=$p; break; fi
done
$PY tests/check_sample_tables.py "$T/sample.pdf" || exit 1
$WRAP $B build $M -o "$T/sample2.pdf" || exit 1
cmp "$T/sample.pdf" "$T/sample2.pdf" || { echo "two builds differ"; exit 1; }
SOURCE_DATE_EPOCH=1765180800 $B build $M -o "$T/sample3.pdf" || exit 1
SOURCE_DATE_EPOCH=1765180800 $B build $M -o "$T/sample4.pdf" || exit 1
cmp "$T/sample3.pdf" "$T/sample4.pdf" || { echo "builds with SOURCE_DATE_EPOCH differ"; exit 1; }
# The agenda marks a secret item with its ground, and a closed one
# (closed="yes" in the manifest) with the template's words.
pdftotext -layout -f 1 -l 2 "$T/sample.pdf" - | grep -A1 "^7\. .*Upphandling av ambulanshelikopter" |
	grep -q "Sekretess enligt OSL 19 kap. 3 §" || { echo "the agenda does not mark item 7 secret"; exit 1; }
# The sample's own closed session: the cover lists both sessions, the
# agenda puts item 22 under the closed one and marks it.
pdftotext -layout -f 1 -l 2 "$T/sample.pdf" - | grep -v '^\s*$' >"$T/agenda.txt"
grep -q "^13.00–16.30 *Sammanträde inom stängda dörrar, Styrelserummet$" "$T/agenda.txt" &&
	grep -q "^08.30–12.00 *Öppet sammanträde, Hörsalen, Regionens hus$" "$T/agenda.txt" ||
	{ echo "the cover does not list the open and the closed session"; exit 1; }
grep -B1 "^22\. .*Information om regionens krisberedskap" "$T/agenda.txt" | head -1 |
	grep -q "^Sammanträde inom stängda dörrar 13.00–16.30$" ||
	{ echo "the sample's agenda does not put item 22 in the closed session"; exit 1; }
grep -A1 "^22\. .*Information om regionens krisberedskap" "$T/agenda.txt" | tail -1 |
	grep -q "^ *Stängt sammanträde$" || { echo "the sample's agenda does not mark item 22 closed"; exit 1; }
[ "$(grep -c "^Sammanträde inom stängda dörrar" "$T/agenda.txt")" -eq 1 ] ||
	{ echo "the closed session is not named once in the agenda"; exit 1; }
rm -rf "$T/closed"
cp -R $M "$T/closed"
sed -i 's|<case file="arenden/13-val-ombud-och-ledamoter.md"/>|<case file="arenden/13-val-ombud-och-ledamoter.md" closed="yes"/>|' "$T/closed/meeting.xml"
# Items 20 and 21 in the closed session after lunch: the agenda says
# which items belong to which session; item 13, closed but left in the
# open session, is warned about.
sed -i 's|<case file="arenden/20-motion-laddstolpar.md"/>|<case file="arenden/20-motion-laddstolpar.md" session="13.00"/>|' "$T/closed/meeting.xml"
$WRAP $B build "$T/closed" -o "$T/closed.pdf" >"$T/closed.out" 2>"$T/closed.err" || exit 1
pdftotext -layout -f 1 -l 2 "$T/closed.pdf" - | grep -v '^\s*$' >"$T/closed.txt"
grep -B1 "^1\. .*Val av justerare" "$T/closed.txt" | head -1 | grep -q "^Öppet sammanträde 08.30–12.00" ||
	{ echo "no open session before item 1"; exit 1; }
grep -B1 "^20\. .*Svar på motion" "$T/closed.txt" | head -1 | grep -q "^Sammanträde inom stängda dörrar 13.00–16.30" ||
	{ echo "no closed session before item 20"; exit 1; }
grep -q "item 13 is closed but in the open session at 08.30" "$T/closed.err" ||
	{ echo "no warning for closed item 13 in the open session"; exit 1; }
pdftotext -layout -f 1 -l 2 "$T/closed.pdf" - | grep -A1 "^13\. .*Val av ombud" |
	grep -q "Stängt sammanträde" || { echo "the agenda does not mark item 13 closed"; exit 1; }
# A divider page (item 21 has divider="yes") before the item's
# documents, where their bookmark points; with the template's
# use="all", one before the documents of every item that has some.
python3 tests/outline_dump.py "$T/sample.pdf" >"$T/outline"
dp=$(sed -n 's/^21\. .*: handlingar -> page \([0-9]*\)$/\1/p' "$T/outline")
[ -n "$dp" ] && pdftotext -f "$dp" -l "$dp" "$T/sample.pdf" - | grep -q "^Handlingar till ärende 21$" ||
	{ echo "no divider page before item 21's documents (page ${dp:-?})"; exit 1; }
n=$(pdftotext "$T/sample.pdf" - | grep -c "^Handlingar till ärende")
[ "$n" -eq 1 ] || { echo "$n divider pages, want 1"; exit 1; }
mkdir -p "$T/all-templates"
cp -R templates/. "$T/all-templates/"
sed -i 's/<document role="divider" page-style="divider" use="asked">/<document role="divider" page-style="divider" use="all">/' "$T/all-templates/pack.xml"
$WRAP $B build --templates "$T/all-templates" $M -o "$T/all.pdf" >/dev/null || exit 1
python3 tests/check_pack.py $M "$T/all.pdf" >"$T/all.out" || { cat "$T/all.out"; exit 1; }
want=$(grep -c ': handlingar -> page' "$T/outline")
n=$(pdftotext "$T/all.pdf" - | grep -c "^Handlingar till ärende")
[ "$n" -eq "$want" ] || { echo "use=all: $n divider pages, want $want"; exit 1; }
# An agenda line is never parted from the note under it: with 10 to
# 24 short items before the secret item 7, its line comes at every
# place near the first page's foot; no page of the agenda may begin
# with "Sekretess enligt" (it would seem to be the next item's).
for k in $(seq 10 24); do
	rm -rf "$T/notes" && cp -R $M "$T/notes"
	items=$(seq 1 "$k" | sed 's|.*|    <procedural>Kort punkt &</procedural>|' | tr '\n' '\001')
	sed -i "s|^    <case file=\"arenden/07-|$(printf '%s' "$items" | sed 's/\x01/\\n/g')    <case file=\"arenden/07-|" "$T/notes/meeting.xml"
	$WRAP $B build "$T/notes" -o "$T/notes.pdf" >/dev/null 2>"$T/notes.err" ||
	    { echo "agenda notes: the build with $k items failed:"; cat "$T/notes.err"; exit 1; }
	for pg in 1 2 3; do
		first=$(pdftotext -layout -f $pg -l $pg "$T/notes.pdf" - 2>/dev/null |
		    sed -n '2,$p' | grep -v '^ *$' | head -n 1)
		case "$first" in
		*"Sekretess enligt"*)
			echo "agenda notes: with $k items, page $pg begins with the note of the item before it"; exit 1 ;;
		esac
	done
done
echo "sample: checked, and identical bytes on rebuild"
