#!/bin/sh
# `boardgen check' on a corpus of faulty meetings, one fault each.
# tests/check/base/ is a small clean meeting; every other folder under
# tests/check/ is a fault: its files are copied over a copy of the base,
# then its `setup' script (if any) runs in the copy, and `expected'
# holds the exact full stderr of check (every diagnostic and the
# summary line).  tests/mistakes/ holds a catalogue of beginners'
# mistakes in the same form, one folder each.  The exit status must be 1 if any line is an error,
# else 0.  The base itself must give no diagnostic at all.  Then `new':
# the file it makes gives only hint diagnostics, and it never
# overwrites a file.
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/check
rm -rf "$T"
mkdir -p "$T"
LIMIT=60
[ -n "$WRAP" ] && LIMIT=900
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Copies the base to $T/$1 (paths in messages are "$1/...").
fresh() {
	rm -rf "${T:?}/$1"
	cp -R tests/check/base "$T/$1"
}

run_check() {	# name -> $T/$1.err, status in $st
	(cd "$T" && timeout $LIMIT $WRAP "$B" check "$1" >"$1.out" 2>"$1.err")
	st=$?
}

# The clean base.
fresh base
run_check base
if [ $st -ne 0 ] || [ "$(cat "$T/base.err")" != "check: 0 errors, 0 warnings" ]; then
	bad "base: status $st, want 0 and no diagnostics:"
	cat "$T/base.err"
else
	ok
fi

# tests/mistakes/ is the same for the mistakes a beginner makes: each
# message must say what is wrong and what to write instead.
for d in tests/check/*/ tests/mistakes/*/; do
	d=${d%/}
	name=$(basename "$d")
	[ "$d" = tests/check/base ] && continue
	[ -f "$d/expected" ] || { bad "$name: no expected file"; continue; }
	fresh "$name"
	(cd "$d" && find . -type f ! -name expected ! -name setup) |
	    while read -r f; do
		mkdir -p "$T/$name/$(dirname "$f")"
		cp "$d/$f" "$T/$name/$f"
	done
	if [ -f "$d/setup" ]; then
		(cd "$T/$name" && sh "$top/$d/setup") || { bad "$name: setup"; continue; }
	fi
	run_check "$name"
	want_st=0
	grep -q ': error: ' "$d/expected" && want_st=1
	if [ $st -ne $want_st ]; then
		bad "$name: exit status $st, want $want_st"
		continue
	fi
	if ! diff -u "$d/expected" "$T/$name.err" >"$T/$name.diff"; then
		bad "$name: diagnostics differ (- expected, + got):"
		cat "$T/$name.diff"
		continue
	fi
	ok
done

# new: a case with hints only, added to the agenda.
fresh new
(cd "$T" && $WRAP "$B" new new "Motion om fler laddstolpar – Östra länsdelen" >new.out 2>new.err)
st=$?
f="$T/new/arenden/04-motion-om-fler-laddstolpar-ostra-lansdelen.md"
if [ $st -ne 0 ] || [ ! -f "$f" ]; then
	bad "new: status $st, or no $f:"; cat "$T/new.err"
elif ! grep -q '<case file="arenden/04-motion-om-fler-laddstolpar-ostra-lansdelen.md"/>' "$T/new/meeting.xml"; then
	bad "new: the case was not added to meeting.xml"
elif [ "$(diff tests/check/base/meeting.xml "$T/new/meeting.xml" | grep -c '^[<>]')" -ne 1 ]; then
	bad "new: meeting.xml changed in more than the one added line"
else
	run_check new
	others=$(grep -v ': error: unfilled template hint ' "$T/new.err" | grep -v '^check: ')
	nhints=$(grep -c ': error: unfilled template hint ' "$T/new.err")
	if [ $st -ne 1 ] || [ -n "$others" ] || [ "$nhints" -lt 8 ]; then
		bad "new: check must report the hints only (status $st, $nhints hints):"
		cat "$T/new.err"
	else
		ok
	fi
fi

# new never overwrites: the file it would write is there already.
fresh new2
printf 'mitt eget ärende\n' >"$T/new2/arenden/04-budget-2027.md"
(cd "$T" && $WRAP "$B" new new2 "Budget 2027" >new2.out 2>new2.err)
st=$?
if [ $st -ne 1 ] || [ "$(cat "$T/new2/arenden/04-budget-2027.md")" != "mitt eget ärende" ] ||
    ! cmp -s tests/check/base/meeting.xml "$T/new2/meeting.xml" ||
    ! grep -q 'already exists' "$T/new2.err"; then
	bad "new: overwrote a file or did not say so (status $st):"
	cat "$T/new2.err"
else
	ok
fi

# new leaves a meeting.xml it cannot edit safely alone and says what to
# add; CRLF line ends are kept when it can.
fresh new3
sed -i 'N;s|\n *</agenda>|</agenda>|;P;D' "$T/new3/meeting.xml"
cp "$T/new3/meeting.xml" "$T/new3.before"
(cd "$T" && $WRAP "$B" new new3 "Budget 2027" >new3.out 2>new3.err)
st=$?
if [ $st -ne 0 ] || ! cmp -s "$T/new3.before" "$T/new3/meeting.xml" ||
    ! grep -q '^    <case file="arenden/04-budget-2027.md"/>$' "$T/new3.out"; then
	bad "new: inline </agenda>: status $st, or meeting.xml changed, or no line to add:"
	cat "$T/new3.out" "$T/new3.err"
else
	ok
fi
fresh new4
sed -i 's/$/\r/' "$T/new4/meeting.xml"
(cd "$T" && $WRAP "$B" new new4 "Budget 2027" >new4.out 2>new4.err)
st=$?
if [ $st -ne 0 ] || ! grep -q "$(printf '^    <case file="arenden/04-budget-2027.md"/>\r$')" "$T/new4/meeting.xml" ||
    [ "$(grep -c "$(printf '\r$')" "$T/new4/meeting.xml")" -ne "$(wc -l <"$T/new4/meeting.xml")" ]; then
	bad "new: CRLF meeting.xml: status $st, or line ends not kept:"
	cat "$T/new4.err"; od -c "$T/new4/meeting.xml" | tail -5
else
	ok
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
