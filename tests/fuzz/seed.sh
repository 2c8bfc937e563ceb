#!/bin/sh
# Makes the seed corpus of each fuzz target (tests/fuzz/corpus/TARGET/)
# from the files of that kind in content/, templates/ and tests/.  Each
# seed is named by its SHA-1, as libFuzzer names inputs; files over
# 64 KiB are left out (the targets run a few thousand times a second on
# small inputs).  Run it again when tests gain inputs, and commit the
# result.
cd "$(dirname "$0")/../.." || exit 2
C=tests/fuzz/corpus

seed() {	# target, files...
	t=$1
	shift
	mkdir -p "$C/$t"
	for f in "$@"; do
		[ -f "$f" ] && [ ! -L "$f" ] || continue
		[ "$(wc -c <"$f")" -le 65536 ] || continue
		cp "$f" "$C/$t/$(sha1sum <"$f" | cut -c1-40)"
	done
}

rm -rf "$C"
seed casefile $(find content tests -path '*/arenden/*.md') tests/regress/roundtrip/*.md
seed document $(find content tests -path '*/handlingar/*.md')
seed csv $(find content tests -name '*.csv')
seed figure $(grep -l '<figure' $(find content tests -name '*.xml'))
seed manifest $(find content tests -name 'meeting.xml')
seed template templates/*.xml tests/unit/data/bad-template/*.xml
seed html $(find content tests -path "*/arenden/*.md")
seed pack $(find tests -path '*/arenden/*.md') \
    content/regionstyrelsen/2026-12-08/arenden/20-motion-laddstolpar.md \
    content/regionstyrelsen/2026-12-08/arenden/05-manadsrapport-oktober-2026.md \
    content/regionstyrelsen/2026-12-08/arenden/03-informationer.md
seed program $(find content tests -name 'program.xml')
seed organisation $(find content tests -name 'organisation.xml')
# A small TrueType font made for the purpose.
mkdir -p "$C/ttf"
python3 tests/fuzz/mkttf.py "$C/ttf/seed.ttf" &&
    mv "$C/ttf/seed.ttf" "$C/ttf/$(sha1sum <"$C/ttf/seed.ttf" | cut -c1-40)"
seed register $(find content tests -path '*/register/*.xml')
# Case files for the public view; for the personnummer search the same,
# and text with numbers that are one and numbers that only look so.
seed redact $(find content tests -path '*/arenden/*.md')
# One that places a register of its own, given after the line "\f".
r=content/regionstyrelsen/2026-12-08
{
	sed 's#register/inkomna.xml#register/fuzz.xml#' \
	    $r/arenden/15-anmalan-inkomna-handlingar.md
	printf '\f\n'
	cat $r/register/inkomna.xml
} >"$C/redact/register"
mv "$C/redact/register" \
    "$C/redact/$(sha1sum <"$C/redact/register" | cut -c1-40)"
# The case files for the JSON of a meeting; one of the sample's with a
# base address and PDF links.
seed oparl $(find content tests -path '*/arenden/*.md')
{
	echo 'base https://example.se/protokoll/'
	echo pdf
	cat $r/arenden/15-anmalan-inkomna-handlingar.md
} >"$C/oparl/base"
mv "$C/oparl/base" "$C/oparl/$(sha1sum <"$C/oparl/base" | cut -c1-40)"
seed pnr $(find content tests -path '*/arenden/*.md')
printf '%s\n' 'Säljaren 19800101-0001, 800101-0001, 198001010001,' \
    '8001010001; samordningsnummer 800161-0008 och 800161–0008.' \
    'Inga: 12-800101-0001, 800101-0001.5, 556677-8899, 16556677-8899.' \
    >"$C/pnr/numbers"
mv "$C/pnr/numbers" "$C/pnr/$(sha1sum <"$C/pnr/numbers" | cut -c1-40)"
# PDF files made elsewhere, and a small one made for the purpose.
seed external $(find content tests -name '*.pdf')
python3 tests/fuzz/mkpdf.py "$C/external/seed.pdf" &&
    mv "$C/external/seed.pdf" "$C/external/$(sha1sum <"$C/external/seed.pdf" | cut -c1-40)"
# The summaries the site keeps (needs gen/boardgen).
site=$(mktemp -d)
if gen/boardgen site content -o "$site/s" -j 1 >/dev/null 2>&1; then
	seed summary $(find "$site/s/.boardgen" -name '*.summary')
	seed opendata $(find "$site/s/.boardgen" -name '*.summary')
	# All of them in one input, with a base address.
	{
		echo 'base https://example.se/protokoll/'
		for f in $(find "$site/s/.boardgen" -name '*.summary' | sort); do
			printf '\f\n'
			cat "$f"
		done
	} >"$C/opendata/all"
	mv "$C/opendata/all" \
	    "$C/opendata/$(sha1sum <"$C/opendata/all" | cut -c1-40)"
else
	echo "seed.sh: gen/boardgen site failed: no summary seeds" >&2
fi
rm -rf "$site"
for d in "$C"/*; do
	echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"
done
