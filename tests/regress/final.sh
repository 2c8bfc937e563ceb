#!/bin/sh
# build --final: the pack to send.  On a copy of the sample, one
# Beslutsunderlag entry that names no document stops it with the
# entry's file:line:col (and no pack is written); a plain build writes
# the pack and ends with one line counting what --final would refuse;
# the entry marked paper-only ("(finns hos nämndsekreteraren)") passes.
# An error of check stops --final too.  The sample itself builds with
# --final and without a single message.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/final
rm -rf "$T"
mkdir -p "$T"
M=content/regionstyrelsen/2026-12-08
fail=0
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

$WRAP $B build --final $M -o "$T/sample.pdf" >"$T/sample.out" 2>"$T/sample.err" ||
	bad "the sample does not build with --final: $(cat "$T/sample.err")"
[ -s "$T/sample.err" ] && bad "the sample builds with messages: $(cat "$T/sample.err")"

cp -R $M "$T/m"
C="$T/m/arenden/07-upphandling-ambulanshelikopter.md"
line=$(grep -n '^- Bilaga 2 Slutrapport' "$C" | cut -d: -f1)
[ -n "$line" ] || { echo "FAIL the sample has no entry to change"; exit 1; }
sed -i "${line}s/ (finns hos nämndsekreteraren)//" "$C"
$WRAP $B build --final "$T/m" -o "$T/final.pdf" >"$T/final.out" 2>"$T/final.err"
st=$?
[ $st -eq 1 ] || bad "build --final with an unplaced entry: exit $st, want 1"
[ -e "$T/final.pdf" ] && bad "build --final wrote a pack it refused"
grep -q "^$C:$line:3: error: Beslutsunderlag: \"Bilaga 2 Slutrapport" "$T/final.err" ||
	bad "no error at $C:$line:3: $(cat "$T/final.err")"

$WRAP $B build "$T/m" -o "$T/plain.pdf" >"$T/plain.out" 2>"$T/plain.err" ||
	bad "plain build refused: $(cat "$T/plain.err")"
[ "$(tail -n 1 "$T/plain.err")" = "boardgen: note: 1 problem would stop build --final: 1 Beslutsunderlag entry naming no document in the pack, 0 errors from check" ] ||
	bad "plain build's last line: $(tail -n 1 "$T/plain.err")"

sed -i "${line}s/\$/ (finns hos nämndsekreteraren)/" "$C"
$WRAP $B build --final "$T/m" -o "$T/final.pdf" >"$T/final.out" 2>"$T/final.err" ||
	bad "build --final with the entry paper-only: $(cat "$T/final.err")"

# An error of check (a decision without its proposal) stops --final,
# and a plain build counts it.
C2="$T/m/arenden/13-val-ombud-och-ledamoter.md"
sed -i '/^# Förslag till beslut/,/^# Expedieras till/{/^# Expedieras till/!d}' "$C2"
grep -q '^# Förslag' "$C2" && bad "the proposal was not taken out"
$WRAP $B build --final "$T/m" -o "$T/final2.pdf" >"$T/final2.out" 2>"$T/final2.err"
st=$?
[ $st -eq 1 ] || bad "build --final with an error of check: exit $st, want 1"
grep -q "^$C2:1:1: error: the decision case has no section" "$T/final2.err" ||
	bad "no error of check: $(cat "$T/final2.err")"
$WRAP $B build "$T/m" -o "$T/plain2.pdf" >"$T/plain2.out" 2>"$T/plain2.err" ||
	bad "plain build refused: $(cat "$T/plain2.err")"
[ "$(tail -n 1 "$T/plain2.err")" = "boardgen: note: 1 problem would stop build --final: 0 Beslutsunderlag entries naming no document in the pack, 1 error from check" ] ||
	bad "plain build's last line: $(tail -n 1 "$T/plain2.err")"

# An error in the folder's protocol is an error of check: --final
# refuses, and the plain build counts it.
rm -rf "$T/p" && cp -R $M "$T/p"
sed -i '0,/<paragraph item="[0-9]*"/s//<paragraph item="99"/' "$T/p/protokoll.xml"
$WRAP $B build --final "$T/p" -o "$T/final3.pdf" >/dev/null 2>"$T/final3.err"
st=$?
[ $st -eq 1 ] && [ ! -e "$T/final3.pdf" ] ||
	bad "build --final with an error in the protocol: exit $st, want 1 and no pack"
$WRAP $B build "$T/p" -o "$T/plain3.pdf" >/dev/null 2>"$T/plain3.err" ||
	bad "plain build refused for an error in the protocol"
tail -n 1 "$T/plain3.err" | grep -q "[1-9][0-9]* errors\{0,1\} from check" ||
	bad "plain build does not count the protocol's errors: $(tail -n 1 "$T/plain3.err")"

[ $fail -eq 0 ] || exit 1
echo "final: refused with the entry's position, counted by build, passed when paper-only"
