#!/bin/sh
# Figure files (tests/regress/figures/): every known arithmetic error of
# conventions §6 is flagged with the exact message and position, the
# consistent versions pass, files that cannot be read unambiguously are
# errors.  The expected diagnostics are in figures/*.expected.  A build
# refuses a failed check unless --allow-failed-checks is given, and then
# marks the pack under the table and in its metadata.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}
F=tests/regress/figures
pass=0
fail=0

ok() {
	pass=$((pass + 1))
}
bad() {
	echo "FAIL $*"
	fail=$((fail + 1))
}

for d in checks unreadable reports; do
	$WRAP $B check "$F/$d" >/dev/null 2>"$T/fig-$d.err"
	st=$?
	[ $st -eq 1 ] && ok || bad "check $d: exit status $st, want 1"
	if diff -u "$F/$d.expected" "$T/fig-$d.err" >"$T/fig-$d.diff"; then
		ok
	else
		bad "check $d: diagnostics differ from $F/$d.expected"
		cat "$T/fig-$d.diff"
	fi
done

# The consistent tables give no message at all.
for f in total-ratt resultat-ratt procent-ratt forandring-tolerans-01 \
    varav beraknad excel; do
	if grep -q "/$f\." "$T/fig-checks.err"; then
		bad "$f: a consistent table was reported"
	else
		ok
	fi
done

# Tables from real reports: the right ones give no message.
for f in resultat-ratt andel-ratt kostnader-excel; do
	if grep -q "/$f\." "$T/fig-reports.err"; then
		bad "$f: a consistent table was reported"
	else
		ok
	fi
done
# Printed with the digits written: a sign and a space read, "−118"
# among "−363,9", a written plus kept, a range as written, each
# percentage with its own decimals.
$WRAP $B build "$F/reports" -o "$T/rep.pdf" --allow-failed-checks \
    >/dev/null 2>&1
if [ -f "$T/rep.pdf" ]; then
	pdftotext -layout "$T/rep.pdf" "$T/rep.txt"
	for w in "Avskrivningar +−118 +−102,6" "Finansnetto +−1,0 +−363,9" \
	    "Verksamhetens intäkter +\+2 164,7 +\+2 031,2" \
	    "Ortopedi +412 +388 +−24 +9–12" "Hud +310 +40–45 +−268 +4 ?– ?6" "Ögon +1 205 +\\? +\\+35 +20-26" \
	    "Fjällområdet +77 +81 +95 %" "Norra länsdelen +1 217 +1 633 +74,5 %" \
	    "Läkare +1 204 +52 % +3,1 %"; do
		grep -Eq "$w" "$T/rep.txt" && ok ||
		    bad "the pack does not print \"$w\" as written"
	done
else
	bad "build --allow-failed-checks wrote no pack of the reports"
fi

# build stops at a failed check and leaves no output.
rm -f "$T/fig.pdf"
$WRAP $B build "$F/checks" -o "$T/fig.pdf" >/dev/null 2>"$T/fig-build.err"
st=$?
[ $st -eq 1 ] && ok || bad "build: exit status $st, want 1"
[ ! -e "$T/fig.pdf" ] && ok || bad "build: wrote a pack despite failed checks"
grep -q "error: Total 135,5 ≠ 133,7" "$T/fig-build.err" && ok ||
    bad "build: the failed check is not reported"

# ...unless told to go on: warnings, and the pack says so.
$WRAP $B build "$F/checks" -o "$T/fig.pdf" --allow-failed-checks \
    >/dev/null 2>"$T/fig-allow.err"
st=$?
[ $st -eq 0 ] && ok || { bad "build --allow-failed-checks: exit $st"; cat "$T/fig-allow.err"; }
n=$(grep -c "warning: .* ≠ " "$T/fig-allow.err")
[ "$n" -eq 5 ] && ok || bad "build --allow-failed-checks: $n warnings, want 5"
if [ -f "$T/fig.pdf" ]; then
	qpdf --check "$T/fig.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check fails on the pack"
	pdftotext "$T/fig.pdf" "$T/fig.txt"
	# In Swedish on the page: the pack is a Swedish document.
	tr '\n' ' ' <"$T/fig.txt" | grep -q "Kontrollen stämmer inte: Total 135,5 ≠ 133,7 = summan av raderna 1–3 (tolerans 0,1)" &&
	    ok || bad "the pack does not show the failed check in Swedish"
	pdfinfo "$T/fig.pdf" | grep "^Subject:" | grep -q "underkända kontroller" &&
	    ok || bad "the pack's metadata does not mark the failed checks"
	# Computed cells: 1 250,0 − 1 200,0 and the sum of rows.
	grep -q "^50,0$" "$T/fig.txt" && ok || bad "computed difference missing"
	grep -q "^69,6$" "$T/fig.txt" && ok || bad "computed sum missing"
	# Windows-1252 read right, the chart's numbers after it.
	[ "$(grep -c "^Köpt vård$" "$T/fig.txt")" -ge 2 ] && ok ||
	    bad "Windows-1252 text or the chart's table is missing"
else
	bad "build --allow-failed-checks wrote no pack"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
