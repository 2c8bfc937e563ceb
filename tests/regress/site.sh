#!/bin/sh
# The web site: every page of the sample is made; a case with a
# <script> block, an inline event handler and a javascript: link renders
# inert (escaped text, no link); the same input gives the same bytes,
# with one worker or two; a second run reads and writes nothing, and
# after one changed case only that meeting is read again and only the
# files that show the change are written.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/site
S=content/regionstyrelsen/2026-12-08
rm -rf "$T" && mkdir -p "$T/c/regionstyrelsen" || exit 2
cp -R "$S" "$T/c/regionstyrelsen/" || exit 2
M=$T/c/regionstyrelsen/2026-12-08
fail() { echo "site: $*"; exit 1; }

# A hostile case: raw HTML block and inline, an event handler, a
# javascript: link, and the same in a title given in the manifest.
C=$M/arenden/20-motion-laddstolpar.md
cat >>"$C" <<'X'

<script>alert("block")</script>

Se <img src=x onerror=alert(1)> och [klicka här](javascript:alert(2)) eller
[det här](JAVASCRIPT:alert(3)) och [den här](data:text/html,hej) men
[regionens webbplats](https://www.norrbacka.example/a?b=1&c=2).
X
sed 's|<case file="arenden/21-borgensram-lanstrafiken.md"|<case file="arenden/21-borgensram-lanstrafiken.md" title="Borgensram \&lt;script\&gt;x()\&lt;/script\&gt;"|' \
    "$M/meeting.xml" >"$T/x" && mv "$T/x" "$M/meeting.xml"
grep -q 'title="Borgensram' "$M/meeting.xml" || fail "the sample's agenda changed: item 21 is gone"

# Secret item 7's text gets a word of its own and a personnummer: the
# search index must hold neither.
S7=$M/arenden/07-upphandling-ambulanshelikopter.md
grep -q '^sekretess:' "$S7" || fail "the sample's item 7 is no longer secret"
printf '\nAnbudet från Zorbaxflyg AB lämnades av kontaktpersonen 811218-9876.\n' >>"$S7"

$WRAP $B site "$T/c" -o "$T/a" --today 2026-12-01 -j 1 >"$T/out" 2>"$T/err" ||
	{ cat "$T/err"; fail "site failed"; }
grep -q "^$T/a: 1 meetings (1 read, 0 unchanged)" "$T/out" || { cat "$T/out"; fail "summary line"; }
for p in index.html stil.css oppna-data.html sammantraden.atom register/arenden.html \
    regionstyrelsen/index.html regionstyrelsen/2026-12-08/index.html \
    regionstyrelsen/2026-12-08/arende-3.html regionstyrelsen/2026-12-08/arende-21.html \
    regionstyrelsen/2026-12-08/handling-1.html data/arenden.csv data/sammantraden.csv \
    data/oparl/system.json data/oparl/meeting/regionstyrelsen/2026-12-08.json; do
	[ -s "$T/a/$p" ] || fail "$p was not written"
done
# Each open agenda item with a case file has its page, and nothing else
# does: a secret or closed item is its number and title, with why.
n=$(grep -c '<case ' "$M/meeting.xml")
nsecret=$(grep -l '^sekretess:' "$M"/arenden/*.md | wc -l)
nclosed=$(grep -c '<case [^>]*closed="yes"' "$M/meeting.xml")
[ "$nsecret" -ge 1 ] || fail "the sample has no secret item"
[ "$(ls "$T/a/regionstyrelsen/2026-12-08"/arende-*.html | wc -l)" -eq $((n - nsecret - nclosed)) ] ||
	fail "not one page per open case ($n cases, $nsecret secret, $nclosed closed)"
[ ! -e "$T/a/regionstyrelsen/2026-12-08/arende-7.html" ] || fail "secret item 7 has a page"
grep -q '<span class="no">7.</span>Upphandling av ambulanshelikoptertjänster 2028–2036 <span class="meta">(RS/1190/2026)</span><span class="note closed">Ärendet omfattas av sekretess enligt OSL 19 kap. 3 §.</span>' \
    "$T/a/regionstyrelsen/2026-12-08/index.html" || fail "secret item 7 is not its number, title and ground on the meeting page"
# The registers: the secret fields' lines are there, with the note.
for r in inkomna-handlingar delegationsbeslut; do
	[ -s "$T/a/register/$r-2026.html" ] || fail "register/$r-2026.html was not written"
	grep -q '<span class="secret">Sekretess enligt OSL 25 kap. 1 §</span>' "$T/a/register/$r-2026.html" ||
		fail "register/$r-2026.html: no line with the secrecy note"
done
grep -q '^2026-11-23,,,RS/1489/2026,regiondirektör,Sekretess enligt OSL 25 kap. 1 §,ja,Regionstyrelsen,2026-12-08,14,regionstyrelsen/2026-12-08/arende-14.html,' \
    "$T/a/data/delegationsbeslut.csv" || fail "delegationsbeslut.csv: the secret decision's line"

# Inert: no script element, no handler attribute, no javascript: or
# data: link anywhere; the raw HTML is there as text.
# (The one script of the site is the search page's own, sok.js.)
if grep -rI -i '<script' "$T/a" --include='*.html' | grep -v '^[^:]*/a/sok.html:<script src="sok.js" defer></script>$'; then
	fail "a <script> element reached a page"
fi
grep -q '<script src="sok.js" defer></script>' "$T/a/sok.html" && [ -s "$T/a/sok.js" ] || fail "the search page has no script"
# (The one image of a page is the organisation's logo in the header.)
if grep -rIl -i 'onerror=' "$T/a" --include='*.html' | xargs -r grep -h -i -o '<img[^>]*>' |
    grep -v '^<img class="logo" src="\(\.\./\)*logo.png" width="[0-9]*" height="[0-9]*" alt="[^"<>]*">$'; then
	fail "an <img> element reached a page"
fi
if grep -rIl -i 'href="javascript:\|href="data:' "$T/a"; then fail "a javascript: or data: link reached a page"; fi
I=$T/a/regionstyrelsen/2026-12-08/arende-20.html
grep -q '&lt;script&gt;alert(&quot;block&quot;)&lt;/script&gt;' "$I" || fail "the <script> block is not shown as text"
grep -q '&lt;img src=x onerror=alert(1)&gt;' "$I" || fail "the inline <img> is not shown as text"
grep -q 'klicka här' "$I" || fail "the javascript: link's text is gone"
grep -q '<a href="https://www.norrbacka.example/a?b=1&amp;c=2">regionens webbplats</a>' "$I" ||
	fail "the https link is not kept (escaped)"
grep -q 'Borgensram &lt;script&gt;x()&lt;/script&gt;' "$T/a/regionstyrelsen/2026-12-08/index.html" ||
	fail "a title from the manifest is not escaped"
# Every page: lang="sv", one h1, a skip link to main.
for f in $(find "$T/a" -name '*.html'); do
	grep -q '<html lang="sv">' "$f" || fail "$f: no lang=\"sv\""
	[ "$(grep -o '<h1[ >]' "$f" | wc -l)" -eq 1 ] || fail "$f: not exactly one h1"
	grep -q 'href="#innehall"' "$f" && grep -q '<main id="innehall"' "$f" || fail "$f: no skip link"
done

# The organisation's name and logo in the header, its name in every
# title; the logo published as it is.
cmp -s "$T/a/logo.png" "$M/logo.png" || fail "logo.png is not the organisation's logo"
grep -q '<title>5. Månadsrapport oktober 2026 – Regionstyrelsen 2026-12-08 – Region Norrbacka</title>' \
    "$T/a/regionstyrelsen/2026-12-08/arende-5.html" || fail "an item's title is not item – meeting – organisation"
for f in $(find "$T/a" -name '*.html'); do
	grep -q '<title>.* – Region Norrbacka</title>' "$f" || fail "$f: the title does not name the organisation"
	grep -q 'src="\(\.\./\)*logo.png" width="993" height="331" alt="Region Norrbacka">' "$f" ||
		fail "$f: the header has no logo"
done

# The program of the day on the meeting page, with its notice to the
# public and its closed part.
MP=$T/a/regionstyrelsen/2026-12-08/index.html
grep -q '<h2 id="program">Program för sammanträdesdagen</h2>' "$MP" &&
    grep -q '<strong>Till allmänheten:</strong> Förmiddagens del av sammanträdet är öppen' "$MP" &&
    grep -q '<h3>Inom stängda dörrar</h3>' "$MP" &&
    grep -q '<li><span class="time">13.00</span> Regionens krisberedskap' "$MP" ||
	fail "the meeting page lacks the program, its notice or its closed part"

# Search without a server: the index under sok/, split by the words'
# first characters; the case text's words and the dnr are in it, the
# secret item's word and the personnummer are not, in any file.
[ -s "$T/a/sok/d-0.json" ] && [ "$(ls "$T/a/sok" | grep -c '^t-')" -gt 100 ] || fail "no search index split by words"
grep -q '"högkostnadsskyddet":' "$T/a/sok/t-68c3b667.json" || fail "the index lacks a word of item 19's text"
grep -q '"hsn/875/2026":' "$T/a/sok/t-68736e.json" || fail "the index lacks item 19's dnr"
if grep -rIl -i -e 'zorbax' -e '811218' -e '9876' "$T/a/sok" "$T/a/sok.js" "$T/a/sok.html"; then
	fail "the search index holds the secret item's text or its personnummer"
fi
grep -rIq -i 'zorbax' "$T/c" || fail "the planted word is gone from the input"

# --no-search: no search page, no index, no link to them.
$WRAP $B site "$T/c" -o "$T/ns" --today 2026-12-01 -j 1 --no-search >/dev/null 2>"$T/err" || { cat "$T/err"; fail "site --no-search"; }
[ ! -e "$T/ns/sok.html" ] && [ ! -e "$T/ns/sok" ] && ! grep -rq 'sok.html' "$T/ns" || fail "--no-search: a search page, index or link"

# A figure placed as a chart is drawn as the pack draws it: an SVG
# image named by the pack's text alternative, in the template's colours
# (the hatched second series too), its numbers once as a table under it.
I5=$T/a/regionstyrelsen/2026-12-08/arende-5.html
grep -q '<svg role="img" aria-labelledby="diagram-1-alt"' "$I5" || fail "item 5: the chart is not an SVG image"
grep -q '<title id="diagram-1-alt">Stapeldiagram: Nettokostnad januari–oktober per nämnd, utfall och budget (mkr); Utfall, Budget;' "$I5" ||
	fail "item 5: the chart's text alternative is not the pack's"
grep -q 'fill="#1f4e79" stroke="#1f4e79"' "$I5" && grep -q '<pattern id="diagram-1-h1"' "$I5" ||
	fail "item 5: the bars are not in the template's first colour and the second series hatched"
[ "$(grep -c '<caption>Värdena i diagrammet: ' "$I5")" -eq 1 ] || fail "item 5: the chart's numbers are not one table"
cp -R templates "$T/tpl" && sed -i 's/chart-colors="#1f4e79 /chart-colors="#0b6e4f /' "$T/tpl/common.xml" || exit 2
grep -q '#0b6e4f' "$T/tpl/common.xml" || fail "common.xml has no chart-colors"
$WRAP $B site "$T/c" -o "$T/tc" --templates "$T/tpl" --today 2026-12-01 -j 1 >/dev/null 2>"$T/err" || { cat "$T/err"; fail "site with other chart colours"; }
grep -q 'fill="#0b6e4f" stroke="#0b6e4f"' "$T/tc/regionstyrelsen/2026-12-08/arende-5.html" ||
	fail "the chart on the web does not take the template's colours"

# Open data: every JSON file valid against the schema kept in the repo
# (and the check catches a broken one); the CSV has its columns.
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
$PY tests/check_oparl.py templates/schema/oparl.json "$T/a" >"$T/log" || { cat "$T/log"; fail "JSON not valid"; }
mkdir -p "$T/broken/data/oparl" && cp -R "$T/a/data/oparl/." "$T/broken/data/oparl/"
sed 's/"paperType": "Beslutsärende"/"paperType": "Motion"/' "$T/a/data/oparl/paper/regionstyrelsen/2026-12-08/8.json" \
    >"$T/broken/data/oparl/paper/regionstyrelsen/2026-12-08/8.json"
if $PY tests/check_oparl.py templates/schema/oparl.json "$T/broken" >"$T/log"; then
	fail "the JSON check passed a Paper with a paperType the schema does not allow"
fi
# Every case with a dnr is a row (the information items have none).
ndnr=$(for f in $(sed -n 's|.*<case file="\([^"]*\)".*|\1|p' "$M/meeting.xml"); do
	grep -l '^dnr:' "$M/$f"; done | wc -l)
$PY - "$T/a" "$ndnr" <<'PYX' || fail "CSV"
import csv, re, sys
site, ndnr = sys.argv[1], int(sys.argv[2])
with open(site + "/data/arenden.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
want = ["diarienummer", "titel", "typ", "organ", "sammantrade", "arendenummer", "sida"]
assert rows[0] == want, rows[0]
assert len(rows) - 1 == ndnr, (len(rows) - 1, ndnr)
for r in rows[1:]:
    assert len(r) == len(want), r
    assert re.fullmatch(r"[A-ZÅÄÖ]{1,10}/[1-9][0-9]{0,5}/[0-9]{4}", r[0]), r
    # Item 7 is secret: listed by number and title, without its page.
    assert r[4] == "2026-12-08" and (r[6] == "" if r[5] == "7" else
                                     r[6].endswith("arende-%s.html" % r[5])), r
assert any("Borgensram <script>" in r[1] for r in rows), "a title lost its text"
for name, cols in (("inkomna-handlingar", 12), ("delegationsbeslut", 12)):
    with open(site + "/data/%s.csv" % name, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 5 and all(len(r) == cols for r in rows), name
with open(site + "/data/sammantraden.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == ["organ", "datum", "borjar", "slutar", "plats", "oppet", "antal_punkter", "sida"], rows[0]
assert [r[5] for r in rows[1:]] == ["ja", "nej"], rows
PYX

# Every relative link leads to a file of the site.
for f in $(find "$T/a" -name '*.html'); do
	for l in $(grep -o 'href="[^"#:]*"' "$f" | sed 's/^href="//; s/"$//'); do
		[ -e "$(dirname "$f")/$l" ] || fail "$f: the link $l leads nowhere"
	done
done

# Same bytes: again from scratch, with two workers.
$WRAP $B site "$T/c" -o "$T/b" --today 2026-12-01 -j 2 >/dev/null 2>"$T/err" ||
	{ cat "$T/err"; fail "site -j 2 failed"; }
diff -r -x .boardgen "$T/a" "$T/b" >"$T/diff" || { head -20 "$T/diff"; fail "two runs differ"; }
SOURCE_DATE_EPOCH=1764547200 $WRAP $B site "$T/c" -o "$T/e" -j 1 >/dev/null 2>"$T/err" ||
	{ cat "$T/err"; fail "site with SOURCE_DATE_EPOCH failed"; }
diff -r -x .boardgen "$T/a" "$T/e" >"$T/diff" ||
	{ head -20 "$T/diff"; fail "SOURCE_DATE_EPOCH of 2025-12-01 differs from --today 2025-12-01"; }

# Nothing changed: nothing read, nothing written.
touch -d '2001-01-01' "$T/a/index.html"
$WRAP $B site "$T/c" -o "$T/a" --today 2026-12-01 -j 1 >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "rerun failed"; }
grep -q "(0 read, 1 unchanged), 0 files written" "$T/out" || { cat "$T/out"; fail "a rerun without changes wrote files"; }
[ "$(date -r "$T/a/index.html" +%Y)" = 2001 ] || fail "a rerun rewrote index.html"

# One case changed: that meeting is read again; its page, its JSON and
# the changed item are written, the rest is left alone.
sed 's/^Regionfullmäktige överlämnade motionen/Fullmäktige överlämnade motionen/' "$C" >"$T/x" && mv "$T/x" "$C"
touch -d '2001-01-01' "$T/a/regionstyrelsen/2026-12-08/arende-19.html" "$T/a/sok/t-66756c.json"
$WRAP $B site "$T/c" -o "$T/a" --today 2026-12-01 -j 1 >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "rebuild failed"; }
# Two files show the change: the item's page and the search index's
# file of the word now in it ("fullmäktige", t-66756c.json).
grep -q "(1 read, 0 unchanged), 2 files written" "$T/out" || { cat "$T/out"; fail "after one changed case: not exactly its page and its word's index file written"; }
[ "$(date -r "$T/a/sok/t-66756c.json" +%Y)" != 2001 ] || fail "the index file of the new word was not written"
grep -q 'Fullmäktige överlämnade motionen' "$I" || fail "the change is not on the item's page"
[ "$(date -r "$T/a/regionstyrelsen/2026-12-08/arende-19.html" +%Y)" = 2001 ] || fail "an unchanged item page was rewritten"
[ "$(date -r "$T/a/index.html" +%Y)" = 2001 ] || fail "the start page was rewritten"

# Taken away: an item off the agenda loses its page; a meeting folder
# that is gone loses its folder and its place in the lists.  Nothing
# else in the site is touched.
# The copy has no protocol: its § numbers would collide with the
# sample's, which runs on from it.
cp -R "$M" "$T/c/regionstyrelsen/2026-10-27" &&
    rm -f "$T/c/regionstyrelsen/2026-10-27/protokoll.xml" &&
    sed -i 's/date="2026-12-08"/date="2026-10-27"/' "$T/c/regionstyrelsen/2026-10-27/meeting.xml" || exit 2
echo keep >"$T/a/egen-fil.txt"
$WRAP $B site "$T/c" -o "$T/a" --today 2026-12-01 -j 1 >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "with a second meeting"; }
grep -q 'regionstyrelsen/2026-10-27/index.html' "$T/a/index.html" || fail "the second meeting is not on the start page"
# Two meetings over two worker processes (each a fork, under valgrind
# too): the same site as one process makes.
timeout 900 $WRAP $B site "$T/c" -o "$T/w" --today 2026-12-01 -j 2 >/dev/null 2>"$T/err" || { cat "$T/err"; fail "two meetings with -j 2"; }
$B site "$T/c" -o "$T/w1" --today 2026-12-01 -j 1 >/dev/null 2>"$T/err" || { cat "$T/err"; fail "two meetings with -j 1"; }
diff -r -x .boardgen "$T/w1" "$T/w" >"$T/diff" || { head -20 "$T/diff"; fail "two meetings: -j 2 differs from -j 1"; }
grep -v 'arenden/21-borgensram' "$M/meeting.xml" >"$T/x" && mv "$T/x" "$M/meeting.xml"
# The protocol follows the agenda: its § of item 21 goes too, and the
# closed item 22 after it is item 21 now (a closed item has no page).
sed -i '/<paragraph item="21"/,/<\/paragraph>/d; s/<paragraph item="22"/<paragraph item="21"/' "$M/protokoll.xml"
rm -rf "$T/c/regionstyrelsen/2026-10-27"
$WRAP $B site "$T/c" -o "$T/a" --today 2026-12-01 -j 1 >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "after taking away"; }
[ ! -e "$T/a/regionstyrelsen/2026-12-08/arende-21.html" ] || fail "the page of an item taken off the agenda is still there"
[ ! -e "$T/a/data/oparl/paper/regionstyrelsen/2026-12-08/21.json" ] || fail "the Paper of an item taken off the agenda is still there"
[ ! -e "$T/a/regionstyrelsen/2026-10-27" ] || fail "the folder of a meeting that is gone is still there"
[ ! -e "$T/a/data/oparl/meeting/regionstyrelsen/2026-10-27.json" ] || fail "the JSON of a meeting that is gone is still there"
if grep -q '2026-10-27' "$T/a/index.html" "$T/a/regionstyrelsen/index.html"; then fail "a meeting that is gone is still listed"; fi
[ -s "$T/a/regionstyrelsen/2026-12-08/arende-20.html" ] && [ -f "$T/a/egen-fil.txt" ] || fail "a file that should stay was removed"

# The profile's publishing settings: by default no direct number; with
# contacts="yes" the secretary's number and address are there, and with
# closed-items="omit" the secret item is not listed at all.
grep -q '010-481 22 35' "$T/a/regionstyrelsen/2026-12-08/index.html" && fail "the secretary's direct number is published by default"
sed -i 's|</people>|</people>\n  <publishing closed-items="omit" contacts="yes"/>|' "$M/organisation.xml"
grep -q '<publishing' "$M/organisation.xml" || fail "the sample's profile has no </people>"
$WRAP $B site "$T/c" -o "$T/p" --today 2026-12-01 -j 1 >/dev/null 2>"$T/err" || { cat "$T/err"; fail "with <publishing>"; }
P=$T/p/regionstyrelsen/2026-12-08/index.html
grep -q 'telefon 010-481 22 35, <a href="mailto:elin.sandstrom@norrbacka.example">' "$P" || fail "contacts=\"yes\": no secretary's number and address"
if grep -q 'ambulanshelikopter' "$P" "$T/p/data/arenden.csv" "$T/p/register/arenden-2026.html"; then
	fail "closed-items=\"omit\": the secret item is still listed"
fi
grep -q '<span class="no">8.</span>' "$P" || fail "closed-items=\"omit\": the numbers after it changed"

echo "site: $(find "$T/a" -name '*.html' | wc -l) pages; script and javascript: inert; same bytes with 1 and 2 workers; rebuild writes the 2 files that show 1 changed case; pages of what was taken away removed"
