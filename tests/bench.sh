#!/bin/sh
# Renders generated packs of dense pages and prints a table of figures:
# pages, seconds (best of 3), pages per second, peak memory, bytes.
# It measures; it never fails on a slow machine.
cd "$(dirname "$0")/.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=$(mktemp -d "${TMPDIR:-/tmp}/boardgen-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
printf '%-12s %7s %9s %9s %10s %11s\n' pack pages seconds pages/s "peak KiB" bytes
for size in "50 18" "500 18"; do
	set -- $size
	python3 tests/gen_meeting.py "$T/m$1" "$1" "$2"
	best=""
	for run in 1 2 3; do
		line=$($B build "$T/m$1" -o "$T/m$1.pdf" --stats 2>&1 >/dev/null | grep '^stats:')
		secs=$(echo "$line" | sed 's/.*total \([0-9.]*\) s.*/\1/')
		if [ -z "$best" ] || [ "$(awk "BEGIN{print ($secs < $best)}")" = 1 ]; then
			best=$secs
			bestline=$line
		fi
	done
	pages=$(echo "$bestline" | sed 's/.*pages \([0-9]*\).*/\1/')
	peak=$(echo "$bestline" | sed 's/.*peak \([0-9]*\) KiB.*/\1/')
	bytes=$(wc -c <"$T/m$1.pdf")
	pps=$(awk "BEGIN{printf \"%.0f\", $pages / $best}")
	printf '%-12s %7s %9s %9s %10s %11s\n' "$1 cases" "$pages" "$best" "$pps" "$peak" "$bytes"
done
