#!/bin/sh
# PDF files made elsewhere behind agenda items.  A small meeting links a
# two-page letter, a landscape page, a page turned with /Rotate 90 and a
# page whose MediaBox does not start at 0 0, then has a case of its own
# behind them.  Checked on the pack:
# - the agenda's page numbers, the bookmarks, each file's pages at its
#   size behind its bookmark (tests/check_pack.py);
# - "Sida N av M" and the document's own x(y) stamped on every page of
#   the files (tests/check_numbering.py);
# - the stamp lies in the template's stamp margin (the bottom 8 mm) and
#   nothing of the file's own text does; the file's text is in the pack,
#   where the placement puts it;
# - the drawing of each file's page is tagged content of the page itself
#   (no form XObject of its own), reached from the pack's structure tree (check_tagged.py), and the catalog keeps its
#   structure tree, MarkInfo, Lang, XMP, output intent, outline and page
#   labels (pikepdf); qpdf --check;
# - identical bytes for two builds, also with SOURCE_DATE_EPOCH.
# The checkers are shown to catch faults: a file with a page more than
# the pack has, a pack without the stamp.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/external
S=content/regionstyrelsen/2026-12-08/bilagor
rm -rf "$T"
mkdir -p "$T/m/arenden" "$T/m/bilagor" || exit 2
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

cp "$S/skrivelse-norrbacka-lanstrafik-2026-10-16.pdf" "$T/m/bilagor/brev.pdf"
cp "$S/delarsrapport-norrbacka-lanstrafik-2026-09.pdf" "$T/m/bilagor/liggande.pdf"
qpdf --rotate=+90 "$S/protokollsutdrag-kollektivtrafiknamnden-2026-11-19-84.pdf" \
	"$T/m/bilagor/vriden.pdf" || exit 2
# An untagged page of text whose MediaBox does not start at 0 0 (its
# font embedded: check_tagged looks at every font the pack shows).
printf '%%%%MediaBox 100 100 695.276 941.89\n%%%%Font F1 %s\nBT /F1 14 Tf 150 850 Td (Forskjuten) Tj ET\n' "$(fc-match -f '%{file}' 'Liberation Sans')" \
	>"$T/offset.txt"
mutool create -o "$T/m/bilagor/forskjuten.pdf" "$T/offset.txt" || exit 2

cat >"$T/m/meeting.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2026-12-08">
  <organisation>Region Exempel</organisation>
  <body>Regionstyrelsen</body>
  <session start="08.30" end="12.00" place="Hörsalen" open="yes"/>
  <secretary name="Karin Ek" email="karin.ek@example.se"/>
  <agenda>
    <procedural>Val av justerare</procedural>
    <case file="arenden/01-borgen.md"/>
    <case file="arenden/02-efter.md"/>
  </agenda>
</meeting>
XML
cat >"$T/m/arenden/01-borgen.md" <<'MD'
---
dnr: RS/1481/2026
title: Borgensram för länstrafikbolaget
kind: beslut
---

# Ärendebeskrivning

Bolaget begär en större borgensram för sina elbussar.

# Förslag till beslut

Regionstyrelsen föreslår regionfullmäktige att bevilja borgen.

# Beslutsunderlag

- [Skrivelse från bolaget 2026-10-16](../bilagor/brev.pdf)
- [Delårsrapport i sammandrag](../bilagor/liggande.pdf)
- [Protokollsutdrag, vridet](../bilagor/vriden.pdf)
- [Förskjuten sida](../bilagor/forskjuten.pdf)
MD
cat >"$T/m/arenden/02-efter.md" <<'MD'
---
dnr: RS/1500/2026
title: Ärendet efter bilagorna
kind: information
---

# Ärendebeskrivning

Detta ärende kommer efter de bifogade filernas sidor.
MD

if $WRAP $B build "$T/m" -o "$T/pack.pdf" >"$T/build.out" 2>"$T/build.err"; then
	ok
else
	bad "build:"; cat "$T/build.err"
	echo "$pass passed, $fail failed"
	exit 1
fi

# Agenda numbers, order, bookmarks, each file's pages at its size.
if python3 tests/check_pack.py "$T/m" "$T/pack.pdf" >"$T/pack.out"; then
	ok
else
	bad "check_pack:"; cat "$T/pack.out"
fi
# The stamp: "Sida N av M" and x(y) on every page of the files.
if python3 tests/check_numbering.py "$T/pack.pdf" --starts \
    "Skrivelse från bolaget 2026-10-16" "Delårsrapport i sammandrag" \
    "Protokollsutdrag, vridet" "Förskjuten sida" >"$T/num.out"; then
	ok
else
	bad "check_numbering:"; cat "$T/num.out"
fi
# The agenda gives item 3 the page after the cover, item 2's page and
# the files' five pages, when every item has pages of its own (the
# template's flow="page"); run on, it follows item 2 on its page.
pdftotext -f 1 -l 1 -layout "$T/pack.pdf" - | grep -q "Ärendet efter bilagorna.*[^0-9]2$" &&
	ok || { bad "agenda: item 3 is not on page 2"; pdftotext -f 1 -l 1 -layout "$T/pack.pdf" - | tail -n 8; }
mkdir -p "$T/page-templates"
cp -R templates/. "$T/page-templates/"
sed -i 's/flow="run-on"/flow="page"/' "$T/page-templates/pack.xml"
$WRAP $B build --templates "$T/page-templates" "$T/m" -o "$T/page.pdf" >/dev/null 2>&1 &&
pdftotext -f 1 -l 1 -layout "$T/page.pdf" - | grep -q "Ärendet efter bilagorna.*[^0-9]8$" &&
	ok || { bad "agenda (flow=page): item 3 is not on page 8"; pdftotext -f 1 -l 1 -layout "$T/page.pdf" - | tail -n 8; }
python3 tests/check_pack.py "$T/m" "$T/page.pdf" >"$T/page.out" &&
	ok || { bad "check_pack (flow=page):"; cat "$T/page.out"; }

# Where the words are: the stamp is the pack's footer, at its place (as
# on the pack's own pages) where the file's page prints nothing in the
# footer's area (below the 25 mm bottom margin), else inside the bottom
# 8 mm, with nothing else there; the file's text kept; the offset page's
# word where the placement (scaled to fit above the margin, centred)
# puts it.
python3 - "$T/pack.pdf" >"$T/words.out" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                      capture_output=True).stdout.decode()
pages = []
for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)"|<word xMin="([\d.]+)" '
                     r'yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html):
    if m.group(1):
        pages.append((float(m.group(1)), float(m.group(2)), []))
    else:
        pages[-1][2].append((float(m.group(3)), float(m.group(4)),
                             float(m.group(5)), float(m.group(6)), m.group(7)))
strip = 8 / 25.4 * 72
margin = 25 / 25.4 * 72
bad = 0
def problem(s):
    global bad
    bad += 1
    print("problem: " + s)
# The pack's own footer on its first page: "Sida 1 av N", its top from
# the page's bottom and its right edge from the page's right.
w1, h1, words1 = pages[0]
sida = [x for x in words1 if x[4] == "Sida" and x[1] > h1 - margin]
foot_top = h1 - sida[-1][1]
foot_right = w1 - max(x[2] for x in words1 if abs(x[1] - sida[-1][1]) < 0.5)
foot_size = sida[-1][3] - sida[-1][1]
titles = {3: "Skrivelse", 4: "Skrivelse", 5: "Delårsrapport", 6: "Protokollsutdrag,",
          7: "Förskjuten"}
moved = kept = 0
for n, first in titles.items():
    w, h, words = pages[n - 1]
    inside = sorted((x for x in words if x[1] >= h - strip), key=lambda x: x[0])
    at_foot = sorted((x for x in words if abs(h - x[1] - foot_top) < 0.5), key=lambda x: x[0])
    stamp = inside if inside else at_foot
    own = [x for x in words if x not in stamp]
    text = " ".join(x[4] for x in stamp)
    if not re.fullmatch(re.escape(first) + r".* \d+\(\d+\) Sida %d av %d" % (n, len(pages)), text):
        problem("page %d: the stamp reads %r, want the title, x(y) and Sida %d av %d" % (n, text, n, len(pages)))
        continue
    if any(abs(x[3] - x[1] - foot_size) > 0.05 for x in stamp):
        problem("page %d: the stamp is set in another size than the pack's footer" % n)
    if abs(w - stamp[-1][2] - foot_right) > 0.5:
        problem("page %d: the stamp ends %.1f pt from the right edge, the pack's footer %.1f" % (n, w - stamp[-1][2], foot_right))
    low = max((x[3] for x in own), default=0)
    if inside:
        moved += 1
        if low <= h - margin:
            problem("page %d: the stamp left the footer's place, but the page prints nothing there" % n)
    else:
        kept += 1
        if low > h - foot_top - 2:
            problem("page %d: the page's own text reaches the stamp (%.1f pt from the bottom)" % (n, h - low))
    if any(x[3] > h - strip + 0.5 for x in own):
        problem("page %d: a word of the page reaches into the stamp margin" % n)
    if len(own) < 1:
        problem("page %d: none of the file's own text is in the pack" % n)
if moved == 0 or kept == 0:
    problem("the stamp is moved on %d pages, kept on %d: the test needs both" % (moved, kept))
w, h, words = pages[6]
s = (h - strip) / h
for x in words:
    if x[4] == "Forskjuten":
        want_x = 50 * s + (w - w * s) / 2
        want_top = h - (strip + (850 - 100 + 14 * 0.718) * s)
        if abs(x[0] - want_x) > 1.5 or abs(x[1] - want_top) > 4:
            problem("offset page: the word is at %.1f, %.1f, want %.1f, %.1f"
                    % (x[0], x[1], want_x, want_top))
        break
else:
    problem("offset page: its word is missing")
print("%d problems" % bad)
sys.exit(1 if bad else 0)
PY
[ $? -eq 0 ] && ok || { bad "word positions:"; cat "$T/words.out"; }

# Structure kept, the drawing an artifact.
PY=python3
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then PY=$p; break; fi
done
$PY - "$T/pack.pdf" >"$T/struct.out" 2>&1 <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
bad = 0
for k in ("/StructTreeRoot", "/MarkInfo", "/Lang", "/Metadata", "/OutputIntents",
          "/Outlines", "/PageLabels"):
    if k not in root:
        print("problem: the catalog lost " + k); bad += 1
for n in range(3, 8):
    page = pdf.pages[n - 1]
    first = page.obj.Contents[0].read_bytes()
    fonts = page.obj.Resources.get("/Font", {})
    # Drawn first, as part of the page's own content (no form of its
    # own, whose MCIDs a reader of the page's parent-tree entry would
    # miss), with the file's fonts under prefixed names; not an
    # artifact; its marked content (tagged, or its text tagged by the
    # merge) numbered after the page's.
    if not first.startswith(b"q ") or b" re W n" not in first or \
            b"/MCID" not in first or b" Do" in first[:200] or \
            not any(str(k).startswith("/BgA") for k in fonts.keys()):
        print("problem: page %d: the file's page is not drawn as tagged "
              "content of the page: %r" % (n, first[:80])); bad += 1
    xo = page.obj.Resources.get("/XObject", {})
    for k in xo.keys():
        if "/StructParents" in xo[k]:
            print("problem: page %d: %s keeps a /StructParents" % (n, k))
            bad += 1
print("%d problems" % bad)
sys.exit(1 if bad else 0)
PY
[ $? -eq 0 ] && ok || { bad "structure:"; cat "$T/struct.out"; }
if $PY tests/check_tagged.py "$T/pack.pdf" >"$T/tagged.out" 2>&1; then ok; else
	bad "check_tagged:"; head -n 10 "$T/tagged.out"; fi

if qpdf --check "$T/pack.pdf" >"$T/qpdf.out" 2>&1; then ok; else bad "qpdf --check:"; tail -n 5 "$T/qpdf.out"; fi

# Same input, same bytes.
$WRAP $B build "$T/m" -o "$T/pack2.pdf" >/dev/null 2>&1
cmp -s "$T/pack.pdf" "$T/pack2.pdf" && ok || bad "two builds differ"
SOURCE_DATE_EPOCH=1765180800 $WRAP $B build "$T/m" -o "$T/pack3.pdf" >/dev/null 2>&1
sleep 1
SOURCE_DATE_EPOCH=1765180800 $WRAP $B build "$T/m" -o "$T/pack4.pdf" >/dev/null 2>&1
cmp -s "$T/pack3.pdf" "$T/pack4.pdf" && ok || bad "two builds with SOURCE_DATE_EPOCH differ"
for f in pack3 pack4; do
	qpdf --check "$T/$f.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check $f.pdf"
done

# The checkers catch faults.  A file with a page more than the pack
# placed: check_pack finds the missing page.
mkdir -p "$T/longer"
cp -R "$T/m/." "$T/longer/"
qpdf --empty --pages "$T/m/bilagor/brev.pdf" "$T/m/bilagor/brev.pdf" 1 -- "$T/longer/bilagor/brev.pdf"
if python3 tests/check_pack.py "$T/longer" "$T/pack.pdf" >"$T/longer.out"; then
	bad "check_pack misses a page of a file that is not in the pack"
else
	ok
fi
# A pack without the stamp: check_numbering finds the pages unnumbered.
mkdir -p "$T/tmpl"
cp -R templates/. "$T/tmpl/"
sed -i '/<footer style="running"/,/<\/footer>/d' "$T/tmpl/bilaga.xml"
if $B build "$T/m" -o "$T/nostamp.pdf" -t "$T/tmpl" >/dev/null 2>&1 &&
    ! python3 tests/check_numbering.py "$T/nostamp.pdf" >"$T/nostamp.out"; then
	ok
else
	bad "check_numbering misses pages without the stamp"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
