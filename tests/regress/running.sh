#!/bin/sh
# Running headers: braces in values are printed as written, and a slot
# too long for the line is shortened with "…" instead of running into
# the page numbers or past the margin.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}
R=tests/regress/running
$WRAP $B build $R -o "$T/running.pdf" >/dev/null || exit 1
qpdf --check "$T/running.pdf" >/dev/null 2>&1 || { echo "qpdf --check fails"; exit 1; }
# The items' header line (page 2, top 60 pt): the items run on, so it
# names the meeting, not an item.
head=$(pdftotext -f 2 -l 2 -y 0 -H 60 -W 900 -x 0 -layout "$T/running.pdf" - | tr -s ' ' | sed 's/^ //' | head -1)
echo "header: $head"
case "$head" in
"Region Norrbacka – Utskottet {page} {{x}} för hälso-"*"… Föredragningslista 1(1)") ;;
*) echo "header is not the shortened text with Föredragningslista 1(1)"; exit 1 ;;
esac
title=$(pdftotext -f 2 -l 2 -y 60 -H 60 -W 900 -x 0 "$T/running.pdf" - | head -1)
[ "$title" = "1. Avtal om {page} och {{x}} (RS/77/2026)" ] || { echo "title: $title"; exit 1; }
python3 - "$T/running.pdf" <<'PY' || exit 1
import re, subprocess, sys
html = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], check=True,
                      capture_output=True).stdout.decode()
bad = [m for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
       if float(m.group(1)) < 70.0 or float(m.group(2)) > 525.2]
if bad:
    print("%d words outside the margins" % len(bad)); sys.exit(1)
PY
echo "running header: braces kept, long text shortened within the margins"
