#!/bin/sh
# The web site of a generated archive: 20 bodies, 10 meetings a year for
# 10 years (2 000 meetings).  Prints the seconds of a first build with
# one worker and with one per core (and without the search index), of a
# rebuild without changes and of a rebuild after one changed case, and
# what each read and wrote; then the size of the search index and what
# the first search of a word loads at most.  It measures; it never fails
# on a slow machine.
cd "$(dirname "$0")/.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=$(mktemp -d "${TMPDIR:-/tmp}/boardgen-bench-site.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
BODIES=${BODIES:-20} PER_YEAR=${PER_YEAR:-10} YEARS=${YEARS:-10}
python3 tests/gen_archive.py "$T/c" "$BODIES" "$PER_YEAR" "$YEARS" || exit 2
N=$(find "$T/c" -name meeting.xml | wc -l | tr -d ' ')
CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

run() {	# label args...
	label=$1
	shift
	s=$(date +%s.%N)
	out=$("$B" site "$T/c" --today 2026-12-01 "$@" 2>"$T/err") || { cat "$T/err"; echo "$label: failed"; return; }
	e=$(date +%s.%N)
	printf '%-34s %8s s   %s\n' "$label" "$(awk "BEGIN{printf \"%.2f\", $e - $s}")" \
	    "$(echo "$out" | sed 's/^[^:]*: //')"
}

echo "site of $N meetings ($BODIES bodies, $PER_YEAR a year, $YEARS years), $CORES cores"
run "first build, 1 worker" -o "$T/s1" -j 1
run "first build, $CORES workers" -o "$T/s2"
run "first build, $CORES workers, --no-search" -o "$T/s3" --no-search
run "rebuild, nothing changed" -o "$T/s2"
f=$(find "$T/c" -name '03.md' | sort | sed -n 500p)
sed 's/^# Ärendebeskrivning$/# Ärendebeskrivning\n\nEtt nytt stycke./' "$f" >"$T/x" && mv "$T/x" "$f"
run "rebuild, one case changed" -o "$T/s2"
run "rebuild, --force" -o "$T/s2" --force
echo "(wall-clock seconds; other work on the machine adds noise)"
# The index: all of it, and the most a first search of one word loads
# (the largest word file, and at most two files of titles for the 50
# hits shown).
idx=$(du -sb "$T/s2/sok" | cut -f1)
all=$(du -sb "$T/s2" | cut -f1)
nt=$(ls "$T/s2/sok" | grep -c '^t-')
nd=$(ls "$T/s2/sok" | grep -c '^d-')
big=$(ls -S "$T/s2/sok" | grep '^t-' | head -1)
bigd=$(ls -S "$T/s2/sok" | grep '^d-' | head -1)
first=$(( $(stat -c %s "$T/s2/sok/$big") + 2 * $(stat -c %s "$T/s2/sok/$bigd") ))
printf 'search index: %s bytes in %s word files and %s title files (site %s bytes)\n' "$idx" "$nt" "$nd" "$all"
printf 'first search of a word loads at most %s bytes (largest word file %s, %s bytes)\n' \
    "$first" "$big" "$(stat -c %s "$T/s2/sok/$big")"
