#!/bin/sh
# build shows a few warnings and counts the rest in one note; check
# lists every one.  Both agree on the number.  The sample is clean: a
# copy of it whose paper-only Beslutsunderlag entries are no longer
# marked so has a warning at each.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/warnings
rm -rf "$T"
mkdir -p "$T"
cp -R content/regionstyrelsen/2026-12-08 "$T/m"
sed -i 's/ (finns hos nämndsekreteraren)$//' "$T"/m/arenden/*.md
M=$T/m
$WRAP $B check $M >/dev/null 2>"$T/check.err" || { cat "$T/check.err"; exit 1; }
all=$(grep -c ': warning: ' "$T/check.err")
[ "$all" -gt 5 ] || { echo "the sample needs more than 5 warnings for this test ($all)"; exit 1; }
$WRAP $B build $M -o "$T/w.pdf" >/dev/null 2>"$T/build.err" || { cat "$T/build.err"; exit 1; }
shown=$(grep -c ': warning: ' "$T/build.err")
[ "$shown" -eq 5 ] || { echo "build showed $shown warnings, want 5"; exit 1; }
grep -q "^boardgen: note: $((all - 5)) other warnings not shown: run \"boardgen check $M\" to list them all$" "$T/build.err" ||
	{ echo "no note counting the other $((all - 5))"; cat "$T/build.err"; exit 1; }
# The shown ones are the first ones check lists.
grep ': warning: ' "$T/check.err" | head -5 >"$T/first"
grep ': warning: ' "$T/build.err" >"$T/shown"
cmp -s "$T/first" "$T/shown" || { echo "build shows other warnings than check's first five"; exit 1; }
# render shows the warnings about the rendered file only.
C=$M/arenden/20-motion-laddstolpar.md
own=$(grep -c "^$C:.*: warning: " "$T/check.err")
[ "$own" -gt 0 ] || { echo "the test case needs warnings of its own"; exit 1; }
$WRAP $B render $C -o "$T/r.pdf" >/dev/null 2>"$T/render.err" || { cat "$T/render.err"; exit 1; }
grep ': warning: ' "$T/render.err" >"$T/rshown"
grep "^$C:.*: warning: " "$T/check.err" >"$T/rwant"
cmp -s "$T/rshown" "$T/rwant" || { echo "render shows other warnings than those about $C"; cat "$T/render.err"; exit 1; }
grep -q "^boardgen: note: $((all - own)) other warnings not shown: they concern other files" "$T/render.err" ||
	{ echo "render does not count the $((all - own)) others"; exit 1; }
echo "warnings: build shows 5 of $all and counts the rest; render shows its own $own; check lists all"
