#!/bin/sh
# Official references ("SOU 2017:77", "prop. 2016/17:180", "SFS
# 2017:725", "RS/1119/2017", "Fi2017/03541/K", ...) and names with a
# hyphen ("Lars-Erik") are never broken across lines, at a space, at the
# hyphen or hyphenated inside.  A letter full of them is set in a column
# of 55 mm (the bundled letter template with a wide right margin), and
# tests/check_nobreak.py reads the lines back from the words' boxes
# (pdftotext -bbox).  It also asks that at least 30 of them start or end
# a line, so that the fixture does put them where a break would fall.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/nobreak
mkdir -p "$T"
rm -rf "$T/templates"
cp -R templates "$T/templates"
# The header block's two columns and the address block's indent do not
# fit the narrow column: left out, the text is the same.
python3 - "$T/templates/brev.xml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('margin-left="25mm" margin-right="25mm"',
              'margin-left="25mm" margin-right="130mm"')
s = re.sub(r'indent-left="[0-9]+mm"', 'indent-left="0mm"', s)
s = re.sub(r'<grid .*?</grid>', '', s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
n=1
fail=0
if ! $WRAP $B render tests/regress/nobreak/handlingar/referenser.md \
    -o "$T/nobreak.pdf" --templates "$T/templates" >/dev/null 2>"$T/err"; then
	cat "$T/err"
	fail=1
elif ! python3 tests/check_nobreak.py --min 30 "$T/nobreak.pdf" \
    "SOU 2017:77" "Ds 2017:12" "prop. 2016/17:180" "bet. 2016/17:FiU20" \
    "rskr. 2016/17:300" "SFS 2017:725" "RS/1119/2017" "Fi2017/03541/K" \
    "Lars-Erik" "Anna-Karin" "Gunnel-Marie" "Nord-Trøndelag" >"$T/out"; then
	cat "$T/out"
	fail=1
fi
echo "nobreak: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
