#!/bin/sh
# Hostile inputs that once took minutes or hung.  Each is generated here
# (they are large) and must finish.  The limit catches a hang or a
# return of quadratic time: these take about 2 s here (10 times that
# under the sanitizers is still well inside), the quadratic versions 25
# s and more; under valgrind everything is some 30 times slower.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/hostile
LIMIT=20
[ -n "$WRAP" ] && LIMIT=900
# The ordinary build must also stay within 1 GiB of address space.
MEM=""
[ -z "$BOARDGEN" ] && [ -z "$WRAP" ] && MEM="ulimit -v 1048576;"
fail=0
pass=0

meeting() {	# folder
	mkdir -p "$1/arenden"
	cat >"$1/meeting.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2026-12-08">
  <organisation>Region Exempel</organisation>
  <body>Regionstyrelsen</body>
  <session start="08.30" end="12.00" place="Hörsalen" open="yes"/>
  <secretary name="Karin Ek" email="karin.ek@example.se"/>
  <agenda>
    <case file="arenden/01.md"/>
  </agenda>
</meeting>
XML
}

ANY=
run() {	# name, expected status, expected first stderr line (or "")
	sh -c "$MEM exec timeout $LIMIT $WRAP $B check \"$T/$1\"" >/dev/null 2>"$T/$1.err"
	st=$?
	got=$(head -n 1 "$T/$1.err")
	# ANY=1: the expected line may come after others (warnings that the
	# input sets off on purpose).
	[ -n "$ANY" ] && grep -qxF "$3" "$T/$1.err" && got=$3
	if [ $st -eq 124 ]; then
		echo "FAIL $1: did not finish within $LIMIT s"; fail=$((fail + 1))
	elif [ $st -ne "$2" ] || { [ -n "$3" ] && [ "$got" != "$3" ]; }; then
		printf 'FAIL %s: status %s, first message\n  got:  %s\n  want: %s\n' "$1" $st "$got" "$3"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# An information item: check asks a decision for its proposal.
header='---\ndnr: RS/1/2026\ntitle: T\nkind: information\n---\n\n# Ärendebeskrivning\n\n'

# 200,000 paragraph separators (U+2029) in one paragraph: 200,000
# lines are laid out, more pages than one PDF may have.
meeting "$T/separators"
python3 -c "import sys; sys.stdout.write('$header' + 'a\u2029' * 200000 + '\n')" >"$T/separators/arenden/01.md"
run separators 1 "$T/separators/arenden/01.md:9:1: error: the PDF comes to more than 4000 pages here, the most one PDF may have: shorten the texts, or place fewer documents and figures"

# A number with 200,000 digit groups: no legal line break at all.
meeting "$T/unbreakable"
python3 -c "import sys; sys.stdout.write('$header' + '1' + ' 234' * 200000 + '\n')" >"$T/unbreakable/arenden/01.md"
run unbreakable 0 ""

# A metadata header of 50,000 fields.
meeting "$T/fields"
python3 -c "
import sys
sys.stdout.write('---\ndnr: RS/1/2026\ntitle: T\n' + ''.join('k%d: v\n' % i for i in range(50000)) + '---\n')" >"$T/fields/arenden/01.md"
run fields 1 "$T/fields/arenden/01.md:4:1: warning: unknown field \"k0\": it is printed only where a template asks for {doc-meta:k0}; a case header holds dnr, title, kind, handläggare, sekretess, datum, förvaltning, telefon, e-post, undertecknare and till"
if ! grep -q "^$T/fields/arenden/01.md:102:1: error: more than 100 fields in the metadata header: keep the header to dnr, title and a few more$" "$T/fields.err"; then
	echo "FAIL fields: no error for the 101st field"; fail=$((fail + 1))
fi

# 90 000 attributes on one element: libxml2 compares each with all
# before it (minutes).
meeting "$T/attrs"
python3 -c "
import sys
p = '$T/attrs/meeting.xml'
s = open(p).read().replace('<agenda>', '<agenda ' + ' '.join('a%d=\"\"' % i for i in range(90000)) + '>')
open(p, 'w').write(s)"
run attrs 1 "$T/attrs/meeting.xml:7:3: error: more than 100 attributes in one element: no element of this format has so many; remove them"

# A named pipe where the case file should be: refused, never read.
meeting "$T/fifo"
mkfifo "$T/fifo/arenden/01.md"
run fifo 1 "$T/fifo/arenden/01.md: error: not a regular file but a named pipe (FIFO): name an ordinary file"

# A folder name with an escape sequence and a right-to-left override in
# it: the message shows them escaped, never raw to the terminal.
esc=$(printf 'a\033[31mb\342\200\256c')
meeting "$T/$esc"
rm "$T/$esc/meeting.xml"
run "$esc" 1 "$T/a\\x1b[31mb\\u202Ec/meeting.xml: error: cannot open: No such file or directory"

# Under valgrind the large inputs below are a tenth the size: there the
# point is memory errors, and time is some 30 times longer.
K=1
[ -n "$WRAP" ] && K=10

# One paragraph of 990 000 bytes, just under the case file limit.
meeting "$T/paragraph"
python3 -c "import sys; sys.stdout.write('$header' + 'laddstolpe ' * (90000 // $K) + '\n')" >"$T/paragraph/arenden/01.md"
run paragraph 0 ""

# A word wider than the page: broken between two characters, said once.
meeting "$T/wide"
python3 -c "import sys; sys.stdout.write('$header' + 'Regionstyrelsen' * 40 + '\n')" >"$T/wide/arenden/01.md"
run wide 0 "$T/wide/arenden/01.md:9:1: warning: a word is wider than the line and was broken between two characters"

# A figure file of 25 000 lines (24 999 rows under the header), the
# most the tables of one pack may have: some 625 pages of table.
meeting "$T/rows"
mkdir -p "$T/rows/figurer"
python3 -c "import sys; sys.stdout.write('M\u00e5nad;Kostnad\n' + ''.join('%d;%d,5\n' % (i, i) for i in range(24999 // $K)))" >"$T/rows/figurer/rader.csv"
printf '%b![](../figurer/rader.csv)\n' "$header" >"$T/rows/arenden/01.md"
run rows 0 ""

# The same figure placed 20 times: half a million rows, some 12 500
# pages and more than 1 GiB; the tables of a pack have at most 25 000
# rows.
cp -R "$T/rows" "$T/rows20"
python3 -c "import sys; sys.stdout.write('$header' + '![](../figurer/rader.csv)\n\n' * 20)" >"$T/rows20/arenden/01.md"
if [ $K -eq 1 ]; then
	# The same figure 20 times is also warned about as printed twice.
	ANY=1
	run rows20 1 "$T/rows20/arenden/01.md:11:1: error: with \"../figurer/rader.csv\" (25000 rows) the tables of the pack come to more than 25000 rows: place fewer or smaller figures"
	ANY=
fi

# What makes cmark slow, each near the size limit: unclosed link
# openers, backtick runs of every length, unclosed autolinks, a flat
# list of 50 000 items, emphasis openers that never close.
cmark_case() {	# name, python expression for the text
	meeting "$T/$1"
	python3 -c "import sys; sys.stdout.write('$header' + $2 + '\n')" >"$T/$1/arenden/01.md"
	run "$1" 0 ""
}
cmark_case links "'[a](' * (100000 // $K)"
cmark_case backticks "''.join('\`' * (i % 50 + 1) + 'a' for i in range(20000 // $K))"
cmark_case autolinks "'<http://a' * (50000 // $K)"
cmark_case flatlist "'- punkt\\n' * (50000 // $K)"
cmark_case emphasis "'**a ' * (100000 // $K)"

# 200 KB of language marks in one paragraph: each mark once copied the
# rest of the paragraph, 1.2 GB in all.
meeting "$T/langmarks"
python3 -c "import sys; sys.stdout.write('$header' + '[takk]{lang=nb} ' * (12500 // $K) + '\n')" >"$T/langmarks/arenden/01.md"
run langmarks 0 ""

# 800 KB of unclosed link openers: one word, broken between characters
# on some 7 000 lines; a line breaker that weighs every character
# against each one a line back takes seconds.
meeting "$T/brackets"
python3 -c "import sys; sys.stdout.write('$header' + '[a](' * (200000 // $K) + '\n')" >"$T/brackets/arenden/01.md"
run brackets 0 "$T/brackets/arenden/01.md:9:1: warning: a word is wider than the line and was broken between two characters"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
