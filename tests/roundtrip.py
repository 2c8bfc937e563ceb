#!/usr/bin/env python3
"""Compares text extracted from a PDF with the text that was put in.

usage: roundtrip.py EXPECTED.txt EXTRACTED.txt

The extracted text must hold every character of the expected text, in
order, exactly: the only differences allowed are line breaks (where the
expected text has a space, or right after a hyphen or dash) and hyphens
that layout added at a line end.  Prints the first difference.
"""
import sys

DASHES = "-\u2010\u2013\u2014"


def main():
    want = open(sys.argv[1], encoding="utf-8").read()
    got = open(sys.argv[2], encoding="utf-8").read()
    want = " ".join(want.split())
    got = got.replace("\f", "\n").strip()
    i = j = 0
    while i < len(want) and j < len(got):
        w, g = want[i], got[j]
        if w == g and not g.isspace():
            i += 1
            j += 1
        elif w == " " and g.isspace():
            i += 1
            while j < len(got) and got[j].isspace():
                j += 1
        elif g == "-" and got[j + 1:j + 2] == "\n":
            j += 2          # a hyphen layout added at a line end
        elif g.isspace() and i > 0 and want[i - 1] in DASHES:
            while j < len(got) and got[j].isspace():
                j += 1      # a line broken after a real hyphen
        else:
            ctx_w = want[max(0, i - 30):i + 30]
            ctx_g = got[max(0, j - 30):j + 30]
            print("differs at expected char %d: want %r, got %r\n  want: %r\n"
                  "  got:  %r" % (i, w, g, ctx_w, ctx_g))
            return 1
    while j < len(got) and got[j].isspace():
        j += 1
    if i < len(want) or j < len(got):
        print("lengths differ: %d of %d expected chars matched, %d of %d "
              "extracted" % (i, len(want), j, len(got)))
        return 1
    print("%d characters identical" % len(want))
    return 0


if __name__ == "__main__":
    sys.exit(main())
