#!/bin/sh
# Figures of a document rendered alone (boardgen render) that no case of
# the meeting names: they are read like in a build, relative to the
# document, inside the meeting folder (or, for a draft outside any
# meeting, inside the draft's folder), and their checks are run.  A
# reference that cannot be resolved is an error at the reference, never
# a table silently left out.  Inputs in tests/regress/render-figures/.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/render-figures
R=tests/regress/render-figures
M=tests/regress/documents/meeting
n=0
fail=0

bad() {
	echo "FAIL $*"
	fail=$((fail + 1))
}

rm -rf "$T"
mkdir -p "$T"
cp -R "$M" "$T/m"
cp -R "$R/figurer" "$T/m/figurer"
cp "$R/utkast.md" "$T/m/handlingar/utkast.md"

# The tables, the chart and the alt text are on the page, as in a pack.
n=$((n + 1))
if ! $WRAP $B render "$T/m/handlingar/utkast.md" -o "$T/utkast.pdf" \
    >/dev/null 2>"$T/utkast.err"; then
	bad "render of a report no case names failed:"
	cat "$T/utkast.err"
else
	pdftotext -enc UTF-8 "$T/utkast.pdf" "$T/utkast.txt"
	miss=
	for s in "Disponibla vårdplatser per sjukhus" "Strandviks sjukhus" \
	    "Fjällbyns närsjukhus" "Vårdplatser 2025 och 2026" \
	    "Platser per avdelning på Norrbacka lasarett" "Avdelning 15"; do
		grep -q "$s" "$T/utkast.txt" || miss="$miss \"$s\""
	done
	# The chart is followed by the same numbers as a table.
	[ "$(grep -c "Strandviks sjukhus" "$T/utkast.txt")" -ge 2 ] ||
	    miss="$miss (the chart's table)"
	[ -z "$miss" ] ||
	    bad "render of a report no case names: missing$miss"
fi

# A case file that meeting.xml does not list yet: its figures too.
n=$((n + 1))
sed 's|^## Bakgrund$|![](../figurer/avdelningar.csv)\n\n&|' \
    "$M/arenden/02-vardplatser.md" >"$T/m/arenden/09-utkast.md"
if ! $WRAP $B render "$T/m/arenden/09-utkast.md" -o "$T/case.pdf" \
    >/dev/null 2>"$T/case.err" ||
    ! pdftotext -enc UTF-8 "$T/case.pdf" - | grep -q "Avdelning 15"
then
	bad "a case file no meeting lists: its figure is missing:"
	cat "$T/case.err"
fi

# One reference that cannot be resolved: exit status 1, the message at
# the reference, no PDF.  $1 name, $2 reference, $3 expected message.
refuted() {
	n=$((n + 1))
	sed "s|\.\./figurer/vardplatser\.xml)|$2|" "$R/utkast.md" \
	    >"$T/m/handlingar/$1.md"
	rm -f "$T/$1.pdf"
	$WRAP $B render "$T/m/handlingar/$1.md" -o "$T/$1.pdf" \
	    >/dev/null 2>"$T/$1.err"
	st=$?
	if [ $st -ne 1 ] || ! grep -qF "$3" "$T/$1.err" || [ -e "$T/$1.pdf" ]
	then
		bad "$1: exit status $st, want 1 with \"$3\":"
		cat "$T/$1.err"
	fi
}
: >"$T/utanfor.csv"
refuted saknas '../figurer/saknas.xml)' \
    '/handlingar/saknas.md:15:1: error: figure "../figurer/saknas.xml" does not exist'
refuted utanfor '../../utanfor.csv)' \
    '/handlingar/utanfor.md:15:1: error: figure "../../utanfor.csv" is outside the meeting folder'
refuted absolut "$T/m/figurer/vardplatser.xml)" \
    '/handlingar/absolut.md:15:1: error: figure "/'
refuted diagram '../figurer/vardplatser.xml "diagram: saknas")' \
    'error: figure "../figurer/vardplatser.xml" has no chart named "saknas"'
refuted summa '../figurer/fel-summa.xml)' \
    '/figurer/fel-summa.xml:13: error: Summa 121 ≠ 118 = sum of rows 1–3'

# Another case of the meeting with a broken figure and a failed check
# does not stop the preview of this one (a warning about it at most);
# the broken case itself still fails, with build's message.
n=$((n + 1))
cp -R "$T/m" "$T/m2"
cp "$R/figurer/fel-summa.xml" "$T/m2/figurer/fel-summa.xml"
printf '\n![](../figurer/saknas.xml)\n\n![](../figurer/fel-summa.xml)\n' \
    >>"$T/m2/arenden/03-lokalforsorjning.md"
rm -f "$T/ok.pdf"
if ! $WRAP $B render "$T/m2/arenden/02-vardplatser.md" -o "$T/ok.pdf" \
    >/dev/null 2>"$T/ok.err" || [ ! -s "$T/ok.pdf" ]; then
	bad "an error in another case stopped the preview:"
	cat "$T/ok.err"
fi
n=$((n + 1))
$WRAP $B render "$T/m2/arenden/03-lokalforsorjning.md" -o "$T/bad.pdf" \
    >/dev/null 2>"$T/bad.err"
st=$?
if [ $st -ne 1 ] || ! grep -qF '03-lokalforsorjning.md' "$T/bad.err" ||
    ! grep -qF 'error: figure "../figurer/saknas.xml" does not exist' "$T/bad.err"
then
	bad "the case with the broken figure: exit status $st, want 1:"
	cat "$T/bad.err"
fi
# A failed check in a case of the meeting: the preview stops as a
# build does, with the same message.
n=$((n + 1))
sed -i '/saknas.xml/d' "$T/m2/arenden/03-lokalforsorjning.md"
rm -f "$T/check.pdf"
$WRAP $B render "$T/m2/arenden/03-lokalforsorjning.md" -o "$T/check.pdf" \
    >/dev/null 2>"$T/check.err"
st=$?
$WRAP $B build "$T/m2" -o "$T/m2.pdf" >/dev/null 2>"$T/m2.err"
bst=$?
want=$(grep ' error: Summa 121 ≠ 118' "$T/m2.err")
if [ $st -ne 1 ] || [ $bst -ne 1 ] || [ -z "$want" ] ||
    ! grep -qxF "$want" "$T/check.err" || [ -e "$T/check.pdf" ]; then
	bad "a failed check in a meeting's case: render exit $st, build $bst:"
	cat "$T/check.err" "$T/m2.err"
fi

# A draft outside any meeting: figures beside it are read, those above
# its folder are not.
n=$((n + 1))
mkdir -p "$T/draft"
cp "$M/organisation.xml" "$M/logo.png" "$T/draft/"
cp -R "$R/figurer" "$T/draft/figurer"
sed 's|\.\./figurer/|figurer/|' "$R/utkast.md" >"$T/draft/utkast.md"
if ! $WRAP $B render "$T/draft/utkast.md" -o "$T/draft.pdf" \
    >/dev/null 2>"$T/draft.err" ||
    ! pdftotext -enc UTF-8 "$T/draft.pdf" - | grep -q "Strandviks sjukhus"
then
	bad "a draft outside a meeting: its figure is missing:"
	cat "$T/draft.err"
fi
n=$((n + 1))
cp "$R/utkast.md" "$T/draft/ovan.md"
$WRAP $B render "$T/draft/ovan.md" -o "$T/ovan.pdf" >/dev/null \
    2>"$T/ovan.err"
st=$?
if [ $st -ne 1 ] || ! grep -qF 'ovan.md:15:1: error: figure "../figurer/vardplatser.xml"' "$T/ovan.err"
then
	bad "a draft outside a meeting naming ../figurer: exit status $st:"
	cat "$T/ovan.err"
fi

echo "render-figures: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
