#!/bin/sh
# render --watch: renders at once, then again when the file changes
# (saved by rename, as editors do) and when a figure it places changes,
# one line per render with its time; a render with an error leaves the
# PDF as it was and says so; Ctrl-C (SIGINT) ends it with status 0 and
# no temporary file.  Every wait is bounded: the watcher is killed if
# it does not answer.
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/watch
rm -rf "$T"
mkdir -p "$T"
# Tenths of a second to wait for one render.
LIMIT=300
[ -n "$WRAP" ] && LIMIT=3000
cp -R content/regionstyrelsen/2026-12-08 "$T/m"
C=$T/m/arenden/05-manadsrapport-oktober-2026.md
F=$T/m/figurer/kostnader-per-ar.csv
grep -q 'kostnader-per-ar.csv' "$C" || { echo "watch: the sample case no longer places $F"; exit 1; }

: >"$T/out"
: >"$T/err"
$WRAP "$B" render --watch "$C" -o "$T/w.pdf" >"$T/out" 2>"$T/err" &
pid=$!
fails=0
bad() { echo "FAIL watch: $*"; fails=$((fails + 1)); }
stop() {	# the watcher, whatever happens
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
}

# Waits until $T/out has $1 lines matching $2 (default: any); 1 if it
# does not in time.
lines() {
	i=0
	while [ "$(grep -c "${2:-}" "$T/out")" -lt "$1" ]; do
		i=$((i + 1))
		if [ $i -gt $LIMIT ] || ! kill -0 $pid 2>/dev/null; then
			return 1
		fi
		sleep 0.1
	done
	return 0
}
# A render's line: its time, the PDF and its pages.
rendered() {	# line number
	sed -n "$1p" "$T/out" | grep -q "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9] $T/w.pdf: [0-9]* pages$"
}

if ! lines 1 || ! rendered 1; then
	bad "no first render:"; cat "$T/out" "$T/err"; stop; exit 1
fi
cp "$T/w.pdf" "$T/first.pdf"

# The case saved as editors save: a new file renamed over the old.
sed 's/Månadsrapporten för oktober 2026 är den nionde/Rapporten för oktober 2026 är den nionde/' "$C" >"$C.new"
mv "$C.new" "$C"
if ! lines 2 || ! rendered 2; then
	bad "the case changed, no second render:"; cat "$T/out" "$T/err"; stop; exit 1
fi
cmp -s "$T/first.pdf" "$T/w.pdf" && bad "the case changed but the PDF did not"
cp "$T/w.pdf" "$T/second.pdf"

# A figure the case places, written in place.
sed -i 's/^Läkemedel;612,8;/Läkemedel;999,9;/' "$F"
if ! lines 3 || ! rendered 3; then
	bad "the figure changed, no third render:"; cat "$T/out" "$T/err"; stop; exit 1
fi
cmp -s "$T/second.pdf" "$T/w.pdf" && bad "the figure changed but the PDF did not"
cp "$T/w.pdf" "$T/third.pdf"

# A mistake: said, and the PDF is left as it was.
sed -i 's/^handläggare: /handlägare: /' "$C"
if ! lines 1 'not rendered'; then
	bad "the case broke, no line:"; cat "$T/out" "$T/err"; stop; exit 1
fi
grep 'not rendered' "$T/out" | grep -q "^[0-2][0-9]:[0-5][0-9]:[0-5][0-9] $C: not rendered (1 error): $T/w.pdf is left as it was; waiting for a change$" ||
    bad "the line of a failed render: $(grep 'not rendered' "$T/out")"
grep -q "^$C:[0-9]*:1: error: unknown field \"handlägare\": did you mean \"handläggare\"?" "$T/err" || { bad "the error was not shown:"; cat "$T/err"; }
cmp -s "$T/third.pdf" "$T/w.pdf" || bad "a failed render changed the PDF"

# Ctrl-C: ends, status 0, nothing left behind.
kill -INT $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt $LIMIT ]; do
	i=$((i + 1))
	sleep 0.1
done
if kill -0 $pid 2>/dev/null; then
	bad "still running after SIGINT"
	stop
else
	wait $pid
	st=$?
	[ $st -eq 0 ] || { bad "status $st after SIGINT, want 0:"; cat "$T/err"; }
fi
ls "$T"/w.pdf.* >/dev/null 2>&1 && bad "a temporary file was left: $(ls "$T"/w.pdf.*)"

[ $fails -eq 0 ] || exit 1
echo "watch: 4 renders (start, case saved by rename, figure, a mistake), SIGINT ends it"
