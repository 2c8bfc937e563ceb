#!/bin/sh
# Messages a user reads: build's summary comes after its warnings when
# both streams go to one terminal.
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

echo "messages: $pass passed, $fail failed"
[ $fail -eq 0 ]
