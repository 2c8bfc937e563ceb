#!/bin/sh
# Renders the same generated board pack with boardgen, Typst (the
# typst.ts Node compiler) and pandoc + WeasyPrint, and prints seconds
# (best of N runs), peak memory, pages and bytes side by side.  The text
# is tests/gen_meeting.py's pack of 42 cases with two tables each (about
# 200 pages in boardgen); convert.py writes it as Typst and Markdown.
# Installs what it needs first: the Debian packages pandoc, weasyprint
# and time, npm if missing, and the npm package into build/compare.
# It measures; it never fails on timing.
#   COMPARE_RUNS   runs per program (default 3)
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
RUNS=${COMPARE_RUNS:-3}
NM=build/compare

sh tests/install-deps.sh pandoc weasyprint time python3 poppler-utils ||
	exit 1
command -v npm >/dev/null 2>&1 || sh tests/install-deps.sh nodejs npm ||
	exit 1
if [ ! -d "$NM/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
	mkdir -p "$NM"
	[ -f "$NM/package.json" ] ||
		echo '{ "name": "boardgen-compare", "private": true }' \
		    >"$NM/package.json"
	(cd "$NM" && npm install --no-audit --no-fund --silent \
	    @myriaddreamin/typst-ts-node-compiler) || exit 1
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/boardgen-compare.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
python3 tests/gen_meeting.py "$T/m" 42 16 2
python3 tests/compare/convert.py "$T/m" "$T"
TYPST_JS=$(pwd)/tests/compare/typst.js
export NODE_PATH="$(pwd)/$NM/node_modules"

# timed FILE COMMAND...: appends "seconds peak-KiB" of one run to FILE.
timed() {
	f=$1
	shift
	/usr/bin/time -f "%e %M" -o "$T/one" "$@" >/dev/null 2>"$T/err" ||
	    { echo "failed: $*" >&2; cat "$T/err" >&2; return 1; }
	cat "$T/one" >>"$f"
}

boardgen() { timed "$1" $B build "$T/m" -o "$T/boardgen.pdf"; }
typst() { (cd "$T" && timed "$1" node "$TYPST_JS" pack.typ typst.pdf); }
weasy() {	# two programs: times add up, the peak is the larger
	: >"$T/w"
	(cd "$T" && timed "$T/w" pandoc pack.md -s --toc --toc-depth=1 \
	    -c pack.css -M toc-title=Föredragningslista -o pack.html &&
	    timed "$T/w" weasyprint pack.html weasyprint.pdf) || return 1
	awk '{ s += $1; if ($2 > m) m = $2 } END { print s, m }' "$T/w" \
	    >>"$1"
}

printf '%-22s %8s %9s %6s %10s\n' "" seconds "peak MiB" pages bytes
for prog in boardgen typst weasy; do
	: >"$T/$prog.runs"
	i=0
	while [ $i -lt "$RUNS" ]; do
		i=$((i + 1))
		$prog "$T/$prog.runs" || break
	done
	case $prog in
	boardgen) name="boardgen"; pdf=boardgen.pdf ;;
	typst) name="Typst (typst.ts)"; pdf=typst.pdf ;;
	weasy) name="pandoc + WeasyPrint"; pdf=weasyprint.pdf ;;
	esac
	if [ ! -s "$T/$prog.runs" ] || [ ! -f "$T/$pdf" ]; then
		printf '%-22s %s\n' "$name" "did not run"
		continue
	fi
	best=$(sort -n "$T/$prog.runs" | head -n 1)
	printf '%-22s %8s %9s %6s %10s\n' "$name" "${best% *}" \
	    "$(awk "BEGIN{printf \"%.0f\", ${best#* } / 1024}")" \
	    "$(pdfinfo "$T/$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" \
	    "$(wc -c <"$T/$pdf" | tr -d ' ')"
done
echo "(best of $RUNS runs; wall-clock seconds and peak resident memory;"
echo " the same text, each program's own page breaks; other work on the"
echo " machine adds noise)"
