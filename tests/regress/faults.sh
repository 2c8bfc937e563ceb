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

# expect NAME STATUS LINE COMMAND...: the command's status, and LINE
# among what it prints on stderr (if LINE is empty: no error at all).
expect() {
	name=$1 st=$2 want=$3
	shift 3
	"$@" >/dev/null 2>"$T/$name.err"
	got=$?
	if [ -n "$want" ]; then
		first=$(grep -F -x -- "$want" "$T/$name.err")
	else
		first=$(grep ': error: ' "$T/$name.err" | head -n 1)
	fi
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
printf -- '---\nkind: rapport\ntitle: Riskanalys\ndatum: 2026-11-20\n---\n\n# Inledning\n\nHelikopterbasens s\303\244kerhet.\n' >"$M/handlingar/risk.md"
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
# check says so too, as a warning: it is what the public output refuses.
expect secret-check 0 "$(printf '%s' "$want" | sed 's/: error: /: warning: /')" $WRAP $B check "$M"
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

# --- Invisible format characters: an error in a title, a dnr, a name
# (case header, manifest, register); left out with a warning in the
# text, so that no output holds one.
RLO=$(printf '\342\200\256')	# U+202E right-to-left override
ZWSP=$(printf '\342\200\213')	# U+200B zero-width space
LRI=$(printf '\342\201\246')	# U+2066 left-to-right isolate
meeting "$T/format"
M=$T/format/rs/2026-12-08
cp "$M/arenden/02.md" "$T/format-02.md"
sed -i "s/^title: Budget 2027/title: Budget ${RLO}7202/" "$M/arenden/02.md"
expect format-title 1 "$M/arenden/02.md:3:15: error: invisible format character U+202E (right-to-left override) in the metadata header: delete it (a title, dnr or name must show all it holds)" \
    $WRAP $B check "$M"
cp "$T/format-02.md" "$M/arenden/02.md"
sed -i "s|^dnr: RS/2/2026|dnr: RS/2${ZWSP}/2026|" "$M/arenden/02.md"
# (A dnr was refused before for any character outside its pattern.)
expect format-dnr 1 "$M/arenden/02.md:2:6: error: malformed dnr \"RS/2\\u200B/2026\": write it as SERIES/NUMBER/YEAR, e.g. RS/1119/2017" \
    $WRAP $B check "$M"
cp "$T/format-02.md" "$M/arenden/02.md"
sed -i "s|<secretary name=\"Karin Ek\"|<secretary name=\"Karin ${LRI}Ek\"|" "$M/meeting.xml"
expect format-name 1 "$M/meeting.xml:6:26: error: invisible format character U+2066 (left-to-right isolate): delete it (a title, name or number must show all it holds)" \
    $WRAP $B check "$M"
sed -i "s|Karin ${LRI}Ek|Karin Ek|" "$M/meeting.xml"
sed -i "s|<title>+7</title>|<title>+7${RLO}</title>|" "$M/register/inkomna.xml"
expect format-register 1 "$M/register/inkomna.xml:9:14: error: invisible format character U+202E (right-to-left override): delete it (a title, name or number must show all it holds)" \
    $WRAP $B check "$M"
sed -i "s|+7${RLO}|+7|" "$M/register/inkomna.xml"
printf 'Beslutet g\303\244ller ${RLO}fr\303\245n 2027${ZWSP} och fram\303\245t.\n' | sed "s/\${RLO}/$RLO/; s/\${ZWSP}/$ZWSP/" >>"$M/arenden/02.md"
w="$M/arenden/02.md:10:17: warning: invisible format character U+202E (right-to-left override) in the text: it is left out; delete it"
expect format-text 0 "$w" $WRAP $B build "$M" --public -o "$T/format.pdf"
expect format-site 0 "$w" $WRAP $B site "$T/format" -o "$T/format-site" --today 2026-12-01 --pdf
pdftotext "$T/format.pdf" "$T/format.txt"
pdftotext "$T/format-site/rs/2026-12-08/rs-2026-12-08.pdf" "$T/format-site.txt" 2>/dev/null ||
    find "$T/format-site" -name '*.pdf' -exec pdftotext {} "$T/format-site.txt" \;
if python3 - "$T/format-site" "$T/format.txt" "$T/format-site.txt" <<'PY'
import os, sys
bad = [chr(c) for c in (0x200b, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d,
                        0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff)]
files = [sys.argv[2], sys.argv[3]]
for d, _, fs in os.walk(sys.argv[1]):
    files += [os.path.join(d, f) for f in fs if not f.endswith(".pdf")]
seen = 0
for f in files:
    t = open(f, encoding="utf-8", errors="replace").read()
    if "från 2027 och" in t:
        seen += 1
    for c in bad:
        if c in t:
            print("%s holds U+%04X" % (f, ord(c)))
            sys.exit(1)
sys.exit(0 if seen >= 3 else 2)
PY
then ok; else bad "format: an output holds a format character, or the text is missing"; fi

# --- A fault is blamed on the file that holds it: a staff title from
# the organisation profile with a character no font has is the
# profile's error, not the case's that names the person.
meeting "$T/blame"
M=$T/blame/rs/2026-12-08
cp content/regionstyrelsen/2026-12-08/organisation.xml content/regionstyrelsen/2026-12-08/logo.png "$M/"
line=$(grep -n 'person name="Annika Strömgren" title="Regiondirektör"' "$M/organisation.xml" | cut -d: -f1)
sed -i 's/person name="Annika Strömgren" title="Regiondirektör"/person name="Annika Strömgren" title="Regiondirektör \xe4\xb8\xad"/' "$M/organisation.xml"
sed -i 's/^title: Budget 2027/title: Budget 2027\nhandläggare: Annika Strömgren/' "$M/arenden/02.md"
printf '\n# Beslutsunderlag\n\n- Tjänsteskrivelse 2026-11-20\n' >>"$M/arenden/02.md"
expect blame-profile 1 "$M/organisation.xml:$line: error: the character U+4E2D is not in font \"sans\" nor in the fallback font: remove it or choose a font that has it" \
    $WRAP $B build "$M" -o "$T/blame.pdf"

# --- A site meeting is written whole or not at all: with --pdf, a
# meeting whose pack fails (a character no font has) keeps the pages,
# data and pack of the last run, byte for byte.
meeting "$T/whole"
M=$T/whole/rs/2026-12-08
expect whole-first 0 "" $WRAP $B site "$T/whole" -o "$T/whole-site" --pdf --today 2026-12-01
(cd "$T/whole-site" && find . -type f | sort | xargs md5sum) >"$T/whole.before"
printf '\nBudgeten g\303\244ller \344\270\255.\n' >>"$M/arenden/02.md"
expect whole-fails 1 "$M/arenden/02.md:11:17: error: the character U+4E2D is not in font \"serif\" nor in the fallback font: remove it or choose a font that has it" \
    $WRAP $B site "$T/whole" -o "$T/whole-site" --pdf --today 2026-12-01
(cd "$T/whole-site" && find . -type f | sort | xargs md5sum) >"$T/whole.after"
if cmp -s "$T/whole.before" "$T/whole.after"; then ok; else
	bad "whole: the failed meeting changed the site:"; diff "$T/whole.before" "$T/whole.after" | head -5
fi

# --- Temporary files.  One left by a run that was killed (its process
# is gone) is removed by the next run; one of a live process is not.
meeting "$T/temp"
M=$T/temp/rs/2026-12-08
sh -c 'exit 0' & dead=$!
wait $dead
mkdir -p "$T/temp-out"
: >"$T/temp-out/pack.pdf.boardgen-tmp.$dead.AbCdEf"
: >"$T/temp-out/pack.pdf.boardgen-tmp.$$.AbCdEf"
expect temp-build 0 "" $WRAP $B build "$M" -o "$T/temp-out/pack.pdf"
if [ -e "$T/temp-out/pack.pdf.boardgen-tmp.$dead.AbCdEf" ]; then bad "temp: a dead run's file stayed"
elif [ ! -e "$T/temp-out/pack.pdf.boardgen-tmp.$$.AbCdEf" ]; then bad "temp: a live run's file was removed"
else ok; fi
expect temp-site-first 0 "" $WRAP $B site "$T/temp" -o "$T/temp-site" --today 2026-12-01
: >"$T/temp-site/rs/2026-12-08/arende-1.html.boardgen-tmp.$dead.XyZxYz"
expect temp-site 0 "" $WRAP $B site "$T/temp" -o "$T/temp-site" --today 2026-12-01
[ ! -e "$T/temp-site/rs/2026-12-08/arende-1.html.boardgen-tmp.$dead.XyZxYz" ] && ok ||
    bad "temp: a dead run's file stayed in the site"

# SIGTERM while the pack is being written: its temporary files go.  The
# sample meeting's pack takes long enough to catch one being written.
caught=0
for try in 1 2 3 4 5; do
	rm -rf "$T/sig" && mkdir -p "$T/sig"
	$WRAP $B build content/regionstyrelsen/2026-12-08 -o "$T/sig/pack.pdf" >/dev/null 2>&1 &
	pid=$!
	# Running, not a zombie waiting to be reaped.
	while [ "$(cut -d' ' -f3 /proc/$pid/stat 2>/dev/null)" != Z ] &&
	    [ -e /proc/$pid ]; do
		if ls "$T/sig" | grep -q 'boardgen-tmp'; then
			kill -TERM $pid; caught=1; break
		fi
	done
	wait $pid
	# Finished (renamed into place) before the signal came: try again.
	if [ $caught -eq 1 ] && [ -e "$T/sig/pack.pdf" ] &&
	    ! ls "$T/sig" | grep -q 'boardgen-tmp'; then
		caught=0
		continue
	fi
	[ $caught -eq 1 ] && break
done
if [ $caught -eq 0 ]; then bad "signal: never caught the pack being written"
elif [ -n "$(ls "$T/sig")" ]; then bad "signal: files left behind: $(ls "$T/sig")"
else ok; fi

# --- Outputs that are not regular files are refused; a long path says so.
meeting "$T/dev"
M=$T/dev/rs/2026-12-08
mkfifo "$T/dev/out.pdf"
expect output-fifo 1 "$T/dev/out.pdf: error: the output is a named pipe (FIFO), not a regular file: name a file" \
    $WRAP $B build "$M" -o "$T/dev/out.pdf"
ln -s /dev/null "$T/dev/null.pdf"
expect output-device 1 "$T/dev/null.pdf: error: the output leads to a device, not a regular file: name a file" \
    $WRAP $B build "$M" -o "$T/dev/null.pdf"
[ -L "$T/dev/null.pdf" ] && [ -p "$T/dev/out.pdf" ] && ok || bad "output: the FIFO or the link was replaced"
long=$(printf 'a%.0s' $(seq 1 250))
expect output-long 1 "$T/dev/$long.pdf: error: cannot create output: File name too long (shorten the path or the names of its folders)" \
    $WRAP $B build "$M" -o "$T/dev/$long.pdf"

# An attachment that is a FIFO or a folder is said to be one.
mkdir -p "$M/bilagor/mapp.pdf"
mkfifo "$M/bilagor/ror.pdf"
cat >>"$M/arenden/02.md" <<'MD'

# Beslutsunderlag

- [Rör](../bilagor/ror.pdf)
- [Mapp](../bilagor/mapp.pdf)
MD
expect attach-fifo 1 "$M/arenden/02.md:13:4: error: \"../bilagor/ror.pdf\" is a named pipe (FIFO), not a file: link the document's file" \
    $WRAP $B check "$M"
grep -q 'bilagor/mapp.pdf" is a folder, not a file' "$T/attach-fifo.err" && ok || bad "attach: the folder is not said to be one"
rm -rf "$M/bilagor"
sed -i '/^# Beslutsunderlag/,$d' "$M/arenden/02.md"
# The program file and the logo the same: not "does not exist".
mkfifo "$M/program.xml"
sed -i 's|^  <agenda>|  <program file="program.xml"/>\n  <agenda>|' "$M/meeting.xml"
expect program-fifo 1 "$M/meeting.xml:7: error: program file \"program.xml\" is a named pipe (FIFO), not a file: name the program's XML file" \
    $WRAP $B check "$M"
rm "$M/program.xml"
sed -i '/<program file=/d' "$M/meeting.xml"
cp content/regionstyrelsen/2026-12-08/organisation.xml "$M/"
mkfifo "$M/logo.png"
line=$(grep -n '<logo ' "$M/organisation.xml" | cut -d: -f1)
expect logo-fifo 1 "$M/organisation.xml:$line: error: logo \"logo.png\" is a named pipe (FIFO), not a file: name a PNG file relative to organisation.xml" \
    $WRAP $B check "$M"
rm "$M/logo.png" "$M/organisation.xml"

# --- A write that fails says why, with the file: past a file size limit
# (any machine), and on a full disk (a 16 KiB tmpfs in a mount namespace
# of its own, where the system lets us make one: as root, as CI runs).
# -o naming the meeting's own manifest: refused, and the manifest stays.
cp "$M/meeting.xml" "$T/manifest.before"
expect output-input 2 "boardgen: \"$M/meeting.xml\" exists and is a file of the kind a meeting is written in (a manifest, a case file, a figure): it is not written over; give -o a name such as pack.pdf" \
    $WRAP $B build "$M" -o "$M/meeting.xml"
cmp -s "$T/manifest.before" "$M/meeting.xml" && ok || bad "output-input: the manifest was changed"

# A file size limit (ulimit -f): the write fails and says so; the signal
# the limit sends does not end the run.
expect output-fsize 1 "$T/dev/pack.pdf: error: cannot write output: the file would be larger than this process may write (ulimit -f): raise the limit and run again" \
    sh -c "ulimit -f 20; exec $WRAP $B build \"$M\" -o \"$T/dev/pack.pdf\""
[ -z "$(ls "$T/dev" | grep boardgen-tmp)" ] && ok || bad "output-fsize: files left behind"
mkdir -p "$T/full"
if unshare -m true 2>/dev/null; then
	expect output-full 1 "$T/full/pack.pdf: error: cannot write output: no space left on device: free some space and run again" \
	    unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs \"$T/full\" && exec $WRAP $B build \"$M\" -o \"$T/full/pack.pdf\""
	expect output-full-site 1 "$T/full/s/data/oparl/paper/rs/2026-12-08/1.json: error: cannot write output: no space left on device: free some space and run again" \
	    unshare -m sh -c "mount -t tmpfs -o size=16k tmpfs \"$T/full\" && exec $WRAP $B site \"$T/dev\" -o \"$T/full/s\" --today 2026-12-01"
else
	echo "note: no mount namespace here: the full disk was not tried, only the file size limit"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
