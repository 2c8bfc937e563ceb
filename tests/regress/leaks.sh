#!/bin/sh
# Ways secret material once reached the public outputs under another
# name or by another road, each tried on a copy of the sample meeting:
# a byte copy of a closed item's PDF file listed by an open item; a copy
# of its figure file placed by an open item; a secret register field
# with "&" in it, which a page writes "&amp;"; a case file with a hidden
# name made secret after a first site run; the program attached to a
# closed item.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/leaks
M=content/regionstyrelsen/2026-12-08
rm -rf "$T"
mkdir -p "$T"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
fresh() {	# a copy of the sample under $T/$1/regionstyrelsen/2026-12-08
	rm -rf "$T/$1"
	mkdir -p "$T/$1/regionstyrelsen"
	cp -R "$M" "$T/$1/regionstyrelsen/2026-12-08"
	C="$T/$1/regionstyrelsen/2026-12-08"
}
closed=arenden/22-krisberedskap-civilt-forsvar.md

# A copy of a closed item's PDF file, listed by an open item.
fresh pdfcopy
python3 tests/gen_text_pdf.py plain >"$C/bilagor/lagesbild.pdf"
cp "$C/bilagor/lagesbild.pdf" "$C/bilagor/kopia.pdf"
printf '\n# Beslutsunderlag\n\n- [Lägesbild 2026-11-20](../bilagor/lagesbild.pdf)\n' >>"$C/$closed"
sed -i 's|^- Tjänsteskrivelse 2026-11-17$|- Tjänsteskrivelse 2026-11-17\n- [Underlag 2026-11-20](../bilagor/kopia.pdf)|' "$C/arenden/21-borgensram-lanstrafiken.md"
$WRAP $B build --public "$C" -o "$T/p.pdf" 2>"$T/err" >/dev/null &&
    no "build --public published a copy of a closed item's PDF" || ok
grep -q "21-borgensram-lanstrafiken.md:[0-9]*:[0-9]*: error: item 21 lists \".*kopia.pdf\", a document of closed item 22" "$T/err" &&
    ok || no "the PDF copy: \"$(head -n 1 "$T/err")\""

# A copy of a closed item's figure file, placed by an open item.
fresh figcopy
fig=$(ls "$C/figurer" | grep '\.csv$' | head -n 1)
cp "$C/figurer/$fig" "$C/figurer/kopia.csv"
printf '\n![](../figurer/%s)\n' "$fig" >>"$C/$closed"
printf '\n![](../figurer/kopia.csv)\n' >>"$C/arenden/20-motion-laddstolpar.md"
$WRAP $B build --public "$C" -o "$T/p.pdf" 2>"$T/err" >/dev/null &&
    no "build --public published a copy of a closed item's figure" || ok
grep -q "20-motion-laddstolpar.md:[0-9]*:[0-9]*: error: this places the figure \"../figurer/kopia.csv\" of closed item 22" "$T/err" &&
    ok || no "the figure copy: \"$(grep -m 1 'kopia.csv' "$T/err")\""

# A secret sender with "&", named in open text: the page writes &amp;.
fresh amp
sed -i 's|<sender secret="OSL 25 kap. 1 §">Göran Lundmark, Storbacka</sender>|<sender secret="OSL 25 kap. 1 §">Göran \&amp; Lisa Lundmark, Storbacka</sender>|' "$C/register/inkomna.xml"
sed -i '0,/^# Ärendebeskrivning$/s||# Ärendebeskrivning\n\nSkrivelsen kom från Göran \& Lisa Lundmark, Storbacka.|' "$C/arenden/20-motion-laddstolpar.md"
$WRAP $B site "$T/amp" -o "$T/amp-site" --today 2026-12-01 -j 1 2>"$T/err" >/dev/null &&
    no "site published a secret sender written with &" || ok
grep -q "register/inkomna.xml:[0-9]*:[0-9]*: error: a secret register field would be published" "$T/err" &&
    ok || no "the & sender: \"$(grep -m 1 'error' "$T/err")\""
grep -rqs "Lisa Lundmark" "$T/amp-site" && no "the & sender is in the site" || ok

# A case file with a hidden name, made secret after the first site run:
# the second run must see the change and take the page down.
fresh hidden
mv "$C/arenden/20-motion-laddstolpar.md" "$C/arenden/.20-motion.md"
sed -i 's|arenden/20-motion-laddstolpar.md|arenden/.20-motion.md|' "$C/meeting.xml"
$WRAP $B site "$T/hidden" -o "$T/hidden-site" --today 2026-12-01 -j 1 >/dev/null 2>&1 ||
    no "site of the hidden case file failed"
[ -e "$T/hidden-site/regionstyrelsen/2026-12-08/arende-20.html" ] && ok ||
    no "the first site run wrote no page of item 20"
sed -i '0,/^kind: /s|^kind: \(.*\)$|kind: \1\nsekretess: OSL 19 kap. 3 §|' "$C/arenden/.20-motion.md"
$WRAP $B site "$T/hidden" -o "$T/hidden-site" --today 2026-12-01 -j 1 >/dev/null 2>&1 ||
    no "the second site run failed"
[ -e "$T/hidden-site/regionstyrelsen/2026-12-08/arende-20.html" ] &&
    no "the page of an item made secret is still up" || ok

# The program attached to a closed item: the public pack has it before
# the items, not behind the closed item's number and title.
fresh program
sed -i 's|<program file="program.xml"/>|<program file="program.xml" item="22"/>|' "$C/meeting.xml"
$WRAP $B build --public "$C" -o "$T/prog.pdf" >/dev/null 2>"$T/err" ||
    no "build --public with the program at a closed item: $(head -n 1 "$T/err")"
pdftotext "$T/prog.pdf" - 2>/dev/null | awk '/^Program för sammanträdesdagen/ && !p { p = NR } /^22\. Information om regionens krisberedskap/ { c = NR } END { exit !(p && c && p < c) }' &&
    ok || no "the program follows the closed item in the public pack"

echo "leaks: $pass passed, $fail failed"
[ $fail -eq 0 ]
