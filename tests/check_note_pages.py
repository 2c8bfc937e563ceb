#!/usr/bin/env python3
"""Checks that each footnote is at the bottom of the page of its first
reference, in a PDF made from tests/regress/tagged/fotnoter.md.

    check_note_pages.py FILE.pdf COUNT

The fixture's convention: the note written for marker k (k = 1..COUNT)
begins "Noten till Kk." and is first referenced right after the word
"Kk".  Its number n is printed before its text ("n Noten till Kk."), so
the text has "Kk" followed by the raised n ("K712").  The note and that
reference must be on one page, each once in the file, and the numbers
1..COUNT each used once.  Exit 1 with one line per fault.
"""
import re
import subprocess
import sys


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, count = sys.argv[1], int(sys.argv[2])
    info = subprocess.run(["pdfinfo", path], capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = [subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(i),
                            "-l", str(i), path, "-"], capture_output=True,
                           text=True).stdout for i in range(1, pages + 1)]
    faults = 0
    numbers = []
    for k in range(1, count + 1):
        note = re.compile(r"(?<!\d)(\d+) Noten till K%d\." % k)
        found = [(i + 1, m.group(1)) for i, t in enumerate(text)
                 for m in note.finditer(t)]
        if len(found) != 1:
            print("%s: the note for K%d is on page(s) %s, want one" %
                  (path, k, [p for p, _ in found] or "none"))
            faults += 1
            continue
        npg, n = found[0]
        numbers.append(int(n))
        ref = re.compile(r"(?<!till )(?<![\w])K%d%s(?!\d)" % (k, n))
        rp = [i + 1 for i, t in enumerate(text) for _ in ref.finditer(t)]
        if rp != [npg]:
            print("%s: note %s (K%d) is on page %d, its reference on "
                  "page(s) %s" % (path, n, k, npg, rp or "none"))
            faults += 1
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        print("%s: the notes are not numbered 1..%d: %s" %
              (path, len(numbers), sorted(numbers)))
        faults += 1
    if faults:
        return 1
    print("%s: %d notes, each on the page of its first reference "
          "(%d pages)" % (path, count, pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
