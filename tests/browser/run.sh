#!/bin/sh
# Builds the site of content/ and tests it in Debian's chromium with
# playwright-core and axe-core (tests/browser/site.test.mjs).  Installs
# what it needs: the Debian packages chromium and nodejs (and npm if the
# nodejs package does not bring it), then the npm modules pinned in
# package-lock.json.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/browser
sh tests/install-deps.sh chromium nodejs || exit 1
command -v npm >/dev/null 2>&1 || sh tests/install-deps.sh npm || exit 1
if [ ! -f tests/browser/node_modules/.package-lock.json ] ||
    ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.installed-lock.json; then
	(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
	    cp package-lock.json node_modules/.installed-lock.json) || { echo "browser: npm ci failed"; exit 1; }
fi
rm -rf "$T" && mkdir -p "$T" || exit 2
# The day after the sample's protocol was announced (posted 2026-12-16):
# the noticeboard has its notice up, the decisions are published.
$B site content -o "$T/site" --today 2026-12-17 --pdf >/dev/null 2>"$T/err" || { cat "$T/err"; echo "browser: site failed"; exit 1; }
# The checker catches faults: grey text and no lang must be violations.
cp -R "$T/site" "$T/spoilt" && sed -i 's/color:#1b1b1b/color:#aaaaaa/' "$T/spoilt/stil.css" &&
    sed -i 's/<html lang="sv">/<html>/' "$T/spoilt/index.html" || exit 2
node tests/browser/site.test.mjs "$T/spoilt" --expect-violations || { echo "browser: axe missed the faults"; exit 1; }
node tests/browser/site.test.mjs "$T/site"
