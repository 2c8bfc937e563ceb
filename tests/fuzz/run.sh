#!/bin/sh
# Runs fuzz targets: run.sh SECONDS TARGET...  Each target starts from
# its seed corpus (tests/fuzz/corpus/TARGET/, read only) and keeps what
# it finds in build/fuzz/corpus/TARGET/; crashes, leaks and slow inputs
# go to build/fuzz/findings/TARGET/.  SECONDS 0 runs every seed and
# every input in tests/fuzz/regress/TARGET/ once and stops (a
# regression check).  Prints one line per target and fails if any
# target found something.
cd "$(dirname "$0")/../.." || exit 2
secs=$1
shift
fail=0
for t in "$@"; do
	bin=build/fuzz/$t
	seeds=tests/fuzz/corpus/$t
	work=build/fuzz/corpus/$t
	found=build/fuzz/findings/$t
	log=build/fuzz/$t.log
	mkdir -p "$work" "$found"
	dict=""
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	# A unit over 1 s is a finding; the single run over the seeds
	# (make test, on a machine that may be busy) reports only past 5 s.
	slow=1
	[ "$secs" -eq 0 ] && slow=5
	opts="-rss_limit_mb=2048 -timeout=10 -report_slow_units=$slow -artifact_prefix=$found/"
	export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	if [ "$secs" -eq 0 ]; then
		rm -rf build/fuzz/smoke/$t
		mkdir -p build/fuzz/smoke/$t
		set -- build/fuzz/smoke/$t "$seeds"
		[ -d "tests/fuzz/regress/$t" ] && set -- "$@" "tests/fuzz/regress/$t"
		"$bin" -runs=0 $opts "$@" >"$log" 2>&1
		st=$?
	else
		nice -n 10 "$bin" -max_total_time="$secs" $dict $opts \
		    "$work" "$seeds" >"$log" 2>&1
		st=$?
	fi
	# libFuzzer times in whole seconds on a shared machine: a slow unit
	# counts if it is still slow alone (best of three runs).
	for u in "$found"/slow-unit-*; do
		[ -f "$u" ] || continue
		best=""
		for i in 1 2 3; do
			t0=$(date +%s%N)
			"$bin" $opts "$u" >/dev/null 2>&1
			ms=$((($(date +%s%N) - t0) / 1000000))
			[ -z "$best" ] || [ $ms -lt $best ] && best=$ms
		done
		if [ $best -lt $((slow * 1000)) ]; then
			echo "note $t: $(basename "$u") takes $best ms alone: not slow"
			mkdir -p "$found/not-slow"
			mv "$u" "$found/not-slow/"
		fi
	done
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log" | tail -n 1)
	inputs=$(sed -n 's/^#[0-9]*[[:space:]]*\(INITED\|DONE\).* corp: \([0-9]*\)\/.*/\2/p' "$log" | tail -n 1)
	nslow=$(ls "$found" | grep -c '^slow-unit-')
	if [ $st -ne 0 ] || [ "$nslow" -gt 0 ] || grep -q "^SUMMARY\|ERROR: " "$log"; then
		fail=$((fail + 1))
		echo "FAIL $t: status $st, see $log:"
		grep -m 5 "^SUMMARY\|ERROR: \|Test unit written" "$log" | sed 's/^/  /'
		ls "$found" | grep '^slow-unit-' | sed 's/^/  slow: /'
	else
		echo "ok   $t: ${runs:-0 runs}, corpus ${inputs:-?} inputs"
	fi
done
[ $fail -eq 0 ]
