#!/usr/bin/env python3
"""Measurements of the sample pack a careful reader would notice.

Usage: check_typeset.py PACK.pdf

- The header block of every tjänsteskrivelse and its signers ("I tjänsten")
  start at the text margin, as the text around them does.
- The running header's rule keeps the template's gap (3 pt, as a block's
  rule) below the header's descenders: measured on the rendered page.
Prints one line per problem and exits 1 if there is any.
"""
import re
import subprocess
import sys

pdf = sys.argv[1]
bad = 0


def problem(s):
    global bad
    bad += 1
    print("problem: " + s)


def pages_words(path):
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True,
                          capture_output=True).stdout.decode()
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)"|<word xMin="([\d.]+)" '
                         r'yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html):
        if m.group(1):
            pages.append((float(m.group(1)), float(m.group(2)), []))
        else:
            pages[-1][2].append((float(m.group(3)), float(m.group(4)),
                                 float(m.group(5)), float(m.group(6)), m.group(7)))
    return pages


pages = pages_words(pdf)
MARGIN = 25 / 25.4 * 72

# 1. Grids (header block, signers) at the margin.
heads = signers = 0
for n, (w, h, words) in enumerate(pages, 1):
    texts = [x[4] for x in words]
    if "TJÄNSTESKRIVELSE" in texts and "Handläggare" in texts:
        heads += 1
        x = [v for v in words if v[4] == "Handläggare"][0]
        if abs(x[0] - MARGIN) > 0.05:
            problem("page %d: the header block starts at %.2f pt, the margin at %.2f" % (n, x[0], MARGIN))
    for i, v in enumerate(words[:-1]):
        if v[4] == "I" and words[i + 1][4] == "tjänsten":
            # The signers' names: the next line's first word.
            below = [u for u in words if u[1] > v[3] + 2 and u[1] < v[3] + 60]
            if not below:
                continue
            top = min(u[1] for u in below)
            first = min((u for u in below if abs(u[1] - top) < 0.5), key=lambda u: u[0])
            signers += 1
            if abs(first[0] - v[0]) > 0.05:
                problem("page %d: the signers start at %.2f pt, \"I tjänsten\" at %.2f" % (n, first[0], v[0]))
if heads < 5 or signers < 5:
    problem("found %d header blocks and %d signer rows: the sample has more" % (heads, signers))


# 2. The running header's rule: the gap between the lowest ink of the
# header's text and the rule, on page 56 of the sample (a header with
# descenders: "Tjänsteskrivelse").
def gray_rows(path, page, dpi, height_pt):
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                          "-y", "0", "-H", str(int(height_pt * dpi / 72)), "-x", "0",
                          "-W", "100000", path], capture_output=True, check=True).stdout
    head, rest = out.split(b"\n", 1)
    dims, rest = rest.split(b"\n", 1)
    maxv, data = rest.split(b"\n", 1)
    W, H = map(int, dims.split())
    return W, H, data


DPI = 288
rule_pages = 0
for n, (w, h, words) in enumerate(pages, 1):
    if not any(x[4] == "Tjänsteskrivelse" and x[1] < 40 for x in words):
        continue
    rule_pages += 1
    W, H, d = gray_rows(pdf, n, DPI, 60)
    dark = [sum(1 for v in d[r * W:(r + 1) * W] if v < 160) for r in range(H)]
    rule = [r for r in range(H) if dark[r] > W * 0.5]
    ink = [r for r in range(H) if 0 < dark[r] <= W * 0.5 and (not rule or r < rule[0])]
    if not rule or not ink:
        problem("page %d: no running header rule or text found" % n)
        continue
    gap = (rule[0] - ink[-1] - 1) * 72 / DPI
    if gap < 3.0 - 0.3:
        problem("page %d: the running header's text is %.2f pt above its rule, want 3" % (n, gap))
    if rule_pages >= 3:
        break
if rule_pages == 0:
    problem("no page with the running header \"... Tjänsteskrivelse\"")

# 3. A status legend's items evenly spaced: from the end of one item's
# words to the start of the next item's words (its symbol before them
# is the same width for each) the same distance.
legends = 0
for n, (w, h, words) in enumerate(pages, 1):
    for v in words:
        if v[4] != "Uppfyllt":
            continue
        line = sorted((u for u in words if abs(u[1] - v[1]) < 0.5), key=lambda u: u[0])
        t = [u[4] for u in line]
        if t != ["Uppfyllt", "Delvis", "uppfyllt", "Ej", "uppfyllt"]:
            continue
        legends += 1
        g1 = line[1][0] - line[0][2]
        g2 = line[3][0] - line[2][2]
        if abs(g1 - g2) > 0.5:
            problem("page %d: the status legend's items are %.1f and %.1f pt apart" % (n, g1, g2))
if legends < 2:
    problem("found %d status legends: the sample has 2" % legends)

# 4. The cover carries the organisation's logo, printed at 300 dpi or
# more (pdfimages gives the resolution it prints at).
imgs = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", pdf], check=True,
                      capture_output=True).stdout.decode().splitlines()[2:]
ppi = [min(int(r.split()[12]), int(r.split()[13])) for r in imgs if r.split()[2] == "image"]
if not ppi:
    problem("page 1: the cover has no logo")
elif min(ppi) < 300:
    problem("page 1: the logo prints at %d dpi, want 300 or more" % min(ppi))

print("%d problems" % bad)
sys.exit(1 if bad else 0)
