#!/bin/sh
# The protocol and its extracts.  The sample meeting's protocol is made
# with `boardgen protocol': its text and bookmarks must equal the
# expected files in tests/regress/protocol/, and it must be a tagged PDF
# (tests/check_tagged.py).  `boardgen extract' must write one extract
# per paragraph, named by body, date and §, each certified and with its
# Expedieras list.  § numbers run on from the body's previous protocol:
# by default, and a first="" that collides or skips is an error.  A
# protocol with errors is not written.
#
# After a deliberate change of the template, review the differences and
# regenerate the expected files with: UPDATE=1 sh tests/regress/protocol.sh
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/protocol
D=tests/regress/protocol
S=content/regionstyrelsen/2026-12-08
rm -rf "$T"
mkdir -p "$T"
n=0
fail=0

bad() { echo "FAIL $*"; fail=$((fail + 1)); }

compare() {	# name kind
	n=$((n + 1))
	[ -n "$UPDATE" ] && cp "$T/$1.$2" "$D/$1.$2"
	if ! cmp -s "$D/$1.$2" "$T/$1.$2"; then
		bad "$1: the $2 differs from $D/$1.$2:"
		diff -u "$D/$1.$2" "$T/$1.$2" | head -n 30
	fi
}

PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then
		PY=$p
		break
	fi
done

# The lines drawn to sign and date on, on page $2 (from 0) of PDF $1:
# horizontal, above the boxes of the footer, shorter than the text width
# (the header's rule and the notice's are as wide).
sign_lines() {
	"$PY" - "$1" "$2" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
at, n = None, 0
for operands, op in pikepdf.parse_content_stream(pdf.pages[int(sys.argv[2])]):
    op = str(op)
    if op == "m":
        at = [float(v) for v in operands]
    elif op == "l" and at is not None:
        x, y = [float(v) for v in operands]
        if abs(y - at[1]) < 0.01 and y > 150 and 60 < abs(x - at[0]) < 440:
            n += 1
        at = [x, y]
print(n)
PY
}

# The sample's protocol: text, bookmarks, tags.
n=$((n + 1))
if ! $WRAP $B protocol "$S" -o "$T/protokoll.pdf" >"$T/p.out" 2>"$T/p.err"; then
	bad "protocol of the sample failed:"
	cat "$T/p.err"
else
	[ -s "$T/p.err" ] && { bad "protocol of the sample said something:"; cat "$T/p.err"; }
	pdftotext -enc UTF-8 "$T/protokoll.pdf" "$T/protokoll.txt"
	python3 tests/outline_dump.py "$T/protokoll.pdf" >"$T/protokoll.outline"
	compare protokoll txt
	compare protokoll outline
	# A § shows the case in short, as protocols do: § 133 its text
	# before the first sub-heading (Bakgrund), then its
	# Beslutsunderlag; the whole case is in the pack.
	sed -n '/^§ 133$/,/^§ 134$/p' "$T/protokoll.txt" >"$T/p133.txt"
	grep -q "Departementets diarienummer är S2026/01874." "$T/p133.txt" ||
	    bad "§ 133 lacks the start of its case text"
	grep -q "Utredningen har haft i uppdrag\|Bakgrund" "$T/p133.txt" &&
	    bad "§ 133 shows the whole case text, not the start"
	grep -q "^Beslutsunderlag" "$T/p133.txt" && grep -q "Yttrande över betänkandet En sammanhållen" "$T/p133.txt" ||
	    bad "§ 133 lacks its Beslutsunderlag"
	# The signatures: a drawn line to sign on and one for the date for
	# each of the secretary, the chair and the two justerare (page 2),
	# not a row of dots.
	grep -q '\.\.\.\.\.\.' "$T/protokoll.txt" && bad "the protocol prints dots to sign on"
	if [ -n "$PY" ]; then
		got=$(sign_lines "$T/protokoll.pdf" 1)
		[ "$got" = 8 ] || bad "the protocol's page 2 has $got lines to sign and date on, want 8"
	fi
	if [ -n "$PY" ] && ! "$PY" tests/check_tagged.py "$T/protokoll.pdf" >"$T/tag.log" 2>&1; then
		bad "the protocol is not a good tagged PDF:"
		cat "$T/tag.log"
	fi
fi

# The public protocol: the secret paragraph (item 7, § 134) as number
# and title; nothing of its case or of its own words.
n=$((n + 1))
if ! $WRAP $B protocol --public "$S" -o "$T/public.pdf" >/dev/null 2>"$T/pub.err"; then
	bad "protocol --public of the sample failed:"
	cat "$T/pub.err"
else
	pdftotext -enc UTF-8 "$T/public.pdf" "$T/public.txt"
	for w in "Västerlid" "Region Västfjäll" "tilläggsyrkandet" "insatstiderna"; do
		grep -q "$w" "$T/protokoll.txt" || bad "\"$w\" is not in the protocol: the test looks for nothing"
		grep -q "$w" "$T/public.txt" && bad "the public protocol holds \"$w\" of the secret paragraph"
	done
	grep -q "Upphandling av ambulanshelikoptertjänster" "$T/public.txt" ||
	    bad "the public protocol lacks the secret paragraph's title"
	grep -q "visas inte i den offentliga versionen" "$T/public.txt" ||
	    bad "the public protocol does not say why § 134 is empty"
fi
# The guard: the secret paragraph's words copied into an open one.
n=$((n + 1))
rm -rf "$T/leak"
mkdir -p "$T/leak/regionstyrelsen"
cp -R "$S" "$T/leak/regionstyrelsen/"
sed -i 's|  <paragraph item="8"><decision/></paragraph>|  <paragraph item="8"><decision/><note by="Olle Sundqvist">Centerpartiet vill att en bas i Västerlid utreds innan kontraktet tilldelas, eftersom insatstiderna i länets västra delar annars blir för långa.</note></paragraph>|' \
    "$T/leak/regionstyrelsen/2026-12-08/protokoll.xml"
printf 'previous\n' >"$T/leak.pdf"
$WRAP $B protocol --public "$T/leak/regionstyrelsen/2026-12-08" -o "$T/leak.pdf" >/dev/null 2>"$T/leak.err"
st=$?
if [ $st -ne 1 ] || [ "$(cat "$T/leak.pdf")" != "previous" ] ||
    ! grep -q "protokoll.xml:[0-9]*:[0-9]*: error: the protocol of a secret item would be published in" "$T/leak.err"; then
	bad "a secret paragraph's words in an open one: status $st, want the guard's error and the old file:"
	cat "$T/leak.err"
fi

# The site: the meeting's decisions from the public protocol, and the
# noticeboard with the notice while it is up, in the archive after.
site() {	# today -> $T/site-$1
	n=$((n + 1))
	rm -rf "$T/site-$1"
	if ! $WRAP $B site content -o "$T/site-$1" --today "$1" -j 1 >/dev/null 2>"$T/site.err"; then
		bad "site --today $1 failed:"
		cat "$T/site.err"
		return 1
	fi
}
if site 2026-12-20; then
	A=$T/site-2026-12-20/anslagstavla.html
	P=$T/site-2026-12-20/regionstyrelsen/2026-12-08/protokoll.html
	for w in "Tillkännagivande av justerat protokoll" "<dt>Anslaget uppsatt</dt><dd>2026-12-16</dd>" \
	    "<dt>Sista dag för överklagande</dt><dd>2027-01-07</dd>" "<dt>Anslaget tas ned</dt><dd>2027-01-08</dd>" \
	    "Regionkansliet, Regionens hus, Storgatan 12, Norrbacka"; do
		sed -n '/<h2>Tillkännagivanden/,/<h2>Arkiv/p' "$A" | grep -qF "$w" || bad "the noticeboard on 2026-12-20 lacks \"$w\""
	done
	grep -qF 'Med 7 ja-röster mot 5 nej-röster, 1 avstår, bifalls Karin Åhlunds yrkande.' "$P" ||
	    bad "the decisions page lacks the vote of § 145"
	grep -qF '<p>Annelie Forsberg (S) deltar inte i handläggningen på grund av jäv. Maria Holmgren (S) tjänstgör i stället.</p>' "$P" ||
	    bad "the decisions page lacks the deputy serving for the member with jäv in § 137"
	grep -qF '<th scope="row">Kent Öberg (SD)</th><td>Nej</td>' "$P" ||
	    bad "the decisions page lacks the ballots of § 145"
	grep -qF '<span class="no">§ 134</span> Upphandling av ambulanshelikoptertjänster 2028–2036' "$P" ||
	    bad "the decisions page lacks the secret § 134's number and title"
	for w in "Västerlid" "Region Västfjäll" "tilläggsyrkandet" "insatstiderna"; do
		grep -q "$w" "$P" "$A" && bad "the site's protocol holds \"$w\" of the secret paragraph"
	done
	grep -qF 'href="protokoll.html"' "$T/site-2026-12-20/regionstyrelsen/2026-12-08/index.html" ||
	    bad "the meeting page does not link its protocol"
	# The open data: each item's result and decision, the protocol.
	python3 - "$T/site-2026-12-20/data/oparl/meeting/regionstyrelsen/2026-12-08.json" >"$T/oparl.log" 2>&1 <<'PY' || { bad "the OParl meeting lacks the protocol's results:"; cat "$T/oparl.log"; }
import json, sys
m = json.load(open(sys.argv[1]))
it = {a["number"]: a for a in m["agendaItem"]}
want = [
    (m["meetingState"], "terminated"),
    (m["resultsProtocol"]["accessUrl"], "regionstyrelsen/2026-12-08/protokoll.html"),
    (it["1"].get("result"), "Beslutat"),
    (it["1"].get("resolutionText", "")[:27], "Regionstyrelsen utser Per L"),
    (it["11"].get("result"), "Återremitterat"),
    (it["18"].get("result"), "Bordlagt"),
    (it["19"].get("result"), "Beslutat enligt förslaget"),
    (it["19"].get("resolutionText", "")[:49], "Regionstyrelsen föreslår regionfullmäktige beslut"),
    ("result" in it["7"] or "resolutionText" in it["7"], False),
]
bad = [w for w in want if w[0] != w[1]]
for g, w in bad:
    print("got %r, want %r" % (g, w))
sys.exit(1 if bad else 0)
PY
fi
if site 2027-01-10; then
	sed -n '/<h2>Arkiv/,$p' "$T/site-2027-01-10/anslagstavla.html" | grep -qF "Sammanträdesdatum</dt><dd>2026-12-08" ||
	    bad "on 2027-01-10, after the last day of appeal, the notice is not in the archive"
fi
if site 2026-12-10; then
	grep -qF "Inga tillkännagivanden just nu." "$T/site-2026-12-10/anslagstavla.html" ||
	    bad "on 2026-12-10, before it is posted, the notice is already up"
	# Before its justering (2026-12-15) the protocol is not approved
	# and not published: no decisions page, no link, no results.
	[ -e "$T/site-2026-12-10/regionstyrelsen/2026-12-08/protokoll.html" ] &&
	    bad "on 2026-12-10, before justering, the decisions are published"
	grep -qF 'protokoll.html' "$T/site-2026-12-10/regionstyrelsen/2026-12-08/index.html" &&
	    bad "on 2026-12-10, before justering, the meeting page links the decisions"
	grep -qF '"resultsProtocol"' "$T/site-2026-12-10/data/oparl/meeting/regionstyrelsen/2026-12-08.json" &&
	    bad "on 2026-12-10, before justering, the open data has the protocol"
	# Built again in the same folder on 2026-12-15, with nothing
	# changed but the day: the decisions appear.
	n=$((n + 1))
	if ! $WRAP $B site content -o "$T/site-2026-12-10" --today 2026-12-15 -j 1 >/dev/null 2>"$T/site.err"; then
		bad "site --today 2026-12-15 over 2026-12-10 failed:"
		cat "$T/site.err"
	elif [ ! -e "$T/site-2026-12-10/regionstyrelsen/2026-12-08/protokoll.html" ] ||
	    ! grep -qF 'protokoll.html' "$T/site-2026-12-10/regionstyrelsen/2026-12-08/index.html"; then
		bad "on the day of justering, built over the day before, the decisions are not published"
	fi
fi
# A fullmäktige meeting's kungörelse is on the noticeboard the week
# before it, and not before that or after the meeting.
mkdir -p "$T/kc/regionfullmaktige"
rm -rf "$T/kc/regionfullmaktige/2026-12-22"
cp -R tests/check/base "$T/kc/regionfullmaktige/2026-12-22"
sed -i 's|date="2026-12-08"|date="2026-12-22"|; s|<body>Regionstyrelsen</body>|<body>Regionfullmäktige</body>|' \
    "$T/kc/regionfullmaktige/2026-12-22/meeting.xml"
for c in "2026-12-16 yes" "2026-12-22 yes" "2026-12-14 no" "2026-12-23 no"; do
	day=${c% *}
	want=${c#* }
	n=$((n + 1))
	rm -rf "$T/kc-site"
	if ! $WRAP $B site "$T/kc" -o "$T/kc-site" --today "$day" -j 1 >/dev/null 2>"$T/kc.err"; then
		bad "site of a fullmäktige meeting failed:"
		cat "$T/kc.err"
		continue
	fi
	got=no
	sed -n '/<h2>Kungörelser/,/<h2>Tillkännagivanden/p' "$T/kc-site/anslagstavla.html" |
	    grep -qF 'Regionfullmäktige sammanträder tisdag 22 december 2026' && got=yes
	[ "$got" = "$want" ] || bad "the kungörelse on $day: shown $got, want $want"
done

# The site checks the protocol as check does, the template's limit on
# justering included: a protocol approved 20 days after the meeting
# (the sample's template allows 14) stops the meeting's pages.
n=$((n + 1))
rm -rf "$T/late" "$T/site-late"
mkdir -p "$T/late/regionstyrelsen"
cp -R "$S" "$T/late/regionstyrelsen/"
sed -i 's|<justering date="2026-12-15"|<justering date="2026-12-28"|; s|posted="2026-12-16"|posted="2026-12-29"|' \
    "$T/late/regionstyrelsen/2026-12-08/protokoll.xml"
$WRAP $B site "$T/late" -o "$T/site-late" --today 2026-12-30 -j 1 >/dev/null 2>"$T/late.err"
st=$?
if [ $st -ne 1 ] || ! grep -q "protokoll.xml:[0-9]*:[0-9]*: error: justering on 2026-12-28 is 20 days after the meeting: the template allows 14" "$T/late.err" ||
    [ -e "$T/site-late/regionstyrelsen/2026-12-08/protokoll.html" ]; then
	bad "the site with a justering 20 days after the meeting: status $st, want the limit's error and no pages:"
	cat "$T/late.err"
fi

# With --pdf the site writes the public protocol beside the decisions.
n=$((n + 1))
if $WRAP $B site content -o "$T/site-pdf" --today 2026-12-20 --pdf -j 1 >/dev/null 2>"$T/sp.err"; then
	X=$T/site-pdf/regionstyrelsen/2026-12-08/protokoll-regionstyrelsen-2026-12-08.pdf
	if [ ! -f "$X" ]; then
		bad "site --pdf: no $X"
	else
		pdftotext -enc UTF-8 "$X" "$T/site-pdf.txt"
		grep -q "visas inte i den offentliga versionen" "$T/site-pdf.txt" ||
		    bad "site --pdf: the protocol is not the public one"
		grep -q "Västerlid\|Region Västfjäll" "$T/site-pdf.txt" &&
		    bad "site --pdf: the protocol holds the secret paragraph's words"
		grep -qF 'href="protokoll-regionstyrelsen-2026-12-08.pdf"' \
		    "$T/site-pdf/regionstyrelsen/2026-12-08/protokoll.html" ||
		    bad "site --pdf: the decisions page does not link the protocol"
		# The open data's resultsProtocol is that PDF, the
		# decisions page its web view.
		python3 - "$T/site-pdf/data/oparl/meeting/regionstyrelsen/2026-12-08.json" >"$T/sp.log" 2>&1 <<'PY' ||
import json, sys
r = json.load(open(sys.argv[1]))["resultsProtocol"]
want = {"accessUrl": "regionstyrelsen/2026-12-08/protokoll-regionstyrelsen-2026-12-08.pdf",
        "mimeType": "application/pdf", "fileName": "protokoll-regionstyrelsen-2026-12-08.pdf",
        "web": "regionstyrelsen/2026-12-08/protokoll.html"}
bad = [(k, r.get(k), v) for k, v in want.items() if r.get(k) != v]
for k, g, v in bad:
    print("%s: got %r, want %r" % (k, g, v))
sys.exit(1 if bad else 0)
PY
		    { bad "site --pdf: the OParl resultsProtocol is not the protocol's PDF:"; cat "$T/sp.log"; }
	fi
else
	bad "site --pdf failed:"
	cat "$T/sp.err"
fi
# The site's guard: the secret paragraph's words copied into an open
# one stop the meeting.
n=$((n + 1))
$WRAP $B site "$T/leak" -o "$T/site-leak" --today 2026-12-20 -j 1 >/dev/null 2>"$T/sl.err"
st=$?
if [ $st -ne 1 ] || ! grep -q "protokoll.xml:[0-9]*:[0-9]*: error: the protocol of a secret item would be published in" "$T/sl.err" ||
    [ -e "$T/site-leak/regionstyrelsen/2026-12-08/protokoll.html" ]; then
	bad "the site with a secret paragraph's words in an open one: status $st:"
	cat "$T/sl.err"
fi

# Extracts: one per paragraph, named by body, date and §.
n=$((n + 1))
mkdir -p "$T/utdrag"
if ! $WRAP $B extract "$S" -o "$T/utdrag" >"$T/e.out" 2>"$T/e.err"; then
	bad "extract of the sample failed:"
	cat "$T/e.err"
else
	count=$(ls "$T/utdrag" | wc -l)
	[ "$count" -eq 21 ] || bad "extract wrote $count files, want 21"
	x="$T/utdrag/regionstyrelsen-2026-12-08-paragraf-145.pdf"
	if [ ! -f "$x" ]; then
		bad "extract: no $x"
	else
		pdftotext -enc UTF-8 "$x" "$T/utdrag-145.txt"
		python3 tests/outline_dump.py "$x" >"$T/utdrag-145.outline"
		compare utdrag-145 txt
		compare utdrag-145 outline
		grep -q "Rätt utdraget betygar" "$T/utdrag-145.txt" ||
		    bad "extract 145 is not certified"
		if [ -n "$PY" ]; then
			got=$(sign_lines "$x" 1)
			[ "$got" = 2 ] || bad "extract 145 has $got lines to certify and date on, want 2"
		fi
		grep -q "§ 146" "$T/utdrag-145.txt" &&
		    bad "extract 145 holds another paragraph"
	fi
fi

# Public extracts: those of open items only, none holding a word of a
# secret paragraph; the guard stops one that would.
n=$((n + 1))
rm -rf "$T/putdrag" "$T/lutdrag"
mkdir -p "$T/putdrag" "$T/lutdrag"
if ! $WRAP $B extract --public "$S" -o "$T/putdrag" >/dev/null 2>"$T/pe.err"; then
	bad "extract --public of the sample failed:"
	cat "$T/pe.err"
else
	count=$(ls "$T/putdrag" | wc -l)
	[ "$count" -eq 19 ] || bad "extract --public wrote $count files, want 19 (all but the closed § 134 and § 148)"
	for x in 134 148; do
		[ -e "$T/putdrag/regionstyrelsen-2026-12-08-paragraf-$x.pdf" ] &&
		    bad "extract --public wrote the closed § $x"
	done
	for f in "$T"/putdrag/*.pdf; do
		pdftotext -enc UTF-8 "$f" - | grep -q "Västerlid\|Region Västfjäll\|insatstiderna" &&
		    bad "extract --public: $(basename "$f") holds words of the secret paragraph"
	done
	[ -e "$T/putdrag/regionstyrelsen-2026-12-08-paragraf-145.pdf" ] ||
	    bad "extract --public did not write the open § 145"
fi
$WRAP $B extract --public "$T/leak/regionstyrelsen/2026-12-08" -o "$T/lutdrag" >/dev/null 2>"$T/le.err"
st=$?
if [ $st -ne 1 ] || ! grep -q "protokoll.xml:[0-9]*:[0-9]*: error: the protocol of a secret item would be published in" "$T/le.err" ||
    [ -e "$T/lutdrag/regionstyrelsen-2026-12-08-paragraf-135.pdf" ]; then
	bad "extract --public with a secret paragraph's words in an open one: status $st, want the guard's error and no extract of it:"
	cat "$T/le.err"
fi

# An item struck from the agenda has no §: the numbers run on past it,
# it has no extract, the cover and the decisions page name it.
n=$((n + 1))
rm -rf "$T/st" "$T/st-site"
mkdir -p "$T/st/regionstyrelsen" "$T/st/utdrag"
cp -R "$S" "$T/st/regionstyrelsen/"
X=$T/st/regionstyrelsen/2026-12-08
sed -i 's|<paragraph item="20" time="11.45"><decision/></paragraph>|<paragraph item="20" time="11.45"><struck/></paragraph>|' "$X/protokoll.xml"
if ! $WRAP $B protocol "$X" -o "$T/st/p.pdf" >"$T/st/p.out" 2>"$T/st/p.err" ||
    ! $WRAP $B extract "$X" -o "$T/st/utdrag" >/dev/null 2>>"$T/st/p.err" ||
    ! $WRAP $B site "$T/st" -o "$T/st-site" --today 2026-12-20 -j 1 >/dev/null 2>>"$T/st/p.err"; then
	bad "a struck item: protocol, extract or site failed:"
	cat "$T/st/p.err"
else
	pdftotext -enc UTF-8 "$T/st/p.pdf" "$T/st/p.txt"
	grep -q "§ 128–147" "$T/st/p.txt" || bad "a struck item: the cover does not say § 128–147"
	grep -q "§ 148" "$T/st/p.txt" && bad "a struck item: a § 148 is printed"
	grep -q "Ärende 20. Svar på motion om fler laddstolpar" "$T/st/p.txt" ||
	    bad "a struck item: the cover does not name it"
	[ "$(grep -c "Svar på motion om fler laddstolpar" "$T/st/p.txt")" -eq 1 ] ||
	    bad "a struck item: it is printed as a § too"
	grep -qF "20 paragraphs" "$T/st/p.out" || bad "a struck item: counted as a paragraph: $(cat "$T/st/p.out")"
	count=$(ls "$T/st/utdrag" | wc -l)
	[ "$count" -eq 20 ] || bad "a struck item: extract wrote $count files, want 20"
	pdftotext -enc UTF-8 "$T/st/utdrag/regionstyrelsen-2026-12-08-paragraf-146.pdf" - 2>/dev/null |
	    grep -q "Borgensram för Norrbacka Länstrafik AB" || bad "a struck item: § 146 is not item 21"
	H=$T/st-site/regionstyrelsen/2026-12-08/protokoll.html
	grep -qF '<span class="no">Utgår</span> Svar på motion om fler laddstolpar' "$H" ||
	    bad "a struck item: the decisions page does not show it as struck"
	grep -qF '<span class="no">§ 146</span> <a href="arende-21.html">' "$H" ||
	    bad "a struck item: on the decisions page item 21 is not § 146"
	grep -qF '<dd><span class="nw">§ 128–147</span></dd>' "$T/st-site/anslagstavla.html" ||
	    bad "a struck item: the notice does not say § 128–147"
fi

# § numbers across a body's protocols.
body="$T/body"
mkdir -p "$body"
cp -R tests/check/base "$body/2026-11-10"
cp -R tests/check/base "$body/2026-12-08"
sed -i 's|date="2026-12-08"|date="2026-11-10"|' "$body/2026-11-10/meeting.xml"
sed 's|<protocol first="5">|<protocol>|; s|2026-12-1[01]|2026-11-12|g' \
    tests/check/protocol-base/protokoll.xml >"$body/2026-11-10/protokoll.xml"
# The earlier one has no first="": it starts at § 1, and ends at § 3.
sed 's|<protocol first="5">|<protocol>|' tests/check/protocol-base/protokoll.xml \
    >"$body/2026-12-08/protokoll.xml"
n=$((n + 1))
if ! $WRAP $B protocol "$body/2026-12-08" -o "$T/run-on.pdf" >/dev/null 2>"$T/r.err"; then
	bad "run-on numbering: protocol failed:"
	cat "$T/r.err"
elif ! pdftotext "$T/run-on.pdf" - | grep -q "§ 4–6"; then
	bad "run-on numbering: the second protocol does not run § 4–6"
fi
# A struck item of the earlier protocol has no §: it ends at § 2.
sed 's|<protocol first="5">|<protocol>|; s|2026-12-1[01]|2026-11-12|g; s|<paragraph item="2"><decision/></paragraph>|<paragraph item="2"><struck/></paragraph>|' \
    tests/check/protocol-base/protokoll.xml >"$body/2026-11-10/protokoll.xml"
sed 's|<protocol first="5">|<protocol>|' tests/check/protocol-base/protokoll.xml \
    >"$body/2026-12-08/protokoll.xml"
n=$((n + 1))
if ! $WRAP $B protocol "$body/2026-12-08" -o "$T/run-on.pdf" >/dev/null 2>"$T/r.err"; then
	bad "run-on numbering after a struck item: protocol failed:"
	cat "$T/r.err"
elif ! pdftotext "$T/run-on.pdf" - | grep -q "§ 3–5"; then
	bad "run-on numbering: after a protocol with a struck item the second does not run § 3–5"
fi
sed 's|<protocol first="5">|<protocol>|; s|2026-12-1[01]|2026-11-12|g' \
    tests/check/protocol-base/protokoll.xml >"$body/2026-11-10/protokoll.xml"
for c in "3 collide" "2 collide" "9 skipped"; do
	first=${c% *}
	word=${c#* }
	n=$((n + 1))
	sed "s|<protocol first=\"5\">|<protocol first=\"$first\">|" \
	    tests/check/protocol-base/protokoll.xml >"$body/2026-12-08/protokoll.xml"
	$WRAP $B check "$body/2026-12-08" >/dev/null 2>"$T/c.err"
	st=$?
	if [ $st -ne 1 ] || ! grep -q "protokoll.xml:2:[0-9]*: error: the first § is $first, but the body's previous protocol (.*) ends at § 3: .*$word" "$T/c.err"; then
		bad "first=\"$first\": want an error that the numbers $word, got status $st:"
		cat "$T/c.err"
	fi
done

# A deputy serves in the place of a member with jäv in one §: counted
# among those serving, votes, and the § says so.
n=$((n + 1))
rm -rf "$T/jd"
cp -R tests/check/base "$T/jd"
sed 's|<ballot member="Cecilia Lind" vote="nej"/>|&<ballot member="Fia Berg" vote="ja"/>|' \
    tests/check/protocol-jav-deputy-no-ballot/protokoll.xml >"$T/jd/protokoll.xml"
if ! $WRAP $B check "$T/jd" >/dev/null 2>"$T/jd.err" ||
    ! $WRAP $B protocol "$T/jd" -o "$T/jd.pdf" >/dev/null 2>>"$T/jd.err"; then
	bad "a deputy voting in the place of a member with jäv: check or protocol failed:"
	cat "$T/jd.err"
else
	pdftotext -enc UTF-8 "$T/jd.pdf" - | tr '\n' ' ' >"$T/jd.txt"
	grep -qF "Bo Ek (S) deltar inte i handläggningen på grund av jäv. Fia Berg (S) tjänstgör i stället." "$T/jd.txt" ||
	    bad "a deputy in the place of a member with jäv: the § does not say so"
	grep -qF "Fia Berg (S), tjänstgör i § 7 för Bo Ek (S)" "$T/jd.txt" ||
	    bad "a deputy in the place of a member with jäv: the attendance does not say in which §"
	grep -qF "Med 3 ja-röster mot 1 nej-röster" "$T/jd.txt" ||
	    bad "a deputy in the place of a member with jäv: the vote is not 3–1"
fi

# A protocol with errors is not written.
n=$((n + 1))
printf 'previous\n' >"$T/old.pdf"
$WRAP $B protocol "$body/2026-12-08" -o "$T/old.pdf" >/dev/null 2>"$T/o.err"
st=$?
if [ $st -ne 1 ] || [ "$(cat "$T/old.pdf")" != "previous" ] ||
    ! grep -q "no protocol is written while it has errors" "$T/o.err"; then
	bad "a protocol with errors: status $st, or the old file was changed"
	cat "$T/o.err"
fi

# A case file that cannot be read is one error: the protocol's § on
# its item does not add "has no proposal to decide by".
n=$((n + 1))
rm -rf "$T/unread" && cp -R "$S" "$T/unread"
sed -i 's/^handläggare:/handlägare:/' "$T/unread/arenden/05-manadsrapport-oktober-2026.md"
$WRAP $B check "$T/unread" >/dev/null 2>"$T/unread.err"
[ "$(grep -c ': error: ' "$T/unread.err")" -eq 1 ] ||
    { bad "an unreadable case file: $(grep -c ': error: ' "$T/unread.err") errors, want 1:"; cat "$T/unread.err"; }

echo "protocol: $n checked, $fail failed"
[ $fail -eq 0 ]
