#!/bin/sh
# Renders generated packs of dense pages with tables (about 200 and
# 2 000 pages) and one document alone (the live preview), and prints a
# table: pages, seconds (best of N runs), pages per second, peak memory,
# bytes.  It measures; it never fails on a slow machine.
#   BENCH_RUNS   runs per row (default 5; the large pack 3)
cd "$(dirname "$0")/.." || exit 2
B=${BOARDGEN:-gen/boardgen}
RUNS=${BENCH_RUNS:-5}
T=$(mktemp -d "${TMPDIR:-/tmp}/boardgen-bench.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

# field NAME LINE: the number after NAME in a stats line.
field() {
	echo "$2" | sed -n "s/.* $1 \([0-9.]*\).*/\1/p"
}

# measure RUNS COMMAND...: the stats line of the fastest run in $best.
measure() {
	n=$1
	shift
	best=""
	bestsecs=""
	i=0
	while [ $i -lt "$n" ]; do
		i=$((i + 1))
		line=$("$@" --stats 2>&1 >/dev/null | grep '^stats:')
		secs=$(field total "$line")
		[ -n "$secs" ] || continue
		if [ -z "$bestsecs" ] ||
		    [ "$(awk "BEGIN{print ($secs < $bestsecs)}")" = 1 ]; then
			bestsecs=$secs
			best=$line
		fi
	done
}

row() {	# name pdf
	if [ -z "$best" ]; then
		printf '%-24s %s\n' "$1" "did not render"
		return
	fi
	pages=$(field pages "$best")
	peak=$(field peak "$best")
	printf '%-24s %6s %8s %8s %8s %10s\n' "$1" "$pages" "$bestsecs" \
	    "$(awk "BEGIN{printf \"%.0f\", $pages / $bestsecs}")" \
	    "$(awk "BEGIN{printf \"%.1f\", $peak / 1024}")" \
	    "$(wc -c <"$2" | tr -d ' ')"
}

printf '%-24s %6s %8s %8s %8s %10s\n' "" pages seconds pages/s \
    "peak MiB" bytes
# Cases of 16 paragraphs, lists, headings and two 15-row tables each.
python3 tests/gen_meeting.py "$T/m200" 42 16 2
python3 tests/gen_meeting.py "$T/m2000" 420 16 2
measure "$RUNS" $B build "$T/m200" -o "$T/m200.pdf"
row "pack, 42 cases" "$T/m200.pdf"
measure $((RUNS < 3 ? RUNS : 3)) $B build "$T/m2000" -o "$T/m2000.pdf"
row "pack, 420 cases" "$T/m2000.pdf"
measure "$RUNS" $B render "$T/m200/arenden/001.md" -o "$T/one.pdf"
row "render one case" "$T/one.pdf"
measure "$RUNS" $B render \
    content/regionstyrelsen/2026-12-08/handlingar/uppfoljning-internkontrollplan-2026.md \
    -o "$T/report.pdf"
row "render sample report" "$T/report.pdf"
echo "(best of $RUNS runs, 3 for the large pack; other work on the machine adds noise)"
