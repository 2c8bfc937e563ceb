#!/bin/sh
# Tagged PDF (PDF/UA-1).  Every template's sample document is rendered
# alone, and the sample meeting and the test meeting are built as packs:
# tests/check_tagged.py must pass on each (marked content, parent tree,
# structure nesting, Alt, Scope, catalog, XMP, fonts), and each
# document's structure tree with its text (pdfinfo -struct-text) must
# equal the expected file in tests/regress/tagged/.  Then the checker
# must reject each deliberately broken copy (tests/break_tagged.py) with
# the message for that fault.
#
# After a deliberate change, review the differences and regenerate the
# expected files with: UPDATE=1 sh tests/regress/tagged.sh
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/tagged
D=tests/regress/tagged
M=tests/regress/documents/meeting
S=content/regionstyrelsen/2026-12-08
mkdir -p "$T" "$D"
n=0
fail=0

# The checker needs pikepdf (Debian: python3-pikepdf).
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "FAIL no python3 with pikepdf: install python3-pikepdf"
	echo "0 passed, 1 failed"
	exit 1
fi

check() {	# name
	n=$((n + 1))
	if ! "$PY" tests/check_tagged.py "$T/$1.pdf" >"$T/$1.check" 2>&1; then
		echo "FAIL $1: check_tagged:"
		head -n 20 "$T/$1.check"
		fail=$((fail + 1))
	fi
}

golden() {	# name file
	n=$((n + 1))
	if ! $WRAP $B render "$2" -o "$T/$1.pdf" >/dev/null 2>"$T/$1.err"
	then
		echo "FAIL $1: render $2 failed:"
		cat "$T/$1.err"
		fail=$((fail + 1))
		return
	fi
	check "$1"
	# Object numbers of link annotations are no part of the structure.
	pdfinfo -struct-text "$T/$1.pdf" 2>&1 |
	    sed 's/^\( *\)Object [0-9]* [0-9]*$/\1Object (link annotation)/' \
	    >"$T/$1.struct"
	# Words keep their spaces, hyphenated words read whole.
	n=$((n + 1))
	pdftotext -enc UTF-8 "$T/$1.pdf" "$T/$1.txt"
	if ! "$PY" tests/check_words.py "$T/$1.struct" "$T/$1.txt" \
	    >"$T/$1.words"; then
		echo "FAIL $1: words of the structure's text run together:"
		cat "$T/$1.words"
		fail=$((fail + 1))
	fi
	# The languages of parts: /Lang of every element, in tree order.
	"$PY" tests/check_tagged.py --langs "$T/$1.pdf" 2>&1 |
	    grep ' /Lang ' >"$T/$1.langs"
	if [ -n "$UPDATE" ]; then
		cp "$T/$1.struct" "$D/$1.struct"
		if [ -s "$T/$1.langs" ]; then
			cp "$T/$1.langs" "$D/$1.langs"
		else
			rm -f "$D/$1.langs"
		fi
	fi
	n=$((n + 1))
	if [ -f "$D/$1.langs" ] || [ -s "$T/$1.langs" ]; then
		if ! cmp -s "$D/$1.langs" "$T/$1.langs"; then
			echo "FAIL $1: the languages differ from $D/$1.langs:"
			diff -u "$D/$1.langs" "$T/$1.langs" | head -n 30
			fail=$((fail + 1))
		fi
	fi
	if ! cmp -s "$D/$1.struct" "$T/$1.struct"; then
		echo "FAIL $1: the structure differs from $D/$1.struct:"
		diff -u "$D/$1.struct" "$T/$1.struct" | head -n 30
		fail=$((fail + 1))
	fi
}

golden tjansteskrivelse "$M/arenden/02-vardplatser.md"
golden tjansteskrivelse-fil "$M/handlingar/ts-lokalforsorjning.md"
golden rapport "$M/handlingar/rapport-vardplatser.md"
golden brev "$M/handlingar/brev-ivo.md"
golden program "$M/program.xml"
golden manadsrapport "$S/handlingar/manadsrapport-oktober-2026.md"
golden uppfoljning "$S/handlingar/uppfoljning-internkontrollplan-2026.md"
golden uppfoljning-mal "tests/regress/documents/registers/handlingar/uppfoljning-framgangsfaktorer.md"
golden remissvar "$S/handlingar/remissvar-sou-2026-12.md"
# Norwegian and South Sami: Spans and a paragraph with their /Lang.
golden gransregional "$S/arenden/08-gransregional-samverkan-norge.md"
golden sydsamiska "$S/arenden/09-handlingsplan-sydsamiska.md"
# A Norwegian Span over a line and a page, with a link inside it.
golden sprak tests/regress/tagged/sprak.md
# Footnotes: References in paragraphs, a list, a quote and a Span, each
# Note with its /ID after the element of its first reference.
golden delegation "$S/arenden/11-revidering-delegationsordning.md"
golden fotnoter tests/regress/tagged/fotnoter.md
# Links whose text goes over a line end, two of them where the word is
# hyphenated: each link's name is its visible text once, without the
# hyphen (check_tagged compares /Alt and /Contents with the text).
golden lankar tests/regress/tagged/lankar.md
n=$((n + 1))
"$PY" tests/check_tagged.py --links "$T/lankar.pdf" >"$T/lankar.links" 2>&1
if [ "$(grep -c '(over a hyphen)$' "$T/lankar.links")" -lt 2 ] ||
    ! grep -q '^Link "överenskommelsen om sjukvårdsregionalt samarbete kring ambulanshelikoptrar"$' \
    "$T/lankar.links"; then
	echo "FAIL lankar.md no longer has links over a hyphen and a line:"
	cat "$T/lankar.links"
	fail=$((fail + 1))
fi

# Each note at the bottom of the page of its first reference; and the
# page check fails on a text whose "note" is a page after its marker.
n=$((n + 1))
if [ -f "$T/fotnoter.pdf" ] && ! "$PY" tests/check_note_pages.py \
    "$T/fotnoter.pdf" 35 >"$T/notepages.out" 2>&1; then
	echo "FAIL footnotes not on the page of their reference:"
	head -n 20 "$T/notepages.out"
	fail=$((fail + 1))
fi
n=$((n + 1))
{
	printf -- '---\ndnr: RS/215/2027\ntitle: Ingen not\nkind: information\n---\n\n# Ärendebeskrivning\n\nTexten har K11 men ingen not.\n\n'
	i=0
	while [ $i -lt 60 ]; do
		printf 'Ett stycke som fyller sidan.\n\n'
		i=$((i + 1))
	done
	printf '1 Noten till K1. Den står långt från sin markör.\n'
} >"$T/fejknot.md"
if ! $WRAP $B render "$T/fejknot.md" -o "$T/fejknot.pdf" >/dev/null \
    2>"$T/fejknot.err"; then
	echo "FAIL render fejknot.md:"
	cat "$T/fejknot.err"
	fail=$((fail + 1))
elif "$PY" tests/check_note_pages.py "$T/fejknot.pdf" 1 >"$T/fejknot.out" ||
    ! grep -q "note 1 (K1) is on page [2-9], its reference on page(s) \[1\]" \
    "$T/fejknot.out"; then
	echo "FAIL the page check misses a note a page after its marker:"
	cat "$T/fejknot.out"
	fail=$((fail + 1))
fi

for pack in "$M:testpack" "$S:sample"; do
	n=$((n + 1))
	if $WRAP $B build "${pack%%:*}" -o "$T/${pack#*:}.pdf" >/dev/null \
	    2>"$T/${pack#*:}.err"; then
		check "${pack#*:}"
	else
		echo "FAIL build ${pack%%:*}:"
		cat "$T/${pack#*:}.err"
		fail=$((fail + 1))
	fi
done

# PDF files made elsewhere in a pack: one with text and no tags (its
# text tagged as paragraphs, its own MCID dropped), one tagged (its
# tree carried into its Part), a scan (a Figure a page, named by its
# Beslutsunderlag entry).  check_tagged finds no marked content of
# theirs that no element reaches.
n=$((n + 1))
rm -rf "$T/bilagor"
cp -R tests/check/base "$T/bilagor"
mkdir -p "$T/bilagor/bilagor"
F=$(fc-match -f '%{file}' 'Liberation Sans')
{
	printf '%%%%MediaBox 0 0 595 842\n%%%%Font F1 %s\n' "$F"
	printf '0.2 0.2 0.2 RG 1 w 72 740 m 523 740 l S\n'
	printf 'BT /F1 16 Tf 72 760 Td (Skrivelse om laddplatser) Tj ET\n'
	printf 'BT /F1 11 Tf 14 TL 72 710 Td (Bolaget har sett att fler bilister laddar vid) Tj T* (sjukhusets parkering, och vill bygga tio nya) Tj T* (laddplatser under 2027.) Tj ET\n'
	printf 'BT /F1 11 Tf 14 TL 72 650 Td (Kostnaden delas lika mellan bolaget och regionen.) Tj ET\n'
	printf 'BT /F1 11 Tf 72 636 Td (Bolaget svarar f\\366r driften.) Tj ET\n'
	printf '/Foo <</MCID 0>> BDC 0 0 1 rg 72 600 100 20 re f EMC\n'
	printf 'BT /F1 9 Tf 480 40 Td (Sida 1 av 1) Tj ET\n'
} >"$T/otaggad.txt"
mutool create -o "$T/bilagor/bilagor/otaggad.pdf" "$T/otaggad.txt" \
    2>"$T/mutool.err" || cat "$T/mutool.err"
# Its body text drawn by a form XObject (moved by its /Matrix), whose
# last line is a form of its own, as some programs write a page: the
# forms are drawn in place and their text tagged with the rest (the
# structure below is the same as with the text on the page).
"$PY" - "$T/bilagor/bilagor/otaggad.pdf" <<'PY'
import sys, pikepdf
from pikepdf import Array, Dictionary, Name
pdf = pikepdf.open(sys.argv[1], allow_overwriting_input=True)
page = pdf.pages[0].obj
lines = page.Contents.read_bytes().split(b"\n")
body = [l for l in lines if b"Tf 14 TL" in l]
last = [l for l in lines if b"72 636 Td" in l]
if len(body) != 2 or len(last) != 1:
    sys.exit("otaggad.pdf: not the page this test expects")
def form(data, **kw):
    f = pikepdf.Stream(pdf, data)
    f.Type = Name.XObject
    f.Subtype = Name.Form
    f.BBox = Array([0, 0, 595, 842])
    for k, v in kw.items():
        f[Name("/" + k)] = v
    return pdf.make_indirect(f)
up = lambda l: l.replace(b" 710 Td", b" 720 Td").replace(
    b" 650 Td", b" 660 Td").replace(b" 636 Td", b" 646 Td")
inner = form(up(last[0]))
outer = form(b"\n".join(up(l) for l in body) + b"\n/Sista Do\n",
             Matrix=Array([1, 0, 0, 1, 0, -10]),
             Resources=Dictionary(Font=page.Resources.Font,
                                  XObject=Dictionary(Sista=inner)))
page.Resources.XObject = Dictionary(Kropp=outer)
out = []
for l in lines:
    if l in body or l in last:
        if b"/Kropp Do" not in out:
            out.append(b"/Kropp Do")
    else:
        out.append(l)
page.Contents = pikepdf.Stream(pdf, b"\n".join(out))
pdf.save(sys.argv[1])
PY
cp "$S/bilagor/protokollsutdrag-kollektivtrafiknamnden-2026-11-19-84.pdf" \
    "$T/bilagor/bilagor/taggad.pdf"
# A rule its producer left unmarked, neither tagged nor an artifact:
# in the pack it is a layout artifact.  And a line of text marked as a
# Span with an MCID that no element of its tree holds: in the pack it
# is a Span of its own at the end of the file's Part (the last line
# of the file's Part in bilagor.struct).  All of it then in a form.
"$PY" - "$T/bilagor/bilagor/taggad.pdf" <<'PY'
import sys, pikepdf
from pikepdf import Name
pdf = pikepdf.open(sys.argv[1], allow_overwriting_input=True)
page = pdf.pages[0]
shown = font = None
for ins in pikepdf.parse_content_stream(page):
    op = str(ins.operator)
    if op == "Tf":
        font = ins.operands[0]
    elif op == "Tj" and b"2026-11-19" in bytes(ins.operands[0]).replace(b"\0", b"").replace(b" ", b""):
        shown = pikepdf.unparse_content_stream([ins])
        break
if shown is None or font is None:
    sys.exit("taggad.pdf: not the page this test expects")
extra = (b"q 0.5 g 72 60 451 1 re f Q\n/Span <</MCID 90>> BDC BT " +
         pikepdf.unparse_content_stream([([font, 10], pikepdf.Operator("Tf"))]) +
         b" 72 70 Td " + shown + b" ET EMC\n")
page.contents_add(pikepdf.Stream(pdf, extra))
# Then all it draws in one form XObject with marked content of its own
# (its /StructParents the page's, its MCIDs reached by MCRs with /Stm),
# as some programs write a page: drawn in place, it keeps its tags.
data = b"\n".join(c.read_bytes() for c in page.obj.Contents) \
    if isinstance(page.obj.Contents, pikepdf.Array) \
    else page.obj.Contents.read_bytes()
form = pikepdf.Stream(pdf, data)
form.Type = Name.XObject
form.Subtype = Name.Form
form.BBox = page.obj.MediaBox
form.Resources = page.obj.Resources
form.StructParents = page.obj.StructParents
form = pdf.make_indirect(form)
del page.obj["/StructParents"]
page.obj.Resources = pikepdf.Dictionary(
    XObject=pikepdf.Dictionary(Sida=form))
page.obj.Contents = pikepdf.Stream(pdf, b"/Sida Do\n")
def walk(e, depth=0):
    if not isinstance(e, pikepdf.Dictionary) or depth > 100:
        return
    k = e.get("/K")
    if k is None or "/S" not in e:
        for x in (list(k) if isinstance(k, pikepdf.Array) else [k]):
            walk(x, depth + 1)
        return
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    new = []
    for x in kids:
        if isinstance(x, int):
            x = pikepdf.Dictionary(Type=Name.MCR, Pg=page.obj, Stm=form,
                                   MCID=x)
        elif isinstance(x, pikepdf.Dictionary) and x.get("/Type") == Name.MCR:
            x.Stm = form
        else:
            walk(x, depth + 1)
        new.append(x)
    e.K = pikepdf.Array(new)
walk(pdf.Root.StructTreeRoot)
pdf.save(sys.argv[1])
PY
cp tests/check/pdf-scan/bilagor/motion.pdf \
    "$T/bilagor/bilagor/skannad.pdf"
sed -i 's|^- \[Plan för laddinfrastruktur\](../handlingar/plan.md)$|&\n- [Skrivelse om laddplatser](../bilagor/otaggad.pdf)\n- [Protokollsutdrag § 84](../bilagor/taggad.pdf)\n- [Motion om laddstolpar 2025-11-25](../bilagor/skannad.pdf)|' \
    "$T/bilagor/arenden/03-laddstolpar.md"
if $WRAP $B build "$T/bilagor" -o "$T/bilagor.pdf" >/dev/null \
    2>"$T/bilagor.err"; then
	check bilagor
	pdfinfo -struct-text "$T/bilagor.pdf" 2>&1 |
	    sed 's/^\( *\)Object [0-9]* [0-9]*$/\1Object (link annotation)/' \
	    >"$T/bilagor.struct"
	[ -n "$UPDATE" ] && cp "$T/bilagor.struct" "$D/bilagor.struct"
	n=$((n + 1))
	if ! cmp -s "$D/bilagor.struct" "$T/bilagor.struct"; then
		echo "FAIL bilagor: the structure differs from $D/bilagor.struct:"
		diff -u "$D/bilagor.struct" "$T/bilagor.struct" | head -n 30
		fail=$((fail + 1))
	fi
	n=$((n + 1))
	if ! "$PY" tests/check_tagged.py --figures "$T/bilagor.pdf" |
	    grep -q '^Figure "Motion om laddstolpar 2025-11-25", page 8$'; then
		echo "FAIL bilagor: the scan is no Figure named by its entry:"
		"$PY" tests/check_tagged.py --figures "$T/bilagor.pdf"
		fail=$((fail + 1))
	fi
else
	echo "FAIL build bilagor:"
	cat "$T/bilagor.err"
	fail=$((fail + 1))
fi

# Forms nested deeper than are drawn in place: build says that their
# text is not tagged.
n=$((n + 1))
rm -rf "$T/djup"
cp -R "$T/bilagor" "$T/djup"
"$PY" - "$T/djup/bilagor/otaggad.pdf" <<'PY'
import sys, pikepdf
from pikepdf import Array, Dictionary, Name
pdf = pikepdf.open(sys.argv[1], allow_overwriting_input=True)
page = pdf.pages[0].obj
inner = page.Resources.XObject.Kropp
for i in range(3):
    f = pikepdf.Stream(pdf, b"/Nasta Do\n")
    f.Type = Name.XObject
    f.Subtype = Name.Form
    f.BBox = Array([0, 0, 595, 842])
    f.Resources = Dictionary(XObject=Dictionary(Nasta=inner))
    inner = pdf.make_indirect(f)
page.Resources.XObject.Kropp = inner
pdf.save(sys.argv[1])
PY
if ! $WRAP $B build "$T/djup" -o "$T/djup.pdf" >/dev/null 2>"$T/djup.err" ||
    ! grep -q 'otaggad.pdf: warning: page 1 draws forms nested over 4 deep, or over 16 MiB of them: their text is not tagged, and a screen reader cannot read it$' "$T/djup.err"; then
	echo "FAIL forms nested too deep are not reported:"
	cat "$T/djup.err"
	fail=$((fail + 1))
fi

# A tagged file whose structure tree is no tree: an element whose kids
# hold its parent (a loop), an element with two parents, an element
# that holds the Document above it.  Each element is carried once, with
# a warning: no MCID read twice, no chain of copies.
n=$((n + 1))
rm -rf "$T/slinga"
cp -R tests/check/base "$T/slinga"
mkdir -p "$T/slinga/bilagor"
{
	printf '%%%%MediaBox 0 0 595 842\n%%%%Font F1 %s\n' "$F"
	printf '/H1 <</MCID 0>> BDC BT /F1 16 Tf 72 760 Td (Yttrande om cykelparkering) Tj ET EMC\n'
	printf '/P <</MCID 1>> BDC BT /F1 11 Tf 72 720 Td (Bolaget vill bygga ett cykelgarage vid stationen.) Tj ET EMC\n'
	printf '/P <</MCID 2>> BDC BT /F1 11 Tf 72 700 Td (Garaget rymmer tv\\345hundra cyklar.) Tj ET EMC\n'
} >"$T/slinga.txt"
mutool create -o "$T/slinga/bilagor/slinga.pdf" "$T/slinga.txt" \
    2>"$T/mutool.err" || cat "$T/mutool.err"
"$PY" - "$T/slinga/bilagor/slinga.pdf" <<'PY'
import sys, pikepdf
from pikepdf import Array, Dictionary, Name, String
pdf = pikepdf.open(sys.argv[1], allow_overwriting_input=True)
page = pdf.pages[0].obj
el = lambda s, **kw: pdf.make_indirect(Dictionary(S=Name("/" + s), Pg=page,
                                                  **kw))
root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
doc = el("Document", P=root, Lang=String("sv-SE"))
s1, s2 = el("Sect", P=doc), el("Sect", P=doc)
h1 = el("H1", P=s1, K=Array([0]))
p1, p2 = el("P", P=s1), el("P", P=s2, K=Array([2]))
p1.K = Array([1, s1])           # a loop: P holds its own Sect
s1.K = Array([h1, p1])
s2.K = Array([p1, p2, doc])     # P shared with s1; the Document again
doc.K = Array([s1, s2])
root.K = doc
root.ParentTree = Dictionary(Nums=Array([0, Array([h1, p1, p2])]))
root.ParentTreeNextKey = 1
page.StructParents = 0
pdf.Root.StructTreeRoot = root
pdf.Root.MarkInfo = Dictionary(Marked=True)
pdf.Root.Lang = String("sv-SE")
pdf.save(sys.argv[1])
PY
sed -i 's|^- \[Plan för laddinfrastruktur\](../handlingar/plan.md)$|&\n- [Yttrande om cykelparkering](../bilagor/slinga.pdf)|' \
    "$T/slinga/arenden/03-laddstolpar.md"
W='03-laddstolpar.md:31:4: warning: "[^"]*slinga.pdf": its structure tree refers to element [0-9]* twice (a loop or a shared element): it is read once$'
n=$((n + 1))
if ! $WRAP $B check "$T/slinga" >/dev/null 2>"$T/slinga-check.err" ||
    [ "$(grep -c "$W" "$T/slinga-check.err")" != 1 ]; then
	echo "FAIL check does not warn once of a structure tree with loops:"
	cat "$T/slinga-check.err"
	fail=$((fail + 1))
fi
if ! $WRAP $B build "$T/slinga" -o "$T/slinga.pdf" >/dev/null \
    2>"$T/slinga.err" || [ "$(grep -c "$W" "$T/slinga.err")" != 1 ]; then
	echo "FAIL a structure tree with loops is not carried once, with a warning:"
	cat "$T/slinga.err"
	fail=$((fail + 1))
else
	check slinga
	n=$((n + 1))
	if [ "$("$PY" -c '
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
n = 0
def walk(e, d):
    global n
    if not isinstance(e, pikepdf.Dictionary) or d > 300:
        return
    if e.get("/S") == pikepdf.Name.Sect:
        n += 1
    k = e.get("/K")
    for x in (list(k) if isinstance(k, pikepdf.Array) else [k]):
        walk(x, d + 1)
walk(pdf.Root.StructTreeRoot, 0)
print(n)' "$T/slinga.pdf")" != 2 ]; then
		echo "FAIL the pack does not hold the two Sects of slinga.pdf once each"
		fail=$((fail + 1))
	fi
fi

# The word check catches words run together: a line end without its
# space in a structure dump.
n=$((n + 1))
if [ -f "$T/tjansteskrivelse.txt" ]; then
	sed '0,/^\( *"[^" ]*\) \([^" ]*"\)$/s//\1\2/; 0,/^\( *"[^"]*[[:alpha:]]\) \([[:alpha:]][^"]*"\)$/s//\1\2/' \
	    "$D/tjansteskrivelse.struct" >"$T/joined.struct"
	if cmp -s "$T/joined.struct" "$D/tjansteskrivelse.struct" ||
	    "$PY" tests/check_words.py "$T/joined.struct" \
	    "$T/tjansteskrivelse.txt" >/dev/null; then
		echo "FAIL the word check misses two words run together"
		fail=$((fail + 1))
	fi
fi

# The checker catches each fault: broken copies of good documents.
n=$((n + 1))
if ! "$PY" tests/break_tagged.py --prove "$T" "$T/uppfoljning.pdf" \
    figure-alt="$T/manadsrapport.pdf" \
    lang-malformed="$T/sprak.pdf" note-no-id="$T/fotnoter.pdf" \
    note-id-twice="$T/fotnoter.pdf" note-not-in-idtree="$T/fotnoter.pdf" \
    reference-outside="$T/fotnoter.pdf" \
    link-alt-garbled="$T/lankar.pdf" link-contents-garbled="$T/lankar.pdf" \
    figure-bbox="$T/manadsrapport.pdf" figure-empty="$T/manadsrapport.pdf" \
    mcid-in-artifact="$T/bilagor.pdf" \
    form-structparents="$T/bilagor.pdf" mcid-in-form="$T/bilagor.pdf" \
    >"$T/prove.out" 2>&1; then
	echo "FAIL the checker misses faults:"
	cat "$T/prove.out"
	fail=$((fail + 1))
fi
tail -n 1 "$T/prove.out"

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
