#!/usr/bin/env python3
"""Checks that official references and hyphenated names are never broken
across lines in a PDF: reads the words and their boxes (pdftotext -bbox),
puts them back into lines by their position, and looks for each form
with a line break anywhere inside it (at a space, at a hyphen, or
hyphenated inside a word).

usage: check_nobreak.py FILE.pdf FORM... (prints each broken one; exit 1)
With --min N, also fails unless at least N of the forms' occurrences
ended a line or began one (so that the fixture does test breaking).
"""
import html
import re
import subprocess
import sys


def lines_of(pdf):
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    lines = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        rows = {}
        for x, y, w in re.findall(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)"'
                                  r'[^>]*>(.*?)</word>', page):
            rows.setdefault(round(float(y)), []).append((float(x),
                                                        html.unescape(w)))
        for y in sorted(rows):
            lines.append(" ".join(w for _, w in sorted(rows[y])))
    return lines


def pattern(form, broken):
    """The form with a line break allowed between any two characters
    (a space may be the break; a break inside a word may show a '-')."""
    parts = []
    for i, c in enumerate(form):
        if c == " ":
            parts.append("[ \n]")
            continue
        parts.append(re.escape(c))
        if i + 1 < len(form) and form[i + 1] != " ":
            parts.append("(?:-?\n)?")
    p = "".join(parts)
    return re.compile(r"(?<![\w/])" + p + r"(?![\w/])")


def main():
    args = sys.argv[1:]
    need = 0
    if args[:1] == ["--min"]:
        need = int(args[1])
        args = args[2:]
    pdf, forms = args[0], args[1:]
    text = "\n".join(lines_of(pdf))
    bad = 0
    at_edge = 0
    total = 0
    for f in forms:
        for m in pattern(f, True).finditer(text):
            total += 1
            s = m.group(0)
            if "\n" in s:
                print("broken: %r in %r" % (f, s))
                bad += 1
            a, b = m.start(), m.end()
            if a == 0 or text[a - 1] == "\n" or b == len(text) or \
                    text[b] == "\n" or text[b:b + 2] in (".\n", ",\n"):
                at_edge += 1
    print("%d occurrences of %d forms, %d at a line's start or end, "
          "%d broken" % (total, len(forms), at_edge, bad))
    if at_edge < need:
        print("only %d at a line's start or end: the fixture tests too "
              "little (want %d)" % (at_edge, need))
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
