#!/usr/bin/env python3
"""Checks a report's table of contents against the pack: every line
"N  Title .... P" of the page headed "Innehåll" must name a chapter whose
bookmark "N Title" leads to page P of the PDF (the pack's numbering).

usage: check_toc.py PACK.pdf
Prints one line per problem and exits 1 if there is any, or if no table
of contents is found.
"""
import json
import re
import subprocess
import sys


def main():
    pdf = sys.argv[1]
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", pdf,
                            "-"], check=True,
                           capture_output=True).stdout.decode().split("\f")
    js = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                        check=True, capture_output=True).stdout
    marks = {}

    def walk(items):
        for o in items:
            marks.setdefault(o.get("title"), o.get("destpageposfrom1"))
            walk(o.get("kids", []))
    walk(json.loads(js)["outlines"])
    bad = lines = 0
    for p in pages:
        if not re.search(r"^\s*Innehåll\s*$", p, re.M):
            continue
        for line in p.splitlines():
            m = re.match(r"\s*(\d+(?:\.\d+)*)\s+(.*?)\s*(?:\.\s?){3,}\s*(\d+)"
                         r"\s*$", line)
            if not m:
                continue
            lines += 1
            title = "%s %s" % (m.group(1), m.group(2))
            want = marks.get(title)
            if want != int(m.group(3)):
                bad += 1
                print("problem: \"%s\" is listed on page %s, its bookmark "
                      "leads to page %s" % (title, m.group(3), want))
    if lines == 0:
        print("problem: no table of contents found")
        bad += 1
    print("%d lines of contents: %d problems" % (lines, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
