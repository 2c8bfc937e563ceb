#!/usr/bin/env python3
"""Writes the text of a generated meeting folder (tests/gen_meeting.py) as
the same pack for two other typesetters, for tests/compare/run.sh:

  pack.typ   Typst markup
  pack.md    Markdown for pandoc, then WeasyPrint (with pack.css)

usage: convert.py MEETING-FOLDER OUT-FOLDER

The same cover, agenda, cases (each on a new page, with its dnr, its
sections, lists, tables and proposal), A4, Liberation Serif 11 pt,
justified and hyphenated Swedish, page numbers in the footer.
"""
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET


def cases(folder):
    """(dnr, title, body lines) for each case of the agenda, in order."""
    root = ET.parse(os.path.join(folder, "meeting.xml")).getroot()
    for c in root.iter("case"):
        path = os.path.join(folder, c.get("file"))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        head, body = text.split("\n---\n", 1)
        meta = dict(l.split(": ", 1) for l in head.splitlines()[1:])
        yield meta["dnr"], meta["title"], os.path.dirname(path), body


def table_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


FIGURE = re.compile(r"^!\[(.*)\]\((.*\.csv)\)$")


def typ_escape(s):
    return re.sub(r"([\\#$*_<>@\[\]`~=/+-])", r"\\\1", s)


def typst(folder, out):
    w = out.write
    w('#set document(title: "Kallelse Regionstyrelsen 2026-12-08")\n'
      '#set page(paper: "a4", margin: (x: 25mm, y: 25mm), '
      'footer: context [#h(1fr) Sida #counter(page).display()])\n'
      '#set text(font: "Liberation Serif", size: 11pt, lang: "sv", '
      'hyphenate: true)\n'
      '#set par(justify: true, leading: 0.55em)\n'
      '#set heading(numbering: none)\n'
      '#show heading.where(level: 1): it => { pagebreak(weak: true); it }\n'
      '#align(center)[#text(size: 20pt)[Kallelse] \\ Regionstyrelsen '
      '2026-12-08]\n\n#outline(title: [Föredragningslista], depth: 1)\n\n')
    for n, (dnr, title, cdir, body) in enumerate(cases(folder), 1):
        w("= § %d %s\n\n%s\n\n" % (n, typ_escape(title), typ_escape(dnr)))
        for line in body.splitlines():
            m = FIGURE.match(line)
            if m:
                rows = table_rows(os.path.join(cdir, m.group(2)))
                w("#figure(caption: [%s], table(columns: %d, align: "
                  "(left,) + (right,) * %d, table.header(%s),\n%s))\n\n" % (
                      typ_escape(m.group(1)), len(rows[0]), len(rows[0]) - 1,
                      ", ".join("[*%s*]" % typ_escape(c) for c in rows[0]),
                      ",\n".join(", ".join("[%s]" % typ_escape(c) for c in r)
                                 for r in rows[1:])))
            elif line.startswith("## "):
                w("=== %s\n" % typ_escape(line[3:]))
            elif line.startswith("# "):
                w("== %s\n" % typ_escape(line[2:]))
            elif line.startswith("- "):
                w("- %s\n" % typ_escape(line[2:]))
            elif re.match(r"^\d+\. ", line):
                w("+ %s\n" % typ_escape(line.split(" ", 1)[1]))
            elif re.match(r"^   [a-z]\. ", line):
                w("  + %s\n" % typ_escape(line.split(". ", 1)[1]))
            else:
                w(typ_escape(line) + "\n")


def markdown(folder, out):
    w = out.write
    w("---\ntitle: Kallelse Regionstyrelsen 2026-12-08\nlang: sv\n---\n\n")
    for n, (dnr, title, cdir, body) in enumerate(cases(folder), 1):
        w('# § %d %s {.case}\n\n%s\n\n' % (n, title, dnr))
        for line in body.splitlines():
            m = FIGURE.match(line)
            if m:
                rows = table_rows(os.path.join(cdir, m.group(2)))
                w("| " + " | ".join(rows[0]) + " |\n|:--" +
                  "|--:" * (len(rows[0]) - 1) + "|\n")
                for r in rows[1:]:
                    w("| " + " | ".join(r) + " |\n")
                w("\n: %s\n" % m.group(1))
            elif line.startswith("#"):
                w("#" + line + "\n")
            else:
                w(line + "\n")


CSS = """@page { size: A4; margin: 25mm;
  @bottom-right { content: "Sida " counter(page); } }
body { font-family: "Liberation Serif"; font-size: 11pt; line-height: 1.3;
  text-align: justify; hyphens: auto; }
h1.title { font-size: 20pt; text-align: center; }
h1 { page-break-before: always; font-size: 14pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt;
  page-break-inside: auto; }
thead { display: table-header-group; }
td, th { padding: 1pt 3pt; border-bottom: 0.5pt solid #888; }
nav#TOC a { color: black; text-decoration: none; }
nav#TOC a::after { content: leader('.') target-counter(attr(href), page); }
"""


def main():
    folder, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "pack.typ"), "w", encoding="utf-8") as f:
        typst(folder, f)
    with open(os.path.join(outdir, "pack.md"), "w", encoding="utf-8") as f:
        markdown(folder, f)
    with open(os.path.join(outdir, "pack.css"), "w", encoding="utf-8") as f:
        f.write(CSS)


if __name__ == "__main__":
    main()
