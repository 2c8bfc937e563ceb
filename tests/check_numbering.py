#!/usr/bin/env python3
"""Checks the page numbers of a pack, page by page:

- every page's footer says "Sida N av M" with N its place in the file and
  M the number of pages;
- every page but the cover's first carries its document's own "x(y)" in
  the running header, or (the stamp on a page of a PDF made elsewhere)
  in the footer: x starts at 1 on a document's first page, grows by one
  per page, and y is the number of pages that document has;
- header and footer are the top 60 and the bottom 72 points of each page
  at its own size (landscape pages too); where a band holds several,
  the last drawn counts: the stamp is drawn over the page it numbers;
- with --starts "TITLE" ...: the bookmarks with those titles (documents
  behind items) lead to pages where x is 1.

usage: check_numbering.py PACK.pdf [--starts TITLE ...]
Prints one line per problem and exits 1 if there is any.
"""
import json
import re
import subprocess
import sys

problems = []


def problem(msg):
    problems.append(msg)
    print("problem: " + msg)


def bands(pdf, top=60.0, bottom=72.0):
    """The header and footer text of every page, words in drawing
    order, from the word boxes of pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    heads, feet = [], []
    height = 0.0
    for m in re.finditer(r'<page width="[\d.]+" height="([\d.]+)"|'
                         r'<word xMin="[\d.]+" yMin="([\d.]+)" '
                         r'xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
                         html):
        if m.group(1):
            height = float(m.group(1))
            heads.append([])
            feet.append([])
            continue
        word = m.group(4).replace("&amp;", "&")
        if float(m.group(3)) <= top:
            heads[-1].append(word)
        elif float(m.group(2)) >= height - bottom:
            feet[-1].append(word)
    return [" ".join(h) for h in heads], [" ".join(f) for f in feet]


def bookmarks(pdf):
    js = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                        check=True, capture_output=True).stdout
    found = []

    def walk(items):
        for o in items:
            found.append((o.get("title"), o.get("destpageposfrom1")))
            walk(o.get("kids", []))
    walk(json.loads(js)["outlines"])
    return found


def main():
    pdf = sys.argv[1]
    starts = sys.argv[3:] if len(sys.argv) > 2 and sys.argv[2] == "--starts" \
        else []
    heads, feet = bands(pdf)
    total = len(heads)
    xy = []
    for i, (h, f) in enumerate(zip(heads, feet)):
        m = re.findall(r"Sida (\d+) av (\d+)", f)
        if not m or int(m[-1][0]) != i + 1 or int(m[-1][1]) != total:
            problem("page %d: footer %r, want \"Sida %d av %d\""
                    % (i + 1, f.strip()[-30:], i + 1, total))
        m = re.findall(r"(\d+)\((\d+)\)", f) or \
            re.findall(r"(\d+)\((\d+)\)", h)
        xy.append((int(m[-1][0]), int(m[-1][1])) if m else None)
    prev = None
    for i, cur in enumerate(xy):
        if cur is None:
            if i != 0:
                problem("page %d: no x(y) in the header" % (i + 1))
            prev = (1, None)
            continue
        x, y = cur
        if x == 1:
            if prev is not None and prev[1] is not None and prev[0] != prev[1]:
                problem("page %d: a document starts, but the one before "
                        "ended at %d(%d)" % (i + 1, prev[0], prev[1]))
        elif prev is None or (prev[1] is not None and
                              (x != prev[0] + 1 or y != prev[1])):
            problem("page %d: %d(%d) does not follow %s" % (i + 1, x, y,
                    "%d(%s)" % prev if prev else "nothing"))
        if x > y:
            problem("page %d: %d(%d)" % (i + 1, x, y))
        prev = (x, y)
    if prev is not None and prev[1] is not None and prev[0] != prev[1]:
        problem("the last document ends at %d(%d)" % prev)
    marks = bookmarks(pdf)
    for title in starts:
        pages = [p for t, p in marks if t == title]
        if not pages:
            problem("no bookmark \"%s\"" % title)
        for p in pages:
            if p is None or p > total or xy[p - 1] is None or xy[p - 1][0] != 1:
                problem("bookmark \"%s\" leads to page %s, which is not a "
                        "document's first page" % (title, p))
    docs = sum(1 for c in xy if c and c[0] == 1) + (xy and xy[0] is None)
    print("%d pages, %d documents: %d problems" % (total, docs, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
