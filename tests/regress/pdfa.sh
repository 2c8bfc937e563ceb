#!/bin/sh
# PDF/A-2b parts of the output that can be checked without a validator:
# the XMP metadata parses as XML and agrees with the Info dictionary
# (title with "&", "<", ">", quotes and "å"), pdfaid 2/B, dates with
# time zone; the sRGB OutputIntent with its ICC profile (/N 3); the
# trailer /ID (two equal strings, from the content, not the clock);
# on a meeting pack and on a letter rendered alone;
# link annotations printable (/F 4); every font embedded; no
# encryption or JavaScript; qpdf --check; identical bytes when built
# again a little later with the same SOURCE_DATE_EPOCH.
cd "$(dirname "$0")/../.." || exit 2
B=${BOARDGEN:-gen/boardgen}
T=${TEST_TMP:-$(mktemp -d)}/pdfa
M=content/regionstyrelsen/2026-12-08
mkdir -p "$T" || exit 2
fail=0
pass=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# A meeting whose names need escaping in XML and UTF-16 in the PDF.
mkdir -p "$T/tiny/arenden"
cat >"$T/tiny/meeting.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<meeting date="2026-12-08">
  <organisation>Region Exempel &amp; "Söder"</organisation>
  <body>Nämnden för hälsa &amp; vård &lt;x&gt; "å"</body>
  <session start="08.30" end="12.00" place="Hörsalen" open="yes"/>
  <secretary name="Karin Ek" email="karin.ek@example.se"/>
  <agenda>
    <case file="arenden/01.md"/>
  </agenda>
</meeting>
XML
cat >"$T/tiny/arenden/01.md" <<'MD'
---
dnr: RS/1/2026
title: Information om vården & <omsorgen>
kind: information
---

# Ärendebeskrivning

Mer finns på [webbplatsen](https://example.se/a?b=1&c=2).
MD

# check PDF TITLE AUTHOR ISODATE MINLINKS: the checks on one file.
check() {
	if ! qpdf --check "$1" >"$T/qpdf.out" 2>&1; then
		bad "$1: qpdf --check"; sed -n 1,5p "$T/qpdf.out"; return
	fi
	ok
	# pdffonts: column "emb" is the third from the right of "uni".
	if pdffonts "$1" | awk 'NR > 2 && $(NF - 4) != "yes" { n++ }
	    NR > 2 { all++ } END { exit !(all > 0 && n == 0) }'; then
		ok
	else
		bad "$1: a font is not embedded"; pdffonts "$1"
	fi
	if head -c 15 "$1" | python3 -c '
import sys
h = sys.stdin.buffer.read()
sys.exit(not (h.startswith(b"%PDF-1.") and h[9:10] == b"%" and
    all(c >= 128 for c in h[10:14])))'; then
		ok
	else
		bad "$1: header is not %PDF-1.n and a binary comment"
	fi
	qpdf --json=2 --json-key=qpdf --json-stream-data=inline \
	    --decode-level=none "$1" >"$T/json" || { bad "$1: qpdf --json"; return; }
	if python3 - "$T/json" "$2" "$3" "$4" "$5" <<'PY'
import base64, json, re, sys, zlib
import xml.etree.ElementTree as ET

path, title, author, date, minlinks = sys.argv[1:]
q = json.load(open(path))["qpdf"][1]
errors = []

def obj(ref):
    return q["obj:" + ref] if isinstance(ref, str) and ref.endswith(" R") else {"value": ref}

def text(v):
    if not (isinstance(v, str) and v.startswith("u:")):
        errors.append("not a text string: %r" % (v,))
        return None
    return v[2:]

trailer = q["trailer"]["value"]
root = obj(trailer["/Root"])["value"]
info = obj(trailer["/Info"])["value"]

if "/Encrypt" in trailer:
    errors.append("encrypted")
ids = trailer.get("/ID")
if not (isinstance(ids, list) and len(ids) == 2 and ids[0] == ids[1] and
        re.fullmatch("b:[0-9a-f]{32}", ids[0]) and ids[0] != "b:" + "0" * 32):
    errors.append("trailer /ID is not two equal 16-byte strings: %r" % (ids,))

# XMP
md = obj(root.get("/Metadata", "none"))
sd = md.get("stream", {}).get("dict", {})
if sd.get("/Type") != "/Metadata" or sd.get("/Subtype") != "/XML" or "/Filter" in sd:
    errors.append("/Metadata is not an uncompressed XML metadata stream: %r" % (sd,))
raw = base64.b64decode(md["stream"]["data"])
xmp = raw.decode("utf-8")
x = ET.fromstring(xmp)
ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
XL = "{http://www.w3.org/XML/1998/namespace}lang"
desc = x.find("rdf:RDF/rdf:Description", ns)

def one(p):
    e = desc.findall(p, ns)
    if len(e) != 1:
        errors.append("XMP: %d of %s" % (len(e), p))
        return None
    return e[0].text

def alt(p):
    e = desc.findall(p + "/rdf:Alt/rdf:li", ns)
    if len(e) != 1 or e[0].get(XL) != "x-default":
        errors.append("XMP: %s is not one x-default alternative" % p)
        return None
    return e[0].text

def same(what, a, b):
    if a != b:
        errors.append("%s: %r != %r" % (what, a, b))

same("Info /Title", text(info.get("/Title")), title)
same("XMP dc:title", alt("dc:title"), title)
same("Info /Author", text(info.get("/Author")), author)
same("XMP dc:creator", one("dc:creator/rdf:Seq/rdf:li"), author)
same("XMP dc:description", alt("dc:description"), text(info.get("/Subject")))
same("XMP xmp:CreatorTool", one("xmp:CreatorTool"), text(info.get("/Creator")))
same("XMP pdf:Producer", one("pdf:Producer"), text(info.get("/Producer")))
same("XMP dc:language", one("dc:language/rdf:Bag/rdf:li"), text(root.get("/Lang")))
same("pdfaid:part", one("pdfaid:part"), "2")
same("pdfaid:conformance", one("pdfaid:conformance"), "B")
for k in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
    same(k, one(k), date)
m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00", date)
pdfdate = "D:%s%s%s%s%s%s+00'00'" % m.groups()
for k in ("/CreationDate", "/ModDate"):
    same("Info " + k, text(info.get(k)), pdfdate)

# OutputIntent and its profile
ois = root.get("/OutputIntents")
if not (isinstance(ois, list) and len(ois) == 1):
    errors.append("/OutputIntents: %r" % (ois,))
else:
    oi = obj(ois[0])["value"]
    same("OutputIntent /S", oi.get("/S"), "/GTS_PDFA1")
    if not text(oi.get("/OutputConditionIdentifier")):
        errors.append("OutputIntent without /OutputConditionIdentifier")
    prof = obj(oi.get("/DestOutputProfile", "none"))
    same("ICC /N", prof["stream"]["dict"].get("/N"), 3)
    icc = base64.b64decode(prof["stream"]["data"])
    if prof["stream"]["dict"].get("/Filter") in ("/FlateDecode", ["/FlateDecode"]):
        icc = zlib.decompress(icc)
    if icc[36:40] != b"acsp" or icc[16:20] != b"RGB ":
        errors.append("DestOutputProfile is not an RGB ICC profile")

# Annotations printable, no JavaScript anywhere
links = 0
for k, v in q.items():
    d = v.get("value", v.get("stream", {}).get("dict"))
    if not isinstance(d, dict):
        continue
    if "/JS" in d or d.get("/S") == "/JavaScript":
        errors.append("%s: JavaScript" % k)
    if d.get("/Type") == "/Annot" or "/Subtype" in d and d.get("/Subtype") == "/Link":
        links += 1
        if d.get("/F") != 4:
            errors.append("%s: annotation /F is %r, not 4" % (k, d.get("/F")))
if links < int(minlinks):
    errors.append("%d link annotations, expected at least %s" % (links, minlinks))

for e in errors[:10]:
    print("  " + e)
sys.exit(1 if errors else 0)
PY
	then
		ok
	else
		bad "$1: PDF/A metadata, output intent, ID or annotations"
	fi
}

id() { qpdf --show-object=trailer "$1" | sed -n 's/.*\/ID \[ <\([0-9a-f]*\)>.*/\1/p'; }

# The sample with SOURCE_DATE_EPOCH (2025-12-08 08:00 UTC), twice with
# the clock moving in between: identical bytes.
E=1765180800
SOURCE_DATE_EPOCH=$E $WRAP $B build $M -o "$T/s1.pdf" >/dev/null 2>&1 || bad "build $M"
sleep 2
SOURCE_DATE_EPOCH=$E $WRAP $B build $M -o "$T/s2.pdf" >/dev/null 2>&1 || bad "build $M again"
if cmp -s "$T/s1.pdf" "$T/s2.pdf"; then ok; else bad "two builds 2 s apart differ"; fi
check "$T/s1.pdf" "Kallelse Regionstyrelsen 2026-12-08" "Region Norrbacka" \
    2025-12-08T08:00:00+00:00 20

# Without SOURCE_DATE_EPOCH: midnight UTC of the meeting date.
env -u SOURCE_DATE_EPOCH $WRAP $B build "$T/tiny" -o "$T/t1.pdf" >/dev/null 2>&1 ||
    bad "build tiny"
check "$T/t1.pdf" 'Kallelse Nämnden för hälsa & vård <x> "å" 2026-12-08' \
    'Region Exempel & "Söder"' 2026-12-08T00:00:00+00:00 1

# A single document (a letter) rendered on its own; the title's
# straight quotes become typographic ones.
cp -R tests/regress/documents/meeting "$T/docs"
sed 's/^title: .*/title: Svar \& <begäran> om "vårdplatser"/' \
    tests/regress/documents/meeting/handlingar/brev-ivo.md \
    >"$T/docs/handlingar/brev-ivo.md"
env -u SOURCE_DATE_EPOCH $WRAP $B render "$T/docs/handlingar/brev-ivo.md" \
    -o "$T/letter.pdf" >/dev/null 2>&1 || bad "render letter"
check "$T/letter.pdf" 'Svar & <begäran> om ”vårdplatser”' \
    'Region Norrbacka' 2027-02-09T00:00:00+00:00 0

# The protocol: dated by its justering (2026-12-15) without
# SOURCE_DATE_EPOCH; and the public protocol as the site writes it.
env -u SOURCE_DATE_EPOCH $WRAP $B protocol $M -o "$T/protocol.pdf" >/dev/null 2>&1 ||
    bad "protocol $M"
check "$T/protocol.pdf" "Protokoll Regionstyrelsen 2026-12-08" "Region Norrbacka" \
    2026-12-15T00:00:00+00:00 0
env -u SOURCE_DATE_EPOCH $WRAP $B protocol --public $M -o "$T/protocol-public.pdf" >/dev/null 2>&1 ||
    bad "protocol --public $M"
check "$T/protocol-public.pdf" "Protokoll Regionstyrelsen 2026-12-08" "Region Norrbacka" \
    2026-12-15T00:00:00+00:00 0

# The ID follows the content: another date, another ID; the same
# content, the same ID.
SOURCE_DATE_EPOCH=$E $WRAP $B build "$T/tiny" -o "$T/t2.pdf" >/dev/null 2>&1 ||
    bad "build tiny with SOURCE_DATE_EPOCH"
i1=$(id "$T/t1.pdf"); i2=$(id "$T/t2.pdf"); i3=$(id "$T/s1.pdf"); i4=$(id "$T/s2.pdf")
if [ -n "$i1" ] && [ -n "$i2" ] && [ "$i1" != "$i2" ] && [ "$i3" = "$i4" ] &&
    [ "$i1" != "$i3" ]; then
	ok
else
	bad "IDs do not follow the content: $i1 $i2 $i3 $i4"
fi

echo "pdfa: $pass passed, $fail failed"
[ $fail -eq 0 ]
