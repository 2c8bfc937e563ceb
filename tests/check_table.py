#!/usr/bin/env python3
"""Checks a PDF of a long table against the cell boxes its layout gave.

usage: check_table.py TABLE.pdf TABLE.cells ROWS

TABLE.cells has one line per cell and page: page, row, column, the box
inside the padding (x0 y0 x1 y1, PDF points, y up) and the cell's text.
The table has two header rows (the second starting with "Enhet"), data
rows "Vårdenhet N ..." for N = 1..ROWS and the caption "Tabell 1. ...".

- every data row's text appears exactly once in the whole PDF;
- both header rows and the caption are on every page, the caption
  marked "(forts.)" on every page but the first;
- every word (glyph box from pdftotext -bbox) inside the table lies
  within one cell's box, and the words in each cell's box are the
  cell's text, in order.
Prints one line per problem and exits 1 if there is any.
"""
import collections
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

TOL = 0.05          # pt: pdftotext prints boxes rounded to 0.01
problems = []


def problem(msg):
    if len(problems) < 30:
        print(msg)
    problems.append(msg)


def squash(s):
    return re.sub(r"\s+", "", s.replace("\u00a0", " "))


def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        h = float(page.get("height"))
        ws = []
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            # To PDF coordinates (y up), like the cell boxes.
            ws.append((float(w.get("xMin")), h - float(w.get("yMax")),
                       float(w.get("xMax")), h - float(w.get("yMin")),
                       w.text or ""))
        pages.append(ws)
    return pages


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    pdf, cellfile, nrows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pages = words(pdf)
    cells = collections.defaultdict(list)
    with open(cellfile, encoding="utf-8") as f:
        for line in f:
            pg, row, col, x0, y0, x1, y1, text = \
                line.rstrip("\n").split("\t")
            cells[int(pg)].append((int(row), int(col), float(x0),
                                   float(y0), float(x1), float(y1), text))
    if len(pages) < 2:
        problem("%s: %d page(s), a long table needs more" %
                (pdf, len(pages)))

    # Every data row once, in the text of the whole document.
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    count = collections.Counter(int(n) for n in
                                re.findall(r"Vårdenhet (\d+)\b", text))
    for n in range(1, nrows + 1):
        if count[n] != 1:
            problem("row \"Vårdenhet %d\" appears %d times" % (n, count[n]))
    for n in count:
        if n < 1 or n > nrows:
            problem("row \"Vårdenhet %d\" is not in the table" % n)

    for i, ws in enumerate(pages, start=1):
        texts = [w[4] for w in ws]
        if texts.count("Enhet") != 1 or texts.count("Förvaltning") != 1:
            problem("page %d: the header rows are not there once" % i)
        forts = [k for k in range(len(texts) - 2) if texts[k] == "Tabell"
                 and texts[k + 1] == "1."]
        if len(forts) != 1:
            problem("page %d: %d captions" % (i, len(forts)))
        has = "(forts.)" in texts
        if has != (i > 1):
            problem("page %d: caption %s \"(forts.)\"" %
                    (i, "with" if has else "without"))
        boxes = cells.get(i, [])
        if not boxes:
            problem("page %d: no cells" % i)
            continue
        left = min(b[2] for b in boxes)
        right = max(b[4] for b in boxes)
        bottom = min(b[3] for b in boxes)
        top = max(b[5] for b in boxes)
        inside = collections.defaultdict(list)
        for w in ws:
            cx, cy = (w[0] + w[2]) / 2, (w[1] + w[3]) / 2
            if not (left - 5 <= cx <= right + 5 and
                    bottom - 5 <= cy <= top + 5):
                continue    # caption, text around the table, footer
            home = [b for b in boxes if b[2] - 4 <= cx <= b[4] + 4 and
                    b[3] - 4 <= cy <= b[5] + 4]
            if len(home) != 1:
                problem("page %d: word %r at %.1f,%.1f is in %d cells" %
                        (i, w[4], cx, cy, len(home)))
                continue
            b = home[0]
            if (w[0] < b[2] - TOL or w[2] > b[4] + TOL or
                    w[1] < b[3] - TOL or w[3] > b[5] + TOL):
                problem("page %d: word %r (%.2f %.2f %.2f %.2f) leaves "
                        "its cell (row %d, column %d: %.2f %.2f %.2f %.2f)"
                        % (i, w[4], w[0], w[1], w[2], w[3], b[0], b[1],
                           b[2], b[3], b[4], b[5]))
            inside[(b[0], b[1])].append(w[4])
        for b in boxes:
            got = squash("".join(inside.get((b[0], b[1]), [])))
            want = squash(b[6])
            if got != want:
                problem("page %d, row %d, column %d: text %r, want %r" %
                        (i, b[0], b[1], got, want))
    if problems:
        print("%d problem(s)" % len(problems))
        return 1
    print("table: %d pages, %d rows once each, header on every page, "
          "every word inside its cell" % (len(pages), nrows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
