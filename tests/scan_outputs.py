#!/usr/bin/env python3
"""An independent search of written files for Swedish personal identity
numbers, to check what boardgen publishes: PDF files through pdftotext
(poppler) and their string objects and XMP through pikepdf, everything else as text
with HTML character references and JSON escapes decoded; all of it
NFKC-normalised, format characters removed, dashes and spaces folded.
A hit is a real date (day + 60 for a samordningsnummer) and four digits
that stand alone: with '-' or '+' before the last four whatever the
check digit, run together or with spaces only with a matching one.

    python3 tests/scan_outputs.py FILE_OR_FOLDER...

Prints each hit as "file: digits" and exits 1 if there is any."""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u058a\u2e3a\u2e3b\ufe58\ufe63\uff0d\u2043\u2e17\u30fc"


def fold(s):
    s = unicodedata.normalize("NFKC", s)
    out = []
    for c in s:
        cat = unicodedata.category(c)
        if c in DASHES:
            out.append("-")
        elif cat == "Cf" or c in "\u00ad\u034f\u180e\ufeff" or 0xFE00 <= ord(c) <= 0xFE0F:
            continue
        elif cat == "Zs" or c in "\t\n\r\f\v\u2028\u2029":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def luhn(d):
    s = 0
    for i, ch in enumerate(d):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        s += v - 9 if v > 9 else v
    return s % 10 == 0


def real_date(yymmdd, century):
    y, m, d = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    if d > 60:
        d -= 60
    if not 1 <= m <= 12 or d < 1:
        return False
    dim = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    if m == 2:
        year = century * 100 + y if century is not None else y
        leap = year % 4 == 0 and (century is None or year % 100 != 0 or year % 400 == 0)
        dim = 29 if leap else 28
    return d <= dim


PAT = re.compile(r"(?<![\d])(?<![\d][-+./,:])((?:18|19|20)?\d{6})( {0,2}(?:\+|-{1,2})? {0,2})(\d{4})(?![\d])(?![-+./,:]\d)")


def hits(text):
    text = fold(text)
    for m in PAT.finditer(text):
        date, sep, serial = m.group(1), m.group(2), m.group(3)
        century = int(date[:2]) if len(date) == 8 else None
        ten = date[-6:] + serial
        if not real_date(date[-6:], century):
            continue
        hard = "-" in sep or "+" in sep
        if hard or luhn(ten):
            yield m.group(0)


def pdf_strings(path):
    """Every string object of the file, and its XMP."""
    import pikepdf
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            yield from strings_in(obj, 0)
        yield from strings_in(pdf.trailer, 0)
        if "/Metadata" in pdf.Root:
            yield pdf.Root.Metadata.read_bytes().decode("utf-8", "replace")


def strings_in(obj, depth):
    import pikepdf
    if depth > 30:
        return
    if isinstance(obj, pikepdf.String):
        yield str(obj)
    elif isinstance(obj, pikepdf.Array):
        for o in obj:
            if not getattr(o, "is_indirect", False):
                yield from strings_in(o, depth + 1)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for k in obj.keys():
            o = obj[k]
            if not getattr(o, "is_indirect", False):
                yield from strings_in(o, depth + 1)


def texts(path):
    if path.endswith(".pdf"):
        yield subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True).stdout.decode("utf-8", "replace")
        yield subprocess.run(["pdftotext", "-q", "-raw", path, "-"], capture_output=True).stdout.decode("utf-8", "replace")
        yield "\n".join(pdf_strings(path))
        return
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8", "replace")
    yield raw
    yield html.unescape(re.sub(r"<[^>]*>", "", raw))
    yield " ".join(re.findall(r'"([^"]*)"', raw))
    if path.endswith(".json"):
        try:
            yield json.dumps(json.loads(raw), ensure_ascii=False)
        except ValueError:
            pass


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                for n in sorted(names):
                    yield os.path.join(root, n)
        else:
            yield a


def main():
    found = 0
    for path in files(sys.argv[1:]):
        for h in hits(os.path.basename(path)):
            print(f"{path}: {h} (file name)")
            found += 1
        for t in texts(path):
            for h in hits(t):
                print(f"{path}: {h}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
