#!/bin/sh
# Golden tests of the document templates (tjänsteskrivelse from a case
# file and from its own file, report, letter, program): each is rendered alone
# and its extracted text and bookmarks must equal the expected files
# beside the input in tests/regress/documents/.  Then the test meeting
# is built as a pack: its bookmarks must be as expected, every page's
# "x(y)" and "Sida N av M" must be right (tests/check_numbering.py, which
# must also reject the pack with a page taken out), and the report's
# table of contents must give the pack's page numbers (tests/check_toc.py).
#
# After a deliberate change of a template, review the differences and
# regenerate the expected files with: UPDATE=1 sh tests/regress/documents.sh
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/documents
D=tests/regress/documents
M=$D/meeting
mkdir -p "$T"
n=0
fail=0

compare() {	# name kind
	n=$((n + 1))
	[ -n "$UPDATE" ] && cp "$T/$1.$2" "$D/$1.$2"
	if ! cmp -s "$D/$1.$2" "$T/$1.$2"; then
		echo "FAIL $1: the $2 differs from $D/$1.$2:"
		diff -u "$D/$1.$2" "$T/$1.$2" | head -n 30
		fail=$((fail + 1))
	fi
}

golden() {	# name file [meeting folder]
	if ! $WRAP $B render "${3:-$M}/$2" -o "$T/$1.pdf" >/dev/null 2>"$T/$1.err"
	then
		echo "FAIL $1: render $2 failed:"
		cat "$T/$1.err"
		n=$((n + 1))
		fail=$((fail + 1))
		return
	fi
	if ! qpdf --check "$T/$1.pdf" >"$T/$1.qpdf" 2>&1; then
		echo "FAIL $1: qpdf --check:"
		cat "$T/$1.qpdf"
		fail=$((fail + 1))
	fi
	pdftotext -enc UTF-8 "$T/$1.pdf" "$T/$1.txt"
	python3 tests/outline_dump.py "$T/$1.pdf" >"$T/$1.outline"
	compare "$1" txt
	compare "$1" outline
}

golden tjansteskrivelse arenden/02-vardplatser.md
golden tjansteskrivelse-fil handlingar/ts-lokalforsorjning.md
golden rapport handlingar/rapport-vardplatser.md
golden brev handlingar/brev-ivo.md
golden program program.xml
# Registers as real ones are: undated entries, the type where the file
# writes it, sub-entries, an empty delegate group, a period.
R=$D/registers
golden register arenden/14-anmalningar.md "$R"
# A short report: no title page and no contents (by its length), signed.
golden rapport-kort handlingar/manadsrapport-kort.md "$R"
# A follow-up report as real ones are: a goal cell spanning the rows of
# its success factors, comments of several paragraphs.
golden uppfoljning-mal handlingar/uppfoljning-framgangsfaktorer.md "$R"
# The site's register pages and CSV follow the same model: an undated
# entry has an empty date, sub-entries are lines of their own.
n=$((n + 1))
rm -rf "$T/regsite"
mkdir -p "$T/regsite/c/regionstyrelsen"
cp -R "$R" "$T/regsite/c/regionstyrelsen/2017-12-12"
if ! $WRAP $B site "$T/regsite/c" -o "$T/regsite/o" --today 2017-12-01 -j 1 \
    >/dev/null 2>"$T/regsite.err" ||
    ! grep -q '^,RS/47/2017,Kommunförbundet Norrbacka,nej,styrelsens sammanträde 2017-10-20,nej,Protokoll,Regionstyrelsen,2017-12-12,1,regionstyrelsen/2017-12-12/arende-1.html,"Rapport: Länsgemensam strategi för hälsa och välfärd' \
    "$T/regsite/o/data/inkomna-handlingar.csv" ||
    ! grep -q '<th scope="row" data-label="Datum"><span class="nw"></span></th><td class="nw" data-label="Diarienummer">RS/47/2017</td><td data-label="Avsändare">Kommunförbundet Norrbacka</td><td data-label="Handling">styrelsens sammanträde <span class="nw">2017-10-20</span><br>Rapport: Länsgemensam strategi för hälsa och välfärd<br>Rapport: Samverkansavtal' \
    "$T/regsite/o/register/inkomna-handlingar-2017.html" ||
    ! grep -q '^,2017-12-21,2018-01-06,,regiondirektör,Förordnande av ersättare' \
    "$T/regsite/o/data/delegationsbeslut.csv" ||
    ! grep -q '<p>Inga beslut att anmäla.</p>' \
    "$T/regsite/o/regionstyrelsen/2017-12-12/arende-1.html"
then
	echo "FAIL the registers on the site:"
	cat "$T/regsite.err"
	fail=$((fail + 1))
fi
# On the site, the follow-up report's goal cell spans its rows and a
# comment of several paragraphs is a <p> each.
n=$((n + 1))
rm -rf "$T/fusite"
mkdir -p "$T/fusite/c/regionstyrelsen"
cp -R "$R" "$T/fusite/c/regionstyrelsen/2017-12-12"
sed -i 's|^- Tjänsteskrivelse 2017-12-01$|&\n- [Uppföljning av framgångsfaktorer per augusti 2017](../handlingar/uppfoljning-framgangsfaktorer.md)|' \
    "$T/fusite/c/regionstyrelsen/2017-12-12/arenden/14-anmalningar.md"
if ! $WRAP $B site "$T/fusite/c" -o "$T/fusite/o" --today 2017-12-01 -j 1 \
    >/dev/null 2>"$T/fusite.err" ||
    ! grep -q '<tr><th scope="rowgroup" rowspan="3">Länet har en hållbar tillväxt</th><td>Öppna ett centrum för e-hälsa tillsammans med näringslivet</td><td>Delvis uppfyllt</td><td><p>Lokalen är hyrd och inredd. Avtal med de företag som ska hyra en del av den är ännu inte klara.</p><p>Centrumet väntas öppna i februari 2018.</p></td></tr>' \
    "$T/fusite/o/regionstyrelsen/2017-12-12/handling-1.html"
then
	echo "FAIL the follow-up report's status table on the site:"
	cat "$T/fusite.err"
	fail=$((fail + 1))
fi
# A tjänsteskrivelse whose proposal is one sentence by someone else than
# the profile's proposer: its heading is the neutral "Förslag till
# beslut", never "Regiondirektörens förslag".  Without signers, "I
# tjänsten" stays (check warns, tests/check/missing-signer).
n=$((n + 1))
rm -rf "$T/proposer"
cp -R "$M" "$T/proposer"
sed -i -e '/^undertecknare:/d' -e 's/^1\. Regionstyrelsen godkänner rapporten\.$/Utskottet för vård föreslår att regionstyrelsen godkänner rapporten och svaret./' \
    -e '/^2\. Regionstyrelsen godkänner svaret/d' "$T/proposer/arenden/02-vardplatser.md"
if ! $WRAP $B render "$T/proposer/arenden/02-vardplatser.md" \
    -o "$T/proposer.pdf" >/dev/null 2>"$T/proposer.err" ||
    ! pdftotext -enc UTF-8 "$T/proposer.pdf" - | tr '\n' '|' |
    grep -q '|Förslag till beslut|Utskottet för vård föreslår att regionstyrelsen godkänner rapporten och svaret\.|*I tjänsten|*Utdrag till|' ||
    pdftotext -enc UTF-8 "$T/proposer.pdf" - | grep -q 'Regiondirektörens förslag'
then
	echo "FAIL a proposal by the committee, no signers:"
	cat "$T/proposer.err"
	pdftotext -enc UTF-8 "$T/proposer.pdf" - | sed -n '/Ärendebeskrivning/,$p'
	fail=$((fail + 1))
fi
# A session that is just a place and a time (no open=""): the cover,
# the site's meeting page, its CSV and OParl JSON say nothing of the
# public, and the program's closed part is not measured against it.
n=$((n + 1))
rm -rf "$T/unstated"
mkdir -p "$T/unstated/c/regionstyrelsen"
U=$T/unstated/c/regionstyrelsen/2017-12-12
cp -R "$R" "$U"
sed -i 's| open="yes"||' "$U/meeting.xml"
if ! $WRAP $B build "$U" -o "$T/unstated.pdf" >/dev/null 2>"$T/unstated.err" ||
    ! pdftotext -l 1 -layout "$T/unstated.pdf" - |
    grep -q '^09\.00–12\.00 *Styrelserummet$' ||
    ! $WRAP $B site "$T/unstated/c" -o "$T/unstated/o" --today 2017-12-01 \
    -j 1 >/dev/null 2>>"$T/unstated.err" ||
    ! grep -q '<li>Klockan 09.00–12.00, Styrelserummet.</li>' \
    "$T/unstated/o/regionstyrelsen/2017-12-12/index.html" ||
    ! grep -q '^Regionstyrelsen,2017-12-12,09.00,12.00,Styrelserummet,,1,' \
    "$T/unstated/o/data/sammantraden.csv" ||
    sed -n '/"boardgen:session"/,/}]/p' \
    "$T/unstated/o/data/oparl/meeting/regionstyrelsen/2017-12-12.json" |
    grep -q '"public"' ||
    ! python3 tests/check_oparl.py templates/schema/oparl.json \
    "$T/unstated/o" >>"$T/unstated.err" 2>&1
then
	echo "FAIL a session that is just a place and a time:"
	cat "$T/unstated.err"
	fail=$((fail + 1))
fi
# A program without <time>: the meeting's sessions stand under the date,
# each with its place and, when the manifest says, whether the public
# may attend; a session without open="" is just a time and a place.
n=$((n + 1))
rm -rf "$T/progtime"
cp -R "$M" "$T/progtime"
sed -i '/<time>/d' "$T/progtime/program.xml"
if ! $WRAP $B render "$T/progtime/program.xml" -o "$T/progtime.pdf" \
    >/dev/null 2>"$T/progtime.err" ||
    ! pdftotext -layout "$T/progtime.pdf" - >"$T/progtime.txt" ||
    ! grep -q '^ *10\.15–12\.00, Styrelserummet, stängt för allmänheten$' "$T/progtime.txt"
then
	echo "FAIL a program's times from the sessions, one closed:"
	sed -n '1,12p' "$T/progtime.txt"
	fail=$((fail + 1))
fi
sed -i 's| open="no"||' "$T/progtime/meeting.xml"
if ! $WRAP $B render "$T/progtime/program.xml" -o "$T/progtime.pdf" \
    >/dev/null 2>"$T/progtime.err" ||
    ! pdftotext -layout "$T/progtime.pdf" - >"$T/progtime.txt" ||
    ! grep -q '^Tid och plats: *09\.00–10\.15, Styrelserummet, öppet för allmänheten$' "$T/progtime.txt" ||
    ! grep -q '^ *10\.15–12\.00, Styrelserummet$' "$T/progtime.txt" ||
    grep -q 'stängt för allmänheten$' "$T/progtime.txt"
then
	echo "FAIL a program's times from the sessions:"
	cat "$T/progtime.err"
	sed -n '1,12p' "$T/progtime.txt"
	fail=$((fail + 1))
fi
# Rendered alone, the report's contents give its own page numbers.
n=$((n + 1))
python3 tests/check_toc.py "$T/rapport.pdf" >/dev/null || {
	echo "FAIL the report's table of contents alone"
	fail=$((fail + 1))
}
# A footnote in a heading: its number is in the heading, not in the
# contents line, which still names the chapter its bookmark names.
n=$((n + 1))
rm -rf "$T/notemeeting"
cp -R "$M" "$T/notemeeting"
sed -i '0,/^# \(.*\)$/s//# \1[^rubrik]\n\n[^rubrik]: En not till rubriken./' \
    "$T/notemeeting/handlingar/rapport-vardplatser.md"
if ! $WRAP $B render "$T/notemeeting/handlingar/rapport-vardplatser.md" \
    -o "$T/rapport-not.pdf" >/dev/null 2>"$T/rapport-not.err" ||
    ! pdftotext -enc UTF-8 "$T/rapport-not.pdf" - |
    grep -q "^1 En not till rubriken\.$" ||
    ! python3 tests/check_toc.py "$T/rapport-not.pdf" >"$T/rapport-not.toc"
then
	echo "FAIL a footnote in a heading of the report:"
	cat "$T/rapport-not.err" "$T/rapport-not.toc" 2>/dev/null | head
	fail=$((fail + 1))
fi

# The pack: documents behind their items, numbered right.
n=$((n + 1))
if $WRAP $B build "$M" -o "$T/pack.pdf" >/dev/null 2>"$T/pack.err"; then
	qpdf --check "$T/pack.pdf" >"$T/pack.qpdf" 2>&1 ||
	    { echo "FAIL pack: qpdf --check"; cat "$T/pack.qpdf"; fail=$((fail + 1)); }
	python3 tests/outline_dump.py "$T/pack.pdf" >"$T/pack.outline"
	compare pack outline
	n=$((n + 1))
	if ! python3 tests/check_numbering.py "$T/pack.pdf" --starts \
	    "Program" "Tjänsteskrivelse 2027-01-20" "Vårdplatser i Region Norrbacka 2026" \
	    "Svar på begäran om uppgifter om vårdplatser" \
	    "Tjänsteskrivelse 2027-01-25"; then
		fail=$((fail + 1))
	fi
	# The report's table of contents gives the pack's page numbers.
	n=$((n + 1))
	python3 tests/check_toc.py "$T/pack.pdf" || fail=$((fail + 1))
	# The checker finds a missing page.
	n=$((n + 1))
	qpdf --empty --pages "$T/pack.pdf" 1-3,5-z -- "$T/short.pdf"
	if python3 tests/check_numbering.py "$T/short.pdf" >/dev/null; then
		echo "FAIL check_numbering.py accepts a pack with a page missing"
		fail=$((fail + 1))
	fi
	# The unavailable Beslutsunderlag entry is warned about where it is.
	n=$((n + 1))
	if ! grep -q "^$M/arenden/03-lokalforsorjning.md:26:3: warning: Beslutsunderlag: \"Lokalförsörjningsplan 2027–2031\" names no document" "$T/pack.err"; then
		echo "FAIL no warning for the entry that names no document:"
		cat "$T/pack.err"
		fail=$((fail + 1))
	fi
else
	echo "FAIL build of $M:"
	cat "$T/pack.err"
	fail=$((fail + 1))
fi

# A draft that no meeting names still gets the profile found upward.
n=$((n + 1))
mkdir -p "$T/draft"
cp "$M/organisation.xml" "$M/logo.png" "$M/handlingar/brev-ivo.md" "$T/draft/"
if ! $WRAP $B render "$T/draft/brev-ivo.md" -o "$T/draft.pdf" >/dev/null ||
    ! pdftotext -enc UTF-8 "$T/draft.pdf" - | grep -q "Postadress Box 412, 831 26 Norrbacka"; then
	echo "FAIL a draft outside a meeting: no letterhead"
	fail=$((fail + 1))
fi
# A file that does not exist: exit status 1, with the name.
n=$((n + 1))
$WRAP $B render "$M/handlingar/saknas.md" -o "$T/x.pdf" 2>"$T/x.err" >/dev/null
if [ $? -ne 1 ] || ! grep -q "saknas.md: error: no such file" "$T/x.err"; then
	echo "FAIL render of a missing file:"
	cat "$T/x.err"
	fail=$((fail + 1))
fi

echo "documents: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
