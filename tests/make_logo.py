#!/usr/bin/env python3
"""Makes the sample organisation's logo (content/.../logo.png).

The logo is drawn as vectors in a small PDF (a mountain mark and the
name in the standard sans-serif bold) and rendered with pdftoppm at
600 dpi at the size the templates print it (42 x 14 mm), so it prints
sharp: at least 300 dpi is what print needs.

Usage: make_logo.py OUT.png
"""
import os
import subprocess
import sys
import tempfile

W_MM, H_MM, DPI = 42, 14, 600
W, H = W_MM / 25.4 * 72, H_MM / 25.4 * 72
BLUE = "0.122 0.306 0.475"      # #1f4e79
GREEN = "0.180 0.490 0.357"     # #2e7d5b


def rounded(x0, y0, x1, y1, r):
    k = 0.5523 * r
    return (f"{x0 + r} {y0} m {x1 - r} {y0} l "
            f"{x1 - r + k} {y0} {x1} {y0 + r - k} {x1} {y0 + r} c "
            f"{x1} {y1 - r} l {x1} {y1 - r + k} {x1 - r + k} {y1} {x1 - r} {y1} c "
            f"{x0 + r} {y1} l {x0 + r - k} {y1} {x0} {y1 - r + k} {x0} {y1 - r} c "
            f"{x0} {y0 + r} l {x0} {y0 + r - k} {x0 + r - k} {y0} {x0 + r} {y0} c h")


s = 37.0   # the mark's side
y0 = (H - s) / 2
ops = [
    f"{BLUE} rg", rounded(1, y0, 1 + s, y0 + s, 5), "f",
    # The mark's inside, clipped: two white peaks, a green band.
    "q", rounded(1, y0, 1 + s, y0 + s, 5), "W n",
    f"1 1 1 rg 1 {y0 + 11} m 14 {y0 + 31} l 22 {y0 + 21} l 27 {y0 + 26} l "
    f"{1 + s} {y0 + 11} l {1 + s} {y0 + 9} l 1 {y0 + 9} l h f",
    f"{GREEN} rg 1 {y0 + 5.5} {s} 3.5 re f",
    "Q",
    f"BT /F1 13.2 Tf {BLUE} rg 44 {H / 2 + 2.5} Td (REGION) Tj ET",
    f"BT /F1 10.9 Tf {GREEN} rg 44 {H / 2 - 10.5} Td (NORRBACKA) Tj ET",
]
content = "\n".join(ops).encode()
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W:.3f} {H:.3f}] "
     f"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>").encode(),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
pdf = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)

out = sys.argv[1]
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "logo.pdf")
    with open(src, "wb") as f:
        f.write(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-aa", "yes",
                    "-aaVector", "yes", src, os.path.join(d, "logo")], check=True)
    os.replace(os.path.join(d, "logo.png"), out)
