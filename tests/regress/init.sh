#!/bin/sh
# `boardgen init BODY DATE' and `new' on a folder without meeting.xml:
# a new meeting filled from the body's previous meeting and the nearest
# organisation profile, hints where neither says, never over an
# existing meeting; and the hints `new' writes in the body's own words
# (its dnr series, its name).
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
B=${BOARDGEN:-gen/boardgen}
case "$B" in /*) ;; *) B="$top/$B" ;; esac
case "$BOARDGEN_TEMPLATES" in /*|"") ;; *) BOARDGEN_TEMPLATES="$top/$BOARDGEN_TEMPLATES" ;; esac
export BOARDGEN_TEMPLATES
T=${TEST_TMP:-$(mktemp -d)}/init
rm -rf "$T"
mkdir -p "$T"
LIMIT=60
[ -n "$WRAP" ] && LIMIT=900
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
run() {	# name args...: $T/NAME.out, .err, status in $st
	n=$1
	shift
	(cd "$T" && timeout $LIMIT $WRAP "$B" "$@" >"$n.out" 2>"$n.err")
	st=$?
}

# A body with a previous meeting: its own dnr series (KS) and name, a
# procedural item with a note (the note is that meeting's, not copied),
# and its profile in the meeting's own folder (copied: the new folder
# would not see it).
mkdir -p "$T/ks"
cp -R tests/check/base "$T/ks/2026-12-08"
sed -i 's|<body>Regionstyrelsen</body>|<body>Kommunstyrelsen \&amp; utskott</body>|
	s|<procedural>Val av justerare|<procedural note="Förslag: Per Holm (M)">Val av justerare|' \
    "$T/ks/2026-12-08/meeting.xml"
sed -i 's|^dnr: RS/1234/2026|dnr: KS/88/2026|' "$T/ks/2026-12-08/arenden/03-laddstolpar.md"
# An older meeting and a later one are not the previous one.
mkdir -p "$T/ks/2026-01-10" "$T/ks/2027-06-01"
printf 'x\n' >"$T/ks/2026-01-10/meeting.xml"
printf 'x\n' >"$T/ks/2027-06-01/meeting.xml"
run init1 init ks 2027-01-26
cat >"$T/want1" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2027-01-26">
  <organisation>Region Exempel</organisation>
  <body>Kommunstyrelsen &amp; utskott</body>
  <session start="08.30" end="12.00" place="Hörsalen, Regionens hus" open="yes"/>
  <session start="13.00" end="15.00" place="Styrelserummet" open="no"/>
  <secretary name="Karin Ek" role="Nämndsekreterare" phone="010-123 45 67" email="karin.ek@exempel.se"/>
  <chair name="Anna Berg (C)"/>
  <agenda>
    <procedural>Val av justerare och tid för justering</procedural>
  </agenda>
</meeting>
EOF
if [ $st -ne 0 ] || ! cmp -s "$T/want1" "$T/ks/2027-01-26/meeting.xml" ||
    ! cmp -s tests/check/base/organisation.xml "$T/ks/2027-01-26/organisation.xml" ||
    ! grep -q '^ks/2027-01-26/meeting.xml: new meeting; .* from ks/2026-12-08/meeting.xml$' "$T/init1.out"; then
	bad "init from the previous meeting: status $st:"
	cat "$T/init1.out" "$T/init1.err"
	diff -u "$T/want1" "$T/ks/2027-01-26/meeting.xml"
else
	ok
fi

# The new meeting is clean as it is; `new' then writes hints in the
# body's words: its series and the meeting's year, its name.
run check1 check ks/2027-01-26
if [ $st -ne 0 ] || [ "$(cat "$T/check1.err")" != "check: 0 errors, 0 warnings" ]; then
	bad "init: the meeting from the previous one is not clean (status $st):"
	cat "$T/check1.err"
else
	ok
fi
run new1 new ks/2027-01-26 "Budget 2027"
f="$T/ks/2027-01-26/arenden/02-budget-2027.md"
if [ $st -ne 0 ] || ! grep -qx 'dnr: \[Ange dnr: KS/NUMMER/2027\]' "$f" ||
    ! grep -qx '\[Skriv förslaget, t.ex. Kommunstyrelsen & utskott beslutar att ...\]' "$f" ||
    grep -q 'RS/\|Regionstyrelsen' "$f"; then
	bad "new: hints not in the body's words (status $st):"
	cat "$T/new1.err"; head -20 "$f"
else
	ok
fi

# init never writes over a meeting.
cp "$T/ks/2027-01-26/meeting.xml" "$T/before"
run init2 init ks/ 2027-01-26
if [ $st -ne 1 ] || ! cmp -s "$T/before" "$T/ks/2027-01-26/meeting.xml" ||
    ! grep -q 'the meeting exists already' "$T/init2.err"; then
	bad "init over an existing meeting: status $st, or it changed:"
	cat "$T/init2.err"
else
	ok
fi

# A date that is no day, and one written another way: nothing made.
run init3 init ks 2027-02-30
run init4 init ks 10/2/2027
if [ "$(cat "$T/init3.err" "$T/init4.err")" != 'boardgen: error: "2027-02-30": there is no such day in the calendar: check the day and the month
boardgen: error: "10/2/2027" is not a date: write the meeting'"'"'s date as YYYY-MM-DD, e.g. 2027-02-10' ] ||
    [ -e "$T/ks/2027-02-30" ]; then
	bad "init with a wrong date:"
	cat "$T/init3.err" "$T/init4.err"
else
	ok
fi

# A body without a previous meeting: the profile above gives the
# organisation and its one secretary; the rest are hints, each reported.
mkdir -p "$T/org/nytt"
cp tests/check/base/organisation.xml "$T/org/"
run new2 new org/nytt/2027-03-02/ "Första ärendet"
cat >"$T/want2" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2027-03-02">
  <organisation>Region Exempel</organisation>
  <body>[Ange nämndens namn]</body>
  <session start="[Ange tid, t.ex. 09.00]" place="[Ange plats]"/>
  <secretary name="Karin Ek" role="Nämndsekreterare" phone="010-123 45 67" email="karin.ek@exempel.se"/>
  <chair name="[Skriv ordförandens namn och parti]"/>
  <agenda>
    <procedural>Val av justerare och tid för justering</procedural>
    <case file="arenden/02-forsta-arendet.md"/>
  </agenda>
</meeting>
EOF
f="$T/org/nytt/2027-03-02/arenden/02-forsta-arendet.md"
if [ $st -ne 0 ] || ! cmp -s "$T/want2" "$T/org/nytt/2027-03-02/meeting.xml" ||
    ! grep -qx 'org/organisation.xml: the organisation profile' "$T/new2.out" ||
    ! grep -qx 'dnr: \[Ange dnr: SERIE/NUMMER/2027\]' "$f" ||
    ! grep -qx '\[Skriv förslaget: nämnden beslutar att ...\]' "$f"; then
	bad "new on a folder without meeting.xml: status $st:"
	cat "$T/new2.out" "$T/new2.err"
	diff -u "$T/want2" "$T/org/nytt/2027-03-02/meeting.xml"
else
	ok
fi
# Every hint at once, also while the schema refuses the file: the
# time's hint is named as one, with the form to write.
run check2 check org/nytt/2027-03-02
if [ $st -ne 1 ] || [ "$(cat "$T/check2.err")" != 'org/nytt/2027-03-02/meeting.xml:5:12: error: unfilled template hint "[Ange tid, t.ex. 09.00]" in <session start>: write the time as HH.MM with two digits each, e.g. 08.30
org/nytt/2027-03-02/meeting.xml:4:9: error: unfilled template hint "[Ange nämndens namn]": replace it with the real text
org/nytt/2027-03-02/meeting.xml:5:51: error: unfilled template hint "[Ange plats]": replace it with the real text
org/nytt/2027-03-02/meeting.xml:7:16: error: unfilled template hint "[Skriv ordförandens namn och parti]": replace it with the real text
check: 4 errors, 0 warnings' ]; then
	bad "check of a new meeting with hints (status $st):"
	cat "$T/check2.err"
else
	ok
fi
sed -i 's/\[Ange tid, t.ex. 09.00\]/09.00/' "$T/org/nytt/2027-03-02/meeting.xml"
run check3 check org/nytt/2027-03-02
if [ $st -ne 1 ] || [ "$(grep -c 'meeting.xml:.*unfilled template hint' "$T/check3.err")" -ne 3 ]; then
	bad "check lists the hints left in the new meeting.xml (status $st):"
	cat "$T/check3.err"
else
	ok
fi

# Nothing above: no profile, and new says how to start a meeting in a
# folder that is not named by a date.
run init5 init alone 2027-04-01
if [ $st -ne 0 ] || ! grep -q '<organisation>\[Ange organisationens namn\]</organisation>' "$T/alone/2027-04-01/meeting.xml" ||
    ! grep -q '<secretary name="\[Skriv sekreterarens namn\]" email="\[Ange e-postadress\]"/>' "$T/alone/2027-04-01/meeting.xml" ||
    ! grep -q '^no organisation.xml in alone/2027-04-01 or above' "$T/init5.out"; then
	bad "init with no profile: status $st:"
	cat "$T/init5.out" "$T/init5.err" "$T/alone/2027-04-01/meeting.xml"
else
	ok
fi
mkdir -p "$T/notadate"
run new3 new notadate "Något"
if [ $st -ne 1 ] || [ "$(cat "$T/new3.err")" != 'notadate/meeting.xml: error: there is no meeting here: start one with boardgen init BODY-FOLDER YYYY-MM-DD (its folder is named by the date), then add cases to it' ] ||
    [ -e "$T/notadate/meeting.xml" ]; then
	bad "new in a folder without a meeting (status $st):"
	cat "$T/new3.err"
else
	ok
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
