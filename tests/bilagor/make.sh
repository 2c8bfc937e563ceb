#!/bin/sh
# Makes the PDF files "made elsewhere" that the sample meeting's cases
# link in their Beslutsunderlag, from the sources beside this script:
# a letter from the region's bus company (its own letterhead, two
# pages), the company's landscape summary of its interim report, a
# committee's protocol extract, and a motion (with its text, as the
# secretariat keeps it after text recognition).  The same motion as a
# scan (pictures of its pages, no text) goes to the check corpus
# (tests/check/pdf-scan/bilagor/motion.pdf).  The same sources and the same boardgen give the
# same files; the committed ones are inputs, like documents received,
# and need not follow every change of the writer.
#
#   sh tests/bilagor/make.sh [FOLDER]   (default: the sample's bilagor/)
#
# Needs gen/boardgen, pdftoppm (poppler-utils) and mutool (mupdf-tools).
set -e
cd "$(dirname "$0")/../.."
B=${BOARDGEN:-gen/boardgen}
S=tests/bilagor
M=content/regionstyrelsen/2026-12-08
OUT=${1:-$M/bilagor}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

# Template folders: the bundled templates with the report replaced by
# the sender's own look.
for v in protokoll liggande; do
	mkdir -p "$T/mall-$v"
	cp -R templates/. "$T/mall-$v/"
	cp "$S/mall-$v/rapport.xml" "$T/mall-$v/rapport.xml"
done
# The motion is a letter from councillors: no letterhead footer.
mkdir -p "$T/mall-motion"
cp -R templates/. "$T/mall-motion/"
sed '/<first-footer/,/<\/first-footer>/d' templates/brev.xml >"$T/mall-motion/brev.xml"
# Each sender's folder holds its profile; the motion has none.
mkdir -p "$T/region" "$T/lanstrafiken" "$T/motion" "$OUT"
cp "$M/organisation.xml" "$M/logo.png" "$S"/region/protokollsutdrag-*.md "$T/region/"
cp "$S"/lanstrafiken/* "$T/lanstrafiken/"
cp "$S"/region/motion-*.md "$T/motion/"

$B render "$T/lanstrafiken/skrivelse-2026-10-16.md" \
	-o "$OUT/skrivelse-norrbacka-lanstrafik-2026-10-16.pdf"
$B render --templates "$T/mall-liggande" "$T/lanstrafiken/delarsrapport-2026-09.md" \
	-o "$OUT/delarsrapport-norrbacka-lanstrafik-2026-09.pdf"
$B render --templates "$T/mall-protokoll" \
	"$T/region/protokollsutdrag-kollektivtrafiknamnden-2026-11-19.md" \
	-o "$OUT/protokollsutdrag-kollektivtrafiknamnden-2026-11-19-84.pdf"

$B render --templates "$T/mall-motion" "$T/motion/motion-laddstolpar-2025-11-25.md" \
	-o "$T/motion.pdf"
cp "$T/motion.pdf" "$OUT/motion-laddstolpar-2025-11-25.pdf"

# The scan: each page as a grey picture at 90 dpi, in a PDF of its own.
pdftoppm -r 90 -gray -png "$T/motion.pdf" "$T/scan"
pages=""
for png in "$T"/scan-*.png; do
	n=${png##*/scan-}
	n=${n%.png}
	printf '%%%%MediaBox 0 0 595.276 841.89\n%%%%Image Im0 %s\nq 595.276 0 0 841.89 0 0 cm /Im0 Do Q\n' \
		"$png" >"$T/page-$n.txt"
	pages="$pages $T/page-$n.txt"
done
mkdir -p tests/check/pdf-scan/bilagor
mutool create -o tests/check/pdf-scan/bilagor/motion.pdf $pages
ls -l "$OUT"
