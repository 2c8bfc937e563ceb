#!/bin/sh
# Swedish, Norwegian and Sami text must come back out of the PDF
# character for character (only line breaks and added hyphens differ).
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}
R=tests/regress/roundtrip
$WRAP $B build $R -o "$T/roundtrip.pdf" || exit 1
qpdf --check "$T/roundtrip.pdf" >/dev/null 2>&1 || { echo "qpdf --check fails"; exit 1; }
# Page 1 is the cover; the item starts on page 2.  Crop away the running
# header and footer.
pdftotext -enc UTF-8 -f 2 -x 0 -y 60 -W 900 -H 720 "$T/roundtrip.pdf" "$T/roundtrip.txt" || exit 1
{ echo "1. Teckentest (RS/9999/2026)"; echo "Handläggare: Elin Sandström"; echo "Ärendebeskrivning"; cat $R/corpus.txt; } >"$T/want.txt"
python3 tests/roundtrip.py "$T/want.txt" "$T/roundtrip.txt"
