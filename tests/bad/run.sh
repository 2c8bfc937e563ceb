#!/bin/sh
# Broken and hostile meeting folders.  Each folder under tests/bad/ has a
# file `expected': the exact first line boardgen must print on stderr.
# boardgen must exit with status 1 and leave the previous output file
# untouched, with no temporary file left beside it.  In `expected',
# @OUT@ stands for the output file's path.  A folder may have a
# `setup' script (run first, e.g. to make a symlink) and an `args' file
# (extra arguments).  Large inputs are made by setup at test time.
# With the ordinary build (not under a sanitizer or valgrind) each case
# must also finish within SECONDS and 1 GiB of address space.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
SECONDS_MAX=5
MEM=""
[ -z "$BOARDGEN" ] && [ -z "$WRAP" ] && MEM="ulimit -v 1048576;"
T=${TEST_TMP:-$(mktemp -d)}
mkdir -p "$T/out"
pass=0
fail=0
for d in tests/bad/*/; do
	d=${d%/}
	[ -f "$d/expected" ] || continue
	name=$(basename "$d")
	[ -f "$d/setup" ] && (cd "$d" && sh ./setup)
	printf 'previous pack\n' >"$T/out/pack.pdf"
	args=""
	[ -f "$d/args" ] && args=$(cat "$d/args")
	t0=$(date +%s%N)
	sh -c "$MEM exec timeout 20 $WRAP $B build \"$d\" -o \"$T/out/pack.pdf\" $args" 2>"$T/err" >/dev/null
	st=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	# @OUT@: the output file (a message of the last guard names it).
	want=$(sed "s|@OUT@|$T/out/pack.pdf|g" "$d/expected")
	got=$(head -n 1 "$T/err")
	ok=1
	if [ $st -ne 1 ]; then
		echo "FAIL $name: exit status $st, want 1"; ok=0
	fi
	if [ -n "$MEM" ] && [ $ms -gt $((SECONDS_MAX * 1000)) ]; then
		echo "FAIL $name: took $ms ms, more than $SECONDS_MAX s"; ok=0
	fi
	if [ "$got" != "$want" ]; then
		printf 'FAIL %s: first message\n  got:  %s\n  want: %s\n' "$name" "$got" "$want"; ok=0
	fi
	if [ "$(cat "$T/out/pack.pdf")" != "previous pack" ]; then
		echo "FAIL $name: the previous output was changed"; ok=0
	fi
	if [ "$(ls "$T/out" | wc -l)" -ne 1 ]; then
		echo "FAIL $name: files left behind: $(ls "$T/out")"; ok=0
		rm -f "$T"/out/pack.pdf.boardgen-tmp.*
	fi
	[ -f "$d/teardown" ] && (cd "$d" && sh ./teardown)
	if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
