#!/usr/bin/env python3
"""Writes to stdout a PDF file of one page whose text shows a
personal identity number drawn out of reading order, as a reader of
the page sees it and a reader of the content stream does not:

    gen_text_pdf.py [--pad BYTES] pieces | glyphs | rotated | unmapped |
                    plain | pagesplit | scanpage

pieces: "811218-" and "9876" shown by two operators, the right-hand
        piece first;
glyphs: the ten digits shown by one operator, right to left: the
        character spacing moves each one back two widths, so the
        string is written reversed;
rotated: the number turned a quarter along the right margin, each
        character shown by an operator of its own, in shuffled order;
unmapped: the number in a font (a subset, as many programs write
        them) whose glyphs have made-up names and no Unicode map:
        what it shows cannot be told from the file;
plain:  a line of text and no number;
pagesplit: two pages, "811218-" at the foot of the first and "9876"
        at the head of the second;
scanpage: two pages, the second only an image (a scanned enclosure).
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
    elif kind == "rotated":
        w = DIGIT * SIZE / 1000
        chars = list("8112189876")
        order = [3, 7, 0, 9, 5, 1, 8, 2, 6, 4]
        for k in order:
            # Turned counter-clockwise: reading goes up the page.
            text += "BT /F1 11 Tf 0 1 -1 0 560 %.3f Tm (%s) Tj ET\n" % (
                300 + k * w, chars[k])
    elif kind == "unmapped":
        text += "BT /F2 11 Tf 72 700 Td (811218-9876) Tj ET\n"
    elif kind != "plain":
        sys.exit("gen_text_pdf.py: pieces, glyphs, unmapped or plain")
    return text.encode("latin-1")


def page_two(kind):
    if kind == "pagesplit":
        return b"BT /F1 11 Tf 72 800 Td (9876) Tj ET\n"
    if kind == "scanpage":
        return b"q 200 0 0 50 72 700 cm /Im1 Do Q\n"
    return None


def main():
    widths = " ".join(str(HYPHEN if c == 45 else 278 if c == 32 else DIGIT)
                      for c in range(32, 256))
    args = sys.argv[1:]
    pad = 0
    if args[:1] == ["--pad"]:
        pad = int(args[1])
        args = args[2:]
    kind = args[0] if args else ""
    if kind == "pagesplit":
        content = (b"BT /F1 11 Tf 72 760 Td (Skrivelse) Tj ET\n"
                   b"BT /F1 11 Tf 72 40 Td (Personnummer 811218-) Tj ET\n")
    elif kind == "scanpage":
        content = page("plain")
    else:
        content = page(kind)
    second = page_two(kind)
    kids = b"[3 0 R 8 0 R] /Count 2" if second else b"[3 0 R] /Count 1"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" >>",
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
    # 7: an image of grey noise; 8, 9: the second page and its content.
    img = bytes((i * 37 + i // 200 * 11) % 256 for i in range(200 * 50))
    objs.append(b"<< /Type /XObject /Subtype /Image /Width 200 /Height 50 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\n"
                b"stream\n" % len(img) + img + b"\nendstream")
    if second:
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 7 0 R "
                    b">> >> /Contents 9 0 R >>")
        objs.append(b"<< /Length %d >>\nstream\n" % len(second) + second +
                    b"\nendstream")
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
