#!/usr/bin/env python3
"""Words of a tagged PDF's logical text are words of its page text.

    check_words.py STRUCT.txt PAGE.txt

STRUCT.txt is `pdfinfo -struct-text`, PAGE.txt `pdftotext -enc UTF-8`
of the same file.  pdftotext joins words hyphenated at a line end
itself, and sees spaces where glyphs are apart, so a word of the
structure's text that is not among the page's words ran together with
its neighbour (a line end without its space) or was split (a hyphen
left in, a word cut).  Exit 1 and the first such words if any.
"""
import re
import sys


def words(s):
    # Runs of letters: numbers and their units are spaced in ways
    # pdftotext does not keep (no-break and thin spaces).
    return set(re.findall(r"[^\W\d_]+", s))


def main():
    # pdfinfo prints each marked-content sequence of an element as a
    # string of its own: consecutive ones are one text.
    parts = []
    for line in open(sys.argv[1], encoding="utf-8"):
        m = re.match(r'^ *"(.*)"$', line.rstrip("\n"))
        parts.append(m.group(1) if m else " ")
    text = "".join(parts)
    page = open(sys.argv[2], encoding="utf-8").read()
    pw = words(page)
    extra = words(text) - pw
    # A line broken after a word's own hyphen ("e-" | "hälsa"): the
    # logical text keeps "e-hälsa", pdftotext takes the hyphen for an
    # added one and reads "ehälsa".
    for a, b in re.findall(r"([^\W\d_]+)-([^\W\d_]+)", text):
        if a + b in pw:
            extra.discard(a)
            extra.discard(b)
    extra = sorted(extra)
    for w in extra[:10]:
        print("not a word of the page: %s" % w)
    return 1 if extra else 0


if __name__ == "__main__":
    sys.exit(main())
