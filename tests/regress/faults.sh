#!/bin/sh
# What the public outputs must never carry and what a fault must never
# leave behind: a cell a spreadsheet would run as a formula, invisible
# format characters, a document of a secret item, a half-written
# meeting, temporary files after a signal or a killed run.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/faults
rm -rf "$T" && mkdir -p "$T" || exit 2
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# A meeting folder of its own under $1 (CONTENT/rs/2026-12-08) with one
# case file and the incoming register.
meeting() {	# content folder
	M=$1/rs/2026-12-08
	mkdir -p "$M/arenden" "$M/register"
	cat >"$M/meeting.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2026-12-08">
  <organisation>Region Exempel</organisation>
  <body>Regionstyrelsen</body>
  <session start="08.30" end="12.00" place="Hörsalen" open="yes"/>
  <secretary name="Karin Ek" email="karin.ek@example.se"/>
  <agenda>
    <case file="arenden/01.md"/>
    <case file="arenden/02.md"/>
  </agenda>
</meeting>
XML
	cat >"$M/arenden/01.md" <<'MD'
---
dnr: RS/1/2026
title: Anmälan av inkomna handlingar
kind: information
---

# Ärendebeskrivning

![](../register/inkomna.xml "register")
MD
	cat >"$M/arenden/02.md" <<'MD'
---
dnr: RS/2/2026
title: Budget 2027
kind: information
---

# Ärendebeskrivning

Budgeten för nästa år.
MD
	cat >"$M/register/inkomna.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<incoming-documents from="2026-10-20" to="2026-11-25">
  <document date="2026-10-23" dnr="RS/47/2026" type="skrivelse">
    <sender>@SUM(1+1)</sender>
    <title>=1+1</title>
  </document>
  <document date="2026-10-24" dnr="RS/48/2026" type="skrivelse">
    <sender>-2+3</sender>
    <title>+7</title>
  </document>
</incoming-documents>
XML
}

# --- CSV cells a spreadsheet would run as formulas.
meeting "$T/csv"
if $WRAP $B site "$T/csv" -o "$T/csv-site" --today 2026-12-01 >/dev/null 2>"$T/csv.err"; then
	f=$T/csv-site/data/inkomna-handlingar.csv
	if grep -q "\"'@SUM(1+1)\",nej,\"'=1+1\",nej," "$f" &&
	    grep -q "\"'-2+3\",nej,\"'+7\",nej," "$f" &&
	    ! grep -q ',=\|,+\|,-\|,@' "$f"; then
		ok
	else
		bad "csv: a formula cell is not made safe:"; cat "$f"
	fi
else
	bad "csv: site failed"; cat "$T/csv.err"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
