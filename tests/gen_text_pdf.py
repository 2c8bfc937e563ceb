#!/usr/bin/env python3
"""Writes to stdout a PDF file of one page whose text shows a
personal identity number drawn out of reading order, as a reader of
the page sees it and a reader of the content stream does not:

    gen_text_pdf.py [--pad BYTES] pieces | glyphs | unmapped | plain

pieces: "811218-" and "9876" shown by two operators, the right-hand
        piece first;
glyphs: the ten digits shown by one operator, right to left: the
        character spacing moves each one back two widths, so the
        string is written reversed;
unmapped: the number in a font (a subset, as many programs write
        them) whose glyphs have made-up names and no Unicode map:
        what it shows cannot be told from the file;
plain:  a line of text and no number.
--pad:  a comment of that many bytes before the cross-reference
        table (a file of that size that reads quickly).
"""
import sys

SIZE = 11
DIGIT = 556          # Helvetica's digits, 1/1000 em
HYPHEN = 333


def page(kind):
    text = "BT /F1 11 Tf 72 760 Td (Skrivelse fr\\345n bolaget) Tj ET\n"
    if kind == "pieces":
        left = 72 + (6 * DIGIT + HYPHEN) * SIZE / 1000
        text += "BT /F1 11 Tf %.3f 700 Td (9876) Tj ET\n" % left
        text += "BT /F1 11 Tf 72 700 Td (811218-) Tj ET\n"
    elif kind == "glyphs":
        w = DIGIT * SIZE / 1000
        text += "BT /F1 11 Tf %.3f Tc %.3f 700 Td (%s) Tj ET\n" % (
            -2 * w, 72 + 9 * w, "8112189876"[::-1])
    elif kind == "unmapped":
        text += "BT /F2 11 Tf 72 700 Td (811218-9876) Tj ET\n"
    elif kind != "plain":
        sys.exit("gen_text_pdf.py: pieces, glyphs, unmapped or plain")
    return text.encode("latin-1")


def main():
    widths = " ".join(str(HYPHEN if c == 45 else 278 if c == 32 else DIGIT)
                      for c in range(32, 256))
    args = sys.argv[1:]
    pad = 0
    if args[:1] == ["--pad"]:
        pad = int(args[1])
        args = args[2:]
    content = page(args[0] if args else "")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> "
        b"/Contents 5 0 R >>",
        ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
         "/Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 "
         "/Widths [%s] >>" % widths).encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content +
        b"\nendstream",
        ("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Helvetica "
         "/FirstChar 32 /LastChar 255 /Widths [%s] /Encoding << "
         "/Differences [45 %s] >> >>" % (widths, " ".join(
             "/glyph%d" % k for k in range(1, 14)))).encode(),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    if pad > 0:
        out += b"%" + b"x" * (pad - 2) + b"\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    sys.stdout.buffer.write(out)


main()
