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

# expect NAME STATUS FIRST-LINE COMMAND...: the command's status and
# the first line it prints on stderr.
expect() {
	name=$1 st=$2 want=$3
	shift 3
	"$@" >/dev/null 2>"$T/$name.err"
	got=$?
	first=$(head -n 1 "$T/$name.err")
	if [ $got -ne "$st" ] || [ "$first" != "$want" ]; then
		printf 'FAIL %s: status %s (want %s), first message\n  got:  %s\n  want: %s\n' \
		    "$name" $got "$st" "$first" "$want"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# --- A document of a closed item, linked from an open item's text:
# never published, and the link is an error naming both places.
meeting "$T/secret"
M=$T/secret/rs/2026-12-08
mkdir -p "$M/handlingar"
printf -- '---\nkind: rapport\ntitle: Riskanalys\n---\n\n# Inledning\n\nHelikopterbasens s\303\244kerhet.\n' >"$M/handlingar/risk.md"
cat >"$M/arenden/02.md" <<'MD'
---
dnr: RS/2/2026
title: Upphandling av ambulanshelikopter
kind: information
sekretess: OSL 19 kap. 3 §
---

# Ärendebeskrivning

Anbuden.

# Beslutsunderlag

- [Riskanalys](../handlingar/risk.md)
MD
printf '\nSe [riskanalysen](../handlingar/risk.md).\n' >>"$M/arenden/01.md"
printf 'previous pack\n' >"$T/secret.pdf"
want="$M/arenden/01.md:11:5: error: this links \"$M/handlingar/risk.md\", a document of closed item 2 ($M/arenden/02.md:14:4), which is never published: remove the link, or the document from the closed item"
expect secret-link 1 "$want" $WRAP $B build "$M" --public -o "$T/secret.pdf"
[ "$(cat "$T/secret.pdf")" = "previous pack" ] || bad "secret-link: the previous pack was changed"
expect secret-link-site 1 "$want" $WRAP $B site "$T/secret" -o "$T/secret-site" --today 2026-12-01
[ ! -e "$T/secret-site/rs/2026-12-08/handling-1.html" ] || bad "secret-link-site: the document has a page"
# Listed by an open item as well: the same.
cat >>"$M/arenden/01.md" <<'MD'

# Beslutsunderlag

- [Riskanalys](../handlingar/risk.md)
MD
sed -i 's|^Se \[riskanalysen\].*||' "$M/arenden/01.md"
expect secret-listed 1 "$M/arenden/01.md:15:4: error: item 1 lists \"$M/handlingar/risk.md\", a document of closed item 2 ($M/arenden/02.md:14:4), which is never published: list it under one of them only" \
    $WRAP $B build "$M" --public -o "$T/secret.pdf"
# The pack for the meeting itself (not public) has it, behind both.
expect secret-internal 0 "" $WRAP $B build "$M" -o "$T/secret-internal.pdf"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
