#!/bin/sh
# What a careful reader notices on the sample pack, measured
# (tests/check_typeset.py): blocks at the margin, the running header's
# spacing; and justified text and the minus sign on
# tests/regress/typeset/.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/typeset
rm -rf "$T"
mkdir -p "$T"
$WRAP $B build content/regionstyrelsen/2026-12-08 -o "$T/p.pdf" >/dev/null 2>"$T/err" ||
	{ cat "$T/err"; exit 1; }
python3 tests/check_typeset.py "$T/p.pdf" >"$T/out"
st=$?
cat "$T/out"
# Justified text (tests/check_justify.py): no very loose line, and what
# cannot be justified is set ragged as a whole paragraph or list.
$WRAP $B render tests/regress/typeset/handlingar/satt.md -o "$T/satt.pdf" \
    >/dev/null 2>"$T/err" || { cat "$T/err"; exit 1; }
python3 tests/check_justify.py "$T/satt.pdf" || st=1
# Inline code with spaces, broken over lines: no word drawn over the
# next (the code's spaces were measured as the text's and drawn as the
# code's, so the word after the code overprinted its end).
$WRAP $B render tests/regress/typeset/handlingar/kod.md -o "$T/kod.pdf" \
    >/dev/null 2>"$T/err" || { cat "$T/err"; exit 1; }
pdftotext -bbox "$T/kod.pdf" - | python3 -c '
import re, sys
lines = {}
for m in re.finditer(r"xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read()):
    lines.setdefault(round(float(m.group(3))), []).append((float(m.group(1)), float(m.group(2)), m.group(4)))
bad = 0
for y, ws in lines.items():
    ws.sort()
    for a, b in zip(ws, ws[1:]):
        if b[0] < a[1] - 0.5:
            print("problem: inline code: \"%s\" drawn over \"%s\" (%.1f pt)" % (b[2], a[2], a[1] - b[0]))
            bad = 1
sys.exit(bad)' || st=1
# A minus typed as '-' before a number in running text is shown as the
# minus sign of tables (U+2212) and copies as typed (its /ActualText):
# pdftotext gives the text as written; with the /ActualText renamed
# (same length, the file stays valid) it gives the signs drawn.
$WRAP $B render tests/regress/typeset/handlingar/minus.md -o "$T/minus.pdf" \
    >/dev/null 2>"$T/err" || { cat "$T/err"; exit 1; }
pdftotext -enc UTF-8 "$T/minus.pdf" "$T/copied.txt"
qpdf --qdf --object-streams=disable "$T/minus.pdf" "$T/minus-qdf.pdf"
sed 's|/ActualText (-)|/ActualTxxx (-)|g' "$T/minus-qdf.pdf" >"$T/drawn.pdf"
pdftotext -enc UTF-8 "$T/drawn.pdf" "$T/drawn.txt"
for want in "copied:är -363,9 mkr (-2,1 %) och prognosen för helåret −118,0 mkr." \
    "copied:^-7 är det lägsta" \
    "drawn:är −363,9 mkr (−2,1 %) och prognosen för helåret −118,0 mkr." \
    "drawn:^−7 är det lägsta" \
    "drawn:mötet 2026-10-23, klockan 10-12, e-hälsa, -x och koden -5\."; do
	f=${want%%:*}
	if ! grep -q "${want#*:}" "$T/$f.txt"; then
		echo "problem: the minus sign: the $f text has no \"${want#*:}\":"
		cat "$T/$f.txt"
		st=1
	fi
done
exit $st
