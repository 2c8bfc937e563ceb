#!/bin/sh
# Messages a user reads: build's summary comes after its warnings when
# both streams go to one terminal; site's advice on the warnings it
# does not show can be followed.
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
T=${TEST_TMP:-$(mktemp -d)}/messages
rm -rf "$T"
mkdir -p "$T"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# A copy of the sample with warnings (its paper-only entries unmarked),
# built on a terminal (script gives it one): the summary is the last line.
cp -R content/regionstyrelsen/2026-12-08 "$T/m"
sed -i 's/ (finns hos nämndsekreteraren)$//' "$T"/m/arenden/*.md
script -qec "$WRAP $B build $T/m -o $T/m.pdf" /dev/null | tr -d '\r' >"$T/tty"
last=$(tail -n 1 "$T/tty")
case "$last" in
"$T/m.pdf: "*" pages, "*" agenda items")
	grep -q ': warning: ' "$T/tty" && ok || bad "summary: no warnings shown" ;;
*)	bad "summary: the last line on the terminal is not the summary: $last" ;;
esac

# site prints a few warnings of each meeting and says how to list the
# rest: the command it names works (check takes a meeting folder, not
# the content folder), with one worker or several.
mkdir -p "$T/c/regionstyrelsen"
cp -R "$T/m" "$T/c/regionstyrelsen/2026-12-08"
for j in 1 2; do
	(cd "$T" && $WRAP "$B" site c -o "s$j" -j $j >"s$j.out" 2>"s$j.err")
	st=$?
	cmd=$(sed -n 's/^boardgen: note: [0-9]* other warnings\{0,1\} not shown: run "\(boardgen check [^"]*\)" to list them all$/\1/p' "$T/s$j.err")
	if [ $st -ne 0 ] || [ "$cmd" != "boardgen check c/regionstyrelsen/2026-12-08" ]; then
		bad "site -j $j: status $st, or the note names no meeting folder to check:"
		cat "$T/s$j.err"
		continue
	fi
	(cd "$T" && $WRAP "$B" ${cmd#boardgen } >/dev/null 2>"check$j.err")
	st=$?
	n=$(grep -c ': warning: ' "$T/check$j.err")
	if [ $st -ne 0 ] || [ "$n" -le 5 ]; then
		bad "site -j $j: the check it names failed (status $st) or listed $n warnings:"
		cat "$T/check$j.err"
	else
		ok
	fi
done

echo "messages: $pass passed, $fail failed"
[ $fail -eq 0 ]
