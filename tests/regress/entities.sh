#!/bin/sh
# The named character references the personnummer scan of the inputs
# decodes (gen/util/entities.h) are every one cmark decodes: the table
# is what tests/gen_entities.py makes from Python's list of HTML5's
# references, and must still be.
cd "$(dirname "$0")/../.." || exit 2
T=${TEST_TMP:-$(mktemp -d)}
if ! python3 tests/gen_entities.py >"$T/entities.h"; then
	echo "FAIL tests/gen_entities.py did not run"
	echo "0 passed, 1 failed"
	exit 1
fi
if ! cmp -s "$T/entities.h" gen/util/entities.h; then
	echo "FAIL gen/util/entities.h is not what tests/gen_entities.py makes"
	echo "0 passed, 1 failed"
	exit 1
fi
n=$(grep -c '^	{ "' gen/util/entities.h)
if [ "$n" -lt 2000 ]; then
	echo "FAIL gen/util/entities.h has $n references, HTML5 has 2125"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "entities: 2 passed, 0 failed"
