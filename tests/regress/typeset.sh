#!/bin/sh
# What a careful reader notices on the sample pack, measured
# (tests/check_typeset.py): blocks at the margin, the running header's
# spacing; and justified text on tests/regress/typeset/.
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
exit $st
