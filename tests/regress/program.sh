#!/bin/sh
# The program behind the agenda item it belongs to (<program item="4">):
# its bookmark under that item, before the item's documents, and every
# agenda page number still right.  An item without pages of its own, or
# past the agenda, is an error naming the manifest line.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/program
S=content/regionstyrelsen/2026-12-08
rm -rf "$T" && mkdir -p "$T" || exit 2
cp -R "$S" "$T/m" || exit 2
sed 's|<program file="program.xml"/>|<program file="program.xml" item="4"/>|' \
    "$S/meeting.xml" >"$T/m/meeting.xml"
grep -q 'item="4"' "$T/m/meeting.xml" || { echo "program: the sample has no <program>"; exit 1; }
$WRAP $B build "$T/m" -o "$T/p.pdf" >/dev/null 2>"$T/err" || { cat "$T/err"; exit 1; }
python3 tests/check_pack.py "$T/m" "$T/p.pdf" || exit 1
python3 tests/check_numbering.py "$T/p.pdf" >/dev/null || { echo "program: page numbering"; exit 1; }
L=$(grep -n '<program ' "$T/m/meeting.xml" | cut -d: -f1)
for bad in 2 99; do
	sed "s|item=\"4\"|item=\"$bad\"|" "$T/m/meeting.xml" >"$T/x" && mv "$T/x" "$T/m/meeting.xml"
	if $WRAP $B build "$T/m" -o "$T/bad.pdf" >/dev/null 2>"$T/err"; then
		echo "program: item=\"$bad\" was accepted"; exit 1
	fi
	head -1 "$T/err" | grep -q "^$T/m/meeting.xml:$L: error: program item=\"$bad\": " ||
		{ echo "program: item=\"$bad\":"; head -1 "$T/err"; exit 1; }
	[ ! -e "$T/bad.pdf" ] || { echo "program: a pack was written for item=\"$bad\""; exit 1; }
	sed "s|item=\"$bad\"|item=\"4\"|" "$T/m/meeting.xml" >"$T/x" && mv "$T/x" "$T/m/meeting.xml"
done
echo "program: behind item 4 with its bookmark there, page numbers right; items 2 and 99 refused"
