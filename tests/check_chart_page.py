#!/usr/bin/env python3
"""Checks that a chart is on one page with its title and legend.

usage: check_chart_page.py PACK.pdf TITLE LAST-CATEGORY SERIES...

The page holding TITLE (the chart's title, a line of words of its own)
must also hold, below the title, LAST-CATEGORY (the x axis's last label)
and under that each SERIES name (the legend), all before the next
element: the values table's header, whose first word is "Serie" here,
or the page's foot.  Prints one line per problem and exits 1 if there
is any.
"""
import html
import re
import subprocess
import sys


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"],
                         check=True, capture_output=True).stdout.decode()
    for page in out.split("<page ")[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             page):
            words.append((float(m.group(2)), float(m.group(1)),
                          html.unescape(m.group(5))))
        yield words


def lines(words):
    """Words grouped into lines by their top, top to bottom."""
    out = {}
    for y, x, w in words:
        out.setdefault(round(y), []).append((x, w))
    return [(y, " ".join(w for _, w in sorted(ws)))
            for y, ws in sorted(out.items())]


def main():
    pdf, title, last, series = sys.argv[1], sys.argv[2], sys.argv[3], \
        sys.argv[4:]
    found = 0
    bad = []
    for n, words in enumerate(pages(pdf), 1):
        ls = lines(words)
        tops = [y for y, t in ls if t == title]
        if not tops:
            continue
        found += 1
        top = tops[0]
        rest = [(y, t) for y, t in ls if y > top]
        cat = [y for y, t in rest if t.split()[-1:] == [last] or
               t.endswith(" " + last)]
        if not cat:
            bad.append("page %d: the chart's axis (\"%s\") is not on the "
                       "page of its title" % (n, last))
            continue
        head = [y for y, t in rest if y > cat[0] and t.startswith("Serie ")
                and len(t.split()) > len(series)]
        end = head[0] if head else 1e9
        legend = " ".join(t for y, t in rest if cat[0] < y < end)
        for s in series:
            if s not in legend:
                bad.append("page %d: legend entry \"%s\" is not under the "
                           "chart on the page of its title" % (n, s))
    if found == 0:
        bad.append("no page holds the chart's title \"%s\"" % title)
    for b in bad:
        print("problem: " + b)
    print("%d chart page(s): %d problems" % (found, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
