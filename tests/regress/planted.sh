#!/bin/sh
# Personal identity numbers planted in a copy of the sample, in every
# written form and in every input file that reaches public output, must
# stop build --public and site with an error that names the input, and
# must leave what both wrote before as it was.  After every attempt an
# independent scanner (tests/scan_outputs.py: pdftotext, pikepdf, NFKC)
# searches every file in the output folders, before and after: it must
# find nothing, and no attempt may change a byte of them.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/planted
M=content/regionstyrelsen/2026-12-08
rm -rf "$T"
mkdir -p "$T/out"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
# A Python with pikepdf.
PY=python3
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then PY=$p; break; fi
done

W="$T/tree/regionstyrelsen/2026-12-08"
fresh() {
	rm -rf "$T/tree"
	mkdir -p "$T/tree/regionstyrelsen"
	cp -R $M "$W"
}
# The outputs of the clean sample: what a failed run must not touch.
fresh
$WRAP $B build --public "$W" -o "$T/out/public.pdf" >/dev/null 2>&1 || no "public pack of the sample"
$WRAP $B site "$T/tree" -o "$T/out/site" --today 2026-12-01 --pdf -j 1 >/dev/null 2>&1 || no "site of the sample"
$PY tests/scan_outputs.py "$T/out" >"$T/hits" 2>&1 && ok ||
    no "the scanner finds numbers in the sample's outputs: $(head -n 3 "$T/hits")"
( cd "$T/out" && find . -type f | sort | xargs cksum ) >"$T/before"
# The scanner finds what it looks for.
printf '<p>8112<em>18</em>&#45;9876</p>' >"$T/probe.html"
$PY tests/scan_outputs.py "$T/probe.html" >/dev/null && no "the scanner misses a number" || ok

# try WHAT WHERE: build --public and site of the planted copy fail with
# an error at WHERE (a grep pattern), and nothing in out/ changes.
try() {
	$WRAP $B build --public "$W" -o "$T/out/public.pdf" >/dev/null 2>"$T/err"
	st=$?
	[ $st -eq 1 ] && ok || no "$1: build --public exit status $st, want 1"
	grep -q -- "$2" "$T/err" && ok ||
	    no "$1: build --public: \"$(grep -m 1 ': error: ' "$T/err")\", want \"$2\""
	if [ -n "$SITE" ]; then
		$WRAP $B site "$T/tree" -o "$T/out/site" --today 2026-12-01 --pdf -j 1 >/dev/null 2>"$T/err"
		st=$?
		[ $st -eq 1 ] && ok || no "$1: site exit status $st, want 1"
		grep -q -- "$2" "$T/err" && ok ||
		    no "$1: site: \"$(grep -m 1 ': error: ' "$T/err")\", want \"$2\""
	fi
	# Nothing changed, nothing added: the scan at the end sees what
	# every attempt left.
	( cd "$T/out" && find . -type f | sort | xargs cksum ) >"$T/after"
	cmp -s "$T/before" "$T/after" && ok || no "$1: the outputs changed"
}

# In a case's text, every written form.
C=arenden/20-motion-laddstolpar.md
line=$(grep -n -m 1 '^# Ärendebeskrivning' "$M/$C" | cut -d: -f1)
line=$((line + 2))
ZWSP=$(printf '\342\200\213')
SHY=$(printf '\302\255')
BOM=$(printf '\357\273\277')
WJ=$(printf '\342\201\240')
NBSP=$(printf '\302\240')
FW=$(printf '\357\274\230\357\274\221\357\274\221\357\274\222\357\274\221\357\274\230\357\274\215\357\274\231\357\274\230\357\274\227\357\274\226')
FE32=$(printf '\357\270\262')
MAQAF=$(printf '\326\276')
AI=$(printf '\331\250\331\241\331\241\331\242\331\241\331\250-\331\251\331\250\331\247\331\246')
SITE=
for form in "emphasis|8112**18**-9876" "code span|811218\`-9876\`" \
    "zero-width space|811218${ZWSP}-9876" "soft hyphen|8112${SHY}18-9876" \
    "byte order mark|81121${BOM}8-9876" "word joiner|811218${WJ}9876" \
    "backslash escape|811218\\\\-9876" "character reference|811218\\&#45;9876" \
    "named reference|811218\\&ndash;9876" "double hyphen|811218--9876" \
    "space|811218 9876" "no-break space|811218${NBSP}9876" "full-width|$FW" \
    "century|19811218-9876" "plus|811218+9876" "run together|8112189876" \
    "twelve run together|198112189876" "samordningsnummer|811278-9873" \
    "wrong check digit|811218-9875" \
    "list without spaces|820101-1235,811218-9876" "after a slash|1/811218-9876" \
    "point and digit after|811218-9876.1" "date with dashes|1981-12-18-9876" \
    "presentation form dash|811218${FE32}9876" "Hebrew maqaf|811218${MAQAF}9876" \
    "Arabic-Indic digits|$AI" \
    "percent-encoded link|[Banken](https://bank.example/kund?id=811218%2D9876)" \
    "percent-encoded autolink|<https://bank.example/kund?id=811218%2d9876>" \
    "run together, not Luhn-valid|8112189875" "space, not Luhn-valid|811218 9875" \
    "twelve, not Luhn-valid|198112189875"; do
	what=${form%%|*}
	num=${form#*|}
	fresh
	sed -i "${line}s|^|Motionären ($num) vill ha svar. |" "$W/$C"
	grep -q "Motionären (" "$W/$C" || no "$what: not planted"
	case $what in
	samordningsnummer) kind=samordningsnummer ;;
	*) kind=personnummer ;;
	esac
	case $what in
	emphasis|full-width|"list without spaces"|"Arabic-Indic digits"|percent-encoded*|"run together, not Luhn-valid") SITE=1 ;;
	*) SITE= ;;
	esac
	try "$what" "^$W/$C:$line:[0-9]*: error: $kind [0-9]*-XXXX"
done
SITE=1

# In the manifest: an entity in an attribute (the agenda line) and in
# an item's title (the agenda line and the bookmark).
fresh
sed -i 's|Justering tisdagen den 15 december 2026.|Justering 811218\&#45;9876.|' "$W/meeting.xml"
try "manifest attribute" "^$W/meeting.xml:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
fresh
sed -i 's|<procedural>Fastställande av föredragningslista</procedural>|<procedural>Fastställande 811218\&#x2011;9876</procedural>|' "$W/meeting.xml"
try "manifest title" "^$W/meeting.xml:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
# The organisation profile: a staff title.
fresh
sed -i 's|title="Regiondirektör"|title="Regiondirektör 811218-9876"|' "$W/organisation.xml"
try "staff title" "^$W/organisation.xml:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
# The program.
fresh
sed -i '0,/<topic>/s|<topic>|<topic>811218 9876 |' "$W/program.xml"
try "program" "^$W/program.xml:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
# A figure file's cell.
fresh
sed -i 's|^Varav inhyrd personal;|Varav 811218-9876;|' "$W/figurer/kostnader-per-ar.csv"
try "figure" "^$W/figurer/kostnader-per-ar.csv:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
# A document's text.
fresh
sed -i '0,/^[A-ZÅÄÖ]/s/^\([A-ZÅÄÖ]\)/Sökande 811218-9876. \1/' "$W/handlingar/remissvar-sou-2026-12.md"
try "document" "^$W/handlingar/remissvar-sou-2026-12.md:[0-9]*:[0-9]*: error: personnummer 811218-XXXX"
# A file name.
fresh
mv "$W/handlingar/remissvar-sou-2026-12.md" "$W/handlingar/remissvar-811218-9876.md"
sed -i 's|remissvar-sou-2026-12.md|remissvar-811218-9876.md|' "$W"/arenden/*.md
try "file name" "^$W/handlingar/remissvar-811218-9876.md: error: personnummer 811218-XXXX in a file name"
# A PDF file made elsewhere with the number in its text.
fresh
$PY - "$W/bilagor/intyg.pdf" <<'PYEOF'
import sys
text = "Intyg for 811218-9876, utfardat 2026-11-02."
content = ("BT /F1 11 Tf 72 720 Td (%s) Tj ET" % text).encode()
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PYEOF
sed -i 's|^- Tjänsteskrivelse 2026-11-17$|- Tjänsteskrivelse 2026-11-17\n- [Intyg 2026-11-02](../bilagor/intyg.pdf)|' "$W/arenden/21-borgensram-lanstrafiken.md"
grep -q intyg.pdf "$W/arenden/21-borgensram-lanstrafiken.md" || no "the PDF is not linked"
try "attached PDF" "bilagor/intyg.pdf: error: page 1: personnummer 811218-XXXX in the text of this PDF file"
# The same number where a reader sees it but the page's content does
# not hold it: (1) the appearance of a free-text annotation, (2) the
# value of a filled form field, written on the field above its widget
# (the viewer draws it).
for kind in freetext field; do
	fresh
	$PY - "$W/bilagor/intyg.pdf" "$kind" <<'PYEOF'
import sys
kind = sys.argv[2]
text = b"Intyg for 811218-9876"
page_text = b"BT /F1 11 Tf 72 720 Td (Intyg, se anteckningen) Tj ET"
font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
if kind == "freetext":
    ap = b"BT /F1 11 Tf 2 6 Td (" + text + b") Tj ET"
    annot = (b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 372 620] "
             b"/DA (/F1 11 Tf 0 g) /AP << /N 7 0 R >> >>")
    extra = [b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 20] "
             b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(ap)
             + ap + b"\nendstream"]
    acro = b""
else:
    annot = (b"<< /Type /Annot /Subtype /Widget /Rect [72 600 372 620] "
             b"/Parent 7 0 R >>")
    extra = [b"<< /FT /Tx /T (Namn) /V (" + text + b") /Kids [6 0 R] >>"]
    acro = b" /AcroForm << /Fields [7 0 R] /NeedAppearances true >>"
objs = [b"<< /Type /Catalog /Pages 2 0 R" + acro + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(page_text) + page_text + b"\nendstream",
        font, annot] + extra
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PYEOF
	sed -i 's|^- Tjänsteskrivelse 2026-11-17$|- Tjänsteskrivelse 2026-11-17\n- [Intyg 2026-11-02](../bilagor/intyg.pdf)|' "$W/arenden/21-borgensram-lanstrafiken.md"
	try "attached PDF, $kind" "bilagor/intyg.pdf: error: page 1: personnummer 811218-XXXX in the text of this PDF file"
done
# A scan (no text) needs public="yes" on its link: the sample's motion
# replaced by the same motion as a scan.
fresh
cp tests/check/pdf-scan/bilagor/motion.pdf "$W/bilagor/motion-laddstolpar-2025-11-25.pdf"
sed -i "s|(../bilagor/motion-laddstolpar-2025-11-25.pdf 'public=\"yes\"')|(../bilagor/motion-laddstolpar-2025-11-25.pdf)|" "$W/$C"
try "scan without public=yes" "^$W/$C:[0-9]*:[0-9]*: error: \".*motion-laddstolpar-2025-11-25.pdf\" has text that cannot be read"

# Every file in the output folders, searched by the independent scanner.
$PY tests/scan_outputs.py "$T/out" >"$T/hits" 2>&1 && ok ||
    no "a number got out: $(head -n 3 "$T/hits")"
find "$T/out" -name '*.tmp*' | grep -q . && no "temporary files were left" || ok

echo "planted: $pass passed, $fail failed"
[ $fail -eq 0 ]
