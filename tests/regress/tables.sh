#!/bin/sh
# A 300-row table written to PDF by the table unit test: every row once,
# the header rows and the "(forts.)" caption on every page, every word
# (pdftotext -bbox) inside its cell's box.
cd "$(dirname "$0")/../.." || exit 2
U=${UNIT_DIR:-tests/unit}
T=${TEST_TMP:-$(mktemp -d)}/tables
mkdir -p "$T" || exit 2
[ -x "$U/table_test" ] || { echo "tables: $U/table_test not built"; exit 1; }
TEST_TMP=$T $WRAP "$U/table_test" >"$T/unit.log" 2>&1 ||
	{ cat "$T/unit.log"; echo "tables: the unit test failed"; exit 1; }
[ -s "$T/table.pdf" ] && [ -s "$T/table.cells" ] ||
	{ echo "tables: no table.pdf or table.cells written"; exit 1; }
qpdf --check "$T/table.pdf" >"$T/qpdf.log" 2>&1 ||
	{ cat "$T/qpdf.log"; echo "tables: qpdf --check fails"; exit 1; }
python3 tests/check_table.py "$T/table.pdf" "$T/table.cells" 300
# Its 300 rows over pages: two body rows at least on every page.
PY=python3
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pikepdf' 2>/dev/null; then PY=$p; break; fi
done
$PY tests/check_sample_tables.py "$T/table.pdf" >"$T/split.log" 2>&1 ||
	{ cat "$T/split.log"; echo "tables: a page holds too few rows"; exit 1; }
grep -q "(1 split over pages): 0 faults" "$T/split.log" ||
	{ cat "$T/split.log"; echo "tables: the long table is not split"; exit 1; }
echo "tables: checked"
