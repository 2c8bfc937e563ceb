#!/usr/bin/env python3
"""Justified text as a careful reader wants it, measured on the words'
boxes (pdftotext -bbox) of tests/regress/typeset/handlingar/satt.md.

Usage: check_justify.py SATT.pdf

- No line stretches its spaces beyond 1.75 times their width (the
  natural width: the spaces of a one-line paragraph, set as it is).
- The first paragraph is justified: every line but its last ends at the
  right margin.
- A list whose first item cannot be justified without a very loose line
  is set ragged as a whole: every space of every item's lines is the
  natural one, none of its lines stretched.
- The paragraph of diarienummer that do not break is set ragged as a
  whole, not one line ragged and the other stretched.
- Inline code has the text's x-height: the letters of "summor" (none
  rise above the x-height or fall below the baseline) are as tall in
  code as in the text around it, measured in ink at 288 dpi.
Prints one line per problem and exits 1 if there is any.
"""
import re
import subprocess
import sys

bad = 0


def problem(s):
    global bad
    bad += 1
    print("problem: " + s)


html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", sys.argv[1], "-"],
                      check=True, capture_output=True).stdout.decode()
words = [(float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5))
         for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                              r'yMax="([\d.]+)">([^<]*)</word>', html)]
# Lines: a word whose middle lies inside a line's first word's height
# is on that line (inline code's box is of another height).
lines = []
for w in sorted(words, key=lambda w: (w[1], w[0])):
    mid = (w[1] + w[3]) / 2
    for ln in lines:
        if ln[0][1] < mid < ln[0][3]:
            ln.append(w)
            break
    else:
        lines.append([w])
lines = [sorted(ln) for ln in lines]
# The body's lines: the height of the first paragraph's words.
body_h = next(w[3] - w[1] for w in words if w[4] == "rapporten")
body = [ln for ln in lines if abs(ln[0][3] - ln[0][1] - body_h) < 0.1]


def gaps(ln):
    return [b[0] - a[2] for a, b in zip(ln, ln[1:])
            if a[4] not in ("•",)]


right = max(ln[-1][2] for ln in body)


def find(first):
    for i, ln in enumerate(body):
        if ln[0][4] == first or (len(ln) > 1 and ln[0][4] == "•" and ln[1][4] == first):
            return i
    problem('no line starts with "%s"' % first)
    return None


def text(ln):
    return " ".join(w[4] for w in ln)


# The natural space: in the one-line paragraph, set at its width.
n = find("Punkterna")
space = min(gaps(body[n])) if n is not None else 0

# 1. No loose line anywhere.
for ln in body:
    g = gaps(ln)
    if g and max(g) > 1.75 * space + 0.05:
        problem("a space of %.2f pt, %.2f times the natural %.2f: %s"
                % (max(g), max(g) / space, space, text(ln)[:70]))

# 2. The first paragraph justified.
a, b = find("Den"), find("I")
if a is not None and b is not None:
    if b - a < 3:
        problem("the first paragraph has %d lines, want 3 or more" % (b - a))
    for ln in body[a:b - 1]:
        if abs(ln[-1][2] - right) > 0.3:
            problem("a line of the justified paragraph ends at %.2f, the margin at %.2f: %s"
                    % (ln[-1][2], right, text(ln)[:70]))


def ragged(a, b, what):
    if a is None or b is None:
        return
    if b - a < 4:
        problem("%s has %d lines, want 4 or more" % (what, b - a))
    for ln in body[a:b]:
        g = gaps(ln)
        if g and max(g) > space + 0.05:
            problem("%s: a line stretched (a space of %.2f pt, natural %.2f): %s"
                    % (what, max(g), space, text(ln)[:70]))


# 3. The list ragged as a whole, 4. so the paragraph of numbers.
ragged(find("Läget"), find("Beslut"), "the list")
ragged(find("Beslut"), len(body), "the paragraph of diarienummer")



# 5. The x-height of inline code: the ink rows of each "summor".
def ink_height(w, dpi=288):
    k = dpi / 72
    x, y = int(w[0] * k) + 1, int(w[1] * k)
    W, H = int((w[2] - w[0]) * k) - 2, int((w[3] - w[1]) * k)
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1",
                          "-x", str(x), "-y", str(y), "-W", str(W), "-H", str(H), sys.argv[1]],
                         check=True, capture_output=True).stdout
    head, rest = out.split(b"\n", 1)
    dims, rest = rest.split(b"\n", 1)
    maxv, data = rest.split(b"\n", 1)
    cw, ch = map(int, dims.split())
    rows = [r for r in range(ch) if min(data[r * cw:(r + 1) * cw]) < 128]
    return (rows[-1] - rows[0] + 1) / k if rows else 0


summor = [w for w in words if w[4] == "summor"]
if len(summor) != 2:
    problem('found %d words "summor", want 2 (code and text)' % len(summor))
else:
    code, txt = ink_height(summor[0]), ink_height(summor[1])
    if abs(code - txt) > 0.3:
        problem("inline code's x-height is %.2f pt, the text's %.2f" % (code, txt))

print("%d problems" % bad)
sys.exit(1 if bad else 0)
