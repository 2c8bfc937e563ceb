#!/usr/bin/env python3
"""Writes a small PDF (a seed of the external fuzz target): two pages,
one inheriting its MediaBox, a font in its resources, a compressed
content stream.  Usage: mkpdf.py OUT.pdf"""
import sys
import zlib

content = zlib.compress(b'BT /F1 12 Tf 72 720 Td (Bilaga) Tj ET')
objs = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 '
    b'/MediaBox [0 0 595 842] >>',
    b'<< /Type /Page /Parent 2 0 R /Contents 5 0 R '
    b'/Resources << /Font << /F1 6 0 R >> >> >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Rotate 90 '
    b'/CropBox [10 10 832 585] /Contents 5 0 R >>',
    b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(content) +
    content + b'\nendstream',
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
]
out = b'%PDF-1.7\n'
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
    len(objs) + 1, xref)
with open(sys.argv[1], 'wb') as f:
    f.write(out)
