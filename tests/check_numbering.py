#!/usr/bin/env python3
"""Checks the page numbers of a pack, page by page:

- every page's footer says "Sida N av M" with N its place in the file and
  M the number of pages;
- every page but the cover's first carries its document's own "x(y)" in
  the running header: x starts at 1 on a document's first page, grows by
  one per page, and y is the number of pages that document has;
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


def band(pdf, y, h):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-x", "0", "-y",
                          str(y), "-W", "900", "-H", str(h), pdf, "-"],
                         check=True, capture_output=True).stdout
    pages = out.decode("utf-8").split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()
    return pages


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
    heads = band(pdf, 0, 60)      # above the text area: headers
    feet = band(pdf, 770, 80)     # below it: footers
    total = len(heads)
    xy = []
    for i, (h, f) in enumerate(zip(heads, feet)):
        m = re.search(r"Sida (\d+) av (\d+)", f)
        if not m or int(m.group(1)) != i + 1 or int(m.group(2)) != total:
            problem("page %d: footer %r, want \"Sida %d av %d\""
                    % (i + 1, f.strip()[-30:], i + 1, total))
        m = re.findall(r"(\d+)\((\d+)\)", h)
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
