#!/bin/sh
# Runs every test: unit tests, the rendered sample, the round trip,
# reproducibility and the bad inputs.  Prints one line per group and a
# closing "N passed, N failed".  BOARDGEN names the binary (default
# gen/boardgen); UNIT_DIR the folder of unit-test binaries; WRAP a
# command to run every program under (valgrind).
cd "$(dirname "$0")/.." || exit 2
BOARDGEN=${BOARDGEN:-gen/boardgen}
# An absolute path: some tests run boardgen from another folder.
BOARDGEN_TEMPLATES=${BOARDGEN_TEMPLATES:-$PWD/templates}
export BOARDGEN_TEMPLATES
UNIT_DIR=${UNIT_DIR:-tests/unit}
export BOARDGEN WRAP
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/boardgen-test.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
export TEST_TMP="$tmp"

result() {	# name status
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   $1"
	else
		failed=$((failed + 1))
		echo "FAIL $1"
	fi
}

# Every unit test source has its binary: a missing one is a failure,
# not a test quietly left out.
for src in tests/unit/*_test.c; do
	t="$UNIT_DIR/$(basename "$src" .c)"
	if [ ! -x "$t" ]; then
		result "unit $(basename "$t"): not built" 1
		continue
	fi
	$WRAP "$t" >"$tmp/unit.log" 2>&1
	st=$?
	[ $st -eq 0 ] || cat "$tmp/unit.log"
	result "unit $(basename "$t"): $(tail -n 1 "$tmp/unit.log" | sed 's/^[^:]*: //')" $st
done

for t in tests/regress/*.sh tests/bad/run.sh; do
	[ -f "$t" ] || continue
	sh "$t" >"$tmp/t.log" 2>&1
	st=$?
	[ $st -eq 0 ] || cat "$tmp/t.log"
	result "$(basename "$(dirname "$t")")/$(basename "$t" .sh): $(tail -n 1 "$tmp/t.log")" $st
done

# The site in a real browser: once, in the normal pass (make check sets
# BROWSER_TEST), not again under the sanitizers or valgrind.
if [ -n "$BROWSER_TEST" ]; then
	sh tests/browser/run.sh >"$tmp/t.log" 2>&1
	st=$?
	[ $st -eq 0 ] || cat "$tmp/t.log"
	result "browser/site: $(tail -n 1 "$tmp/t.log")" $st
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
