#!/bin/sh
# Runs fuzz targets: run.sh SECONDS TARGET...  Each target starts from
# its seed corpus (tests/fuzz/corpus/TARGET/, read only) and keeps what
# it finds in build/fuzz/corpus/TARGET/; crashes, leaks and slow inputs
# go to build/fuzz/findings/TARGET/.  SECONDS 0 runs every seed and
# every input in tests/fuzz/regress/TARGET/ once and stops (a
# regression check).  Prints one line per target and fails if any
# target found something.
cd "$(dirname "$0")/../.." || exit 2

# Milliseconds of the fastest of three runs of the target over one input.
best_ms() {
	b=""
	for i in 1 2 3; do
		t0=$(date +%s%N)
		"$bin" $opts "$1" >/dev/null 2>&1
		ms=$((($(date +%s%N) - t0) / 1000000))
		{ [ -z "$b" ] || [ $ms -lt $b ]; } && b=$ms
	done
	echo "$b"
}

secs=$1
shift
# Seconds one input may take before it is a finding (FUZZ_TIMEOUT).
timeout=${FUZZ_TIMEOUT:-10}
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
	retried=0
	opts="-rss_limit_mb=2048 -timeout=$timeout -report_slow_units=$slow -artifact_prefix=$found/"
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
		# libFuzzer stops at the first input over -timeout.  On a
		# busy machine that can be the machine, not the input: an
		# input that runs within the limit alone (best of three) is
		# noted, put aside and the run goes on for the time left;
		# one still too slow alone is a finding and stops it.
		end=$(($(date +%s) + secs))
		round=0
		runs_sum=0
		retried=0
		while :; do
			left=$((end - $(date +%s)))
			[ $left -gt 0 ] || break
			round=$((round + 1))
			nice -n 10 "$bin" -max_total_time="$left" $dict $opts \
			    "$work" "$seeds" >"$log" 2>&1
			st=$?
			n=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
			[ -n "$n" ] || n=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$log" | tail -n 1)
			runs_sum=$((runs_sum + ${n:-0}))
			[ $st -eq 70 ] || break
			again=1
			for u in "$found"/timeout-*; do
				[ -f "$u" ] || continue
				best=$(best_ms "$u")
				if [ "$best" -lt $((timeout * 1000)) ]; then
					echo "note $t: $(basename "$u") takes $best ms alone: the machine was busy; going on"
					mkdir -p "$found/not-slow"
					mv "$u" "$found/not-slow/"
				else
					again=0
				fi
			done
			[ $again -eq 1 ] || break
			mv "$log" "$log.$round"
			: >"$log"
			retried=$((retried + 1))
			st=0
		done
	fi
	# libFuzzer times in whole seconds on a shared machine: a slow unit
	# counts if it is still slow alone (best of three runs).
	for u in "$found"/slow-unit-*; do
		[ -f "$u" ] || continue
		best=$(best_ms "$u")
		if [ $best -lt $((slow * 1000)) ]; then
			echo "note $t: $(basename "$u") takes $best ms alone: not slow"
			mkdir -p "$found/not-slow"
			mv "$u" "$found/not-slow/"
		fi
	done
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log" | tail -n 1)
	last=$log
	if [ "$retried" -gt 0 ]; then
		runs="$runs_sum runs in $secs s, going on after $retried timeouts of a busy machine"
		[ -s "$log" ] || last=$log.$round
	fi
	inputs=$(sed -n 's/^#[0-9]*[[:space:]]*\(INITED\|DONE\|pulse\|NEW\|REDUCE\).* corp: \([0-9]*\)\/.*/\2/p' "$last" | tail -n 1)
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
