#!/bin/sh
# make install honours PREFIX and DESTDIR, and the installed program
# finds its installed templates without being told where they are.
cd "$(dirname "$0")/../.." || exit 2
T=${TEST_TMP:-$(mktemp -d)}
make -s install PREFIX=/opt/bg DESTDIR="$T/root" >/dev/null || exit 1
for f in bin/boardgen share/boardgen/pack.xml share/boardgen/common.xml \
    share/boardgen/schema/meeting.rng share/boardgen/schema/template.rng \
    share/man/man1/boardgen.1 share/man/man5/boardgen.5; do
	[ -f "$T/root/opt/bg/$f" ] || { echo "not installed: $f"; exit 1; }
done
env -u BOARDGEN_TEMPLATES "$T/root/opt/bg/bin/boardgen" build \
    tests/regress/roundtrip -o "$T/installed.pdf" >/dev/null || exit 1
"$T/root/opt/bg/bin/boardgen" --version | grep -q '^boardgen [0-9]' || exit 1
echo "installed under DESTDIR/PREFIX and rendered with the installed templates"
