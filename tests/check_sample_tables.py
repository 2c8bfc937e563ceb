#!/usr/bin/env python3
"""Checks the typesetting of a pack's tables, on one file.

    check_sample_tables.py FILE.pdf

Fails (exit 1, one line per fault) on:
- numbers: two neighbouring numbers on a table line (a line with a gap
  of two em or more, as between cells, and no telephone number) with
  less than one em of white
  between them (pdftotext -bbox; the em is the words' height over 1.116,
  as for Liberation Sans);
- hyphenation: a word broken with a hyphen at the end of a cell line of
  a table line, when the cell could have held the whole word (its line
  runs from the cell's left edge to the next cell, less an em);
- breaking: a page holding fewer than two body rows of a table that
  continues from or onto another page (the tagged PDF's structure tree:
  each TR of a TBody and the pages its marked content is on).
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pikepdf

NUM = re.compile(r'^[−+-]?\d[\d,]*( ?%)?$|^%$|^\?$|^\d+[–-]\d+$')
GROUP = re.compile(r'^\d{3}(,\d+)?%?$')


def pages_words(path):
    out = subprocess.run(['pdftotext', '-bbox', path, '-'], check=True,
                         capture_output=True, text=True).stdout
    out = re.sub(r'<!DOCTYPE[^>]*>', '', out)
    out = out.replace('&nbsp;', ' ')
    root = ET.fromstring(out)
    ns = {'x': 'http://www.w3.org/1999/xhtml'}
    for pno, page in enumerate(root.iter('{http://www.w3.org/1999/xhtml}page'), 1):
        words = []
        for w in page.findall('x:word', ns):
            words.append((float(w.get('xMin')), float(w.get('yMin')),
                          float(w.get('xMax')), float(w.get('yMax')),
                          w.text or ''))
        yield pno, words


def lines_of(words):
    lines = {}
    for w in words:
        lines.setdefault(round(w[1], 1), []).append(w)
    return [sorted(v) for _, v in sorted(lines.items())]


def em(w):
    return (w[3] - w[1]) / 1.116


def numbers(line):
    """The line's items, numbers joined across their group spaces."""
    items = []
    for w in line:
        if items and items[-1][4] and w[0] - items[-1][2] < 0.45 * em(w) \
                and (GROUP.match(w[4]) or w[4] == '%'):
            p = items[-1]
            items[-1] = (p[0], p[1], w[2], w[3], True, p[5] + ' ' + w[4])
            continue
        items.append((w[0], w[1], w[2], w[3], bool(NUM.match(w[4])), w[4]))
    return items


PHONE = re.compile(r'^0\d+-\d+$')


def table_line(line):
    # A telephone number ("010-481 24 58") is no table's numbers.
    if any(PHONE.match(w[4]) for w in line):
        return False
    return any(b[0] - a[2] >= 2 * em(a) for a, b in zip(line, line[1:]))


def check_words(path):
    faults = []
    pages = list(pages_words(path))
    for pno, words in pages:
        lines = lines_of(words)
        for li, line in enumerate(lines):
            if not table_line(line):
                continue
            items = numbers(line)
            for a, b in zip(items, items[1:]):
                if a[4] and b[4] and b[0] - a[2] < em(a) - 0.05:
                    faults.append('page %d: "%s" and "%s" are %.1f pt apart, '
                                  'less than an em (%.1f pt)' % (
                                      pno, a[5], b[5], b[0] - a[2], em(a)))
            for i, w in enumerate(line):
                if not w[4].endswith('-') or len(w[4]) < 3:
                    continue
                nxt = line[i + 1] if i + 1 < len(line) else None
                if nxt is not None and nxt[0] - w[2] < em(w):
                    continue        # not the end of its cell's line
                # The cell's left edge: back to a gap of an em or more.
                k = i
                while k > 0 and w[0] - line[k - 1][2] >= 0 and \
                        line[k][0] - line[k - 1][2] < em(w):
                    k -= 1
                left = line[k][0]
                right = nxt[0] - em(w) if nxt is not None else None
                # The rest of the word: the next line's word at that edge.
                rest = None
                for later in lines[li + 1:li + 3]:
                    for v in later:
                        if abs(v[0] - left) < 1:
                            rest = v
                            break
                    if rest is not None:
                        break
                if rest is None or not rest[4][:1].islower() or \
                        rest[4] in ('och', 'eller', 'samt', 'till'):
                    continue        # "Hälso- och": a compound, not broken
                whole = (w[2] - w[0]) * (len(w[4]) - 1) / len(w[4]) + \
                    (rest[2] - rest[0])
                if right is None or w[0] + whole <= right:
                    faults.append('page %d: "%s%s" is hyphenated in a table '
                                  'cell that could hold it whole' % (
                                      pno, w[4], rest[4]))
    return faults


def check_rows(path):
    faults = []
    pdf = pikepdf.open(path)
    pageno = {p.objgen: i + 1 for i, p in enumerate(pdf.pages)}

    def pages_of(node, pg, acc):
        if isinstance(node, pikepdf.Array):
            for k in node:
                pages_of(k, pg, acc)
            return
        if isinstance(node, int):
            if pg is not None:
                acc.add(pageno.get(pg.objgen))
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if '/Pg' in node:
            pg = node.Pg
        if node.get('/Type') == '/MCR' or '/MCID' in node:
            if pg is not None:
                acc.add(pageno.get(pg.objgen))
            return
        if '/K' in node:
            pages_of(node.K, pg, acc)

    def walk(node, tables):
        if isinstance(node, pikepdf.Array):
            for k in node:
                walk(k, tables)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get('/S') == '/Table':
            rows = []
            for part in kids(node):
                if part.get('/S') == '/TBody':
                    for tr in kids(part):
                        acc = set()
                        pages_of(tr, tr.get('/Pg'), acc)
                        rows.append(acc)
            tables.append(rows)
            return
        if '/K' in node:
            walk(node.K, tables)

    def kids(node):
        k = node.get('/K')
        if k is None:
            return []
        if isinstance(k, pikepdf.Array):
            return [x for x in k if isinstance(x, pikepdf.Dictionary)]
        return [k] if isinstance(k, pikepdf.Dictionary) else []

    tables = []
    walk(pdf.Root.StructTreeRoot, tables)
    split = 0
    for n, rows in enumerate(tables, 1):
        count = {}
        for acc in rows:
            for p in acc:
                count[p] = count.get(p, 0) + 1
        if len(count) < 2:
            continue
        split += 1
        for p, c in sorted(count.items()):
            if c < 2:
                faults.append('page %d: holds %d body row of table %d, '
                              'which runs over pages %s' % (
                                  p, c, n, sorted(count)))
    return faults, len(tables), split


def main():
    path = sys.argv[1]
    faults = check_words(path)
    rf, ntables, nsplit = check_rows(path)
    faults += rf
    for f in faults:
        print(f)
    print('%d tables (%d split over pages): %d faults' % (
        ntables, nsplit, len(faults)))
    return 1 if faults else 0


if __name__ == '__main__':
    sys.exit(main())
